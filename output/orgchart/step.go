package orgchart

import (
	"context"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/ladders"
	"github.com/jdgen/jdgen/output"
)

// FileName is the chart's file in the output folder.
const FileName = "org-chart.pdf"

// Step renders org-chart.pdf from the model.
func Step() generator.Step {
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
