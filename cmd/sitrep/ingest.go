package main

import (
	"context"
	"fmt"
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

// ingestInto runs the whole pipeline from src into st, one transaction per
// article, so that an interrupted run keeps every article it finished.
func ingestInto(g *Globals, st *store.Store, f *inputFlags, src pipeline.Source) (ingestSummary, error) {
	var sum ingestSummary
	cl, err := f.cleaner()
	if err != nil {
		return sum, err
	}
	stages, err := loadStages(g)
	if err != nil {
		return sum, err
	}
	var c pipeline.Counters
	pr := startProgress(g.Context(), g, &c, "articles", 5*time.Second)
	start := time.Now()
	sink := func(ctx context.Context, a *news.Article) error {
		stored, err := st.SaveArticle(ctx, a, dedup.Compute(a.Text))
		if err != nil {
			return fmt.Errorf("store %s: %w", a.ID, err)
		}
		if !stored {
			sum.dups++
			return nil
		}
		sum.stored++
		sum.events += int64(len(a.Events))
		if a.Cluster != "" && a.Cluster != a.ID {
			sum.clustered++
		}
		return nil
	}
	err = pipeline.Run(g.Context(), src, cl, sink, pipeline.Options{Workers: f.Workers, Stages: stages, OnFailure: pr.fail}, &c)
	pr.stop("articles")
	sum.articles, sum.failed, sum.elapsed = c.Articles.Load(), c.Failed.Load(), time.Since(start)
	return sum, err
}
