package orgchart

import (
	"context"
	"errors"
	"fmt"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/ladders"
	"github.com/jdgen/jdgen/output"
)

// FileName is the chart's file in the output folder.
const FileName = "org-chart.pdf"

// Step renders org-chart.pdf from the model.
//
// The chart draws every box in one font family. When neither the
// company's fonts nor the built-in ones draw all of its text (a CJK
// company font without Latin letters, say), no chart is made and warn,
// when not nil, is told why; the other outputs are not held back.
func Step(warn func(generator.Problem)) generator.Step {
	return generator.Step{
		Name: "org chart",
		Run: func(ctx context.Context, m *generator.Model, emit generator.Sink) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			// One slot of the run's worker budget while building.
			release, err := generator.Acquire(ctx)
			if err != nil {
				return err
			}
			data, err := buildPDF(m)
			release()
			if errors.Is(err, ErrUnrenderable) && warn != nil {
				warn(unrenderableWarning(m, err))
				return nil
			}
			if err != nil {
				return err
			}
			return emit(generator.File{Name: FileName, Data: data})
		},
	}
}

// buildPDF builds and renders the chart of m.
func buildPDF(m *generator.Model) ([]byte, error) {
	c, err := Build(m)
	if err != nil {
		return nil, err
	}
	return Render(c, RenderOptions{})
}

func bandStyle(b ladders.Band) output.BandStyle { return output.BandStyleOf(b) }

// unrenderableWarning says why no chart was made, at the first role whose
// title or location the built-in fonts cannot draw.
func unrenderableWarning(m *generator.Model, err error) generator.Problem {
	p := generator.Problem{File: m.Settings.Config, Line: 1, Path: "company.fonts"}
	def := fonts.Default()
	drawable := func(s string) bool {
		for _, r := range s {
			if !def.Covers(r) {
				return false
			}
		}
		return true
	}
	for i, r := range m.Roles {
		switch {
		case !drawable(r.Title):
			p.Path = fmt.Sprintf("roles[%d].title", i)
		case !drawable(r.Location):
			p.Path = fmt.Sprintf("roles[%d].location", i)
		default:
			continue
		}
		if r.Line > 0 {
			p.Line = r.Line
		}
		break
	}
	p.Message = fmt.Sprintf("org-chart.pdf was not made (%v): the chart draws every box in one font, and neither the company fonts alone (they lack Latin letters or some of this text) nor the built-in Liberation Sans draw all of it; the other documents are made", err)
	return p
}
