package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/jdgen/jdgen/generator"
)

// Options configures the career-ladder workbook. It is empty for now and
// leaves room for later options.
type Options struct{}

// CareerLadderStep renders the model's career-ladder workbook as
// career-ladder.xlsx.
func CareerLadderStep(o Options) generator.Step {
	return generator.Step{
		Name: "career ladder",
		Run: func(ctx context.Context, m *generator.Model, emit generator.Sink) error {
			if m == nil {
				return ErrWorkbookNoModel
			}
			// One slot of the run's worker budget while building. The
			// workbook is built as it is written (File.Stream): at 10,000
			// roles its 7.6 MB are never held.
			release, err := generator.Acquire(ctx)
			if err != nil {
				return err
			}
			defer release()
			return emit(generator.File{Name: xlsxFileName, Stream: func(w io.Writer) error {
				return xlsxWrite(ctx, m, w)
			}})
		},
	}
}

// BuildWorkbook renders the career-ladder workbook: Overview, Ladder,
// Competencies, Roles, Responsibilities, Comparison and Org Chart, in that
// order. The same model (including Settings.Date) gives the same bytes.
func BuildWorkbook(m *generator.Model) ([]byte, error) {
	var b bytes.Buffer
	if err := xlsxWrite(context.Background(), m, &b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// The file and its sheets, in tab order.
const (
	xlsxFileName          = "career-ladder.xlsx"
	xlsxSheetOverview     = "Overview"
	xlsxSheetLadder       = "Ladder"
	xlsxSheetCompetencies = "Competencies"
	xlsxSheetRoles        = "Roles"
	xlsxSheetResp         = "Responsibilities"
	xlsxSheetComparison   = "Comparison"
	xlsxSheetOrgChart     = "Org Chart"
	// xlsxRespTable names the Excel table on the Responsibilities sheet
	// (structured references use it: RoleResponsibilities[Area]).
	xlsxRespTable = "RoleResponsibilities"
	// xlsxRespTableStyle is the built-in table style (light row stripes).
	xlsxRespTableStyle = "TableStyleLight1"
	// xlsxJobDescriptionDir is where the PDF renderer writes <role-id>.pdf.
	xlsxJobDescriptionDir = "job-descriptions"
)

// Layout, in Excel's units: column widths in characters of the default font,
// margins in inches, font sizes in points.
const (
	// xlsxColPadding is added to the measured text width of a column, so
	// that a small difference in fonts does not wrap a short value.
	xlsxColPadding = 0.8
	// xlsxMinColWidth and xlsxMaxColWidth bound every fitted column.
	xlsxMinColWidth = 6.0
	xlsxMaxColWidth = 60.0
	// xlsxProseWidth is the most a column of sentences gets: longer text wraps.
	xlsxProseWidth = 34.0
	// xlsxNameWidth bounds columns of titles and short names.
	xlsxNameWidth = 28.0
	// xlsxMaxIndent caps the org chart's indentation; deeper rows still
	// show their depth in the Tier column.
	xlsxMaxIndent = 15
	// xlsxMaxListed caps the role titles listed in one cell; the rest are
	// counted ("… and 12 more").
	xlsxMaxListed = 25
	// xlsxMaxRows is a worksheet's row limit.
	xlsxMaxRows = excelize.TotalRows
	// xlsxMaxLinks is how many hyperlinks one sheet may hold (the Roles
	// sheet links its first xlsxMaxLinks roles, see xlsxRoleLinks).
	xlsxMaxLinks = excelize.TotalSheetHyperlinks
	// xlsxHeaderFooterMax is the longest header or footer text Excel accepts.
	xlsxHeaderFooterMax = 255
	// xlsxTitleFontSize and xlsxTitleRowHeight (points) are the Overview's
	// title row.
	xlsxTitleFontSize  = 14.0
	xlsxTitleRowHeight = 28.0
	// xlsxMaxRowHeight is the tallest row Excel allows, in points.
	xlsxMaxRowHeight = 409.0
	// Page margins, inches.
	xlsxMarginSide         = 0.4
	xlsxMarginTopBottom    = 0.6
	xlsxMarginHeaderFooter = 0.3
	// Paper sizes in the spreadsheet format's numbering.
	xlsxPaperLetter = 1
	xlsxPaperA4     = 9
	// xlsxBorderColor is the thin grid drawn around body cells.
	xlsxBorderColor = "BFBFBF"
	// xlsxLinkColor is the colour of hyperlinks.
	xlsxLinkColor = "0563C1"
	// xlsxMutedColor is for secondary text (competency descriptions).
	xlsxMutedColor = "595959"
	// xlsxLightText and xlsxDarkText are header text colours on the brand fill.
	xlsxLightText = "FFFFFF"
	xlsxDarkText  = "000000"
	// xlsxDarkBrand is the relative luminance under which white header text
	// contrasts better with the brand fill than black does.
	xlsxDarkBrand = 0.179
)

// xlsxCol describes one column: its header and the bounds of its width.
type xlsxCol struct {
	header   string
	min, max float64
}

// xlsxSheet is one sheet's column layout and frozen panes.
type xlsxSheet struct {
	name string
	cols []xlsxCol
	// freezeCols is the number of columns kept in view when scrolling right.
	freezeCols int
	// title, when set, replaces the column headers by one title across the
	// sheet.
	title string
	// widths are the fitted widths, measured from the content.
	widths []float64
}

func xlsxNewSheet(name string, freezeCols int, cols ...xlsxCol) *xlsxSheet {
	s := &xlsxSheet{name: name, cols: cols, freezeCols: freezeCols, widths: make([]float64, len(cols))}
	for i, c := range cols {
		// Headers wrap at spaces, so only their longest word must fit.
		for _, w := range strings.Fields(c.header) {
			s.widths[i] = math.Max(s.widths[i], xlsxTextWidth(w, true))
		}
	}
	return s
}

// see widens column i (0-based) to fit text, within the column's bounds.
func (s *xlsxSheet) see(i int, text string) {
	if w := xlsxTextWidth(text, false); w > s.widths[i] {
		s.widths[i] = w
	}
}

// seeWidth widens column i to w characters.
func (s *xlsxSheet) seeWidth(i int, w float64) {
	if w > s.widths[i] {
		s.widths[i] = w
	}
}

// width is the fitted width of column i.
func (s *xlsxSheet) width(i int) float64 {
	c := s.cols[i]
	w := s.widths[i] + xlsxColPadding
	lo, hi := math.Max(c.min, xlsxMinColWidth), xlsxMaxColWidth
	if c.max > 0 {
		hi = c.max
	}
	return math.Round(math.Min(math.Max(w, lo), hi)*100) / 100
}

// cell names the cell at column col, row row (both 1-based).
func (s *xlsxSheet) cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// lastCol names the sheet's last column.
func (s *xlsxSheet) lastCol() string {
	name, _ := excelize.ColumnNumberToName(len(s.cols))
	return name
}

// xlsxBorder is the thin grid around body cells.
var xlsxBorder = []excelize.Border{
	{Type: "left", Color: xlsxBorderColor, Style: 1},
	{Type: "right", Color: xlsxBorderColor, Style: 1},
	{Type: "top", Color: xlsxBorderColor, Style: 1},
	{Type: "bottom", Color: xlsxBorderColor, Style: 1},
}

// xlsxStyles are the cell styles shared by every sheet.
type xlsxStyles struct {
	header  int // brand fill, bold, wrapped, top
	title   int // the Overview's title row
	text    int // wrapped, top, thin border
	bold    int // text, bold
	number  int // a whole number, top right
	link    int // a hyperlink
	date    int // a date, yyyy-mm-dd
	label   int // Overview's left column: bold, no border
	prose   int // Overview's right column: wrapped, no border
	integer int // Overview's counts: left-aligned whole number, no border
	section int // Overview's section header rows
}

// xlsxBook is the workbook being built.
type xlsxBook struct {
	ctx context.Context
	f   *excelize.File
	m   *generator.Model
	st  xlsxStyles
	// idx maps a role id to its index in m.Roles.
	idx map[string]int
	// moneyStyles caches the pay cell styles by number format.
	moneyStyles map[string]int
	// indentStyles caches the org chart's indented title styles by depth.
	indentStyles map[[2]int]int
	// boldStyles and indents describe styles for the row height estimate.
	boldStyles map[int]bool
	indents    map[int]int
	fontSizes  map[int]float64
	// dims maps each worksheet part to the range its rows cover, recorded
	// as they are streamed; the zip writer puts it in the part.
	dims map[string]string
	// links maps worksheet parts to the external hyperlinks the zip
	// writer adds to them (links.go), instead of excelize.
	links map[string]xlsxLinks
}

// xlsxWrite builds the workbook and writes it to w as it is made (see
// xlsxStreamZip); what it wrote before an error is not a workbook.
func xlsxWrite(ctx context.Context, m *generator.Model, w io.Writer) (err error) {
	if m == nil {
		return ErrWorkbookNoModel
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("%w: %w", ErrWorkbookBuild, cerr)
		}
	}()
	b := &xlsxBook{ctx: ctx, f: f, m: m, idx: make(map[string]int, len(m.Roles)),
		moneyStyles: map[string]int{}, indentStyles: map[[2]int]int{},
		boldStyles: map[int]bool{}, indents: map[int]int{}, fontSizes: map[int]float64{},
		dims: map[string]string{}, links: map[string]xlsxLinks{}}
	for i, r := range m.Roles {
		if _, dup := b.idx[r.ID]; !dup {
			b.idx[r.ID] = i
		}
	}
	if err := b.setup(); err != nil {
		return err
	}
	steps := []struct {
		sheet string
		write func() error
	}{
		{xlsxSheetOverview, b.writeOverview},
		{xlsxSheetLadder, b.writeLadder},
		{xlsxSheetCompetencies, b.writeCompetencies},
		{xlsxSheetRoles, b.writeRoles},
		{xlsxSheetResp, b.writeResponsibilities},
		{xlsxSheetComparison, b.writeComparison},
		{xlsxSheetOrgChart, b.writeOrgChart},
		{xlsxSheetPayBands, b.writePayBands},
		{xlsxSheetCompliance, b.writeCompliance},
	}
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.write(); err != nil {
			return fmt.Errorf("%s sheet: %w", s.sheet, err)
		}
	}
	stamp := xlsxZipTime(m.Settings.Date)
	// The archive goes to w, not to the buffer excelize passes (it stays
	// empty).
	f.ZipWriter = func(io.Writer) excelize.ZipWriter { return xlsxNewStreamZip(w, stamp, b.dims, b.links) }
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("%w: saving: %w", ErrWorkbookBuild, err)
	}
	if buf.Len() != 0 {
		return fmt.Errorf("%w: saving: excelize wrote %d bytes outside the archive", ErrWorkbookBuild, buf.Len())
	}
	return nil
}

