package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"
	"time"

	// Register the logo formats image.Decode reads.
	_ "image/jpeg"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/draw"

	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/internal/pdftag"
)

// JDRenderOptions are the settings RenderJobDescription draws with.
type JDRenderOptions struct {
	// Paper is "letter" or "a4" ("" means letter).
	Paper string
	// Date is written as the creation and modification date, so the same
	// date gives the same bytes. The zero time writes the Unix epoch.
	Date time.Time
	// Logo is drawn top-left instead of the company name; nil for none.
	Logo *Logo
	// Uncompressed leaves page streams uncompressed (for inspection and tests).
	Uncompressed bool
	// Fonts are the faces to draw with; nil means the built-in Liberation
	// Sans. A style the set has no face for is drawn with its regular face.
	Fonts *fonts.Set

	// runFonts are the run's faces of Fonts with its fixed subset (see
	// fonts.go); nil for a document rendered on its own.
	runFonts pdfFonts
}

// set is the font set the options draw with.
func (o JDRenderOptions) set() *fonts.Set {
	if o.Fonts == nil {
		return fonts.Default()
	}
	return o.Fonts
}

// pdfLogoName registers the logo image in each document.
const pdfLogoName = "logo"

// pdfLogoMaxPx caps the logo's larger side in pixels: well above 300 dpi at
// the size it is drawn, and it keeps every PDF small.
const pdfLogoMaxPx = 720

// Logo is a company logo prepared once per run: decoded, flattened onto
// white, scaled down when very large and re-encoded as a non-interlaced PNG
// that fpdf embeds without further work.
type Logo struct {
	png  []byte
	w, h int // pixels
}

// NewLogo prepares a PNG or JPEG logo. The error wraps ErrLogo.
func NewLogo(data []byte) (*Logo, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrLogo, err)
	}
	b := src.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return nil, fmt.Errorf("%w: empty image", ErrLogo)
	}
	w, h := b.Dx(), b.Dy()
	if s := max(w, h); s > pdfLogoMaxPx {
		w = max(1, w*pdfLogoMaxPx/s)
		h = max(1, h*pdfLogoMaxPx/s)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	if w == b.Dx() && h == b.Dy() {
		draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Over)
	} else {
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Over, nil)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, dst); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrLogo, err)
	}
	return &Logo{png: buf.Bytes(), w: w, h: h}, nil
}

// fit is the logo's drawn size inside a maxW x maxH box, aspect kept.
func (lg *Logo) fit(maxW, maxH float64) (w, h float64) {
	w, h = maxW, maxW*float64(lg.h)/float64(lg.w)
	if h > maxH {
		w, h = maxH*float64(lg.w)/float64(lg.h), maxH
	}
	return w, h
}

// RenderJobDescription draws a job-description document as a PDF. Every
// string is NFC-normalised first; a character the embedded fonts cannot draw
// is an error wrapping ErrUnrenderable, and nothing is drawn. The same
// document and options always give the same bytes.
func RenderJobDescription(doc JDDocument, o JDRenderOptions) ([]byte, error) {
	data, _, err := pdfRender(doc, o)
	return data, err
}

// pdfStats describe a rendered document's layout.
type pdfStats struct {
	pages int
	// lastFill is the share of the last page's content area in use.
	lastFill float64
}

// pdfRender renders and also describes the layout.
func pdfRender(doc JDDocument, o JDRenderOptions) ([]byte, pdfStats, error) {
	p, err := pdfPlanDocument(doc, o)
	if err != nil {
		return nil, pdfStats{}, err
	}
	data, err := p.write()
	if err != nil {
		return nil, pdfStats{}, err
	}
	return data, p.stats, nil
}

// pdfPlan is a document laid out and ready for fpdf: everything jdgen
// decides before the first fpdf call.
type pdfPlan struct {
	doc   JDDocument // cleaned
	o     JDRenderOptions
	size  string // fpdf page size
	date  time.Time
	pages [][]pdfOp
	elems []pdfElem // the structure elements, in reading order
	stats pdfStats
}

// pdfPlanDocument cleans and lays out a document.
func pdfPlanDocument(doc JDDocument, o JDRenderOptions) (*pdfPlan, error) {
	return pdfPlanCached(doc, o, nil)
}

// pdfPlanCached is pdfPlanDocument reusing wrapped texts from cache (nil
// for none).
func pdfPlanCached(doc JDDocument, o JDRenderOptions, cache *pdfWrapCache) (*pdfPlan, error) {
	return pdfPlanReusing(doc, o, cache, nil)
}

