//go:build unix

package cli

// End-to-end tests for issue #16 (an output folder people can trust), one
// per finding, driven through the whole CLI. Each failed on the code before
// the fix (commit 5703c08); see the commit message for which.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

func diffSnapshots(a, b map[string]string) []string {
	var d []string
	for k, v := range a {
		if b[k] != v {
			d = append(d, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			d = append(d, k+" (new)")
		}
	}
	return d
}

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, _, stderr := run(t, args...)
	if code != 0 {
		t.Fatalf("jdgen %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stderr
}

// High 1: a user's files inside job-descriptions/ (a document, the config,
// the logo) survive runs byte for byte.
func TestFolderKeepsUserFilesInJobDescriptions(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	jd := filepath.Join(docs, "job-descriptions")
	writeFile(t, filepath.Join(jd, "mine.docx"), "x")
	cfgDoc := hostileHead + "  logo: logo.png\nroles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n"
	cfg := filepath.Join(jd, "company.yaml")
	writeFile(t, cfg, cfgDoc)
	var logo bytes.Buffer
	png.Encode(&logo, image.NewRGBA(image.Rect(0, 0, 4, 4)))
	writeFile(t, filepath.Join(jd, "logo.png"), logo.String())
	writeFile(t, filepath.Join(jd, "drafts", "ops.txt"), "draft")
	mine := snapshot(t, jd)
	for i := 0; i < 2; i++ {
		mustRun(t, "--config", cfg, "--out", docs)
		now := snapshot(t, jd)
		for k, v := range mine {
			if now[k] != v {
				t.Errorf("run %d: %s was changed or removed", i+1, k)
			}
		}
		if now["coo.pdf"] == "" {
			t.Errorf("run %d: coo.pdf not written", i+1)
		}
	}
}

// Build 1: a file jdgen would write over but did not make is an error
// (exit 1, nothing changed) unless --force.
func TestFolderRefusesToOverwriteFilesItDidNotMake(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	cfg := smallConfig(t)
	out := filepath.Join(filepath.Dir(cfg), "out")
	writeFile(t, filepath.Join(out, "job-descriptions", "coo.pdf"), "my own COO description")
	before := snapshot(t, out)
	code, _, stderr := run(t, "--config", cfg, "--out", out)
	if code != ExitFailure || !strings.Contains(stderr, "job-descriptions/coo.pdf") || !strings.Contains(stderr, "--force") {
		t.Fatalf("exit %d, stderr %q; want 1 naming the file and --force", code, stderr)
	}
	if d := diffSnapshots(before, snapshot(t, out)); len(d) > 0 {
		t.Errorf("the refused run changed %v", d)
	}
	mustRun(t, "--config", cfg, "--out", out, "--force")
	if b, _ := os.ReadFile(filepath.Join(out, "job-descriptions", "coo.pdf")); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("--force did not replace the file")
	}
	// From now on the file is jdgen's: no --force needed.
	mustRun(t, "--config", cfg, "--out", out)
}

// Medium 6: a run whose last file cannot be put in place (a folder stands
// at the workbook's name) leaves the folder as the previous generation.
func TestFolderFailedRunLeavesOneGeneration(t *testing.T) {
	cfg := smallConfig(t)
	out := filepath.Join(filepath.Dir(cfg), "out")
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	mustRun(t, "--config", cfg, "--out", out)
	wb := filepath.Join(out, "career-ladder.xlsx")
	if err := os.Remove(wb); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(wb, "keep.txt"), "a folder in the workbook's place")
	before := snapshot(t, out)
	t.Setenv("SOURCE_DATE_EPOCH", "1710000000")
	code, _, stderr := run(t, "--config", cfg, "--out", out)
	if code != ExitFailure {
		t.Fatalf("exit %d, stderr %q; want 1", code, stderr)
	}
	if d := diffSnapshots(before, snapshot(t, out)); len(d) > 0 {
		t.Errorf("a failed run changed %v: the folder is not one generation", d)
	}
}

