package paylaw

import "errors"

// ErrBadTable means a rules table does not parse or breaks a table rule
// (unique codes, known kinds, dates that parse, a source and a checked date
// on every row). Callers test it with errors.Is.
var ErrBadTable = errors.New("pay-transparency rules table invalid")
