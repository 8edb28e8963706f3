package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// The journal and the manifest are written entry by entry in exactly the
// bytes encoding/json writes for them, so files of earlier runs and of
// this one read the same: names that need escaping, empty and missing
// lists and manifests included.
func TestStreamedJSONMatchesEncodingJSON(t *testing.T) {
	files := map[string]string{
		"job-descriptions/coo.pdf": "ab", `postings/"quoted".html`: "cd", "postings/a<b>&c.md": "ef",
		"postings/ünïcode-名前.pdf": "01", "tab\there": "23", "line\u2028sep": "45",
	}
	for i := range 50 {
		files[fmt.Sprintf("postings/r%03d.html", i)] = fmt.Sprintf("%064d", i)
	}
	manifests := []*manifest{
		{Version: 1, Files: files},
		{Version: 1, Files: map[string]string{}},
		{Version: 1},
	}
	for i, m := range manifests {
		for _, indent := range []string{"", "  "} {
			var want []byte
			var err error
			if indent == "" {
				want, err = json.Marshal(m)
			} else {
				want, err = json.MarshalIndent(m, "", indent)
			}
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			w := bufio.NewWriter(&b)
			jw := &jsonWriter{w: w}
			jw.manifest(m, indent, 0)
			if err := w.Flush(); err != nil || jw.err != nil {
				t.Fatal(err, jw.err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("manifest %d, indent %q:\n got %s\nwant %s", i, indent, b.Bytes(), want)
			}
		}
	}
	journals := []*journal{
		{Phase: phasePrepared, Aside: []string{"a", "b<"}, Remove: []string{"a"}, Mkdir: []string{"d"}, PutDirs: []string{"postings"}, Put: []string{"x"}, Manifest: *manifests[0], OldManifest: manifests[1]},
		{Phase: phaseCommitted, Manifest: *manifests[2]},
		{Phase: phasePrepared, Aside: []string{}, Remove: []string{}, Put: []string{}, Manifest: *manifests[1]},
	}
	for i, jr := range journals {
		want, err := json.Marshal(jr)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		jw := &jsonWriter{w: w}
		jw.journal(jr)
		if err := w.Flush(); err != nil || jw.err != nil {
			t.Fatal(err, jw.err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("journal %d:\n got %s\nwant %s", i, b.Bytes(), want)
		}
	}
}
