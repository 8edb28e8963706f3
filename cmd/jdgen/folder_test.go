//go:build unix

package main

// Issue #16 through the real binary: runs killed at every step of a commit,
// concurrent runs on one folder, a mount point as the output folder,
// inputs that are not regular files, SIGHUP, init on a full disk.

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// generation is an output folder's content: slash path -> hash, jdgen's
// .jdgen folder and the user's files left out.
type generation map[string]string

func (g generation) key() string {
	keys := make([]string, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + g[k] + "\n")
	}
	return b.String()
}

// userFiles are planted in every output folder; they must never change.
var userFiles = map[string]string{
	"notes.txt":                  "the user's notes",
	"job-descriptions/mine.docx": "the user's own job description",
	"drafts/ops.md":              "a draft",
}

func plantUserFiles(t *testing.T, out string) {
	t.Helper()
	for name, data := range userFiles {
		p := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readGeneration reads what jdgen wrote in out and checks it is one whole
// generation: the user's files intact, no commit in progress, the manifest
// listing exactly the other files with their hashes, and every hyperlink
// in the workbook pointing at a file that exists.
func readGeneration(t *testing.T, out string) (generation, error) {
	t.Helper()
	g := generation{}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == ".jdgen" {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		if want, ok := userFiles[rel]; ok {
			if b, _ := os.ReadFile(p); string(b) != want {
				return fmt.Errorf("the user's %s changed", rel)
			}
			return nil
		}
		g[rel] = hashFile(t, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, n := range []string{"journal.json", "stage"} {
		if _, err := os.Lstat(filepath.Join(out, ".jdgen", n)); err == nil {
			return nil, fmt.Errorf(".jdgen/%s left behind", n)
		}
	}
	for name := range userFiles {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			return nil, fmt.Errorf("the user's %s is gone", name)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, ".jdgen", "manifest.json"))
	if err != nil {
		return nil, err
	}
	var m struct{ Files map[string]string }
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if generation(m.Files).key() != g.key() {
		return nil, fmt.Errorf("the manifest (%d files) does not match the folder (%d files)", len(m.Files), len(g))
	}
	links, err := workbookLinks(filepath.Join(out, "career-ladder.xlsx"))
	if err != nil {
		return nil, err
	}
	if len(links) == 0 {
		return nil, errors.New("the workbook has no links to check")
	}
	for _, l := range links {
		if _, ok := g[path.Clean(l)]; !ok {
			return nil, fmt.Errorf("the workbook links to %s, which is not there", l)
		}
	}
	return g, nil
}

// workbookLinks lists the external link targets in an XLSX's sheets.
func workbookLinks(p string) ([]string, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var links []string
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/_rels/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		var rels struct {
			Rel []struct {
				Target string `xml:"Target,attr"`
				Mode   string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(b, &rels); err != nil {
			return nil, err
		}
		for _, r := range rels.Rel {
			if r.Mode == "External" && !strings.Contains(r.Target, "://") {
				links = append(links, r.Target)
			}
		}
	}
	return links, nil
}

// smallConfigs writes two configs differing by one renamed role.
func smallConfigs(t *testing.T, dir string, roles int) (a, b string) {
	t.Helper()
	write := func(name, renamed string) string {
		var s strings.Builder
		s.WriteString("version: 1\ncompany:\n  name: Acme Freight\nroles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n")
		for i := 1; i < roles; i++ {
			id := fmt.Sprintf("mgr-%d", i)
			if i == 1 {
				id = renamed
			}
			fmt.Fprintf(&s, "  - {id: %s, template: operations-manager, reports_to: coo}\n", id)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return write("a.yaml", "mgr-east"), write("b.yaml", "mgr-west")
}

// refGenerations makes a clean run of each config and returns what they wrote.
func refGenerations(t *testing.T, bin, dir string, cfgs ...string) []generation {
	t.Helper()
	var out []generation
	for i, cfg := range cfgs {
		o := filepath.Join(dir, fmt.Sprintf("ref%d", i))
		os.MkdirAll(o, 0o755)
		plantUserFiles(t, o)
		if b, err := jdgen(bin, cfg, o, "1700000000").CombinedOutput(); err != nil {
			t.Fatalf("reference run: %v\n%s", err, b)
		}
		g, err := readGeneration(t, o)
		if err != nil {
			t.Fatalf("reference run: %v", err)
		}
		out = append(out, g)
	}
	if out[0].key() == out[1].key() {
		t.Fatal("the two generations are identical; the test could not tell them apart")
	}
	return out
}

func whichGeneration(g generation, refs []generation) int {
	for i, r := range refs {
		if g.key() == r.key() {
			return i
		}
	}
	return -1
}

// TestCommitKilledAtEveryStep kills a run at each step of its commit in
// turn (the test-only JDGEN_TEST_KILL_AT hook), and sometimes kills the
// recovery too. After `jdgen validate` the folder is always exactly one of
// the two generations, whole: the user's files intact, the manifest
// matching, the workbook's links resolving.
func TestCommitKilledAtEveryStep(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cfgA, cfgB := smallConfigs(t, dir, 6)
	refs := refGenerations(t, bin, dir, cfgA, cfgB)
	cfgs := []string{cfgA, cfgB}
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	plantUserFiles(t, out)
	if b, err := jdgen(bin, cfgA, out, "1700000000").CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	cur := 0
	kills, recoveryKills, back, forward := 0, 0, 0, 0
	for k := 1; ; k++ {
		next := 1 - cur
		cmd := jdgen(bin, cfgs[next], out, "1700000000")
		cmd.Env = append(cmd.Env, "JDGEN_TEST_KILL_AT="+fmt.Sprint(k))
		b, err := cmd.CombinedOutput()
		if err == nil {
			if k < 10 {
				t.Fatalf("the commit finished before step %d: the hook does not work\n%s", k, b)
			}
			g, gerr := readGeneration(t, out)
			if gerr != nil || whichGeneration(g, refs) != next {
				t.Fatalf("a complete run left the wrong folder: %v", gerr)
			}
			break
		}
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("step %d: the run failed without being killed: %v\n%s", k, err, b)
		}
		kills++
		// Every third time, kill the recovery itself at its first steps.
		if k%3 == 0 {
			v := exec.Command(bin, "validate", "--config", cfgs[next], "--out", out)
			v.Env = append(os.Environ(), "JDGEN_TEST_KILL_AT="+fmt.Sprint(1+k%4))
			if v.Run() != nil {
				recoveryKills++
			}
		}
		if b, err := exec.Command(bin, "validate", "--config", cfgs[next], "--out", out).CombinedOutput(); err != nil {
			t.Fatalf("step %d: validate: %v\n%s", k, err, b)
		}
		g, gerr := readGeneration(t, out)
		if gerr != nil {
			t.Fatalf("killed at step %d: %v", k, gerr)
		}
		switch whichGeneration(g, refs) {
		case cur:
			back++
		case next:
			forward++
			cur = next
		default:
			t.Fatalf("killed at step %d: the folder is neither generation", k)
		}
	}
	t.Logf("%d runs killed at each step of the commit (%d recoveries killed too): %d rolled back, %d rolled forward; every time one generation", kills, recoveryKills, back, forward)
	if back == 0 || forward == 0 {
		t.Errorf("never rolled back (%d) or never forward (%d): the kills missed the commit", back, forward)
	}
}

// TestConcurrentRunsOnOneFolder starts 30 pairs of runs on one folder, the
// two of a pair on configs differing by one renamed role. Pairs that wait
// must both succeed; with --no-wait one may exit 1 saying the folder is in
// use. After every pair the folder is one whole generation, and it is the
// generation of a run that reported success.
func TestConcurrentRunsOnOneFolder(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cfgA, cfgB := smallConfigs(t, dir, 4)
	refs := refGenerations(t, bin, dir, cfgA, cfgB)
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	plantUserFiles(t, out)
	const pairs = 30
	outcomes := map[string]int{}
	start := time.Now()
	for p := 0; p < pairs; p++ {
		noWait := p%3 == 2
		var wg sync.WaitGroup
		codes := make([]int, 2)
		stderrs := make([]string, 2)
		for i, cfg := range []string{cfgA, cfgB} {
			args := []string{"--config", cfg, "--out", out}
			if noWait {
				args = append(args, "--no-wait")
			}
			name := bin
			if p%10 == 0 && i == 0 {
				// One run of the pair in its own PID namespace.
				args = append([]string{"-pf", bin}, args...)
				name = "unshare"
			}
			cmd := exec.Command(name, args...)
			cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1700000000")
			var eb bytes.Buffer
			cmd.Stderr = &eb
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				cmd.Run()
				codes[i] = cmd.ProcessState.ExitCode()
				stderrs[i] = eb.String()
			}(i)
		}
		wg.Wait()
		g, err := readGeneration(t, out)
		if err != nil {
			t.Fatalf("pair %d (exit %v): %v\n%s", p, codes, err, strings.Join(stderrs, "\n"))
		}
		w := whichGeneration(g, refs)
		if w < 0 {
			t.Fatalf("pair %d: the folder is neither generation", p)
		}
		for i, c := range codes {
			switch {
			case c == 0:
			case c == 1 && noWait && strings.Contains(stderrs[i], "in use by another jdgen run"):
			default:
				t.Fatalf("pair %d, run %d: exit %d\n%s", p, i, c, stderrs[i])
			}
		}
		if codes[w] != 0 {
			t.Fatalf("pair %d: the folder holds the generation of a run that exited %d", p, codes[w])
		}
		if !noWait && (codes[0] != 0 || codes[1] != 0) {
			t.Fatalf("pair %d: waiting runs exited %v", p, codes)
		}
		outcomes[fmt.Sprintf("exits %d+%d", min(codes[0], codes[1]), max(codes[0], codes[1]))]++
	}
	t.Logf("%d pairs in %.1f s, every time one generation: %v", pairs, time.Since(start).Seconds(), outcomes)
}

// TestMountPointOutputFolder uses a freshly mounted tmpfs as the output
// folder (as with `docker run -v $PWD/out:/out`): nothing may be staged
// beside it, on another file system.
func TestMountPointOutputFolder(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cfgA, cfgB := smallConfigs(t, dir, 3)
	out := filepath.Join(dir, "mnt")
	os.MkdirAll(out, 0o755)
	listing := filepath.Join(dir, "listing.txt")
	script := fmt.Sprintf(`set -e
mount -t tmpfs tmpfs %[1]s
%[2]s --config %[3]s --out %[1]s
%[2]s --config %[4]s --out %[1]s
ls %[1]s/job-descriptions > %[5]s`, out, bin, cfgA, cfgB, listing)
	cmd := exec.Command("unshare", "-m", "sh", "-c", script)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1700000000")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("runs on a tmpfs mount point: %v\n%s", err, b)
	}
	b, _ := os.ReadFile(listing)
	if got := strings.Fields(string(b)); strings.Join(got, " ") != "coo.pdf mgr-2.pdf mgr-west.pdf" {
		t.Errorf("job-descriptions on the mount: %v", got)
	}
}

// TestNonRegularInputsRefused: a FIFO, a socket, a device or a pipe as the
// config or the logo is refused at once with exit 2 (never opened for
// reading, so never a hang), and the run ignores no signal meanwhile.
func TestNonRegularInputsRefused(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	logoFifo := filepath.Join(dir, "fifo.png")
	if err := syscall.Mkfifo(logoFifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.yaml")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	logoCfg := filepath.Join(dir, "logo.yaml")
	os.WriteFile(logoCfg, []byte("version: 1\ncompany:\n  name: Acme\n  logo: fifo.png\nroles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n"), 0o644)
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("version: 1\ncompany:\n  name: Acme\nroles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n"), 0o644)

	cases := []struct {
		name  string
		args  []string
		stdin func(*exec.Cmd) func()
		want  string
	}{
		{"fifo config", []string{"--config", fifo}, nil, "is a pipe (FIFO), not a regular file"},
		{"fifo config, validate", []string{"validate", "--config", fifo}, nil, "is a pipe (FIFO), not a regular file"},
		{"socket config", []string{"validate", "--config", sock}, nil, "is a socket, not a regular file"},
		{"device config", []string{"validate", "--config", "/dev/zero"}, nil, "is a device, not a regular file"},
		{"fifo logo", []string{"--config", logoCfg}, nil, `"fifo.png" is a pipe (FIFO), not a regular file`},
		{"open pipe on /dev/stdin", []string{"validate", "--config", "/dev/stdin"}, func(c *exec.Cmd) func() {
			r, w, _ := os.Pipe() // a writer that never writes, like `sleep 30 |`
			c.Stdin = r
			return func() { r.Close(); w.Close() }
		}, "is a pipe (FIFO), not a regular file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, append(c.args, "--out", filepath.Join(dir, "out"))...)
			if c.stdin != nil {
				defer c.stdin(cmd)()
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("hung: killed after %v", time.Since(start))
			}
			if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(stderr.String(), c.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr.String(), c.want)
			}
		})
	}
	// A config redirected from a regular file is read through /dev/stdin.
	f, _ := os.Open(good)
	defer f.Close()
	cmd := exec.Command(bin, "validate", "--config", "/dev/stdin")
	cmd.Stdin = f
	if b, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(b), "is valid") {
		t.Errorf("validate --config /dev/stdin < file: %v %s", err, b)
	}
}

