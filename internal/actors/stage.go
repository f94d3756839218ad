package actors

import (
	"context"

	"github.com/sitrep-osint/sitrep/news"
)

// Stage is the pipeline stage "actors": it sets Entities[i].Actor for each
// entity whose mention resolves in the registry, using the entity's type
// and the article's publication date (for dated roles). Entities that
// already carry an actor are left alone; numbers, dates, weapons and
// facilities are not actors and are skipped.
type Stage struct {
	r *Registry
}

// NewStage returns the actors stage over r.
func NewStage(r *Registry) *Stage { return &Stage{r: r} }

// Name returns "actors".
func (s *Stage) Name() string { return "actors" }

// Process resolves the article's entities. It never fails on content; it
// returns only the context's error.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	for i := range a.Entities {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e := &a.Entities[i]
		if e.Actor != nil {
			continue
		}
		switch e.Type {
		case news.EntQuantity, news.EntDate, news.EntWeapon, news.EntFacility:
			continue
		}
		if act, ok := s.r.Resolve(e.Text, e.Type, a.Published); ok {
			e.Actor = s.r.Ref(act)
		}
	}
	return nil
}
