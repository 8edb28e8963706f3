package pdf

import (
	"testing"

	"github.com/jdgen/jdgen/internal/pdftag"
)

// A side label longer than its first item runs on beside the next items:
// the rows are as tall as the items alone (no gap under the first item),
// the label is still one cell drawn before the items, and the rows it runs
// beside are kept on its page. A label the items are too short to take
// keeps its own height.
func TestGroupLabelRunsOnBesideItems(t *testing.T) {
	l := pdfTestLayout()
	items := []string{"Works from the main office.", "Travels often.", "Is on call."}
	groups := []JDGroup{{Heading: "Working environment", Items: items}}
	label := l.wrap(pdfStyle{face: "B", size: pdfSubheadSize, color: pdfInk}, "Working environment", pdfGroupLabelW-pdfGroupLabelGap)
	if len(label) < 2 {
		t.Fatalf("the label takes %d line; the test needs one that wraps", len(label))
	}
	rows := l.drawGroups(groups, 1, pdftag.Elem(0))
	if len(rows) != len(items) {
		t.Fatalf("%d rows for %d one-line items", len(rows), len(items))
	}
	for i, r := range rows {
		if r.lines() != 1 {
			t.Errorf("row %d is %d lines tall; the items are one line each", i, r.lines())
		}
	}
	if c := rows[0].cells[0]; !c.hang || len(c.lines) != len(label) {
		t.Errorf("the label cell: hang %v, %d lines", c.hang, len(c.lines))
	}
	for i := 0; i < len(label)-1; i++ {
		if !rows[i].keepNext {
			t.Errorf("row %d, beside which the label runs on, is not kept with the next", i)
		}
	}
	if rows[len(rows)-1].keepNext {
		t.Error("the last row is kept with what follows")
	}

	// Laid out on a page, every line of the label is drawn, before the
	// items' text, and the block is as tall as its items.
	l.newPage()
	top := l.y
	l.flow(rows)
	want := 0.0
	for i, r := range rows {
		want += r.height()
		if i > 0 {
			want += r.before
		}
	}
	if got := l.y - top; got != want || want >= float64(len(items)+1)*pdfBodyLead {
		t.Errorf("the block is %.1f pt tall, want %.1f (the items' lines)", got, want)
	}
	var texts []string
	for _, op := range l.pages[l.cur] {
		if op.kind == pdfOpText {
			texts = append(texts, op.text)
		}
	}
	if len(texts) < len(label) || texts[0] != label[0][0].text || texts[1] != label[1][0].text {
		t.Errorf("drawn texts %q: the label's lines do not come first", texts)
	}

	// One short item cannot take a two-line label: the row is two lines.
	short := l.drawGroups([]JDGroup{{Heading: "Working environment", Items: items[:1]}}, 1, pdftag.Elem(0))
	if len(short) != 1 || short[0].lines() != len(label) || short[0].cells[0].hang {
		t.Errorf("a label longer than all its items: %d rows, %d lines", len(short), short[0].lines())
	}
}
