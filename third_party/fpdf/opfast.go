package fpdf

// jdgen patch 12: the operators written most often after Text (the font
// selection, line widths and the numbers of lines and rectangles) go into
// the page content without a string each. SetFont and SetFontSize wrote
// "BT /Fi size Tf ET" with fmt.Sprintf; putF64 and putInt, which Line,
// Rect and the other path operators use, made a string of every number;
// SetLineWidth made two; Rect concatenated its painting operator; SetFont
// lower-cased the family name each time (now once per name). The same
// bytes are written: the numbers are
// formatted by strconv's AppendFloat, as fmtF64 and fmt's %.2f do for
// finite numbers (a size that is not finite takes fpdf's own path).

import (
	"math"
	"strconv"
	"strings"
)

// putBytes writes b, as put does a string.
func (f *Fpdf) putBytes(b []byte) {
	if f.state == 2 {
		must(f.pages[f.page].Write(b))
	} else {
		must(f.buffer.Write(b))
	}
}

// outFontOp writes "BT /F<i> <size> Tf ET" for the current font.
func (f *Fpdf) outFontOp() {
	if math.IsInf(f.fontSizePt, 0) || math.IsNaN(f.fontSizePt) {
		f.outf("BT /F%s %.2f Tf ET", f.currentFont.i, f.fontSizePt)
		return
	}
	b := append(f.fmt.buf[:0], "BT /F"...)
	b = append(b, f.currentFont.i...)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, f.fontSizePt, 'f', 2, 64)
	b = append(b, " Tf ET\n"...)
	f.putBytes(b)
	f.fmt.buf = b
}

// outLineWidthOp writes "<width> w".
func (f *Fpdf) outLineWidthOp(width float64) {
	b := strconv.AppendFloat(f.fmt.buf[:0], width*f.k, 'f', 2, 64)
	b = append(b, " w\n"...)
	f.putBytes(b)
	f.fmt.buf = b
}

// lowerFamily is strings.ToLower(family), kept for the last name asked.
func (f *Fpdf) lowerFamily(family string) string {
	if family != f.lastFamily {
		f.lastFamily, f.lastFamilyLower = family, strings.ToLower(family)
	}
	return f.lastFamilyLower
}