// pdfPlanReusing is pdfPlanCached laying out in the memory of scratch
// (nil for none); the layouts tried and not kept go back to it.
func pdfPlanReusing(doc JDDocument, o JDRenderOptions, cache *pdfWrapCache, scratch *pdfScratch) (*pdfPlan, error) {
	set := o.set()
	widths, err := pdfWidthsOf(set)
	if err != nil {
		return nil, err
	}
	doc, err = pdfCleanDocument(doc, set)
	if err != nil {
		return nil, err
	}
	size, err := pdfPaperSize(o.Paper)
	if err != nil {
		return nil, err
	}
	brand, err := pdfParseColor(doc.BrandColor)
	if err != nil {
		return nil, err
	}
	date := o.Date.UTC()
	if o.Date.IsZero() {
		date = time.Unix(0, 0).UTC()
	}
	w, h := pdfPageDims(size)
	lay := newPDFLayout(w, h, brand, o.Logo, widths)
	lay.cache, lay.scratch = cache, scratch
	pages := lay.document(doc)
	// Over budget: try the compact forms of the document in turn, until one
	// fits; type stays full size.
	full := doc
	for step := 1; doc.PageBudget > 0 && len(pages) > doc.PageBudget && step <= pdfCompactSteps; step++ {
		cd, ok := pdfCompact(full, step)
		if !ok {
			continue
		}
		cl := newPDFLayout(w, h, brand, o.Logo, widths)
		cl.cache, cl.scratch = cache, scratch
		if cp := cl.document(cd); len(cp) < len(pages) {
			scratch.recycle(pages, lay.elems)
			doc, lay, pages = cd, cl, cp
		} else {
			scratch.recycle(cp, cl.elems)
		}
	}
	st := pdfStats{pages: len(pages), lastFill: (lay.y - pdfMarginTop) / (lay.bottom - pdfMarginTop)}
	return &pdfPlan{doc: doc, o: o, size: size, date: date, pages: pages, elems: lay.elems, stats: st}, nil
}

// write draws the plan with fpdf and returns the PDF: tagged (every piece
// of text in marked content tied to its structure element, decoration and
// the running footer as artifacts), with the structure tree, XMP metadata
// and the catalog entries PDF/UA asks for.
func (p *pdfPlan) write() ([]byte, error) {
	return p.writeTagged(nil)
}

