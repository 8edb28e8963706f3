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
			var docs []posting.Document
			for _, r := range posting.Open(m) {
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
				docs = append(docs, indexEntry(d))
			}
			lang := "en-US"
			if len(docs) > 0 {
				lang = docs[0].Lang
			}
			release, err := generator.Acquire(ctx)
			if err != nil {
				return err
			}
			index := Index(docs, m.Company.Name, lang, a)
			release()
			return emit(generator.File{Name: path.Join(posting.Dir, "index.html"), Data: index})
		},
	}
}

// indexEntry is what Index reads of a posting: the step keeps one per
// open role until the index is written, so not the whole text.
func indexEntry(d posting.Document) posting.Document {
	e := posting.Document{
		RoleID:         d.RoleID,
		Lang:           d.Lang,
		Title:          d.Title,
		Location:       d.Location,
		Workplace:      d.Workplace,
		EmploymentType: d.EmploymentType,
		Pay:            d.Pay,
	}
	for _, f := range d.Facts {
		if f.Label == indexLocationFact {
			e.Facts = append(e.Facts, f)
		}
	}
	return e
}
