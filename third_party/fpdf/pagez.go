package fpdf

// jdgen patch 9: a page's content is compressed when the page is
// finished, not when the document is closed, so a document of many pages
// holds each page's content compressed (a fifth of its size or less)
// instead of all of it raw until Output. The raw buffer is reused for the
// next page. Compression is deterministic (the same zlib level on the same
// content), so the bytes written are the same as before.
//
// A page is compressed only when compression is on and no alias
// (AliasNbPages, RegisterAlias) is pending, since aliases are substituted
// in the raw content at Output. Whatever needs the raw content of a
// finished page again gets it back (rawPage): SetPage to an earlier page,
// an alias registered after the page was finished, compression turned off
// before Output, a template's pages.

import "bytes"

// compressFinishedPage compresses the content of page n, just finished.
func (f *Fpdf) compressFinishedPage(n int) {
	if !f.compress || f.aliasNbPagesStr != "" || len(f.aliasMap) > 0 {
		return
	}
	if n < 1 || n >= len(f.pages) || n >= len(f.pageZ) || f.pageZ[n] != nil {
		return
	}
	raw := f.pages[n]
	mem := xmem.compress(raw.Bytes())
	f.pageZ[n] = mem.copy()
	mem.release()
	// The raw buffer's memory goes to the next page.
	raw.Reset()
	f.pageSpare = raw
	f.pages[n] = new(bytes.Buffer)
}

// rawPage is the raw content of page n, uncompressed again if the page
// was compressed when it was finished.
func (f *Fpdf) rawPage(n int) *bytes.Buffer {
	if n < len(f.pageZ) && f.pageZ[n] != nil {
		mem, err := xmem.uncompress(f.pageZ[n])
		if err != nil {
			// The bytes are our own zlib output; this cannot happen.
			panic(err)
		}
		f.pages[n] = bytes.NewBuffer(mem.copy())
		mem.release()
		f.pageZ[n] = nil
	}
	return f.pages[n]
}

// newPageBuffer is the content buffer of a new page: the memory of the
// last page compressed, if any.
func (f *Fpdf) newPageBuffer() *bytes.Buffer {
	if b := f.pageSpare; b != nil {
		f.pageSpare = nil
		return b
	}
	return pooledPageBuffer() // jdgen patch 10
}

// restorePages uncompresses every page compressed when finished.
func (f *Fpdf) restorePages() {
	for n := 1; n < len(f.pages); n++ {
		f.rawPage(n)
	}
}