// xlsxWrap marks an excelize error as a workbook build error.
func xlsxWrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrWorkbookBuild, err)
}

// setup creates the sheets in order, the shared styles and the document
// properties.
func (b *xlsxBook) setup() error {
	f := b.f
	if err := f.SetSheetName("Sheet1", xlsxSheetOverview); err != nil {
		return xlsxWrap(err)
	}
	for _, name := range []string{xlsxSheetLadder, xlsxSheetCompetencies, xlsxSheetRoles, xlsxSheetResp, xlsxSheetComparison, xlsxSheetOrgChart, xlsxSheetPayBands, xlsxSheetCompliance} {
		if _, err := f.NewSheet(name); err != nil {
			return xlsxWrap(err)
		}
	}
	f.SetActiveSheet(0)
	if err := b.styles(); err != nil {
		return err
	}
	co := b.m.Company
	date := b.m.Settings.Date.UTC().Format(time.RFC3339)
	creator := strings.TrimSpace("jdgen " + b.m.Settings.Version)
	err := f.SetDocProps(&excelize.DocProperties{
		Title:          co.Name + " career ladder",
		Subject:        b.ladderName() + " career ladder: levels, competencies, roles and responsibilities",
		Creator:        creator,
		LastModifiedBy: creator,
		Description:    "Generated by jdgen from the company's operations structure.",
		Keywords:       "career ladder; job levels; " + b.ladderName(),
		Category:       "Human resources",
		Created:        date,
		Modified:       date,
		Language:       xlsxLanguage(co.Locale),
	})
	if err != nil {
		return xlsxWrap(err)
	}
	return xlsxWrap(f.SetAppProps(&excelize.AppProperties{Application: "jdgen", Company: co.Name}))
}

