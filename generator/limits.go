package generator

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// Limits on what a config may ask for. Each keeps generation time and
// memory linear and bounded, and makes sure that anything validate accepts
// also generates: file names fit every file system, rows fit a sheet.
const (
	// MaxIDLength is the longest role id: it names files ("<id>.pdf",
	// "<id>.html") that must fit the 255-byte name limit of every file
	// system with room for the output folder's path.
	MaxIDLength = 64
	// MaxNameLength is the longest title, company name, department or focus,
	// in characters: they are set on one line in headers and footers.
	MaxNameLength = 200
	// MaxRoles is the most roles one config may have.
	MaxRoles = 10_000
	// MaxTemplates is the most custom templates one config may have.
	MaxTemplates = 1_000
	// MaxListItems is the most items any other list (benefits,
	// responsibilities, qualifications, KPIs, working conditions, bands)
	// may have.
	MaxListItems = 100
	// MaxTotalItems is the most list items a config may hold in all, YAML
	// aliases expanded (roles and templates not counted).
	MaxTotalItems = 100_000
	// MaxTotalText is the most text, in bytes, a config may hold once its
	// YAML aliases are expanded.
	MaxTotalText = 16 << 20
	// MaxDocumentText is the most text one job description may hold
	// (company text included), in characters: about 40 pages.
	MaxDocumentText = 200_000
	// MaxRenderedText is the most text all job descriptions together may
	// hold, in characters: ten thousand long job descriptions.
	MaxRenderedText = 100_000_000
	// MaxSheetRows is the most data rows a workbook sheet may get (Excel's
	// limit is 1,048,576 rows, the header included).
	MaxSheetRows = 1_048_575
	// MaxHeadcount is the most people one role may cover.
	MaxHeadcount = 1_000_000
	// MaxEmployees is the largest company.employees accepted.
	MaxEmployees = 100_000_000
	// MaxPay is the largest salary figure accepted (in any currency).
	MaxPay = 1e9
	// MaxLogoSide is the longest side of a logo, in pixels.
	MaxLogoSide = 8_000
	// MaxProblems is how many problems one config reports; the rest are
	// counted (ConfigError.More).
	MaxProblems = 1_000
)

// windowsReserved are names Windows reserves for devices, with or without
// an extension ("con.pdf" cannot be created there).
var windowsReserved = func() map[string]bool {
	m := map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}
	for i := 1; i <= 9; i++ {
		m[fmt.Sprintf("com%d", i)] = true
		m[fmt.Sprintf("lpt%d", i)] = true
	}
	return m
}()

// checkID says why a role id cannot name output files, or returns "".
// PostingIndexID is the one id no role may have: the careers page is
// postings/index.html, beside each posting's postings/<id>.html.
const PostingIndexID = "index"

func checkID(id string) string {
	switch {
	case len(id) > MaxIDLength:
		return fmt.Sprintf("is %d characters long; the limit is %d (it names the output files)", len(id), MaxIDLength)
	case windowsReserved[strings.ToLower(id)]:
		return fmt.Sprintf("%q is a device name on Windows and cannot name a file there; choose another id", id)
	}
	return ""
}

// listLimit is how many items the list at path may have.
func listLimit(path string) int {
	switch path {
	case "roles":
		return MaxRoles
	case "templates":
		return MaxTemplates
	}
	return MaxListItems
}

// nameFields are the one-line fields MaxNameLength applies to.
var nameFields = []string{"title", "department", "focus"}

// checkLimits checks the sizes and figures validate must bound.
func checkLimits(c *Config, ps *problems) {
	at := func(path, format string, args ...any) { ps.addAt(path, path, format, args...) }
	long := func(path, v string) {
		if n := len(utf16.Encode([]rune(v))); n > MaxNameLength {
			at(path, "is %d characters long; the limit is %d", n, MaxNameLength)
		}
	}
	long("company.name", c.Company.Name)
	if e := c.Company.Employees; e != nil && *e > MaxEmployees {
		at("company.employees", "%d is more than %d", *e, MaxEmployees)
	}
	for i, r := range c.Roles {
		p := fmt.Sprintf("roles[%d]", i)
		for _, f := range []struct{ key, v string }{{"title", r.Title}, {"department", r.Department}, {"focus", r.Focus}} {
			long(p+"."+f.key, f.v)
		}
		if r.Headcount != nil && *r.Headcount > MaxHeadcount {
			at(p+".headcount", "%d is more than %d people", *r.Headcount, MaxHeadcount)
		}
	}
	for i, t := range c.Templates {
		long(fmt.Sprintf("templates[%d].title", i), t.Title)
	}
}

// checkPay refuses figures too large to be a salary (1e300 would print as
// 300 digits).
func checkPay(c *Config, ps *problems, path string, s SalaryConfig) {
	for _, f := range []struct {
		key string
		v   *float64
	}{{"min", s.Min}, {"max", s.Max}} {
		if f.v != nil && *f.v > MaxPay {
			ps.addAt(path+"."+f.key, path+"."+f.key, "%s is more than %s; write the yearly or hourly figure", num(*f.v), num(MaxPay))
		}
	}
}

// checkModelLimits bounds what the resolved model makes the renderers do:
// text per job description and in all of them, and rows per sheet.
func checkModelLimits(c *Config, m *Model, ps *problems) {
	shared := textLen(m.Company.Name) + textLen(m.Company.About) + textLen(m.Company.EqualOpportunity)
	for _, b := range m.Company.Benefits {
		shared += textLen(b)
	}
	total, rows := 0, 0
	for i, r := range m.Roles {
		n := shared + textLen(r.Title) + textLen(r.Summary)
		for _, list := range [][]Item{r.Responsibilities, r.KPIs, r.Qualifications} {
			for _, it := range list {
				n += textLen(it.Text)
			}
		}
		for _, w := range r.WorkingConditions {
			n += textLen(w)
		}
		if n > MaxDocumentText {
			p := fmt.Sprintf("roles[%d]", i)
			ps.addAt(p, p, "its job description would hold %d characters (company text included); the limit is %d: shorten the lists or the company's about and benefits", n, MaxDocumentText)
		}
		total += n
		rows += len(r.Responsibilities)
	}
	if total > MaxRenderedText {
		ps.addAt("roles", "roles", "the job descriptions would hold %d characters in all; the limit is %d", total, MaxRenderedText)
	}
	if rows > MaxSheetRows {
		ps.addAt("roles", "roles", "the roles have %d responsibilities in all; a workbook sheet holds at most %d rows", rows, MaxSheetRows)
	}
}

func textLen(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
	}
	return n
}