// TestSignalWhileWaitingForTheLock: a run waiting for another run's folder
// stops within a second of SIGTERM or SIGINT, exit 1.
func TestSignalWhileWaitingForTheLock(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cfg, _ := smallConfigs(t, dir, 2)
	out := filepath.Join(dir, "out")
	os.MkdirAll(filepath.Join(out, ".jdgen"), 0o755)
	f, err := os.OpenFile(filepath.Join(out, ".jdgen", "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP} {
		cmd := jdgen(bin, cfg, out, "1700000000")
		pr, pw := io.Pipe()
		cmd.Stderr = pw
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waiting := make(chan string, 1)
		go func() {
			// Warnings about the config may come first; wait for the line
			// saying the run is waiting for the lock.
			var seen strings.Builder
			buf := make([]byte, 4096)
			for {
				n, err := pr.Read(buf)
				seen.Write(buf[:n])
				if strings.Contains(seen.String(), "waiting") || err != nil {
					break
				}
			}
			waiting <- seen.String()
			io.Copy(io.Discard, pr)
		}()
		select {
		case msg := <-waiting:
			if !strings.Contains(msg, "waiting") || !strings.Contains(msg, "another jdgen run") {
				t.Errorf("%v: stderr %q, want a line saying it waits for another run", sig, msg)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%v: no waiting message", sig)
		}
		sent := time.Now()
		cmd.Process.Signal(sig)
		cmd.Wait()
		pw.Close()
		if d := time.Since(sent); d > time.Second {
			t.Errorf("%v: took %v to stop", sig, d)
		}
		if code := cmd.ProcessState.ExitCode(); code != 1 {
			t.Errorf("%v: exit %d, want 1", sig, code)
		}
	}
}

// TestSIGHUPLeavesNothing: a run hung up part-way stops like on SIGTERM:
// no temporary files, the previous output as it was.
func TestSIGHUPLeavesNothing(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "company.yaml")
	var s strings.Builder
	s.WriteString("version: 1\ncompany:\n  name: Acme Freight\nroles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&s, "  - {id: m%d, template: operations-manager, reports_to: coo}\n", i)
	}
	os.WriteFile(cfg, []byte(s.String()), 0o644)
	out := filepath.Join(dir, "out")
	if b, err := jdgen(bin, cfg, out, "1700000000").CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	before := readState(t, out)
	cmd := jdgen(bin, cfg, out, "1710000000")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGHUP)
	cmd.Wait()
	if ws := cmd.ProcessState.Sys().(syscall.WaitStatus); ws.Signaled() || ws.ExitStatus() != 1 || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("SIGHUP: %v, stderr %q; want exit 1 saying interrupted", cmd.ProcessState, stderr.String())
	}
	noTempFolders(t, dir, out)
	if _, err := os.Stat(filepath.Join(out, ".jdgen", "stage")); err == nil {
		t.Error("the stage was left behind")
	}
	if after := readState(t, out); after.pdfKey() != before.pdfKey() || after.workbook != before.workbook {
		t.Error("the previous output changed")
	}
}

