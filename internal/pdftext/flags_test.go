package pdftext

import _ "github.com/jdgen/jdgen/internal/golden" // registers -update
