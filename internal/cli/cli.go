// Package cli is jdgen's command line: cobra commands, flag and environment
// binding through viper, and the only place where errors become prose.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/output"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

// Version is jdgen's version, printed by --version and written into the
// metadata of every document.
const Version = "0.1.0"

// Exit codes.
const (
	ExitOK       = 0
	ExitFailure  = 1
	ExitBadInput = 2
)

// usageError marks a bad flag or argument: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// app holds one run's streams and settings.
type app struct {
	stdout, stderr io.Writer
	v              *viper.Viper
	ctx            context.Context
	now            func() time.Time
}

// Run executes jdgen with args (without the program name) and returns the
// exit code. It never calls os.Exit, so tests drive the whole CLI.
func Run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	a := &app{stdout: stdout, stderr: stderr, v: viper.New(), ctx: ctx, now: time.Now}
	root := a.rootCommand()
	if args == nil {
		args = []string{} // cobra would read os.Args instead
	}
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	return a.report(err)
}

// report turns an error into prose on stderr and picks the exit code.
func (a *app) report(err error) int {
	var ce *generator.ConfigError
	var ue usageError
	switch {
	case errors.As(err, &ce):
		a.printFindings(ce.Problems, ce.Warnings)
		if ce.More > 0 {
			fmt.Fprintf(a.stderr, "... and %d more problems not listed\n", ce.More)
		}
		counts := plural(len(ce.Problems)+ce.More, "problem")
		if len(ce.Warnings) > 0 {
			counts += " and " + plural(len(ce.Warnings), "warning")
		}
		fmt.Fprintf(a.stderr, "jdgen: %s in %s; nothing was written\n", counts, ce.Problems[0].File)
		return ExitBadInput
	case errors.As(err, &ue):
		fmt.Fprintf(a.stderr, "jdgen: %v\nRun \"jdgen --help\" for usage.\n", ue.err)
		return ExitBadInput
	case errors.Is(err, generator.ErrConfigNotFound):
		fmt.Fprintf(a.stderr, "jdgen: %v\n", err)
		return ExitBadInput
	case errors.Is(err, generator.ErrConfigTooLarge), errors.Is(err, generator.ErrConfigUnreadable),
		errors.Is(err, generator.ErrBadSourceDateEpoch):
		fmt.Fprintf(a.stderr, "jdgen: %v\n", err)
		return ExitBadInput
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(a.stderr, "jdgen: interrupted; nothing was written and temporary files were removed")
		return ExitFailure
	}
	fmt.Fprintf(a.stderr, "jdgen: %v\n", err)
	return ExitFailure
}

// printFindings prints problems and warnings on stderr in line order,
// each warning prefixed "warning: " (see DESIGN.md, warnings).
func (a *app) printFindings(problems, warnings []generator.Problem) {
	type finding struct {
		p    generator.Problem
		warn bool
	}
	all := make([]finding, 0, len(problems)+len(warnings))
	for _, p := range problems {
		all = append(all, finding{p: p})
	}
	for _, w := range warnings {
		all = append(all, finding{p: w, warn: true})
	}
	slices.SortStableFunc(all, func(x, y finding) int { return x.p.Line - y.p.Line })
	if hidden := len(all) - maxShownProblems; hidden > 0 {
		all = all[:min(len(all), maxShownProblems)]
		defer fmt.Fprintf(a.stderr, "... and %d more not shown\n", hidden)
	}
	for _, f := range all {
		if f.warn {
			fmt.Fprintln(a.stderr, "warning: "+f.p.String())
		} else {
			fmt.Fprintln(a.stderr, f.p.String())
		}
	}
}

