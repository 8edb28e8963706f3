package xlsx

import (
	"math"
	"strings"
)

// Text measurement for column widths and row heights. excelize cannot
// measure text, Excel recomputes row heights only when a cell is edited and
// LibreOffice keeps the stored height, so the workbook stores the heights
// its wrapped text needs. Widths come from the advance widths of Calibri
// (measured on Carlito, its metric-compatible twin), the workbook's font.

// xlsxCalibriRegular and xlsxCalibriBold are the advance widths of ASCII
// 32..126 in units of 1/2048 em.
var (
	xlsxCalibriRegular = [95]uint16{
		463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791,
		1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949,
		1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356,
		1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020,
		596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080,
		1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
	}
	xlsxCalibriBold = [95]uint16{
		463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 880,
		1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949,
		1840, 1241, 1148, 1084, 1291, 999, 940, 1305, 1292, 546, 678, 1120, 866, 1790, 1349, 1385,
		1090, 1405, 1153, 968, 1014, 1337, 1211, 1856, 1128, 1064, 979, 665, 880, 665, 1020, 1020,
		615, 1011, 1099, 857, 1099, 1031, 648, 971, 1099, 503, 523, 983, 503, 1666, 1099, 1101,
		1099, 1099, 728, 817, 710, 1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020,
	}
)

// Font and cell geometry, in pixels at 96 dpi unless noted.
const (
	// xlsxFontFamily and xlsxFontSize (points) are the body font.
	xlsxFontFamily = "Calibri"
	xlsxFontSize   = 11.0
	// xlsxUnitsPerEm is the font's design grid.
	xlsxUnitsPerEm = 2048.0
	// xlsxOtherAdvance is assumed for any non-ASCII letter (a digit's width,
	// wider than most accented Latin letters); xlsxWideAdvance for East
	// Asian characters.
	xlsxOtherAdvance = 1100
	xlsxWideAdvance  = 2048
	// xlsxColumnUnit is the pixel width of one unit of column width (the
	// widest digit of Calibri 11 as Excel rounds it).
	xlsxColumnUnit = 7.0
	// xlsxCellPadding is the part of a column's width text cannot use.
	xlsxCellPadding = 7.0
	// xlsxIndentPixels is one indent step of the Alignment.Indent property.
	xlsxIndentPixels = 9.0
	// xlsxLineHeight is one line of 11 pt text, in points; xlsxRowPadding
	// is added to rows of more than one line.
	xlsxLineHeight = 15.0
	xlsxRowPadding = 2.0
	// xlsxTextSafety widens every measured text a little: applications
	// wrap at other break points and round pixels their own way, and a
	// row a little too tall reads better than clipped text.
	xlsxTextSafety = 1.06
)

// xlsxTextPixels is the width of one line of text at size points.
func xlsxTextPixels(line string, bold bool, size float64) float64 {
	table := &xlsxCalibriRegular
	if bold {
		table = &xlsxCalibriBold
	}
	units := 0
	for _, r := range line {
		switch {
		case r >= 32 && r < 127:
			units += int(table[r-32])
		case xlsxWideRune(r):
			units += xlsxWideAdvance
		default:
			units += xlsxOtherAdvance
		}
	}
	return float64(units) / xlsxUnitsPerEm * size * 96 / 72 * xlsxTextSafety
}

// xlsxTextWidth is the column width that fits the longest line of text.
func xlsxTextWidth(text string, bold bool) float64 {
	best := 0.0
	for line := range strings.SplitSeq(text, "\n") {
		best = math.Max(best, xlsxTextPixels(line, bold, xlsxFontSize))
	}
	return (best + xlsxCellPadding) / xlsxColumnUnit
}

func xlsxWideRune(r rune) bool {
	return (r >= 0x1100 && r <= 0x115F) || (r >= 0x2E80 && r <= 0xA4CF) ||
		(r >= 0xAC00 && r <= 0xD7A3) || (r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || r >= 0x20000
}

// xlsxWrapLines counts the lines text takes in a column width wide when
// wrapped at spaces, indented by indent steps.
func xlsxWrapLines(text string, width float64, indent int, bold bool, size float64) int {
	avail := max(width*xlsxColumnUnit-xlsxCellPadding-float64(indent)*xlsxIndentPixels, 1)
	space := xlsxTextPixels(" ", bold, size)
	lines := 0
	for para := range strings.SplitSeq(text, "\n") {
		lines++
		cur := 0.0
		for _, word := range strings.Fields(para) {
			w := xlsxTextPixels(word, bold, size)
			switch {
			case cur == 0:
				cur = w
			case cur+space+w <= avail:
				cur += space + w
			default:
				lines++
				cur = w
			}
			for cur > avail { // a word longer than the line breaks anywhere
				lines++
				cur -= avail
			}
		}
	}
	return lines
}
