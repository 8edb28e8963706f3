package pdf

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jdgen/jdgen/generator"
)

// The page budget of a job description: what a role of the built-in
// library fits in at full type size. Levels are counted from the bottom of
// the ladder: the first pdfShortLevels levels (OPS-1 to OPS-5 on the
// default ladder) get pdfShortBudget pages, higher ones pdfLongBudget.
const (
	pdfShortLevels = 5
	pdfShortBudget = 2
	pdfLongBudget  = 3
)

// PageBudget is the number of pages role r's job description should fit
// in: 2 for the five lowest levels of the ladder, 3 above them (and for a
// role whose level is not on the ladder).
func PageBudget(m *generator.Model, r *generator.Role) int {
	i := slices.IndexFunc(m.Ladder.Levels, func(l generator.LadderLevel) bool { return l.Code == r.Level })
	if i < 0 {
		// Not on the ladder (a hand-built model): read "OPS-4" as level 4.
		if n, err := strconv.Atoi(r.Level[strings.LastIndexByte(r.Level, '-')+1:]); err == nil && n >= 1 {
			i = n - 1
		} else {
			return pdfLongBudget
		}
	}
	if i < pdfShortLevels {
		return pdfShortBudget
	}
	return pdfLongBudget
}

// pdfLong is a document longer than its budget.
type pdfLong struct {
	role, pages, budget int
}

// pdfReportLong turns the documents over budget into warnings naming the
// role, its page count and its budget, in config order: handed to warn, or
// in strict mode returned as problems (the run fails, nothing is written).
func pdfReportLong(m *generator.Model, long []pdfLong, warn func(generator.Problem)) error {
	ps, err := pdfLongProblems(m, long)
	if err != nil {
		return err
	}
	if warn != nil {
		for _, p := range ps {
			warn(p)
		}
	}
	return nil
}

// pdfLongProblems words the documents over budget, in config order; in
// strict mode they come back as the problems of a *generator.ConfigError.
func pdfLongProblems(m *generator.Model, long []pdfLong) ([]generator.Problem, error) {
	if len(long) == 0 {
		return nil, nil
	}
	slices.SortFunc(long, func(a, b pdfLong) int { return a.role - b.role })
	ps := make([]generator.Problem, 0, len(long))
	for _, l := range long {
		r := &m.Roles[l.role]
		ps = append(ps, generator.Problem{
			File: m.Settings.Config, Line: max(r.Line, 1), Path: fmt.Sprintf("roles[%d]", l.role),
			Message: fmt.Sprintf("the job description of %q (%s) runs to %d pages, over its budget of %d at %s; shorten its text (responsibilities, qualifications, KPIs) or remove items", r.ID, pdfOr(r.Level, "no level"), l.pages, l.budget, pdfBudgetWhy(l.budget)),
		})
	}
	if m.Settings.Strict {
		for i := range ps {
			ps[i].Message += " (--strict makes this a problem)"
		}
		return nil, &generator.ConfigError{Problems: ps}
	}
	return ps, nil
}

// PageWarnings lays out every role's job description, drawing no PDF, and
// returns a warning for each one over its page budget (see PageBudget), in
// config order: what the job-descriptions step would report, for commands
// that do not render (validate). In strict mode (Settings.Strict) the
// error is a *generator.ConfigError holding them as problems. Other errors
// are those rendering would return (a bad logo, paper size, colour or
// character).
func PageWarnings(m *generator.Model) ([]generator.Problem, error) {
	return pdfPageWarnings(m, runtime.GOMAXPROCS(0))
}

// pdfPageWarnings is PageWarnings laying out on workers goroutines, each
// with its own wrap cache; the result is the same for any number of them
// (an error is the first failing role's in config order).
func pdfPageWarnings(m *generator.Model, workers int) ([]generator.Problem, error) {
	opts := JDRenderOptions{Paper: m.Settings.Paper, Date: m.Settings.Date, Fonts: pdfModelFonts(m)}
	if len(m.Company.Logo) > 0 {
		logo, err := NewLogo(m.Company.Logo)
		if err != nil {
			return nil, err
		}
		opts.Logo = logo
	}
	pages := make([]int, len(m.Roles))
	errs := make([]error, len(m.Roles))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, len(m.Roles))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cache := newPDFWrapCache(pdfWrapCacheSize)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(m.Roles) {
					return
				}
				p, err := pdfPlanCached(BuildJobDescription(m, &m.Roles[i]), opts, cache)
				if err != nil {
					errs[i] = err
					continue
				}
				pages[i] = p.stats.pages
			}
		}()
	}
	wg.Wait()
	var long []pdfLong
	for i := range m.Roles {
		r := &m.Roles[i]
		if errs[i] != nil {
			return nil, fmt.Errorf("role %s: %w", r.ID, errs[i])
		}
		if budget := PageBudget(m, r); pages[i] > budget {
			long = append(long, pdfLong{i, pages[i], budget})
		}
	}
	return pdfLongProblems(m, long)
}

func pdfBudgetWhy(budget int) string {
	if budget == pdfShortBudget {
		return "this level"
	}
	return "senior levels"
}
