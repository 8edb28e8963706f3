package fonts_test

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"

	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/internal/fonts/fontstest"
)

func TestDefaultCovers(t *testing.T) {
	// Latin, Greek, Cyrillic, true hyphen, en and em dashes, quotes, bullet.
	for _, r := range "AZaz09 é ß Ł ő Ω α Ж я € ‐ – — “ ” … • ·" {
		if !fonts.Covers(r) {
			t.Errorf("Covers(%q) = false, want true", r)
		}
	}
	for _, r := range []rune{'東', 'ก', 'ب', 'क', '✓', 0x1F600, '\t', 0x07, 0x85} {
		if fonts.Covers(r) {
			t.Errorf("Covers(%q U+%04X) = true, want false", r, r)
		}
	}
}

func TestDefaultFaces(t *testing.T) {
	s := fonts.Default()
	if s.Family != fonts.Family {
		t.Errorf("family %q", s.Family)
	}
	var styles []string
	for _, f := range s.Faces() {
		styles = append(styles, f.Style)
	}
	if strings.Join(styles, ",") != ",B,I" {
		t.Errorf("styles %q, want regular, bold, italic", styles)
	}
}

// The hyphen-minus must be narrower than the en dash, and the en dash
// narrower than the em dash: the reason for leaving the Go fonts.
func TestDashWidths(t *testing.T) {
	adv := func(r rune) int {
		return int(binary.BigEndian.Uint16(hmtxAdvance(t, liberationsansregular.TTF, r)))
	}
	h, en, em := adv('-'), adv('–'), adv('—')
	if !(h < en && en < em) {
		t.Errorf("advances hyphen %d, en dash %d, em dash %d: want increasing", h, en, em)
	}
}

func TestFallbackStyles(t *testing.T) {
	s, err := fonts.New("X", liberationsansregular.TTF, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Style(fonts.Bold) != fonts.Regular || s.Style(fonts.Italic) != fonts.Regular || s.Has(fonts.Bold) {
		t.Errorf("bold and italic should fall back to regular")
	}
	s, err = fonts.New("X", liberationsansregular.TTF, liberationsansbold.TTF, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Style(fonts.Bold) != fonts.Bold || s.Style(fonts.Italic) != fonts.Regular || len(s.Faces()) != 2 {
		t.Errorf("bold should be its own face, italic regular")
	}
	if _, err := fonts.New("X", nil, liberationsansbold.TTF, nil); !errors.Is(err, fonts.ErrNoRegular) {
		t.Errorf("no regular: %v", err)
	}
}

func TestCJKTestFont(t *testing.T) {
	s, err := fonts.New("CJK", fontstest.CJK(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "日本語のテキスト。中文文本，「引用」（括号）Abc" {
		if !s.Covers(r) {
			t.Errorf("CJK test font does not cover %q", r)
		}
	}
	if fonts.Covers('日') {
		t.Error("the built-in set should not cover CJK")
	}
}

func TestCheckTTFRefuses(t *testing.T) {
	base := liberationsansregular.TTF
	with := func(off int, b string) []byte {
		out := append([]byte(nil), base...)
		copy(out[off:], b)
		return out
	}
	os2 := tableOffset(t, base, "OS/2")
	cmap := tableOffset(t, base, "cmap")
	noFormat4 := append([]byte(nil), base...)
	// Point every cmap subtable record at a format other than 4.
	n := int(binary.BigEndian.Uint16(noFormat4[cmap+2:]))
	for i := range n {
		off := cmap + int(binary.BigEndian.Uint32(noFormat4[cmap+4+8*i+4:]))
		binary.BigEndian.PutUint16(noFormat4[off:], 6)
	}
	truncated := base[:len(base)/2]
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"cff", with(0, "OTTO"), fonts.ErrCFF},
		{"collection", with(0, "ttcf"), fonts.ErrCollection},
		{"woff", with(0, "wOFF"), fonts.ErrWOFF},
		{"woff2", with(0, "wOF2"), fonts.ErrWOFF},
		{"png", []byte("\x89PNG\r\n\x1a\n0000000000000"), fonts.ErrNotTrueType},
		{"empty", nil, fonts.ErrNotTrueType},
		{"truncated", truncated, fonts.ErrBroken},
		{"no embedding", with(os2+8, "\x00\x02"), fonts.ErrNoEmbedding},
		{"no subsetting", with(os2+8, "\x01\x00"), fonts.ErrNoEmbedding},
		{"no unicode cmap", noFormat4, fonts.ErrNoUnicode},
	} {
		if err := fonts.CheckTTF(c.data); !errors.Is(err, c.want) {
			t.Errorf("%s: CheckTTF = %v, want %v", c.name, err, c.want)
		}
		if _, err := fonts.New("X", c.data, nil, nil); err == nil {
			t.Errorf("%s: New accepted it", c.name)
		}
	}
	if err := fonts.CheckTTF(base); err != nil {
		t.Errorf("Liberation Sans refused: %v", err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.ttf")
	bad := filepath.Join(dir, "bad.otf")
	if err := os.WriteFile(good, liberationsansregular.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, append([]byte("OTTO"), liberationsansregular.TTF[4:]...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fonts.ReadFile(good); err != nil {
		t.Errorf("good: %v", err)
	}
	_, err := fonts.ReadFile(bad)
	if !errors.Is(err, fonts.ErrCFF) || !strings.Contains(err.Error(), bad) {
		t.Errorf("bad: %v, want ErrCFF naming the file", err)
	}
	if _, err := fonts.ReadFile(filepath.Join(dir, "missing.ttf")); !errors.Is(err, fonts.ErrRead) {
		t.Errorf("missing: %v", err)
	}
}

// tableOffset is the offset of a table in a TrueType file.
func tableOffset(t *testing.T, ttf []byte, tag string) int {
	t.Helper()
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == tag {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	t.Fatalf("no %s table", tag)
	return 0
}

// hmtxAdvance returns the two advance-width bytes of r's glyph.
func hmtxAdvance(t *testing.T, ttf []byte, r rune) []byte {
	t.Helper()
	gid := glyphIndex(t, ttf, r)
	hhea := tableOffset(t, ttf, "hhea")
	nh := int(binary.BigEndian.Uint16(ttf[hhea+34:]))
	if gid >= nh {
		gid = nh - 1
	}
	return ttf[tableOffset(t, ttf, "hmtx")+4*gid:][:2]
}
