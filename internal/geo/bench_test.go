package geo

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

// BenchmarkLoad parses the embedded gazetteer and curated places, as the
// first Load of a process does, and reports the heap the result holds.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, _ := loadEmbedded()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heapMB")
	runtime.KeepAlive(g)
}

func BenchmarkResolve(b *testing.B) {
	g := gazetteer(b)
	names := []string{"Kursk region", "Ain al-Asad air base", "Washington", "Georgia", "Tripoli", "Dnipropetrovsk region", "Xyzzyville", "Moscow"}
	h := Hints{Countries: []string{"UA", "RU"}, Others: []string{"Kyiv", "Kharkiv", "Moscow", "Belgorod", "Russia", "Ukraine"}}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.Resolve(names[i%len(names)], h)
	}
}

// benchArticle is a 4 KB article with 12 place entities and 5 events, the
// shape the extract stage hands to geo.
func benchArticle() *news.Article {
	var sb strings.Builder
	places := []string{"Kyiv", "Kharkiv", "Dnipropetrovsk", "Russia", "Ukraine", "Belgorod", "Kursk", "Zaporizhzhia", "Odesa", "Moscow", "Black Sea", "Crimea"}
	a := &news.Article{}
	for len(sb.String()) < 4000 {
		for _, p := range places {
			if len(a.Entities) < len(places) {
				start := sb.Len() + len("Officials said drones struck ")
				a.Entities = append(a.Entities, news.Entity{Text: p, Type: news.EntGPE, Start: start, End: start + len(p)})
			}
			sb.WriteString("Officials said drones struck " + p + " region overnight, damaging energy facilities. ")
		}
	}
	a.Text = sb.String()
	for i := 0; i < 5; i++ {
		e := a.Entities[i*2]
		a.Events = append(a.Events, news.Event{Type: "Explosions/Remote violence",
			Actor1: &news.ActorRef{Name: "Russia", Country: "RU"}, Actor2: &news.ActorRef{Name: "Ukraine", Country: "UA"}})
		a.Events[i].Place = &news.Place{Name: e.Text, Start: e.Start, End: e.End}
	}
	return a
}

func BenchmarkStage(b *testing.B) {
	s := NewStage(gazetteer(b))
	tmpl := benchArticle()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a := *tmpl
		a.Events = append([]news.Event(nil), tmpl.Events...)
		for i := range a.Events {
			p := *tmpl.Events[i].Place
			a.Events[i].Place = &p
		}
		if err := s.Process(ctx, &a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTextCountries(b *testing.B) {
	g := gazetteer(b)
	text := benchArticle().Text
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		g.TextCountries(text)
	}
}
