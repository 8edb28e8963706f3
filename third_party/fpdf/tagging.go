package fpdf

// jdgen patch: what a tagged PDF (ISO 32000-1 section 14.8, PDF/UA-1)
// needs from the file structure and fpdf had no way to write: a structure
// tree written by the application as objects of its own, /StructParents on
// pages, link annotations as objects carrying /StructParent and /Contents,
// and the catalog entries /StructTreeRoot, /MarkInfo, /ViewerPreferences
// /DisplayDocTitle and /Metadata. Marked-content operators (BDC/EMC) in the
// page content need no patch: RawWriteStr writes them.

import "sort"

// tagState is the tagged-PDF state of a document.
type tagState struct {
	structTree      func(w *StructWriter) int
	pageParents     map[int]int // page (1-based) -> /StructParents key
	displayDocTitle bool
	root            int         // StructTreeRoot object number
	xmpObj          int         // XMP metadata stream object number
	pageObjs        []int       // page (1-based) -> object number
	annotObjs       map[int]int // /StructParent key -> annotation object number
}

// taggedLink is a link annotation written as an object of its own.
type taggedLink struct {
	l    linkType
	page int
	obj  int
}

// SetStructTree registers fn to write the document's structure tree when
// the document is closed. fn is called after the pages, resources,
// outlines and metadata are written; it writes its objects with w and
// returns the object number of the StructTreeRoot. The catalog then gets
// /StructTreeRoot and /MarkInfo <</Marked true>>, and the file is marked
// PDF 1.7. Setting fn to nil removes it. Tagging a document that is also
// encrypted (SetProtection) is an error.
func (f *Fpdf) SetStructTree(fn func(w *StructWriter) int) {
	f.tag.structTree = fn
	if fn != nil && f.pdfVersion < pdfVers1_7 {
		f.pdfVersion = pdfVers1_7
	}
}

// SetPageStructParents gives the current page the /StructParents key: the
// key of the page's entry in the structure tree's parent tree, which maps
// the page's marked-content identifiers to structure elements. The page
// also gets /Tabs /S (tab order follows the structure).
func (f *Fpdf) SetPageStructParents(key int) {
	if f.page < 1 {
		f.SetErrorf("SetPageStructParents: no page")
		return
	}
	if f.tag.pageParents == nil {
		f.tag.pageParents = map[int]int{}
	}
	f.tag.pageParents[f.page] = key
}

// SetDisplayDocTitle makes viewers show the document title, not the file
// name, in their window title (/ViewerPreferences <</DisplayDocTitle true>>).
func (f *Fpdf) SetDisplayDocTitle(on bool) {
	f.tag.displayDocTitle = on
}

// LinkStringTagged is LinkString for a tagged document: the annotation is
// written as an object of its own with /StructParent structParent (its key
// in the parent tree, which maps it to its Link structure element),
// /Contents alt (the link's description for assistive technology) and /P
// (its page), so that a structure element can refer to it (OBJR).
func (f *Fpdf) LinkStringTagged(x, y, w, h float64, linkStr string, structParent int, alt string) {
	if structParent < 0 {
		f.SetErrorf("LinkStringTagged: negative /StructParent %d", structParent)
		return
	}
	f.pageLinks[f.page] = append(f.pageLinks[f.page],
		linkType{x * f.k, f.hPt - y*f.k, w * f.k, h * f.k, 0, linkStr, structParent, alt})
}

func (f *Fpdf) putPageStructParents(n int) {
	if key, ok := f.tag.pageParents[n]; ok {
		f.outf("/StructParents %d", key)
		f.out("/Tabs /S")
	}
}

// putTaggedLinks writes the tagged link annotations, numbered as putpages
// announced them.
func (f *Fpdf) putTaggedLinks(links []taggedLink, pageObjs []int) {
	f.tag.pageObjs = pageObjs
	for _, tl := range links {
		f.newobj()
		if f.n != tl.obj {
			f.SetErrorf("tagged link annotation numbered %d, announced as %d", f.n, tl.obj)
			return
		}
		if f.tag.annotObjs == nil {
			f.tag.annotObjs = map[int]int{}
		}
		f.tag.annotObjs[tl.l.structParent] = f.n
		pl := tl.l
		f.outf("<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4",
			pl.x, pl.y, pl.x+pl.wd, pl.y-pl.ht)
		f.outf("/P %d 0 R /StructParent %d", pageObjs[tl.page], pl.structParent)
		if pl.contents != "" {
			f.outf("/Contents %s", f.textstring(utf8toutf16(pl.contents)))
		}
		f.outf("/A <</S /URI /URI %s>>>>", f.textstring(pl.linkStr))
		f.out("endobj")
	}
}

// putStructTree calls the application's structure-tree writer.
func (f *Fpdf) putStructTree() {
	if f.tag.structTree == nil {
		return
	}
	if f.protect.encrypted {
		f.SetErrorf("a tagged document cannot be encrypted by fpdf")
		return
	}
	f.tag.root = f.tag.structTree(&StructWriter{f: f})
}

// putTagCatalog writes the catalog entries of a tagged document.
func (f *Fpdf) putTagCatalog() {
	if f.tag.root > 0 {
		f.outf("/StructTreeRoot %d 0 R", f.tag.root)
		f.out("/MarkInfo <</Marked true>>")
	}
	if f.tag.displayDocTitle {
		f.out("/ViewerPreferences <</DisplayDocTitle true>>")
	}
	if f.tag.xmpObj > 0 {
		f.outf("/Metadata %d 0 R", f.tag.xmpObj)
	}
}

// StructWriter writes the objects of a structure tree into the file; see
// SetStructTree.
type StructWriter struct {
	f *Fpdf
}

// NextObj is the number the next NewObj will return.
func (w *StructWriter) NextObj() int { return w.f.n + 1 }

// NewObj starts an object ("n 0 obj") and returns its number. Write its
// body with Out and end it with EndObj.
func (w *StructWriter) NewObj() int {
	w.f.newobj()
	return w.f.n
}

// Out writes one line of the current object.
func (w *StructWriter) Out(s string) { w.f.out(s) }

// EndObj ends the current object.
func (w *StructWriter) EndObj() { w.f.out("endobj") }

// PageObj is the object number of page n (from 1), 0 if there is none.
func (w *StructWriter) PageObj(n int) int {
	if n < 1 || n >= len(w.f.tag.pageObjs) {
		return 0
	}
	return w.f.tag.pageObjs[n]
}

// AnnotObj is the object number of the tagged link annotation with the
// given /StructParent key.
func (w *StructWriter) AnnotObj(structParent int) (int, bool) {
	n, ok := w.f.tag.annotObjs[structParent]
	return n, ok
}

// AnnotKeys are the /StructParent keys of the tagged link annotations,
// in increasing order.
func (w *StructWriter) AnnotKeys() []int {
	keys := make([]int, 0, len(w.f.tag.annotObjs))
	for k := range w.f.tag.annotObjs {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// TextString is s (UTF-8) as a PDF text string: UTF-16BE with a byte-order
// mark, escaped, in parentheses.
func (w *StructWriter) TextString(s string) string {
	return "(" + w.f.escape(utf8toutf16(s)) + ")"
}
