package pdfobj

// Registers -update so that "go test ./... -update" runs in every package.
import _ "github.com/jdgen/jdgen/internal/golden"
