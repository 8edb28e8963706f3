package web

import (
	"context"
	"path"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/output/posting"
)

// Options configure the web postings step. It is empty for now.
type Options struct{}

// PostingsStep renders postings/<id>.html for every open role (a role
// whose Posting is not nil) and the careers index postings/index.html.
func PostingsStep(o Options) generator.Step {
	return generator.Step{
		Name: "web postings",
		Run: func(ctx context.Context, m *generator.Model, emit generator.Sink) error {
			a, err := NewAssets(m.Company.Logo, m.Company.BrandColor)
			if err != nil {
				return err
			}
			open := posting.Open(m)
			rows := make([]indexRow, 0, len(open))
			lang := "en-US"
			for _, r := range open {
				if err := ctx.Err(); err != nil {
					return err
				}
				// One slot of the run's worker budget while rendering.
				release, err := generator.Acquire(ctx)
				if err != nil {
					return err
				}
				d := posting.Build(m, r)
				page, err := Page(d, a)
				release()
				if err != nil {
					return err
				}
				if err := emit(generator.File{Name: path.Join(posting.Dir, r.ID+".html"), Data: page}); err != nil {
					return err
				}
				if len(rows) == 0 {
					lang = d.Lang
				}
				rows = append(rows, rowOf(d))
			}
			release, err := generator.Acquire(ctx)
			if err != nil {
				return err
			}
			index := indexPage(rows, m.Company.Name, lang, a)
			release()
			return emit(generator.File{Name: path.Join(posting.Dir, generator.PostingIndexID+".html"), Data: index})
		},
	}
}
