package cli

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/bigconfig"
	"github.com/jdgen/jdgen/output/pdf"
	"github.com/jdgen/jdgen/output/xlsx"
)

const hostileHead = "version: 1\ncompany:\n  name: Acme Freight\n"

// hostileBands ends a config with a pay band for every level, so that no
// role draws a no-pay warning on stderr.
const hostileBands = "ladder:\n  bands:\n" +
	"    OPS-1: {min: 20, max: 25, period: hour}\n    OPS-2: {min: 60000, max: 75000}\n" +
	"    OPS-3: {min: 26, max: 32, period: hour}\n    OPS-4: {min: 80000, max: 100000}\n" +
	"    OPS-5: {min: 95000, max: 120000}\n    OPS-6: {min: 120000, max: 150000}\n" +
	"    OPS-7: {min: 140000, max: 175000}\n    OPS-8: {min: 165000, max: 210000}\n" +
	"    OPS-9: {min: 200000, max: 260000}\n"

// writeConfig writes doc as company.yaml in a fresh folder.
func writeConfig(t *testing.T, doc []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "company.yaml")
	if err := os.WriteFile(p, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// refused runs the main job on doc and wants exit 2, one problem naming
// want, and nothing written.
func refused(t *testing.T, doc []byte, want string) {
	t.Helper()
	cfg := writeConfig(t, doc)
	out := filepath.Join(filepath.Dir(cfg), "out")
	code, _, stderr := run(t, "--config", cfg, "--out", out)
	if code != ExitBadInput {
		t.Fatalf("exit %d, want 2; stderr %.300q", code, stderr)
	}
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%.600s", want, stderr)
	}
	if len(stderr) > 4000 {
		t.Errorf("stderr is %d bytes: the message should be short", len(stderr))
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("output written for a refused config")
	}
}

func TestHostileHugeResponsibility(t *testing.T) {
	doc := hostileHead + "roles:\n  - id: a\n    template: operations-manager\n    reports_to: ceo\n    responsibilities:\n      add:\n        - \"" +
		strings.Repeat("Keeps the dock clear. ", 1<<20/22) + "\"\n"
	refused(t, []byte(doc), "roles[0].responsibilities.add[0]: is 1048563 characters long; the limit is 32767")
}

func TestHostileFiveMegabyteLine(t *testing.T) {
	doc := hostileHead + "  about: " + strings.Repeat("x", 5<<20) + "\nroles: [{id: a, template: operations-manager, reports_to: ceo}]\n"
	refused(t, []byte(doc), "company.about: is 5242880 characters long; the limit is 32767")
}

func TestHostileAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(hostileHead)
	b.WriteString("  benefits: &l0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "x-l%d: &l%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("roles: [{id: a, template: operations-manager, reports_to: ceo, responsibilities: {add: *l9}}]\n")
	refused(t, []byte(b.String()), `unknown key "x-l1"`)
}

// TestHostileWindows1252 is a file saved by an old editor: refused with a
// pointer to the encoding.
func TestHostileWindows1252(t *testing.T) {
	doc := hostileHead + "  about: Caf\xe9 \x93quoted\x94\nroles: [{id: a, template: operations-manager, reports_to: ceo}]\n"
	refused(t, []byte(doc), "company.yaml:4: the file is not valid UTF-8 (was it saved as Windows-1252 or Latin-1?)")
}

// pngHeader is a PNG that claims width x height pixels and holds no pixel
// data: the size check must refuse it before anything is decoded.
func pngHeader(width, height uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], width)
	binary.BigEndian.PutUint32(ihdr[4:], height)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	chunk("IHDR", ihdr)
	chunk("IEND", nil)
	return b.Bytes()
}

func TestHostileLogos(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"fifty-megapixels", pngHeader(10000, 5000), `"logo.png" is 10000 x 5000 pixels; use a logo of at most 16 megapixels`},
		{"truncated", pngHeader(10, 10)[:30], `"logo.png" is not a PNG or JPEG image`},
		{"no pixel data", pngHeader(10, 10), `"logo.png" is a damaged PNG image`},
		{"not an image", []byte("GIF89a not really"), `"logo.png" is not a PNG or JPEG image`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := writeConfig(t, []byte(hostileHead+"  logo: logo.png\nroles: [{id: a, template: operations-manager, reports_to: ceo}]\n"))
			if err := os.WriteFile(filepath.Join(filepath.Dir(cfg), "logo.png"), c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := run(t, "validate", "--config", cfg)
			if code != ExitBadInput || !strings.Contains(stderr, "company.logo: "+c.want) {
				t.Errorf("exit %d, stderr %q; want %q", code, stderr, c.want)
			}
		})
	}
}

// TestHostileTenThousandRoles: a 10,000-role company validates, and its
// model holds every role and reporting line.
func TestHostileTenThousandRoles(t *testing.T) {
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, 10000); err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, buf.Bytes())
	code, out, stderr := run(t, "validate", "--config", cfg)
	if code != 0 || !strings.Contains(out, "is valid: 10000 roles") {
		t.Fatalf("validate: %d %q %q", code, out, stderr)
	}
}

