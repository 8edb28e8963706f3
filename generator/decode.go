package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// MaxTextLength is the longest text a config value may hold, in UTF-16 code
// units: a spreadsheet cell holds no more.
const MaxTextLength = 32767

// maxNodes bounds how many values a document may expand to through aliases.
const maxNodes = 2_000_000

// problems collects the problems of one config; file is filled in at the end.
type problems struct {
	list []Problem
	// warnings are findings that do not stop the run (see DESIGN.md,
	// warnings); --strict turns them into problems.
	warnings []Problem
	// decoded is how many problems decoding found. Later checks skip the
	// paths those problems cover, so one mistake is reported once.
	decoded int
	fatal   bool
	// dropped counts problems beyond MaxProblems, not recorded.
	dropped int
	// pos finds the lines of the problems recorded with addAt and warnAt.
	pos *positions
}

func (p *problems) add(line int, path, format string, args ...any) {
	if p.covered(path) {
		return
	}
	if len(p.list) >= MaxProblems {
		p.dropped++
		return
	}
	p.list = append(p.list, Problem{Line: line, Path: path, Message: fmt.Sprintf(format, args...)})
}

// warn records a warning: the file is valid, but a person should look.
func (p *problems) warn(line int, path, format string, args ...any) {
	p.warnings = append(p.warnings, Problem{Line: line, Path: path, Message: fmt.Sprintf(format, args...)})
}

// addAt records a problem on the line of the key path at, looked up with
// the others' when the problems are sorted (place).
func (p *problems) addAt(at, path, format string, args ...any) {
	n := len(p.list)
	if p.add(0, path, format, args...); len(p.list) > n {
		p.list[n].at = at
	}
}

// warnAt records a warning on the line of the key path at (see addAt).
func (p *problems) warnAt(at, path, format string, args ...any) {
	p.warn(0, path, format, args...)
	p.warnings[len(p.warnings)-1].at = at
}

// warnAtColumn is warnAt for a finding in the text at path: the message
// starts with "column N: ", N the text's column plus add, when the file
// writes the text on one line.
func (p *problems) warnAtColumn(path string, add int, format string, args ...any) {
	p.warnAt(path, path, format, args...)
	p.warnings[len(p.warnings)-1].col, p.warnings[len(p.warnings)-1].colAdd = path, add
}

// place looks up the lines (and columns) the problems and warnings
// recorded with addAt and warnAt wait for: one decoding of the file for
// all of them.
func (p *problems) place() {
	var paths, cols []string
	for _, list := range [][]Problem{p.list, p.warnings} {
		for _, q := range list {
			if q.at != "" {
				paths = append(paths, q.at)
			}
			if q.col != "" {
				cols = append(cols, q.col)
			}
		}
	}
	if len(paths) == 0 {
		return
	}
	lines, columns := p.pos.find(paths, cols)
	for _, list := range [][]Problem{p.list, p.warnings} {
		for i := range list {
			q := &list[i]
			if q.at == "" {
				continue
			}
			q.Line = lines[q.at]
			if c, ok := columns[q.col]; ok && q.col != "" {
				q.Message = fmt.Sprintf("column %d: %s", c+q.colAdd, q.Message)
			}
			q.at, q.col, q.colAdd = "", "", 0
		}
	}
}

// endDecoding marks the end of decoding: problems found so far are the
// decoder's.
func (p *problems) endDecoding() { p.decoded = len(p.list) }

// covered reports whether a decoding problem already covers path.
func (p *problems) covered(path string) bool {
	if path == "" {
		return false
	}
	for _, q := range p.list[:p.decoded] {
		if q.Path != "" && (within(path, q.Path) || within(q.Path, path)) {
			return true
		}
	}
	return false
}

// within reports whether path is base or below it.
func within(path, base string) bool {
	return path == base || strings.HasPrefix(path, base+".") || strings.HasPrefix(path, base+"[")
}

func (p *problems) sorted(file string) []Problem {
	p.place()
	return sortProblems(p.list, file)
}

