package markdown

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/golden"
	"github.com/jdgen/jdgen/internal/steptest"
	"github.com/jdgen/jdgen/output/posting"
)

func exampleModel(t testing.TB, name string) *generator.Model {
	t.Helper()
	return steptest.Example(t, name, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
}

// TestGolden compares every example posting with testdata/<example>/<id>.md.
func TestGolden(t *testing.T) {
	for _, name := range []string{"company", "small-business", "british-company"} {
		m := exampleModel(t, name)
		n := 0
		err := PostingsStep(Options{}).Run(t.Context(), m, func(f generator.File) error {
			n++
			golden.Check(t, "testdata/"+name+"/"+strings.TrimPrefix(f.Name, "postings/"), f.Data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != len(posting.Open(m)) {
			t.Errorf("%s: %d files for %d open roles", name, n, len(posting.Open(m)))
		}
	}
}

func TestStructure(t *testing.T) {
	m := exampleModel(t, "company")
	r, _ := m.Role("ops-analyst")
	d := posting.Build(m, r)
	md := string(Render(d))
	lines := strings.Split(md, "\n")
	if lines[0] != "# "+r.Title {
		t.Errorf("first line %q", lines[0])
	}
	var h1, h2, h3, items int
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "# "):
			h1++
		case strings.HasPrefix(l, "## "):
			h2++
		case strings.HasPrefix(l, "### "):
			h3++
		case strings.HasPrefix(l, "- "):
			items++
		}
	}
	want := 0
	groups := 0
	for _, s := range d.Sections {
		want += len(s.Items)
		for _, g := range s.Groups {
			want += len(g.Items)
			groups++
		}
	}
	if h1 != 1 || h2 != len(d.Sections) || h3 != groups || items != want {
		t.Errorf("h1 %d h2 %d h3 %d items %d; want 1, %d, %d, %d", h1, h2, h3, items, len(d.Sections), groups, want)
	}
	if !strings.Contains(md, "**Pay:** $62,000 – $78,000 per year\\\n") {
		t.Errorf("facts are not bold labels with hard breaks:\n%s", md[:300])
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Plain text, 401(k) and $2,000.", "Plain text, 401(k) and $2,000."},
		{"R&D and a < b > c", "R&D and a < b > c"},
		{"*bold* _em_ `code` [link](x) ![img](y)", `\*bold\* \_em\_ \` + "`" + `code\` + "`" + ` \[link\](x) !\[img\](y)`},
		{"<script>alert(1)</script>", `\<script>alert(1)\</script>`},
		{"<https://x.example>", `\<https://x.example>`},
		{"&amp; &#60; &#x3C;", `\&amp; \&#60; \&#x3C;`},
		{"# Not a heading", `\# Not a heading`},
		{"C# and F #", `C# and F \#`},
		{"- not a list", `\- not a list`},
		{"+ not a list", `\+ not a list`},
		{"1. not a list", `1\. not a list`},
		{"2026) not a list", `2026\) not a list`},
		{"> not a quote", `\> not a quote`},
		{"=== not a heading", `\=== not a heading`},
		{"~~struck~~ a|b", `\~\~struck\~\~ a\|b`},
		{`back\slash`, `back\\slash`},
		{"line\n\n# two\n    code", `line \# two code`},
		{"    indented", "indented"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestHostileText: config text cannot add a heading, list, link, image or
// HTML to the Markdown.
func TestHostileText(t *testing.T) {
	d := posting.Document{
		Title:    "Lead\n# Injected heading",
		Facts:    []posting.Fact{{Label: "Pay", Value: "$1 [click](https://evil.example)"}},
		Sections: []posting.Section{{Heading: "About", Paragraphs: []string{"<img src=x onerror=alert(1)>\n\n- injected item"}, Items: []string{"![x](https://evil.example/t.png)"}}},
	}
	md := string(Render(d))
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^#+ Injected`),
		regexp.MustCompile(`(?m)^- injected`),
		regexp.MustCompile(`[^\\]\]\(`),     // an unescaped "](" : a link or image
		regexp.MustCompile(`(^|[^\\])<img`), // raw HTML
	} {
		if bad.MatchString(md) {
			t.Errorf("Markdown matches %s:\n%s", bad, md)
		}
	}
}

// The step computes only while it holds a slot of the run's worker budget.
func TestStepSharesWorkerBudget(t *testing.T) {
	m := exampleModel(t, "company")
	steptest.SharesWorkerBudget(t, PostingsStep(Options{}), m, len(posting.Open(m)))
}
