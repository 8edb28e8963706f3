package fpdf

// jdgen patch 10: less memory allocated per document. A program that
// makes many documents (jdgen: one per role) allocated the file's buffer
// anew for each, growing it by doubling to the file's size, copied every
// stream into a string before writing it, and grew a new buffer for each
// page's content. Now the file buffer and the page buffers come from
// pools and go back when Output has written the file, and streams are
// written as they are. The bytes written do not change.

import (
	"bytes"
	"sync"
)

// Pooled buffers larger than these are left to the garbage collector: a
// pool keeps what it holds for two collections, and one large document
// (the org chart) should not keep its file buffer alive after it is done.
const (
	maxPooledOutput = 1 << 20
	maxPooledPage   = 256 << 10
)

// outputPool holds the memory of written files' buffers (*[]byte, empty).
var outputPool sync.Pool

// pagePool holds empty page content buffers (*bytes.Buffer).
var pagePool sync.Pool

// useOutputBuffer gives the file buffer pooled memory when it has none yet.
func (f *Fpdf) useOutputBuffer() {
	if f.buffer.Cap() > 0 {
		return
	}
	if p, ok := outputPool.Get().(*[]byte); ok {
		f.outMem = p
		f.buffer.Buffer = *bytes.NewBuffer((*p)[:0])
	}
}

// releaseBuffers returns the file buffer's memory (its content is
// written) and the spare page buffer to their pools. out is the buffer's
// content before it was written.
func (f *Fpdf) releaseBuffers(out []byte) {
	f.buffer = fmtBuffer{}
	if c := cap(out); c > 0 && c <= maxPooledOutput {
		p := f.outMem
		if p == nil {
			p = new([]byte)
		}
		*p = out[:0]
		outputPool.Put(p)
	}
	f.outMem = nil
	if b := f.pageSpare; b != nil {
		f.pageSpare = nil
		if b.Cap() <= maxPooledPage {
			b.Reset()
			pagePool.Put(b)
		}
	}
}

// pooledPageBuffer is an empty page buffer from the pool, or a new one.
func pooledPageBuffer() *bytes.Buffer {
	if b, ok := pagePool.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

// outBytes writes b and a newline, as out does a string.
func (f *Fpdf) outBytes(b []byte) {
	if f.state == 2 {
		must(f.pages[f.page].Write(b))
		must(f.pages[f.page].WriteString("\n"))
	} else {
		must(f.buffer.Write(b))
		must(f.buffer.WriteString("\n"))
	}
}

// OutputBytes closes the document, as Output does, and returns the file:
// the document's own buffer, handed over rather than copied to a writer
// (jdgen patch 13). A large document (the org chart) then holds its file
// once, not twice, when it is written. After it returns, f is closed and
// its methods should not be called.
func (f *Fpdf) OutputBytes() ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.state < 3 {
		f.Close()
	}
	if f.err != nil {
		return nil, f.err
	}
	data := f.buffer.Bytes()
	// The memory is the caller's now: it goes to no pool.
	f.buffer = fmtBuffer{}
	f.outMem = nil
	f.releaseBuffers(nil)
	return data, nil
}
