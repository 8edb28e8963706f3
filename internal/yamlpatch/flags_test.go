package yamlpatch

// The -update flag every test package accepts (internal/golden), so that
// `go test ./... -update` runs here too; this package has no golden files.
import _ "github.com/jdgen/jdgen/internal/golden"
