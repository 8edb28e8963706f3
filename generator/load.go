package generator

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logo formats
	_ "image/png"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

var (
	slugRe  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	colorRe = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
)

// Load reads, decodes and validates a company file. Every problem found is
// returned at once in a *ConfigError (errors.Is(err, ErrInvalidConfig)).
// A file whose checks pass is not resolved here: the problems only
// resolving finds (an unknown template, a reporting cycle, a document too
// long) are Resolve's to report, and the caller resolves next anyway. A
// file with problems is resolved too, so that all of them come at once.
//
// Only a regular file is read: a named pipe, socket or device (including
// /dev/stdin when it is a pipe or a terminal) is refused before it is
// opened for reading, so a run can never hang on one.
func Load(file string) (*Config, error) {
	f, err := openRegular(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s", ErrConfigNotFound, file)
		}
		var nr *notRegularError
		if errors.As(err, &nr) {
			if nr.dir {
				return nil, fmt.Errorf("%w: %s is a folder", ErrConfigUnreadable, file)
			}
			return nil, fmt.Errorf("%w: %s is %s, not a regular file; save the config to a file and pass its path", ErrConfigUnreadable, file, nr.kind)
		}
		return nil, fmt.Errorf("%w: %w", ErrConfigUnreadable, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxConfigBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfigUnreadable, err)
	}
	if len(data) > MaxConfigBytes {
		return nil, fmt.Errorf("%w: %s is over %d MiB", ErrConfigTooLarge, file, MaxConfigBytes>>20)
	}
	return parseConfig(data, file, filepath.Dir(file), false)
}

// Parse decodes and validates a company document already in memory; file
// names it in messages and dir is where its relative paths resolve. Unlike
// Load, it always resolves the document to find every problem.
func Parse(data []byte, file, dir string) (*Config, error) {
	return parseConfig(data, file, dir, true)
}

// parseConfig is Parse, resolving a document without problems only when always
// is set (see Load).
func parseConfig(data []byte, file, dir string, always bool) (*Config, error) {
	ps := &problems{}
	cfg := decodeConfig(data, ps)
	cfg.File, cfg.Dir = file, dir
	if !ps.fatal {
		validate(cfg, ps)
		// Warnings of the checks that need no templates travel with the
		// config; Resolve finds the others again.
		cfg.warnings = slices.Clone(ps.warnings)
		if always || len(ps.list) > 0 {
			m, err := resolve(cfg, Settings{Paper: DefaultPaper}, ps)
			if err != nil {
				return nil, err
			}
			if len(ps.list) == 0 && m != nil {
				checkModelLimits(cfg, m, ps)
			}
		}
	}
	if len(ps.list) > 0 {
		return nil, &ConfigError{Problems: ps.sorted(file), Warnings: ps.sortedWarnings(file), More: ps.dropped}
	}
	return cfg, nil
}

