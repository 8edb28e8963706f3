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

	// fonts are the run's faces with its fixed subset (see fonts.go); nil
	// for a document rendered on its own.
	fonts pdfFonts
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
	pages   int
	density float64
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
	stats pdfStats
}

// pdfPlanDocument cleans and lays out a document.
func pdfPlanDocument(doc JDDocument, o JDRenderOptions) (*pdfPlan, error) {
	return pdfPlanCached(doc, o, nil)
}

// pdfPlanCached is pdfPlanDocument reusing wrapped texts from cache (nil
// for none).
func pdfPlanCached(doc JDDocument, o JDRenderOptions, cache *pdfWrapCache) (*pdfPlan, error) {
	doc, err := pdfCleanDocument(doc)
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
	var (
		lay   *pdfLayout
		pages [][]pdfOp
	)
	for _, k := range pdfDensities {
		lay = newPDFLayout(w, h, brand, o.Logo, k)
		lay.cache = cache
		if pages = lay.document(doc); len(pages) <= pdfMaxPages {
			break
		}
	}
	st := pdfStats{pages: len(pages), density: lay.k, lastFill: (lay.y - pdfMarginTop) / (lay.bottom - pdfMarginTop)}
	return &pdfPlan{doc: doc, o: o, size: size, date: date, pages: pages, stats: st}, nil
}

// write draws the plan with fpdf and returns the PDF.
func (p *pdfPlan) write() ([]byte, error) {
	pdf, err := pdfNewFpdf(p.size, p.o.fonts)
	if err != nil {
		return nil, err
	}
	pdf.SetCompression(!p.o.Uncompressed)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(p.date)
	pdf.SetModificationDate(p.date)
	pdfSetMeta(pdf, p.doc.Meta)
	if p.o.Logo != nil {
		pdf.RegisterImageOptionsReader(pdfLogoName, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(p.o.Logo.png))
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRender, err)
	}
	for _, ops := range p.pages {
		pdf.AddPage()
		pdfDrawOps(pdf, ops)
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRender, err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRender, err)
	}
	return buf.Bytes(), nil
}

// pdfPageDims is the size in points of an fpdf page size.
func pdfPageDims(size string) (w, h float64) {
	if size == "A4" {
		return 595.28, 841.89
	}
	return 612, 792
}

// pdfFaces are the font styles drawn with; only these are embedded.
var pdfFaces = []string{"", "B"}

// pdfNewFpdf starts a document of the given fpdf page size, in points,
// with the fonts registered (fs; nil for the parsed faces) and automatic
// page breaks off.
func pdfNewFpdf(size string, fs pdfFonts) (*fpdf.Fpdf, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: size})
	if err := fs.register(pdf); err != nil {
		return nil, err
	}
	pdf.SetMargins(pdfMarginSide, pdfMarginTop, pdfMarginSide)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	return pdf, nil
}

// pdfSetMeta writes the document information and language.
func pdfSetMeta(pdf *fpdf.Fpdf, m JDMeta) {
	pdf.SetTitle(m.Title, true)
	pdf.SetAuthor(m.Author, true)
	pdf.SetSubject(m.Subject, true)
	pdf.SetKeywords(m.Keywords, true)
	pdf.SetCreator(m.Creator, true)
	if m.Lang != "" {
		pdf.SetLang(m.Lang)
	}
}

// pdfDrawOps executes one page's operations.
func pdfDrawOps(pdf *fpdf.Fpdf, ops []pdfOp) {
	for _, op := range ops {
		c := op.style.color
		switch op.kind {
		case pdfOpText:
			pdf.SetFont(fonts.Family, op.style.face, op.style.size)
			pdf.SetTextColor(c.r, c.g, c.b)
			pdf.Text(op.x, op.y, op.text)
		case pdfOpRule:
			pdf.SetDrawColor(c.r, c.g, c.b)
			pdf.SetLineWidth(op.h)
			pdf.Line(op.x, op.y, op.x+op.w, op.y)
		case pdfOpFill:
			pdf.SetFillColor(c.r, c.g, c.b)
			pdf.Rect(op.x, op.y, op.w, op.h, "F")
		case pdfOpImage:
			pdf.ImageOptions(pdfLogoName, op.x, op.y, op.w, op.h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		case pdfOpBookmark:
			// A UTF-8 font must be current, or the outline title is garbled.
			pdf.SetFont(fonts.Family, "B", pdfHeadingSize)
			pdf.Bookmark(op.text, 0, op.y)
		}
	}
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
	o     JDRenderOptions
	cache *pdfWrapCache
}

func newPDFRenderer(o JDRenderOptions) *pdfRenderer {
	return &pdfRenderer{o: o, cache: newPDFWrapCache(pdfWrapCacheSize)}
}

// render is RenderJobDescription.
func (r *pdfRenderer) render(doc JDDocument) ([]byte, error) {
	p, err := pdfPlanCached(doc, r.o, r.cache)
	if err != nil {
		return nil, err
	}
	return p.write()
}
