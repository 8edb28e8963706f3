package generator

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The outputs a run can make (output.formats, --formats).
const (
	// FormatJobDescriptions is job-descriptions/<id>.pdf.
	FormatJobDescriptions = "job-descriptions"
	// FormatPostings is postings/<id>.pdf, .html, .md and postings/index.html.
	FormatPostings = "postings"
	// FormatWorkbook is career-ladder.xlsx.
	FormatWorkbook = "workbook"
	// FormatOrgChart is org-chart.pdf.
	FormatOrgChart = "org-chart"
)

// Formats are the allowed values of output.formats and --formats, in the
// order the outputs are made.
var Formats = []string{FormatJobDescriptions, FormatPostings, FormatWorkbook, FormatOrgChart}

// ParseFormats reads a comma-separated list of formats ("postings,workbook")
// as the --formats flag gives it. Spaces around names are ignored; an
// unknown or repeated name is an error naming it.
func ParseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("%w: %q; use a comma-separated list of %s%s", ErrUnknownFormat, f, strings.Join(Formats, ", "), didYouMean(f, Formats))
		}
		if slices.Contains(out, f) {
			return nil, fmt.Errorf("%w: %q is listed twice", ErrUnknownFormat, f)
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: the list is empty; use a comma-separated list of %s", ErrUnknownFormat, strings.Join(Formats, ", "))
	}
	return out, nil
}

// Makes reports whether the run makes the given format: every format when
// Formats is empty.
func (s Settings) Makes(format string) bool {
	return len(s.Formats) == 0 || slices.Contains(s.Formats, format)
}

// Posting is what a role's candidate-facing posting says beyond the role
// itself: how and by when to apply. Role.Posting is nil for a role that is
// not open (`posting: false`); it still gets its job description.
type Posting struct {
	// ApplyBy is the application deadline, YYYY-MM-DD; empty means
	// applications are accepted on an ongoing basis.
	ApplyBy string `json:"apply_by,omitempty"`
	// HowToApply is the company's text on how to apply.
	HowToApply string `json:"how_to_apply"`
	// ApplyURL is where candidates apply (http, https or mailto), if any.
	ApplyURL string `json:"apply_url,omitempty"`
	// Vacancy is "existing" or "future" when the config says (Ontario).
	Vacancy string `json:"vacancy,omitempty"`
	// AIScreening says whether AI screens applicants, when the config says.
	AIScreening *bool `json:"ai_screening,omitempty"`
	// RemoteRegions are where a remote role's person may live (US, US-CO,
	// CA-ON, EU, ...), from the role or defaults.remote_regions.
	RemoteRegions []string `json:"remote_regions,omitempty"`
}

// ApplyByDate is the deadline as a date (UTC midnight); ok is false when
// applications are accepted on an ongoing basis.
func (p *Posting) ApplyByDate() (t time.Time, ok bool) {
	if p == nil || p.ApplyBy == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, p.ApplyBy)
	return t, err == nil
}

// Ongoing is the apply_by value that says applications are accepted on an
// ongoing basis, as leaving it out does.
const Ongoing = "ongoing"

// checkFormats validates output.formats; the settings of a run use them
// unless --formats is given.
func (r *resolver) checkFormats() []string {
	var out []string
	for i, f := range r.c.Output.Formats {
		p := fmt.Sprintf("output.formats[%d]", i)
		switch {
		case !slices.Contains(Formats, f):
			r.at(p, "unknown format %q; use %s%s", f, strings.Join(Formats, ", "), didYouMean(f, Formats))
		case slices.Contains(out, f):
			r.at(p, "%q is listed twice", f)
		default:
			out = append(out, f)
		}
	}
	return out
}

