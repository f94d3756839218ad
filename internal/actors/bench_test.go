package actors

import (
	"os"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/cputime"
)

// BenchmarkLoad measures building the registry from the embedded data.
// It also reports CPU time per load (cpu-ms/op), which the other work on
// a shared machine disturbs less than wall time.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	start := cputime.Process()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Process()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkResolve measures resolving one description ("Russia's air
// defences") by its country and what follows.
func BenchmarkResolve(b *testing.B) {
	r := testRegistry(b)
	at := day("2025-07-17")
	for b.Loop() {
		r.Resolve("Russia's air defences", "", at)
	}
}

// BenchmarkFind measures Find's throughput over the seed articles.
func BenchmarkFind(b *testing.B) {
	r := testRegistry(b)
	text, err := os.ReadFile("../clean/testdata/seed-asharq-2articles.txt")
	if err != nil {
		b.Fatal(err)
	}
	r.Find("") // build the tries outside the timing
	b.SetBytes(int64(len(text)))
	start := cputime.Process()
	for b.Loop() {
		r.Find(string(text))
	}
	cpu := (cputime.Process() - start).Seconds()
	if cpu > 0 {
		b.ReportMetric(float64(len(text))*float64(b.N)/cpu/1e6, "cpu-MB/s")
	}
}
