package xlsx

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/ladders"
	"github.com/jdgen/jdgen/output"
)

// xlsxSheetPayBands is the Pay bands sheet: one row per level with a band
// and its figures, each followed by the roles at that level with their pay
// and compa-ratio; below, the chart data; beside, one chart per currency
// and pay period. The figures come from generator.Model.PayBands, so they
// match the pay checks.
const xlsxSheetPayBands = "Pay bands"

// xlsxPayBandsGuide says what the Pay bands sheet shows, for the Overview.
const xlsxPayBandsGuide = "One row per level with a pay band: minimum, midpoint, maximum, range spread ((max - min) / min), the midpoint's rise to the next level and the overlap with the next band; under each level, its roles with their pay and compa-ratio (role midpoint / band midpoint). Beside the table, a chart per currency: each band as a bar from minimum to maximum, its midpoint and the roles' lowest and highest pay marked."

// Pay bands columns, 0-based.
const (
	xlsxPayColLevel = iota
	xlsxPayColTitle
	xlsxPayColID
	xlsxPayColCurrency
	xlsxPayColPeriod
	xlsxPayColMin
	xlsxPayColMid
	xlsxPayColMax
	xlsxPayColSpread
	xlsxPayColProgression
	xlsxPayColOverlap
	xlsxPayColCompa
	xlsxPayColNote
	xlsxPayCols
)

// Pay bands chart layout: size in pixels, anchor column, rows per chart.
const (
	xlsxPayChartWidth   = 640
	xlsxPayChartHeight  = 360
	xlsxPayChartCol     = xlsxPayCols + 2
	xlsxPayChartRows    = 20
	xlsxPayChartGap     = 40 // bar gap width, % of a bar
	xlsxPayMarkerSize   = 9  // midpoint and role markers, points
	xlsxPayPercentFmt   = 10 // built-in number format 0.00%
	xlsxPayRatioFmt     = "0.00"
	xlsxPayMidpointClr  = "1A1A1A"
	xlsxPayAxisClr      = "404040"
	xlsxPayAxisMargin   = 0.85 // the value axis starts below the lowest pay by this factor
	xlsxPayRoleLowClr   = "C0392B"
	xlsxPayRoleHighClr  = "1F6FB5"
	xlsxPayNoBands      = "No level has a pay band. Add them under ladder.bands in the company file to see the bands, their spread and overlap, and where each role's pay sits."
	xlsxPayNotCompared  = "Paid in another currency or period; not compared"
	xlsxPayOwnSalary    = "Own salary"
	xlsxPayBandSalary   = "Paid the band"
	xlsxPayChartDataFmt = "Chart data: %s per %s"
)

// xlsxPayGroup is the bands paid in one currency and period: one chart.
type xlsxPayGroup struct {
	currency, period string
	bands            []*generator.PayBand
	// first is the first chart-data row (1-based) of the group's levels.
	first int
}