// sortedWarnings is the warnings, deduplicated, sorted like problems.
func (p *problems) sortedWarnings(file string) []Problem {
	p.place()
	out := sortProblems(p.warnings, file)
	return slices.CompactFunc(out, func(a, b Problem) bool { return a == b })
}

// sortProblems copies list, fills in file and sorts by line, then path.
func sortProblems(list []Problem, file string) []Problem {
	if len(list) == 0 {
		return nil
	}
	out := make([]Problem, len(list))
	copy(out, list)
	for i := range out {
		out[i].File = file
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Path < out[j].Path
	})
	return out
}

var yamlLineRe = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// decodeConfig turns the raw file into a Config, recording the line of each
// role; the lines of other key paths are found when a message needs them
// (see positions). Problems are returned, never raised.
//
// The text is decoded from the compressed copy positions keep, not from
// data: data is not needed once checked and packed, and the decodings for
// positions read the very same text.
func decodeConfig(data []byte, ps *problems) *Config {
	cfg := &Config{}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cfg.pos = newPositions(data)
	ps.pos = cfg.pos
	if checkSource(data, ps) {
		decodeInto(cfg.pos.source(), ps, cfg, nil)
	}
	return cfg
}

// checkSource checks what must hold of the whole text before it is parsed:
// valid UTF-8 and no tab indentation. It reports false (with the problems,
// fatal) when they do not hold.
func checkSource(data []byte, ps *problems) bool {
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8At(data)], []byte("\n"))
		ps.add(line, "", "the file is not valid UTF-8 (was it saved as Windows-1252 or Latin-1?); save it as UTF-8")
		ps.fatal = true
		return false
	}
	if tabs := tabIndentedLines(data); len(tabs) > 0 {
		for _, l := range tabs {
			ps.add(l, "", "tab character used for indentation; YAML needs spaces")
		}
		ps.fatal = true
		return false
	}
	return true
}

// decodeInto decodes the text src reads into cfg; the text passed
// checkSource. With rec it also records the lines of the key paths and the
// columns of the one-line texts rec asks for, and decodes the roles
// without keeping them (see positions).
func decodeInto(src io.Reader, ps *problems, cfg *Config, rec *recorder) {
	d := &decoder{ps: ps, rec: rec, budget: maxNodes, active: map[*yaml.Node]bool{}}
	before := d.save()
	var root yaml.Node
	dec := yaml.NewDecoder(src)
	// Each role is decoded as soon as it is parsed, and its nodes dropped
	// (see streamRole): the whole file as nodes is many times its size.
	if streamRoles {
		dec.SetItemHook(d.streamRole)
	}
	err := dec.Decode(&root)
	dec.SetItemHook(nil)
	// A limit the roles reached is fatal once the rest is decoded too, as
	// when they were decoded after parsing.
	rolesFatal := ps.fatal && !before.fatal
	ps.fatal = before.fatal
	if err == nil {
		err = secondDocument(dec, ps)
	}
	if errors.Is(err, io.EOF) {
		err = nil // an empty file: reported below
	}
	if err != nil {
		// What the roles read before the error said goes: the syntax
		// error is the one problem, as when nothing was decoded.
		d.restore(before)
		line, msg := 1, err.Error()
		if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
			if m[1] != "" {
				line, _ = strconv.Atoi(m[1])
			}
			msg = m[2]
		}
		ps.add(line, "", "YAML syntax error: %s", msg)
		ps.fatal = true
		return
	}
	if ps.fatal {
		return
	}
	if root.Kind == 0 || len(root.Content) == 0 || root.Content[0].Tag == "!!null" {
		ps.add(1, "", "the file is empty; run \"jdgen init\" for a starter company.yaml")
		ps.fatal = true
		return
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		d.restore(before)
		ps.add(doc.Line, "", "the top level must be a mapping with version, company and roles keys")
		ps.fatal = true
		return
	}
	d.decode(doc, reflect.ValueOf(cfg).Elem(), "")
	ps.fatal = ps.fatal || rolesFatal
	cfg.texts = d.texts
	cfg.roleLines = d.roleLines
	cfg.streamed = d.stream.count
	ps.endDecoding()
}

