package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jdgen/jdgen/generator"
)

// xlsxTestRels is what the tests decode of a relationships part.
type xlsxTestRels struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Target     string `xml:"Target,attr"`
		Type       string `xml:"Type,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// xlsxRenameRole gives role i of m a new id, everywhere the model names it.
func xlsxRenameRole(m *generator.Model, i int, id string) {
	old := m.Roles[i].ID
	m.Roles[i].ID = id
	for j := range m.Roles {
		r := &m.Roles[j]
		if r.ReportsTo == old {
			r.ReportsTo = id
		}
		for k, d := range r.DirectReports {
			if d == old {
				r.DirectReports[k] = id
			}
		}
	}
	for j := range m.Ladder.Levels {
		for k, d := range m.Ladder.Levels[j].Roles {
			if d == old {
				m.Ladder.Levels[j].Roles[k] = id
			}
		}
	}
}

// The Roles sheet links its first xlsxRoleLinks roles to their job
// descriptions: each hyperlink's cell, tooltip and relationship id, and
// each relationship's target, match the model; the roles after the limit
// keep their cell but have no link, and the rels part holds exactly the
// links' relationships. The limit is lowered so that a small company
// passes it (Excel's, xlsxMaxLinks, is 65,529).
func TestXLSXRoleLinks(t *testing.T) {
	const roles, limit = 40, 25
	m := xlsxBigModel(t, roles)
	// Text that needs escaping, in an id (the target) and a title (the
	// tooltip).
	xlsxRenameRole(m, 3, "ops&co 'x' ü")
	m.Roles[4].Title = `Lead "A&B" <ops> 'x'` + "\ttab"
	defer func(n int) { xlsxRoleLinks = n }(xlsxRoleLinks)
	xlsxRoleLinks = limit
	f, data := xlsxBuildOpen(t, m)
	parts := xlsxParts(t, data)
	sheet := parts["xl/worksheets/sheet4.xml"]
	var ws xlsxTestSheet
	if err := xml.Unmarshal(sheet, &ws); err != nil {
		t.Fatal(err)
	}
	var rels xlsxTestRels
	if err := xml.Unmarshal(parts["xl/worksheets/_rels/sheet4.xml.rels"], &rels); err != nil {
		t.Fatal(err)
	}
	if len(ws.Links) != limit || len(rels.Rels) != limit {
		t.Fatalf("%d hyperlinks and %d relationships, want %d of each", len(ws.Links), len(rels.Rels), limit)
	}
	byID := map[string]int{}
	for i, r := range rels.Rels {
		if _, dup := byID[r.ID]; dup {
			t.Errorf("relationship id %s twice", r.ID)
		}
		byID[r.ID] = i
		if r.Type != excelize.SourceRelationshipHyperLink || r.TargetMode != "External" {
			t.Errorf("relationship %s: type %q, mode %q", r.ID, r.Type, r.TargetMode)
		}
	}
	for i, l := range ws.Links {
		r := &m.Roles[i]
		if want := fmt.Sprintf("Q%d", i+2); l.Ref != want {
			t.Errorf("link %d on %s, want %s", i, l.Ref, want)
		}
		if want := xlsxTooltip("Open the job description of " + r.Title); l.Tooltip != want {
			t.Errorf("%s: tooltip %q, want %q", l.Ref, l.Tooltip, want)
		}
		id := ""
		for _, a := range l.Attrs {
			if a.Name.Space == xlsxNSRels && a.Name.Local == "id" {
				id = a.Value
			}
		}
		j, ok := byID[id]
		if !ok {
			t.Errorf("%s: relationship %q not in the rels part", l.Ref, id)
			continue
		}
		if want := "job-descriptions/" + url.PathEscape(r.ID) + ".pdf"; rels.Rels[j].Target != want {
			t.Errorf("%s: target %q, want %q", l.Ref, rels.Rels[j].Target, want)
		}
	}
	if !bytes.Contains(sheet, []byte(`tooltip="Open the job description of Lead &#34;A&amp;B&#34; &lt;ops&gt; &#39;x&#39;&#x9;tab"`)) {
		t.Error("the escaped tooltip is not in the Roles sheet")
	}
	// As a reader sees them, and the roles after the limit.
	for i := range m.Roles {
		cell := fmt.Sprintf("Q%d", i+2)
		ok, link, err := f.GetCellHyperLink("Roles", cell)
		if err != nil {
			t.Fatal(err)
		}
		if want := i < limit; ok != want {
			t.Errorf("Roles!%s: link %v, want %v", cell, ok, want)
		}
		if ok && link != "job-descriptions/"+url.PathEscape(m.Roles[i].ID)+".pdf" {
			t.Errorf("Roles!%s links to %q", cell, link)
		}
		if v, _ := f.GetCellValue("Roles", cell); v != xlsxPDFName(m.Roles[i].ID) {
			t.Errorf("Roles!%s shows %q", cell, v)
		}
	}
}

// The links are written as excelize writes them: excelize's own
// SetCellHyperLink and save (a sheet it marshals whole, where it writes
// r:id itself) give the relationships part and the hyperlinks element
// that xlsxWriteRels and xlsxAddHyperlink write, for text that needs
// escaping.
func TestXLSXLinksAsExcelize(t *testing.T) {
	links := []xlsxLink{
		{ref: "Q2", target: "job-descriptions/coo.pdf", tooltip: "Open the job description of Chief Operating Officer"},
		{ref: "Q3", target: "job-descriptions/a&b%20c'd.pdf", tooltip: `"Quoted" <angle> & 'single'` + "\t\n\r"},
		{ref: "Q4", target: "job-descriptions/ü.pdf", tooltip: "Ünïcödé \U0001F600 \x01"},
		{ref: "AB10", target: "x.pdf", tooltip: ""},
	}
	f := excelize.NewFile()
	defer f.Close()
	for _, l := range links {
		var opts []excelize.HyperlinkOpts
		if l.tooltip != "" {
			tip := l.tooltip
			opts = append(opts, excelize.HyperlinkOpts{Tooltip: &tip})
		}
		if err := f.SetCellHyperLink("Sheet1", l.ref, l.target, "External", opts...); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	parts := xlsxParts(t, buf.Bytes())
	set := xlsxLinks{n: len(links), at: func(i int) xlsxLink { return links[i] }}

	var rels bytes.Buffer
	if err := xlsxWriteRels(&rels, set); err != nil {
		t.Fatal(err)
	}
	if want := parts["xl/worksheets/_rels/sheet1.xml.rels"]; !bytes.Equal(rels.Bytes(), want) {
		t.Errorf("relationships:\n%s\nexcelize:\n%s", rels.Bytes(), want)
	}
	var el bytes.Buffer
	el.WriteString("<hyperlinks>")
	if err := xlsxWriteLinks(&el, set, 1, xlsxAddHyperlink); err != nil {
		t.Fatal(err)
	}
	el.WriteString("</hyperlinks>")
	want := regexp.MustCompile(`<hyperlinks>.*</hyperlinks>`).Find(parts["xl/worksheets/sheet1.xml"])
	if !bytes.Equal(el.Bytes(), want) {
		t.Errorf("hyperlinks:\n%s\nexcelize:\n%s", el.Bytes(), want)
	}
}

// xlsxTestLinks are the hyperlinks of a built worksheet part, read back
// with their targets from its relationships part.
func xlsxTestLinks(t *testing.T, sheet, relsPart []byte) xlsxLinks {
	t.Helper()
	var ws xlsxTestSheet
	if err := xml.Unmarshal(sheet, &ws); err != nil {
		t.Fatal(err)
	}
	var rels xlsxTestRels
	if err := xml.Unmarshal(relsPart, &rels); err != nil {
		t.Fatal(err)
	}
	if len(ws.Links) == 0 || len(ws.Links) != len(rels.Rels) {
		t.Fatalf("%d links, %d relationships", len(ws.Links), len(rels.Rels))
	}
	links := make([]xlsxLink, len(ws.Links))
	for i, l := range ws.Links {
		if want := fmt.Sprintf("rId%d", i+1); rels.Rels[i].ID != want {
			t.Fatalf("relationship %d is %s, want %s", i, rels.Rels[i].ID, want)
		}
		links[i] = xlsxLink{ref: l.Ref, target: rels.Rels[i].Target, tooltip: l.Tooltip}
	}
	return xlsxLinks{n: len(links), at: func(i int) xlsxLink { return links[i] }}
}

// xlsxLinksElement matches a worksheet's hyperlinks element.
var xlsxLinksElement = regexp.MustCompile(`<hyperlinks>.*</hyperlinks>`)

// The inserter puts the links where excelize did, whatever the writes'
// sizes: the Roles sheet of the company workbook without its hyperlinks,
// passed through in writes of 1 to 4,096 bytes, is the sheet again. It
// adds them to excelize's own hyperlinks element when there is one, before
// the end of the worksheet when no element follows, and refuses a part
// with no place for them.
func TestXLSXLinkInserter(t *testing.T) {
	m := xlsxTestModel(t, "company")
	m.Roles[0].Title = `Chief "Operating" <Officer> & 'co'`
	_, data := xlsxBuildOpen(t, m)
	parts := xlsxParts(t, data)
	fixed := parts["xl/worksheets/sheet4.xml"]
	links := xlsxTestLinks(t, fixed, parts["xl/worksheets/_rels/sheet4.xml.rels"])
	loc := xlsxLinksElement.FindIndex(fixed)
	if loc == nil {
		t.Fatal("no hyperlinks element in the Roles sheet")
	}
	raw := slices.Concat(fixed[:loc[0]], fixed[loc[1]:])
	insert := func(raw []byte, size int) ([]byte, error) {
		var out bytes.Buffer
		l := &xlsxLinkInserter{name: "sheet4.xml", out: &out, links: links, firstID: 1}
		for p := raw; len(p) > 0; {
			k := min(size, len(p))
			if n, err := l.Write(p[:k]); err != nil || n != k {
				return nil, fmt.Errorf("Write = %d, %w", n, err)
			}
			p = p[k:]
		}
		return out.Bytes(), l.close()
	}
	for _, size := range []int{1, 2, 3, 7, len(xlsxSheetDataEnd) - 1, len(xlsxSheetDataEnd), 100, 4096, len(raw)} {
		got, err := insert(raw, size)
		if err != nil {
			t.Fatalf("writes of %d: %v", size, err)
		}
		if !bytes.Equal(got, fixed) {
			t.Errorf("writes of %d bytes: the part differs from the built one", size)
		}
	}

	element := fixed[loc[0]:loc[1]]
	own := []byte(`<hyperlink ref="A1" location="Overview!A1"></hyperlink>`)
	withOwn := slices.Concat(fixed[:loc[0]], []byte("<hyperlinks>"), own, []byte("</hyperlinks>"), fixed[loc[1]:])
	want := slices.Concat(fixed[:loc[0]], []byte("<hyperlinks>"), own, element[len("<hyperlinks>"):], fixed[loc[1]:])
	for _, size := range []int{1, 5, 4096} {
		if got, err := insert(withOwn, size); err != nil || !bytes.Equal(got, want) {
			t.Errorf("writes of %d: the links were not added to excelize's element (%v)", size, err)
		}
	}

	end := bytes.Index(raw, []byte(xlsxSheetDataEnd)) + len(xlsxSheetDataEnd)
	bare := slices.Concat(raw[:end], []byte("</worksheet>"))
	if got, err := insert(bare, 3); err != nil || !bytes.Equal(got, slices.Concat(raw[:end], element, []byte("</worksheet>"))) {
		t.Errorf("no element after the cells: the links are not before the end of the worksheet (%v)", err)
	}

	for name, part := range map[string][]byte{
		"no end of the cells":        raw[:end-1],
		"no end of the worksheet":    raw[:end],
		"a self-closed hyperlinks":   slices.Concat(raw[:end], []byte("<hyperlinks/><pageMargins/></worksheet>")),
		"an element name too long":   slices.Concat(raw[:end], []byte("<"+strings.Repeat("x", 2*xlsxMaxTagName))),
		"links inside the worksheet": slices.Concat(raw[:end], []byte("<hyperlinks></worksheet>")),
	} {
		if _, err := insert(part, 16); !errors.Is(err, ErrWorkbookBuild) {
			t.Errorf("%s: %v, want ErrWorkbookBuild", name, err)
		}
	}
}

// A linked sheet's relationships are merged with excelize's when it
// writes the part (numbered after its highest id, before the end), and
// written by the zip writer, in name order, when it does not; a linked
// sheet never written is an error.
func TestXLSXStreamZipLinks(t *testing.T) {
	const sheet = "xl/worksheets/sheet1.xml"
	links := []xlsxLink{{ref: "B2", target: "a.pdf", tooltip: "A"}, {ref: "B3", target: "b.pdf", tooltip: "B"}}
	set := map[string]xlsxLinks{sheet: {n: len(links), at: func(i int) xlsxLink { return links[i] }}}
	part := `<worksheet xmlns:r="` + xlsxNSRels + `"><dimension ref="A1"/><sheetData></sheetData><pageMargins/></worksheet>`
	excelizeRels := xml.Header + xlsxRelsOpen +
		`<Relationship Id="rId1" Target="../tables/table1.xml" Type="t"></Relationship>` +
		`<Relationship Id="rId3" Target="../drawings/drawing1.xml" Type="d"></Relationship>` + xlsxRelsClose
	build := func(names []string, content map[string]string) map[string][]byte {
		t.Helper()
		var buf bytes.Buffer
		z := xlsxNewStreamZip(&buf, xlsxTestDate, map[string]string{sheet: "B2:B3"}, set)
		for _, name := range names {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.WriteString(w, content[name]); err != nil {
				t.Fatal(err)
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, f := range zr.File {
			order = append(order, f.Name)
		}
		if !slices.IsSorted(order) {
			t.Errorf("parts out of order: %v", order)
		}
		return xlsxParts(t, buf.Bytes())
	}

	// excelize writes no relationships for the sheet.
	parts := build([]string{"xl/workbook.xml", sheet, "xl/zz.xml"}, map[string]string{sheet: part})
	rels := string(parts["xl/worksheets/_rels/sheet1.xml.rels"])
	if !strings.Contains(rels, `<Relationship Id="rId1" Target="a.pdf"`) || !strings.Contains(rels, `<Relationship Id="rId2" Target="b.pdf"`) {
		t.Errorf("relationships written:\n%s", rels)
	}
	if got := string(parts[sheet]); !strings.Contains(got, `</sheetData><hyperlinks><hyperlink ref="B2" tooltip="A" r:id="rId1"></hyperlink><hyperlink ref="B3" tooltip="B" r:id="rId2"></hyperlink></hyperlinks><pageMargins/>`) {
		t.Errorf("sheet:\n%s", got)
	}

	// excelize writes some of its own.
	relsPart := xlsxRelsPart(sheet)
	parts = build([]string{relsPart, sheet}, map[string]string{relsPart: excelizeRels, sheet: part})
	rels = string(parts[relsPart])
	wantRels := strings.Replace(excelizeRels, xlsxRelsClose,
		`<Relationship Id="rId4" Target="a.pdf" Type="`+excelize.SourceRelationshipHyperLink+`" TargetMode="External"></Relationship>`+
			`<Relationship Id="rId5" Target="b.pdf" Type="`+excelize.SourceRelationshipHyperLink+`" TargetMode="External"></Relationship>`+xlsxRelsClose, 1)
	if rels != wantRels {
		t.Errorf("merged relationships:\n%s\nwant:\n%s", rels, wantRels)
	}
	if got := string(parts[sheet]); !strings.Contains(got, `r:id="rId4"`) || !strings.Contains(got, `r:id="rId5"`) {
		t.Errorf("sheet:\n%s", got)
	}

	// Bad parts, and a linked sheet never written.
	for name, c := range map[string]struct {
		names   []string
		content map[string]string
	}{
		"rels without Relationships": {[]string{relsPart, sheet}, map[string]string{relsPart: "<x/>", sheet: part}},
		"sheet without r namespace":  {[]string{sheet}, map[string]string{sheet: strings.Replace(part, `xmlns:r=`, `xmlns:q=`, 1)}},
		"sheet never written":        {[]string{"xl/workbook.xml"}, nil},
	} {
		z := xlsxNewStreamZip(io.Discard, xlsxTestDate, map[string]string{sheet: "B2:B3"}, set)
		var err error
		for _, n := range c.names {
			var w io.Writer
			if w, err = z.Create(n); err != nil {
				break
			}
			_, _ = io.WriteString(w, c.content[n])
		}
		if err == nil {
			err = z.Close()
		}
		if !errors.Is(err, ErrWorkbookBuild) {
			t.Errorf("%s: %v, want ErrWorkbookBuild", name, err)
		}
	}
}
