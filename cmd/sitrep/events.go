package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-osint/sitrep/internal/store"
	"github.com/sitrep-osint/sitrep/news"
)

// eventFilter are the flags that select stored events.
type eventFilter struct {
	Type    string `short:"t" help:"Only events of this event type or sub-event type (e.g. \"Air/drone strike\", Battles)."`
	Actor   string `short:"a" help:"Only events with this actor (name, as a substring)."`
	Country string `help:"Only events in this country (ISO 3166 alpha-2)."`
	Since   string `help:"Only events on or after this date (YYYY-MM-DD)."`
	Until   string `help:"Only events before this date (YYYY-MM-DD)."`
	Limit   int    `default:"0" help:"Most events (0 for all)."`
}

func (f *eventFilter) query() (store.EventQuery, error) {
	since, until, err := parseRange(f.Since, f.Until)
	if err != nil {
		return store.EventQuery{}, err
	}
	q := store.EventQuery{Actor: f.Actor, Country: strings.ToUpper(f.Country), Since: since, Until: until, Limit: f.Limit}
	if isEventType(f.Type) {
		q.Type = f.Type
	} else {
		q.Subtype = f.Type
	}
	return q, nil
}

// isEventType reports whether s names one of ACLED's six event types
// rather than a sub-event type.
func isEventType(s string) bool {
	switch s {
	case "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments":
		return true
	}
	return false
}

type eventsCmd struct {
	eventFilter `embed:""`
	JSON        bool `help:"Write JSON Lines instead of a table."`
}

func (c *eventsCmd) Run(g *Globals) error {
	q, err := c.query()
	if err != nil {
		return err
	}
	if c.Limit == 0 && !c.JSON {
		q.Limit = 100
	}
	evs, err := storedEvents(g, q)
	if err != nil {
		return err
	}
	if c.JSON {
		return writeJSONLines(g.stdout, evs)
	}
	if len(evs) == 0 {
		fmt.Fprintln(g.stderr, "no events match")
		return nil
	}
	tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tSUB-TYPE\tACTOR 1\tACTOR 2\tPLACE\tFIGURES\tMODALITY\tARTICLE")
	for _, e := range evs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", dateOf(e.Event), e.Subtype, trunc(name(e.Actor1), 30), trunc(name(e.Actor2), 30),
			trunc(placeOf(e.Event), 24), figures(e.Quantities), e.Modality, e.ArticleID)
	}
	return tw.Flush()
}

func name(a *news.ActorRef) string {
	if a == nil {
		return ""
	}
	return a.Name
}

func dateOf(e news.Event) string {
	if e.Date == nil {
		return "-"
	}
	return e.Date.Value
}

func placeOf(e news.Event) string {
	if e.Place == nil {
		return ""
	}
	if e.Place.Resolved != "" {
		return e.Place.Resolved
	}
	return e.Place.Name
}

// storedEvents opens the database and returns the events q selects.
func storedEvents(g *Globals, q store.EventQuery) ([]store.StoredEvent, error) {
	st, err := openStore(g)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Events(g.Context(), q)
}

// figures prints an event's quantities in a stable order.
func figures(q map[string]float64) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(q)) {
		parts = append(parts, fmt.Sprintf("%s=%g", k, q[k]))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " ")
}
