package actors

import (
	"os"
	"testing"
)

// BenchmarkLoad measures building the registry from the embedded data.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFind measures Find's throughput over the seed articles.
func BenchmarkFind(b *testing.B) {
	r := testRegistry(b)
	text, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		r.Find(string(text))
	}
}