// secondDocument refuses a second YAML document after "---": jdgen reads
// one, and silently ignoring the rest would drop the user's roles.
func secondDocument(dec *yaml.Decoder, ps *problems) error {
	var next yaml.Node
	err := dec.Decode(&next)
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(next.Content) == 0 || (next.Content[0].Kind == yaml.ScalarNode && next.Content[0].Tag == "!!null") {
		return nil // a trailing "---" with nothing after it
	}
	line := max(1, next.Content[0].Line-1)
	if next.Line > 0 && next.Line < next.Content[0].Line {
		line = next.Line
	}
	ps.add(line, "", "a second YAML document starts here (after \"---\"); jdgen reads one document per file: merge it into the first or remove it")
	ps.fatal = true
	return nil
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func tabIndentedLines(data []byte) []int {
	var out []int
	inBlock := false
	blockIndent := 0
	for i, line := range strings.Split(string(data), "\n") {
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		lead := line[:indent]
		trimmed := strings.TrimSpace(line)
		if inBlock {
			if trimmed == "" || indent > blockIndent {
				continue
			}
			inBlock = false
		}
		if strings.Contains(lead, "\t") && trimmed != "" && !strings.HasPrefix(trimmed, "#") {
			out = append(out, i+1)
		}
		t := strings.TrimRight(trimmed, " ")
		if strings.HasSuffix(t, "|") || strings.HasSuffix(t, ">") || strings.HasSuffix(t, "|-") || strings.HasSuffix(t, ">-") {
			inBlock, blockIndent = true, indent
		}
	}
	return out
}

type decoder struct {
	ps    *problems
	texts []textRef // every string decoded, for checkGlyphs
	// rec records positions (see positions); nil: not recorded.
	rec *recorder
	// roleLines is the line of each entry of roles.
	roleLines []int
	// stream is the roles list as the parser hands it over.
	stream  roleStream
	budget  int
	exhaust bool
	// text is how many bytes of text were decoded, aliases expanded.
	text int
	// items is how many list items were decoded, aliases expanded.
	items int
	// active holds the nodes being decoded, to refuse an alias that
	// refers to a node containing it.
	active map[*yaml.Node]bool
	// interned holds the short texts decoded (see intern).
	interned map[string]string
}

// enter marks n as being decoded; it reports false (and a problem) when n
// is already being decoded further up: a self-referential alias.
func (d *decoder) enter(n *yaml.Node, path string) bool {
	if d.active[n] {
		d.ps.add(n.Line, path, "a YAML alias refers to a value that contains it; remove the loop")
		return false
	}
	d.active[n] = true
	return true
}

var (
	listPatchType = reflect.TypeOf(ListPatch{})
	itemType      = reflect.TypeOf(ItemConfig{})
	postingType   = reflect.TypeOf(PostingConfig{})
)

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.Tag {
	case "!!str":
		return strconv.Quote(n.Value)
	case "!!null":
		return "nothing"
	}
	return n.Value
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if d.budget--; d.budget < 0 {
		if !d.exhaust {
			d.exhaust = true
			d.ps.add(n.Line, path, "the document expands to more than %d values (YAML aliases?); simplify it", maxNodes)
		}
		return
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if v.Kind() == reflect.Pointer {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
		nv := reflect.New(v.Type().Elem())
		d.decode(n, nv.Elem(), path)
		v.Set(nv)
		return
	}
	if !d.enter(n, path) {
		return
	}
	defer delete(d.active, n)
	if d.rec != nil && path != "" {
		d.rec.line(path, n.Line, false)
	}
	t := v.Type()
	switch {
	case t == listPatchType:
		d.decodeListPatch(n, v.Addr().Interface().(*ListPatch), path)
		return
	case t == itemType && n.Kind == yaml.ScalarNode && n.Tag != "!!null":
		it := v.Addr().Interface().(*ItemConfig)
		d.decodeString(n, reflect.ValueOf(&it.Text).Elem(), path)
		return
	case t == locationType && n.Kind == yaml.ScalarNode && n.Tag != "!!null":
		// A location is text or the mapping {city, region, country}.
		d.decodeString(n, reflect.ValueOf(&v.Addr().Interface().(*LocationConfig).Text).Elem(), path)
		return
	case t == postingType && n.Kind == yaml.ScalarNode && n.Tag == "!!bool":
		// `posting: false` is short for `posting: {open: false}`.
		open := n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
		v.Addr().Interface().(*PostingConfig).Open = &open
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // not given
	}
	switch t.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.ps.add(n.Line, path, "must be a list, got %s", describe(n))
			return
		}
		if n == d.stream.seq {
			d.endStream(n, v)
			return
		}
		if !d.fits(n, path) {
			return
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		if path == "roles" {
			// Not streamed (an anchored list): the line of each role, as
			// Line("roles[i]") would find it: an alias's target.
			d.roleLines = make([]int, len(n.Content))
			for i, c := range n.Content {
				for c.Kind == yaml.AliasNode {
					c = c.Alias
				}
				d.roleLines[i] = c.Line
			}
		}
		for i, c := range n.Content {
			d.decode(c, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.ps.add(n.Line, path, "must be a mapping, got %s", describe(n))
			return
		}
		if len(n.Content)/2 > MaxListItems {
			d.ps.add(n.Line, path, "has %d entries; the limit is %d", len(n.Content)/2, MaxListItems)
			return
		}
		m := reflect.MakeMap(t)
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if prev, dup := seen[k.Value]; dup {
				d.ps.add(k.Line, join(path, k.Value), "duplicate key (first at line %d)", prev)
				continue
			}
			seen[k.Value] = k.Line
			ev := reflect.New(t.Elem()).Elem()
			if d.rec != nil {
				d.rec.line(join(path, k.Value), k.Line, true)
			}
			d.decode(val, ev, join(path, k.Value))
			m.SetMapIndex(reflect.ValueOf(k.Value), ev)
		}
		v.Set(m)
	case reflect.String:
		d.decodeString(n, v, path)
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			d.ps.add(n.Line, path, "must be a whole number, got %s", describe(n))
			return
		}
		var i int
		if err := n.Decode(&i); err != nil {
			d.ps.add(n.Line, path, "must be a whole number, got %s", describe(n))
			return
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
			d.ps.add(n.Line, path, "must be a number, got %s", describe(n))
			return
		}
		var f float64
		if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			d.ps.add(n.Line, path, "must be a number, got %s", describe(n))
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.ps.add(n.Line, path, "must be true or false, got %s", describe(n))
			return
		}
		v.SetBool(n.Value == "true" || n.Value == "True" || n.Value == "TRUE")
	default:
		d.ps.add(n.Line, path, "cannot be decoded (internal: %s)", t)
	}
}

