// Package fpdfpatch holds the tests of jdgen's patches to fpdf
// (third_party/fpdf, see its PATCHES.md): they run with the main module's
// `go test ./...`, which does not enter the copy's own module.
package fpdfpatch
