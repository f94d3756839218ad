package events

import "testing"

// BenchmarkExtract runs Extract on the seed articles (4.5 and 6 KB).
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
	for b.Loop() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
}
