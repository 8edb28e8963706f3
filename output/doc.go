// Package output writes the generated files atomically into the output
// folder (DirWriter): into a temporary folder beside it, moved into place
// at the end, so a failed or interrupted run leaves the previous output as
// it was.
//
// Each output format has its own package below this one, and no format
// package imports another:
//
//   - output/pdf: job-description PDFs (job-descriptions/<id>.pdf), fpdf.
//   - output/xlsx: the career-ladder workbook (career-ladder.xlsx), excelize.
//
// A renderer only reads the resolved generator.Model; it never re-derives
// business facts. Each builds a document model first and renders it
// second, and is wired into a run as a generator.Step by internal/cli.
// Tests read generated PDFs back with internal/pdftext.
package output
