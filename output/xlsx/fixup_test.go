package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// xlsxParts reads every part of a built workbook.
func xlsxParts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

// xlsxTestSheet is what the tests decode of a worksheet part.
type xlsxTestSheet struct {
	Dimension struct {
		Ref string `xml:"ref,attr"`
	} `xml:"dimension"`
	Rows []struct {
		Cells []struct {
			Ref    string  `xml:"r,attr"`
			Type   string  `xml:"t,attr"`
			Value  *string `xml:"v"`
			Inline *struct {
				T    string `xml:"t"`
				Runs []struct {
					T string `xml:"t"`
				} `xml:"r"`
			} `xml:"is"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
	Links []struct {
		Ref     string     `xml:"ref,attr"`
		Tooltip string     `xml:"tooltip,attr"`
		Attrs   []xml.Attr `xml:",any,attr"`
	} `xml:"hyperlinks>hyperlink"`
}

func TestXLSXFixedParts(t *testing.T) {
	m := xlsxTestModel(t, "company") // dated 2023-11-14 22:13:20 UTC
	_, data := xlsxBuildOpen(t, m)
	parts := xlsxParts(t, data)
	sheets := 0
	for name, part := range parts {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		var ws xlsxTestSheet
		if err := xml.Unmarshal(part, &ws); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The dimension covers exactly the cells written.
		maxCol, maxRow := 0, 0
		for _, row := range ws.Rows {
			for _, c := range row.Cells {
				col, r, err := xlsxSplitRef([]byte(c.Ref))
				if err != nil {
					t.Fatal(err)
				}
				maxCol, maxRow = max(maxCol, col), max(maxRow, r)
				// Empty text is a blank cell, not an empty string.
				if c.Inline != nil && c.Inline.T == "" && len(c.Inline.Runs) == 0 {
					t.Errorf("%s!%s: an empty string cell", name, c.Ref)
				}
			}
		}
		if maxRow < 2 {
			t.Errorf("%s: %d rows, want a header and data", name, maxRow)
		}
		want := "A1:" + xlsxColName(maxCol) + strconv.Itoa(maxRow)
		if ws.Dimension.Ref != want {
			t.Errorf("%s: dimension %q, want %q", name, ws.Dimension.Ref, want)
		}
		// Hyperlinks to files name their relationship as r:id.
		if bytes.Contains(part, []byte("relationships:id")) {
			t.Errorf("%s: hyperlinks written with relationships:id", name)
		}
		rels := parts[path.Join(path.Dir(name), "_rels", path.Base(name)+".rels")]
		for _, l := range ws.Links {
			if n := utf8.RuneCountInString(l.Tooltip); n > xlsxMaxTooltip {
				t.Errorf("%s!%s: tooltip of %d characters", name, l.Ref, n)
			}
			for _, a := range l.Attrs {
				if a.Name.Local != "id" {
					continue
				}
				if a.Name.Space != xlsxNSRels {
					t.Errorf("%s!%s: id in namespace %q", name, l.Ref, a.Name.Space)
				}
				if !bytes.Contains(rels, []byte(`Id="`+a.Value+`"`)) {
					t.Errorf("%s!%s: relationship %s not in the sheet's rels", name, l.Ref, a.Value)
				}
			}
		}
	}
	if sheets != len(xlsxWantSheets) {
		t.Errorf("%d worksheet parts, want %d", sheets, len(xlsxWantSheets))
	}
	if n := bytes.Count(parts["xl/worksheets/sheet4.xml"], []byte(` r:id="`)); n != len(m.Roles) {
		t.Errorf("Roles sheet has %d r:id links, want one per role (%d)", n, len(m.Roles))
	}

	// The effective date is the model's day as a whole serial number
	// (2023-11-14 is 45244), whatever the time of day.
	ov := string(parts["xl/worksheets/sheet1.xml"])
	date := regexp.MustCompile(`<t>Effective date</t></is></c><c r="B\d+" s="\d+"><v>([^<]*)</v>`).FindStringSubmatch(ov)
	if date == nil || date[1] != "45244" {
		t.Errorf("effective date cell %q, want 45244", date)
	}

	// Core properties: every element prefixed, the values intact.
	core := string(parts[xlsxCorePart])
	for _, want := range []string{"<cp:coreProperties xmlns:cp=", "<cp:keywords>", "<cp:lastModifiedBy>", "<cp:category>", "</cp:coreProperties>", "<dc:language>en-US</dc:language>"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s:\n%s", want, core)
		}
	}
	if m := regexp.MustCompile(`</?[A-Za-z]+[\s/>]`).FindString(core); m != "" {
		t.Errorf("core.xml has an unprefixed element %s", m)
	}
	var props struct {
		XMLName  xml.Name
		Keywords string `xml:"http://schemas.openxmlformats.org/package/2006/metadata/core-properties keywords"`
		Category string `xml:"http://schemas.openxmlformats.org/package/2006/metadata/core-properties category"`
	}
	if err := xml.Unmarshal(parts[xlsxCorePart], &props); err != nil {
		t.Fatal(err)
	}
	if props.XMLName.Space != xlsxNSCore || props.Keywords != "career ladder; job levels; Operations" || props.Category != "Human resources" {
		t.Errorf("core properties read back as %+v", props)
	}
}

