// Package output writes the generated files into the output folder
// (DirWriter): staged inside the folder (.jdgen/stage), moved into place by
// a journaled commit (.jdgen/journal.json) that a later run finishes or
// undoes after a crash, under a lock (.jdgen/lock), replacing or removing
// only the files the previous generation's manifest (.jdgen/manifest.json)
// lists. A file the new generation holds exactly as the previous one left
// it stays in place, unstaged. The folder always holds exactly one
// generation, and files jdgen did not write are never touched.
//
// Each output format has its own package below this one, and no format
// package imports another:
//
//   - output/pdf: job-description PDFs (job-descriptions/<id>.pdf) and
//     posting PDFs (postings/<id>.pdf), fpdf.
//   - output/xlsx: the career-ladder workbook (career-ladder.xlsx), excelize.
//   - output/web: posting web pages with schema.org JobPosting JSON-LD
//     (postings/<id>.html) and the careers index (postings/index.html).
//   - output/markdown: Markdown postings (postings/<id>.md).
//
// output/posting is not a format: it is the posting document model, built
// from the model, that every posting format renders.
//
// A renderer only reads the resolved generator.Model; it never re-derives
// business facts. Each builds a document model first and renders it
// second, and is wired into a run as a generator.Step by internal/cli.
// Tests read generated PDFs back with internal/pdftext.
package output