// Low: an output folder that is a symlink to a folder is used.
func TestFolderSymlinkedOutputFolder(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	cfg := smallConfig(t)
	dir := filepath.Dir(cfg)
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	link := filepath.Join(dir, "out")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--config", cfg, "--out", link)
	if _, err := os.Stat(filepath.Join(real, "career-ladder.xlsx")); err != nil {
		t.Errorf("workbook not in the linked folder: %v", err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link itself was replaced")
	}
}

// Low: an output folder whose name is near the 255-byte limit works.
func TestFolderLongName(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	cfg := smallConfig(t)
	out := filepath.Join(filepath.Dir(cfg), strings.Repeat("o", 240))
	mustRun(t, "--config", cfg, "--out", out)
	mustRun(t, "--config", cfg, "--out", out)
}

// Low: output.dir: ~/hr means the home folder, not a folder named "~".
func TestFolderTildeOutputDir(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	home := t.TempDir()
	t.Setenv("HOME", home)
	cfg := writeConfig(t, []byte(hostileHead+"roles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\noutput:\n  dir: ~/hr\n"))
	mustRun(t, "--config", cfg)
	if _, err := os.Stat(filepath.Join(home, "hr", "career-ladder.xlsx")); err != nil {
		t.Errorf("not written to $HOME/hr: %v", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "~")); err == nil {
		t.Errorf("a folder named ~ was made")
	}
}

// Low: a writable output folder inside a read-only parent works (nothing
// is staged beside it). Runs the binary as nobody so permissions apply.
func TestFolderWritableInsideReadOnlyParent(t *testing.T) {
	base, err := os.MkdirTemp("", "jdgen-rop-")
	if err != nil {
		t.Fatal(err)
	}
	parent := filepath.Join(base, "parent")
	t.Cleanup(func() { os.Chmod(parent, 0o755); os.RemoveAll(base) })
	os.Chmod(base, 0o755)
	bin := filepath.Join(base, "jdgen")
	if b, err := exec.Command("go", "build", "-o", bin, "../../cmd/jdgen").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	cfg := filepath.Join(base, "company.yaml")
	writeFile(t, cfg, hostileHead+"roles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n")
	out := filepath.Join(parent, "out")
	if err := os.MkdirAll(out, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(out, 0o777)
	os.Chmod(parent, 0o555)
	for i := 0; i < 2; i++ {
		cmd := exec.Command(bin, "--config", cfg, "--out", out)
		asNobody(cmd)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("run %d: %v\n%s", i+1, err, b)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "job-descriptions", "coo.pdf")); err != nil {
		t.Error(err)
	}
}

// Build 3: a second run on a locked folder exits 1 at once with --no-wait,
// naming the holder's pid, and gives up after --wait otherwise.
func TestFolderLockedByAnotherRun(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	cfg := smallConfig(t)
	out := filepath.Join(filepath.Dir(cfg), "out")
	mustRun(t, "--config", cfg, "--out", out)
	before := snapshot(t, out)
	lock := filepath.Join(out, ".jdgen", "lock")
	f, err := os.OpenFile(lock, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatalf("no lock file in the output folder: %v", err)
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	f.Truncate(0)
	f.WriteAt([]byte("4242\n"), 0)
	start := time.Now()
	code, _, stderr := run(t, "--config", cfg, "--out", out, "--no-wait")
	if code != ExitFailure || !strings.Contains(stderr, "pid 4242") || time.Since(start) > 5*time.Second {
		t.Errorf("--no-wait: exit %d after %v, stderr %q; want 1 at once naming pid 4242", code, time.Since(start), stderr)
	}
	code, _, stderr = run(t, "--config", cfg, "--out", out, "--wait", "300ms")
	if code != ExitFailure || !strings.Contains(stderr, "waiting") || !strings.Contains(stderr, "pid 4242") {
		t.Errorf("--wait 300ms: exit %d, stderr %q", code, stderr)
	}
	if d := diffSnapshots(before, snapshot(t, out)); len(d) > 0 {
		t.Errorf("runs refused by the lock changed %v", d)
	}
	unix.Flock(int(f.Fd()), unix.LOCK_UN)
	mustRun(t, "--config", cfg, "--out", out, "--no-wait")
}

// Build 1: the manifest lists exactly the files jdgen wrote, with hashes.
func TestFolderManifestMatchesFiles(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	cfg := smallConfig(t)
	out := filepath.Join(filepath.Dir(cfg), "out")
	mustRun(t, "--config", cfg, "--out", out)
	writeFile(t, filepath.Join(out, "notes.txt"), "mine")
	b, err := os.ReadFile(filepath.Join(out, ".jdgen", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Files map[string]string }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	snap := snapshot(t, out)
	files := 0
	for k, v := range snap {
		if v == "dir" || k == "notes.txt" {
			continue
		}
		files++
		if m.Files[k] != v {
			t.Errorf("%s: manifest %q, file %q", k, m.Files[k], v)
		}
	}
	if files != len(m.Files) || files < 3 {
		t.Errorf("manifest lists %d files, folder has %d", len(m.Files), files)
	}
}

// Low: extra arguments are usage errors (exit 2), and so is an unknown
// shell for completion.
func TestFolderExtraArgumentsExit2(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "company.yaml")
	for _, args := range [][]string{
		{"validate", "--config", example, "extra"},
		{"resolve", "--config", example, "extra"},
		{"roles", "extra"},
		{"init", "extra"},
		{"completion", "nonsense"},
	} {
		code, _, stderr := run(t, args...)
		if code != ExitBadInput {
			t.Errorf("%v: exit %d, stderr %q; want 2", args, code, stderr)
		}
	}
	if code, out, _ := run(t, "completion", "bash"); code != 0 || !strings.Contains(out, "jdgen") {
		t.Errorf("completion bash: exit %d", code)
	}
}

// refusedFast is refused() with a time bound: a refusal must come at once.
func refusedFast(t *testing.T, doc []byte, want string) {
	t.Helper()
	start := time.Now()
	refused(t, doc, want)
	// A guard against hangs and quadratic work, not a benchmark: a
	// refusal takes seconds (about 12 s of CPU for the largest case on a
	// 2-core machine); under the race detector everything is several
	// times slower, so it is not checked there.
	if d := time.Since(start); d > 3*time.Minute && !raceEnabled {
		t.Errorf("refusal took %v", d)
	}
}

func oneRole(extra string) string {
	return hostileHead + "roles:\n  - id: a\n    template: operations-manager\n    reports_to: ceo\n" + extra
}

// Low and Medium 8/9, High 5: inputs validate must refuse with one clear
// message, quickly, so that whatever it accepts also generates.
func TestFolderValidationCaps(t *testing.T) {
	many := func(key string, n int) string {
		var b strings.Builder
		b.WriteString("    " + key + ":\n      add:\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "        - Item %d\n", i)
		}
		return b.String()
	}
	benefits := func(n int) string {
		var b strings.Builder
		b.WriteString(hostileHead + "  benefits:\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "    - Benefit %d\n", i)
		}
		b.WriteString("roles:\n  - {id: a, template: operations-manager, reports_to: ceo}\n")
		return b.String()
	}
	rows := func(roles, each int) string {
		var b strings.Builder
		b.WriteString(hostileHead + "roles:\n  - {id: r0, template: operations-coordinator, reports_to: ceo, responsibilities: {add: &r [")
		for i := 0; i < each; i++ {
			fmt.Fprintf(&b, "\"R%d.\", ", i)
		}
		b.WriteString("]}}\n")
		for i := 1; i < roles; i++ {
			fmt.Fprintf(&b, "  - {id: r%d, template: operations-coordinator, reports_to: ceo, responsibilities: {add: *r}}\n", i)
		}
		return b.String()
	}
	cases := []struct {
		name, doc, want string
	}{
		{"headcount near 2^63", oneRole("    headcount: 9223372036854775806\n"), "roles[0].headcount: 9223372036854775806 is more than 1000000 people"},
		{"salary 1e300", oneRole("    salary: {min: 1, max: 1e300}\n"), "roles[0].salary.max: "},
		{"second document", oneRole("---\nroles: []\n"), "a second YAML document"},
		{"id con", strings.Replace(oneRole(""), "id: a", "id: con", 1), `roles[0].id: "con" is a device name on Windows`},
		{"id lpt9", strings.Replace(oneRole(""), "id: a", "id: lpt9", 1), `"lpt9" is a device name on Windows`},
		{"id nul", strings.Replace(oneRole(""), "id: a", "id: nul", 1), `"nul" is a device name on Windows`},
		{"id of 252 characters", strings.Replace(oneRole(""), "id: a", "id: "+strings.Repeat("a", 252), 1), "roles[0].id: is 252 characters long; the limit is 64"},
		{"title of 4,000 characters", oneRole("    title: " + strings.Repeat("Operations ", 400) + "\n"), "roles[0].title: is 4399 characters long; the limit is 200"},
		{"company name of 1,000 characters", strings.Replace(oneRole(""), "Acme Freight", strings.Repeat("Acme ", 200), 1), "company.name: is 999 characters long; the limit is 200"},
		{"100,000 benefits", benefits(100_000), "company.benefits: has 100000 items; the limit is 100"},
		{"150 responsibilities added", oneRole(many("responsibilities", 150)), "roles[0].responsibilities.add: has 150 items; the limit is 100"},
		{"1,000,000 responsibilities over 10,000 roles", rows(10_000, 100), "the file holds more than 100000 list items in all (YAML aliases expanded); the limit is 100000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { refusedFast(t, []byte(c.doc), c.want) })
	}
}

// Medium 8: a million aliased benefits are refused at once.
func TestFolderAliasedBenefits(t *testing.T) {
	var b strings.Builder
	b.WriteString(hostileHead + "  benefits: [&b Dental")
	for i := 0; i < 1_000_000; i++ {
		b.WriteString(", *b")
	}
	b.WriteString("]\nroles:\n  - {id: a, template: operations-manager, reports_to: ceo}\n")
	refusedFast(t, []byte(b.String()), "company.benefits: has 1000001 items; the limit is 100")
}

// Low: 200,000 unknown keys give a short report that says how many more.
func TestFolderManyUnknownKeys(t *testing.T) {
	var b strings.Builder
	b.WriteString(hostileHead)
	for i := 0; i < 200_000; i++ {
		fmt.Fprintf(&b, "  k%d: x\n", i)
	}
	b.WriteString("roles:\n  - {id: a, template: operations-manager, reports_to: ceo}\n")
	cfg := writeConfig(t, []byte(b.String()))
	code, _, stderr := run(t, "validate", "--config", cfg)
	if code != ExitBadInput {
		t.Fatalf("exit %d", code)
	}
	if len(stderr) > 100_000 || !strings.Contains(stderr, "more") || !strings.Contains(stderr, "200000 problems") {
		t.Errorf("stderr is %d bytes and ends %q", len(stderr), stderr[max(0, len(stderr)-300):])
	}
}

// Low: soft hyphens are dropped, not drawn as visible hyphens.
func TestFolderSoftHyphens(t *testing.T) {
	cfg := writeConfig(t, []byte(oneRole("    title: \"Ware\u00adhouse Opera\u00adtions Manager\"\n")))
	code, out, stderr := run(t, "resolve", "--config", cfg)
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.Contains(out, "\u00ad") || !strings.Contains(out, `"title": "Warehouse Operations Manager"`) {
		t.Errorf("soft hyphens kept in the model")
	}
}

// Medium 7: --workers far beyond the CPUs is capped, with a message.
func TestFolderWorkersCapped(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	cfg := smallConfig(t)
	stderr := mustRun(t, "--config", cfg, "--out", filepath.Join(filepath.Dir(cfg), "out"), "--workers", "1024")
	if !strings.Contains(stderr, "--workers 1024 is more than") {
		t.Errorf("no message about capping the workers: %q", stderr)
	}
}

// Medium 7: a 1 x 16,000,000 logo is refused before it is decoded.
func TestFolderLogoOneByMillions(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 16_000_000))); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "logo.png"), b.String())
	cfg := filepath.Join(dir, "company.yaml")
	writeFile(t, cfg, hostileHead+"  logo: logo.png\nroles:\n  - {id: a, template: operations-manager, reports_to: ceo}\n")
	code, _, stderr := run(t, "--config", cfg, "--out", filepath.Join(dir, "out"))
	if code != ExitBadInput || !strings.Contains(stderr, "1 x 16000000 pixels; use a logo at most") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