// ladderName is the ladder's name, "Operations" by default.
func (b *xlsxBook) ladderName() string {
	if b.m.Ladder.Name != "" {
		return b.m.Ladder.Name
	}
	return "Operations"
}

// styles registers the shared cell styles.
func (b *xlsxBook) styles() error {
	brand := strings.ToUpper(strings.TrimPrefix(b.m.Company.BrandColor, "#"))
	if !xlsxHexColor(brand) {
		brand = strings.TrimPrefix(generator.DefaultBrandColor, "#")
	}
	fg := xlsxLightText
	if xlsxLuminance(brand) > xlsxDarkBrand {
		fg = xlsxDarkText
	}
	border := xlsxBorder
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{brand}}
	dateFmt := "yyyy-mm-dd"
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.st.header, excelize.Style{Fill: fill, Border: border, Font: &excelize.Font{Bold: true, Color: fg}, Alignment: top}},
		{&b.st.title, excelize.Style{Fill: fill, Font: &excelize.Font{Bold: true, Color: fg, Size: xlsxTitleFontSize}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&b.st.section, excelize.Style{Fill: fill, Font: &excelize.Font{Bold: true, Color: fg}, Alignment: top}},
		{&b.st.text, excelize.Style{Border: border, Alignment: top}},
		{&b.st.bold, excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Alignment: top}},
		{&b.st.number, excelize.Style{Border: border, NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}}},
		{&b.st.link, excelize.Style{Border: border, Font: &excelize.Font{Color: xlsxLinkColor, Underline: "single"}, Alignment: top}},
		{&b.st.date, excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}},
		{&b.st.label, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top}},
		{&b.st.prose, excelize.Style{Alignment: top}},
		{&b.st.integer, excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}},
	}
	for _, d := range defs {
		id, err := b.newStyle(d.s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

// newStyle registers a cell style in the workbook's font and records what
// the row height estimate needs to know about it.
func (b *xlsxBook) newStyle(s excelize.Style) (int, error) {
	font := excelize.Font{}
	if s.Font != nil {
		font = *s.Font
	}
	if font.Family == "" {
		font.Family = xlsxFontFamily
	}
	if font.Size == 0 {
		font.Size = xlsxFontSize
	}
	s.Font = &font
	id, err := b.f.NewStyle(&s)
	if err != nil {
		return 0, xlsxWrap(err)
	}
	b.boldStyles[id] = font.Bold
	b.fontSizes[id] = font.Size
	if s.Alignment != nil {
		b.indents[id] = s.Alignment.Indent
	}
	return id, nil
}

// overviewLinkStyle is the style of the Overview's links to the sheets.
func (b *xlsxBook) overviewLinkStyle() (int, error) {
	return b.newStyle(excelize.Style{Font: &excelize.Font{Color: xlsxLinkColor, Underline: "single", Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
}

// indentStyle is the org chart's title style at depth (bold for the top rows).
func (b *xlsxBook) indentStyle(depth int, bold bool) (int, error) {
	depth = min(max(depth, 0), xlsxMaxIndent)
	key := [2]int{depth, 0}
	if bold {
		key[1] = 1
	}
	if id, ok := b.indentStyles[key]; ok {
		return id, nil
	}
	s := excelize.Style{
		Border:    xlsxBorder,
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true, Indent: depth},
	}
	if depth > 0 {
		s.Alignment.Horizontal = "left"
	}
	if bold {
		s.Font = &excelize.Font{Bold: true}
	}
	id, err := b.newStyle(s)
	if err != nil {
		return 0, err
	}
	b.indentStyles[key] = id
	return id, nil
}

// xlsxMoneyFormat is the number format of an amount in currency: "$"#,##0 for
// USD, #,##0" SEK" for currencies without a symbol; cents when the amount
// has them and the currency uses them; suffix (" per hour") appended.
func xlsxMoneyFormat(currency string, cents bool, suffix string) string {
	// FormatMoney knows each currency's symbol and where it goes.
	sample := generator.FormatMoney(0, currency)
	prefix, after, _ := strings.Cut(sample, "0")
	var b strings.Builder
	if prefix != "" {
		b.WriteString(xlsxQuoteFmt(prefix))
	}
	b.WriteString("#,##0")
	if cents {
		b.WriteString(".00")
	}
	if after+suffix != "" {
		b.WriteString(xlsxQuoteFmt(after + suffix))
	}
	return b.String()
}

// xlsxQuoteFmt quotes literal text inside a number format.
func xlsxQuoteFmt(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, "") + `"`
}

// xlsxHasCents reports whether v shows cents in currency.
func xlsxHasCents(v float64, currency string) bool {
	return v != math.Trunc(v) && strings.Contains(generator.FormatMoney(0.5, currency), ".")
}

// moneyStyle is the style of the pay cells of p: cents when either amount
// has them.
func (b *xlsxBook) moneyStyle(p *generator.Pay, suffix string) (int, error) {
	format := xlsxMoneyFormat(p.Currency, xlsxHasCents(p.Min, p.Currency) || xlsxHasCents(p.Max, p.Currency), suffix)
	if id, ok := b.moneyStyles[format]; ok {
		return id, nil
	}
	id, err := b.newStyle(excelize.Style{
		Border:       xlsxBorder,
		CustomNumFmt: &format,
		Alignment:    &excelize.Alignment{Vertical: "top", Horizontal: "right"},
	})
	if err != nil {
		return 0, err
	}
	b.moneyStyles[format] = id
	return id, nil
}

// xlsxPeriodSuffix is appended to a pay band's amounts when it is not yearly.
func xlsxPeriodSuffix(p *generator.Pay) string {
	if p == nil || p.Period == "" || p.Period == generator.DefaultPeriod {
		return ""
	}
	return " per " + p.Period
}

func xlsxHexColor(s string) bool {
	if len(s) != 6 {
		return false
	}
	_, err := strconv.ParseUint(s, 16, 32)
	return err == nil
}

// xlsxLuminance is the relative luminance (0 black .. 1 white) of RRGGBB.
func xlsxLuminance(hex string) float64 {
	v, _ := strconv.ParseUint(hex, 16, 32)
	return generator.RelativeLuminance(uint32(v))
}

// pageSetup prints the sheet landscape, one page wide, on the run's paper,
// with the header row repeated on every page and the company, sheet and
// page number in the margins. It must run before a stream writer's Flush;
// FitToPage (in the sheet properties) before NewStreamWriter.
func (b *xlsxBook) pageSetup(s *xlsxSheet, titleRows int) error {
	f := b.f
	size := xlsxPaperLetter
	if b.m.Settings.Paper == "a4" {
		size = xlsxPaperA4
	}
	orient, one, tall := "landscape", 1, 0
	if err := f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return xlsxWrap(err)
	}
	side, tb, hf := xlsxMarginSide, xlsxMarginTopBottom, xlsxMarginHeaderFooter
	if err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf}); err != nil {
		return xlsxWrap(err)
	}
	if err := f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: xlsxHeaderText(b.m.Company.Name, s.name),
		OddFooter: "&L" + xlsxHFEscape(b.m.Settings.Date.UTC().Format("2 January 2006")) + "&RPage &P of &N",
	}); err != nil {
		return xlsxWrap(err)
	}
	if titleRows > 0 {
		err := f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("'%s'!$1:$%d", s.name, titleRows),
			Scope:    s.name,
		})
		if err != nil {
			return xlsxWrap(err)
		}
	}
	return nil
}

