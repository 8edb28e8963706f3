package fpdf

// jdgen patch: TrueType fonts parsed once per process and embedded once per
// run. Upstream parses the font file, JSON-encodes and hashes a 65,536-entry
// width table (generateFontID), subsets the font and compresses it and a
// 128 KB CIDToGIDMap in every document. Here a UTF8Font holds the parse and
// the font id, and, with a fixed subset, the finished embedding, which every
// document that draws only runes of that subset copies.

import (
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"sort"
	"sync"
)

// UTF8Font is a TrueType font parsed once, to be added to any number of
// documents (from any goroutine) with AddUTF8FontParsed.
type UTF8Font struct {
	ttf    []byte
	desc   FontDescType
	up, ut int
	cw     []int

	// subset, when not nil, is the fixed set of runes every document
	// embeds (see WithSubset); runes maps rune -> rune as fpdf's usedRunes.
	subset map[int]int

	mu     sync.Mutex
	ids    map[string]string      // font key -> font id
	embeds map[string]*embedEntry // font key -> embedding of subset
}

type embedEntry struct {
	once sync.Once
	emb  *utf8Embed
	err  error
}

// utf8Embed is what putfonts writes for a UTF-8 font, object numbers aside.
type utf8Embed struct {
	baseFont string // subset tag + "+" + name
	widths   string // the /W entry
	cidToGID []byte // compressed CIDToGIDMap
	fontFile []byte // compressed font program
	length1  int    // its uncompressed length
}

// ErrUTF8Font is returned when a TrueType font cannot be parsed or subset.
var ErrUTF8Font = errors.New("fpdf: cannot use TrueType font")

// ParseUTF8Font parses a TrueType font once. The bytes must not change
// afterwards.
func ParseUTF8Font(ttf []byte) (font *UTF8Font, err error) {
	defer func() {
		// The parser indexes tables without checking their sizes.
		if r := recover(); r != nil {
			font, err = nil, ErrUTF8Font
		}
	}()
	file := newUTF8Font(&fileReader{readerPosition: 0, array: ttf})
	if err := file.parseFile(); err != nil {
		return nil, errors.Join(ErrUTF8Font, err)
	}
	// Subsetting reads the glyph tables the parse skips: try it once on
	// a fresh parse, so a truncated or broken file fails here, not while
	// a document is written.
	for _, t := range file.tableDescriptions {
		if t.position < 0 || t.size < 0 || t.position+t.size > len(ttf) {
			return nil, ErrUTF8Font
		}
	}
	trial, err := parseAgain(ttf)
	if err != nil {
		return nil, err
	}
	if trial.GenerateCutFont(map[int]int{'a': 'a', '1': '1'}) == nil {
		return nil, ErrUTF8Font
	}
	return &UTF8Font{
		ttf: ttf,
		desc: FontDescType{
			Ascent:       int(file.Ascent),
			Descent:      int(file.Descent),
			CapHeight:    file.CapHeight,
			Flags:        file.Flags,
			FontBBox:     file.Bbox,
			ItalicAngle:  file.ItalicAngle,
			StemV:        file.StemV,
			MissingWidth: round(file.DefaultWidth),
		},
		up:     int(round(file.UnderlinePosition)),
		ut:     round(file.UnderlineThickness),
		cw:     file.CharWidths,
		ids:    map[string]string{},
		embeds: map[string]*embedEntry{},
	}, nil
}

// WithSubset returns a font sharing u's parse whose documents all embed
// the same subset: the given runes (a superset of what they draw). Its
// embedding is built once, by the first document that needs it, and
// copied into the others. A document that draws a rune outside the subset
// gets its own embedding, as upstream does.
func (u *UTF8Font) WithSubset(runes []rune) *UTF8Font {
	sub := makeSubsetRange(57)
	for _, r := range runes {
		if r > 0 && r < 0x10000 {
			sub[int(r)] = int(r)
		}
	}
	return &UTF8Font{ttf: u.ttf, desc: u.desc, up: u.up, ut: u.ut, cw: u.cw,
		subset: sub, ids: map[string]string{}, embeds: map[string]*embedEntry{}}
}

// id is the font id upstream's generateFontID gives def, computed once
// per font key.
func (u *UTF8Font) id(def fontDefType) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	if id, ok := u.ids[def.Name]; ok {
		return id
	}
	id, _ := generateFontID(def)
	u.ids[def.Name] = id
	return id
}

