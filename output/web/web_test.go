package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/bigconfig"
	_ "github.com/jdgen/jdgen/internal/golden" // registers -update
	"github.com/jdgen/jdgen/internal/steptest"
	"github.com/jdgen/jdgen/output/posting"
)

var testDate = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func exampleModel(t testing.TB, name string) *generator.Model {
	t.Helper()
	return steptest.Example(t, name, testDate)
}

func modelFromYAML(t testing.TB, doc string) *generator.Model {
	t.Helper()
	return steptest.Model(t, []byte(doc), testDate)
}

// render runs the step over m and returns the files by name.
func render(t testing.TB, m *generator.Model) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := PostingsStep(Options{}).Run(t.Context(), m, func(f generator.File) error {
		f, err := f.Hold() // the index is streamed
		files[f.Name] = f.Data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func parse(t testing.TB, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func all(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if keep(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func elems(n *html.Node, a atom.Atom) []*html.Node {
	return all(n, func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == a })
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	for _, t := range all(n, func(n *html.Node) bool { return n.Type == html.TextNode }) {
		if p := t.Parent; p != nil && (p.DataAtom == atom.Script || p.DataAtom == atom.Style || p.DataAtom == atom.Title) {
			continue
		}
		b.WriteString(t.Data + " ")
	}
	return b.String()
}

// jsonLD returns the parsed JSON-LD of a page.
func jsonLD(t testing.TB, doc *html.Node) map[string]any {
	t.Helper()
	var found []map[string]any
	for _, s := range elems(doc, atom.Script) {
		if attr(s, "type") != "application/ld+json" {
			continue
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(s.FirstChild.Data), &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v", err)
		}
		found = append(found, v)
	}
	if len(found) != 1 {
		t.Fatalf("%d JSON-LD scripts", len(found))
	}
	return found[0]
}

// get follows a dotted path through JSON objects.
func get(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// checkAccessible asserts the structure an accessible page needs.
func checkAccessible(t *testing.T, name string, doc *html.Node, lang string) {
	t.Helper()
	if h := elems(doc, atom.Html); len(h) != 1 || attr(h[0], "lang") != lang {
		t.Errorf("%s: html lang = %q, want %q", name, attr(h[0], "lang"), lang)
	}
	if n := len(elems(doc, atom.H1)); n != 1 {
		t.Errorf("%s: %d h1 elements, want 1", name, n)
	}
	if n := len(elems(doc, atom.Main)); n != 1 {
		t.Errorf("%s: %d main elements", name, n)
	}
	if tt := elems(doc, atom.Title); len(tt) != 1 || strings.TrimSpace(text(tt[0].Parent)) == "" && tt[0].FirstChild == nil {
		t.Errorf("%s: no title", name)
	}
	// Headings in order: never skip a level going down.
	last := 0
	for _, h := range all(doc, func(n *html.Node) bool {
		return n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
	}) {
		lv := int(h.Data[1] - '0')
		if lv > last+1 {
			t.Errorf("%s: <%s> %q follows h%d", name, h.Data, text(h), last)
		}
		last = lv
	}
	for _, li := range elems(doc, atom.Li) {
		if p := li.Parent; p.DataAtom != atom.Ul && p.DataAtom != atom.Ol {
			t.Errorf("%s: li inside %s", name, p.Data)
		}
	}
	for _, img := range elems(doc, atom.Img) {
		if attr(img, "alt") == "" {
			t.Errorf("%s: image without alt", name)
		}
		if !strings.HasPrefix(attr(img, "src"), "data:image/png;base64,") {
			t.Errorf("%s: image src %.40q is not inline", name, attr(img, "src"))
		}
	}
	// No request: nothing loads from elsewhere (links are navigation).
	for _, n := range all(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, a := range n.Attr {
			if (a.Key == "src" || (a.Key == "href" && n.DataAtom == atom.Link)) && !strings.HasPrefix(a.Val, "data:") {
				t.Errorf("%s: <%s %s=%q> loads a resource", name, n.Data, a.Key, a.Val)
			}
		}
	}
	for _, in := range append(elems(doc, atom.Input), elems(doc, atom.Select)...) {
		id := attr(in, "id")
		labelled := false
		for _, l := range elems(doc, atom.Label) {
			labelled = labelled || attr(l, "for") == id
		}
		if id == "" || !labelled {
			t.Errorf("%s: form control %q has no label", name, id)
		}
	}
	var csp string
	for _, m := range elems(doc, atom.Meta) {
		if attr(m, "http-equiv") == "Content-Security-Policy" {
			csp = attr(m, "content")
		}
	}
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "img-src data:") {
		t.Errorf("%s: content security policy %q", name, csp)
	}
	for _, s := range elems(doc, atom.Style) {
		if !strings.Contains(csp, cspHash(s.FirstChild.Data)) {
			t.Errorf("%s: the style sheet's hash is not in the policy", name)
		}
		if !strings.Contains(s.FirstChild.Data, "@media print") {
			t.Errorf("%s: no print style sheet", name)
		}
	}
	for _, s := range elems(doc, atom.Script) {
		if attr(s, "type") == "" && !strings.Contains(csp, cspHash(s.FirstChild.Data)) {
			t.Errorf("%s: the script's hash is not in the policy", name)
		}
	}
}

func TestExamplePages(t *testing.T) {
	for _, name := range []string{"company", "small-business", "british-company"} {
		m := exampleModel(t, name)
		files := render(t, m)
		open := posting.Open(m)
		if len(files) != len(open)+1 {
			t.Fatalf("%s: %d files for %d open roles", name, len(files), len(open))
		}
		for _, r := range open {
			page := files["postings/"+r.ID+".html"]
			doc := parse(t, page)
			checkAccessible(t, r.ID, doc, m.Company.Locale)
			h1 := elems(doc, atom.H1)[0]
			if strings.TrimSpace(text(h1)) != r.Title {
				t.Errorf("%s: h1 %q", r.ID, text(h1))
			}
			body := text(doc)
			for _, want := range []string{m.Company.Name, r.Location, generator.Label(r.Workplace), generator.Label(r.EmploymentType), "Equal opportunity", "How to apply"} {
				if !strings.Contains(body, want) {
					t.Errorf("%s: page lacks %q", r.ID, want)
				}
			}
			if r.Salary != nil && !strings.Contains(body, r.Salary.Text) {
				t.Errorf("%s: page lacks the pay %q", r.ID, r.Salary.Text)
			}
			if regexp.MustCompile(`OPS-\d`).MatchString(body) || strings.Contains(string(page), r.Level) || strings.Contains(body, r.ID) {
				t.Errorf("%s: the page shows the level code or the role id", r.ID)
			}
			if n := len(elems(doc, atom.Ul)); n < 3 {
				t.Errorf("%s: %d lists", r.ID, n)
			}
			jp := jsonLD(t, doc)
			checkJobPosting(t, r, jp)
			if web := m.Company.Website; web != "" && get(jp, "hiringOrganization.sameAs") != web {
				t.Errorf("%s: sameAs %v, want %s", r.ID, get(jp, "hiringOrganization.sameAs"), web)
			}
		}
		idx := parse(t, files["postings/index.html"])
		checkAccessible(t, name+" index", idx, m.Company.Locale)
		rows := elems(elems(idx, atom.Tbody)[0], atom.Tr)
		if len(rows) != len(open) {
			t.Errorf("%s index: %d rows for %d postings", name, len(rows), len(open))
		}
		for i, row := range rows {
			var hrefs []string
			for _, a := range elems(row, atom.A) {
				hrefs = append(hrefs, attr(a, "href"))
			}
			if !slices.Equal(hrefs, []string{open[i].ID + ".html", open[i].ID + ".pdf"}) {
				t.Errorf("%s index row %d links %v", name, i, hrefs)
			}
		}
		if n := len(elems(idx, atom.Th)); n != 6 {
			t.Errorf("%s index: %d column headings", name, n)
		}
		for _, th := range elems(idx, atom.Th) {
			if attr(th, "scope") != "col" {
				t.Errorf("%s index: th without scope", name)
			}
		}
	}
}

// checkJobPosting asserts Google's required properties and the
// recommended ones the example fills.
func checkJobPosting(t *testing.T, r *generator.Role, jp map[string]any) {
	t.Helper()
	for _, path := range []string{"@context", "@type", "title", "description", "datePosted", "hiringOrganization.name",
		"jobLocation.address.addressCountry", "jobLocation.address.@type",
		"employmentType", "identifier.value", "directApply", "occupationalCategory"} {
		if get(jp, path) == nil {
			t.Errorf("%s: JSON-LD lacks %s", r.ID, path)
		}
	}
	if get(jp, "@type") != "JobPosting" || get(jp, "title") != r.Title || get(jp, "datePosted") != "2026-12-01" {
		t.Errorf("%s: type %v title %v datePosted %v", r.ID, get(jp, "@type"), get(jp, "title"), get(jp, "datePosted"))
	}
	if get(jp, "jobLocation.address.@type") != "PostalAddress" || get(jp, "jobLocation.address.addressCountry") == nil {
		t.Errorf("%s: address %v", r.ID, get(jp, "jobLocation.address"))
	}
	if get(jp, "employmentType") != employmentTypes[r.EmploymentType] || get(jp, "identifier.value") != r.ID {
		t.Errorf("%s: employmentType %v identifier %v", r.ID, get(jp, "employmentType"), get(jp, "identifier"))
	}
	if r.Salary != nil {
		v := get(jp, "baseSalary.value")
		if get(jp, "baseSalary.@type") != "MonetaryAmount" || get(jp, "baseSalary.currency") != r.Salary.Currency ||
			get(v, "@type") != "QuantitativeValue" || get(v, "minValue") != r.Salary.Min || get(v, "maxValue") != r.Salary.Max ||
			get(v, "unitText") != strings.ToUpper(r.Salary.Period) {
			t.Errorf("%s: baseSalary %v for %+v", r.ID, get(jp, "baseSalary"), r.Salary)
		}
	}
	desc, _ := get(jp, "description").(string)
	checkDescriptionTags(t, r.ID, desc)
	if r.Posting.ApplyBy != "" && get(jp, "validThrough") != r.Posting.ApplyBy+"T23:59:59Z" {
		t.Errorf("%s: validThrough %v for apply_by %s", r.ID, get(jp, "validThrough"), r.Posting.ApplyBy)
	}
	if r.Posting.ApplyBy == "" && get(jp, "validThrough") != nil {
		t.Errorf("%s: validThrough without a deadline", r.ID)
	}
	if m, _ := get(jp, "experienceRequirements.monthsOfExperience").(float64); m < 12 {
		t.Errorf("%s: experienceRequirements %v", r.ID, get(jp, "experienceRequirements"))
	}
	if get(jp, "educationRequirements.credentialCategory") == nil {
		t.Errorf("%s: no educationRequirements", r.ID)
	}
}

// checkDescriptionTags asserts the description uses only p, ul, li and br.
func checkDescriptionTags(t *testing.T, id, desc string) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(desc), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil || len(nodes) == 0 {
		t.Fatalf("%s: description does not parse: %v", id, err)
	}
	for _, n := range nodes {
		for _, e := range all(n, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
			if !slices.Contains([]string{"p", "ul", "li", "br"}, e.Data) {
				t.Errorf("%s: description uses <%s>", id, e.Data)
			}
		}
	}
}

func TestRemoteRole(t *testing.T) {
	m := modelFromYAML(t, `version: 1
company: {name: Acme}
defaults: {workplace: remote, location: "Toronto, ON"}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo, remote_regions: [US-CO, CA], salary: {min: 50, max: 60, period: hour, currency: CAD}}
  - {id: vp, template: vp-of-operations, reports_to: coo, employment_type: contract}
`)
	files := render(t, m)
	jp := jsonLD(t, parse(t, files["postings/coo.html"]))
	if get(jp, "jobLocationType") != "TELECOMMUTE" {
		t.Errorf("jobLocationType %v", get(jp, "jobLocationType"))
	}
	req, _ := get(jp, "applicantLocationRequirements").([]any)
	if len(req) != 2 || get(req[0], "@type") != "AdministrativeArea" || get(req[0], "name") != "Colorado, United States" ||
		get(req[1], "@type") != "Country" || get(req[1], "name") != "CA" {
		t.Errorf("applicantLocationRequirements %v", req)
	}
	if get(jp, "baseSalary.value.unitText") != "HOUR" || get(jp, "baseSalary.currency") != "CAD" || get(jp, "jobLocation.address.addressCountry") != "CA" {
		t.Errorf("hourly CAD pay: %v, country %v", get(jp, "baseSalary"), get(jp, "jobLocation.address"))
	}
	if !strings.Contains(text(parse(t, files["postings/coo.html"])), "Remote (Colorado, United States; Canada)") {
		t.Error("the page does not say where a remote person may live")
	}
	vp := jsonLD(t, parse(t, files["postings/vp.html"]))
	if get(vp, "employmentType") != "CONTRACTOR" || get(vp, "baseSalary") != nil {
		t.Errorf("contract role: %v, pay %v", get(vp, "employmentType"), get(vp, "baseSalary"))
	}
	// No regions: the country of the place the role is attached to.
	if req, _ := get(vp, "applicantLocationRequirements").([]any); len(req) != 1 || get(req[0], "name") != "CA" {
		t.Errorf("vp applicantLocationRequirements %v", req)
	}
}

func TestEmploymentTypes(t *testing.T) {
	for _, e := range generator.EmploymentTypes {
		if employmentTypes[e] == "" {
			t.Errorf("no schema.org employmentType for %q", e)
		}
	}
	for _, p := range generator.Periods {
		if unitTexts[p] == "" {
			t.Errorf("no unitText for period %q", p)
		}
	}
}

// TestEscaping: config text stays text in the page, the JSON-LD and the
// index, whatever it holds.
func TestEscaping(t *testing.T) {
	const attack = `</script><script>alert(1)</script><!-- <b onmouseover="x">&amp;`
	m := modelFromYAML(t, `version: 1
company: {name: "Acme </title><script>alert(2)</script>", about: "About <img src=x onerror=alert(3)> us", website: "https://acme.example/?a=1&b=\"2\""}
posting: {how_to_apply: "Write to <a href='javascript:alert(4)'>us</a> at https://acme.example/jobs?x=1&y=<2>", apply_url: "https://acme.example/apply?role=\"x\"&a=<b>"}
roles:
  - id: coo
    template: chief-operating-officer
    reports_to: ceo
    title: '`+strings.ReplaceAll(attack, "'", "''")+`'
    summary: "Line one </SCRIPT > line two"
`)
	files := render(t, m)
	page := files["postings/coo.html"]
	doc := parse(t, page)
	scripts := elems(doc, atom.Script)
	if len(scripts) != 1 || attr(scripts[0], "type") != "application/ld+json" {
		t.Fatalf("%d script elements; the title broke out", len(scripts))
	}
	for _, a := range []atom.Atom{atom.Img, atom.B} {
		if n := len(elems(doc, a)); n != 0 {
			t.Errorf("config text made %d <%s> elements", n, a)
		}
	}
	for _, a := range elems(doc, atom.A) {
		if strings.HasPrefix(strings.ToLower(attr(a, "href")), "javascript:") {
			t.Errorf("javascript: link %q", attr(a, "href"))
		}
	}
	if h1 := text(elems(doc, atom.H1)[0]); strings.TrimSpace(h1) != attack {
		t.Errorf("h1 = %q, want the title as text", h1)
	}
	jp := jsonLD(t, doc)
	if get(jp, "title") != attack || get(jp, "hiringOrganization.name") != m.Company.Name {
		t.Errorf("JSON-LD title %q name %q", get(jp, "title"), get(jp, "hiringOrganization.name"))
	}
	raw := scripts[0].FirstChild.Data
	for _, bad := range []string{"</", "<!--", "<script", "\u2028"} {
		if strings.Contains(strings.ToLower(raw), bad) {
			t.Errorf("raw JSON-LD contains %q", bad)
		}
	}
	checkDescriptionTags(t, "coo", get(jp, "description").(string))
	if d := get(jp, "description").(string); !strings.Contains(d, "&lt;img src=x") {
		t.Errorf("description does not escape the about text: %.200s", d)
	}
	links := map[string]bool{}
	for _, a := range elems(doc, atom.A) {
		links[attr(a, "href")] = true
	}
	if !links[`https://acme.example/apply?role="x"&a=<b>`] {
		t.Errorf("the apply link is not the configured URL as an attribute value: %v", links)
	}
	idx := parse(t, files["postings/index.html"])
	if n := len(elems(idx, atom.Script)); n != 1 {
		t.Errorf("index: %d scripts", n)
	}
	if !strings.Contains(text(idx), attack) {
		t.Error("index does not show the title as text")
	}
}

func TestBrandColour(t *testing.T) {
	a, err := NewAssets(nil, "#1F4E79")
	if err != nil || a.Brand != "#1F4E79" || a.Darkened {
		t.Errorf("a dark brand colour changed: %+v %v", a, err)
	}
	a, err = NewAssets(nil, "#FFD700")
	if err != nil || !a.Darkened {
		t.Fatalf("gold not darkened: %+v %v", a, err)
	}
	v, _ := strconv.ParseUint(a.Brand[1:], 16, 32)
	if c := generator.ContrastOnWhite(uint32(v)); c < minContrast {
		t.Errorf("darkened %s reaches only %.2f:1", a.Brand, c)
	}
	for _, bad := range []string{"", "red", "#12345", "#GGGGGG"} {
		if _, err := NewAssets(nil, bad); !errors.Is(err, ErrBrandColor) {
			t.Errorf("NewAssets(%q) err = %v", bad, err)
		}
	}
	m := modelFromYAML(t, "version: 1\ncompany: {name: Acme, brand_color: \"#FFD700\"}\nroles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n")
	page := string(render(t, m)["postings/coo.html"])
	if strings.Contains(page, "#FFD700") || !strings.Contains(page, "--brand:"+a.Brand) {
		t.Errorf("the page uses the light colour instead of %s", a.Brand)
	}
}

func TestLogo(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 1200, 300))
	for x := range 1200 {
		img.Set(x, 150, color.NRGBA{0x1F, 0x4E, 0x79, 0xFF})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	a, err := NewAssets(buf.Bytes(), "#1F4E79")
	if err != nil {
		t.Fatal(err)
	}
	if a.LogoW != logoMaxPx || a.LogoH != logoMaxPx/4 || !strings.HasPrefix(a.LogoURI, "data:image/png;base64,") {
		t.Errorf("logo %dx%d %.30q", a.LogoW, a.LogoH, a.LogoURI)
	}
	if _, err := NewAssets([]byte("not an image"), "#1F4E79"); !errors.Is(err, ErrLogo) {
		t.Errorf("bad logo err = %v", err)
	}
	d := posting.Document{Title: "T", Company: "Acme & Co", Lang: "en-GB", RoleID: "t"}
	page, err := Page(d, a)
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, page)
	checkAccessible(t, "logo page", doc, "en-GB")
	imgs := elems(doc, atom.Img)
	if len(imgs) != 1 || attr(imgs[0], "alt") != "Acme & Co logo" {
		t.Errorf("logo images %d, alt %q", len(imgs), attr(imgs[0], "alt"))
	}
	if get(jsonLD(t, doc), "hiringOrganization.logo") != a.LogoURI {
		t.Error("the JSON-LD organization has no logo")
	}
}

func TestRenderError(t *testing.T) {
	// Pay is validated in the config; a NaN here can only come from a bug,
	// and JSON has no NaN: the page is refused, not written half-right.
	nan := 0.0
	nan = nan / nan
	d := posting.Document{Title: "T", Company: "Acme", Lang: "en-US", RoleID: "t", Pay: &generator.Pay{Min: nan, Max: 1, Currency: "USD", Period: "year"}}
	if _, err := Page(d, Assets{Brand: "#1F4E79"}); !errors.Is(err, ErrRender) {
		t.Errorf("err = %v, want ErrRender", err)
	}
}

// The step makes the index from rows made again while it is written; it
// is the index made from the whole documents.
func TestIndexFromEntries(t *testing.T) {
	for _, name := range []string{"company", "small-business", "british-company"} {
		m := exampleModel(t, name)
		a, err := NewAssets(m.Company.Logo, m.Company.BrandColor)
		if err != nil {
			t.Fatal(err)
		}
		var full []posting.Document
		for _, r := range posting.Open(m) {
			full = append(full, posting.Build(m, r))
		}
		if len(full) == 0 {
			t.Fatalf("%s: no open postings", name)
		}
		want := Index(full, m.Company.Name, full[0].Lang, a)
		if got := render(t, m)["postings/index.html"]; !bytes.Equal(got, want) {
			t.Errorf("%s: the step's index differs from the index of the whole documents", name)
		}
	}
}

// The step computes only while it holds a slot of the run's worker budget.
func TestStepSharesWorkerBudget(t *testing.T) {
	m := exampleModel(t, "company")
	steptest.SharesWorkerBudget(t, PostingsStep(Options{}), m, len(posting.Open(m))+1)
}

// The step hands the careers index over as a stream, made from the
// postings while it is written: the writer receives it in pieces of about
// indexFlushBytes, never the whole page, and the bytes are the index of
// the whole documents.
func TestIndexStreamed(t *testing.T) {
	var doc bytes.Buffer
	if err := bigconfig.Write(&doc, 300); err != nil {
		t.Fatal(err)
	}
	m := steptest.Model(t, doc.Bytes(), time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
	var index generator.File
	err := PostingsStep(Options{}).Run(t.Context(), m, func(f generator.File) error {
		if f.Name == "postings/index.html" {
			index = f
		} else if f.Streamed() {
			t.Errorf("%s is streamed", f.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !index.Streamed() {
		t.Fatal("the index is not streamed")
	}
	var w steptest.MaxWriter
	if err := index.Stream(&w); err != nil {
		t.Fatal(err)
	}
	a, err := NewAssets(m.Company.Logo, m.Company.BrandColor)
	if err != nil {
		t.Fatal(err)
	}
	var docs []posting.Document
	for _, r := range posting.Open(m) {
		docs = append(docs, posting.Build(m, r))
	}
	if want := Index(docs, m.Company.Name, docs[0].Lang, a); !bytes.Equal(w.Bytes(), want) {
		t.Fatalf("the streamed index (%d bytes) differs from the index of the documents (%d bytes)", w.Len(), len(want))
	}
	if w.Len() < 3*indexFlushBytes || w.Max > indexFlushBytes+8<<10 {
		t.Errorf("a %d KB index was written in pieces of up to %d KB (want about %d KB)", w.Len()>>10, w.Max>>10, indexFlushBytes>>10)
	}
	// Made twice, the same bytes (Stream must be repeatable).
	var again bytes.Buffer
	if err := index.Stream(&again); err != nil || !bytes.Equal(again.Bytes(), w.Bytes()) {
		t.Errorf("the index made again differs (err %v)", err)
	}
}
