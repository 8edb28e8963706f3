package xlsx

// A worksheet's external hyperlinks written by jdgen instead of excelize
// (issue #17). excelize's SetCellHyperLink keeps a record per link (the
// worksheet's hyperlink list and a relationship in the sheet's rels part)
// until the workbook is saved: about 3 MB at 10,000 roles, held while the
// rest of the run renders PDFs. The Roles sheet's links are a function of
// the model, which stays in memory, so the zip writer makes them again as
// the two parts that hold them stream past: the sheet's relationships
// part (xlsxWriteRels) and the worksheet's hyperlinks element
// (xlsxLinkInserter). The bytes are the ones excelize wrote, after the
// r:id fix-up (fixup.go).

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxLink is one external hyperlink: the cell, the file it opens and its
// tooltip (already cut to Excel's limit, see xlsxTooltip).
type xlsxLink struct {
	ref, target, tooltip string
}

// xlsxLinks are a worksheet's external hyperlinks, made again from the
// model each time they are written: n links, link i from at(i).
type xlsxLinks struct {
	n  int
	at func(i int) xlsxLink
}

// xlsxRelsPart names the relationships part of a worksheet part:
// xl/worksheets/_rels/sheetN.xml.rels. It sorts before the worksheet, so
// the zip writer (which takes the parts in name order) writes it first.
func xlsxRelsPart(sheet string) string {
	return xlsxSheetDir + "_rels/" + strings.TrimPrefix(sheet, xlsxSheetDir) + ".rels"
}

const (
	// xlsxNSPackageRels is the namespace of a relationships part.
	xlsxNSPackageRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	// xlsxRelsOpen and xlsxRelsClose are a relationships part's root
	// element as excelize marshals it (its header comes first).
	xlsxRelsOpen  = `<Relationships xmlns="` + xlsxNSPackageRels + `">`
	xlsxRelsClose = `</Relationships>`
	// xlsxLinkBlock is how much of the links is written at once.
	xlsxLinkBlock = 32 << 10
)

// xlsxRelsID finds the relationship ids of a relationships part.
var xlsxRelsID = regexp.MustCompile(`<Relationship Id="rId([0-9]+)"`)