// writePayBands writes the Pay bands sheet and its charts.
func (b *xlsxBook) writePayBands() error {
	bands := b.m.PayBands()
	s := xlsxNewSheet(xlsxSheetPayBands, 3,
		xlsxCol{header: "Level", max: 10},
		xlsxCol{header: "Level or role", min: 24, max: 44},
		xlsxCol{header: "Role ID", max: 24},
		xlsxCol{header: "Currency", max: 16},
		xlsxCol{header: "Per", max: 16},
		xlsxCol{header: "Minimum", min: 11, max: 16},
		xlsxCol{header: "Midpoint", min: 11, max: 16},
		xlsxCol{header: "Maximum", min: 11, max: 16},
		xlsxCol{header: "Range spread", min: 9, max: 12},
		xlsxCol{header: "Midpoint progression to next level", min: 12, max: 14},
		xlsxCol{header: "Overlap with next band", min: 10, max: 12},
		xlsxCol{header: "Compa-ratio", min: 9, max: 11},
		xlsxCol{header: "Note", max: 44},
	)
	groups := xlsxPayGroups(bands)
	for _, g := range groups {
		for i, h := range xlsxPayChartHeaders() {
			for _, w := range strings.Fields(h) {
				s.seeWidth(i, xlsxTextWidth(w, true))
			}
		}
		for _, pb := range g.bands {
			for i, v := range xlsxPayChartRow(pb) {
				if v != nil {
					s.see(i, generator.FormatMoney(*v, pb.Currency))
				}
			}
		}
	}
	for _, pb := range bands {
		s.see(xlsxPayColTitle, pb.Level.Title)
		s.see(xlsxPayColNote, b.payLevelNote(pb))
		for _, r := range pb.Roles {
			s.seeWidth(xlsxPayColTitle, xlsxTextWidth(r.Title, false)+xlsxIndentPixels/xlsxColumnUnit)
			s.see(xlsxPayColID, r.ID)
		}
	}
	st, err := b.stream(s, b.st.header)
	if err != nil {
		return err
	}
	if len(bands) == 0 {
		if err := st.add(b.textCell(""), excelize.Cell{StyleID: b.st.prose, Value: xlsxPayNoBands}); err != nil {
			return err
		}
		return st.finish(false)
	}
	pct, err := b.newStyle(excelize.Style{Border: xlsxBorder, NumFmt: xlsxPayPercentFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}})
	if err != nil {
		return err
	}
	ratioFmt := xlsxPayRatioFmt
	ratio, err := b.newStyle(excelize.Style{Border: xlsxBorder, CustomNumFmt: &ratioFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}})
	if err != nil {
		return err
	}
	roleTitle, err := b.indentStyle(1, false)
	if err != nil {
		return err
	}
	for _, pb := range bands {
		if err := b.payLevelRow(st, pb, pct); err != nil {
			return err
		}
		for _, r := range pb.Roles {
			if err := b.payRoleRow(st, pb, r, roleTitle, ratio); err != nil {
				return err
			}
		}
	}
	last := st.row
	if err := b.payChartData(st, groups); err != nil {
		return err
	}
	for i, g := range groups {
		if err := b.payChart(s, g, i); err != nil {
			return err
		}
	}
	// Adding a chart registers the image content types from a Go map, in
	// random order: sort them so two builds give the same bytes.
	if ct := b.f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	// The filter covers the table only, not the chart data below it.
	if err := b.f.AutoFilter(s.name, fmt.Sprintf("A1:%s%d", s.lastCol(), last), nil); err != nil {
		return xlsxWrap(err)
	}
	return st.finish(false)
}

// payLevelRow writes a level's band and its figures.
func (b *xlsxBook) payLevelRow(st *xlsxStream, pb *generator.PayBand, pct int) error {
	money, err := b.moneyStyle(&generator.Pay{Min: pb.Min, Max: pb.Mid, Currency: pb.Currency}, "")
	if err != nil {
		return err
	}
	bandStyle, err := b.payBandStyle(pb.Level.Band)
	if err != nil {
		return err
	}
	cells := []any{
		excelize.Cell{StyleID: bandStyle, Value: pb.Level.Code},
		excelize.Cell{StyleID: b.st.bold, Value: pb.Level.Title},
		b.textCell(""),
		b.textCell(pb.Currency),
		b.textCell(pb.Period),
		excelize.Cell{StyleID: money, Value: pb.Min},
		excelize.Cell{StyleID: money, Value: pb.Mid},
		excelize.Cell{StyleID: money, Value: pb.Max},
		excelize.Cell{StyleID: pct, Value: pb.Spread},
		b.textCell(""), b.textCell(""),
		b.textCell(""),
		b.textCell(b.payLevelNote(pb)),
	}
	if pb.Next != nil && pb.Comparable {
		cells[xlsxPayColProgression] = excelize.Cell{StyleID: pct, Value: pb.Progression}
		cells[xlsxPayColOverlap] = excelize.Cell{StyleID: pct, Value: pb.Overlap}
	}
	return st.add(cells...)
}

