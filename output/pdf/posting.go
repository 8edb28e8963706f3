package pdf

import (
	"context"
	"strings"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/output/posting"
)

// postingEyebrow labels a posting above its title.
const postingEyebrow = "JOB OPENING"

// PostingsStep renders postings/<id>.pdf, the candidate-facing posting, for
// every open role (Role.Posting not nil), in parallel like the job
// descriptions, with the same checks and guarantees.
func PostingsStep(o Options) generator.Step {
	return generator.Step{
		Name: "posting PDFs",
		Run: func(ctx context.Context, m *generator.Model, emit generator.Sink) error {
			keep := func(r *generator.Role) bool { return r.Posting != nil }
			build := func(m *generator.Model, r *generator.Role) JDDocument {
				return BuildPosting(posting.Build(m, r), m.Settings.Version)
			}
			return pdfRunStep(ctx, m, emit, o, posting.Dir, keep, build, nil)
		},
	}
}

// BuildPosting lays a posting out as a document the PDF renderer draws:
// the key facts on the line under the title (a table would push most
// postings onto a third page), then the posting's sections (paragraphs, a
// bullet list, then sub-headed lists), nothing else.
func BuildPosting(d posting.Document, version string) JDDocument {
	out := JDDocument{
		RoleID:     d.RoleID,
		Company:    d.Company,
		Title:      d.Title,
		Subtitle:   postingFacts(d),
		BrandColor: d.BrandColor,
		Eyebrow:    postingEyebrow,
		Meta: JDMeta{
			Title:    d.Title,
			Author:   d.Company,
			Subject:  "Job posting",
			Keywords: pdfJoin(", ", d.Department, d.Location),
			Creator:  strings.TrimSpace("jdgen " + version),
			Lang:     d.Lang,
		},
	}
	for _, s := range d.Sections {
		sec := JDSection{ID: JDSectionID(s.ID), Heading: s.Heading}
		for _, p := range s.Paragraphs {
			sec.Blocks = append(sec.Blocks, JDBlock{Kind: JDParagraph, Text: p})
		}
		if len(s.Items) > 0 {
			sec.Blocks = append(sec.Blocks, JDBlock{Kind: JDBullets, Items: s.Items})
		}
		if len(s.Groups) > 0 {
			b := JDBlock{Kind: JDGroups}
			for _, g := range s.Groups {
				b.Groups = append(b.Groups, JDGroup{Heading: g.Heading, Items: g.Items})
			}
			sec.Blocks = append(sec.Blocks, b)
		}
		out.Sections = append(out.Sections, sec)
	}
	return out
}

// postingFacts is the line under the title: "Team · Chicago, IL · On-site
// · Full-time · $82,000 – $98,000 per year · Apply by January 31, 2027".
// The company is in the header.
func postingFacts(d posting.Document) string {
	var parts []string
	for _, f := range d.Facts {
		switch f.Label {
		case "Company":
		case "Apply by":
			parts = append(parts, "Apply by "+f.Value)
		case "Applications":
			parts = append(parts, "Applications accepted on an ongoing basis")
		default:
			parts = append(parts, f.Value)
		}
	}
	return pdfJoin(" "+pdfSeparator+" ", parts...)
}
