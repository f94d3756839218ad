package events

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/cputime"

	"github.com/sitrep-osint/sitrep/internal/actors"
	"github.com/sitrep-osint/sitrep/internal/demo"
	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

// BenchmarkExtractAfterStages runs Extract alone on the bundled VOA stories
// (median 4 KB) after the NER and actors stages have filled sentences and
// entities, with the actor registry: the events stage's own cost per
// article in the pipeline. (The attribution stage, left out so that this
// package's tests do not depend on it, adds sources the events copy.)
func BenchmarkExtractAfterStages(b *testing.B) {
	model, err := nlp.Load()
	if err != nil {
		b.Fatal(err)
	}
	reg, err := actors.Load()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var arts []*news.Article
	for _, line := range bytes.Split(demo.VOAStories, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var s struct{ ID, Title, Text, Published string }
		if err := json.Unmarshal(line, &s); err != nil {
			b.Fatal(err)
		}
		pub, _ := time.Parse("2006-01-02 15:04:05Z", s.Published)
		a := &news.Article{ID: s.ID, Title: s.Title, Text: s.Text, Published: pub}
		for _, st := range []interface {
			Process(context.Context, *news.Article) error
		}{nlp.NewStage(model), actors.NewStage(reg)} {
			if err := st.Process(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
		arts = append(arts, a)
	}
	x, err := New(Options{Actors: RegistryActors{Registry: reg}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cputime.Process()
	for i := range b.N {
		x.Extract(arts[i%len(arts)])
	}
	b.ReportMetric(float64(cputime.Process()-c0)/float64(b.N), "cpu-ns/article")
}
