package generator

import (
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

// fontConfig writes files into a temporary folder and a company file
// whose company section ends with fontsYAML (indented under company:),
// and whose second role has the given title.
func fontConfig(t *testing.T, files map[string][]byte, fontsYAML, title string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := "version: 1\ncompany:\n  name: Acme\n" + fontsYAML +
		"roles:\n  - id: coo\n    template: chief-operating-officer\n    reports_to: ceo\n" +
		"  - id: vp\n    template: vp-of-operations\n    reports_to: coo\n    title: " + title + "\n"
	file := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func fontProblemsOf(t *testing.T, err error) []Problem {
	t.Helper()
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a *ConfigError", err)
	}
	return ce.Problems
}

func TestCompanyFontsCJK(t *testing.T) {
	title := "東京オペレーション部長"
	// Without a CJK font the title is refused, and the message says how to fix it.
	_, err := Load(fontConfig(t, nil, "", title))
	ps := fontProblemsOf(t, err)
	if len(ps) != 1 || ps[0].Path != "roles[1].title" || ps[0].Line != 11 || !strings.Contains(ps[0].Message, "company.fonts") {
		t.Fatalf("problems %+v", ps)
	}
	// With one it validates, and the model carries the company's fonts.
	file := fontConfig(t, map[string][]byte{"fonts/cjk.ttf": fontstest.CJK()}, "  fonts:\n    regular: fonts/cjk.ttf\n", title)
	cfg, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.FontSet == fonts.Default() || cfg.FontSet.Family != fonts.CompanyFamily || cfg.FontSet.Has(fonts.Bold) {
		t.Errorf("font set %+v", cfg.FontSet)
	}
	m, err := Resolve(cfg, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Company.Fonts != cfg.FontSet {
		t.Error("the model does not carry the company's fonts")
	}
}

func TestCompanyFontsCheckedAgainstConfigured(t *testing.T) {
	file := fontConfig(t, map[string][]byte{"a.ttf": fontstest.CJK()}, "  fonts:\n    regular: a.ttf\n", "Директор")
	if _, err := Load(file); err != nil {
		t.Fatalf("the CJK test font has Cyrillic: %v", err)
	}
	file = fontConfig(t, map[string][]byte{"a.ttf": liberationsansregular.TTF, "b.ttf": liberationsansbold.TTF}, "  fonts:\n    regular: a.ttf\n    bold: b.ttf\n", "東京")
	ps := fontProblemsOf(t, mustFail(Load(file)))
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "company font (company.fonts: a.ttf)") {
		t.Fatalf("problems %+v", ps)
	}
}

func mustFail(_ *Config, err error) error { return err }

func TestCompanyFontsRefused(t *testing.T) {
	ttf := liberationsansregular.TTF
	otf := append([]byte("OTTO"), ttf[4:]...)
	ttc := append([]byte("ttcf"), ttf[4:]...)
	woff := append([]byte("wOFF"), ttf[4:]...)
	files := map[string][]byte{"brand.otf": otf, "brand.ttc": ttc, "brand.woff": woff, "broken.ttf": ttf[:5000], "ok.ttf": ttf}
	for _, c := range []struct {
		yaml, path, want string
		line             int
	}{
		{"  fonts:\n    regular: brand.otf\n", "company.fonts.regular", `"brand.otf" is an OpenType font with CFF`, 5},
		{"  fonts:\n    regular: brand.ttc\n", "company.fonts.regular", `"brand.ttc" is a font collection (.ttc)`, 5},
		{"  fonts:\n    regular: ok.ttf\n    bold: brand.woff\n", "company.fonts.bold", `"brand.woff" is a WOFF/WOFF2 web font`, 6},
		{"  fonts:\n    regular: ok.ttf\n    italic: broken.ttf\n", "company.fonts.italic", `"broken.ttf" cannot be read as a TrueType font`, 6},
		{"  fonts:\n    regular: missing.ttf\n", "company.fonts.regular", `file "missing.ttf" not found`, 5},
		{"  fonts:\n    bold: ok.ttf\n", "company.fonts.regular", `required when company.fonts is given`, 4},
	} {
		ps := fontProblemsOf(t, mustFail(Load(fontConfig(t, files, c.yaml, "Vice President"))))
		if len(ps) != 1 || ps[0].Path != c.path || ps[0].Line != c.line || !strings.Contains(ps[0].Message, c.want) {
			t.Errorf("%q: problems %+v, want %s at line %d: %s", c.yaml, ps, c.path, c.line, c.want)
		}
	}
}
