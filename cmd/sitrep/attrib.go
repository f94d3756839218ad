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
	Agreement   bool   `help:"Also score PolNeAR's annotators against each other on the articles several annotated, and sitrep on the same articles: the ceiling to read the figures against."`
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
	if err := printAttribReport(g, fmt.Sprintf("PolNeAR %s", c.Split), r); err != nil {
		return err
	}
	per := r.Elapsed.Seconds() / float64(max(r.Articles, 1))
	_, err = fmt.Fprintf(g.stdout, "speed: %.3f ms per article (mean %.1f KB), %.0f articles/s on one core\n",
		per*1000, float64(r.Bytes)/1024/float64(max(r.Articles, 1)), 1/per)
	if err != nil || !c.Agreement {
		return err
	}
	return c.agreement(g, dir, x)
}

// agreement prints how PolNeAR's annotators agree with each other on the
// articles two or more annotated, and how sitrep scores against each of
// their annotations on those articles.
func (c *evalAttribCmd) agreement(g *Globals, dir string, x *attribution.Extractor) error {
	multi, err := attribution.LoadPolNeARAnnotators(g.Context(), dir)
	if err != nil {
		return fmt.Errorf("eval attribution: %w", err)
	}
	if len(multi) == 0 {
		_, err := fmt.Fprintf(g.stdout, "\nPolNeAR %s: no article has more than one annotator\n", c.Split)
		return err
	}
	human, err := attribution.Agreement(g.Context(), multi)
	if err != nil {
		return fmt.Errorf("eval attribution: %w", err)
	}
	fmt.Fprintln(g.stdout)
	title := fmt.Sprintf("PolNeAR %s, the %d articles with several annotators, each annotation scored against each other one (an article per pair)", c.Split, len(multi))
	if err := printAttribReport(g, title, human); err != nil {
		return err
	}
	r, err := attribution.EvaluateAll(g.Context(), x, multi)
	if err != nil {
		return fmt.Errorf("eval attribution: %w", err)
	}
	fmt.Fprintln(g.stdout)
	title = fmt.Sprintf("PolNeAR %s, the same articles, sitrep scored against each annotation (an article per annotation)", c.Split)
	return printAttribReport(g, title, r)
}

// printAttribReport prints r's exact and overlap scores of each span kind.
func printAttribReport(g *Globals, title string, r attribution.Report) error {
	w := tabwriter.NewWriter(g.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "%s: %d articles, %d gold attributions, %d found\n", title, r.Articles, r.GoldTuples, r.PredAttributions)
	fmt.Fprintln(w, "span\tmatch\tP\tR\tF1\tpredicted\tgold\t")
	for k, name := range attribution.SpanNames {
		for _, m := range []struct {
			name string
			s    attribution.PRF
		}{{"exact", r.Exact[k]}, {"overlap", r.Overlap[k]}} {
			fmt.Fprintf(w, "%s\t%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", name, m.name, m.s.P(), m.s.R(), m.s.F1(), m.s.Pred, m.s.Gold)
		}
	}
	return w.Flush()
}