// TestInitOnFullDisk: init that cannot write the whole starter file (the
// file size limit stands in for a full disk) leaves no file behind, so
// the next init works.
func TestInitOnFullDisk(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "company.yaml")
	cmd := exec.Command("sh", "-c", "ulimit -f 1; exec "+bin+" init --config "+cfg)
	if err := cmd.Run(); err == nil {
		t.Fatal("init succeeded with a 512-byte file size limit")
	}
	if _, err := os.Lstat(cfg); err == nil {
		t.Fatal("a failed init left company.yaml behind")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("a failed init left %v", entries)
	}
	if b, err := exec.Command(bin, "init", "--config", cfg).CombinedOutput(); err != nil {
		t.Fatalf("init after the failure: %v\n%s", err, b)
	}
}

// largeConfig is one role whose job description holds items paragraphs
// of 2,000 characters, with the longest accepted company name and title.
func largeConfig(t *testing.T, dir string, items int) string {
	t.Helper()
	para := strings.TrimSpace(strings.Repeat("Plans the dock schedule with carriers and keeps the yard clear. ", 32))[:2000]
	var b strings.Builder
	fmt.Fprintf(&b, "version: 1\ncompany:\n  name: %s\nroles:\n  - id: r\n    template: operations-manager\n    reports_to: ceo\n    title: %s\n    summary: %s\n    responsibilities:\n      add:\n",
		strings.Repeat("Acme ", 40)[:200], strings.Repeat("Manager ", 25)[:200], strings.Repeat("Runs the site. ", items*5))
	for i := 0; i < items; i++ {
		fmt.Fprintf(&b, "        - \"%d %s\"\n", i, para)
	}
	p := filepath.Join(dir, fmt.Sprintf("large-%d.yaml", items))
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLargestInputLinear generates the largest job description validation
// accepts (close to MaxDocumentText, the longest name and title) and one a
// quarter of its size, and compares the CPU time the two runs take (CPU
// time, not wall time: other work on the machine barely moves it). Linear
// work gives a ratio near the ratio of the text (about 3.6); quadratic
// work would give about 13. The bound is twice the text ratio.
func TestLargestInputLinear(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cpu := func(cfg string) time.Duration {
		best := time.Duration(1 << 62)
		for i := 0; i < 2; i++ {
			cmd := exec.Command(bin, "--config", cfg, "--out", filepath.Join(dir, "out"), "--workers", "1")
			cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1700000000")
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", filepath.Base(cfg), err, b)
			}
			best = min(best, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		}
		return best
	}
	small, large := largeConfig(t, dir, 22), largeConfig(t, dir, 88)
	// One more paragraph would be refused: this is the largest accepted.
	over := largeConfig(t, dir, 95)
	if b, err := exec.Command(bin, "validate", "--config", over).CombinedOutput(); err == nil || !strings.Contains(string(b), "the limit is 200000") {
		t.Fatalf("a larger job description was not refused: %v\n%s", err, b)
	}
	ts, tl := cpu(small), cpu(large)
	ratio := float64(tl) / float64(ts)
	t.Logf("CPU: %v for 22 paragraphs, %v for 88 (%.2fx for 4x the text)", ts, tl, ratio)
	if ratio > 7.2 {
		t.Errorf("4x the text took %.1fx the CPU time: not linear", ratio)
	}
}
