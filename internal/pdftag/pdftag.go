// Package pdftag is jdgen's tagged-PDF layer: a logical structure tree
// (ISO 32000-1 section 14.7, as PDF/UA-1 asks) built while a document is
// drawn, and the marked-content operators that tie each piece of page
// content to its structure element or mark it as an artifact.
//
// Use: New a Tree; Add elements in reading order; for each page call
// BeginPage and give the page the returned key (fpdf: SetPageStructParents);
// before drawing content call Mark (real content: its element) or Artifact
// (decoration, running header and footer); call End when the page is done.
// Links get a parent-tree key from Link. When the document is closed,
// Write writes the tree's objects (fpdf: SetStructTree(t.Write)).
//
// The tree is plain data: the same calls give the same objects, so output
// stays byte-identical.
package pdftag

import (
	"fmt"
	"strconv"
)

// Writer takes page-content operators (fpdf's RawWriteStr).
type Writer interface {
	RawWriteStr(s string)
}

// ObjWriter writes objects into the file (fpdf's *StructWriter).
type ObjWriter interface {
	NextObj() int
	NewObj() int
	Out(s string)
	EndObj()
	PageObj(page int) int
	AnnotObj(structParent int) (int, bool)
	TextString(s string) string
}

// Elem is a structure element of a Tree.
type Elem int

// Standard structure types used by jdgen (ISO 32000-1 section 14.8.4).
const (
	Document = "Document"
	Sect     = "Sect"
	H1       = "H1"
	H2       = "H2"
	H3       = "H3"
	P        = "P"
	L        = "L"
	LI       = "LI"
	Lbl      = "Lbl"
	LBody    = "LBody"
	Table    = "Table"
	TR       = "TR"
	TH       = "TH"
	TD       = "TD"
	Figure   = "Figure"
	Link     = "Link"
	Span     = "Span"
)

// Artifact kinds for Artifact.
const (
	// Layout is decoration: rules, tints.
	ArtifactLayout = "/Type /Layout"
	// Header is the running header.
	ArtifactHeader = "/Type /Pagination /Subtype /Header"
	// Footer is the running footer.
	ArtifactFooter = "/Type /Pagination /Subtype /Footer"
)

// kid is one child of an element: another element, a marked-content
// sequence or an annotation.
type kid struct {
	elem  Elem // >= 0: element
	page  int  // mcid/annotation: page, from 0
	mcid  int  // >= 0: marked content
	annot int  // >= 0: annotation parent-tree key
}

type elem struct {
	typ    string
	parent Elem
	kids   []kid
	alt    string
	attrs  string
	page   int // first page with content, -1 none
}

// Tree is a structure tree under a Document element, and the state of the
// page being drawn. Not safe for concurrent use.
type Tree struct {
	elems   []elem
	pages   []page // pages begun, in order
	annots  []annot
	nextKey int
	open    bool // a marked-content sequence is open
	openEl  Elem // its element, or -1 for an artifact
	// Write's working memory, kept for the next document (see Reset).
	keep []bool
	num  []int
	buf  []byte
}

type page struct {
	key   int    // /StructParents
	mcids []Elem // element of each MCID
}

type annot struct {
	key  int
	elem Elem
	page int
}

// New starts a tree with its Document element.
func New() *Tree {
	return &Tree{elems: []elem{{typ: Document, parent: -1, page: -1}}}
}

// Reset empties the tree for the next document, as New would make it,
// keeping its memory: a program that tags one document after another
// (one tree per worker) allocates its elements, pages and their lists
// once. Nothing given out by the tree before (Elem values, keys) refers
// to anything after Reset.
func (t *Tree) Reset() {
	for i := range t.elems {
		t.elems[i] = elem{kids: t.elems[i].kids[:0]}
	}
	for i := range t.pages {
		t.pages[i] = page{mcids: t.pages[i].mcids[:0]}
	}
	t.elems = t.elems[:0]
	t.elems = append(t.elems, elem{typ: Document, parent: -1, page: -1})
	t.pages = t.pages[:0]
	t.annots = t.annots[:0]
	t.nextKey = 0
	t.open, t.openEl = false, 0
}

// Root is the Document element.
func (t *Tree) Root() Elem { return 0 }

