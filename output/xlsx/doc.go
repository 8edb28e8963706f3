// Package xlsx renders the career-ladder workbook (career-ladder.xlsx)
// with excelize: Overview, Ladder, Competencies, Roles, Responsibilities,
// Comparison and Org Chart sheets, streamed.
//
// The files: xlsx.go (styles, CareerLadderStep, BuildWorkbook), sheets.go
// (one function per sheet), metrics.go (text widths and row heights),
// zip.go (a deterministic zip writer) and errors.go. The golden dumps of the
// example workbooks are in testdata.
package xlsx
