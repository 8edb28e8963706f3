package output

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strconv"
)

// The journal and the manifest list every file of a generation (40,000 at
// 10,000 roles): encoding/json built each in one buffer, about 8 MB at
// once at the end of a big run, the run's highest point once rendering
// was streamed. They are written here entry by entry instead, in the
// bytes encoding/json writes (TestStreamedJSONMatchesEncodingJSON).

// jsonWriter writes JSON to a buffered writer, keeping the first error.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// str writes s as a JSON string, escaped as encoding/json escapes it.
func (j *jsonWriter) str(s string) {
	if j.err != nil {
		return
	}
	b, err := json.Marshal(s)
	if err != nil {
		j.err = err
		return
	}
	_, j.err = j.w.Write(b)
}

// strings writes list as a JSON array (null when nil).
func (j *jsonWriter) strings(list []string) {
	if list == nil {
		j.raw("null")
		return
	}
	j.raw("[")
	for i, s := range list {
		if i > 0 {
			j.raw(",")
		}
		j.str(s)
	}
	j.raw("]")
}

// manifest writes m as json.Marshal does (indent "") or as
// json.MarshalIndent(m, prefix, indent) does, at depth levels of nesting.
func (j *jsonWriter) manifest(m *manifest, indent string, depth int) {
	nl := func(d int) {
		if indent != "" {
			j.raw("\n")
			for range d {
				j.raw(indent)
			}
		}
	}
	sep := ":"
	if indent != "" {
		sep = ": "
	}
	j.raw("{")
	nl(depth + 1)
	j.raw(`"version"` + sep)
	j.raw(strconv.Itoa(m.Version))
	j.raw(",")
	nl(depth + 1)
	j.raw(`"files"` + sep)
	if m.Files == nil {
		j.raw("null")
	} else {
		names := make([]string, 0, len(m.Files))
		for name := range m.Files {
			names = append(names, name)
		}
		slices.Sort(names)
		j.raw("{")
		for i, name := range names {
			if i > 0 {
				j.raw(",")
			}
			nl(depth + 2)
			j.str(name)
			j.raw(sep)
			j.str(m.Files[name])
		}
		if len(names) > 0 {
			nl(depth + 1)
		}
		j.raw("}")
	}
	nl(depth)
	j.raw("}")
}

// journal writes jr as json.Marshal does.
func (j *jsonWriter) journal(jr *journal) {
	j.raw(`{"phase":`)
	j.str(jr.Phase)
	j.raw(`,"aside":`)
	j.strings(jr.Aside)
	for _, f := range []struct {
		key  string
		list []string
	}{{"remove", jr.Remove}, {"mkdir", jr.Mkdir}, {"put_dirs", jr.PutDirs}} {
		if len(f.list) > 0 { // omitempty
			j.raw(`,"` + f.key + `":`)
			j.strings(f.list)
		}
	}
	j.raw(`,"put":`)
	j.strings(jr.Put)
	j.raw(`,"manifest":`)
	j.manifest(&jr.Manifest, "", 0)
	if jr.OldManifest != nil {
		j.raw(`,"old_manifest":`)
		j.manifest(jr.OldManifest, "", 0)
	}
	j.raw("}")
}

// writeAtomicWith writes p through a temporary file and a rename, so p is
// always either the old or the new content; write makes the content as it
// is written.
func writeAtomicWith(p string, write func(w *bufio.Writer) error) error {
	tmp := p + ".tmp"
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, p)
}
