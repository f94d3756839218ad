package store

import (
	"fmt"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/cputime"

	"github.com/sitrep-osint/sitrep/internal/dedup"
	"github.com/sitrep-osint/sitrep/news"
)

// benchArticles returns articles first to first+n-1 of a series of about
// 4 KB each with what extraction typically finds in one (20 entities, 3
// events, 5 attributions); one in ten is a syndicated copy of an earlier
// one. first and n are multiples of 10.
func benchArticles(first, n int) ([]*news.Article, []dedup.Fingerprint) {
	as := make([]*news.Article, n)
	fps := make([]dedup.Fingerprint, n)
	for k := range as {
		i := first + k
		text := filler(uint64(100000+i), 620)
		if i%10 == 9 {
			text = "Copyright Wire Services. " + as[k-5].Text[:3000]
		}
		text = text[:min(len(text), 4096)]
		a := &news.Article{
			ID: fmt.Sprintf("bench-%d", i), Title: "Title " + text[:40], URL: fmt.Sprintf("https://example.com/%d", i),
			Source: fmt.Sprintf("Outlet %d", i%20), Published: day.Add(time.Duration(i) * time.Minute), Language: "en", Text: text,
		}
		for j := range 20 {
			a.Entities = append(a.Entities, news.Entity{Text: text[j*100 : j*100+12], Type: news.EntGPE, Start: j * 100, End: j*100 + 12})
		}
		for j := range 3 {
			a.Events = append(a.Events, news.Event{
				Type: "Explosions/Remote violence", Subtype: "Air/drone strike",
				Actor1:     &news.ActorRef{Name: "Russian Armed Forces", Kind: news.KindStateForces, Country: "RU"},
				Actor2:     &news.ActorRef{Name: "Civilians (Ukraine)", Kind: news.KindCivilians, Country: "UA"},
				Place:      &news.Place{Name: "Dnipro", Country: "UA", Admin1: "Dnipropetrovsk", Precision: news.PrecisionPoint},
				Date:       &news.TimeRef{Value: "2026-03-13", Precision: news.DateDay},
				Quantities: map[string]float64{"killed": float64(j)},
				Modality:   news.ModReported,
				Evidence:   news.TextSpan{Text: text[j*200 : j*200+150], Start: j * 200, End: j*200 + 150},
			})
		}
		for j := range 5 {
			a.Attributions = append(a.Attributions, news.Attribution{
				Source:  news.Source{Text: "officials", Kind: news.SrcAnonymous, Count: 2},
				Cue:     news.TextSpan{Text: "said", Start: j * 300, End: j*300 + 4},
				Content: news.TextSpan{Text: text[j*300+5 : j*300+80], Start: j*300 + 5, End: j*300 + 80},
			})
		}
		as[k], fps[k] = a, dedup.Compute(text)
	}
	return as, fps
}

// BenchmarkSave measures stored articles per second: one transaction per
// article (SaveArticle) and one per batch (SaveArticles).
//
//	go test -run XXX -bench Save -benchtime 3000x -count 5 ./internal/store
func BenchmarkSave(b *testing.B) {
	bs := []backend{sqliteBackend()}
	if pg, ok := postgresBackend(b); ok {
		bs = append(bs, pg)
	}
	for _, be := range bs {
		for _, batch := range []int{1, 10, 100} {
			b.Run(fmt.Sprintf("%s/batch=%d", be.name, batch), func(b *testing.B) {
				s := open(b, be.newDSN(b))
				const chunk = 100 // articles made at a time, outside the timer
				n := (b.N + chunk - 1) / chunk * chunk
				b.SetBytes(4096)
				b.ResetTimer()
				var cpu time.Duration
				for first := 0; first < n; first += chunk {
					b.StopTimer()
					as, fps := benchArticles(first, chunk)
					b.StartTimer()
					cpu0 := cputime.Process()
					for i := 0; i < chunk; i += batch {
						var err error
						if batch == 1 {
							_, err = s.SaveArticle(b.Context(), as[i], fps[i])
						} else {
							_, err = s.SaveArticles(b.Context(), as[i:i+batch], fps[i:i+batch])
						}
						if err != nil {
							b.Fatal(err)
						}
					}
					cpu += cputime.Process() - cpu0
				}
				b.StopTimer()
				b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
				if cpu > 0 {
					// CPU of this process only: PostgreSQL's own work is not in it.
					b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/article")
				}
				if st, err := s.Stats(b.Context()); err != nil || st.Articles != n {
					b.Fatalf("stored %d of %d articles: %v", st.Articles, n, err)
				}
			})
		}
	}
}