// writeTagged is write building the structure in tree, Reset first (nil:
// a new tree), so a renderer tags each document in the memory of the last.
func (p *pdfPlan) writeTagged(tree *pdftag.Tree) ([]byte, error) {
	var buf bytes.Buffer
	if err := p.writeTaggedTo(tree, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeTaggedTo is writeTagged into out (emptied first), which a step
// reuses from one document to the next.
func (p *pdfPlan) writeTaggedTo(tree *pdftag.Tree, out *bytes.Buffer) error {
	out.Reset()
	set := p.o.set()
	own, fb := p.styles()
	pdf, err := pdfNewFpdf(p.size, set, p.o.runFonts, own, fb)
	if err != nil {
		return err
	}
	pdf.SetCompression(!p.o.Uncompressed)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(p.date)
	pdf.SetModificationDate(p.date)
	pdfSetMeta(pdf, p.doc.Meta, p.date)
	if p.o.Logo != nil {
		pdf.RegisterImageOptionsReader(pdfLogoName, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(p.o.Logo.png))
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("%w: %w", ErrRender, err)
	}
	if tree == nil {
		tree = pdftag.New()
	} else {
		tree.Reset()
	}
	for _, e := range p.elems {
		el := tree.Add(e.parent, e.typ)
		if e.alt != "" {
			tree.SetAlt(el, e.alt)
		}
		if e.attrs != "" {
			tree.SetAttrs(el, e.attrs)
		}
	}
	for _, ops := range p.pages {
		pdf.AddPage()
		pdf.SetPageStructParents(tree.BeginPage(pdf))
		pdfDrawOps(pdf, ops, set, tree)
		tree.End(pdf)
	}
	pdf.SetStructTree(func(w *fpdf.StructWriter) int { return tree.Write(w) })
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("%w: %w", ErrRender, err)
	}
	if err := pdf.Output(out); err != nil {
		return fmt.Errorf("%w: %w", ErrRender, err)
	}
	return nil
}

// styles are the registered font styles the plan draws with, of the set
// itself and of its fallback, in the order fonts.Styles gives: only these
// are embedded.
func (p *pdfPlan) styles() (own, fb []string) {
	set := p.o.set()
	// Outline titles are set in bold (or what stands for it).
	usedOwn, usedFb := map[string]bool{set.Style(fonts.Bold): true}, map[string]bool{}
	for _, ops := range p.pages {
		for _, op := range ops {
			if op.kind != pdfOpText {
				continue
			}
			for _, run := range pdfFontRuns(set, op.text) {
				if run.fallback {
					usedFb[set.Fallback.Style(op.style.face)] = true
				} else {
					usedOwn[set.Style(op.style.face)] = true
				}
			}
		}
	}
	for _, st := range fonts.Styles {
		if usedOwn[st] {
			own = append(own, st)
		}
		if usedFb[st] {
			fb = append(fb, st)
		}
	}
	return own, fb
}

// pdfFontRun is a piece of text drawn with one font: the set's own, or
// its fallback's.
type pdfFontRun struct {
	text     string
	fallback bool
}

// pdfFontRuns splits s into pieces by the font that draws them: the set's
// own faces where they have the glyph, else the fallback's, as pdfWidths
// measures them. A set without a fallback draws everything itself.
func pdfFontRuns(set *fonts.Set, s string) []pdfFontRun {
	if set.Fallback == nil {
		return []pdfFontRun{{text: s}}
	}
	var out []pdfFontRun
	start, cur := 0, false
	for i, r := range s {
		// As measured (pdfWidths): the set's own font where it has the glyph.
		fb := !set.Owns(r)
		if i > 0 && fb != cur {
			out = append(out, pdfFontRun{s[start:i], cur})
			start = i
		}
		cur = fb
	}
	return append(out, pdfFontRun{s[start:], cur})
}

// pdfDrawText draws s with its baseline starting at (x, y) in style st, each
// piece in the font that has its glyphs.
func pdfDrawText(pdf *fpdf.Fpdf, set *fonts.Set, st pdfStyle, x, y float64, s string) {
	for _, run := range pdfFontRuns(set, s) {
		if run.fallback {
			pdf.SetFont(set.Fallback.Family, set.Fallback.Style(st.face), st.size)
		} else {
			pdf.SetFont(set.Family, set.Style(st.face), st.size)
		}
		pdf.Text(x, y, run.text)
		x += pdf.GetStringWidth(run.text)
	}
}

// pdfPageDims is the size in points of an fpdf page size.
func pdfPageDims(size string) (w, h float64) {
	if size == "A4" {
		return 595.28, 841.89
	}
	return 612, 792
}

// pdfNewFpdf starts a document of the given fpdf page size, in points,
// with the faces of set for styles and of its fallback for fbStyles
// registered (from fs, the run's fonts with their fixed subset; nil for
// the set's parsed faces) and automatic page breaks off.
func pdfNewFpdf(size string, set *fonts.Set, fs pdfFonts, styles, fbStyles []string) (*fpdf.Fpdf, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: size})
	if err := fs.register(pdf, set, styles, fbStyles); err != nil {
		return nil, err
	}
	pdf.SetMargins(pdfMarginSide, pdfMarginTop, pdfMarginSide)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	return pdf, nil
}

// pdfSetMeta writes the document information, the language, the XMP
// metadata (with the PDF/UA identification) and asks viewers to show the
// title rather than the file name.
func pdfSetMeta(pdf *fpdf.Fpdf, m JDMeta, date time.Time) {
	pdf.SetTitle(m.Title, true)
	pdf.SetAuthor(m.Author, true)
	pdf.SetSubject(m.Subject, true)
	pdf.SetKeywords(m.Keywords, true)
	pdf.SetCreator(m.Creator, true)
	lang := m.Lang
	if lang == "" {
		lang = pdfLang
	}
	pdf.SetLang(lang)
	pdf.SetDisplayDocTitle(true)
	pdf.SetXmpMetadata(pdftag.XMP(pdftag.Meta{
		Title: m.Title, Author: m.Author, Subject: m.Subject, Keywords: m.Keywords,
		CreatorTool: m.Creator, Lang: lang, Date: date,
	}))
}

