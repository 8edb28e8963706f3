package wording

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// libraryFindings scans every YAML file under the given folders line by
// line (comments skipped) and reports each flagged word as
// "file:line:column: word (write: suggestion)".
func libraryFindings(t *testing.T, roots ...string) (files int, out []string) {
	t.Helper()
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || (!strings.HasSuffix(path, ".yaml") && !strings.HasSuffix(path, ".yml")) {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files++
			for i, line := range strings.Split(string(data), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "#") {
					continue
				}
				for _, f := range Check(line) {
					out = append(out, fmt.Sprintf("%s:%d:%d: %q (write: %s)", path, i+1, f.Column, f.Text, f.Suggestion))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files, out
}

// TestBuiltinLibraryPasses runs the check over the built-in role library
// and ladder as they are on disk, whoever last changed them.
func TestBuiltinLibraryPasses(t *testing.T) {
	files, found := libraryFindings(t, filepath.Join("..", "..", "templates"), filepath.Join("..", "..", "ladders"))
	if files < 2 {
		t.Fatalf("found only %d YAML files in templates/ and ladders/", files)
	}
	for _, f := range found {
		t.Error(f)
	}
}

// TestLibraryScanFindsPlantedWords proves the scan above can fail.
func TestLibraryScanFindsPlantedWords(t *testing.T) {
	dir := t.TempDir()
	doc := "id: x\n# a foreman in a comment is skipped\nsummary: Plans manpower for the shift.\n"
	if err := os.WriteFile(filepath.Join(dir, "x.yaml"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, found := libraryFindings(t, dir)
	if len(found) != 1 || !strings.HasSuffix(found[0], `x.yaml:3:16: "manpower" (write: staffing, workforce or labor)`) {
		t.Errorf("planted word: %v", found)
	}
}