// plural is "1 warning", "2 warnings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "jdgen",
		Short: "Turn a company's operations structure into job descriptions and a career ladder",
		Long: `jdgen reads one YAML file describing a company's operations roles (COO, VPs,
directors, managers, who reports to whom, pay ranges, locations) and writes:

  <out>/job-descriptions/<role-id>.pdf   one job description per role
  <out>/postings/<role-id>.pdf|.html|.md the candidate-facing posting of each open role
  <out>/postings/index.html              the careers index
  <out>/career-ladder.xlsx               the career-ladder workbook

--formats (or output.formats) makes only some of them.

Exit codes: 0 done, 2 bad input (config or flags), 1 anything else.`,
		Example: `  jdgen --config company.yaml
  jdgen --config company.yaml --out hr-docs --paper a4
  jdgen validate --config company.yaml
  jdgen init`,
		Version: Version,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("unknown command %q for \"jdgen\"", args[0])}
			}
			return nil
		},
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.bindSettings(cmd)
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return a.generate() },
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringP("config", "c", "", "company file (env JDGEN_CONFIG; default ./company.yaml)")
	pf.StringP("out", "o", "", "output folder (env JDGEN_OUT; default the file's output.dir, else ./out)")
	pf.String("paper", "", "paper size: letter or a4 (env JDGEN_PAPER; default the file's output.paper, else the locale's: letter for en-US and en-CA, a4 otherwise)")
	pf.Int("workers", runtime.NumCPU(), "CPUs to render on at once: documents rendered in parallel, and the most CPUs the run uses (env JDGEN_WORKERS; the default is the number of CPUs)")
	pf.String("formats", "", "outputs to make, comma-separated: job-descriptions, postings, workbook, org-chart (env JDGEN_FORMATS; default the file's output.formats, else all)")
	pf.Bool("strict", false, "treat every warning as a problem: exit 2, nothing written (env JDGEN_STRICT; file output.strict)")
	f := root.Flags()
	f.Bool("force", false, "replace files in the output folder that jdgen did not write (env JDGEN_FORCE)")
	f.Bool("no-wait", false, "fail at once if another jdgen run is using the output folder (env JDGEN_NO_WAIT)")
	f.Duration("wait", output.DefaultLockWait, "how long to wait for another jdgen run using the output folder (env JDGEN_WAIT)")
	root.AddCommand(a.validateCommand(), a.rolesCommand(), a.initCommand(), a.resolveCommand())
	strictCompletion(root)
	return root
}

// maxShownProblems is how many problems are printed; the rest are counted.
const maxShownProblems = 100

// noArgs refuses positional arguments as a usage error (exit 2).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%q takes no arguments, got %q", cmd.CommandPath(), strings.Join(args, " "))}
	}
	return nil
}

// strictCompletion makes "jdgen completion <unknown shell>" a usage error
// instead of printing help with exit 0.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				var shells []string
				for _, s := range cmd.Commands() {
					shells = append(shells, s.Name())
				}
				return usageError{fmt.Errorf("unknown shell %q for \"jdgen completion\"; use one of: %s", args[0], strings.Join(shells, ", "))}
			}
			return nil
		}
		c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	}
}

// bindSettings layers flags > JDGEN_* environment on a per-run viper; the
// file and the defaults are layered in settings().
func (a *app) bindSettings(cmd *cobra.Command) error {
	a.v.SetEnvPrefix("JDGEN")
	a.v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	a.v.AutomaticEnv()
	for _, name := range []string{"config", "out", "paper", "workers", "strict", "formats", "force", "no-wait", "wait"} {
		if f := cmd.Flags().Lookup(name); f != nil {
			if err := a.v.BindPFlag(name, f); err != nil {
				return err
			}
		}
	}
	if p := a.v.GetString("paper"); p != "" && !slices.Contains(generator.Papers, p) {
		return usageError{fmt.Errorf("--paper (or JDGEN_PAPER): %q is not allowed; use one of: %s", p, strings.Join(generator.Papers, ", "))}
	}
	if _, err := a.workers(); err != nil {
		return err
	}
	if v := strings.TrimSpace(a.v.GetString("formats")); v != "" {
		if _, err := generator.ParseFormats(v); err != nil {
			return usageError{fmt.Errorf("--formats (or JDGEN_FORMATS): %w", err)}
		}
	}
	if v := strings.TrimSpace(a.v.GetString("strict")); v != "" {
		if _, err := strconv.ParseBool(v); err != nil {
			return usageError{fmt.Errorf("--strict (or JDGEN_STRICT): %q is not allowed; use true or false", v)}
		}
	}
	return nil
}

