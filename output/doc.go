// Package output renders the resolved model into files: job-description
// PDFs (fpdf) and the career-ladder workbook (excelize). It also writes them
// atomically into the output folder (DirWriter). Renderers only read the
// model; they never re-derive business facts.
package output
