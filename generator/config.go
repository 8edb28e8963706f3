package generator

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"

	"github.com/jdgen/jdgen/internal/fonts"
)

// Config is the company file as written by the user (config contract v1),
// decoded strictly. Zero values mean "not given"; defaults are filled in by
// Resolve, in one place.
type Config struct {
	Version   *int             `yaml:"version"`
	Company   CompanyConfig    `yaml:"company"`
	Defaults  DefaultsConfig   `yaml:"defaults"`
	Roles     []RoleConfig     `yaml:"roles"`
	Templates []TemplateConfig `yaml:"templates"`
	Ladder    LadderConfig     `yaml:"ladder"`
	Posting   PostingConfig    `yaml:"posting"`
	Output    OutputConfig     `yaml:"output"`

	// File is the config path as the user gave it (used in messages).
	File string `yaml:"-"`
	// Dir is the folder relative paths in the file resolve against.
	Dir string `yaml:"-"`
	// Logo is the logo file's bytes, read and checked by Load.
	Logo []byte `yaml:"-"`
	// FontSet is the fonts the documents are drawn with: company.fonts,
	// read and checked by Load, or the built-in set.
	FontSet *fonts.Set `yaml:"-"`
	// texts are the strings decoded, checked against FontSet by validate
	// (and dropped then).
	texts []textRef

	// roleLines is the line of each entry of roles.
	roleLines []int
	// streamed is how many roles were decoded as the parser read them
	// (see roleStream).
	streamed int
	// pos finds the lines of key paths when messages need them (see
	// positions).
	pos *positions
	// warnings are those found by the checks Parse runs before resolving.
	warnings []Problem
}

// CompanyConfig is the `company:` section.
type CompanyConfig struct {
	Name             string   `yaml:"name"`
	Industry         string   `yaml:"industry"`
	Employees        *int     `yaml:"employees"`
	About            string   `yaml:"about"`
	Website          string   `yaml:"website"`
	Logo             string   `yaml:"logo"`
	BrandColor       string   `yaml:"brand_color"`
	Benefits         []string `yaml:"benefits"`
	EqualOpportunity string   `yaml:"equal_opportunity"`
	// Locale is the company's English: en-US (default), en-GB, en-CA, en-AU.
	Locale string `yaml:"locale"`
	// Fonts are the company's own TrueType fonts, paths relative to the file.
	Fonts FontsConfig `yaml:"fonts"`
	// AtWill adds the at-will employment statement (US).
	AtWill *bool `yaml:"at_will"`
	// AccommodationContact says how to request an accommodation.
	AccommodationContact string `yaml:"accommodation_contact"`
}

// FontsConfig is `company.fonts`: TrueType files for the documents.
type FontsConfig struct {
	Regular string `yaml:"regular"`
	Bold    string `yaml:"bold"`
	Italic  string `yaml:"italic"`
}

// PostingConfig is the top-level `posting:` section (defaults for every
// role's candidate-facing posting) and, per role, `roles[].posting`, which
// overrides it key by key or is written `false` for a role not open.
type PostingConfig struct {
	// Open is false for roles that are not open (no posting is made).
	// `posting: false` on a role is short for `posting: {open: false}`.
	Open *bool `yaml:"open"`
	// ApplyBy is the application deadline, YYYY-MM-DD; absent means
	// applications are accepted on an ongoing basis.
	ApplyBy    string `yaml:"apply_by"`
	HowToApply string `yaml:"how_to_apply"`
	ApplyURL   string `yaml:"apply_url"`
	// Vacancy is "existing" or "future" (Ontario requires saying which).
	Vacancy string `yaml:"vacancy"`
	// AIScreening says whether AI is used to screen applicants (Ontario).
	AIScreening *bool `yaml:"ai_screening"`
}

// DefaultsConfig is the `defaults:` section every role inherits.
type DefaultsConfig struct {
	Location       LocationConfig `yaml:"location"`
	Workplace      string         `yaml:"workplace"`
	EmploymentType string         `yaml:"employment_type"`
	Currency       string         `yaml:"currency"`
	FLSA           string         `yaml:"flsa"`
	// RemoteRegions are where a remote role's person may live (US, US-CO,
	// CA-ON, EU, ...).
	RemoteRegions []string `yaml:"remote_regions"`
}

// SalaryConfig is a pay range.
type SalaryConfig struct {
	Min      *float64 `yaml:"min"`
	Max      *float64 `yaml:"max"`
	Currency string   `yaml:"currency"`
	Period   string   `yaml:"period"`
}

// ItemConfig is one list item in a config: either a plain string (the text)
// or a mapping with key, area, text and preferred.
type ItemConfig struct {
	Key       string `yaml:"key"`
	Area      string `yaml:"area"`
	Text      string `yaml:"text"`
	Preferred bool   `yaml:"preferred"`
	// For ties a KPI or qualification to a responsibility by key: without
	// that responsibility the item is left out, and validation says so.
	For string `yaml:"for"`
}