// maxWorkers bounds --workers: far more than any machine has CPUs.
const maxWorkers = 1024

// workersPerCPU caps the workers actually used: more than this many per
// CPU only costs memory (each worker holds a document being built).
const workersPerCPU = 4

// workers is --workers, else JDGEN_WORKERS, else the number of CPUs.
func (a *app) workers() (int, error) {
	v := strings.TrimSpace(a.v.GetString("workers"))
	if v == "" {
		return runtime.NumCPU(), nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxWorkers {
		return 0, usageError{fmt.Errorf("--workers (or JDGEN_WORKERS): %q is not allowed; use a whole number from 1 to %d", v, maxWorkers)}
	}
	return n, nil
}

// configPath is --config, else JDGEN_CONFIG, else ./company.yaml if present.
func (a *app) configPath() (string, error) {
	if p := a.v.GetString("config"); p != "" {
		return expandHome(p), nil
	}
	if _, err := os.Stat("company.yaml"); err == nil {
		return "company.yaml", nil
	}
	return "", usageError{errors.New("no config file: pass --config company.yaml (or set JDGEN_CONFIG), or run \"jdgen init\" to write a starter company.yaml here")}
}

// model reads the config, layers the run settings over it and resolves
// it: what every command renders or prints.
func (a *app) model() (*generator.Model, error) {
	path, err := a.configPath()
	if err != nil {
		return nil, err
	}
	cfg, err := generator.Load(path)
	if err != nil {
		return nil, err
	}
	s, err := a.settings(cfg)
	if err != nil {
		return nil, err
	}
	m, err := generator.Resolve(cfg, s)
	if err != nil {
		return nil, err
	}
	a.printFindings(nil, m.Warnings)
	return m, nil
}

// settings layers flags > environment > file > defaults, in one place.
func (a *app) settings(cfg *generator.Config) (generator.Settings, error) {
	s := generator.Settings{Config: cfg.File, Version: Version}
	switch {
	case a.v.GetString("out") != "":
		s.OutDir = expandHome(a.v.GetString("out"))
	case cfg.Output.Dir != "":
		s.OutDir = expandHome(cfg.Output.Dir)
		if !filepath.IsAbs(s.OutDir) {
			s.OutDir = filepath.Join(cfg.Dir, s.OutDir)
		}
	default:
		s.OutDir = generator.DefaultOutDir
	}
	// No paper given: Resolve takes the locale's (letter for en-US and
	// en-CA, A4 otherwise).
	if cfg.Output.Paper != "" {
		s.Paper = cfg.Output.Paper
	}
	if p := a.v.GetString("paper"); p != "" {
		s.Paper = p
	}
	s.Strict = cfg.Output.Strict != nil && *cfg.Output.Strict
	if v := strings.TrimSpace(a.v.GetString("strict")); v != "" && a.v.IsSet("strict") {
		// Checked in bindSettings. The file's output.strict still applies
		// when this is false (Resolve reads it too).
		s.Strict, _ = strconv.ParseBool(v)
	}
	if v := strings.TrimSpace(a.v.GetString("formats")); v != "" {
		s.Formats, _ = generator.ParseFormats(v) // checked in bindSettings
	}
	date, err := sourceDate(a.now)
	if err != nil {
		return s, err
	}
	s.Date = date
	return s, nil
}

// sourceDate is SOURCE_DATE_EPOCH when set, else today, in UTC.
func sourceDate(now func() time.Time) (time.Time, error) {
	v, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return now().UTC(), nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil || sec < 0 || sec > 253402300799 {
		return time.Time{}, fmt.Errorf("%w: %q", generator.ErrBadSourceDateEpoch, v)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// expandHome turns a leading "~" or "~/" into the home folder, as a shell
// would: "output.dir: ~/hr" must not make a folder named "~".
func expandHome(p string) string {
	if p != "~" && !strings.HasPrefix(p, "~/") && !strings.HasPrefix(p, "~"+string(filepath.Separator)) {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return p
	}
	return filepath.Join(home, p[1:])
}