// fits reports whether the list n may be decoded: it has at most
// listLimit(path) items (one problem otherwise).
func (d *decoder) fits(n *yaml.Node, path string) bool {
	return d.fitsCount(n, path, len(n.Content))
}

// fitsCount is fits for the list n of count items (a streamed list holds
// fewer nodes than it had items).
func (d *decoder) fitsCount(n *yaml.Node, path string, count int) bool {
	limit := listLimit(path)
	if count > limit {
		d.ps.add(n.Line, path, "has %d items; the limit is %d", count, limit)
		return false
	}
	if limit == MaxListItems {
		if d.items += count; d.items > MaxTotalItems {
			if d.items-count <= MaxTotalItems {
				d.ps.add(n.Line, path, "the file holds more than %d list items in all (YAML aliases expanded); the limit is %d", MaxTotalItems, MaxTotalItems)
				d.ps.fatal = true
			}
			return false
		}
	}
	return true
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.ps.add(n.Line, path, "must be a mapping of keys, got %s", describe(n))
		return
	}
	fields, names := structKeys(v.Type())
	// Merged mappings (<<: *anchor) first: keys written here win over them.
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Tag == "!!merge" {
			d.decodeMerge(n.Content[i+1], v, path)
		}
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Tag == "!!merge" {
			continue
		}
		key := k.Value
		kp := join(path, key)
		if prev, dup := seen[key]; dup {
			d.ps.add(k.Line, kp, "duplicate key (first at line %d)", prev)
			continue
		}
		seen[key] = k.Line
		fi, ok := fields[key]
		if !ok {
			d.ps.add(k.Line, kp, "unknown key%s; allowed here: %s", suggestSuffix(key, names), strings.Join(names, ", "))
			continue
		}
		if d.rec != nil {
			d.rec.line(kp, k.Line, true)
		}
		if fi.inline < 0 {
			d.decode(val, v.Field(fi.index), kp)
			continue
		}
		// A key of an inline struct: allocated when the first of its
		// keys gives a value.
		ptr := v.Field(fi.index)
		if !ptr.IsNil() {
			d.decode(val, ptr.Elem().Field(fi.inline), kp)
			continue
		}
		fresh := reflect.New(ptr.Type().Elem())
		if d.decode(val, fresh.Elem().Field(fi.inline), kp); !fresh.Elem().IsZero() {
			ptr.Set(fresh)
		}
	}
}

