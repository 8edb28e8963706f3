package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

const (
	// xlsxZipLevel is archive/zip's own deflate level: the parts compress
	// to the bytes zip.Writer.CreateHeader would write.
	xlsxZipLevel = 5
	// xlsxChunkSize is the size of the blocks a compressed part is kept in
	// until the archive is written: no buffer doubling, no large copies.
	// A part's first block is xlsxFirstChunk, each next one twice the last
	// up to xlsxChunkSize, so the many small parts stay small.
	xlsxChunkSize  = 64 << 10
	xlsxFirstChunk = 1 << 10
	// xlsxZipVersion20 is the version (2.0) zip.Writer.CreateHeader writes
	// as "made by" and "needed to extract" for a deflated entry.
	xlsxZipVersion20 = 20
	// xlsxZipDataDescriptor is the general-purpose flag of an entry whose
	// CRC and sizes follow its data.
	xlsxZipDataDescriptor = 0x8
	// xlsxZipExtTimeID is the "extended timestamp" extra field.
	xlsxZipExtTimeID = 0x5455
	// xlsxZipCopyBlock is how much of a streamed part is handed on at once.
	xlsxZipCopyBlock = 32 << 10
)

// xlsxFlatePool keeps deflate compressors (about 1 MB of state each)
// between parts and builds.
var xlsxFlatePool sync.Pool

// xlsxSortedZip is an excelize.ZipWriter that writes the parts of the
// workbook in name order. excelize writes the sheets of its stream writers
// in map order, so without it two builds of the same workbook differ in
// byte order.
//
// Each part is compressed once, as excelize writes it, into blocks kept
// until Close, which writes them raw, sorted, to the output. On the way,
// the parts excelize writes in ways some readers refuse are fixed up
// (fixup.go): worksheets as they stream through (their dimensions are
// known beforehand, see dims), the small core properties whole. Every
// entry gets the same valid time stamp.
type xlsxSortedZip struct {
	out      io.Writer
	modified time.Time
	// dims maps each worksheet part to its used range, as the stream
	// writer recorded it; every worksheet part must have one.
	dims  map[string]string
	parts []*xlsxPart
	cur   *xlsxPart
}

// xlsxPart is one compressed part of the archive.
type xlsxPart struct {
	name string
	// fixed parts are written as zip.Writer.CreateHeader writes an entry
	// (data descriptor, version 2.0), the others as their raw copy was
	// before (sizes in the local header): the archive's bytes stay as they
	// were when the parts were compressed twice.
	fixed  bool
	chunks xlsxChunks
	crc    hash.Hash32
	size   uint64
	fw     *flate.Writer
	// w is where excelize writes the part; finish ends it.
	w      io.Writer
	finish func() error
}

// xlsxNewSortedZip writes to w; every entry is stamped with modified (see
// xlsxZipTime), and worksheet parts get the dimensions in dims.
func xlsxNewSortedZip(w io.Writer, modified time.Time, dims map[string]string) *xlsxSortedZip {
	return &xlsxSortedZip{out: w, modified: modified, dims: maps.Clone(dims)}
}

// Create starts a part, ending the one before.
func (z *xlsxSortedZip) Create(name string) (io.Writer, error) {
	if err := z.endPart(); err != nil {
		return nil, err
	}
	if slices.ContainsFunc(z.parts, func(p *xlsxPart) bool { return p.name == name }) {
		return nil, fmt.Errorf("%w: %s written twice", ErrWorkbookBuild, name)
	}
	p := &xlsxPart{name: name, crc: crc32.NewIEEE(), fixed: xlsxNeedsFix(name)}
	fw, ok := xlsxFlatePool.Get().(*flate.Writer)
	if ok {
		fw.Reset(&p.chunks)
	} else {
		var err error
		if fw, err = flate.NewWriter(&p.chunks, xlsxZipLevel); err != nil {
			return nil, err
		}
	}
	p.fw = fw
	sink := &xlsxPartSink{p: p}
	p.w, p.finish = sink, func() error { return nil }
	switch {
	case name == xlsxCorePart:
		c := &xlsxWholePart{}
		p.w = c
		p.finish = func() error {
			data, err := xlsxFixCore(c.buf.Bytes())
			if err != nil {
				return err
			}
			_, err = sink.Write(data)
			return err
		}
	case xlsxIsSheet(name):
		ref, ok := z.dims[name]
		if !ok {
			return nil, fmt.Errorf("%w: %s: no dimension recorded for the worksheet", ErrWorkbookBuild, name)
		}
		delete(z.dims, name)
		s := &xlsxSheetFixer{name: name, ref: ref, out: sink}
		p.w, p.finish = s, s.close
	}
	z.parts = append(z.parts, p)
	z.cur = p
	return p.w, nil
}

// endPart finishes the part being written: its fix-ups and compression.
func (z *xlsxSortedZip) endPart() error {
	p := z.cur
	if p == nil {
		return nil
	}
	z.cur = nil
	err := p.finish()
	if cerr := p.fw.Close(); err == nil {
		err = cerr
	}
	xlsxFlatePool.Put(p.fw)
	p.fw, p.w, p.finish = nil, nil, nil
	return err
}

// AddFS is part of excelize.ZipWriter; excelize never calls it when saving.
func (z *xlsxSortedZip) AddFS(fs.FS) error {
	return fmt.Errorf("%w: adding a file system to the workbook archive is not supported", ErrWorkbookBuild)
}