// xlsxHeaderText is the page header: company on the left, sheet on the
// right, the company cut short with "…" to stay within Excel's limit.
func xlsxHeaderText(company, sheet string) string {
	right := "&R" + xlsxHFEscape(sheet)
	budget := xlsxHeaderFooterMax - utf8.RuneCountInString(right) - len("&L")
	if n := utf8.RuneCountInString(xlsxHFEscape(company)); n > budget {
		var b strings.Builder
		used := 0
		for _, r := range company {
			w := 1
			if r == '&' {
				w = 2
			}
			if used+w > budget-1 { // room for "…"
				break
			}
			used += w
			b.WriteRune(r)
		}
		company = b.String() + "…"
	}
	return "&L" + xlsxHFEscape(company) + right
}

// xlsxHFEscape escapes text for a header or footer, where & starts a code.
func xlsxHFEscape(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// panes freezes the header rows and the sheet's key columns.
func (s *xlsxSheet) panes(headerRows int) *excelize.Panes {
	active := "bottomLeft"
	if s.freezeCols > 0 {
		active = "bottomRight"
	}
	first := s.cell(s.freezeCols+1, headerRows+1)
	return &excelize.Panes{
		Freeze: true, XSplit: s.freezeCols, YSplit: headerRows,
		TopLeftCell: first, ActivePane: active,
		Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: active}},
	}
}

