package events

import (
	"context"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/actors"
	"github.com/sitrep-osint/sitrep/internal/cputime"
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
	stories, err := demo.Stories()
	if err != nil {
		b.Fatal(err)
	}
	var arts []*news.Article
	for _, s := range stories {
		a := &news.Article{ID: s.ID, Title: s.Title, Text: s.Text, Published: s.Published}
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
