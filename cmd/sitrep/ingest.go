package main

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/sitrep-osint/sitrep/internal/dedup"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/internal/store"
	"github.com/sitrep-osint/sitrep/news"
)

type ingestCmd struct {
	inputFlags `embed:""`
	Inputs     []string `arg:"" name:"input" help:"Files, directories, http(s) URLs, or - for standard input: text, HTML, RSS/Atom/JSON Feed, WARC, JSON Lines, gzip of any."`
}

func (c *ingestCmd) Run(g *Globals) error {
	st, err := openStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := ingestInto(g, st, &c.inputFlags, c.source(g, c.Inputs))
	if err != nil {
		return err
	}
	sum.print(g)
	if sum.failed > 0 {
		return errPartial
	}
	return nil
}

// openStore opens the database named by --db, or the default one.
func openStore(g *Globals) (*store.Store, error) {
	dsn := g.DB
	if dsn == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, fmt.Errorf("default database: %w (use --db)", err)
		}
		dsn = p
	}
	st, err := store.Open(g.Context(), dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	return st, nil
}

// ingestSummary is what an ingest run did.
type ingestSummary struct {
	articles, stored, dups, clustered, events, failed int64
	elapsed                                           time.Duration
}

func (s ingestSummary) print(g *Globals) {
	if g.Quiet {
		return
	}
	rate := float64(s.articles) / max(s.elapsed.Seconds(), 1e-9)
	fmt.Fprintf(g.stdout, "%d articles read in %s (%.0f/s): %d new, %d already stored, %d joined a near-duplicate cluster; %d events; %d failed\n",
		s.articles, s.elapsed.Round(time.Millisecond), rate, s.stored, s.dups, s.clustered, s.events, s.failed)
}

// ingestInto runs the whole pipeline from src into st, saving articles in
// batches of one transaction each; an interrupted run saves every article it
// finished before it returns.
func ingestInto(g *Globals, st *store.Store, f *inputFlags, src pipeline.Source) (ingestSummary, error) {
	var sum ingestSummary
	cl, err := f.cleaner()
	if err != nil {
		return sum, err
	}
	stages, err := loadStages(g, f.extractFlags)
	if err != nil {
		return sum, err
	}
	var c pipeline.Counters
	pr := startProgress(g.Context(), g, &c, "articles", 5*time.Second)
	start := time.Now()
	b := &batcher{st: st, sum: &sum, fail: pr.fail, failed: &c.Failed}
	err = pipeline.Run(g.Context(), src, cl, b.add, pipeline.Options{Workers: f.Workers, Stages: stages, OnFailure: pr.fail}, &c)
	// Articles already processed are saved even when the run was
	// interrupted: a finished article is never thrown away.
	if ferr := b.flush(context.WithoutCancel(g.Context())); err == nil {
		err = ferr
	}
	pr.stop("articles")
	sum.articles, sum.failed, sum.elapsed = c.Articles.Load(), c.Failed.Load(), time.Since(start)
	return sum, err
}

// batcher saves articles in batches of one transaction each, which is many
// times faster than a transaction per article, and falls back to one
// transaction per article when a batch fails, so that one bad article fails
// alone.
type batcher struct {
	st     *store.Store
	sum    *ingestSummary
	fail   func(*news.Failure)
	failed *atomic.Int64 // the run's failure counter

	arts  []*news.Article
	fps   []dedup.Fingerprint
	first time.Time
}

const (
	batchSize = 128
	batchWait = time.Second
)

func (b *batcher) add(ctx context.Context, a *news.Article) error {
	if len(b.arts) == 0 {
		b.first = time.Now()
	}
	b.arts = append(b.arts, a)
	b.fps = append(b.fps, dedup.Compute(a.Text))
	if len(b.arts) >= batchSize || time.Since(b.first) >= batchWait {
		return b.flush(ctx)
	}
	return nil
}

func (b *batcher) flush(ctx context.Context) error {
	if len(b.arts) == 0 {
		return nil
	}
	arts, fps := b.arts, b.fps
	b.arts, b.fps = nil, nil
	stored, err := b.st.SaveArticles(ctx, arts, fps)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// Find the article at fault: save one at a time.
		stored = make([]bool, len(arts))
		failed := make([]bool, len(arts))
		defer func() { b.count(arts, stored, failed) }()
		for i, a := range arts {
			ok, err := b.st.SaveArticle(ctx, a, fps[i])
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				failed[i] = true
				b.failed.Add(1)
				b.fail(&news.Failure{Origin: originOf(a), Stage: "store", Err: err})
				continue
			}
			stored[i] = ok
		}
		return nil
	}
	b.count(arts, stored, nil)
	return nil
}

// count adds a saved batch to the summary.
func (b *batcher) count(arts []*news.Article, stored, failed []bool) {
	for i, a := range arts {
		if failed != nil && failed[i] {
			continue
		}
		if !stored[i] {
			b.sum.dups++
			continue
		}
		b.sum.stored++
		b.sum.events += int64(len(a.Events))
		if a.Cluster != "" && a.Cluster != a.ID {
			b.sum.clustered++
		}
	}
}

func originOf(a *news.Article) string {
	if a.Origin != "" {
		return a.Origin
	}
	return a.ID
}
