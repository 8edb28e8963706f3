package xlsx

import "errors"

// Errors returned by the career-ladder workbook renderer. Callers test them
// with errors.Is; the wrapped error says which sheet or part failed.
var (
	// ErrWorkbookNoModel means BuildWorkbook was given a nil model.
	ErrWorkbookNoModel = errors.New("career ladder workbook: no model to render")
	// ErrWorkbookBuild means the spreadsheet library refused an operation
	// while a sheet was being written (a bug in jdgen, not in the config).
	ErrWorkbookBuild = errors.New("career ladder workbook could not be built")
	// ErrWorkbookTemplate means a built-in role template the Comparison sheet
	// always shows is missing from the embedded library.
	ErrWorkbookTemplate = errors.New("career ladder workbook: built-in template missing")
	// ErrWorkbookTooLarge means a sheet would need more rows than a workbook
	// can hold (1,048,576).
	ErrWorkbookTooLarge = errors.New("career ladder workbook: too many rows for one sheet")
)
