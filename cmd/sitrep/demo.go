package main

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/demo"
	"github.com/sitrep-osint/sitrep/internal/store"
	"github.com/sitrep-osint/sitrep/news"
)

type demoCmd struct {
	Workers int `help:"Articles processed at once (default: one per CPU core)."`
}

// Run ingests the bundled corpus into a fresh database and prints what
// sitrep found in it: the shortest way to see sitrep work.
func (c *demoCmd) Run(g *Globals) error {
	ctx := g.Context()
	dir, err := os.MkdirTemp("", "sitrep-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	dsn := g.DB
	if dsn == "" {
		dsn = filepath.Join(dir, "sitrep.db")
	} else if _, err := os.Stat(dsn); err == nil {
		return fmt.Errorf("demo wants a fresh database, and %s exists (omit --db to use a new temporary one)", dsn)
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	defer st.Close()
	fmt.Fprintf(g.stdout, "sitrep demo: ingesting %d bundled Voice of America stories (March 2025) into %s\n\n",
		bytes.Count(demo.VOAStories, []byte("\n")), dsn)

	// The corpus is written out to a file so that errors and article
	// origins name something the user can open.
	corpus := filepath.Join(dir, "voa_stories.jsonl")
	if err := os.WriteFile(corpus, demo.VOAStories, 0o644); err != nil {
		return fmt.Errorf("demo corpus: %w", err)
	}
	flags := inputFlags{Workers: c.Workers, NoFetch: true, Timeout: 20 * time.Second, MaxBytes: 32 << 20}
	sum, err := ingestInto(g, st, &flags, flags.source(g, []string{corpus}))
	if err != nil {
		return err
	}
	sum.print(g)
	if err := printSummary(ctx, g, st); err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "\nExplore it:\n  sitrep --db %s articles --search ceasefire\n  sitrep --db %s events --type \"Air/drone strike\"\n  sitrep --db %s export --format acled-csv -o events.csv\n", dsn, dsn, dsn)
	if sum.failed > 0 {
		return errPartial
	}
	return nil
}

// printSummary prints what a database holds: counts, event types, the most
// active actors, and a few events with their evidence.
func printSummary(ctx context.Context, g *Globals, st *store.Store) error {
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	w := g.stdout
	fmt.Fprintf(w, "\nThe database holds %d articles from %d outlets in %d near-duplicate clusters, with %d events, %d entity mentions and %d attributed claims.\n",
		s.Articles, s.Sources, s.Clusters, s.Events, s.Entities, s.Attributions)
	evs, err := st.Events(ctx, store.EventQuery{})
	if err != nil {
		return err
	}
	if len(evs) == 0 {
		return nil
	}
	types := map[string]int{}
	actors := map[string]int{}
	for _, e := range evs {
		types[e.Type+" / "+e.Subtype]++
		for _, a := range []*news.ActorRef{e.Actor1, e.Actor2} {
			if a != nil {
				actors[a.Name]++
			}
		}
	}
	top := func(m map[string]int, n int) []string {
		keys := slices.SortedFunc(maps.Keys(m), func(a, b string) int {
			if m[a] != m[b] {
				return m[b] - m[a]
			}
			return strings.Compare(a, b)
		})
		return keys[:min(n, len(keys))]
	}
	fmt.Fprintf(w, "\nEvents by type:\n")
	for _, k := range top(types, 20) {
		fmt.Fprintf(w, "  %4d  %s\n", types[k], k)
	}
	fmt.Fprintf(w, "\nMost active actors:\n")
	for _, k := range top(actors, 10) {
		fmt.Fprintf(w, "  %4d  %s\n", actors[k], k)
	}
	fmt.Fprintf(w, "\nA few of the most complete events, each with its evidence:\n")
	best := slices.Clone(evs)
	slices.SortStableFunc(best, func(a, b store.StoredEvent) int { return completeness(b.Event) - completeness(a.Event) })
	shown := map[string]bool{}
	for _, e := range best {
		if shown[e.Subtype] || len(shown) >= 6 {
			continue
		}
		shown[e.Subtype] = true
		fmt.Fprintf(w, "\n  %s\n    %q\n    — %s, %s\n", eventLine(e.Event), trunc(e.Evidence.Text, 240), e.ArticleSource, day(e.Published))
	}
	return nil
}

// completeness scores how much of an event sitrep filled in, so that the
// summary shows events that show what sitrep does: both actors, a resolved
// place, a day, figures, sources, and news of the day rather than background
// or plans.
func completeness(e news.Event) int {
	n := 0
	if e.Actor1 != nil {
		n += 2
	}
	if e.Actor2 != nil {
		n++
	}
	if e.Place != nil && e.Place.Country != "" {
		n += 2
	}
	if e.Date != nil && e.Date.Precision == news.DateDay {
		n++
	}
	if len(e.Quantities) > 0 {
		n++
	}
	if len(e.Sources) > 0 {
		n++
	}
	if e.Modality == news.ModReported || e.Modality == news.ModClaimed {
		n += 2
	}
	return n
}
