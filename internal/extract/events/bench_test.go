package events

import (
	"testing"

	"github.com/sitrep-osint/sitrep/internal/cputime"
)

// BenchmarkExtract runs Extract on the two seed articles (4.3 and 5.6 KB
// of clean text). It reports CPU nanoseconds per article (cpu-ns/article)
// besides wall time, since the machines it runs on are shared.
func BenchmarkExtract(b *testing.B) {
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	arts := seedArticles(b)
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	b.SetBytes(int64(n / len(arts)))
	b.ResetTimer()
	c0 := cputime.Process()
	for b.Loop() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	b.ReportMetric(float64(cputime.Process()-c0)/float64(b.N*len(arts)), "cpu-ns/article")
}