func TestXLSXFixCoreAndSheetErrors(t *testing.T) {
	if _, err := xlsxFixPart(xlsxCorePart, []byte(`<x/>`)); !errors.Is(err, ErrWorkbookBuild) {
		t.Errorf("core.xml without coreProperties: %v, want ErrWorkbookBuild", err)
	}
	bad := []struct{ name, xml string }{
		{"no dimension", `<worksheet><sheetData><row r="1"><c r="A1"/></row></sheetData></worksheet>`},
		{"bad reference", `<worksheet><dimension ref="A1"/><sheetData><row r="1"><c r="1A"/></row></sheetData></worksheet>`},
		{"unterminated", `<worksheet><dimension ref="A1"/><sheetData><row r="1"><c r="A1`},
		{"links without r", `<worksheet><dimension ref="A1"/><hyperlink` + xlsxRelsAttr + `rId1"/></worksheet>`},
	}
	for _, c := range bad {
		if _, err := xlsxFixPart("xl/worksheets/sheet1.xml", []byte(c.xml)); !errors.Is(err, ErrWorkbookBuild) {
			t.Errorf("%s: %v, want ErrWorkbookBuild", c.name, err)
		}
	}
	other := []byte("<unchanged/>")
	if got, err := xlsxFixPart("xl/styles.xml", other); err != nil || !bytes.Equal(got, other) {
		t.Errorf("styles.xml changed to %q (%v)", got, err)
	}
}

func TestXLSXUsedRange(t *testing.T) {
	for _, c := range []struct{ xml, want string }{
		{``, "A1"},
		{`<c r="C3"/>`, "C3"},
		{`<c r="B2"/><c r="AA10" s="1"></c><c r="C1"/>`, "B1:AA10"},
		{`<c r="A1"/><c r="XFD1048576"/>`, "A1:XFD1048576"},
	} {
		got, err := xlsxUsedRange([]byte(c.xml))
		if err != nil || got != c.want {
			t.Errorf("%s: %q (%v), want %q", c.xml, got, err, c.want)
		}
	}
}

func TestXLSXTooltip(t *testing.T) {
	if got := xlsxTooltip("short"); got != "short" {
		t.Errorf("short tooltip changed to %q", got)
	}
	exact := strings.Repeat("a", xlsxMaxTooltip)
	if got := xlsxTooltip(exact); got != exact {
		t.Errorf("a %d-character tooltip was cut", xlsxMaxTooltip)
	}
	long := strings.Repeat("é", 300)
	got := xlsxTooltip(long)
	if xlsxUTF16Len(got) != xlsxMaxTooltip || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("cut tooltip has %d units, ends %q", xlsxUTF16Len(got), got[len(got)-6:])
	}
	// A rune outside the BMP counts twice and is never split.
	emoji := strings.Repeat("\U0001F600", 200)
	got = xlsxTooltip(emoji)
	if xlsxUTF16Len(got) > xlsxMaxTooltip || !utf8.ValidString(got) {
		t.Errorf("cut emoji tooltip has %d units", xlsxUTF16Len(got))
	}
}

// A long role title keeps its link, with a tooltip Excel accepts.
func TestXLSXLongTitleTooltip(t *testing.T) {
	m := xlsxTestModel(t, "company")
	m.Roles[0].Title = strings.Repeat("Operations ", 40)
	_, data := xlsxBuildOpen(t, m)
	var ws xlsxTestSheet
	if err := xml.Unmarshal(xlsxParts(t, data)["xl/worksheets/sheet4.xml"], &ws); err != nil {
		t.Fatal(err)
	}
	if len(ws.Links) != len(m.Roles) {
		t.Fatalf("%d links, want %d", len(ws.Links), len(m.Roles))
	}
	for _, l := range ws.Links {
		if n := xlsxUTF16Len(l.Tooltip); n > xlsxMaxTooltip {
			t.Errorf("%s: tooltip of %d characters", l.Ref, n)
		}
	}
	if tip := ws.Links[0].Tooltip; !strings.HasSuffix(tip, "…") {
		t.Errorf("long tooltip not cut: %q", tip)
	}
}

