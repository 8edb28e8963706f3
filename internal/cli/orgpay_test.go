package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPayWarningsAndOrgChart: pay warnings print on stderr in the
// "warning: file:line: path: message" form and the run goes on, writing
// the org chart beside the other outputs.
func TestPayWarningsAndOrgChart(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	dir := filepath.Join("..", "..", "testdata", "pay-warnings")
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := run(t, "--config", filepath.Join(dir, "company.yaml"), "--out", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	stderr = normalise(stderr, dir)
	for _, want := range []string{
		"warning: company.yaml:11: roles[0].salary: $90,000 – $115,000 per year is outside the OPS-4 band ($85,000 – $110,000 per year): the maximum is $5,000 above the band\n",
		"warning: company.yaml:20: ladder.bands.OPS-4: the OPS-4 midpoint ($97,500) is only 0.5% above the OPS-3 midpoint ($97,000)",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "roles[1].salary") {
		t.Error("an hourly role was compared with a yearly band")
	}
	data, err := os.ReadFile(filepath.Join(out, "org-chart.pdf"))
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("org-chart.pdf: %v", err)
	}
}
