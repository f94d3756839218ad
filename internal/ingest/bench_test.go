package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

// BenchmarkJSONL measures JSON Lines reading throughput on 1,000 articles
// of about 3 KB of text each (the size of a wire story), reported as
// documents per second.
func BenchmarkJSONL(b *testing.B) {
	text := strings.Repeat("Ukrainian air defences shot down 42 of the 58 drones Russia launched overnight, the air force said. ", 30)
	var in bytes.Buffer
	const docs = 1000
	for i := range docs {
		line, _ := json.Marshal(map[string]any{
			"id": fmt.Sprint(i), "title": "Drones hit Kharkiv", "text": text, "url": fmt.Sprintf("https://news.example/%d", i),
			"published": "2025-06-03 06:30:00Z", "source": "Sitrep Wire", "author": "Olena Test", "language": "en",
		})
		in.Write(line)
		in.WriteByte('\n')
	}
	data := in.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		err := Read(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(data)},
			func(news.Document) error { n++; return nil },
			func(f *news.Failure) { b.Fatal(f) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
