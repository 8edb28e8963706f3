// Package yamlpatch holds the tests of jdgen's patch to go.yaml.in/yaml/v3
// (third_party/yaml, see its PATCHES.md): they run with the main module's
// `go test ./...`, which does not enter the copy's own module.
package yamlpatch
