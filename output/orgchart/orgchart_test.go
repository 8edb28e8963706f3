package orgchart

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/bigconfig"
	_ "github.com/jdgen/jdgen/internal/golden" // registers -update
	"github.com/jdgen/jdgen/internal/pdftag"
	"github.com/jdgen/jdgen/internal/pdftext"
	"github.com/jdgen/jdgen/internal/steptest"
)

var testDate = time.Unix(1700000000, 0).UTC()

func modelFrom(t testing.TB, doc []byte) *generator.Model {
	t.Helper()
	return steptest.Model(t, doc, testDate)
}

func example(t testing.TB, name string) *generator.Model {
	t.Helper()
	return steptest.Example(t, strings.TrimSuffix(name, ".yaml"), testDate)
}

func big(t testing.TB, n int) *generator.Model {
	t.Helper()
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, n); err != nil {
		t.Fatal(err)
	}
	return modelFrom(t, buf.Bytes())
}

func build(t testing.TB, m *generator.Model) *Chart {
	t.Helper()
	c, err := Build(m)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return c
}

const eps = 1e-6

// checkChart asserts what every chart promises: every role drawn once as
// a primary box, pages that fit at a legible scale, no overlapping boxes,
// orthogonal connectors reaching every box but the page's root, and
// continuation references that point at the right page and back.
func checkChart(t *testing.T, m *generator.Model, c *Chart) {
	t.Helper()
	pw, ph, _, err := pageSize(c.Paper)
	if err != nil {
		t.Fatal(err)
	}
	aw, ah := contentArea(pw, ph)
	primary := map[string]int{}
	rootOf := map[string]int{}
	for i, p := range c.Pages {
		if p.Number != i+1 {
			t.Fatalf("page %d numbered %d", i+1, p.Number)
		}
		if p.Scale < MinScale-eps || p.Scale > 1+eps {
			t.Errorf("page %d scale %.3f outside [%.3f, 1]", p.Number, p.Scale, MinScale)
		}
		if p.Width*p.Scale > aw+eps || p.Height*p.Scale > ah+eps {
			t.Errorf("page %d content %.0fx%.0f at %.3f does not fit %.0fx%.0f", p.Number, p.Width, p.Height, p.Scale, aw, ah)
		}
		if titleSize*p.Scale < MinTitleSize-eps {
			t.Errorf("page %d draws titles at %.2f pt", p.Number, titleSize*p.Scale)
		}
		if len(p.Boxes) == 0 {
			t.Fatalf("page %d is empty", p.Number)
		}
		for j, b := range p.Boxes {
			if b.X < -eps || b.Y < -eps || b.X+b.W > p.Width+eps || b.Y+b.H > p.Height+eps {
				t.Errorf("page %d: box %q outside the content (%.1f,%.1f)", p.Number, b.ID, b.X, b.Y)
			}
			if b.Kind == KindRole && !b.Repeat {
				if prev, dup := primary[b.ID]; dup {
					t.Errorf("role %s drawn on pages %d and %d", b.ID, prev, p.Number)
				}
				primary[b.ID] = p.Number
			}
			if j == 0 && b.Repeat {
				if _, ok := rootOf[b.ID]; !ok {
					rootOf[b.ID] = p.Number
				}
			}
			if j > 0 && b.Repeat {
				t.Errorf("page %d: box %s repeated but not the page's root", p.Number, b.ID)
			}
		}
		checkNoOverlap(t, p)
		checkConnectors(t, p)
	}
	if len(primary) != len(m.Roles) || c.Roles != len(m.Roles) {
		t.Errorf("%d roles drawn (Roles=%d), want %d", len(primary), c.Roles, len(m.Roles))
	}
	// References: a box continued on page N is the root of page N, which
	// says it continues from the box's page.
	for _, p := range c.Pages {
		for _, b := range p.Boxes {
			if b.ContinuedOn > 0 {
				if b.ContinuedOn > len(c.Pages) {
					t.Fatalf("page %d: %s continued on missing page %d", p.Number, b.ID, b.ContinuedOn)
				}
				q := c.Pages[b.ContinuedOn-1]
				if q.Boxes[0].ID != b.ID || q.Boxes[0].ContinuedFrom != p.Number || rootOf[b.ID] != q.Number {
					t.Errorf("page %d: %s continued on page %d, whose root is %s from page %d", p.Number, b.ID, b.ContinuedOn, q.Boxes[0].ID, q.Boxes[0].ContinuedFrom)
				}
				if r, ok := m.Role(b.ID); !ok || len(r.DirectReports) == 0 {
					t.Errorf("page %d: %s continues but has no reports", p.Number, b.ID)
				}
			}
			if b.ContinuedFrom > 0 && primary[b.ID] != b.ContinuedFrom {
				t.Errorf("page %d: %s continued from page %d but drawn on page %d", p.Number, b.ID, b.ContinuedFrom, primary[b.ID])
			}
		}
	}
	// Every report of every role is reachable: drawn on the role's page or
	// on a page the role continues on.
	for _, r := range m.Roles {
		for _, d := range r.DirectReports {
			if _, ok := primary[d]; !ok {
				t.Errorf("report %s of %s is not drawn", d, r.ID)
			}
		}
	}
}

