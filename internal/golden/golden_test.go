package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Errorf(format string, args ...any) { r.fail(format) }
func (r *recorder) Fatalf(format string, args ...any) { r.fail(format) }
func (r *recorder) fail(msg string) {
	if !r.failed {
		r.failed, r.msg = true, msg
	}
}

func TestCheck(t *testing.T) {
	saved := *Update
	*Update = false
	defer func() { *Update = saved }()
	dir := t.TempDir()
	p := filepath.Join(dir, "g.txt")
	r := &recorder{TB: t}
	Check(r, p, []byte("x"))
	if !r.failed || !strings.Contains(r.msg, "golden file") {
		t.Fatalf("missing golden file did not fail: %+v", r)
	}
	if err := os.WriteFile(p, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = &recorder{TB: t}
	Check(r, p, []byte("a\nb\n"))
	if r.failed {
		t.Fatal("equal content failed")
	}
	r = &recorder{TB: t}
	Check(r, p, []byte("a\nc\n"))
	if !r.failed {
		t.Fatal("different content passed")
	}
	if d := diff([]byte("a\nb"), []byte("a\nc")); !strings.Contains(d, "line 2") {
		t.Fatalf("diff = %q", d)
	}
}
