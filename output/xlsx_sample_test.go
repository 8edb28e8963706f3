package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
)

func TestXLSXSample(t *testing.T) {
	dir := os.Getenv("XLSX_SAMPLE_DIR")
	if dir == "" {
		t.Skip()
	}
	for _, name := range []string{"company", "small-business"} {
		cfg, err := generator.Load("../examples/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		m, err := generator.Resolve(cfg, generator.Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC(), Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		data, err := BuildWorkbook(m)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, name), 0o755)
		os.WriteFile(filepath.Join(dir, name, "career-ladder.xlsx"), data, 0o644)
	}
}
