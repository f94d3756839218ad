package main

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/clean"
	"github.com/sitrep-osint/sitrep/internal/cputime"
	"github.com/sitrep-osint/sitrep/internal/demo"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/news"
)

// benchDocs are the bundled VOA stories (median 4 KB) as raw documents.
func benchDocs(b *testing.B) []news.Document {
	b.Helper()
	stories, err := demo.Stories()
	if err != nil {
		b.Fatal(err)
	}
	var docs []news.Document
	for _, s := range stories {
		docs = append(docs, news.Document{Origin: s.ID, Format: news.FormatText, Body: []byte(s.Text), ID: s.ID, Title: s.Title, Published: s.Published})
	}
	return docs
}

// benchStages loads the extraction stages as extract does with flags f,
// keeping those only accepts (all when only is nil).
func benchStages(b *testing.B, f extractFlags, only func(pipeline.Stage) bool) []pipeline.Stage {
	b.Helper()
	g := &Globals{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	stages, err := loadStages(g, f)
	if err != nil {
		b.Fatal(err)
	}
	if only != nil {
		stages = slices.DeleteFunc(stages, func(s pipeline.Stage) bool { return !only(s) })
	}
	return stages
}

// benchArticle cleans one document and runs the stages over what it gives.
func benchArticle(b *testing.B, cl *clean.Cleaner, d news.Document, stages []pipeline.Stage) {
	ctx := context.Background()
	arts, err := cl.Clean(ctx, d)
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range arts {
		for _, s := range stages {
			if err := s.Process(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchmarkStages runs clean and then the given stages over the bundled
// stories one article after another, and reports articles and KB per second.
// Run with -cpu 1 for the per-core figure.
func benchmarkStages(b *testing.B, only func(pipeline.Stage) bool) {
	run := benchStages(b, extractFlags{}, only)
	docs := benchDocs(b)
	cl := clean.New(clean.Options{})
	var bytesIn int64
	b.ReportAllocs()
	cpu0 := cputime.Process()
	b.ResetTimer()
	for i := range b.N {
		d := docs[i%len(docs)]
		bytesIn += int64(len(d.Body))
		benchArticle(b, cl, d, run)
	}
	cpu := (cputime.Process() - cpu0).Seconds()
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/secs, "articles/s")
	b.ReportMetric(float64(bytesIn)/1024/secs, "KB/s")
	// On a shared machine wall time varies with the load; the process's
	// CPU time per article is the steadier figure.
	b.ReportMetric(cpu*1000/float64(b.N), "cpu-ms/article")
}

// BenchmarkExtractPipeline is the whole extract pipeline per article: clean,
// NER, actors, attribution, events (with dates), geocoding.
func BenchmarkExtractPipeline(b *testing.B) { benchmarkStages(b, nil) }

// BenchmarkExtractWithoutAttribution is the pipeline without the
// attribution stage: against BenchmarkExtractPipeline it gives what
// attribution adds to an article's time.
func BenchmarkExtractWithoutAttribution(b *testing.B) {
	benchmarkStages(b, func(s pipeline.Stage) bool { return s.Name() != "attribution" })
}

// BenchmarkAttributionShare measures what the attribution stage adds to the
// pipeline's CPU time per article: the ratio of the pipeline's CPU time
// with the stage to its time without it. Both run in the same process on
// the same articles, in alternating blocks of shareBlock stories (the
// variant that goes first alternating too), so that the load of a shared
// machine, which moves separate benchmark runs by ±20%, falls on both
// alike. It reports the ratio of the totals ("ratio") and the CPU
// milliseconds per article of each ("with-ms", "without-ms"); b.N counts
// articles run either way. It runs once for each value of extract's
// --claims. Run it with -cpu 1.
func BenchmarkAttributionShare(b *testing.B) {
	for _, claims := range []string{"full", "patterns"} {
		b.Run(claims, func(b *testing.B) { benchmarkAttributionShare(b, extractFlags{Claims: claims}) })
	}
}

// benchmarkAttributionShare is BenchmarkAttributionShare for one way of
// reading claims (extract's --claims).
func benchmarkAttributionShare(b *testing.B, f extractFlags) {
	all := benchStages(b, f, nil)
	without := slices.DeleteFunc(slices.Clone(all), func(s pipeline.Stage) bool { return s.Name() == "attribution" })
	variants := [2][]pipeline.Stage{all, without}
	docs := benchDocs(b)
	cl := clean.New(clean.Options{})
	var total [2]time.Duration
	var articles [2]int
	b.ResetTimer()
	start := cputime.Process()
	for i := range b.N {
		pair, j := i/(2*shareBlock), i%(2*shareBlock)
		v := (j/shareBlock + pair) % 2 // 0 with attribution, 1 without
		benchArticle(b, cl, docs[(pair*shareBlock+j%shareBlock)%len(docs)], variants[v])
		articles[v]++
		if (j+1)%shareBlock == 0 || i == b.N-1 {
			now := cputime.Process()
			total[v] += now - start
			start = now
		}
	}
	if articles[0] == 0 || articles[1] == 0 {
		return // the testing package's first probe with b.N = 1
	}
	withMS := total[0].Seconds() * 1000 / float64(articles[0])
	withoutMS := total[1].Seconds() * 1000 / float64(articles[1])
	b.ReportMetric(withMS/withoutMS, "ratio")
	b.ReportMetric(withMS, "with-ms")
	b.ReportMetric(withoutMS, "without-ms")
}

// shareBlock is how many stories BenchmarkAttributionShare runs one way
// before it runs them the other way.
const shareBlock = 10

// BenchmarkExtractStages measures clean plus the stages up to and including
// each one in turn, since later stages work on what earlier ones found: the
// difference between two lines is what a stage adds.
func BenchmarkExtractStages(b *testing.B) {
	names := []string{"clean", "nlp", "actors", "attribution", "events", "geo"}
	for i, name := range names {
		upTo := map[string]bool{}
		for _, n := range names[1 : i+1] {
			upTo[n] = true
		}
		b.Run(name, func(b *testing.B) {
			benchmarkStages(b, func(s pipeline.Stage) bool { return upTo[s.Name()] })
		})
	}
}
