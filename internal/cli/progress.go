package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// progressWidth is the width of the progress bar in characters.
const progressWidth = 30

// progress draws a bar on a terminal and stays silent otherwise (the
// command prints one summary line at the end).
type progress struct {
	w     io.Writer
	tty   bool
	total int
	n     int
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) step(name string) {
	p.n++
	if !p.tty || p.total <= 0 {
		return
	}
	filled := min(progressWidth, p.n*progressWidth/p.total)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %-40.40s", strings.Repeat("#", filled), strings.Repeat(" ", progressWidth-filled), p.n, p.total, name)
}

func (p *progress) done() {
	if p.tty && p.n > 0 {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