// structField is where the value of a key goes in a struct: field index,
// or, for a key of a struct the field index points to (tagged
// `yaml:",inline"`, see RoleConfig.Extra), field inline of that struct;
// inline is -1 otherwise.
type structField struct{ index, inline int }

// keysOf caches structKeys by type: a company file has thousands of roles.
var keysOf sync.Map // reflect.Type -> structKeysOf

type structKeysOf struct {
	fields map[string]structField
	names  []string
}

// structKeys is the keys a struct of type t takes, with where each goes,
// and their names in field order (for messages); neither is to be changed.
func structKeys(t reflect.Type) (map[string]structField, []string) {
	if k, ok := keysOf.Load(t); ok {
		return k.(structKeysOf).fields, k.(structKeysOf).names
	}
	fields, names := findStructKeys(t)
	keysOf.Store(t, structKeysOf{fields, names})
	return fields, names
}

// findStructKeys is structKeys, uncached.
func findStructKeys(t reflect.Type) (map[string]structField, []string) {
	fields := map[string]structField{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		tag, opt, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if ft := t.Field(i).Type; tag == "" && opt == "inline" && ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct {
			for j := 0; j < ft.Elem().NumField(); j++ {
				if tag, _, _ := strings.Cut(ft.Elem().Field(j).Tag.Get("yaml"), ","); tag != "" && tag != "-" {
					fields[tag] = structField{i, j}
					names = append(names, tag)
				}
			}
			continue
		}
		if tag == "" || tag == "-" {
			continue
		}
		fields[tag] = structField{i, -1}
		names = append(names, tag)
	}
	return fields, names
}

func (d *decoder) decodeMerge(val *yaml.Node, v reflect.Value, path string) {
	for val.Kind == yaml.AliasNode {
		val = val.Alias
	}
	if d.budget--; d.budget < 0 || !d.enter(val, path) {
		return
	}
	defer delete(d.active, val)
	if val.Kind == yaml.SequenceNode {
		for _, c := range val.Content {
			d.decodeMerge(c, v, path)
		}
		return
	}
	d.decodeStruct(val, v, path)
}

