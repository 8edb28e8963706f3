package pdf

import (
	"regexp"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/pdftext"
	"github.com/jdgen/jdgen/output/posting"
	"github.com/jdgen/jdgen/templates"
)

// postingMaxPages is the most a posting may take at full type size.
const postingMaxPages = 2

// renderPostings runs the postings step over m and returns the files.
func renderPostings(t *testing.T, m *generator.Model) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := PostingsStep(Options{Workers: 2}).Run(t.Context(), m, func(f generator.File) error {
		f, err := f.Hold() // the step reuses its buffer after emit
		files[f.Name] = f.Data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestPostingPDFExamples(t *testing.T) {
	levelCode := regexp.MustCompile(`\bOPS[-–]\d`)
	for _, file := range []string{"company", "small-business", "british-company"} {
		m := pdfModelFromFile(t, "../../examples/"+file+".yaml", "letter")
		files := renderPostings(t, m)
		open := posting.Open(m)
		if len(files) != len(open) {
			t.Fatalf("%s: %d PDFs for %d open roles", file, len(files), len(open))
		}
		for _, r := range open {
			data := files["postings/"+r.ID+".pdf"]
			pages, err := pdftext.Pages(data)
			if err != nil {
				t.Fatalf("%s: %v", r.ID, err)
			}
			if len(pages) < 1 || len(pages) > postingMaxPages {
				t.Errorf("%s/%s: %d pages, want 1 to %d", file, r.ID, len(pages), postingMaxPages)
			}
			text := strings.Join(pages, "")
			flat := strings.Join(strings.Fields(text), " ")
			if !strings.Contains(pages[0], "JOB OPENING") || !strings.Contains(pages[0], r.Title) {
				t.Errorf("%s: first page lacks the label or the title:\n%.300s", r.ID, pages[0])
			}
			d := posting.Build(m, r)
			at := 0
			for _, s := range d.Sections {
				i := strings.Index(flat[at:], s.Heading)
				if i < 0 {
					t.Errorf("%s: heading %q missing or out of order", r.ID, s.Heading)
					continue
				}
				at += i + len(s.Heading)
			}
			for _, want := range []string{r.Location, generator.Label(r.EmploymentType)} {
				if !strings.Contains(flat, want) {
					t.Errorf("%s: no %q in the PDF", r.ID, want)
				}
			}
			if r.Salary != nil && !strings.Contains(flat, r.Salary.Text) {
				t.Errorf("%s: no pay %q in the PDF", r.ID, r.Salary.Text)
			}
			if levelCode.MatchString(text) || strings.Contains(text, r.Level) {
				t.Errorf("%s: the posting PDF shows a level code", r.ID)
			}
			for _, c := range m.Ladder.Competencies {
				if strings.Contains(flat, c.Name) {
					t.Errorf("%s: competency %q in the posting PDF", r.ID, c.Name)
				}
			}
			for _, k := range r.KPIs {
				if strings.Contains(flat, k.Text) {
					t.Errorf("%s: KPI in the posting PDF", r.ID)
				}
			}
			if r.Posting.ApplyBy == "" && !strings.Contains(flat, posting.Ongoing) {
				t.Errorf("%s: no deadline and no %q", r.ID, posting.Ongoing)
			}
		}
	}
}

// TestPostingPDFBuiltinTemplatesFit: a posting of every built-in template
// fits in two pages at both paper sizes.
func TestPostingPDFBuiltinTemplatesFit(t *testing.T) {
	for _, id := range templates.IDs() {
		for _, paper := range []string{"letter", "a4"} {
			m := pdfModelFromYAML(t, pdfTemplateConfig(id), paper)
			data := renderPostings(t, m)["postings/role.pdf"]
			if n := pdfCountPages(data); n < 1 || n > postingMaxPages {
				t.Errorf("%s (%s): %d pages", id, paper, n)
			}
		}
	}
}

func TestPostingPDFClosedRoles(t *testing.T) {
	m := pdfModelFromYAML(t, `version: 1
company: {name: Acme}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo, posting: false}
`, "letter")
	if files := renderPostings(t, m); len(files) != 0 {
		t.Errorf("files for a closed role: %v", len(files))
	}
}

func TestBuildPosting(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r, _ := m.Role("ops-supervisor-night")
	d := BuildPosting(posting.Build(m, r), "test")
	if d.Eyebrow != "JOB OPENING" || d.Meta.Subject != "Job posting" || d.Meta.Lang != "en-US" {
		t.Errorf("eyebrow %q subject %q lang %q", d.Eyebrow, d.Meta.Subject, d.Meta.Lang)
	}
	want := "Warehouse · Joliet, IL · On-site · Full-time · $29 – $36 per hour · Apply by January 31, 2027"
	if d.Subtitle != want {
		t.Errorf("subtitle %q, want %q", d.Subtitle, want)
	}
	if d.Sections[0].ID != JDSectionID(posting.AboutCompany) || len(d.Sections) != 8 {
		t.Errorf("%d sections, first %q", len(d.Sections), d.Sections[0].ID)
	}
	if s, ok := d.Section(JDSectionID(posting.Qualifications)); !ok || s.Blocks[0].Kind != JDGroups || s.Blocks[0].Groups[1].Heading != "Nice to have" {
		t.Errorf("qualifications %+v", s)
	}
}
