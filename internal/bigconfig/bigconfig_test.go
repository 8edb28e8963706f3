package bigconfig

import (
	"bytes"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	_ "github.com/jdgen/jdgen/internal/golden" // registers -update
)

func TestGeneratedConfigsValidate(t *testing.T) {
	for _, n := range []int{1, 7, 100, 1000} {
		var buf bytes.Buffer
		if err := Write(&buf, n); err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		Write(&again, n)
		if !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Fatalf("n=%d: output not deterministic", n)
		}
		cfg, err := generator.Parse(buf.Bytes(), "big.yaml", t.TempDir())
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		m, err := generator.Resolve(cfg, generator.Settings{Date: time.Unix(0, 0)})
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Roles) != n {
			t.Errorf("n=%d: %d roles", n, len(m.Roles))
		}
		if n >= 100 {
			focusKeys := map[string]bool{}
			for _, r := range m.Roles {
				focusKeys[r.FocusKey] = true
			}
			if len(focusKeys) < 5 {
				t.Errorf("n=%d: only %d distinct focuses", n, len(focusKeys))
			}
		}
	}
}
