// Package excelizepatch tests jdgen's patch to its copy of excelize in
// third_party/excelize (listed in third_party/excelize/PATCHES.md). The
// copy is its own module, which `go test ./...` does not enter, so its
// tests live here.
package excelizepatch