// xlsxStream writes a sheet row by row with excelize's StreamWriter. Every
// sheet is streamed: it keeps memory flat, and it keeps excelize's
// AutoFilter from replacing the sheet properties (fit to page) it set.
type xlsxStream struct {
	b   *xlsxBook
	s   *xlsxSheet
	sw  *excelize.StreamWriter
	row int
	// used is the range of the cells written so far (see xlsxRange).
	used xlsxRange
}

// xlsxRange is the range a sheet's cell elements cover, styled blanks
// included, as Excel counts it (the tests check it against a scan of the
// written part, xlsxUsedRange).
type xlsxRange struct {
	minCol, minRow, maxCol, maxRow int
}

// add extends the range by the cell at col, row (1-based).
func (r *xlsxRange) add(col, row int) {
	if r.maxRow == 0 {
		*r = xlsxRange{col, row, col, row}
		return
	}
	r.minCol, r.minRow = min(r.minCol, col), min(r.minRow, row)
	r.maxCol, r.maxRow = max(r.maxCol, col), max(r.maxRow, row)
}

// ref is the range as a reference ("A1:F20"), "A1" when no cell was written.
func (r xlsxRange) ref() string {
	if r.maxRow == 0 {
		return "A1"
	}
	first := xlsxColName(r.minCol) + strconv.Itoa(r.minRow)
	last := xlsxColName(r.maxCol) + strconv.Itoa(r.maxRow)
	if first == last {
		return first
	}
	return first + ":" + last
}

