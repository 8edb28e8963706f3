package xlsx

import (
	"fmt"
	"testing"

	"github.com/jdgen/jdgen/internal/benchutil"
)

// BenchmarkWorkbook builds the career-ladder workbook of a company of n
// roles (see internal/benchutil for the sizes), run by
//
//	go test -run '^$' -bench Workbook -benchmem ./output/xlsx/
func BenchmarkWorkbook(b *testing.B) {
	for _, n := range benchutil.Sizes() {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			m := benchutil.Model(b, n)
			b.ReportAllocs()
			cpu := benchutil.StartCPU()
			size := 0
			for b.Loop() {
				data, err := BuildWorkbook(m)
				if err != nil {
					b.Fatal(err)
				}
				size = len(data)
			}
			cpu.Report(b, 1)
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