// postings resolves every role's posting: the top-level posting section
// with the role's overrides on top, or nil for a role that is not open.
func (r *resolver) postings(m *Model) {
	top := r.c.Posting
	r.checkPostingConfig("posting", top)
	open := 0
	for i := range m.Roles {
		if i >= len(r.c.Roles) {
			break
		}
		role, rc := &m.Roles[i], r.c.Roles[i]
		p := fmt.Sprintf("roles[%d].posting", i)
		own := rc.Posting()
		if own != nil {
			r.checkPostingConfig(p, *own)
		}
		pc := mergePosting(top, own)
		if pc.Open != nil && !*pc.Open {
			continue
		}
		open++
		if strings.EqualFold(pc.ApplyBy, Ongoing) {
			pc.ApplyBy = ""
		}
		post := &Posting{
			ApplyBy: pc.ApplyBy, HowToApply: strings.TrimSpace(pc.HowToApply), ApplyURL: strings.TrimSpace(pc.ApplyURL),
			Vacancy: pc.Vacancy, AIScreening: pc.AIScreening,
		}
		if role.Workplace == "remote" {
			post.RemoteRegions = slices.Clone(rc.RemoteRegions())
			if len(post.RemoteRegions) == 0 {
				post.RemoteRegions = slices.Clone(r.c.Defaults.RemoteRegions)
			}
		}
		// how_to_apply may be a bare URL: then it is also where to apply.
		if post.ApplyURL == "" && isWebURL(post.HowToApply) {
			post.ApplyURL = post.HowToApply
		}
		if post.HowToApply == "" && post.ApplyURL == "" {
			if w := strings.TrimSpace(r.c.Company.Website); w != "" {
				post.HowToApply = "Apply through our website: " + w
			} else {
				post.HowToApply = "To apply, contact " + strings.TrimRight(firstOf(r.c.Company.Name, "us"), ".") + "."
			}
		}
		role.Posting = post
	}
	if open > 0 && m.Settings.Makes(FormatPostings) {
		if c, err := strconv.ParseUint(strings.TrimPrefix(m.Company.BrandColor, "#"), 16, 32); err == nil && len(m.Company.BrandColor) == 7 {
			if ratio := ContrastOnWhite(uint32(c)); ratio < 4.5 {
				r.warnAt("company.brand_color", "%s has a contrast ratio of %.1f:1 against white, below the 4.5:1 that text needs (WCAG 2.1 AA); the web postings use a darker shade of it for text and links", m.Company.BrandColor, ratio)
			}
		}
	}
}

// mergePosting is the top-level posting section with a role's keys on top.
func mergePosting(top PostingConfig, role *PostingConfig) PostingConfig {
	out := top
	if role == nil {
		return out
	}
	if role.Open != nil {
		out.Open = role.Open
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&out.ApplyBy, role.ApplyBy)
	set(&out.HowToApply, role.HowToApply)
	set(&out.ApplyURL, role.ApplyURL)
	set(&out.Vacancy, role.Vacancy)
	if role.AIScreening != nil {
		out.AIScreening = role.AIScreening
	}
	return out
}

// checkPostingConfig validates one posting section (top level or a role's).
func (r *resolver) checkPostingConfig(path string, pc PostingConfig) {
	if pc.ApplyBy != "" && !strings.EqualFold(pc.ApplyBy, Ongoing) {
		if _, err := time.Parse(time.DateOnly, pc.ApplyBy); err != nil {
			r.at(path+".apply_by", "%q is not a date; write it YYYY-MM-DD, like 2027-01-31, or write ongoing", pc.ApplyBy)
		}
	}
	if u := strings.TrimSpace(pc.ApplyURL); u != "" {
		if msg := checkApplyURL(u); msg != "" {
			r.at(path+".apply_url", "%s, got %q", msg, u)
		}
	}
	if h := strings.TrimSpace(pc.HowToApply); looksLikeURL(h) && !strings.ContainsAny(h, " \t\n") {
		if msg := checkApplyURL(h); msg != "" {
			r.at(path+".how_to_apply", "%s, got %q", msg, h)
		}
	}
}

// looksLikeURL reports whether s starts with a URL scheme.
func looksLikeURL(s string) bool {
	i := strings.Index(s, ":")
	if i <= 0 {
		return false
	}
	for _, c := range s[:i] {
		if !(c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c) || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return strings.HasPrefix(s[i:], "://") || strings.EqualFold(s[:i], "mailto")
}

// isWebURL reports whether s is one http(s) or mailto URL and nothing else.
func isWebURL(s string) bool {
	return looksLikeURL(s) && !strings.ContainsAny(s, " \t\n") && checkApplyURL(s) == ""
}

// checkApplyURL says what is wrong with an application URL ("" when it is
// usable): http, https or mailto, a host, no spaces or control characters.
func checkApplyURL(s string) string {
	for _, c := range s {
		if unicode.IsSpace(c) || unicode.IsControl(c) {
			return "must be one URL without spaces"
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return "must be a URL starting with https://, http:// or mailto:"
	}
	switch strings.ToLower(u.Scheme) {
	case "https", "http":
		if u.Host == "" || u.Hostname() == "" {
			return "must name a host, like https://jobs.example.com/apply"
		}
	case "mailto":
		if u.Opaque == "" || !strings.Contains(u.Opaque, "@") {
			return "must be an e-mail address after mailto:, like mailto:jobs@example.com"
		}
	default:
		return "must start with https://, http:// or mailto:"
	}
	return ""
}

// ContrastOnWhite is the WCAG 2.1 contrast ratio of the colour 0xRRGGBB
// against white, from 1 to 21.
func ContrastOnWhite(rgb uint32) float64 {
	return (1.05) / (RelativeLuminance(rgb) + 0.05)
}

// RelativeLuminance is the WCAG 2.1 relative luminance of 0xRRGGBB, from 0
// (black) to 1 (white).
func RelativeLuminance(rgb uint32) float64 {
	lin := func(v uint32) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(rgb>>16&0xFF) + 0.7152*lin(rgb>>8&0xFF) + 0.0722*lin(rgb&0xFF)
}