// payBandStyle is the level cell's style: bold on the tint of its ladder
// band, the colours the org chart and the chart use.
func (b *xlsxBook) payBandStyle(band ladders.Band) (int, error) {
	tint := strings.TrimPrefix(output.BandStyleOf(band).Tint, "#")
	return b.newStyle(excelize.Style{
		Border:    xlsxBorder,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{tint}},
		Font:      &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
}

// payRoleRow writes one role at a band's level: its pay and compa-ratio.
func (b *xlsxBook) payRoleRow(st *xlsxStream, pb *generator.PayBand, r generator.BandRole, title, ratio int) error {
	cells := []any{
		b.textCell(pb.Level.Code),
		excelize.Cell{StyleID: title, Value: r.Title},
		b.textCell(r.ID),
		b.textCell(""), b.textCell(""),
		b.textCell(""), b.textCell(""), b.textCell(""),
		b.textCell(""), b.textCell(""), b.textCell(""), b.textCell(""),
		b.textCell(""),
	}
	if p := r.Pay; p != nil {
		money, err := b.moneyStyle(&generator.Pay{Min: p.Min, Max: r.Mid, Currency: p.Currency}, "")
		if err != nil {
			return err
		}
		cells[xlsxPayColCurrency] = b.textCell(p.Currency)
		cells[xlsxPayColPeriod] = b.textCell(p.Period)
		cells[xlsxPayColMin] = excelize.Cell{StyleID: money, Value: p.Min}
		cells[xlsxPayColMid] = excelize.Cell{StyleID: money, Value: r.Mid}
		cells[xlsxPayColMax] = excelize.Cell{StyleID: money, Value: p.Max}
		switch {
		case !r.Comparable:
			cells[xlsxPayColNote] = b.textCell(xlsxPayNotCompared)
		case r.OwnSalary:
			cells[xlsxPayColCompa] = excelize.Cell{StyleID: ratio, Value: r.CompaRatio}
			cells[xlsxPayColNote] = b.textCell(xlsxPayOwnSalary)
		default:
			cells[xlsxPayColCompa] = excelize.Cell{StyleID: ratio, Value: r.CompaRatio}
			cells[xlsxPayColNote] = b.textCell(xlsxPayBandSalary)
		}
	}
	return st.add(cells...)
}

// xlsxPayGroups groups the bands by currency and period, in order of
// first appearance: one chart each.
func xlsxPayGroups(bands []*generator.PayBand) []*xlsxPayGroup {
	var groups []*xlsxPayGroup
	byKey := map[string]*xlsxPayGroup{}
	for _, pb := range bands {
		key := pb.Currency + "/" + pb.Period
		g, ok := byKey[key]
		if !ok {
			g = &xlsxPayGroup{currency: pb.Currency, period: pb.Period}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.bands = append(g.bands, pb)
	}
	return groups
}

// xlsxPayChartHeaders are the chart data's column headers.
func xlsxPayChartHeaders() []string {
	h := []string{"Level", "Band minimum"}
	for _, band := range output.Bands {
		h = append(h, band.Title())
	}
	return append(h, "Midpoint", "Roles' lowest pay", "Roles' highest pay")
}

// xlsxPayChartRow is a band's chart data after the level column (nil for
// an empty cell): the minimum, the width in the column of its ladder band,
// the midpoint, and the roles' lowest and highest pay.
func xlsxPayChartRow(pb *generator.PayBand) []*float64 {
	v := func(x float64) *float64 { return &x }
	row := []*float64{nil, v(pb.Min)}
	for _, band := range output.Bands {
		if pb.Level.Band == band {
			row = append(row, v(pb.Max-pb.Min))
		} else {
			row = append(row, nil)
		}
	}
	row = append(row, v(pb.Mid))
	if lo, hi, ok := xlsxRolesRange(pb); ok {
		return append(row, v(lo), v(hi))
	}
	return append(row, nil, nil)
}

// xlsxPayLevelNote names the level's band and role count, and the next
// band when a level without one lies between.
func (b *xlsxBook) payLevelNote(pb *generator.PayBand) string {
	note := fmt.Sprintf("%s band; %s", pb.Level.BandTitle, xlsxCount(len(pb.Roles), "role"))
	switch {
	case pb.Next != nil && !pb.Comparable:
		note += fmt.Sprintf("; next band (%s) is paid in %s per %s, not compared", pb.Next.Level.Code, pb.Next.Currency, pb.Next.Period)
	case pb.Next != nil && !b.adjacent(pb.Level.Code, pb.Next.Level.Code):
		note += fmt.Sprintf("; compared with %s, the next level with a band", pb.Next.Level.Code)
	}
	return note
}

// adjacent reports whether level code b comes right after level code a.
func (b *xlsxBook) adjacent(a, c string) bool {
	lv := b.m.Ladder.Levels
	for i := 0; i+1 < len(lv); i++ {
		if lv[i].Code == a {
			return lv[i+1].Code == c
		}
	}
	return false
}

// payChartData writes, below the table, one block per currency and
// period: the level, the band minimum (the invisible base of each bar),
// the band's width in the column of its ladder band (so each bar takes its
// band's colour), the midpoint and the lowest and highest pay of the roles
// with their own salary.
func (b *xlsxBook) payChartData(st *xlsxStream, groups []*xlsxPayGroup) error {
	headers := xlsxPayChartHeaders()
	for _, g := range groups {
		st.skip(1)
		if err := st.add(excelize.Cell{StyleID: b.st.label, Value: fmt.Sprintf(xlsxPayChartDataFmt, g.currency, g.period)}); err != nil {
			return err
		}
		row := make([]any, len(headers))
		for i, h := range headers {
			row[i] = excelize.Cell{StyleID: b.st.header, Value: h}
		}
		if err := st.add(row...); err != nil {
			return err
		}
		g.first = st.row + 1
		for _, pb := range g.bands {
			money, err := b.moneyStyle(&generator.Pay{Min: pb.Min, Max: pb.Mid, Currency: pb.Currency}, "")
			if err != nil {
				return err
			}
			cells := []any{b.textCell(pb.Level.Code)}
			for _, v := range xlsxPayChartRow(pb)[1:] {
				if v == nil {
					cells = append(cells, b.textCell(""))
				} else {
					cells = append(cells, excelize.Cell{StyleID: money, Value: *v})
				}
			}
			if err := st.add(cells...); err != nil {
				return err
			}
		}
	}
	return nil
}

// xlsxRolesRange is the lowest minimum and highest maximum of the roles at
// a band's level paid their own salary in the band's currency and period.
func xlsxRolesRange(pb *generator.PayBand) (lo, hi float64, ok bool) {
	for _, r := range pb.Roles {
		if !r.OwnSalary || !r.Comparable {
			continue
		}
		if !ok || r.Pay.Min < lo {
			lo = r.Pay.Min
		}
		if !ok || r.Pay.Max > hi {
			hi = r.Pay.Max
		}
		ok = true
	}
	return lo, hi, ok
}

// payChart adds group g's chart beside the table: stacked columns whose
// first series (the band minimum) is invisible, so each level shows a
// floating bar from its minimum to its maximum in its band's colour; the
// midpoint and the roles' lowest and highest pay are markers.
func (b *xlsxBook) payChart(s *xlsxSheet, g *xlsxPayGroup, i int) error {
	first, last := g.first, g.first+len(g.bands)-1
	ref := func(col int) string {
		c, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s.name, c, first, c, last)
	}
	name := func(col int) string {
		c, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("'%s'!$%s$%d", s.name, c, first-1)
	}
	cats := ref(1)
	transparent := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFFFF"}, Transparency: 100}
	bars := []excelize.ChartSeries{{Name: name(2), Categories: cats, Values: ref(2), Fill: transparent}}
	present := map[ladders.Band]bool{}
	for _, pb := range g.bands {
		present[pb.Level.Band] = true
	}
	for k, band := range output.Bands {
		if !present[band] {
			continue
		}
		color := strings.TrimPrefix(output.BandStyleOf(band).Color, "#")
		bars = append(bars, excelize.ChartSeries{Name: name(3 + k), Categories: cats, Values: ref(3 + k),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}})
	}
	marker := func(col int, symbol, color string) excelize.ChartSeries {
		fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
		return excelize.ChartSeries{Name: name(col), Categories: cats, Values: ref(col),
			Line:   excelize.ChartLine{Type: excelize.ChartLineNone},
			Marker: excelize.ChartMarker{Symbol: symbol, Size: xlsxPayMarkerSize, Fill: fill, Border: excelize.ChartLine{Type: excelize.ChartLineSolid, Fill: fill}}}
	}
	col := 3 + len(output.Bands)
	points := []excelize.ChartSeries{marker(col, "dash", xlsxPayMidpointClr)}
	hasRoles := false
	for _, pb := range g.bands {
		if _, _, ok := xlsxRolesRange(pb); ok {
			hasRoles = true
		}
	}
	if hasRoles {
		points = append(points, marker(col+1, "triangle", xlsxPayRoleLowClr), marker(col+2, "diamond", xlsxPayRoleHighClr))
	}
	money := xlsxMoneyFormat(g.currency, false, "")
	axisMin := xlsxAxisFloor(g)
	axisFont := excelize.Font{Family: xlsxFontFamily, Color: xlsxPayAxisClr, Size: xlsxFontSize}
	gap := uint(xlsxPayChartGap)
	overlap := 100
	yes := false
	bar := &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    bars,
		Title:     []excelize.RichTextRun{{Text: fmt.Sprintf("Pay bands, %s per %s", g.currency, g.period)}},
		Format:    excelize.GraphicOptions{OffsetX: 10, OffsetY: 5, LockAspectRatio: false},
		Dimension: excelize.ChartDimension{Width: xlsxPayChartWidth, Height: xlsxPayChartHeight},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{Font: axisFont},
		YAxis: excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: money},
			Font: axisFont, Minimum: &axisMin},
		VaryColors:   &yes,
		GapWidth:     &gap,
		Overlap:      &overlap,
		ShowBlanksAs: "gap",
		PlotArea:     excelize.ChartPlotArea{},
	}
	// excelize draws the axes of the last chart of a combination: give the
	// markers' chart the same axes.
	line := &excelize.Chart{Type: excelize.Line, Series: points, XAxis: bar.XAxis, YAxis: bar.YAxis}
	anchor, _ := excelize.CoordinatesToCellName(xlsxPayChartCol, 2+i*xlsxPayChartRows)
	if err := b.f.AddChart(s.name, anchor, bar, line); err != nil {
		return xlsxWrap(err)
	}
	b.hideBaseLegend(fmt.Sprintf("xl/charts/chart%d.xml", i+1))
	return nil
}

