package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sitrep-osint/sitrep/internal/dedup"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/news"
)

type extractCmd struct {
	inputFlags `embed:""`
	Inputs     []string `arg:"" name:"input" help:"Files, directories, http(s) URLs, or - for standard input."`
}

// Run writes one JSON object per article to standard output (JSON Lines):
// sitrep's public output contract, without touching any database.
func (c *extractCmd) Run(g *Globals) error {
	cl, err := c.cleaner()
	if err != nil {
		return err
	}
	stages, err := loadStages(g, c.extractFlags)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(g.stdout, 1<<16)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var ix dedup.Index
	sink := func(_ context.Context, a *news.Article) error {
		a.Cluster = ix.Add(a.ID, dedup.Compute(a.Text))
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	}
	var cnt pipeline.Counters
	pr := startProgress(g.Context(), g, &cnt, "articles", 10*time.Second)
	err = pipeline.Run(g.Context(), c.source(g, c.Inputs), cl, sink, pipeline.Options{Workers: c.Workers, Stages: stages, OnFailure: pr.fail}, &cnt)
	pr.stop("articles")
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write output: %w", ferr)
	}
	if err != nil {
		return err
	}
	if cnt.Failed.Load() > 0 {
		return errPartial
	}
	return nil
}
