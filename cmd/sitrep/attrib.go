package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"text/tabwriter"

	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
)

// evalAttribCmd scores attribution extraction on PolNeAR.
type evalAttribCmd struct {
	Data        string `help:"Shared data directory holding attribution/polnear/{train,dev}." default:"../shared/data" type:"path"`
	Split       string `help:"PolNeAR split to score (dev, train)." default:"dev" enum:"dev,train"`
	Patterns    bool   `help:"Score the patterns alone, without the learned tagger."`
	CueDetector bool   `help:"Add the claims only the learned cue detector finds (off in the pipeline)."`
	Broad       bool   `help:"Read attribution as PolNeAR does, stances and acts included (off in the pipeline)."`
}

func (c *evalAttribCmd) Run(g *Globals) error {
	dir := filepath.Join(c.Data, "attribution", "polnear", c.Split)
	gold, err := attribution.LoadPolNeAR(g.Context(), dir)
	if errors.Is(err, attribution.ErrNoData) {
		g.log.Warn("no PolNeAR data: nothing to score", "dir", dir)
		return nil
	}
	if err != nil {
		return fmt.Errorf("eval attribution: %w", err)
	}
	x := attribution.New(attribution.Options{NoTagger: c.Patterns, CueDetector: c.CueDetector, BroadCues: c.Broad})
	r, err := attribution.Evaluate(g.Context(), x, gold)
	if err != nil {
		return fmt.Errorf("eval attribution: %w", err)
	}
	w := tabwriter.NewWriter(g.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "PolNeAR %s: %d articles, %d gold attributions, %d found\n", c.Split, r.Articles, r.GoldTuples, r.PredAttributions)
	fmt.Fprintln(w, "span\tmatch\tP\tR\tF1\tpredicted\tgold\t")
	for k, name := range attribution.SpanNames {
		for _, m := range []struct {
			name string
			s    attribution.PRF
		}{{"exact", r.Exact[k]}, {"overlap", r.Overlap[k]}} {
			fmt.Fprintf(w, "%s\t%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", name, m.name, m.s.P(), m.s.R(), m.s.F1(), m.s.Pred, m.s.Gold)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	per := r.Elapsed.Seconds() / float64(max(r.Articles, 1))
	_, err = fmt.Fprintf(g.stdout, "speed: %.3f ms per article (mean %.1f KB), %.0f articles/s on one core\n",
		per*1000, float64(r.Bytes)/1024/float64(max(r.Articles, 1)), 1/per)
	return err
}