// Add appends a child of type typ to parent and returns it. Children are
// read in the order they are added.
func (t *Tree) Add(parent Elem, typ string) Elem {
	e := Elem(len(t.elems))
	if len(t.elems) < cap(t.elems) {
		// A slot left by Reset: its list of children keeps its memory.
		t.elems = t.elems[:e+1]
		t.elems[e] = elem{typ: typ, parent: parent, page: -1, kids: t.elems[e].kids[:0]}
	} else {
		t.elems = append(t.elems, elem{typ: typ, parent: parent, page: -1})
	}
	t.elems[parent].kids = append(t.elems[parent].kids, kid{elem: e, mcid: -1, annot: -1})
	return e
}

// SetAlt sets an element's alternate description (/Alt): what a figure
// shows, or what a link leads to.
func (t *Tree) SetAlt(e Elem, alt string) { t.elems[e].alt = alt }

// SetAttrs sets an element's attribute dictionary entries (/A <<...>>),
// written as given, such as "/O /Table /Scope /Row".
func (t *Tree) SetAttrs(e Elem, attrs string) { t.elems[e].attrs = attrs }

// Type is the structure type of e.
func (t *Tree) Type(e Elem) string { return t.elems[e].typ }

// Parent is e's parent, -1 for the root.
func (t *Tree) Parent(e Elem) Elem { return t.elems[e].parent }

// Len is the number of elements, the root included.
func (t *Tree) Len() int { return len(t.elems) }

// BeginPage starts the next page and returns its parent-tree key, to be
// written as the page's /StructParents.
func (t *Tree) BeginPage(w Writer) int {
	t.End(w)
	if n := len(t.pages); n < cap(t.pages) {
		t.pages = t.pages[:n+1]
		t.pages[n] = page{key: t.nextKey, mcids: t.pages[n].mcids[:0]}
	} else {
		t.pages = append(t.pages, page{key: t.nextKey})
	}
	t.nextKey++
	return t.pages[len(t.pages)-1].key
}

