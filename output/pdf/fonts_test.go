package pdf

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/pdftext"
)

// fontPrograms returns the embedded font programs of a PDF (compressed),
// in file order, and the subset names.
func fontPrograms(t *testing.T, pdf []byte) (progs [][]byte, names []string) {
	t.Helper()
	for _, m := range regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 \d+\n>>\nstream\n`).FindAllSubmatchIndex(pdf, -1) {
		n := 0
		for _, c := range pdf[m[2]:m[3]] {
			n = n*10 + int(c-'0')
		}
		progs = append(progs, pdf[m[1]:m[1]+n])
	}
	for _, m := range regexp.MustCompile(`/FontName /(\S+)`).FindAllSubmatch(pdf, -1) {
		names = append(names, string(m[1]))
	}
	return progs, names
}

func TestRunEmbedsOneFontSubsetInEveryDocument(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	ctx := generator.WithWorkers(context.Background(), 2)
	var docs []generator.File
	err := JobDescriptionsStep(Options{Workers: 2}).Run(ctx, m, func(f generator.File) error {
		f, err := f.Hold() // the step reuses its buffer after emit
		docs = append(docs, f)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(m.Roles) {
		t.Fatalf("%d documents for %d roles", len(docs), len(m.Roles))
	}
	first, firstNames := fontPrograms(t, docs[0].Data)
	if len(first) != 2 { // regular and bold
		t.Fatalf("%s embeds %d font programs, want 2", docs[0].Name, len(first))
	}
	for _, name := range firstNames {
		if !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(name) {
			t.Errorf("font name %q has no subset tag", name)
		}
	}
	for _, d := range docs[1:] {
		progs, names := fontPrograms(t, d.Data)
		if strings.Join(names, " ") != strings.Join(firstNames, " ") {
			t.Errorf("%s embeds %v, %s embeds %v: not the run's one subset", d.Name, names, docs[0].Name, firstNames)
			continue
		}
		for i := range progs {
			if !bytes.Equal(progs[i], first[i]) {
				t.Errorf("%s: font program %d differs from %s's", d.Name, i, docs[0].Name)
			}
		}
	}
	// A document on its own embeds only what it draws: a smaller subset
	// than the run's union, under another tag.
	alone, err := RenderJobDescription(BuildJobDescription(m, &m.Roles[0]), JDRenderOptions{Paper: "letter", Date: m.Settings.Date})
	if err != nil {
		t.Fatal(err)
	}
	var inRun []byte
	for _, d := range docs {
		if d.Name == "job-descriptions/"+m.Roles[0].ID+".pdf" {
			inRun = d.Data
		}
	}
	textRun, err1 := pdftext.Text(inRun)
	textAlone, err2 := pdftext.Text(alone)
	if err1 != nil || err2 != nil || textRun != textAlone || !strings.Contains(textRun, m.Roles[0].Title) {
		t.Errorf("the run's subset changed the text of %s (%v, %v)", m.Roles[0].ID, err1, err2)
	}
	_, aloneNames := fontPrograms(t, alone)
	if len(aloneNames) == 0 || aloneNames[0] == firstNames[0] {
		t.Errorf("a document rendered alone has the run's subset name %v", aloneNames)
	}
}

func TestRuneSet(t *testing.T) {
	var a, b pdfRuneSet
	a.addString("ab\u20ac")
	b.addString("b\uffff😀")
	a.union(&b)
	if got := string(a.runes()); got != "ab\u20ac\uffff" {
		t.Errorf("runes = %q", got)
	}
}
