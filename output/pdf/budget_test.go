package pdf

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/generator"
)

// validate's page-budget check lays documents out on every CPU: the
// warnings are the same, in config order, whatever the number of workers,
// and they are the ones the job-descriptions step reports.
func TestPageWarningsSameOnAnyWorkers(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	m.Settings.Config = "company.yaml"
	var roles []generator.Role
	for i, r := range m.Roles {
		roles = append(roles, r)
		if i%3 == 0 { // a long copy of every third role
			long := r
			long.OwnText() // texts are shared between roles
			long.ID = fmt.Sprintf("%s-long", r.ID)
			long.Line = 100 + i
			long.Responsibilities = append([]generator.Item(nil), r.Responsibilities...)
			for k := range 40 {
				long.Responsibilities = append(long.Responsibilities, generator.Item{Key: fmt.Sprint("x", k), Area: "Extra", Text: strings.Repeat("A long added responsibility that takes room. ", 4)})
			}
			roles = append(roles, long)
		}
	}
	m.Roles = roles
	one, err := pdfPageWarnings(m, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(one) < 3 {
		t.Fatalf("%d roles over budget, want the 3 or more long copies: %v", len(one), one)
	}
	for _, w := range []int{2, 3, 8} {
		got, err := pdfPageWarnings(m, w)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, one) {
			t.Errorf("%d workers: %v\n1 worker: %v", w, got, one)
		}
	}
	var warned []generator.Problem
	step := JobDescriptionsStep(Options{Workers: 2, Warn: func(p generator.Problem) { warned = append(warned, p) }})
	if err := step.Run(t.Context(), m, func(generator.File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(warned, one) {
		t.Errorf("the step warns %v\nvalidate warns %v", warned, one)
	}
}
