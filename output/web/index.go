package web

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/output/posting"
)

// hoursPerYear turns an hourly rate into a yearly one for sorting by pay.
const hoursPerYear = 2080

// indexScript sorts and filters the careers table in the page itself (no
// request). Without script the table is complete and the controls are
// hidden.
const indexScript = `(function(){
var table=document.getElementById("positions"),body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
var q=document.getElementById("q"),wp=document.getElementById("workplace"),count=document.getElementById("count");
document.getElementById("filters").hidden=false;
function filter(){
var text=q.value.trim().toLowerCase(),w=wp.value,n=0;
rows.forEach(function(r){var show=(!text||r.textContent.toLowerCase().indexOf(text)>=0)&&(!w||r.getAttribute("data-workplace")===w);r.hidden=!show;if(show)n++;});
count.textContent=n+(n===1?" position":" positions")+" shown";
}
q.addEventListener("input",filter);wp.addEventListener("change",filter);
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){
var b=th.querySelector("button");if(!b)return;
b.addEventListener("click",function(){
var asc=th.getAttribute("aria-sort")!=="ascending";
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(o){if(o.querySelector("button"))o.setAttribute("aria-sort","none");});
th.setAttribute("aria-sort",asc?"ascending":"descending");
rows.sort(function(x,y){var a=x.cells[col].getAttribute("data-sort"),c=y.cells[col].getAttribute("data-sort");
var d=(th.getAttribute("data-type")==="number")?(parseFloat(a)-parseFloat(c)):a.localeCompare(c);return asc?d:-d;});
rows.forEach(function(r){body.appendChild(r);});
});
});
filter();
})();`

// Index renders the careers index: every open role with its title,
// location, workplace, employment type and pay, linking its page and its
// PDF, in a table a small inline script sorts and filters.
func Index(docs []posting.Document, company, lang string, a Assets) []byte {
	rows := make([]indexRow, len(docs))
	for i, d := range docs {
		rows[i] = rowOf(d)
	}
	var b bytes.Buffer
	_ = writeIndex(&b, len(rows), rowsHave(rows), eachRow(rows), company, lang, a) // a bytes.Buffer takes every write
	return b.Bytes()
}

// rowsHave tells whether a workplace is among rows (writeIndex's has).
func rowsHave(rows []indexRow) func(string) bool {
	return func(w string) bool {
		return slices.ContainsFunc(rows, func(r indexRow) bool { return r.workplace == w })
	}
}