// The streaming fix-up gives the same part whatever the writes' sizes,
// hyperlink attributes split between writes included: the Roles sheet of
// the company workbook, turned back into what excelize writes, fixed up
// again in writes of 1 to 4,096 bytes.
func TestXLSXSheetFixerSplitWrites(t *testing.T) {
	_, data := xlsxBuildOpen(t, xlsxTestModel(t, "company"))
	fixed := xlsxParts(t, data)["xl/worksheets/sheet4.xml"]
	links := bytes.Count(fixed, []byte(` r:id="`))
	if links == 0 {
		t.Fatal("the Roles sheet has no hyperlinks to test with")
	}
	ref := xlsxDimensionRef.FindSubmatch(fixed)
	if ref == nil || string(ref[1]) == "A1" {
		t.Fatalf("the Roles sheet's dimension is %q", ref)
	}
	raw := bytes.ReplaceAll(fixed, []byte(` r:id="`), []byte(xlsxRelsAttr))
	raw = bytes.Replace(raw, ref[0], []byte(`<dimension ref="A1"`), 1)
	for _, size := range []int{1, 2, 3, 7, len(xlsxRelsAttr) - 1, len(xlsxRelsAttr), 100, 4096} {
		var out bytes.Buffer
		s := &xlsxSheetFixer{name: "sheet4.xml", ref: string(ref[1]), out: &out}
		for p := raw; len(p) > 0; {
			k := min(size, len(p))
			if n, err := s.Write(p[:k]); err != nil || n != k {
				t.Fatalf("writes of %d: Write = %d, %v", size, n, err)
			}
			p = p[k:]
		}
		if err := s.close(); err != nil {
			t.Fatalf("writes of %d: %v", size, err)
		}
		if !bytes.Equal(out.Bytes(), fixed) {
			t.Errorf("writes of %d bytes: the part differs from the fixed one", size)
		}
		if s.links != links {
			t.Errorf("writes of %d bytes: %d links rewritten, want %d", size, s.links, links)
		}
	}
	// A part whose head holds no dimension element is refused, not held.
	s := &xlsxSheetFixer{name: "sheet1.xml", ref: "A1", out: io.Discard}
	if _, err := s.Write(bytes.Repeat([]byte("<x/>"), xlsxMaxSheetHead)); !errors.Is(err, ErrWorkbookBuild) {
		t.Errorf("no dimension in the head: %v, want ErrWorkbookBuild", err)
	}
	if s := (&xlsxSheetFixer{name: "sheet1.xml", out: io.Discard}); !errors.Is(s.close(), ErrWorkbookBuild) {
		t.Error("an empty part closed without an error")
	}
}

// A worksheet part excelize writes without a recorded dimension, or a
// recorded one that is never written, is an error; so is a part out of
// name order or written twice (excelize patch 2 gone).
func TestXLSXStreamZipChecks(t *testing.T) {
	z := xlsxNewStreamZip(io.Discard, xlsxTestDate, map[string]string{}, nil)
	if _, err := z.Create("xl/worksheets/sheet1.xml"); !errors.Is(err, ErrWorkbookBuild) {
		t.Errorf("sheet without a dimension: %v, want ErrWorkbookBuild", err)
	}
	z = xlsxNewStreamZip(io.Discard, xlsxTestDate, map[string]string{"xl/worksheets/sheet2.xml": "A1:B2"}, nil)
	if _, err := z.Create("xl/styles.xml"); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); !errors.Is(err, ErrWorkbookBuild) {
		t.Errorf("dimension of a sheet never written: %v, want ErrWorkbookBuild", err)
	}
	z = xlsxNewStreamZip(io.Discard, xlsxTestDate, nil, nil)
	if _, err := z.Create("b.xml"); err != nil {
		t.Fatal(err)
	}
	if _, err := z.Create("b.xml"); !errors.Is(err, ErrWorkbookBuild) {
		t.Errorf("a part written twice: %v, want ErrWorkbookBuild", err)
	}
	z = xlsxNewStreamZip(io.Discard, xlsxTestDate, nil, nil)
	if _, err := z.Create("b.xml"); err != nil {
		t.Fatal(err)
	}
	if _, err := z.Create("a.xml"); !errors.Is(err, ErrWorkbookBuild) || !strings.Contains(err.Error(), "order") {
		t.Errorf("a part out of name order: %v, want ErrWorkbookBuild", err)
	}
}
