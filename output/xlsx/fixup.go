package xlsx

// Fix-ups of excelize v2.10.1's parts that its API cannot reach (issue
// #15). They run once per part as excelize writes it into the sorted zip
// writer (zip.go), before the part is compressed; each names the upstream
// behaviour it corrects. Checked again with v2.11.1 (the newest served): it
// writes the same bytes for all three, so the fix-ups stay until excelize
// changes them.

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"time"
)

const (
	xlsxNSCore = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
	xlsxNSRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	// xlsxCorePart and xlsxSheetPrefix name the parts that are fixed up;
	// xlsxSheetDir is the folder of the worksheets.
	xlsxCorePart    = "docProps/core.xml"
	xlsxSheetDir    = "xl/worksheets/"
	xlsxSheetPrefix = xlsxSheetDir + "sheet"
	// xlsxMaxTooltip is the longest hyperlink tooltip Excel accepts.
	xlsxMaxTooltip = 255
)

var (
	// An element of the core-properties part written without a prefix.
	xlsxCoreBare = regexp.MustCompile(`<(/?)([A-Za-z]+)([\s/>])`)
	// The worksheet's dimension element (excelize's stream writer always
	// writes ref="A1").
	xlsxDimension = regexp.MustCompile(`<dimension ref="[A-Z0-9:]*"`)
	// excelize's hyperlink relationship attribute, with its own namespace
	// declaration on every element.
	xlsxRelsAttr = ` xmlns:relationships="` + xlsxNSRels + `" relationships:id="`
)

// xlsxFixCore gives the core properties the cp: prefix. excelize writes
// <coreProperties xmlns="...core-properties"> with keywords, lastModifiedBy
// and category unprefixed: valid XML, but ExcelJS (issue 2603, "Unexpected
// xml node in parseOpen: keywords") and other readers that match the
// prefixes Excel writes refuse the whole workbook.
func xlsxFixCore(data []byte) ([]byte, error) {
	root := []byte(`<coreProperties xmlns="` + xlsxNSCore + `"`)
	if !bytes.Contains(data, root) {
		return nil, fmt.Errorf("%w: %s: no coreProperties element in the core-properties namespace", ErrWorkbookBuild, xlsxCorePart)
	}
	data = bytes.Replace(data, root, []byte(`<cp:coreProperties xmlns:cp="`+xlsxNSCore+`"`), 1)
	return xlsxCoreBare.ReplaceAll(data, []byte(`<${1}cp:${2}${3}`)), nil
}

// xlsxSheetFixer sets a worksheet's real dimension and writes hyperlinks'
// relationship ids as r:id, as the part streams through: it holds only the
// part's head (up to its dimension element) and the last few bytes of a
// write, in case a hyperlink attribute is split between two writes. The
// dimension is the range the stream writer was given (xlsxRange).
//
// Dimension: excelize's StreamWriter declares every streamed sheet as
// ref="A1", and SetSheetDimension after Flush is silently lost (the stream
// is already serialised). Streaming readers trust the element: openpyxl in
// read-only mode, and so pandas' callers that use it, saw one row a sheet.
//
// r:id: excelize marshals the hyperlink's id as relationships:id with its
// own xmlns:relationships on each element. Equivalent XML, but ExcelJS and
// Gnumeric look for r:id and drop the link ("Unknown type of hyperlink").
// The Roles sheet's links, which jdgen writes itself (links.go), are
// written as r:id already; this covers links to files excelize writes.
type xlsxSheetFixer struct {
	name string
	// ref is the used range the dimension element gets.
	ref string
	out io.Writer
	// head is the start of the part until the dimension element is seen.
	head     []byte
	headDone bool
	// hasR tells whether the worksheet's root element, before the
	// dimension, declares the r namespace.
	hasR bool
	// pend is what may still be the start of a hyperlink attribute.
	pend []byte
	// links counts the attributes rewritten.
	links int
}

