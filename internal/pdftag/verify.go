package pdftag

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jdgen/jdgen/internal/pdfobj"
)

// Element is one structure element as Verify found it.
type Element struct {
	// Type is the structure type ("H2").
	Type string
	// Depth is 0 for the Document element, 1 for its children, ...
	Depth int
	// Alt is the alternate description, "" when none.
	Alt string
	// MCIDs is the number of marked-content sequences it refers to;
	// Annots the number of annotations (OBJR).
	MCIDs, Annots int
	// TextOps is the number of text-showing operators in its
	// marked-content sequences.
	TextOps int
	// Attrs are its attribute dictionary's entries, "/Name value" each.
	Attrs []string
}

// Report is what Verify found in a document.
type Report struct {
	// Elements is the structure tree depth-first: reading order.
	Elements []Element
	// TextOps counts every text-showing operator (Tj, TJ, ', ");
	// ArtifactTextOps those inside artifacts.
	TextOps, ArtifactTextOps int
	// Pages is the number of pages.
	Pages int
	// Problems are the ways the document falls short of a tagged PDF;
	// none when it is sound.
	Problems []string
}

// ErrUnreadable means Verify could not read the file.
var ErrUnreadable = errors.New("pdftag: cannot read the PDF")

// Verify reads a PDF and checks that it is tagged: the catalog entries
// (/MarkInfo /Marked true, /StructTreeRoot, /Lang, /ViewerPreferences
// /DisplayDocTitle, /Metadata with dc:title and pdfuaid:part 1), a
// structure tree whose elements refer to marked content that exists, a
// parent tree that maps every marked-content identifier and every tagged
// annotation back to the element that refers to it, and page content in
// which every text-showing operator (Tj, TJ, ', ") and every painting
// operator is inside marked content with an MCID or inside an artifact.
// It reads what fpdf writes, not every PDF.
func Verify(data []byte) (*Report, error) {
	d, err := pdfobj.Parse(data)
	if err == nil && d.Root == 0 {
		err = errors.New("no /Root in the trailer")
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	v := &verifier{d: d, r: &Report{}, owner: map[mcKey]int{}}
	v.run()
	return v.r, nil
}

type mcKey struct {
	page int // page object number
	mcid int
}

type verifier struct {
	d      *pdfobj.Doc
	r      *Report
	owner  map[mcKey]int // MCID -> element index in r.Elements
	objOf  map[int]int   // element object number -> element index
	annots map[int]int   // annotation object number -> element index
	seen   map[mcKey]bool
}

func (v *verifier) fail(format string, args ...any) {
	v.r.Problems = append(v.r.Problems, fmt.Sprintf(format, args...))
}

func (v *verifier) run() {
	d := v.d
	cat := d.Dict(pdfobj.Ref(d.Root))
	if cat == nil {
		v.fail("no catalog")
		return
	}
	if mi := d.Dict(cat["MarkInfo"]); mi == nil || mi["Marked"] != true {
		v.fail("catalog: no /MarkInfo <</Marked true>>")
	}
	if s, ok := d.Resolve(cat["Lang"]).(pdfobj.String); !ok || len(s) == 0 {
		v.fail("catalog: no /Lang")
	}
	if vp := d.Dict(cat["ViewerPreferences"]); vp == nil || vp["DisplayDocTitle"] != true {
		v.fail("catalog: no /ViewerPreferences <</DisplayDocTitle true>>")
	}
	if r, ok := cat["Metadata"].(pdfobj.Ref); !ok {
		v.fail("catalog: no /Metadata")
	} else {
		x := string(d.Streams[int(r)])
		if !strings.Contains(x, "<pdfuaid:part>1</pdfuaid:part>") || !strings.Contains(x, "<dc:title>") {
			v.fail("metadata: no dc:title or pdfuaid:part 1")
		}
	}
	var pages []int
	for _, k := range d.Array(d.Dict(cat["Pages"])["Kids"]) {
		if r, ok := k.(pdfobj.Ref); ok {
			pages = append(pages, int(r))
		}
	}
	v.r.Pages = len(pages)
	str, ok := cat["StructTreeRoot"].(pdfobj.Ref)
	if !ok {
		v.fail("catalog: no /StructTreeRoot")
		return
	}
	root := d.Dict(str)
	v.objOf = map[int]int{}
	v.annots = map[int]int{}
	for _, k := range d.Array(root["K"]) {
		v.walk(k, 0, -1)
	}
	if len(v.r.Elements) == 0 || v.r.Elements[0].Type != Document {
		v.fail("the structure tree does not start with a Document element")
	}
	parents := map[float64]any{}
	nums := d.Array(d.Dict(root["ParentTree"])["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := nums[i].(float64); ok {
			parents[k] = nums[i+1]
		}
	}
	v.seen = map[mcKey]bool{}
	for _, p := range pages {
		v.page(p, parents)
	}
	for k, e := range v.owner {
		if !v.seen[k] {
			v.fail("%s element refers to MCID %d on page object %d, which is not in the content", v.r.Elements[e].Type, k.mcid, k.page)
		}
	}
	for obj, e := range v.annots {
		a := d.Dict(pdfobj.Ref(obj))
		sp, ok := a["StructParent"].(float64)
		if !ok {
			v.fail("annotation %d: no /StructParent", obj)
			continue
		}
		if r, ok := parents[sp].(pdfobj.Ref); !ok || v.objOf[int(r)] != e {
			v.fail("annotation %d: parent tree entry %v does not lead back to its %s element", obj, sp, v.r.Elements[e].Type)
		}
		if c, ok := a["Contents"].(pdfobj.String); !ok || len(c) == 0 {
			v.fail("annotation %d: no /Contents", obj)
		}
	}
}

// walk records element ref and its descendants; pg is the inherited page.
func (v *verifier) walk(ref any, depth int, pg int) {
	r, ok := ref.(pdfobj.Ref)
	if !ok {
		v.fail("structure element is not an indirect object: %v", ref)
		return
	}
	if _, dup := v.objOf[int(r)]; dup {
		v.fail("structure element %d appears twice", r)
		return
	}
	e := v.d.Dict(r)
	typ, _ := e["S"].(pdfobj.Name)
	idx := len(v.r.Elements)
	v.objOf[int(r)] = idx
	el := Element{Type: string(typ), Depth: depth}
	if alt, ok := e["Alt"].(pdfobj.String); ok {
		el.Alt = decodeText(alt)
	}
	for k, a := range v.d.Dict(e["A"]) {
		el.Attrs = append(el.Attrs, fmt.Sprintf("/%s %v", k, a))
	}
	v.r.Elements = append(v.r.Elements, el)
	if p, ok := e["Pg"].(pdfobj.Ref); ok {
		pg = int(p)
	}
	for _, k := range v.d.Array(e["K"]) {
		switch k := k.(type) {
		case float64:
			v.claim(mcKey{pg, int(k)}, idx)
		case pdfobj.Ref:
			kd := v.d.Dict(k)
			if kd["Type"] == pdfobj.Name("OBJR") {
				v.annots[int(kd["Obj"].(pdfobj.Ref))] = idx
				v.r.Elements[idx].Annots++
				continue
			}
			v.walk(k, depth+1, pg)
		case pdfobj.Dict:
			switch k["Type"] {
			case pdfobj.Name("MCR"):
				p := pg
				if r, ok := k["Pg"].(pdfobj.Ref); ok {
					p = int(r)
				}
				m, _ := k["MCID"].(float64)
				v.claim(mcKey{p, int(m)}, idx)
			case pdfobj.Name("OBJR"):
				obj, _ := k["Obj"].(pdfobj.Ref)
				v.annots[int(obj)] = idx
				v.r.Elements[idx].Annots++
			default:
				v.fail("%s element: unknown kid %v", typ, k)
			}
		default:
			v.fail("%s element: unknown kid %v", typ, k)
		}
	}
}

func (v *verifier) claim(k mcKey, idx int) {
	if k.page == 0 {
		v.fail("%s element refers to MCID %d with no page", v.r.Elements[idx].Type, k.mcid)
		return
	}
	if prev, dup := v.owner[k]; dup {
		v.fail("MCID %d on page object %d is claimed by %s and %s", k.mcid, k.page, v.r.Elements[prev].Type, v.r.Elements[idx].Type)
		return
	}
	v.owner[k] = idx
	v.r.Elements[idx].MCIDs++
}

// paintOps are the operators that put marks on the page.
var paintOps = map[pdfobj.Op]bool{"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true, "Do": true, "sh": true, "BI": true}

// textOps are the text-showing operators.
var textOps = map[pdfobj.Op]bool{"Tj": true, "TJ": true, "'": true, "\"": true}

type mark struct {
	artifact bool
	mcid     int // -1: none
}

func (v *verifier) page(obj int, parents map[float64]any) {
	d := v.d
	pg := d.Dict(pdfobj.Ref(obj))
	var byMCID []any
	if k, ok := pg["StructParents"].(float64); ok {
		byMCID = d.Array(parents[k])
	} else {
		v.fail("page object %d: no /StructParents", obj)
	}
	if pg["Tabs"] != pdfobj.Name("S") {
		v.fail("page object %d: no /Tabs /S", obj)
	}
	var content []byte
	contents, ok := pg["Contents"].([]any)
	if !ok {
		contents = []any{pg["Contents"]}
	}
	for _, c := range contents {
		if r, ok := c.(pdfobj.Ref); ok {
			content = append(content, d.Streams[int(r)]...)
			content = append(content, '\n')
		}
	}
	lx := pdfobj.NewLexer(content)
	var operands []any
	var stack []mark
	inside := func() (mcid int, artifact bool) {
		mcid = -1
		for _, m := range stack {
			if m.artifact {
				artifact = true
			}
			if m.mcid >= 0 {
				mcid = m.mcid
			}
		}
		return mcid, artifact
	}
	for {
		tok, err := lx.Value()
		if err == io.EOF {
			break
		}
		if err != nil {
			v.fail("page object %d: content: %v", obj, err)
			return
		}
		op, ok := tok.(pdfobj.Op)
		if !ok {
			operands = append(operands, tok)
			continue
		}
		switch {
		case op == "BDC" && len(operands) >= 2:
			tag, _ := operands[len(operands)-2].(pdfobj.Name)
			m := mark{artifact: tag == "Artifact", mcid: -1}
			if props, ok := operands[len(operands)-1].(pdfobj.Dict); ok {
				if id, ok := props["MCID"].(float64); ok {
					m.mcid = int(id)
					k := mcKey{obj, m.mcid}
					if v.seen[k] {
						v.fail("page object %d: MCID %d used twice", obj, m.mcid)
					}
					v.seen[k] = true
					e, owned := v.owner[k]
					if !owned {
						v.fail("page object %d: MCID %d (%s) is not referred to by any structure element", obj, m.mcid, tag)
					} else if string(tag) != v.r.Elements[e].Type {
						v.fail("page object %d: MCID %d is tagged %s but belongs to a %s element", obj, m.mcid, tag, v.r.Elements[e].Type)
					}
					if m.mcid >= len(byMCID) {
						v.fail("page object %d: MCID %d has no parent tree entry", obj, m.mcid)
					} else if r, ok := byMCID[m.mcid].(pdfobj.Ref); !ok || !owned || v.objOf[int(r)] != e {
						v.fail("page object %d: the parent tree maps MCID %d to the wrong element", obj, m.mcid)
					}
				}
			}
			if !m.artifact && m.mcid < 0 {
				v.fail("page object %d: /%s BDC has neither an MCID nor is an artifact", obj, tag)
			}
			stack = append(stack, m)
		case op == "BMC":
			tag, _ := operands[len(operands)-1].(pdfobj.Name)
			stack = append(stack, mark{artifact: tag == "Artifact", mcid: -1})
		case op == "EMC":
			if len(stack) == 0 {
				v.fail("page object %d: EMC without BDC", obj)
			} else {
				stack = stack[:len(stack)-1]
			}
		case textOps[op]:
			v.r.TextOps++
			mcid, art := inside()
			switch {
			case art:
				v.r.ArtifactTextOps++
			case mcid >= 0:
				if e, ok := v.owner[mcKey{obj, mcid}]; ok {
					v.r.Elements[e].TextOps++
				}
			default:
				v.fail("page object %d: text shown outside marked content (%s %v)", obj, op, operands)
			}
		case paintOps[op]:
			if mcid, art := inside(); mcid < 0 && !art {
				v.fail("page object %d: %s paints outside marked content", obj, op)
			}
		}
		operands = operands[:0]
	}
	if len(stack) > 0 {
		v.fail("page object %d: %d marked-content sequences left open", obj, len(stack))
	}
}

// decodeText decodes a PDF text string (UTF-16BE with a BOM, or bytes).
func decodeText(s pdfobj.String) string {
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		var rs []rune
		for i := 2; i+1 < len(s); i += 2 {
			u := rune(s[i])<<8 | rune(s[i+1])
			if u >= 0xD800 && u < 0xDC00 && i+3 < len(s) {
				l := rune(s[i+2])<<8 | rune(s[i+3])
				rs = append(rs, 0x10000+(u-0xD800)<<10+(l-0xDC00))
				i += 2
				continue
			}
			rs = append(rs, u)
		}
		return string(rs)
	}
	return string(s)
}
