package xlsx

// Test helpers: the fix-ups applied to a whole part, and the used range
// found by scanning a written worksheet's cells, which the dimension the
// stream writer recorded must equal.

import (
	"bytes"
	"fmt"
	"strconv"
)

// xlsxCellRef is the start of a cell element and its reference.
var xlsxCellRef = []byte(`<c r="`)

// xlsxFixPart returns the part named name with the fix-ups that apply to
// it; other parts come back unchanged.
func xlsxFixPart(name string, data []byte) ([]byte, error) {
	switch {
	case name == xlsxCorePart:
		return xlsxFixCore(data)
	case xlsxIsSheet(name):
		return xlsxFixSheet(name, data)
	}
	return data, nil
}

// xlsxFixSheet applies xlsxSheetFixer to a whole part, with the range
// a scan of its cells finds.
func xlsxFixSheet(name string, data []byte) ([]byte, error) {
	ref, err := xlsxUsedRange(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrWorkbookBuild, name, err)
	}
	var out bytes.Buffer
	s := &xlsxSheetFixer{name: name, ref: ref, out: &out}
	if _, err := s.Write(data); err != nil {
		return nil, err
	}
	if err := s.close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// xlsxUsedRange is the range covering every cell element of a worksheet,
// styled blanks included (as Excel counts it), or "A1" for an empty sheet.
func xlsxUsedRange(data []byte) (string, error) {
	var used xlsxRange
	for i := 0; ; {
		j := bytes.Index(data[i:], xlsxCellRef)
		if j < 0 {
			break
		}
		start := i + j + len(xlsxCellRef)
		end := bytes.IndexByte(data[start:], '"')
		if end < 0 {
			return "", fmt.Errorf("unterminated cell reference")
		}
		col, row, err := xlsxSplitRef(data[start : start+end])
		if err != nil {
			return "", err
		}
		used.add(col, row)
		i = start + end
	}
	return used.ref(), nil
}

// xlsxSplitRef splits "AB12" into column 28 and row 12.
func xlsxSplitRef(ref []byte) (col, row int, err error) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err = strconv.Atoi(string(ref[i:]))
	if i == 0 || err != nil || row < 1 {
		return 0, 0, fmt.Errorf("bad cell reference %q", ref)
	}
	return col, row, nil
}
