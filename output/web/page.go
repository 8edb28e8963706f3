package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"image"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/image/draw"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/output/posting"
)

// Layout and colour constants of the pages.
const (
	// minContrast is WCAG 2.1 AA's ratio for body text.
	minContrast = 4.5
	// darkenStep scales each channel of the brand colour per step while it
	// is too light to read on white.
	darkenStep = 0.9
	// logoMaxPx caps the inlined logo's larger side, in pixels (twice the
	// drawn size, for sharp screens).
	logoMaxPx = 360
	// logoHeightPx is the drawn logo height, in CSS pixels.
	logoHeightPx = 48
)

// Assets are what every page of a run shares: the logo as a data URI and
// the readable brand colour.
type Assets struct {
	// LogoURI is the logo as a data: URI, "" when the company has none.
	LogoURI string
	// LogoW and LogoH are its size in pixels.
	LogoW, LogoH int
	// Brand is the brand colour ("#RRGGBB") as drawn: the company's, or a
	// darker shade of it when that is too light for text on white.
	Brand string
	// Darkened is true when Brand is not the company's own colour.
	Darkened bool
}

// NewAssets prepares the logo and colour of a company once per run. The
// logo is decoded, scaled down to logoMaxPx and re-encoded as PNG, so a
// large file does not bloat every page. Errors wrap ErrLogo or
// ErrBrandColor.
func NewAssets(logo []byte, brand string) (Assets, error) {
	var a Assets
	c, err := parseColor(brand)
	if err != nil {
		return a, err
	}
	r := readable(c)
	a.Brand, a.Darkened = fmt.Sprintf("#%06X", r), r != c
	if len(logo) == 0 {
		return a, nil
	}
	src, _, err := image.Decode(bytes.NewReader(logo))
	if err != nil {
		return a, fmt.Errorf("%w: %w", ErrLogo, err)
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return a, fmt.Errorf("%w: empty image", ErrLogo)
	}
	if s := max(w, h); s > logoMaxPx {
		w, h = max(1, w*logoMaxPx/s), max(1, h*logoMaxPx/s)
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, dst); err != nil {
		return a, fmt.Errorf("%w: %w", ErrLogo, err)
	}
	if ct := http.DetectContentType(buf.Bytes()); ct != "image/png" {
		return a, fmt.Errorf("%w: encoded as %s", ErrLogo, ct)
	}
	a.LogoURI = "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
	a.LogoW, a.LogoH = w, h
	return a, nil
}

// parseColor reads "#RRGGBB".
func parseColor(s string) (uint32, error) {
	if len(s) != 7 || s[0] != '#' {
		return 0, fmt.Errorf("%w: %q", ErrBrandColor, s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return 0, fmt.Errorf("%w: %q", ErrBrandColor, s)
	}
	return uint32(v), nil
}

// readable darkens c step by step until text in it on white (and white
// text on it) reaches minContrast.
func readable(c uint32) uint32 {
	for range 60 {
		if generator.ContrastOnWhite(c) >= minContrast {
			break
		}
		r, g, b := float64(c>>16&0xFF), float64(c>>8&0xFF), float64(c&0xFF)
		c = uint32(r*darkenStep)<<16 | uint32(g*darkenStep)<<8 | uint32(b*darkenStep)
	}
	return c
}

// esc escapes text for HTML element content and quoted attribute values.
func esc(s string) string { return html.EscapeString(s) }

// urlRe finds http(s) URLs in running text, up to white space; trailing
// punctuation is not part of them.
var urlRe = regexp.MustCompile(`https?://[^\s<>"]+[^\s<>".,;:!?)\]]`)

// linkify escapes text and turns the http(s) URLs in it into links.
func linkify(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range urlRe.FindAllStringIndex(s, -1) {
		b.WriteString(esc(s[last:m[0]]))
		u := s[m[0]:m[1]]
		b.WriteString(`<a href="` + esc(u) + `">` + esc(u) + `</a>`)
		last = m[1]
	}
	b.WriteString(esc(s[last:]))
	return b.String()
}

// safeHref returns u when it is an http, https or mailto URL, else "".
func safeHref(u string) string {
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:") {
		return u
	}
	return ""
}

