package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/internal/golden"
)

// caseRun runs jdgen on testdata/<name>/company.yaml on the case's own date.
func caseRun(t *testing.T, name string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", name)
	epoch, err := os.ReadFile(filepath.Join(dir, "source_date_epoch"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", strings.TrimSpace(string(epoch)))
	code, stdout, stderr = run(t, append(args, "--config", filepath.Join(dir, "company.yaml"))...)
	return code, normalise(stdout, dir), normalise(stderr, dir)
}

// TestValidateListsRequirements is the done-when scenario: roles in
// Denver, New York City, Toronto, Milan, London and a US-remote role;
// validate lists exactly the laws that apply and what is missing, and
// --strict makes the warnings problems (exit 2).
func TestValidateListsRequirements(t *testing.T) {
	code, stdout, stderr := caseRun(t, "compliance-done-when", "validate")
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	golden.Check(t, filepath.Join("..", "..", "testdata", "compliance-done-when", "validate.txt"), []byte(stdout+"--- stderr\n"+stderr))
	for _, want := range []string{
		"  denver-ops-manager:\n    Colorado (C.R.S. 8-5-201): this role is in Denver",
		"  nyc-ops-director:\n    New York State (N.Y. Labor Law 194-b)",
		"    New York City (NYC Local Law 32 of 2022)",
		"  toronto-ops-manager:\n    Ontario (",
		"  milan-supervisor:\n    Italy (",
		"  remote-analyst:\n    Colorado (C.R.S. 8-5-201): this role is remote and open to US",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("validate does not list %q", want)
		}
	}
	if strings.Contains(stdout, "london-analyst") {
		t.Errorf("London has no pay-transparency law, but validate lists london-analyst")
	}
	if strings.Contains(stdout, "denver-ops-manager:\n    Colorado (C.R.S. 8-5-201): this role is in Denver, Colorado, United States\n      missing") {
		t.Errorf("the Denver role has a band, benefits, a deadline and how to apply; nothing is missing")
	}
	if !strings.Contains(stderr, "roles[5].salary: Colorado (C.R.S. 8-5-201) requires a pay range in postings for roles that can be done from Colorado; this role is remote and open to US") {
		t.Errorf("no Colorado warning for the remote role:\n%s", stderr)
	}
	code, _, stderr = caseRun(t, "compliance-done-when", "validate", "--strict")
	if code != ExitBadInput || !strings.Contains(stderr, "(--strict: warnings are problems)") {
		t.Errorf("--strict: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestLawNotYetInForce runs the same Delaware config the day before and
// the day Delaware's law takes effect.
func TestLawNotYetInForce(t *testing.T) {
	_, before, _ := caseRun(t, "compliance-delaware-before", "validate")
	_, after, warnings := caseRun(t, "compliance-delaware-after", "validate")
	if strings.Contains(before, "Delaware") {
		t.Errorf("Delaware's law applied before 2027-09-26:\n%s", before)
	}
	if !strings.Contains(after, "pay transparency on 2027-09-26") || !strings.Contains(after, "Delaware (Delaware HB 105): this role is in Wilmington") {
		t.Errorf("Delaware's law not applied on 2027-09-26:\n%s", after)
	}
	if !strings.Contains(warnings, "roles[0].salary: Delaware (Delaware HB 105) requires a pay range") {
		t.Errorf("no Delaware warning:\n%s", warnings)
	}
}