// eachRow hands rows over in order (writeIndex's each).
func eachRow(rows []indexRow) func(func(indexRow) error) error {
	return func(row func(indexRow) error) error {
		for _, r := range rows {
			if err := row(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// indexRow is what the index shows of one posting. The step makes each
// again from its posting while the index is written, so none is kept.
type indexRow struct {
	id, title, location, workplace, employment string
	pay, paySort                               string
}

// rowOf is the index row of posting d.
func rowOf(d posting.Document) indexRow {
	r := indexRow{id: d.RoleID, title: d.Title, location: d.Location, workplace: d.Workplace,
		employment: d.EmploymentType, pay: "Not stated", paySort: "-1"}
	for _, f := range d.Facts {
		if f.Label == indexLocationFact {
			r.location = f.Value
		}
	}
	if d.Pay != nil {
		r.pay = d.Pay.Text
		v := d.Pay.Min
		if d.Pay.Period == "hour" {
			v *= hoursPerYear
		}
		r.paySort = strconv.FormatFloat(v, 'f', 0, 64)
	}
	return r
}

// indexFlushBytes is how much of the index is formatted before it is
// handed to the writer.
const indexFlushBytes = 32 << 10

// writeIndex writes the careers index of n positions to w, front to back,
// never holding more than indexFlushBytes of it: each hands over the rows
// in order (and stops at the first error), has tells whether a workplace
// is among them (for the filter's choices).
func writeIndex(w io.Writer, n int, has func(workplace string) bool, each func(row func(indexRow) error) error, company, lang string, a Assets) error {
	var b bytes.Buffer
	flush := func() error {
		_, err := w.Write(b.Bytes())
		b.Reset()
		return err
	}
	css := indexStyle(a.Brand)
	title := "Open positions at " + company
	head(&b, lang, title, fmt.Sprintf("%d open positions at %s.", n, company), css, indexScript)
	b.WriteString("</head>\n<body class=\"index\">\n")
	b.WriteString("<a class=\"skip\" href=\"#main\">Skip to the positions</a>\n")
	drawBanner(&b, company, a)
	b.WriteString("<main id=\"main\">\n<h1>" + esc(title) + "</h1>\n")
	fmt.Fprintf(&b, "<p class=\"intro\">%s. Select a position to read the full posting.</p>\n", esc(plural(n, "open position")))
	drawFilters(&b, has)
	drawTableHead(&b)
	err := each(func(r indexRow) error {
		drawRow(&b, r)
		if b.Len() < indexFlushBytes {
			return nil
		}
		return flush()
	})
	if err != nil {
		return err
	}
	b.WriteString("</tbody>\n</table>\n")
	b.WriteString("</main>\n<footer>\n<p>" + esc(company) + "</p>\n</footer>\n")
	b.WriteString("<script>" + indexScript + "</script>\n</body>\n</html>\n")
	return flush()
}

// indexLocationFact is the label of the posting fact whose value the index
// shows as the location (it names remote regions, say).
const indexLocationFact = "Location"

// drawFilters is the search box, the workplace filter and the live count,
// hidden until the script runs.
func drawFilters(b *bytes.Buffer, has func(workplace string) bool) {
	b.WriteString("<div id=\"filters\" class=\"filters\" hidden>\n")
	b.WriteString("<div><label for=\"q\">Search positions</label><input id=\"q\" type=\"search\" autocomplete=\"off\"></div>\n")
	b.WriteString("<div><label for=\"workplace\">Workplace</label><select id=\"workplace\"><option value=\"\">All workplaces</option>")
	for _, w := range generator.Workplaces {
		if has(w) {
			b.WriteString("<option value=\"" + esc(w) + "\">" + esc(generator.Label(w)) + "</option>")
		}
	}
	b.WriteString("</select></div>\n")
	b.WriteString("<p id=\"count\" role=\"status\" aria-live=\"polite\"></p>\n</div>\n")
}

// drawTableHead opens the positions table; sortable columns have a button
// in their header.
func drawTableHead(b *bytes.Buffer) {
	b.WriteString("<table id=\"positions\">\n<caption class=\"intro\">Open positions; select a column heading to sort.</caption>\n<thead><tr>")
	sortable := func(label, typ string) {
		fmt.Fprintf(b, "<th scope=\"col\" aria-sort=\"none\" data-type=\"%s\"><button type=\"button\">%s</button></th>", typ, esc(label))
	}
	sortable("Position", "text")
	sortable("Location", "text")
	sortable("Workplace", "text")
	sortable("Employment type", "text")
	sortable("Pay", "number")
	b.WriteString("<th scope=\"col\">Posting as PDF</th></tr></thead>\n<tbody>\n")
}

// drawRow is one position of the table.
func drawRow(b *bytes.Buffer, r indexRow) {
	fmt.Fprintf(b, "<tr data-workplace=\"%s\">", esc(r.workplace))
	fmt.Fprintf(b, "<td data-sort=\"%s\"><a href=\"%s.html\">%s</a></td>", esc(r.title), esc(r.id), esc(r.title))
	fmt.Fprintf(b, "<td data-sort=\"%s\">%s</td>", esc(r.location), esc(r.location))
	w := generator.Label(r.workplace)
	fmt.Fprintf(b, "<td data-sort=\"%s\">%s</td>", esc(w), esc(w))
	e := generator.Label(r.employment)
	fmt.Fprintf(b, "<td data-sort=\"%s\">%s</td>", esc(e), esc(e))
	fmt.Fprintf(b, "<td class=\"pay\" data-sort=\"%s\">%s</td>", r.paySort, esc(r.pay))
	fmt.Fprintf(b, "<td><a href=\"%s.pdf\" aria-label=\"%s\">PDF</a></td>", esc(r.id), esc("PDF of "+r.title))
	b.WriteString("</tr>\n")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
