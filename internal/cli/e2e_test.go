package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/internal/golden"
)

// testEpoch is the SOURCE_DATE_EPOCH every end-to-end case runs with.
const testEpoch = "1700000000"

// run drives the whole CLI in-process.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// normalise replaces the case folder's path so expected files read
// "company.yaml:14: ..." wherever the tests run.
func normalise(s, dir string) string {
	return strings.ReplaceAll(s, dir+string(filepath.Separator), "")
}

// TestCases runs every folder testdata/<case>/ holding a company.yaml. A
// case with stderr.txt must fail with exit code 2, print exactly that, and
// write nothing; a case with resolve.json must succeed, and `jdgen resolve`
// must print exactly that, and a job-descriptions folder beside it holds
// the golden PDFs. A case with both succeeds and prints exactly
// stderr.txt (its warnings) on stderr. A case with validate.txt must
// succeed, and `jdgen validate` must print exactly that (stdout, then
// stderr). A case may hold source_date_epoch, the date it runs on. With
// -update the expected files are rewritten.
func TestCases(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	cases, err := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "company.yaml"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases found: %v", err)
	}
	failing := 0
	for _, cfg := range cases {
		dir := filepath.Dir(cfg)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			// A case may run on its own date (laws take effect on a day).
			if b, err := os.ReadFile(filepath.Join(dir, "source_date_epoch")); err == nil {
				t.Setenv("SOURCE_DATE_EPOCH", strings.TrimSpace(string(b)))
			}
			stderrFile := filepath.Join(dir, "stderr.txt")
			resolveFile := filepath.Join(dir, "resolve.json")
			validateFile := filepath.Join(dir, "validate.txt")
			wantFail := exists(stderrFile) && !exists(resolveFile) && !exists(validateFile)
			wantWarnings := exists(stderrFile) && exists(resolveFile)
			if !wantFail && !exists(resolveFile) && !exists(validateFile) && !*golden.Update {
				t.Fatalf("%s has neither stderr.txt, resolve.json nor validate.txt (run go test ./... -update)", dir)
			}
			outParent := t.TempDir()
			out := filepath.Join(outParent, "out")
			code, _, stderr := run(t, "--config", cfg, "--out", out)
			if *golden.Update && !exists(stderrFile) && !exists(resolveFile) && !exists(validateFile) {
				wantFail = code != 0
			}
			if wantFail {
				failing++
				if code != ExitBadInput {
					t.Errorf("exit code %d, want %d; stderr:\n%s", code, ExitBadInput, stderr)
				}
				golden.Check(t, stderrFile, []byte(normalise(stderr, dir)))
				if entries, _ := os.ReadDir(outParent); len(entries) != 0 {
					t.Errorf("a failed run left %d entries in the output's parent (%s...)", len(entries), entries[0].Name())
				}
				// validate reports the same problems.
				vcode, vout, verr := run(t, "validate", "--config", cfg)
				if vcode != ExitBadInput || vout != "" || normalise(verr, dir) != normalise(stderr, dir) {
					t.Errorf("validate: exit %d, stdout %q, stderr differs from the main job's:\n%s", vcode, vout, verr)
				}
				if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
					t.Errorf("stderr looks like a crash:\n%s", stderr)
				}
				return
			}
			if code != ExitOK {
				t.Fatalf("exit code %d, want 0; stderr:\n%s", code, stderr)
			}
			if !exists(filepath.Join(out, "career-ladder.xlsx")) {
				t.Errorf("career-ladder.xlsx was not written")
			}
			// A case with a job-descriptions folder keeps golden PDFs:
			// every job description must match its golden byte for byte.
			if jd := filepath.Join(dir, "job-descriptions"); exists(jd) {
				pdfs, _ := filepath.Glob(filepath.Join(out, "job-descriptions", "*.pdf"))
				if len(pdfs) == 0 {
					t.Errorf("no job descriptions written")
				}
				for _, p := range pdfs {
					data, err := os.ReadFile(p)
					if err != nil {
						t.Fatal(err)
					}
					golden.Check(t, filepath.Join(jd, filepath.Base(p)), data)
				}
			}
			if exists(validateFile) {
				// What validate prints (the checks' findings), without
				// the resolved role text.
				code, stdout, stderr := run(t, "validate", "--config", cfg)
				if code != ExitOK {
					t.Fatalf("validate: exit code %d; stderr:\n%s", code, stderr)
				}
				golden.Check(t, validateFile, []byte(normalise(stdout, dir)+"--- stderr\n"+normalise(stderr, dir)))
				if !exists(resolveFile) {
					return
				}
			}
			mainStderr := stderr
			code, stdout, stderr := run(t, "resolve", "--config", cfg, "--out", "out")
			if code != ExitOK {
				t.Fatalf("resolve: exit code %d; stderr:\n%s", code, stderr)
			}
			golden.Check(t, resolveFile, []byte(normalise(stdout, dir)))
			if wantWarnings {
				// resolve prints the same warnings as the main job, without
				// the main job's progress line.
				golden.Check(t, stderrFile, []byte(normalise(stderr, dir)))
				if !strings.HasPrefix(mainStderr, stderr) {
					t.Errorf("the main job's stderr does not start with the warnings resolve prints:\n%s", mainStderr)
				}
			}
		})
	}
	if failing < 25 && !*golden.Update {
		t.Errorf("only %d invalid-config cases; the contract asks for at least 25", failing)
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