// ListPatch changes a template list: `add` appends items, `remove` drops
// items by key. Written as a plain sequence, it replaces the list.
type ListPatch struct {
	Add     []ItemConfig `yaml:"add"`
	Remove  []string     `yaml:"remove"`
	Replace []ItemConfig `yaml:"-"`
	// Replaces is true when the list was written as a sequence.
	Replaces bool `yaml:"-"`
}

// RoleConfig is one entry of `roles:`.
type RoleConfig struct {
	ID             string         `yaml:"id"`
	Template       string         `yaml:"template"`
	Title          string         `yaml:"title"`
	Focus          string         `yaml:"focus"`
	Department     string         `yaml:"department"`
	ReportsTo      string         `yaml:"reports_to"`
	Headcount      *int           `yaml:"headcount"`
	Level          string         `yaml:"level"`
	Location       LocationConfig `yaml:"location"`
	Workplace      string         `yaml:"workplace"`
	EmploymentType string         `yaml:"employment_type"`
	FLSA           string         `yaml:"flsa"`
	Salary         *SalaryConfig  `yaml:"salary"`
	Summary        string         `yaml:"summary"`
	// Extra holds the keys few roles write (responsibilities,
	// qualifications, kpis, remote_regions, posting): nil when the role
	// writes none of them, so that a role that does not costs one pointer
	// instead of 272 bytes. Read them through the methods of the same
	// names, which return zero values when Extra is nil.
	Extra *RoleExtra `yaml:",inline"`
}

// RoleExtra is the keys of a role few roles write (see RoleConfig.Extra);
// they are written on the role itself, as if its fields were RoleConfig's.
type RoleExtra struct {
	Responsibilities ListPatch `yaml:"responsibilities"`
	Qualifications   ListPatch `yaml:"qualifications"`
	KPIs             ListPatch `yaml:"kpis"`
	// RemoteRegions overrides defaults.remote_regions.
	RemoteRegions []string `yaml:"remote_regions"`
	// Posting overrides the top-level posting section for this role.
	Posting *PostingConfig `yaml:"posting"`
}

// Responsibilities is the role's change to its template's
// responsibilities; zero when it writes none.
func (r *RoleConfig) Responsibilities() ListPatch {
	if r.Extra == nil {
		return ListPatch{}
	}
	return r.Extra.Responsibilities
}

// Qualifications is the role's change to its template's qualifications;
// zero when it writes none.
func (r *RoleConfig) Qualifications() ListPatch {
	if r.Extra == nil {
		return ListPatch{}
	}
	return r.Extra.Qualifications
}

// KPIs is the role's change to its template's KPIs; zero when it writes
// none.
func (r *RoleConfig) KPIs() ListPatch {
	if r.Extra == nil {
		return ListPatch{}
	}
	return r.Extra.KPIs
}

// RemoteRegions is the role's remote_regions, overriding
// defaults.remote_regions; nil when the role does not write the key (an
// empty list when it writes one).
func (r *RoleConfig) RemoteRegions() []string {
	if r.Extra == nil {
		return nil
	}
	return r.Extra.RemoteRegions
}

// Posting is the role's posting section, overriding the top-level one;
// nil when the role does not write it.
func (r *RoleConfig) Posting() *PostingConfig {
	if r.Extra == nil {
		return nil
	}
	return r.Extra.Posting
}

// DimensionsConfig overrides some of a template's dimensions.
type DimensionsConfig struct {
	Scope                string `yaml:"scope"`
	Seniority            string `yaml:"seniority"`
	DecisionAuthority    string `yaml:"decision_authority"`
	StrategicFocus       string `yaml:"strategic_focus"`
	OrganisationalImpact string `yaml:"organisational_impact"`
}

// TemplateConfig is one custom template under `templates:`.
type TemplateConfig struct {
	ID                string           `yaml:"id"`
	Extends           string           `yaml:"extends"`
	Title             string           `yaml:"title"`
	Level             string           `yaml:"level"`
	Summary           string           `yaml:"summary"`
	Responsibilities  ListPatch        `yaml:"responsibilities"`
	Qualifications    ListPatch        `yaml:"qualifications"`
	KPIs              ListPatch        `yaml:"kpis"`
	Dimensions        DimensionsConfig `yaml:"dimensions"`
	WorkingConditions []string         `yaml:"working_conditions"`
	FLSA              string           `yaml:"flsa"`
	ReportsTo         string           `yaml:"reports_to"`
}

// LadderConfig is the `ladder:` section.
type LadderConfig struct {
	Name  string                  `yaml:"name"`
	Bands map[string]SalaryConfig `yaml:"bands"`
}

