//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jdgen/jdgen/internal/bigconfig"
	_ "github.com/jdgen/jdgen/internal/golden" // registers -update
	"github.com/xuri/excelize/v2"
)

// interruptRoles is the size of the config the interrupted runs work on.
const interruptRoles = 400

// buildBinary compiles jdgen once for the test.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "jdgen")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// outputState is what an output folder holds: the job-descriptions folder
// as a whole (file name -> hash) and the workbook's hash.
type outputState struct {
	pdfs     map[string]string
	workbook string
}

func (s outputState) pdfKey() string {
	var b strings.Builder
	for _, k := range sortedKeys(s.pdfs) {
		b.WriteString(k + "=" + s.pdfs[k] + "\n")
	}
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

func hashFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func readState(t *testing.T, out string) outputState {
	t.Helper()
	s := outputState{pdfs: map[string]string{}}
	entries, err := os.ReadDir(filepath.Join(out, "job-descriptions"))
	if err != nil {
		t.Fatalf("job-descriptions: %v", err)
	}
	for _, e := range entries {
		s.pdfs[e.Name()] = hashFile(t, filepath.Join(out, "job-descriptions", e.Name()))
	}
	s.workbook = hashFile(t, filepath.Join(out, "career-ladder.xlsx"))
	return s
}

// pdfComplete checks a PDF's structure without external tools: header,
// trailer, and a startxref offset that points at the cross-reference table.
func pdfComplete(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
		return false
	}
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return false
	}
	fields := strings.Fields(string(b[i+len("startxref"):]))
	if len(fields) < 1 {
		return false
	}
	var off int
	for _, c := range fields[0] {
		if c < '0' || c > '9' {
			return false
		}
		off = off*10 + int(c-'0')
	}
	return off < len(b) && bytes.HasPrefix(b[off:], []byte("xref"))
}

func checkReadable(t *testing.T, out string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(out, "job-descriptions"))
	for _, e := range entries {
		if _, mine := userFiles["job-descriptions/"+e.Name()]; mine {
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, "job-descriptions", e.Name()))
		if err != nil || !pdfComplete(b) {
			t.Fatalf("%s is not a complete PDF", e.Name())
		}
	}
	f, err := excelize.OpenFile(filepath.Join(out, "career-ladder.xlsx"))
	if err != nil {
		t.Fatalf("workbook does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Roles")
	if err != nil || len(rows) < interruptRoles {
		t.Fatalf("workbook Roles sheet: %d rows, %v", len(rows), err)
	}
}

func jdgen(bin, cfg, out, epoch string) *exec.Cmd {
	cmd := exec.Command(bin, "--config", cfg, "--out", out)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+epoch)
	return cmd
}

func noTempFolders(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".jdgen-tmp-") {
				t.Errorf("temporary folder left in %s: %s", d, e.Name())
			}
		}
	}
}

// TestKilledRunsNeverCorruptOutput starts the real binary on a large config
// and kills it with SIGKILL at moments spread over a whole run, 20 times.
// After each kill, `jdgen validate` finishes or undoes whatever commit was
// in progress, and the folder is then wholly the previous or wholly the
// new generation: the user's files intact, the manifest matching the
// files, every PDF complete, the workbook opening and all its links
// resolving. A later complete run leaves no temporary files behind.
func TestKilledRunsNeverCorruptOutput(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "company.yaml")
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, interruptRoles); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	epochs := []string{"1700000000", "1710000000"}
	refs := make([]generation, 2)
	var full time.Duration
	for i, e := range epochs {
		out := filepath.Join(dir, "ref"+e)
		os.MkdirAll(out, 0o755)
		plantUserFiles(t, out)
		start := time.Now()
		if b, err := jdgen(bin, cfg, out, e).CombinedOutput(); err != nil {
			t.Fatalf("complete run: %v\n%s", err, b)
		}
		full = max(full, time.Since(start))
		g, err := readGeneration(t, out)
		if err != nil {
			t.Fatal(err)
		}
		refs[i] = g
		checkReadable(t, out)
	}
	if whichGeneration(refs[0], refs[1:]) == 0 {
		t.Fatal("the two generations are identical; the test could not tell them apart")
	}

	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	plantUserFiles(t, out)
	if b, err := jdgen(bin, cfg, out, epochs[0]).CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	const kills = 20
	changed, recovered := 0, 0
	prev := 0
	for i := 0; i < kills; i++ {
		cmd := jdgen(bin, cfg, out, epochs[(i+1)%2])
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Spread the kills over the whole run, the commit at its end included.
		time.Sleep(full * time.Duration(2*i+1) / (2 * kills) * 11 / 10)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		b, err := exec.Command(bin, "validate", "--config", cfg, "--out", out).CombinedOutput()
		if err != nil {
			t.Fatalf("kill %d: validate: %v\n%s", i, err, b)
		}
		if strings.Contains(string(b), "interrupted run") {
			recovered++
		}
		g, err := readGeneration(t, out)
		if err != nil {
			t.Fatalf("kill %d: %v", i, err)
		}
		w := whichGeneration(g, refs)
		if w < 0 {
			t.Fatalf("kill %d: the folder is neither generation (%d files)", i, len(g))
		}
		if w != prev {
			changed++
			checkReadable(t, out)
		}
		prev = w
	}
	t.Logf("%d kills over a %.1f s run; %d left a stage or a commit for validate to clean up, finish or undo; the output changed %d times; always one generation", kills, full.Seconds(), recovered, changed)
	if b, err := jdgen(bin, cfg, out, epochs[0]).CombinedOutput(); err != nil {
		t.Fatalf("run after the kills: %v\n%s", err, b)
	}
	noTempFolders(t, dir, out)
	if _, err := readGeneration(t, out); err != nil {
		t.Fatal(err)
	}
	checkReadable(t, out)
}

// TestSignalsStopCleanly: SIGINT and SIGTERM stop a run promptly, remove its
// temporary files, leave the previous output as it was, and exit non-zero
// with one line.
func TestSignalsStopCleanly(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "company.yaml")
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, 300); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if b, err := jdgen(bin, cfg, out, "1700000000").CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	before := readState(t, out)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := jdgen(bin, cfg, out, "1710000000")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		sent := time.Now()
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		stopped := time.Since(sent)
		code := cmd.ProcessState.ExitCode()
		if err == nil || code == 0 {
			t.Errorf("%v: exit code %d, want non-zero", sig, code)
		}
		msg := strings.TrimSpace(stderr.String())
		if strings.Count(msg, "\n") != 0 || !strings.Contains(msg, "interrupted") {
			t.Errorf("%v: stderr %q, want one line saying it was interrupted", sig, msg)
		}
		t.Logf("%v: stopped %v after the signal", sig, stopped)
		if stopped > 2*time.Second {
			t.Errorf("%v: took %v to stop", sig, stopped)
		}
		if after := readState(t, out); after.pdfKey() != before.pdfKey() || after.workbook != before.workbook {
			t.Errorf("%v: the previous output changed", sig)
		}
		noTempFolders(t, dir, out)
	}
}