func (d *decoder) decodeListPatch(n *yaml.Node, lp *ListPatch, path string) {
	switch n.Kind {
	case yaml.SequenceNode:
		if !d.fits(n, path) {
			return
		}
		lp.Replaces = true
		lp.Replace = make([]ItemConfig, len(n.Content))
		for i, c := range n.Content {
			d.decode(c, reflect.ValueOf(&lp.Replace[i]).Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	case yaml.MappingNode:
		d.decodeStruct(n, reflect.ValueOf(lp).Elem(), path)
	default:
		if n.Tag == "!!null" {
			return
		}
		d.ps.add(n.Line, path, "must be a list (replaces the template's items) or a mapping with add and remove, got %s", describe(n))
	}
}

func (d *decoder) decodeString(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode {
		d.ps.add(n.Line, path, "must be text, got %s", describe(n))
		return
	}
	switch n.Tag {
	case "!!null":
		return
	case "!!bool":
		d.ps.add(n.Line, path, "must be text, got %s; put it in quotes if you mean the word", n.Value)
		return
	}
	// Soft hyphens are hints for breaking a word; the PDF would draw them
	// as visible hyphens, so they go.
	s := strings.TrimSpace(strings.ReplaceAll(n.Value, "\u00ad", ""))
	if msg := checkText(s, anyGlyph, ""); msg != "" {
		d.ps.add(n.Line, path, "%s", msg)
		return
	}
	if d.text += len(s); d.text > MaxTotalText {
		if d.text-len(s) <= MaxTotalText {
			d.ps.add(n.Line, path, "the file holds more than %d MiB of text (YAML aliases expanded); the limit is %d MiB", MaxTotalText>>20, MaxTotalText>>20)
		}
		return
	}
	s = norm.NFC.String(s)
	// Glyphs are checked once the fonts are known (checkGlyphs); a
	// decoding for positions checks nothing.
	if d.rec == nil {
		s = d.intern(s)
		d.texts = append(d.texts, textRef{n.Line, path, s})
	}
	v.SetString(s)
	d.textChecks(n, path, s)
}

// maxInterned is the longest text decoding keeps one copy of however
// often the file writes it (see intern).
const maxInterned = 64

// intern returns the copy of s decoded first, for a short text: a large
// company writes the same templates, departments, locations and managers
// on thousands of roles, and each value the parser reads is a new string.
func (d *decoder) intern(s string) string {
	if len(s) > maxInterned {
		return s
	}
	if c, ok := d.interned[s]; ok {
		return c
	}
	if d.interned == nil {
		d.interned = map[string]string{}
	}
	d.interned[s] = s
	return s
}

// checkText says why s cannot be rendered with fonts that cover the runes
// covers accepts (fontName names them in the message), or returns "".
func checkText(s string, covers func(rune) bool, fontName string) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	s = norm.NFC.String(s)
	if n := len(utf16.Encode([]rune(s))); n > MaxTextLength {
		return fmt.Sprintf("is %d characters long; the limit is %d", n, MaxTextLength)
	}
	var bad []string
	seen := map[rune]bool{}
	kind := ""
	for _, r := range s {
		if covers(r) || seen[r] {
			continue
		}
		seen[r] = true
		switch {
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			if kind == "" {
				kind = "control"
			}
			bad = append(bad, fmt.Sprintf("U+%04X", r))
		case r > 0xFFFF:
			if kind == "" {
				kind = "astral"
			}
			bad = append(bad, fmt.Sprintf("\"%c\" (U+%04X)", r, r))
		default:
			if kind == "" {
				kind = "glyph"
			}
			bad = append(bad, fmt.Sprintf("\"%c\" (U+%04X)", r, r))
		}
	}
	if len(bad) == 0 {
		return ""
	}
	list := bad
	more := ""
	if len(list) > 5 {
		more = fmt.Sprintf(" and %d more", len(list)-5)
		list = list[:5]
	}
	chars := strings.Join(list, ", ") + more
	switch kind {
	case "control":
		return fmt.Sprintf("contains control character %s; remove it", chars)
	case "astral":
		return fmt.Sprintf("%s cannot be drawn in the PDF (emoji and other characters above U+FFFF are not supported)", chars)
	}
	verb := "has"
	if len(bad) > 1 {
		verb = "have"
	}
	return fmt.Sprintf("%s %s no glyph in %s", chars, verb, fontName)
}
