package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/jdgen/jdgen/internal/golden"
)

// bigModelRoles is the size of the generated company whose model JSON is
// pinned: large enough for every kind of role bigconfig writes (regions,
// sites, focuses, departments, hourly and salaried pay, remote roles).
const bigModelRoles = 2000

// The JSON of a large resolved model, written as `jdgen resolve` writes
// it, stays byte for byte what it was: the layout of Role in memory (which
// fields are grouped behind shared pointers) never shows in it. The golden
// is the JSON's SHA-256 (the JSON is 26 MB); the testdata/ cases keep
// small models' JSON whole.
func TestBigModelJSON(t *testing.T) {
	m, err := Resolve(parseBig(t, bigModelRoles), Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("%d roles, %d bytes, sha256 %x\n", len(m.Roles), buf.Len(), sha256.Sum256(buf.Bytes()))
	golden.Check(t, filepath.Join("testdata", "big-model.json.sha256"), []byte(got))
}
