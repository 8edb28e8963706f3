package cli

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/cpulimit"
	"github.com/jdgen/jdgen/output"
	"github.com/jdgen/jdgen/output/markdown"
	"github.com/jdgen/jdgen/output/orgchart"
	"github.com/jdgen/jdgen/output/pdf"
	"github.com/jdgen/jdgen/output/web"
	"github.com/jdgen/jdgen/output/xlsx"
	"github.com/jdgen/jdgen/templates"
	"github.com/spf13/cobra"
)

//go:embed starter.yaml
var starterConfig []byte

// steps are the renderers of the formats s makes, in the order they run;
// workers PDFs are rendered at once. warn receives the warnings renderers
// find (a job description over its page budget).
func steps(workers int, s generator.Settings, warn func(generator.Problem)) []generator.Step {
	var out []generator.Step
	if s.Makes(generator.FormatJobDescriptions) {
		out = append(out, pdf.JobDescriptionsStep(pdf.Options{Workers: workers, Warn: warn}))
	}
	if s.Makes(generator.FormatPostings) {
		out = append(out,
			pdf.PostingsStep(pdf.Options{Workers: workers}),
			web.PostingsStep(web.Options{}),
			markdown.PostingsStep(markdown.Options{}))
	}
	if s.Makes(generator.FormatWorkbook) {
		out = append(out, xlsx.CareerLadderStep(xlsx.Options{}))
	}
	if s.Makes(generator.FormatOrgChart) {
		out = append(out, orgchart.Step(warn))
	}
	return out
}

// makeSteps is steps; tests add steps of their own to observe a run.
var makeSteps = steps

