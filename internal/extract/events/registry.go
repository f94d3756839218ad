package events

import (
	"time"

	"github.com/sitrep-osint/sitrep/internal/actors"
)

// RegistryActors finds actors with sitrep's actor registry.
type RegistryActors struct {
	Registry *actors.Registry
}

// FindActors implements Actors.
func (r RegistryActors) FindActors(text string, at time.Time) []ActorMention {
	if r.Registry == nil {
		return nil
	}
	ms := r.Registry.FindAt(text, at)
	out := make([]ActorMention, 0, len(ms))
	for _, m := range ms {
		ref := r.Registry.Ref(m.Actor)
		if ref == nil {
			continue
		}
		out = append(out, ActorMention{Start: m.Start, End: m.End, Ref: *ref})
	}
	return out
}
