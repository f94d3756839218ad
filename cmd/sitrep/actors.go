package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-osint/sitrep/internal/actors"
)

// actorsCmd lists the actor registry: the embedded actors, the user's
// files in <config dir>/sitrep/actors/*.jsonl, and --actors files.
type actorsCmd struct {
	Search string   `short:"s" help:"Only actors whose ID, name or an alias contains this text, best first." placeholder:"TEXT"`
	JSON   bool     `help:"Write actors as JSON Lines, in the format of actor files."`
	Actors []string `help:"Extra actor files or directories (JSON Lines) that add or replace actors." type:"path" placeholder:"PATH"`
	Limit  int      `help:"Print at most this many actors (0: all)." default:"0"`
}

func (c *actorsCmd) Run(g *Globals) error {
	r, err := actors.Load(actors.UserPaths(c.Actors...)...)
	if err != nil {
		return err
	}
	list := r.All()
	if c.Search != "" {
		list = r.Search(c.Search)
	}
	if c.Limit > 0 && len(list) > c.Limit {
		list = list[:c.Limit]
	}
	if c.JSON {
		out := make([]actors.Actor, len(list))
		for i, a := range list {
			out[i] = *a
		}
		return actors.WriteJSONL(g.stdout, out)
	}
	w := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tKIND\tCOUNTRY\tPARENT\tALIASES")
	for _, a := range list {
		aliases := strings.Join(a.Aliases, "; ")
		if r := []rune(aliases); len(r) > 80 {
			aliases = string(r[:77]) + "..."
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Name, a.Kind, a.Country, a.Parent, aliases)
	}
	return w.Flush()
}
