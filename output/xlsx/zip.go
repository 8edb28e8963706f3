package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"sort"
)

// xlsxSortedZip is an excelize.ZipWriter that writes the parts of the
// workbook in name order. excelize writes the sheets of its stream writers
// in map order, so without it two builds of the same workbook differ in
// byte order. Parts are compressed once into a scratch archive as they
// arrive; Close copies the compressed entries, sorted, into the real one.
type xlsxSortedZip struct {
	out     io.Writer
	scratch bytes.Buffer
	zw      *zip.Writer
}

func xlsxNewSortedZip(w io.Writer) *xlsxSortedZip {
	z := &xlsxSortedZip{out: w}
	z.zw = zip.NewWriter(&z.scratch)
	return z
}

// Create starts a part. The header has no time stamp, so builds repeat.
func (z *xlsxSortedZip) Create(name string) (io.Writer, error) {
	return z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
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