// OutputConfig is the `output:` section.
type OutputConfig struct {
	Dir   string `yaml:"dir"`
	Paper string `yaml:"paper"`
	// Strict turns every warning into a problem (like --strict).
	Strict *bool `yaml:"strict"`
	// PayChart draws the band-position bar in job descriptions.
	PayChart *bool `yaml:"pay_chart"`
	// PDFA asks for archival PDF/A-2b documents.
	PDFA *bool `yaml:"pdfa"`
	// Formats chooses the outputs to make; all when empty.
	Formats []string `yaml:"formats"`
}

// Line returns the line of a key path in the file, falling back to the
// nearest enclosing path that has one, then to line 1.
//
// Each call decodes the file again: messages collected in a run find their
// lines together (problems.place).
func (c *Config) Line(path string) int {
	lines, _ := c.pos.find([]string{path}, nil)
	return lines[path]
}

// roleLine is the line of roles[i] in the file.
func (c *Config) roleLine(i int) int {
	if i < len(c.roleLines) && c.roleLines[i] > 0 {
		return c.roleLines[i]
	}
	return c.Line(fmt.Sprintf("roles[%d]", i))
}

// positions find the line of a key path and the column a one-line text
// starts on. Only messages need them, and a large company file has
// hundreds of thousands of paths, so none are kept while decoding: the
// messages of a run wait for their lines (problems.place) and then one
// decoding of the file records just the paths they name, without keeping
// what it decodes.
//
// The text is kept compressed (flate), at about a tenth of its size, and
// every decoding reads it from there, the first one too: the file's bytes
// are not held while the file is decoded and the company resolved, and
// the decodings for positions read exactly the text the first one did,
// whatever became of the file since, wherever it was read from.
type positions struct {
	mu sync.Mutex
	// packed is the text, compressed.
	packed []byte
	// passes counts the decodings find ran.
	passes int
}

// packLevel is the flate level the text is kept at: a 1.9 MB file of
// 10,000 roles packs to 156 KB in about 9 ms and unpacks in 2 ms.
const packLevel = 2

// packers are flate writers at packLevel, reused: each holds most of a
// megabyte of tables.
var packers sync.Pool

// newPositions keeps the text src (see positions).
func newPositions(src []byte) *positions {
	var buf bytes.Buffer
	w, _ := packers.Get().(*flate.Writer)
	if w == nil {
		w, _ = flate.NewWriter(&buf, packLevel) // a valid level: no error
	} else {
		w.Reset(&buf)
	}
	// Writes to a bytes.Buffer do not fail.
	w.Write(src)
	w.Close()
	w.Reset(io.Discard) // not to keep buf
	packers.Put(w)
	return &positions{packed: bytes.Clone(buf.Bytes())}
}

// source reads the text kept.
func (p *positions) source() io.Reader {
	return flate.NewReader(bytes.NewReader(p.packed))
}

// recorder is what one positions pass looks for and finds.
type recorder struct {
	// want holds the key paths asked for and every path above them (a
	// path the file does not have takes the line of the nearest one it
	// does); wantCols the texts whose columns are asked for.
	want, wantCols map[string]bool
	lines, cols    map[string]int
}

// line records the line of path; a key's own line (key) wins over the line
// its value starts on, which is recorded only for a path not yet seen.
func (r *recorder) line(path string, line int, key bool) {
	if !r.want[path] {
		return
	}
	if _, seen := r.lines[path]; key || !seen {
		r.lines[path] = line
	}
}

func (r *recorder) wantsCol(path string) bool { return r != nil && r.wantCols[path] }

// find decodes the file once more and returns the lines of paths (or of
// the nearest path above each one the file has; 1 when none) and the
// columns of the texts at colPaths, where the file writes them on one line.
func (p *positions) find(paths, colPaths []string) (lines, cols map[string]int) {
	rec := &recorder{want: map[string]bool{}, wantCols: map[string]bool{}, lines: map[string]int{}, cols: map[string]int{}}
	for _, path := range paths {
		for q := path; q != "" && !rec.want[q]; q = parentPath(q) {
			rec.want[q] = true
		}
	}
	for _, path := range colPaths {
		rec.wantCols[path] = true
	}
	if p != nil {
		p.mu.Lock()
		decodeInto(p.source(), &problems{}, &Config{}, rec)
		p.passes++
		p.mu.Unlock()
	}
	lines = make(map[string]int, len(paths))
	for _, path := range paths {
		lines[path] = 1
		for q := path; q != ""; q = parentPath(q) {
			if l, ok := rec.lines[q]; ok {
				lines[path] = l
				break
			}
		}
	}
	return lines, rec.cols
}

func parentPath(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		switch p[i] {
		case '.':
			return p[:i]
		case '[':
			return p[:i]
		}
	}
	return ""
}
