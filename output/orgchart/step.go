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
			c, err := Build(m)
			if err != nil {
				return err
			}
			data, err := Render(c, RenderOptions{})
			if err != nil {
				return err
			}
			return emit(generator.File{Name: FileName, Data: data})
		},
	}
}

func bandStyle(b ladders.Band) output.BandStyle { return output.BandStyleOf(b) }