// stream starts a sheet: the sheet properties go before NewStreamWriter,
// widths and panes before the first row; then it writes the header row.
func (b *xlsxBook) stream(s *xlsxSheet, headerStyle int) (*xlsxStream, error) {
	yes := true
	if err := b.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return nil, xlsxWrap(err)
	}
	sw, err := b.f.NewStreamWriter(s.name)
	if err != nil {
		return nil, xlsxWrap(err)
	}
	for i := len(s.cols); i >= 1; i-- {
		if err := sw.SetColWidth(i, i, s.width(i-1)); err != nil {
			return nil, xlsxWrap(err)
		}
	}
	if err := sw.SetPanes(s.panes(1)); err != nil {
		return nil, xlsxWrap(err)
	}
	st := &xlsxStream{b: b, s: s, sw: sw}
	header := make([]any, len(s.cols))
	for i, c := range s.cols {
		header[i] = excelize.Cell{StyleID: headerStyle, Value: c.header}
	}
	if s.title != "" {
		// One title across the sheet instead of column headers.
		for i := range header {
			header[i] = excelize.Cell{StyleID: headerStyle, Value: ""}
		}
		header[0] = excelize.Cell{StyleID: headerStyle, Value: s.title}
		if err := sw.MergeCell(s.cell(1, 1), s.cell(len(s.cols), 1)); err != nil {
			return nil, xlsxWrap(err)
		}
		return st, st.addHeight(xlsxTitleRowHeight, header...)
	}
	return st, st.add(header...)
}

// add writes the next row, as tall as its wrapped text needs.
func (st *xlsxStream) add(cells ...any) error {
	return st.addHeight(st.b.rowHeight(st.s, cells), cells...)
}

// addHeight writes the next row with the given height in points.
func (st *xlsxStream) addHeight(height float64, cells ...any) error {
	if st.row >= xlsxMaxRows {
		return fmt.Errorf("%w: more than %d rows on %s", ErrWorkbookTooLarge, xlsxMaxRows, st.s.name)
	}
	st.row++
	if st.row%1024 == 0 {
		if err := st.b.ctx.Err(); err != nil {
			return err
		}
	}
	cells = xlsxBlanks(cells)
	// The stream writer writes a cell element for every value but nil.
	for i, c := range cells {
		if c != nil {
			st.used.add(i+1, st.row)
		}
	}
	return xlsxWrap(st.sw.SetRow(st.s.cell(1, st.row), cells, excelize.RowOpts{Height: height}))
}

// xlsxCheckpoint is called where the build's memory may peak: before and
// after each sheet is flushed, and when every part is compressed. Tests
// set it to measure the live heap there; it does nothing otherwise.
var xlsxCheckpoint = func() {}