// xlsxWriteLinks writes one element per link to w, from the one numbered
// firstID on, each made by add, in blocks of about xlsxLinkBlock.
func xlsxWriteLinks(w io.Writer, links xlsxLinks, firstID int, add func(*bytes.Buffer, xlsxLink, int)) error {
	var buf bytes.Buffer
	for i := range links.n {
		add(&buf, links.at(i), firstID+i)
		if buf.Len() >= xlsxLinkBlock {
			if _, err := w.Write(buf.Bytes()); err != nil {
				return err
			}
			buf.Reset()
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// xlsxAddRel adds link's relationship, as excelize marshals it.
func xlsxAddRel(b *bytes.Buffer, l xlsxLink, id int) {
	b.WriteString(`<Relationship Id="rId`)
	b.WriteString(strconv.Itoa(id))
	b.WriteString(`" Target="`)
	xlsxEscapeAttr(b, l.target)
	b.WriteString(`" Type="` + excelize.SourceRelationshipHyperLink + `" TargetMode="External"></Relationship>`)
}

// xlsxAddHyperlink adds link's hyperlink element, as excelize marshals it
// and the fix-up writes its id (r:id).
func xlsxAddHyperlink(b *bytes.Buffer, l xlsxLink, id int) {
	b.WriteString(`<hyperlink ref="`)
	xlsxEscapeAttr(b, l.ref)
	b.WriteString(`"`)
	if l.tooltip != "" {
		b.WriteString(` tooltip="`)
		xlsxEscapeAttr(b, l.tooltip)
		b.WriteString(`"`)
	}
	b.WriteString(` r:id="rId`)
	b.WriteString(strconv.Itoa(id))
	b.WriteString(`"></hyperlink>`)
}

// xlsxEscapeAttr writes s escaped as encoding/xml escapes an attribute
// value (EscapeText is the same escaping).
func xlsxEscapeAttr(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s))
}

// xlsxWriteRels writes a relationships part holding only links, numbered
// from rId1, as excelize writes a sheet's rels part.
func xlsxWriteRels(w io.Writer, links xlsxLinks) error {
	if _, err := io.WriteString(w, xml.Header+xlsxRelsOpen); err != nil {
		return err
	}
	if err := xlsxWriteLinks(w, links, 1, xlsxAddRel); err != nil {
		return err
	}
	_, err := io.WriteString(w, xlsxRelsClose)
	return err
}

// xlsxMergeRels writes the relationships part excelize wrote (data) with
// links added after its own relationships, numbered after its highest id
// (as excelize numbers a relationship added last). It returns the first
// link's id.
func xlsxMergeRels(name string, w io.Writer, data []byte, links xlsxLinks) (int, error) {
	end := bytes.LastIndex(data, []byte(xlsxRelsClose))
	if end < 0 || !bytes.Contains(data, []byte(xlsxRelsOpen)) {
		return 0, fmt.Errorf("%w: %s: no Relationships element to add the hyperlinks to", ErrWorkbookBuild, name)
	}
	top := 0
	for _, m := range xlsxRelsID.FindAllSubmatch(data, -1) {
		n, err := strconv.Atoi(string(m[1]))
		if err != nil {
			return 0, fmt.Errorf("%w: %s: relationship id rId%s: %w", ErrWorkbookBuild, name, m[1], err)
		}
		top = max(top, n)
	}
	if _, err := w.Write(data[:end]); err != nil {
		return 0, err
	}
	if err := xlsxWriteLinks(w, links, top+1, xlsxAddRel); err != nil {
		return 0, err
	}
	_, err := w.Write(data[end:])
	return top + 1, err
}

// xlsxAfterLinks are the worksheet elements the schema (CT_Worksheet)
// puts after hyperlinks; everything between sheetData and hyperlinks
// (autoFilter, mergeCells, conditionalFormatting, dataValidations...)
// comes before.
var xlsxAfterLinks = map[string]bool{
	"printOptions": true, "pageMargins": true, "pageSetup": true, "headerFooter": true,
	"rowBreaks": true, "colBreaks": true, "customProperties": true, "cellWatches": true,
	"ignoredErrors": true, "smartTags": true, "drawing": true, "legacyDrawing": true,
	"legacyDrawingHF": true, "drawingHF": true, "picture": true, "oleObjects": true,
	"controls": true, "webPublishItems": true, "tableParts": true, "extLst": true,
}

// xlsxSheetDataEnd ends a worksheet's cells; after it there is only markup
// (cell text is escaped), so every "<" starts an element.
const xlsxSheetDataEnd = "</sheetData>"

// xlsxMaxTagName bounds an element name after sheetData.
const xlsxMaxTagName = 64

// xlsxLinkInserter passes a worksheet part on (after the other fix-ups)
// and adds links where the schema puts hyperlinks: into excelize's own
// hyperlinks element if it wrote one (after its links, as excelize would
// have appended them), else as a new element before the first one that
// follows hyperlinks, or before the end of the worksheet. It holds only
// what may still be the end of the sheet's cells or an element's name.
type xlsxLinkInserter struct {
	name  string
	out   io.Writer
	links xlsxLinks
	// firstID is the number of the first link's relationship id.
	firstID int
	// pend is what is held back; tail tells whether sheetData has ended
	// (pend then starts at an element not yet placed), done whether the
	// links are written (the rest passes through).
	pend       []byte
	tail, done bool
	// own tells that excelize's hyperlinks element has started.
	own bool
}

// Write passes b on, adding the links when their place comes.
func (l *xlsxLinkInserter) Write(b []byte) (int, error) {
	if l.done {
		return l.out.Write(b)
	}
	n := len(b)
	l.pend = append(l.pend, b...)
	if err := l.scan(); err != nil {
		return 0, err
	}
	return n, nil
}

// scan writes what is held back up to where the links go, or as far as
// is sure not to be there.
func (l *xlsxLinkInserter) scan() error {
	if !l.tail {
		i := bytes.Index(l.pend, []byte(xlsxSheetDataEnd))
		if i < 0 {
			keep := len(xlsxSheetDataEnd) - 1
			return l.pass(max(len(l.pend)-keep, 0))
		}
		if err := l.pass(i + len(xlsxSheetDataEnd)); err != nil {
			return err
		}
		l.tail = true
	}
	for !l.done {
		i := bytes.IndexByte(l.pend, '<')
		if i < 0 {
			return l.pass(len(l.pend))
		}
		if err := l.pass(i); err != nil {
			return err
		}
		// pend starts with "<": read the element's name.
		end := bytes.IndexAny(l.pend[1:], " \t\r\n/>")
		if end == 0 && l.pend[1] == '/' {
			end = bytes.IndexAny(l.pend[2:], " \t\r\n/>")
			if end >= 0 {
				end++
			}
		}
		if end < 0 {
			if len(l.pend) > xlsxMaxTagName {
				return fmt.Errorf("%w: %s: an element name of more than %d bytes after the cells", ErrWorkbookBuild, l.name, xlsxMaxTagName)
			}
			return nil
		}
		tag := string(l.pend[1 : 1+end])
		switch {
		case tag == "hyperlinks":
			l.own = true
		case tag == "/hyperlinks":
			return l.insert(false)
		case xlsxAfterLinks[tag] || tag == "/worksheet":
			if l.own {
				return fmt.Errorf("%w: %s: <%s> inside the hyperlinks element", ErrWorkbookBuild, l.name, tag)
			}
			return l.insert(true)
		}
		if err := l.pass(1); err != nil {
			return err
		}
	}
	return nil
}

// pass writes the first n bytes held back.
func (l *xlsxLinkInserter) pass(n int) error {
	if n == 0 {
		return nil
	}
	if _, err := l.out.Write(l.pend[:n]); err != nil {
		return err
	}
	l.pend = append(l.pend[:0], l.pend[n:]...)
	return nil
}

// insert writes the links (in a hyperlinks element of their own when
// wrap is set) and what is held back after them.
func (l *xlsxLinkInserter) insert(wrap bool) error {
	if wrap {
		if _, err := io.WriteString(l.out, "<hyperlinks>"); err != nil {
			return err
		}
	}
	if err := xlsxWriteLinks(l.out, l.links, l.firstID, xlsxAddHyperlink); err != nil {
		return err
	}
	if wrap {
		if _, err := io.WriteString(l.out, "</hyperlinks>"); err != nil {
			return err
		}
	}
	l.done = true
	_, err := l.out.Write(l.pend)
	l.pend = nil
	return err
}

// close checks that the links were written.
func (l *xlsxLinkInserter) close() error {
	if !l.done {
		return fmt.Errorf("%w: %s: no place for the hyperlinks (no end of sheetData or of the worksheet)", ErrWorkbookBuild, l.name)
	}
	return nil
}