// summary is what a run wrote: "9 job descriptions, 9 postings and
// career-ladder.xlsx".
func summary(counts map[string]int) string {
	var parts []string
	if n, ok := counts["job-descriptions"]; ok {
		parts = append(parts, plural(n, "job description"))
	}
	if n, ok := counts["postings"]; ok {
		parts = append(parts, plural(n, "posting"))
	}
	if _, ok := counts["career-ladder.xlsx"]; ok {
		parts = append(parts, "career-ladder.xlsx")
	}
	if _, ok := counts["org-chart.pdf"]; ok {
		parts = append(parts, "org-chart.pdf")
	}
	if len(parts) == 0 {
		return "nothing"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// countFile counts a written file under its top folder (postings by
// their pages, the index not included).
func countFile(counts map[string]int, name string) {
	dir, file, nested := strings.Cut(name, "/")
	switch {
	case !nested:
		counts[name]++
	case dir == "postings" && (!strings.HasSuffix(file, ".html") || file == "index.html"):
		if _, ok := counts[dir]; !ok {
			counts[dir] = 0
		}
	default:
		counts[dir]++
	}
}

// expectedFiles is how many files a run of s writes, for the progress bar.
func expectedFiles(m *generator.Model, s generator.Settings) int {
	n := 0
	if s.Makes(generator.FormatJobDescriptions) {
		n += len(m.Roles)
	}
	if s.Makes(generator.FormatPostings) {
		for _, r := range m.Roles {
			if r.Posting != nil {
				n += 3
			}
		}
		n++ // the index
	}
	if s.Makes(generator.FormatWorkbook) {
		n++
	}
	if s.Makes(generator.FormatOrgChart) {
		n++
	}
	return n
}

// generate is the main job: load, resolve, render, write atomically.
func (a *app) generate() error {
	start := time.Now()
	workers, err := a.workers()
	if err != nil {
		return err
	}
	if err := a.recoverEarly(); err != nil {
		return err
	}
	m, err := a.model()
	if err != nil {
		return err
	}
	s := m.Settings
	if limit := workersPerCPU * runtime.NumCPU(); workers > limit {
		fmt.Fprintf(a.stderr, "jdgen: --workers %d is more than %d per CPU; using %d\n", workers, workersPerCPU, limit)
		workers = limit
	}
	// --workers N: the run computes on at most N CPUs, the garbage
	// collector included.
	defer cpulimit.Apply(workers)()
	w, err := output.NewDirWriter(a.ctx, s.OutDir, a.writerOptions(s.OutDir))
	if err != nil {
		return err
	}
	// Renderers' warnings wait until the progress line is gone.
	var (
		lateMu sync.Mutex
		late   []generator.Problem
	)
	warn := func(p generator.Problem) {
		lateMu.Lock()
		defer lateMu.Unlock()
		late = append(late, p)
	}
	run := makeSteps(workers, s, warn)
	prog := newProgress(a.stderr, expectedFiles(m, s))
	counts := map[string]int{}
	var progMu sync.Mutex // guards counts and prog
	// The steps run at once and share the worker budget. The writer takes
	// files from several steps at once: each is written and hashed outside
	// any lock, so one step's file does not hold up another's workers.
	ctx := generator.WithWorkers(a.ctx, workers)
	err = generator.GenerateConcurrent(ctx, m, run, func(f generator.File) error {
		if err := w.Write(f); err != nil {
			return err
		}
		progMu.Lock()
		defer progMu.Unlock()
		countFile(counts, f.Name)
		prog.step(f.Name)
		return nil
	})
	prog.done()
	a.printFindings(nil, late)
	if err != nil {
		w.Abort()
		if a.ctx.Err() != nil {
			return a.ctx.Err()
		}
		return err
	}
	res, err := w.Commit()
	if err != nil {
		return err
	}
	for _, k := range res.Kept {
		fmt.Fprintf(a.stderr, "jdgen: kept %s: it was changed since jdgen wrote it\n", filepath.Join(s.OutDir, filepath.FromSlash(k)))
	}
	fmt.Fprintf(a.stderr, "wrote %s to %s%c in %.1f s\n",
		summary(counts), s.OutDir, filepath.Separator, time.Since(start).Seconds())
	return nil
}

func (a *app) validateCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "validate",
		Short: "Check a company file and report every problem; writes nothing",
		Long: `Check a company file and report every problem; writes nothing.

If a jdgen run was killed while moving its files into the output folder,
validate first finishes or undoes that commit, so the folder holds exactly
one generation.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.recoverEarly(); err != nil {
				return err
			}
			m, err := a.model()
			if err != nil {
				return err
			}
			if err := a.recoverOut(m.Settings.OutDir); err != nil {
				return err
			}
			// What rendering would warn about: documents over their page budget.
			late, err := pdf.PageWarnings(m)
			if err != nil {
				return err
			}
			a.printFindings(nil, late)
			people := 0
			for _, r := range m.Roles {
				people += r.Headcount
			}
			fmt.Fprintf(a.stdout, "%s is valid: %d roles, %d people; %s\n", m.Settings.Config, len(m.Roles), people, plural(len(m.Warnings)+len(late), "warning"))
			printCompliance(a.stdout, m)
			return nil
		},
	}
}

func (a *app) rolesCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "roles",
		Short: "List the built-in role templates",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ts, err := templates.Builtin()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "TEMPLATE\tTITLE\tLEVEL\tFOCUSES")
			for _, t := range ts {
				var fs []string
				for _, f := range t.Focuses {
					fs = append(fs, f.Key)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.ID, t.Title, t.Level, strings.Join(fs, ", "))
			}
			return tw.Flush()
		},
	}
}

func (a *app) initCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter company.yaml here (never overwrites)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := a.v.GetString("config")
			if path == "" {
				path = "company.yaml"
			}
			exists := usageError{fmt.Errorf("%s already exists; jdgen init never overwrites a file (remove it or pass --config other.yaml)", path)}
			if _, err := os.Lstat(path); err == nil {
				return exists
			}
			if err := writeNewFile(path, starterConfig); errors.Is(err, fs.ErrExist) {
				return exists
			} else if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %s; edit it, then run: jdgen --config %s\n", path, path)
			return nil
		},
	}
}

func (a *app) resolveCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "resolve",
		Short: "Print the resolved model as JSON: what will be rendered",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, err := a.model()
			if err != nil {
				return err
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(m)
		},
	}
}

// writerOptions are the output folder settings: --force, --no-wait, --wait.
func (a *app) writerOptions(out string) output.Options {
	wait := a.v.GetDuration("wait")
	if wait <= 0 {
		wait = output.DefaultLockWait
	}
	return output.Options{
		Force:  a.v.GetBool("force"),
		NoWait: a.v.GetBool("no-wait"),
		Wait:   wait,
		OnWait: func(pid int) {
			who := "another jdgen run"
			if pid > 0 {
				who = fmt.Sprintf("another jdgen run (pid %d)", pid)
			}
			fmt.Fprintf(a.stderr, "jdgen: %s is using %s; waiting up to %s (--no-wait fails at once)\n", who, out, wait)
		},
	}
}

// recoverEarly finishes or undoes a killed run's commit in the output
// folder named by --out or JDGEN_OUT, before the config is even read.
func (a *app) recoverEarly() error {
	if out := a.v.GetString("out"); out != "" {
		return a.recoverOut(expandHome(out))
	}
	return nil
}

// recoverOut finishes or undoes a killed run's commit in out, if any.
func (a *app) recoverOut(out string) error {
	changed, err := output.Recover(out)
	if err != nil {
		return err
	}
	if changed {
		fmt.Fprintf(a.stderr, "jdgen: %s: recovered from an interrupted run (finished or undid its commit)\n", out)
	}
	return nil
}

// writeNewFile creates path with data, or leaves nothing at all: the
// content goes to a temporary file first, which is then linked to path
// (failing if path exists). A full disk never leaves an empty file.
func writeNewFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Link(tmp.Name(), path)
}