// xlsxBlanks turns empty text into blank cells (a styled cell keeps its
// style): excelize would store "" as a string, which pandas and others
// read as a value instead of an empty cell (issue #15).
func xlsxBlanks(cells []any) []any {
	for i, c := range cells {
		switch v := c.(type) {
		case string:
			if v == "" {
				cells[i] = nil
			}
		case excelize.Cell:
			if s, ok := v.Value.(string); ok && s == "" {
				v.Value = nil
				cells[i] = v
			}
		}
	}
	return cells
}

// xlsxDay is date's calendar day (UTC) at midnight: a date cell then holds
// a whole serial number, with no time of day and no float error, so an
// "equals" filter on the date matches.
func xlsxDay(date time.Time) time.Time {
	d := date.UTC()
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// skip leaves n empty rows.
func (st *xlsxStream) skip(n int) { st.row += n }

// link makes column col (1-based) of the current row a hyperlink.
func (st *xlsxStream) link(col int, target, linkType, tip string) error {
	tip = xlsxTooltip(tip)
	return xlsxWrap(st.b.f.SetCellHyperLink(st.s.name, st.s.cell(col, st.row), target, linkType, excelize.HyperlinkOpts{Tooltip: &tip}))
}

// part names the part excelize writes the sheet to (by its sheet id).
func (st *xlsxStream) part() string {
	return xlsxSheetPrefix + strconv.Itoa(st.sw.SheetID) + ".xml"
}

// finish adds filter buttons over the written rows (when filter is set),
// the print setup, and flushes the sheet.
func (st *xlsxStream) finish(filter bool) error {
	if filter {
		ref := fmt.Sprintf("A1:%s%d", st.s.lastCol(), max(st.row, 2))
		if err := st.b.f.AutoFilter(st.s.name, ref, nil); err != nil {
			return xlsxWrap(err)
		}
	}
	if err := st.b.pageSetup(st.s, 1); err != nil {
		return err
	}
	st.b.dims[st.part()] = st.used.ref()
	xlsxCheckpoint()
	err := st.sw.Flush()
	xlsxCheckpoint()
	return xlsxWrap(err)
}

// rowHeight is the height of the row of cells on sheet s.
func (b *xlsxBook) rowHeight(s *xlsxSheet, cells []any) float64 {
	height := xlsxLineHeight
	for i, c := range cells {
		if i >= len(s.cols) {
			break
		}
		text, style := "", 0
		switch v := c.(type) {
		case excelize.Cell:
			style = v.StyleID
			switch t := v.Value.(type) {
			case string:
				text = t
			case []excelize.RichTextRun:
				for _, r := range t {
					text += r.Text
				}
			}
		case string:
			text = v
		}
		if text == "" {
			continue
		}
		size := xlsxFontSize
		if sz, ok := b.fontSizes[style]; ok {
			size = sz
		}
		n := xlsxWrapLines(text, s.width(i), b.indents[style], b.boldStyles[style], size)
		height = max(height, float64(n)*xlsxLineHeight*size/xlsxFontSize)
	}
	if height > xlsxLineHeight {
		height += xlsxRowPadding
	}
	// Excel's tallest row; longer text stays whole in the cell and shows
	// in the formula bar.
	return min(height, xlsxMaxRowHeight)
}

// titles lists role titles for a cell, one per line, at most xlsxMaxListed.
func (b *xlsxBook) titles(ids []string, more string) string {
	var lines []string
	for _, id := range ids {
		if len(lines) == xlsxMaxListed {
			lines = append(lines, fmt.Sprintf("… and %d more (%s)", len(ids)-xlsxMaxListed, more))
			break
		}
		if i, ok := b.idx[id]; ok {
			lines = append(lines, b.m.Roles[i].Title)
		} else {
			lines = append(lines, id)
		}
	}
	return strings.Join(lines, "\n")
}

// textCell is a bordered, wrapped text cell: whatever the config says, it
// is stored as text, never as a formula.
func (b *xlsxBook) textCell(s string) excelize.Cell {
	return excelize.Cell{StyleID: b.st.text, Value: s}
}

// xlsxLanguage is the workbook's language tag: the company's locale,
// en-US when the model has none.
func xlsxLanguage(tag string) string {
	if tag == "" {
		return "en-US"
	}
	return tag
}
