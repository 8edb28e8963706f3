package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// outFiles lists the files under dir, slash-separated and sorted, without
// jdgen's bookkeeping folder (.jdgen).
func outFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() && rel == ".jdgen" {
			return filepath.SkipDir // the folder's own bookkeeping
		}
		if !d.IsDir() {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

const formatsConfig = `version: 1
company: {name: Acme, website: "https://acme.example"}
posting: {apply_by: 2027-01-31}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo, salary: {min: 200000, max: 250000}}
  - {id: vp, template: vp-of-operations, reports_to: coo, posting: false, salary: {min: 150000, max: 180000}}
`

func TestFormats(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(cfg, []byte(formatsConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		args  []string
		env   string
		file  string // output.formats in the file
		want  []string
		wrote string
	}{
		{"all by default", nil, "", "", []string{"career-ladder.xlsx", "job-descriptions/coo.pdf", "job-descriptions/vp.pdf", "org-chart.pdf",
			"postings/coo.html", "postings/coo.md", "postings/coo.pdf", "postings/index.html"}, "wrote 2 job descriptions, 1 posting, career-ladder.xlsx and org-chart.pdf"},
		{"org chart only", []string{"--formats", "org-chart"}, "", "", []string{"org-chart.pdf"}, "wrote org-chart.pdf to"},
		{"flag", []string{"--formats", "postings"}, "", "", []string{"postings/coo.html", "postings/coo.md", "postings/coo.pdf", "postings/index.html"}, "wrote 1 posting to"},
		{"env", nil, "workbook,job-descriptions", "", []string{"career-ladder.xlsx", "job-descriptions/coo.pdf", "job-descriptions/vp.pdf"}, "wrote 2 job descriptions and career-ladder.xlsx"},
		{"file", nil, "", "[workbook]", []string{"career-ladder.xlsx"}, "wrote career-ladder.xlsx"},
		{"flag over file", []string{"--formats", "job-descriptions"}, "", "[workbook]", []string{"job-descriptions/coo.pdf", "job-descriptions/vp.pdf"}, "wrote 2 job descriptions to"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.env != "" {
				t.Setenv("JDGEN_FORMATS", tc.env)
			}
			doc := formatsConfig
			if tc.file != "" {
				doc += "output: {formats: " + tc.file + "}\n"
			}
			if err := os.WriteFile(cfg, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
			code, _, stderr := run(t, append([]string{"--config", cfg, "--out", out}, tc.args...)...)
			if code != 0 || !strings.Contains(stderr, tc.wrote) {
				t.Fatalf("exit %d, stderr %q; want 0 and %q", code, stderr, tc.wrote)
			}
			if got := outFiles(t, out); !slices.Equal(got, tc.want) {
				t.Errorf("files %v, want %v", got, tc.want)
			}
		})
	}
	if err := os.WriteFile(cfg, []byte(formatsConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"pdf", "postings,postings", ","} {
		code, _, stderr := run(t, "--config", cfg, "--out", filepath.Join(dir, "bad"), "--formats", bad)
		if code != ExitBadInput || !strings.Contains(stderr, "--formats") {
			t.Errorf("--formats %q: exit %d, stderr %q", bad, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "bad")); err == nil {
			t.Errorf("--formats %q wrote output", bad)
		}
	}
}
