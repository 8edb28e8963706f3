package web

import (
	"context"
	"io"
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
			lang := "en-US"
			workplaces := map[string]bool{}
			for i, r := range open {
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
				if i == 0 {
					lang = d.Lang
				}
				workplaces[d.Workplace] = true
			}
			// The index is written as it is made (4 MB at 10,000 roles),
			// its rows made again from the postings: nothing of it is held.
			release, err := generator.Acquire(ctx)
			if err != nil {
				return err
			}
			defer release()
			has := func(w string) bool { return workplaces[w] }
			each := func(row func(indexRow) error) error {
				for _, r := range open {
					if err := ctx.Err(); err != nil {
						return err
					}
					if err := row(rowOf(posting.Build(m, r))); err != nil {
						return err
					}
				}
				return nil
			}
			return emit(generator.File{Name: path.Join(posting.Dir, generator.PostingIndexID+".html"), Stream: func(w io.Writer) error {
				return writeIndex(w, len(open), has, each, m.Company.Name, lang, a)
			}})
		},
	}
}