// pdfDrawOps executes one page's operations, each inside the marked
// content of its structure element or an artifact.
func pdfDrawOps(pdf *fpdf.Fpdf, ops []pdfOp, set *fonts.Set, tree *pdftag.Tree) {
	for _, op := range ops {
		c := op.style.color
		switch op.elem {
		case pdfArtifactLayout:
			tree.Artifact(pdf, pdftag.ArtifactLayout)
		case pdfArtifactFooter:
			tree.Artifact(pdf, pdftag.ArtifactFooter)
		}
		switch op.kind {
		case pdfOpText:
			pdf.SetTextColor(c.r, c.g, c.b)
			if op.style.link != "" {
				pdfDrawLink(pdf, op, set, tree)
				continue
			}
			if op.elem >= 0 {
				tree.Mark(pdf, op.elem)
			}
			pdfDrawText(pdf, set, op.style, op.x, op.y, op.text)
		case pdfOpRule:
			pdf.SetDrawColor(c.r, c.g, c.b)
			pdf.SetLineWidth(op.h)
			pdf.Line(op.x, op.y, op.x+op.w, op.y)
		case pdfOpFill:
			pdf.SetFillColor(c.r, c.g, c.b)
			pdf.Rect(op.x, op.y, op.w, op.h, "F")
		case pdfOpImage:
			tree.Mark(pdf, op.elem)
			pdf.ImageOptions(pdfLogoName, op.x, op.y, op.w, op.h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		case pdfOpBookmark:
			// A UTF-8 font must be current, or the outline title is garbled.
			pdf.SetFont(set.Family, set.Style(fonts.Bold), pdfHeadingSize)
			pdf.Bookmark(op.text, 0, op.y)
		}
	}
}

// pdfDrawLink draws a piece of link text: a Link element under the text's
// element, its marked content, and a link annotation over the text that
// the element refers to.
func pdfDrawLink(pdf *fpdf.Fpdf, op pdfOp, set *fonts.Set, tree *pdftag.Tree) {
	link := tree.Add(op.elem, pdftag.Link)
	alt := "Company website: " + op.style.link
	tree.SetAlt(link, alt)
	tree.Mark(pdf, link)
	pdfDrawText(pdf, set, op.style, op.x, op.y, op.text)
	widths, err := pdfWidthsOf(set) // read when the document was laid out
	if err != nil {
		pdf.SetError(err)
		return
	}
	w := widths.stringWidth(op.style, op.text)
	top := op.y - pdfLinkRise*op.style.size
	pdf.LinkStringTagged(op.x, top, w, (pdfLinkRise+pdfLinkDrop)*op.style.size, op.style.link, tree.Link(link), alt)
}

// pdfPaperSize maps the model's paper name to fpdf's.
func pdfPaperSize(paper string) (string, error) {
	switch strings.ToLower(paper) {
	case "", "letter":
		return "Letter", nil
	case "a4":
		return "A4", nil
	}
	return "", fmt.Errorf("%w: %q (want letter or a4)", ErrPaper, paper)
}

// pdfDefaultBrand is used when a document carries no brand colour.
var pdfDefaultBrand = pdfRGB{0x1F, 0x3A, 0x5F}

// pdfParseColor reads "#RRGGBB"; "" gives the default brand colour.
func pdfParseColor(s string) (pdfRGB, error) {
	if s == "" {
		return pdfDefaultBrand, nil
	}
	if len(s) != 7 || s[0] != '#' {
		return pdfRGB{}, fmt.Errorf("%w: %q", ErrBrandColor, s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return pdfRGB{}, fmt.Errorf("%w: %q", ErrBrandColor, s)
	}
	return pdfRGB{int(v >> 16 & 0xFF), int(v >> 8 & 0xFF), int(v & 0xFF)}, nil
}

// pdfRenderer renders documents one after another with the same options,
// keeping what can be reused from one document to the next. Each worker of
// the job-descriptions step has its own; it is not safe for concurrent use.
type pdfRenderer struct {
	o       JDRenderOptions
	cache   *pdfWrapCache
	scratch *pdfScratch
	tree    *pdftag.Tree // the structure tree, Reset for each document
}

func newPDFRenderer(o JDRenderOptions) *pdfRenderer {
	return &pdfRenderer{o: o, cache: newPDFWrapCache(pdfWrapCacheSize), scratch: &pdfScratch{}, tree: pdftag.New()}
}

// render is RenderJobDescription, also returning the number of pages.
func (r *pdfRenderer) render(doc JDDocument) ([]byte, int, error) {
	var buf bytes.Buffer
	pages, err := r.renderTo(doc, &buf)
	if err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), pages, nil
}

// renderTo is render into out (emptied first), reused by the step from one
// document to the next.
func (r *pdfRenderer) renderTo(doc JDDocument, out *bytes.Buffer) (int, error) {
	p, err := pdfPlanReusing(doc, r.o, r.cache, r.scratch)
	if err != nil {
		return 0, err
	}
	err = p.writeTaggedTo(r.tree, out)
	// The plan is not used again: the next document lays out in its memory.
	r.scratch.recycle(p.pages, p.elems)
	return p.stats.pages, err
}