// TestHostileDeepChain: a reporting chain 500 deep generates in full.
func TestHostileDeepChain(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	var b strings.Builder
	b.WriteString(hostileHead + "roles:\n  - {id: r0, template: chief-operating-officer, reports_to: ceo}\n")
	for i := 1; i < 500; i++ {
		fmt.Fprintf(&b, "  - {id: r%d, template: operations-supervisor, reports_to: r%d}\n", i, i-1)
	}
	b.WriteString(hostileBands)
	cfg := writeConfig(t, []byte(b.String()))
	out := filepath.Join(filepath.Dir(cfg), "out")
	code, _, stderr := run(t, "--config", cfg, "--out", out)
	if code != 0 || !strings.HasPrefix(stderr, "wrote 500 job descriptions") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

// TestHostileWideManager: 5,000 direct reports under one manager; the
// manager's job description and the workbook still render.
func TestHostileWideManager(t *testing.T) {
	var b strings.Builder
	b.WriteString(hostileHead + "roles:\n  - {id: boss, template: operations-manager, reports_to: ceo}\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "  - {id: c%d, template: operations-coordinator, title: Coordinator %d, reports_to: boss}\n", i, i)
	}
	cfg := writeConfig(t, []byte(b.String()))
	code, out, stderr := run(t, "validate", "--config", cfg)
	if code != 0 || !strings.Contains(out, "5001 roles") {
		t.Fatalf("validate: %d %q %q", code, out, stderr)
	}
	c, err := generator.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	m, err := generator.Resolve(c, generator.Settings{Paper: "letter", Date: time.Unix(0, 0).UTC()})
	if err != nil {
		t.Fatal(err)
	}
	boss, _ := m.Role("boss")
	if len(boss.DirectReports) != 5000 || boss.DirectReportHeadcount != 5000 {
		t.Fatalf("boss has %d direct reports", len(boss.DirectReports))
	}
	doc, err := pdf.RenderJobDescription(pdf.BuildJobDescription(m, boss), pdf.JDRenderOptions{Paper: "letter"})
	if err != nil || !bytes.HasPrefix(doc, []byte("%PDF-")) {
		t.Fatalf("manager's PDF: %v", err)
	}
	if _, err := xlsx.BuildWorkbook(m); err != nil {
		t.Fatalf("workbook: %v", err)
	}
}

// --- output safety ---

func smallConfig(t *testing.T) string {
	return writeConfig(t, []byte(hostileHead+"roles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n  - {id: vp, template: vp-of-operations, reports_to: coo}\n"+hostileBands))
}

func TestOutputParentIsAFile(t *testing.T) {
	cfg := smallConfig(t)
	file := filepath.Join(filepath.Dir(cfg), "report.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{file, filepath.Join(file, "out")} {
		code, _, stderr := run(t, "--config", cfg, "--out", out)
		if code != ExitFailure || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "output folder") {
			t.Errorf("--out %s: exit %d, stderr %q", out, code, stderr)
		}
	}
	if b, _ := os.ReadFile(file); string(b) != "x" {
		t.Error("the file was changed")
	}
}

func TestOutputKeepsUnrelatedFilesAndRefusesSymlinks(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	cfg := smallConfig(t)
	dir := filepath.Dir(cfg)
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "--config", cfg, "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	mine := filepath.Join(out, "notes.txt")
	if err := os.WriteFile(mine, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(dir, "outside.pdf")
	if err := os.WriteFile(outside, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	planted := filepath.Join(out, "job-descriptions", "coo.pdf")
	os.Remove(planted)
	if err := os.Symlink(outside, planted); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(out, "career-ladder.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "career-ladder.xlsx")); err != nil {
		t.Fatal(err)
	}
	// Symlinks jdgen did not make are refused; --force replaces them.
	code, _, stderr := run(t, "--config", cfg, "--out", out)
	if code != ExitFailure || !strings.Contains(stderr, "career-ladder.xlsx (a symbolic link)") {
		t.Fatalf("planted symlinks: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := run(t, "--config", cfg, "--out", out, "--force"); code != 0 {
		t.Fatal(stderr)
	}
	if b, _ := os.ReadFile(outside); string(b) != "precious" {
		t.Errorf("a planted symlink was followed: outside file now %q", b)
	}
	for _, p := range []string{planted, filepath.Join(out, "career-ladder.xlsx")} {
		st, err := os.Lstat(p)
		if err != nil || st.Mode()&os.ModeSymlink != 0 {
			t.Errorf("%s is still a symlink (%v)", p, err)
		}
	}
	if b, _ := os.ReadFile(mine); string(b) != "keep me" {
		t.Errorf("an unrelated file was changed: %q", b)
	}
}

// TestOutputReadOnlyFolder runs the real binary against an output folder it
// may not write to. As root, permissions do not apply, so the binary runs
// as the unprivileged user nobody.
func TestOutputReadOnlyFolder(t *testing.T) {
	base, err := os.MkdirTemp("", "jdgen-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(base, "parent"), 0o755); os.RemoveAll(base) })
	os.Chmod(base, 0o755)
	bin := filepath.Join(base, "jdgen")
	if b, err := exec.Command("go", "build", "-o", bin, "../../cmd/jdgen").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	cfg := filepath.Join(base, "company.yaml")
	doc := hostileHead + "roles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n" + hostileBands
	if err := os.WriteFile(cfg, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	parent := filepath.Join(base, "parent")
	out := filepath.Join(parent, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "career-ladder.xlsx"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(out, 0o555)
	os.Chmod(parent, 0o555)
	cmd := exec.Command(bin, "--config", cfg, "--out", out)
	asNobody(cmd)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	if err == nil || cmd.ProcessState.ExitCode() != ExitFailure {
		t.Fatalf("exit %v, want 1; stderr %q", err, stderr.String())
	}
	msg := strings.TrimSpace(stderr.String())
	if strings.Count(msg, "\n") != 0 || !strings.Contains(msg, "permission denied") {
		t.Errorf("stderr %q: want one line naming the permission problem", msg)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "career-ladder.xlsx")); string(b) != "old" {
		t.Errorf("the old output changed: %q", b)
	}
}
