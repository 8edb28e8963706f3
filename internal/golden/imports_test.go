package golden

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryTestPackageKnowsUpdate: "go test ./... -update" fails in any
// test package that does not define -update, so each must import this one.
func TestEveryTestPackageKnowsUpdate(t *testing.T) {
	root := filepath.Join("..", "..")
	imports := map[string]bool{}
	hasTests := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		dir := filepath.Dir(p)
		hasTests[dir] = true
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), `"github.com/jdgen/jdgen/internal/golden"`) {
			imports[dir] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(hasTests) < 5 {
		t.Fatalf("found only %d test packages; is the walk broken?", len(hasTests))
	}
	self := filepath.Join(root, "internal", "golden")
	for dir := range hasTests {
		if dir != self && !imports[dir] {
			t.Errorf("%s has tests but does not import internal/golden: go test ./... -update fails there", dir)
		}
	}
}
