package output

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// manifestVersion is the manifest format's version.
const manifestVersion = 1

// manifest lists every file one generation wrote, relative to the output
// folder (slash-separated), with the SHA-256 of its content. A file is
// jdgen's to replace or remove only while it is listed here with the same
// content.
type manifest struct {
	Version int               `json:"version"`
	Files   map[string]string `json:"files"`
}

// ManifestPath is where the manifest of the output folder out is.
func ManifestPath(out string) string { return filepath.Join(out, StateDir, manifestName) }

// ReadManifest returns the files (slash-separated name -> SHA-256, hex)
// the last complete generation wrote into the output folder out; empty if
// there is none.
func ReadManifest(out string) (map[string]string, error) {
	m, err := readManifest(out)
	return m.Files, err
}

func readManifest(target string) (manifest, error) {
	b, err := os.ReadFile(ManifestPath(target))
	if errors.Is(err, fs.ErrNotExist) {
		return manifest{}, nil
	}
	if err != nil {
		return manifest{}, fmt.Errorf("%w: %w", ErrManifest, err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil || m.Version != manifestVersion {
		return manifest{}, fmt.Errorf("%w: %s cannot be read; pass --force to replace the output anyway", ErrManifest, ManifestPath(target))
	}
	for name, h := range m.Files {
		if !localName(name) || len(h) != 64 {
			return manifest{}, fmt.Errorf("%w: %s lists %q, which is not a file name jdgen writes; pass --force to replace the output anyway", ErrManifest, ManifestPath(target), name)
		}
	}
	return m, nil
}

// writeManifest replaces the manifest atomically; nil removes it.
func writeManifest(target string, m *manifest) error {
	p := ManifestPath(target)
	if m == nil {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	return writeAtomicWith(p, func(w *bufio.Writer) error {
		jw := &jsonWriter{w: w}
		jw.manifest(m, "  ", 0)
		jw.raw("\n")
		return jw.err
	})
}