// Mark starts a marked-content sequence for element e on the current page
// ("/H2 <</MCID 3>> BDC"), ending the open one unless it belongs to e
// already: consecutive content of one element shares one sequence.
func (t *Tree) Mark(w Writer, e Elem) {
	if t.open && t.openEl == e {
		return
	}
	t.End(w)
	p := &t.pages[len(t.pages)-1]
	mcid := len(p.mcids)
	p.mcids = append(p.mcids, e)
	el := &t.elems[e]
	if el.page < 0 {
		el.page = len(t.pages) - 1
	}
	el.kids = append(el.kids, kid{elem: -1, page: len(t.pages) - 1, mcid: mcid, annot: -1})
	w.RawWriteStr("/" + el.typ + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
	t.open, t.openEl = true, e
}

// Artifact starts an artifact of the given kind (one of the Artifact
// constants), ending the open sequence unless it is an artifact already.
func (t *Tree) Artifact(w Writer, kind string) {
	if t.open && t.openEl < 0 {
		return
	}
	t.End(w)
	w.RawWriteStr("/Artifact <<" + kind + ">> BDC")
	t.open, t.openEl = true, -1
}

// End ends the open marked-content sequence, if any.
func (t *Tree) End(w Writer) {
	if t.open {
		w.RawWriteStr("EMC")
		t.open = false
	}
}

// Link reserves the parent-tree key of a link annotation on the current
// page whose structure element is e (a Link element), and adds the
// annotation to e's children (an object reference, OBJR). Give the key to
// the annotation as its /StructParent (fpdf: LinkStringTagged).
func (t *Tree) Link(e Elem) int {
	key := t.nextKey
	t.nextKey++
	pg := len(t.pages) - 1
	t.annots = append(t.annots, annot{key: key, elem: e, page: pg})
	t.elems[e].kids = append(t.elems[e].kids, kid{elem: -1, page: pg, mcid: -1, annot: key})
	if t.elems[e].page < 0 {
		t.elems[e].page = pg
	}
	return key
}

// Write writes the tree's objects: the StructTreeRoot, its parent tree and
// one object per element, and returns the StructTreeRoot's number.
// Elements with no content and no children are left out.
func (t *Tree) Write(w ObjWriter) int {
	keep := grow(t.keep, len(t.elems))
	clear(keep)
	t.keep = keep
	// An element is kept when it or a descendant has content; children
	// come after their parents, so one pass from the end decides.
	for i := len(t.elems) - 1; i >= 0; i-- {
		for _, k := range t.elems[i].kids {
			if k.elem < 0 || keep[k.elem] {
				keep[i] = true
				break
			}
		}
	}
	keep[0] = true
	base := w.NextObj()
	num := grow(t.num, len(t.elems))
	t.num = num
	n := base + 2
	for i := range t.elems {
		num[i] = 0
		if keep[i] {
			num[i] = n
			n++
		}
	}
	// ref appends "n 0 R" for element e, pageRef for page p (from 0).
	ref := func(b []byte, e Elem) []byte { return append(strconv.AppendInt(b, int64(num[e]), 10), " 0 R"...) }
	pageRef := func(b []byte, p int) []byte {
		return append(strconv.AppendInt(b, int64(w.PageObj(p+1)), 10), " 0 R"...)
	}

	root := w.NewObj()
	w.Out(fmt.Sprintf("<</Type /StructTreeRoot /K [%s] /ParentTree %d 0 R /ParentTreeNextKey %d>>", ref(nil, 0), base+1, t.nextKey))
	w.EndObj()

	w.NewObj()
	b := append(t.buf[:0], "<</Nums ["...)
	annot := func(b []byte, a annot) []byte {
		b = strconv.AppendInt(b, int64(a.key), 10)
		b = append(b, ' ')
		return append(ref(b, a.elem), ' ')
	}
	ai := 0
	for _, p := range t.pages {
		// Annotation keys reserved before this page's key come first.
		for ; ai < len(t.annots) && t.annots[ai].key < p.key; ai++ {
			b = annot(b, t.annots[ai])
		}
		b = strconv.AppendInt(b, int64(p.key), 10)
		b = append(b, " ["...)
		for i, e := range p.mcids {
			if i > 0 {
				b = append(b, ' ')
			}
			b = ref(b, e)
		}
		b = append(b, "] "...)
	}
	for ; ai < len(t.annots); ai++ {
		b = annot(b, t.annots[ai])
	}
	b = append(b, "]>>"...)
	w.Out(string(b))
	w.EndObj()

	for i := range t.elems {
		if !keep[i] {
			continue
		}
		e := &t.elems[i]
		w.NewObj()
		b = append(b[:0], "<</Type /StructElem /S /"...)
		b = append(b, e.typ...)
		b = append(b, " /P "...)
		if e.parent >= 0 {
			b = ref(b, e.parent)
		} else {
			b = append(strconv.AppendInt(b, int64(root), 10), " 0 R"...)
		}
		if e.page >= 0 {
			b = append(b, " /Pg "...)
			b = pageRef(b, e.page)
		}
		if e.alt != "" {
			b = append(b, " /Alt "...)
			b = append(b, w.TextString(e.alt)...)
		}
		if e.attrs != "" {
			b = append(b, " /A <<"...)
			b = append(b, e.attrs...)
			b = append(b, ">>"...)
		}
		b = append(b, " /K ["...)
		first := true
		sep := func(b []byte) []byte {
			if first {
				first = false
				return b
			}
			return append(b, ' ')
		}
		for _, k := range e.kids {
			switch {
			case k.elem >= 0:
				if keep[k.elem] {
					b = ref(sep(b), k.elem)
				}
			case k.mcid >= 0 && k.page == e.page:
				b = strconv.AppendInt(sep(b), int64(k.mcid), 10)
			case k.mcid >= 0:
				b = append(sep(b), "<</Type /MCR /Pg "...)
				b = pageRef(b, k.page)
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.mcid), 10)
				b = append(b, ">>"...)
			default:
				if obj, ok := w.AnnotObj(k.annot); ok {
					b = append(sep(b), "<</Type /OBJR /Obj "...)
					b = strconv.AppendInt(b, int64(obj), 10)
					b = append(b, " 0 R /Pg "...)
					b = pageRef(b, k.page)
					b = append(b, ">>"...)
				}
			}
		}
		b = append(b, "]>>"...)
		w.Out(string(b))
		w.EndObj()
	}
	t.buf = b
	return root
}

// grow is s with length n, reusing its memory when it has room.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