// AddUTF8FontParsed makes a parsed font available in this document under
// family and style, like AddUTF8FontFromBytes without parsing it again.
func (f *Fpdf) AddUTF8FontParsed(familyStr, styleStr string, font *UTF8Font) {
	if f.err != nil || font == nil {
		return
	}
	fontkey := getFontKey(fontFamilyEscape(familyStr), styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	used := makeSubsetRange(57)
	if f.aliasNbPagesStr != "" {
		used = makeSubsetRange(32)
	}
	def := fontDefType{
		Tp:        "UTF8",
		Name:      fontkey,
		Desc:      font.desc,
		Up:        font.up,
		Ut:        font.ut,
		Cw:        font.cw,
		usedRunes: used,
		shared:    font,
	}
	def.i = font.id(def)
	f.fonts[fontkey] = def
}

// utf8Embedding builds (or, for a shared font whose subset covers what
// this document draws, reuses) the embedding of a UTF-8 font.
func (f *Fpdf) utf8Embedding(font *fontDefType) (*utf8Embed, error) {
	used := font.usedRunes
	delete(used, 0)
	sh := font.shared
	if sh != nil && sh.subset != nil && coveredBy(used, sh.subset) {
		sh.mu.Lock()
		e, ok := sh.embeds[font.Name]
		if !ok {
			e = &embedEntry{}
			sh.embeds[font.Name] = e
		}
		sh.mu.Unlock()
		e.once.Do(func() {
			var file *utf8FontFile
			if file, e.err = parseAgain(sh.ttf); e.err == nil {
				e.emb, e.err = buildUTF8Embed(file, sh.cw, sh.subset, font.Name)
			}
		})
		return e.emb, e.err
	}
	file := font.utf8File
	if sh != nil {
		var err error
		if file, err = parseAgain(sh.ttf); err != nil {
			return nil, err
		}
	}
	return buildUTF8Embed(file, font.Cw, used, font.Name)
}

// parseAgain parses a font for subsetting, which changes the parse.
func parseAgain(ttf []byte) (*utf8FontFile, error) {
	file := newUTF8Font(&fileReader{readerPosition: 0, array: ttf})
	if err := file.parseFile(); err != nil {
		return nil, errors.Join(ErrUTF8Font, err)
	}
	return file, nil
}

// coveredBy reports whether every rune drawn (a non-zero value in used)
// is in subset.
func coveredBy(used, subset map[int]int) bool {
	for _, r := range used {
		if r == 0 {
			continue
		}
		if _, ok := subset[r]; !ok {
			return false
		}
	}
	return true
}

// buildUTF8Embed subsets file to used and compresses the results. The
// returned bytes are owned by the embedding (never pooled buffers).
func buildUTF8Embed(file *utf8FontFile, cw []int, used map[int]int, name string) (*utf8Embed, error) {
	stream := file.GenerateCutFont(used)
	if stream == nil {
		return nil, ErrUTF8Font
	}
	codeToGlyph := file.CodeSymbolDictionary
	delete(codeToGlyph, 0)
	cidToGID := make([]byte, 256*256*2)
	for cc, glyph := range codeToGlyph {
		cidToGID[cc*2] = byte(glyph >> 8)
		cidToGID[cc*2+1] = byte(glyph & 0xFF)
	}
	mem := xmem.compress(cidToGID)
	compressedMap := mem.copy()
	mem.release()
	mem = xmem.compress(stream)
	compressedFont := mem.copy()
	mem.release()
	return &utf8Embed{
		baseFont: subsetTag(name, used) + "+" + name,
		widths:   cidWidths(cw, used, file.LastRune),
		cidToGID: compressedMap,
		fontFile: compressedFont,
		length1:  len(stream),
	}, nil
}

// subsetTag is the six capital letters PDF 32000-1 9.6.4 asks to prefix
// to the name of a subset font, derived from the font and the runes so the
// same subset always gets the same tag.
func subsetTag(name string, used map[int]int) string {
	runes := make([]int, 0, len(used))
	for _, r := range used {
		if r != 0 {
			runes = append(runes, r)
		}
	}
	sort.Ints(runes)
	h := sha1.New()
	h.Write([]byte(name))
	var b [4]byte
	for _, r := range runes {
		binary.BigEndian.PutUint32(b[:], uint32(r))
		h.Write(b[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}