// validate checks the rules that need no template or ladder knowledge.
func validate(c *Config, ps *problems) {
	at := func(path, format string, args ...any) { ps.addAt(path, path, format, args...) }

	switch {
	case c.Version == nil:
		ps.add(1, "version", "required; put \"version: 1\" at the top of the file")
	case !slices.Contains(SupportedVersions, *c.Version):
		at("version", "unsupported version %d; this jdgen reads version 1", *c.Version)
	}

	// Fonts first: the glyph problems count as decoding problems, so a
	// value refused for its characters gets no second complaint.
	c.FontSet = loadFonts(c, ps)
	checkGlyphs(c, ps)
	ps.endDecoding()

	co := c.Company
	if co.Name == "" {
		at("company.name", "required: the company's name")
	}
	if co.Employees != nil && *co.Employees < 0 {
		at("company.employees", "must be 0 or more, got %d", *co.Employees)
	}
	checkLimits(c, ps)
	if co.Website != "" && !strings.HasPrefix(co.Website, "https://") && !strings.HasPrefix(co.Website, "http://") {
		at("company.website", "must start with https:// or http://, got %q", co.Website)
	}
	if co.BrandColor != "" && !colorRe.MatchString(co.BrandColor) {
		at("company.brand_color", "must be a colour written #RRGGBB (like \"#1F4E79\"), got %q", co.BrandColor)
	}
	if co.Logo != "" {
		c.Logo = readLogo(c, ps)
	}

	d := c.Defaults
	checkEnum(c, ps, "defaults.workplace", d.Workplace, Workplaces)
	checkEnum(c, ps, "defaults.employment_type", d.EmploymentType, EmploymentTypes)
	checkEnum(c, ps, "defaults.flsa", d.FLSA, FLSAStatuses)
	checkCurrency(c, ps, "defaults.currency", d.Currency)

	if len(c.Roles) == 0 {
		at("roles", "at least one role is required")
	}
	ids := map[string]int{}
	var dups [][2]int // a role and the role that used its id first
	for i, r := range c.Roles {
		p := fmt.Sprintf("roles[%d]", i)
		switch {
		case r.ID == "":
			at(p+".id", "required: a short slug such as \"ops-mgr-warehouse\"")
		case !slugRe.MatchString(r.ID):
			at(p+".id", "%q is not a valid id; use lower-case letters, digits and hyphens, starting with a letter or digit (it names the output file)", r.ID)
		case checkID(r.ID) != "":
			at(p+".id", "%s", checkID(r.ID))
		case r.ID == PostingIndexID:
			at(p+".id", "%q is taken: the careers page is postings/%s.html; choose another id", r.ID, PostingIndexID)
		default:
			if first, dup := ids[r.ID]; dup {
				dups = append(dups, [2]int{i, first})
			} else {
				ids[r.ID] = i
			}
		}
		if r.Template == "" {
			at(p+".template", "required: a built-in template id (see \"jdgen roles\") or one from templates:")
		}
		if r.Headcount != nil && *r.Headcount < 1 {
			at(p+".headcount", "must be 1 or more, got %d", *r.Headcount)
		}
		checkEnum(c, ps, p+".workplace", r.Workplace, Workplaces)
		checkEnum(c, ps, p+".employment_type", r.EmploymentType, EmploymentTypes)
		checkEnum(c, ps, p+".flsa", r.FLSA, FLSAStatuses)
		if r.Salary != nil {
			checkSalary(c, ps, p+".salary", *r.Salary)
		}
		if r.ReportsTo == "" {
			at(p+".reports_to", "required: ceo, board or another role's id")
		}
	}
	if len(dups) > 0 {
		// The first ids' lines are in the messages: looked up together.
		firsts := make([]string, len(dups))
		for k, d := range dups {
			firsts[k] = fmt.Sprintf("roles[%d].id", d[1])
		}
		lines, _ := c.pos.find(firsts, nil)
		for k, d := range dups {
			at(fmt.Sprintf("roles[%d].id", d[0]), "duplicate id %q (first used by roles[%d] at line %d)", c.Roles[d[0]].ID, d[1], lines[firsts[k]])
		}
	}

	tids := map[string]int{}
	for i, t := range c.Templates {
		p := fmt.Sprintf("templates[%d]", i)
		switch {
		case t.ID == "":
			at(p+".id", "required: a slug such as \"fleet-operations-manager\"")
		case !slugRe.MatchString(t.ID):
			at(p+".id", "%q is not a valid id; use lower-case letters, digits and hyphens", t.ID)
		default:
			if first, dup := tids[t.ID]; dup {
				at(p+".id", "duplicate template id %q (first used by templates[%d])", t.ID, first)
			} else {
				tids[t.ID] = i
			}
		}
		if t.Extends == "" {
			if t.Title == "" {
				at(p+".title", "required when the template does not extend another")
			}
			if t.Level == "" {
				at(p+".level", "required when the template does not extend another")
			}
		}
		checkEnum(c, ps, p+".flsa", t.FLSA, FLSAStatuses)
	}

	for _, code := range sortedKeys(c.Ladder.Bands) {
		checkSalary(c, ps, "ladder.bands."+code, c.Ladder.Bands[code])
	}
	checkEnum(c, ps, "output.paper", c.Output.Paper, Papers)
	checkPDFA(c, ps)
}