// xlsxMaxSheetHead bounds how far into a worksheet its dimension element
// may be (excelize writes it in the first few hundred bytes).
const xlsxMaxSheetHead = 64 << 10

// Write passes b on, fixed up.
func (s *xlsxSheetFixer) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		k := min(len(b), xlsxZipCopyBlock)
		if err := s.write(b[:k]); err != nil {
			return 0, err
		}
		b = b[k:]
	}
	return n, nil
}

func (s *xlsxSheetFixer) write(b []byte) error {
	if s.headDone {
		return s.replace(b)
	}
	s.head = append(s.head, b...)
	loc := xlsxDimension.FindIndex(s.head)
	if loc == nil {
		if len(s.head) > xlsxMaxSheetHead {
			return fmt.Errorf("%w: %s: no dimension element", ErrWorkbookBuild, s.name)
		}
		return nil
	}
	s.headDone = true
	s.hasR = bytes.Contains(s.head[:loc[0]], []byte(`xmlns:r="`+xlsxNSRels+`"`))
	head := s.head
	s.head = nil
	if err := s.replace(head[:loc[0]]); err != nil {
		return err
	}
	if err := s.replace([]byte(`<dimension ref="` + s.ref + `"`)); err != nil {
		return err
	}
	return s.replace(head[loc[1]:])
}

// replace writes b with every hyperlink attribute written as r:id, keeping
// back the bytes that may start one.
func (s *xlsxSheetFixer) replace(b []byte) error {
	old := []byte(xlsxRelsAttr)
	buf := append(s.pend, b...)
	p := buf
	for {
		i := bytes.Index(p, old)
		if i < 0 {
			break
		}
		if _, err := s.out.Write(p[:i]); err != nil {
			return err
		}
		if _, err := io.WriteString(s.out, ` r:id="`); err != nil {
			return err
		}
		s.links++
		p = p[i+len(old):]
	}
	if keep := len(old) - 1; len(p) > keep {
		if _, err := s.out.Write(p[:len(p)-keep]); err != nil {
			return err
		}
		p = p[len(p)-keep:]
	}
	s.pend = append(buf[:0], p...)
	return nil
}

// close writes what was held back and checks the part.
func (s *xlsxSheetFixer) close() error {
	if !s.headDone {
		return fmt.Errorf("%w: %s: no dimension element", ErrWorkbookBuild, s.name)
	}
	if _, err := s.out.Write(s.pend); err != nil {
		return err
	}
	s.pend = nil
	if s.links > 0 && !s.hasR {
		return fmt.Errorf("%w: %s: hyperlinks but no r namespace on the worksheet", ErrWorkbookBuild, s.name)
	}
	return nil
}

// xlsxColName is the letters of 1-based column n.
func xlsxColName(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// xlsxZipTime is the time stamp of every part: the workbook's date,
// clamped to what a zip (DOS) time can hold. excelize leaves the stamp
// zero, which zip tools show as the invalid date 1980-00-00.
func xlsxZipTime(date time.Time) time.Time {
	lo := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2107, 12, 31, 0, 0, 0, 0, time.UTC)
	d := date.UTC()
	d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	if d.Before(lo) {
		return lo
	}
	if d.After(hi) {
		return hi
	}
	return d
}

// xlsxTooltip shortens a hyperlink tooltip to Excel's limit of 255
// characters (UTF-16 units), ending it with "…" when cut.
func xlsxTooltip(tip string) string {
	if xlsxUTF16Len(tip) <= xlsxMaxTooltip {
		return tip
	}
	units := 0
	for i, r := range tip {
		n := xlsxUTF16Len(string(r))
		if units+n > xlsxMaxTooltip-1 { // room for "…"
			return tip[:i] + "…"
		}
		units += n
	}
	return tip
}

// xlsxUTF16Len is the length of s in UTF-16 units.
func xlsxUTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}
