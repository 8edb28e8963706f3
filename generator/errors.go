package generator

import (
	"errors"
	"fmt"
	"strings"
)

// Errors returned by the generator package. Callers test them with errors.Is.
var (
	// ErrInvalidConfig wraps a *ConfigError: the company file has problems.
	ErrInvalidConfig = errors.New("invalid config")
	// ErrConfigNotFound means the config file does not exist.
	ErrConfigNotFound = errors.New("config file not found")
	// ErrConfigUnreadable means the config file exists but cannot be read.
	ErrConfigUnreadable = errors.New("config file unreadable")
	// ErrConfigTooLarge means the config file exceeds MaxConfigBytes.
	ErrConfigTooLarge = errors.New("config file too large")
	// ErrBadSourceDateEpoch means SOURCE_DATE_EPOCH is not a Unix time.
	ErrBadSourceDateEpoch = errors.New("SOURCE_DATE_EPOCH is not a Unix timestamp")
	// ErrStepFailed wraps the error of a generation step.
	ErrStepFailed = errors.New("generation step failed")
	// ErrBuiltinData means the embedded role library or ladder is broken.
	ErrBuiltinData = errors.New("built-in data invalid")
	// ErrUnknownFormat means --formats names an output jdgen cannot make.
	ErrUnknownFormat = errors.New("unknown output format")
)

// Problem is one thing wrong with a config: where it is and what is wrong.
type Problem struct {
	// File is the config file's path as the user gave it.
	File string
	// Line is the 1-based line the problem is on.
	Line int
	// Path is the key path ("roles[2].reports_to"); empty for file-level problems.
	Path string
	// Message says what is wrong, and what to do where there is a fix.
	Message string

	// at is the key path whose line Line will be, and col the text whose
	// column starts the message (plus colAdd), while they are not looked
	// up yet (problems.place).
	at, col string
	colAdd  int
}

// String renders the problem as "file:line: path: message".
func (p Problem) String() string {
	if p.Path == "" {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Path, p.Message)
}

// ConfigError holds every problem found in one config, sorted by line.
type ConfigError struct {
	// Problems are sorted by line, then key path.
	Problems []Problem
	// More counts problems found beyond MaxProblems and not listed.
	More int
	// Warnings are the warnings found alongside (not problems themselves);
	// with --strict they are in Problems instead.
	Warnings []Problem
}

// Error joins the problems one per line.
func (e *ConfigError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap makes errors.Is(err, ErrInvalidConfig) true.
func (e *ConfigError) Unwrap() error { return ErrInvalidConfig }

// result is the error for the problems (and, when strict, the warnings)
// collected in p: nil when there are none.
func (p *problems) result(file string, strict bool) error {
	probs := p.sorted(file)
	warns := p.sortedWarnings(file)
	if strict && len(warns) > 0 {
		for _, w := range warns {
			w.Message += " (--strict: warnings are problems)"
			probs = append(probs, w)
		}
		probs = sortProblems(probs, file)
		warns = nil
	}
	if len(probs) == 0 {
		return nil
	}
	return &ConfigError{Problems: probs, Warnings: warns, More: p.dropped}
}