func checkEnum(c *Config, ps *problems, path, v string, allowed []string) {
	if v == "" || slices.Contains(allowed, v) {
		return
	}
	hint := ""
	if s, ok := closest(v, allowed); ok {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	ps.addAt(path, path, "%q is not allowed; use one of: %s%s", v, strings.Join(allowed, ", "), hint)
}

func checkCurrency(c *Config, ps *problems, path, v string) {
	if v == "" || iso4217[v] {
		return
	}
	hint := ""
	if iso4217[strings.ToUpper(v)] {
		hint = fmt.Sprintf(" (did you mean %q?)", strings.ToUpper(v))
	}
	ps.addAt(path, path, "%q is not an ISO 4217 currency code such as USD, EUR or GBP%s", v, hint)
}

func checkSalary(c *Config, ps *problems, path string, s SalaryConfig) {
	if s.Min == nil {
		ps.addAt(path, path+".min", "required: the bottom of the range")
	}
	if s.Max == nil {
		ps.addAt(path, path+".max", "required: the top of the range")
	}
	if s.Min != nil && *s.Min < 0 {
		ps.addAt(path+".min", path+".min", "must not be negative, got %s", num(*s.Min))
	}
	if s.Max != nil && *s.Max < 0 {
		ps.addAt(path+".max", path+".max", "must not be negative, got %s", num(*s.Max))
	}
	if s.Min != nil && s.Max != nil && *s.Min > *s.Max {
		ps.addAt(path+".min", path, "min %s is greater than max %s", num(*s.Min), num(*s.Max))
	}
	checkPay(c, ps, path, s)
	checkCurrency(c, ps, path+".currency", s.Currency)
	checkEnum(c, ps, path+".period", s.Period, Periods)
}

func num(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

func readLogo(c *Config, ps *problems) []byte {
	const path = "company.logo"
	p := c.Company.Logo
	if !filepath.IsAbs(p) {
		p = filepath.Join(c.Dir, p)
	}
	f, err := openRegular(p)
	var nr *notRegularError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		ps.addAt(path, path, "file %q not found (looked for %s)", c.Company.Logo, p)
		return nil
	case errors.As(err, &nr) && nr.dir:
		ps.addAt(path, path, "%q is not a file", c.Company.Logo)
		return nil
	case errors.As(err, &nr):
		ps.addAt(path, path, "%q is %s, not a regular file; use a PNG or JPEG file", c.Company.Logo, nr.kind)
		return nil
	case err != nil:
		ps.addAt(path, path, "cannot read %q: %v", c.Company.Logo, errors.Unwrap(err))
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxLogoBytes+1))
	if err != nil {
		ps.addAt(path, path, "cannot read %q: %v", c.Company.Logo, err)
		return nil
	}
	if len(data) > MaxLogoBytes {
		ps.addAt(path, path, "%q is over %d MiB; use a smaller image", c.Company.Logo, MaxLogoBytes>>20)
		return nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		ps.addAt(path, path, "%q is not a PNG or JPEG image", c.Company.Logo)
		return nil
	}
	if cfg.Width*cfg.Height > MaxLogoPixels {
		ps.addAt(path, path, "%q is %d x %d pixels; use a logo of at most %d megapixels", c.Company.Logo, cfg.Width, cfg.Height, MaxLogoPixels/1_000_000)
		return nil
	}
	if cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide {
		ps.addAt(path, path, "%q is %d x %d pixels; use a logo at most %d pixels on each side", c.Company.Logo, cfg.Width, cfg.Height, MaxLogoSide)
		return nil
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		ps.addAt(path, path, "%q is a damaged %s image: %v", c.Company.Logo, strings.ToUpper(format), err)
		return nil
	}
	return data
}
