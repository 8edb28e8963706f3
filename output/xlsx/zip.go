package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// xlsxSortedZip is an excelize.ZipWriter that writes the parts of the
// workbook in name order. excelize writes the sheets of its stream writers
// in map order, so without it two builds of the same workbook differ in
// byte order. Parts are compressed once into a scratch archive as they
// arrive; Close copies the compressed entries, sorted, into the real one.
//
// On the way, the parts excelize writes in ways some readers refuse are
// fixed up (fixup.go), and every entry gets the same valid time stamp.
type xlsxSortedZip struct {
	out      io.Writer
	scratch  bytes.Buffer
	zw       *zip.Writer
	modified time.Time
}

// xlsxNewSortedZip writes to w; every entry is stamped with modified (see
// xlsxZipTime), so builds repeat.
func xlsxNewSortedZip(w io.Writer, modified time.Time) *xlsxSortedZip {
	z := &xlsxSortedZip{out: w, modified: modified}
	z.zw = zip.NewWriter(&z.scratch)
	return z
}

// Create starts a part.
func (z *xlsxSortedZip) Create(name string) (io.Writer, error) {
	return z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.modified})
}

// AddFS is part of excelize.ZipWriter; excelize never calls it when saving.
func (z *xlsxSortedZip) AddFS(fs.FS) error {
	return fmt.Errorf("%w: adding a file system to the workbook archive is not supported", ErrWorkbookBuild)
}

// Close writes every part, in name order, to the output.
func (z *xlsxSortedZip) Close() error {
	if err := z.zw.Close(); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(z.scratch.Bytes()), int64(z.scratch.Len()))
	if err != nil {
		return err
	}
	files := zr.File
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	out := zip.NewWriter(z.out)
	for _, f := range files {
		if xlsxNeedsFix(f.Name) {
			if err := z.copyFixed(out, f); err != nil {
				return err
			}
			continue
		}
		raw, err := f.OpenRaw()
		if err != nil {
			return err
		}
		w, err := out.CreateRaw(&zip.FileHeader{
			Name:               f.Name,
			Method:             f.Method,
			CRC32:              f.CRC32,
			CompressedSize64:   f.CompressedSize64,
			UncompressedSize64: f.UncompressedSize64,
			// CreateRaw does not convert Modified: take the DOS time and
			// the extended time stamp Create wrote into the scratch entry.
			ModifiedTime: f.ModifiedTime,
			ModifiedDate: f.ModifiedDate,
			Extra:        f.Extra,
		})
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, raw); err != nil {
			return err
		}
	}
	return out.Close()
}

// xlsxNeedsFix tells whether part name goes through xlsxFixPart.
func xlsxNeedsFix(name string) bool {
	return name == xlsxCorePart || strings.HasPrefix(name, xlsxSheetPrefix)
}

// copyFixed decompresses part f, fixes it up and compresses it into out.
func (z *xlsxSortedZip) copyFixed(out *zip.Writer, f *zip.File) error {
	r, err := f.Open()
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if data, err = xlsxFixPart(f.Name, data); err != nil {
		return err
	}
	w, err := out.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: z.modified})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}