// Close writes every part, in name order, to the output.
func (z *xlsxSortedZip) Close() error {
	if err := z.endPart(); err != nil {
		return err
	}
	if left := slices.Sorted(maps.Keys(z.dims)); len(left) > 0 {
		return fmt.Errorf("%w: %s: a dimension was recorded but the worksheet was not written", ErrWorkbookBuild, left[0])
	}
	slices.SortStableFunc(z.parts, func(a, b *xlsxPart) int { return strings.Compare(a.name, b.name) })
	// Written to pieces (the workbook step), the compressed blocks are
	// kept as they are, not copied (see xlsxPieces).
	pieces, _ := z.out.(*xlsxPieces)
	xlsxCheckpoint()
	out := zip.NewWriter(z.out)
	// The extended timestamp CreateHeader adds: ID, size 5, flags
	// (modification time only), the time.
	var ext []byte
	ext = binary.LittleEndian.AppendUint16(ext, xlsxZipExtTimeID)
	ext = binary.LittleEndian.AppendUint16(ext, 5)
	ext = append(ext, 1)
	ext = binary.LittleEndian.AppendUint32(ext, uint32(z.modified.Unix()))
	var stamp zip.FileHeader
	stamp.SetModTime(z.modified)
	for _, p := range z.parts {
		fh := &zip.FileHeader{
			Name:               p.name,
			Method:             zip.Deflate,
			CRC32:              p.crc.Sum32(),
			CompressedSize64:   uint64(p.chunks.n),
			UncompressedSize64: p.size,
			ModifiedTime:       stamp.ModifiedTime,
			ModifiedDate:       stamp.ModifiedDate,
			Extra:              slices.Clone(ext),
		}
		if p.fixed {
			fh.Flags |= xlsxZipDataDescriptor
			fh.CreatorVersion, fh.ReaderVersion = xlsxZipVersion20, xlsxZipVersion20
		}
		w, err := out.CreateRaw(fh)
		if err != nil {
			return err
		}
		for i, c := range p.chunks.blocks {
			if pieces != nil {
				// The zip writer's buffer goes out first, so c reaches
				// the pieces as it is and is kept, not copied.
				if err := out.Flush(); err != nil {
					return err
				}
				pieces.own = c
			}
			if _, err := w.Write(c); err != nil {
				return err
			}
			if pieces != nil {
				pieces.own = nil
			}
			p.chunks.blocks[i] = nil
		}
		p.chunks.blocks = nil
	}
	return out.Close()
}

// xlsxNeedsFix tells whether part name is fixed up on its way through.
func xlsxNeedsFix(name string) bool {
	return name == xlsxCorePart || strings.HasPrefix(name, xlsxSheetPrefix)
}

// xlsxIsSheet tells whether part name is a worksheet.
func xlsxIsSheet(name string) bool {
	return strings.HasPrefix(name, xlsxSheetPrefix) && strings.HasSuffix(name, ".xml")
}

// xlsxPieces receives the finished archive as pieces (generator.File
// Parts): the compressed blocks of the parts are kept as they are, and
// what the zip writer writes around them (headers, the central directory)
// is copied into small pieces of its own. The archive is then never held
// twice: at 10,000 roles it is 7.6 MB.
type xlsxPieces struct {
	parts [][]byte
	// small collects the bytes written between kept blocks.
	small []byte
	// own is the block being written: a Write of exactly it is kept.
	own []byte
	// kept counts the bytes kept as they were given.
	kept int
}

func (w *xlsxPieces) Write(p []byte) (int, error) {
	if len(p) > 0 && len(p) == len(w.own) && &p[0] == &w.own[0] {
		w.flushSmall()
		w.parts = append(w.parts, p)
		w.kept += len(p)
		return len(p), nil
	}
	w.small = append(w.small, p...)
	return len(p), nil
}

func (w *xlsxPieces) flushSmall() {
	if len(w.small) > 0 {
		w.parts = append(w.parts, w.small)
		w.small = nil
	}
}

// done is the archive's pieces, in order.
func (w *xlsxPieces) done() [][]byte {
	w.flushSmall()
	return w.parts
}

// xlsxChunks is a write-only buffer kept in blocks of up to xlsxChunkSize.
type xlsxChunks struct {
	blocks [][]byte
	n      int
}

func (c *xlsxChunks) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(c.blocks) == 0 {
			c.blocks = append(c.blocks, make([]byte, 0, xlsxFirstChunk))
		} else if last := c.blocks[len(c.blocks)-1]; len(last) == cap(last) {
			c.blocks = append(c.blocks, make([]byte, 0, min(2*cap(last), xlsxChunkSize)))
		}
		last := &c.blocks[len(c.blocks)-1]
		k := min(len(p), cap(*last)-len(*last))
		*last = append(*last, p[:k]...)
		p = p[k:]
	}
	c.n += n
	return n, nil
}

// xlsxPartSink checksums, counts and compresses a part's bytes.
type xlsxPartSink struct{ p *xlsxPart }

func (s *xlsxPartSink) Write(b []byte) (int, error) {
	s.p.crc.Write(b)
	s.p.size += uint64(len(b))
	return s.p.fw.Write(b)
}

// xlsxWholePart keeps a small part whole until it ends.
type xlsxWholePart struct{ buf bytes.Buffer }

func (w *xlsxWholePart) Write(b []byte) (int, error) { return w.buf.Write(b) }
