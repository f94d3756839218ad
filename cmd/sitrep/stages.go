package main

import (
	"fmt"
	"time"

	"github.com/sitrep-osint/sitrep/internal/actors"
	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
	"github.com/sitrep-osint/sitrep/internal/extract/events"
	"github.com/sitrep-osint/sitrep/internal/geo"
	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/news"
)

// extractFlags choose the data the extraction stages load besides their
// embedded defaults.
type extractFlags struct {
	NoExtract bool     `help:"Only clean, deduplicate and store articles (for search and archiving); extract no entities, events or claims."`
	Actors    []string `help:"Extra actor files or directories (JSON Lines) that add to or replace the registry's actors." type:"path" placeholder:"PATH"`
	Places    []string `help:"Extra place files or directories that add to the gazetteer." type:"path" placeholder:"PATH"`
	Claims    string   `help:"How claims and their sources are read: full (patterns and the learned tagger) or patterns (the rules alone: about half the time, fewer claims found; see docs/attribution.md)." enum:"full,patterns" default:"full"`
}

// loadStages builds the extraction stages every article goes through after
// cleaning, in order: entities, actors, claims and their sources, events,
// places. Each loads its model or registry once per run.
func loadStages(g *Globals, f extractFlags) ([]pipeline.Stage, error) {
	if f.NoExtract {
		return nil, nil
	}
	start := time.Now()
	model, err := nlp.Load()
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	reg, err := actors.Load(actors.UserPaths(f.Actors...)...)
	if err != nil {
		return nil, err
	}
	gaz, err := geo.Load(append(geo.UserPlaces(), f.Places...)...)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	ev, err := events.New(events.Options{Actors: events.RegistryActors{Registry: reg}})
	if err != nil {
		return nil, fmt.Errorf("event extractor: %w", err)
	}
	at := attribution.New(attribution.Options{Resolver: registryResolver{reg}, NoTagger: f.Claims == "patterns"})
	g.log.Debug("extraction stages loaded", "elapsed", time.Since(start).Round(time.Millisecond).String(), "actors", reg.Len(), "places", gaz.Len())
	return []pipeline.Stage{
		nlp.NewStage(model),
		actors.NewStage(reg),
		attribution.NewStage(at),
		events.NewStage(ev),
		geo.NewStage(gaz),
	}, nil
}

// registryResolver lets attribution resolve sources through the registry.
type registryResolver struct{ r *actors.Registry }

func (x registryResolver) Resolve(mention, entType string, at time.Time) (*news.ActorRef, bool) {
	a, ok := x.r.Resolve(mention, entType, at)
	if !ok {
		return nil, false
	}
	return x.r.Ref(a), true
}