func checkNoOverlap(t *testing.T, p Page) {
	t.Helper()
	// Boxes sorted into rows by Y; within a row none may overlap. Boxes
	// on different rows never overlap because rows are a box and a gap apart.
	rows := map[float64][]Box{}
	for _, b := range p.Boxes {
		rows[b.Y] = append(rows[b.Y], b)
	}
	for y, bs := range rows {
		for i := range bs {
			for j := i + 1; j < len(bs); j++ {
				a, b := bs[i], bs[j]
				if a.X < b.X+b.W-eps && b.X < a.X+a.W-eps {
					t.Fatalf("page %d row %.0f: boxes %s and %s overlap", p.Number, y, a.ID, b.ID)
				}
			}
		}
	}
	for y := range rows {
		for y2 := range rows {
			if y != y2 && math.Abs(y-y2) < boxH {
				t.Fatalf("page %d: rows at %.1f and %.1f overlap", p.Number, y, y2)
			}
		}
	}
}

func checkConnectors(t *testing.T, p Page) {
	t.Helper()
	for _, l := range p.Lines {
		if math.Abs(l.X1-l.X2) > eps && math.Abs(l.Y1-l.Y2) > eps {
			t.Fatalf("page %d: diagonal connector %+v", p.Number, l)
		}
	}
	// Every box but the root is reached by a line ending at its top
	// centre or, in a stacked column, at its left edge.
	for _, b := range p.Boxes[1:] {
		found := false
		for _, l := range p.Lines {
			top := math.Abs(l.X2-(b.X+b.W/2)) < eps && math.Abs(l.Y2-b.Y) < eps
			side := math.Abs(l.X2-b.X) < eps && math.Abs(l.Y2-(b.Y+b.H/2)) < eps
			if top || side {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("page %d: no connector reaches %s", p.Number, b.ID)
		}
	}
}

func TestSmallBusinessOnePage(t *testing.T) {
	m := example(t, "small-business.yaml")
	c := build(t, m)
	checkChart(t, m, c)
	if len(c.Pages) != 1 {
		t.Fatalf("%d pages, want 1", len(c.Pages))
	}
	p := c.Pages[0]
	top := p.Boxes[0]
	if top.Kind != KindTop || top.Title != "Chief Executive Officer" || p.Heading != "" {
		t.Errorf("top box %+v, heading %q", top, p.Heading)
	}
	if len(p.Boxes) != len(m.Roles)+1 || p.Scale != 1 {
		t.Errorf("%d boxes at scale %.2f, want %d at 1", len(p.Boxes), p.Scale, len(m.Roles)+1)
	}
	// One chain: CEO, VP, manager, coordinator, each on its own row,
	// straight under the one above.
	for i := 1; i < len(p.Boxes); i++ {
		a, b := p.Boxes[i-1], p.Boxes[i]
		if b.Y <= a.Y || math.Abs(a.X-b.X) > eps {
			t.Errorf("box %s not straight under %s", b.ID, a.ID)
		}
	}
	if b := p.Boxes[3]; b.ID != "ops-coordinator" || b.Facts != "OPS-1 · 2 people" || b.Location != "Boulder, CO" {
		t.Errorf("coordinator box %+v", b)
	}
}

func TestMainExampleOneLegiblePage(t *testing.T) {
	m := example(t, "company.yaml")
	c := build(t, m)
	checkChart(t, m, c)
	if len(c.Pages) != 1 {
		t.Fatalf("%d pages, want 1", len(c.Pages))
	}
	p := c.Pages[0]
	byID := map[string]Box{}
	for _, b := range p.Boxes {
		byID[b.ID] = b
	}
	// Levels in rows: the directors share a row, below the VP.
	if byID["dir-supply-chain"].Y != byID["dir-logistics"].Y || byID["dir-logistics"].Y <= byID["vp-ops"].Y {
		t.Error("directors not on one row under the VP")
	}
	// The VP is centred over its first and last report.
	vp := byID["vp-ops"]
	first, last := byID["dir-supply-chain"], byID["ops-analyst"]
	if mid := (first.X + last.X) / 2; math.Abs(vp.X-mid) > eps {
		t.Errorf("VP at %.1f, reports' centre %.1f", vp.X, mid)
	}
	// Siblings keep config order.
	if !(byID["dir-supply-chain"].X < byID["dir-logistics"].X && byID["dir-logistics"].X < byID["ops-analyst"].X) {
		t.Error("siblings out of config order")
	}
	if byID["coo"].Band != "executive" || byID["ops-analyst"].Band != "individual-contributor" || byID["dir-logistics"].Band != "management" {
		t.Error("bands not carried to boxes")
	}
	if got := strings.Join(byID["dir-supply-chain"].TitleLines, "|"); got != "Director of Operations,|Supply Chain" {
		t.Errorf("title lines %q", got)
	}
}

func TestThousandRolesSplitIntoLinkedPages(t *testing.T) {
	m := big(t, 1000)
	c := build(t, m)
	checkChart(t, m, c)
	if len(c.Pages) < 10 {
		t.Fatalf("%d pages for 1,000 roles", len(c.Pages))
	}
	o := c.Pages[0]
	if o.Heading != "Overview" || o.Boxes[0].Kind != KindTop {
		t.Errorf("page 1 heading %q, root %+v", o.Heading, o.Boxes[0])
	}
	cont := 0
	for _, b := range o.Boxes {
		if b.ContinuedOn > 0 {
			cont++
		}
	}
	if cont == 0 {
		t.Error("the overview continues nowhere")
	}
	// A VP's directors all continue on their own pages, so they stand in
	// columns under the VP: one page per VP, each director box continued.
	vp := c.Pages[1]
	if vp.Boxes[0].ID != "vp-1" || vp.Parts != 0 {
		t.Fatalf("page 2 shows %s (part %d of %d)", vp.Boxes[0].ID, vp.Part, vp.Parts)
	}
	for _, b := range vp.Boxes[1:] {
		if !strings.HasPrefix(b.ID, "dir-") || b.ContinuedOn == 0 {
			t.Errorf("page 2: box %s continued on %d", b.ID, b.ContinuedOn)
		}
	}
}

func TestHostileShapes(t *testing.T) {
	head := "version: 1\ncompany: {name: Acme}\nroles:\n"
	var deep, wide strings.Builder
	deep.WriteString(head + "  - {id: r0, template: chief-operating-officer, reports_to: ceo}\n")
	for i := 1; i < 500; i++ {
		fmt.Fprintf(&deep, "  - {id: r%d, template: operations-supervisor, reports_to: r%d}\n", i, i-1)
	}
	wide.WriteString(head + "  - {id: boss, template: operations-manager, reports_to: board}\n")
	for i := range 5000 {
		fmt.Fprintf(&wide, "  - {id: c%d, template: operations-coordinator, reports_to: boss}\n", i)
	}
	for name, doc := range map[string]string{"deep": deep.String(), "wide": wide.String()} {
		t.Run(name, func(t *testing.T) {
			m := modelFrom(t, []byte(doc))
			c := build(t, m)
			checkChart(t, m, c)
			if name != "wide" {
				return
			}
			if c.Pages[0].Boxes[0].Title != "Board of Directors" {
				t.Errorf("top box %q, want the board", c.Pages[0].Boxes[0].Title)
			}
			// 5,000 reports do not fit one legible page: they are split into
			// parts of about equal size, numbered 1..n, each under the boss.
			var sizes []int
			for _, p := range c.Pages[1:] {
				if p.Parts == 0 || p.Part != len(sizes)+1 || p.Boxes[0].ID != "boss" {
					t.Fatalf("page %d: part %d of %d, root %s", p.Number, p.Part, p.Parts, p.Boxes[0].ID)
				}
				sizes = append(sizes, len(p.Boxes)-1)
			}
			if len(sizes) != c.Pages[1].Parts || slices.Max(sizes)-slices.Min(sizes) > 1 {
				t.Errorf("parts of sizes %v", sizes)
			}
		})
	}
}

func TestBoardAndCEO(t *testing.T) {
	m := modelFrom(t, []byte(`version: 1
company: {name: Acme}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: board}
  - {id: vp, template: vp-of-operations, reports_to: ceo}
`))
	c := build(t, m)
	checkChart(t, m, c)
	bs := c.Pages[0].Boxes
	if bs[0].Title != "Board of Directors" || bs[1].Title != "Chief Executive Officer" || bs[1].Kind != KindTop {
		t.Fatalf("boxes %q %q", bs[0].Title, bs[1].Title)
	}
}

func TestDeterministic(t *testing.T) {
	m := big(t, 300)
	a, err := Render(build(t, m), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		b, err := Render(build(t, m), RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatal("two renders of the same model differ")
		}
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
}

func TestErrors(t *testing.T) {
	m := example(t, "small-business.yaml")
	m.Roles[0].Title = "VP 🚚"
	if _, err := Build(m); !errors.Is(err, ErrUnrenderable) {
		t.Errorf("emoji: %v", err)
	}
	m = example(t, "small-business.yaml")
	m.Settings.Paper = "legal"
	if _, err := Build(m); !errors.Is(err, ErrPaper) {
		t.Errorf("paper: %v", err)
	}
	m = example(t, "small-business.yaml")
	m.Company.BrandColor = "green"
	if _, err := Build(m); !errors.Is(err, ErrBrandColor) {
		t.Errorf("brand: %v", err)
	}
	c := build(t, example(t, "small-business.yaml"))
	c.Paper = "legal"
	if _, err := Render(c, RenderOptions{}); !errors.Is(err, ErrPaper) {
		t.Errorf("render paper: %v", err)
	}
	// A page smaller than one box cannot hold any part.
	tr := &tree{nodes: []node{{parent: -1, children: []int{1, 2}}, {parent: 0}, {parent: 0}}, height: []int{1, 0, 0}}
	pg := &paginator{t: tr, availW: 10, availH: 10}
	if _, err := pg.split(0, []int{1, 2}); !errors.Is(err, ErrLayout) {
		t.Errorf("layout: %v", err)
	}
}

func TestA4(t *testing.T) {
	m := example(t, "company.yaml")
	m.Settings.Paper = "a4"
	c := build(t, m)
	checkChart(t, m, c)
	data, err := Render(c, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("/MediaBox [0 0 841.89 595.28]")) {
		t.Error("A4 landscape media box missing")
	}
}

// BenchmarkOrgChart10000 builds and renders the chart of 10,000 roles.
// Besides the time it reports the chart's memory: peak-live-MB is the
// largest live heap (as of the last collection, sampled every 5 ms) while
// building and rendering, less the live heap before (the model).
func BenchmarkOrgChart10000(b *testing.B) {
	m := big(b, 10000)
	b.ReportAllocs()
	runtime.GC()
	base := liveHeap()
	stop, peak := make(chan struct{}), make(chan uint64)
	go func() {
		var top uint64
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			top = max(top, liveHeap())
			select {
			case <-stop:
				peak <- top
				return
			case <-t.C:
			}
		}
	}()
	b.ResetTimer()
	for b.Loop() {
		c, err := Build(m)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(c, RenderOptions{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(c.Pages)), "pages")
	}
	close(stop)
	top := <-peak
	b.ReportMetric(float64(top-min(base, top))/(1<<20), "peak-live-MB")
	runtime.KeepAlive(m)
}

// liveHeap is the live heap as of the last collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestTextExtraction reads the rendered PDFs back: titles, levels, ids,
// continuation notes and page numbers are real text.
func TestTextExtraction(t *testing.T) {
	m := example(t, "company.yaml")
	data, err := Render(build(t, m), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text, err := pdftext.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Northwind Logistics organization chart", "Chief Executive Officer",
		"Chief Operating Officer", "OPS-9 · 1 person", "Night Shift Operations", "ops-supervisor-night",
		"Joliet, IL", "Individual contributor", "Management", "Executive", "Page 1 of 1",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("text lacks %q", want)
		}
	}

	c := build(t, big(t, 1000))
	data, err = Render(c, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pages, err := pdftext.Pages(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(c.Pages) {
		t.Fatalf("%d pages in the PDF, %d in the model", len(pages), len(c.Pages))
	}
	for i, p := range c.Pages {
		got := strings.Join(strings.Fields(pages[i]), " ")
		if !strings.Contains(got, fmt.Sprintf("Page %d of %d", p.Number, len(c.Pages))) {
			t.Errorf("page %d lacks its number", p.Number)
		}
		for _, b := range p.Boxes {
			if b.ContinuedOn > 0 && !strings.Contains(got, fmt.Sprintf("continued on page %d", b.ContinuedOn)) {
				t.Errorf("page %d lacks the note for %s", p.Number, b.ID)
			}
			if b.ContinuedFrom > 0 && !strings.Contains(got, fmt.Sprintf("continued from page %d", b.ContinuedFrom)) {
				t.Errorf("page %d lacks the note for %s", p.Number, b.ID)
			}
			if b.ID != "" && !strings.Contains(got, b.ID) {
				t.Errorf("page %d lacks %s", p.Number, b.ID)
			}
		}
	}
	// Internal links: one per continued box (and per "continued from").
	links := 0
	for _, p := range c.Pages {
		for _, b := range p.Boxes {
			if b.ContinuedOn > 0 {
				links++
			}
			if b.ContinuedFrom > 0 {
				links += 2
			}
		}
	}
	if got := bytes.Count(data, []byte("/Subtype /Link")); got != links {
		t.Errorf("%d link annotations, want %d", got, links)
	}
}

func TestStep(t *testing.T) {
	m := example(t, "company.yaml")
	var files []generator.File
	err := generator.Generate(generator.WithWorkers(context.Background(), 1), m, []generator.Step{Step(nil)}, func(f generator.File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Name != "org-chart.pdf" || !bytes.HasPrefix(files[0].Data, []byte("%PDF-")) {
		t.Fatalf("files %d, first %q", len(files), files[0].Name)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Step(nil).Run(generator.WithWorkers(ctx, 1), m, func(generator.File) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// TestTagged: the chart is a tagged PDF (structure tree, every piece of
// text and graphics marked or an artifact), boxes read as paragraphs in
// tree order.
func TestTagged(t *testing.T) {
	for _, m := range []*generator.Model{example(t, "company.yaml"), big(t, 300)} {
		c := build(t, m)
		data, err := Render(c, RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := pdftag.Verify(data)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Problems) > 0 {
			t.Fatalf("not a sound tagged PDF: %v", rep.Problems[:min(5, len(rep.Problems))])
		}
		paras, h1 := 0, 0
		for _, e := range rep.Elements {
			switch e.Type {
			case pdftag.P:
				paras++
			case pdftag.H1:
				h1++
			}
		}
		boxes := 0
		for _, p := range c.Pages {
			boxes += len(p.Boxes)
		}
		// One paragraph per box and one legend per page.
		if paras != boxes+len(c.Pages) || h1 != 1 || rep.Pages != len(c.Pages) {
			t.Errorf("%d paragraphs, %d H1, %d pages; want %d, 1, %d", paras, h1, rep.Pages, boxes+len(c.Pages), len(c.Pages))
		}
	}
}