// xlsxLegendPos and xlsxHideFirstEntry are how excelize writes a legend's
// position and the entry that deletes series 0 from the legend.
const (
	xlsxLegendPos      = `<legendPos val="b"></legendPos>`
	xlsxHideFirstEntry = `<legendEntry><idx val="0"></idx><delete val="1"></delete></legendEntry>`
)

// hideBaseLegend removes the invisible base series from the legend of the
// chart part name: excelize has no option for it, so the part's XML gets
// a legendEntry (which the schema places right after legendPos). A part
// not written as expected is left alone.
func (b *xlsxBook) hideBaseLegend(name string) {
	v, ok := b.f.Pkg.Load(name)
	if !ok {
		return
	}
	data, ok := v.([]byte)
	if !ok || bytes.Count(data, []byte(xlsxLegendPos)) != 1 {
		return
	}
	b.f.Pkg.Store(name, bytes.Replace(data, []byte(xlsxLegendPos), []byte(xlsxLegendPos+xlsxHideFirstEntry), 1))
}

// xlsxAxisFloor is where the value axis of g's chart starts: a round
// number under the lowest band minimum or role pay, so the bars are not
// squeezed at the top of an axis from zero.
func xlsxAxisFloor(g *xlsxPayGroup) float64 {
	lo := math.Inf(1)
	for _, pb := range g.bands {
		lo = min(lo, pb.Min)
		if l, _, ok := xlsxRolesRange(pb); ok {
			lo = min(lo, l)
		}
	}
	lo *= xlsxPayAxisMargin
	if lo <= 0 || math.IsInf(lo, 0) {
		return 0
	}
	step := math.Pow(10, math.Floor(math.Log10(lo)))
	return math.Floor(lo/step) * step
}

// xlsxCount is "1 role", "3 roles".
func xlsxCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
