package actors

import (
	"os"
	"testing"
)

// BenchmarkLoad measures building the registry from the embedded data.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
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
	text, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	r.Find("") // build the tries outside the timing
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		r.Find(string(text))
	}
}