// cspHash is a Content-Security-Policy source for an inline element's text.
func cspHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// head writes the document head: charset, viewport, title, description,
// a policy that allows no request at all beyond data: images, the style
// sheet and an empty icon (so the browser asks for no favicon).
func head(b *bytes.Buffer, lang, title, description, css, script string) {
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + esc(lang) + "\">\n<head>\n")
	b.WriteString("<meta charset=\"utf-8\">\n")
	scriptSrc := "'none'"
	if script != "" {
		scriptSrc = cspHash(script)
	}
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src " +
		cspHash(css) + "; script-src " + scriptSrc + "; base-uri 'none'; form-action 'none'\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + esc(title) + "</title>\n")
	if description != "" {
		b.WriteString("<meta name=\"description\" content=\"" + esc(description) + "\">\n")
	}
	b.WriteString("<link rel=\"icon\" href=\"data:,\">\n")
	b.WriteString("<style>" + css + "</style>\n")
}

// Page renders one posting as a standalone, accessible web page with its
// schema.org JobPosting. Every text from the config is escaped; the page
// makes no request (the logo is inline).
func Page(d posting.Document, a Assets) ([]byte, error) {
	ld, err := MarshalJSONLD(JobPosting(d, a.LogoURI))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRender, err)
	}
	css := pageCSS(a.Brand)
	var b bytes.Buffer
	head(&b, d.Lang, d.Title+" – "+d.Company, d.Summary, css, "")
	b.WriteString("<script type=\"application/ld+json\">\n")
	b.Write(ld)
	b.WriteString("\n</script>\n</head>\n<body>\n")
	b.WriteString("<a class=\"skip\" href=\"#main\">Skip to the posting</a>\n")
	drawBanner(&b, d.Company, a)
	b.WriteString("<main id=\"main\">\n")
	drawTitle(&b, d)
	drawFacts(&b, d.Facts)
	drawActions(&b, d)
	for _, s := range d.Sections {
		drawSection(&b, s)
	}
	b.WriteString("</main>\n")
	b.WriteString("<footer>\n<p><a href=\"index.html\">All open positions at " + esc(d.Company) + "</a></p>\n</footer>\n")
	b.WriteString("</body>\n</html>\n")
	return b.Bytes(), nil
}

// drawBanner is the page header: the logo (with its alt text) or the
// company name.
func drawBanner(b *bytes.Buffer, company string, a Assets) {
	b.WriteString("<header class=\"banner\">\n")
	if a.LogoURI != "" {
		w := a.LogoW * logoHeightPx / max(1, a.LogoH)
		fmt.Fprintf(b, "<img class=\"logo\" src=\"%s\" alt=\"%s\" width=\"%d\" height=\"%d\">\n", a.LogoURI, esc(company+" logo"), w, logoHeightPx)
	} else {
		b.WriteString("<p class=\"company\">" + esc(company) + "</p>\n")
	}
	b.WriteString("</header>\n")
}

// drawTitle is the one h1 and the line under it.
func drawTitle(b *bytes.Buffer, d posting.Document) {
	b.WriteString("<h1>" + esc(d.Title) + "</h1>\n")
}

// drawFacts is the key facts as a description list.
func drawFacts(b *bytes.Buffer, facts []posting.Fact) {
	if len(facts) == 0 {
		return
	}
	b.WriteString("<dl class=\"facts\">\n")
	for _, f := range facts {
		b.WriteString("<div><dt>" + esc(f.Label) + "</dt><dd>" + esc(f.Value) + "</dd></div>\n")
	}
	b.WriteString("</dl>\n")
}

// drawActions is the apply link and the PDF of the posting.
func drawActions(b *bytes.Buffer, d posting.Document) {
	b.WriteString("<p class=\"actions\">")
	if h := safeHref(d.ApplyURL); h != "" {
		b.WriteString("<a class=\"apply\" href=\"" + esc(h) + "\">Apply now</a> ")
	}
	b.WriteString("<a href=\"" + esc(d.RoleID) + ".pdf\">Download this posting (PDF)</a>")
	b.WriteString("</p>\n")
}

// drawSection is one h2 section: paragraphs, a list, then h3 groups.
func drawSection(b *bytes.Buffer, s posting.Section) {
	id := "s-" + string(s.ID)
	b.WriteString("<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + esc(s.Heading) + "</h2>\n")
	for _, p := range s.Paragraphs {
		b.WriteString("<p>" + linkify(p) + "</p>\n")
	}
	drawList(b, s.Items)
	for _, g := range s.Groups {
		b.WriteString("<h3>" + esc(g.Heading) + "</h3>\n")
		drawList(b, g.Items)
	}
	b.WriteString("</section>\n")
}

func drawList(b *bytes.Buffer, items []string) {
	if len(items) == 0 {
		return
	}
	b.WriteString("<ul>\n")
	for _, it := range items {
		b.WriteString("<li>" + linkify(it) + "</li>\n")
	}
	b.WriteString("</ul>\n")
}
