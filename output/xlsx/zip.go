package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"
)

// xlsxZipCopyBlock is how much of a streamed part is fixed up at once.
const xlsxZipCopyBlock = 32 << 10

// xlsxStreamZip is an excelize.ZipWriter that writes each part of the
// workbook into the archive as excelize hands it over, compressed on the
// way (archive/zip's deflate, data descriptors). jdgen's excelize writes
// the parts in name order (third_party/excelize, patch 2), so the same
// workbook is the same archive and nothing is held to be sorted: the
// workbook goes to its file as it is made (7.6 MB at 10,000 roles, which
// the run held whole before). A part out of order is an error: it would
// mean the patch is gone.
//
// On the way, the parts excelize writes in ways some readers refuse are
// fixed up (fixup.go): worksheets as they stream through (their dimensions
// are known beforehand, see dims), the small core properties whole. The
// worksheets in links get their external hyperlinks and the relationships
// those need from jdgen (links.go), not from excelize. Every entry gets the
// same valid time stamp.
type xlsxStreamZip struct {
	zw       *zip.Writer
	modified time.Time
	// dims maps each worksheet part to its used range, as the stream
	// writer recorded it; every worksheet part must have one.
	dims map[string]string
	// links maps worksheet parts to the hyperlinks jdgen writes in them;
	// rels lists their relationships parts not yet written, in name
	// order, and firstID the first link's relationship id of each
	// worksheet whose relationships are written.
	links   map[string]xlsxLinks
	rels    []string
	firstID map[string]int
	// last is the name of the part before, for the order check.
	last    string
	started bool
	// finish ends the part being written (its fix-ups); nil for none.
	finish func() error
}

// xlsxNewStreamZip writes to w; every entry is stamped with modified (see
// xlsxZipTime), worksheet parts get the dimensions in dims and the
// hyperlinks in links (worksheets without links may be left out).
func xlsxNewStreamZip(w io.Writer, modified time.Time, dims map[string]string, links map[string]xlsxLinks) *xlsxStreamZip {
	z := &xlsxStreamZip{zw: zip.NewWriter(w), modified: modified, dims: maps.Clone(dims),
		links: map[string]xlsxLinks{}, firstID: map[string]int{}}
	for sheet, l := range links {
		if l.n > 0 {
			z.links[sheet] = l
			z.rels = append(z.rels, xlsxRelsPart(sheet))
		}
	}
	slices.Sort(z.rels)
	return z
}

// Create starts a part, ending the one before.
func (z *xlsxStreamZip) Create(name string) (io.Writer, error) {
	if err := z.endPart(); err != nil {
		return nil, err
	}
	if z.started && name <= z.last {
		return nil, fmt.Errorf("%w: part %s written after %s: out of name order, or twice", ErrWorkbookBuild, name, z.last)
	}
	// The relationships of linked sheets that excelize does not write
	// come where their name puts them.
	for len(z.rels) > 0 && z.rels[0] < name {
		if err := z.writeRels(z.rels[0]); err != nil {
			return nil, err
		}
		z.rels = z.rels[1:]
	}
	z.started, z.last = true, name
	var sheetRef string
	if xlsxIsSheet(name) {
		ref, ok := z.dims[name]
		if !ok {
			return nil, fmt.Errorf("%w: %s: no dimension recorded for the worksheet", ErrWorkbookBuild, name)
		}
		delete(z.dims, name)
		sheetRef = ref
	}
	ew, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.modified})
	if err != nil {
		return nil, err
	}
	switch {
	case len(z.rels) > 0 && name == z.rels[0]:
		// excelize has relationships of its own for a linked sheet.
		z.rels = z.rels[1:]
		sheet := xlsxSheetOfRels(name)
		c := &xlsxWholePart{}
		z.finish = func() error {
			first, err := xlsxMergeRels(name, ew, c.buf.Bytes(), z.links[sheet])
			z.firstID[sheet] = first
			return err
		}
		return c, nil
	case name == xlsxCorePart:
		c := &xlsxWholePart{}
		z.finish = func() error {
			data, err := xlsxFixCore(c.buf.Bytes())
			if err != nil {
				return err
			}
			_, err = ew.Write(data)
			return err
		}
		return c, nil
	case xlsxIsSheet(name):
		s := &xlsxSheetFixer{name: name, ref: sheetRef, out: ew}
		z.finish = s.close
		links, ok := z.links[name]
		if !ok {
			return s, nil
		}
		first, ok := z.firstID[name]
		if !ok {
			return nil, fmt.Errorf("%w: %s: hyperlinks but no relationships written for them", ErrWorkbookBuild, name)
		}
		ins := &xlsxLinkInserter{name: name, out: ew, links: links, firstID: first}
		s.out = ins
		z.finish = func() error {
			if err := s.close(); err != nil {
				return err
			}
			if !s.hasR {
				return fmt.Errorf("%w: %s: hyperlinks but no r namespace on the worksheet", ErrWorkbookBuild, name)
			}
			return ins.close()
		}
		return s, nil
	}
	return ew, nil
}

// writeRels writes the relationships part name of a linked sheet that
// excelize has no relationships for: only the links'.
func (z *xlsxStreamZip) writeRels(name string) error {
	sheet := xlsxSheetOfRels(name)
	ew, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.modified})
	if err != nil {
		return err
	}
	z.firstID[sheet] = 1
	return xlsxWriteRels(ew, z.links[sheet])
}

// xlsxSheetOfRels is the worksheet part of relationships part name (the
// inverse of xlsxRelsPart).
func xlsxSheetOfRels(name string) string {
	base := strings.TrimSuffix(strings.TrimPrefix(name, xlsxSheetDir+"_rels/"), ".rels")
	return xlsxSheetDir + base
}

// endPart finishes the part being written: its fix-ups.
func (z *xlsxStreamZip) endPart() error {
	if z.finish == nil {
		return nil
	}
	err := z.finish()
	z.finish = nil
	return err
}

// AddFS is part of excelize.ZipWriter; excelize never calls it when saving.
func (z *xlsxStreamZip) AddFS(fs.FS) error {
	return fmt.Errorf("%w: adding a file system to the workbook archive is not supported", ErrWorkbookBuild)
}

// Close ends the last part and writes the archive's directory.
func (z *xlsxStreamZip) Close() error {
	if err := z.endPart(); err != nil {
		return err
	}
	if len(z.rels) > 0 {
		return fmt.Errorf("%w: %s: hyperlinks were recorded but the worksheet was not written", ErrWorkbookBuild, xlsxSheetOfRels(z.rels[0]))
	}
	if left := slices.Sorted(maps.Keys(z.dims)); len(left) > 0 {
		return fmt.Errorf("%w: %s: a dimension was recorded but the worksheet was not written", ErrWorkbookBuild, left[0])
	}
	xlsxCheckpoint()
	return z.zw.Close()
}

// xlsxIsSheet tells whether part name is a worksheet.
func xlsxIsSheet(name string) bool {
	return strings.HasPrefix(name, xlsxSheetPrefix) && strings.HasSuffix(name, ".xml")
}

// xlsxWholePart keeps a small part whole until it ends.
type xlsxWholePart struct{ buf bytes.Buffer }

func (w *xlsxWholePart) Write(b []byte) (int, error) { return w.buf.Write(b) }
