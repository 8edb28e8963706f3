package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPDFARequestWarns(t *testing.T) {
	for _, c := range []struct {
		value string
		warn  bool
	}{{"true", true}, {"false", false}} {
		dir := t.TempDir()
		file := filepath.Join(dir, "company.yaml")
		yaml := "version: 1\ncompany:\n  name: Acme\nroles:\n  - id: coo\n    template: chief-operating-officer\n    reports_to: ceo\noutput:\n  pdfa: " + c.value + "\n"
		if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := Load(file)
		if err != nil {
			t.Fatalf("pdfa: %s: %v", c.value, err)
		}
		m, err := Resolve(cfg, Settings{Paper: DefaultPaper})
		if err != nil {
			t.Fatal(err)
		}
		var got []Problem
		for _, w := range m.Warnings {
			if w.Path == "output.pdfa" {
				got = append(got, w)
			}
		}
		if !c.warn {
			if len(got) != 0 {
				t.Errorf("pdfa: false warned: %+v", got)
			}
			continue
		}
		if len(got) != 1 || got[0].Line != 9 || !strings.Contains(got[0].Message, "PDF/A is not offered") {
			t.Errorf("pdfa: true: warnings %+v, want one on line 9", got)
		}
	}
}
