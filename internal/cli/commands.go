package cli

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/gctune"
	"github.com/jdgen/jdgen/output"
	"github.com/jdgen/jdgen/output/orgchart"
	"github.com/jdgen/jdgen/output/pdf"
	"github.com/jdgen/jdgen/output/xlsx"
	"github.com/jdgen/jdgen/templates"
	"github.com/spf13/cobra"
)

//go:embed starter.yaml
var starterConfig []byte

// steps are the renderers, in the order they run; workers job
// descriptions are rendered at once.
func steps(workers int) []generator.Step {
	return []generator.Step{
		pdf.JobDescriptionsStep(pdf.Options{Workers: workers}),
		xlsx.CareerLadderStep(xlsx.Options{}),
		orgchart.Step(),
	}
}

// generate is the main job: load, resolve, render, write atomically.
func (a *app) generate() error {
	start := time.Now()
	defer gctune.Apply()()
	workers, err := a.workers()
	if err != nil {
		return err
	}
	m, err := a.model()
	if err != nil {
		return err
	}
	s := m.Settings
	w, err := output.NewDirWriter(s.OutDir)
	if err != nil {
		return err
	}
	prog := newProgress(a.stderr, len(m.Roles)+1)
	pdfs := 0
	// The steps run at once and share the worker budget.
	ctx := generator.WithWorkers(a.ctx, workers)
	err = generator.Generate(ctx, m, steps(workers), func(f generator.File) error {
		if err := w.Write(f); err != nil {
			return err
		}
		if strings.HasPrefix(f.Name, "job-descriptions/") {
			pdfs++
		}
		prog.step(f.Name)
		return nil
	})
	prog.done()
	if err != nil {
		w.Abort()
		if a.ctx.Err() != nil {
			return a.ctx.Err()
		}
		return err
	}
	if err := w.Commit(); err != nil {
		return err
	}
	noun := "job descriptions"
	if pdfs == 1 {
		noun = "job description"
	}
	fmt.Fprintf(a.stderr, "wrote %d %s and career-ladder.xlsx to %s%c in %.1f s\n",
		pdfs, noun, s.OutDir, filepath.Separator, time.Since(start).Seconds())
	return nil
}

func (a *app) validateCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "validate",
		Short: "Check a company file and report every problem; writes nothing",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, err := a.model()
			if err != nil {
				return err
			}
			people := 0
			for _, r := range m.Roles {
				people += r.Headcount
			}
			fmt.Fprintf(a.stdout, "%s is valid: %d roles, %d people; %s\n", m.Settings.Config, len(m.Roles), people, plural(len(m.Warnings), "warning"))
			return nil
		},
	}
}

func (a *app) rolesCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "roles",
		Short: "List the built-in role templates",
		Args:  cobra.NoArgs,
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
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := a.v.GetString("config")
			if path == "" {
				path = "company.yaml"
			}
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return usageError{fmt.Errorf("%s already exists; jdgen init never overwrites a file (remove it or pass --config other.yaml)", path)}
			}
			if err != nil {
				return err
			}
			if _, err := f.Write(starterConfig); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
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
		Args:  cobra.NoArgs,
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
