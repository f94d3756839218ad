package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-osint/sitrep/internal/actors"
	"github.com/sitrep-osint/sitrep/internal/extract/events"
	"github.com/sitrep-osint/sitrep/internal/extract/events/eventeval"
)

// evalEventsCmd scores event extraction on PLOVER, MUC-4 and WikiEvents.
type evalEventsCmd struct {
	Data       string `help:"Shared data directory holding events/ (plover, muc4, wikievents)." default:"../shared/data" type:"existingdir"`
	Classes    bool   `help:"Also print F1 per sub-type."`
	NoRegistry bool   `help:"Use only the event extractor's built-in actor dictionary, not the actor registry."`
	Misses     bool   `help:"List every item typed wrong (data set, gold sub-type, predicted sub-types, sentence or document) and every gold figure not given exactly (data set, \"number\", what, gold value, values given, item)."`
}

func (c *evalEventsCmd) Run(g *Globals) error {
	var opts events.Options
	if !c.NoRegistry {
		reg, err := actors.Load()
		if err != nil {
			return err
		}
		opts.Actors = events.RegistryActors{Registry: reg}
	}
	x, err := events.New(opts)
	if err != nil {
		return err
	}
	scores, err := eventeval.Run(g.Context(), x, eventeval.Options{Data: c.Data})
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(g.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "data set\titems\tsub-type acc\tmacro-F1\trole F1\tnumbers\texact")
	for _, s := range scores {
		fmt.Fprintf(w, "%s\t%d\t%.3f\t%.3f\t%.3f\t%d\t%.3f\n", s.Name, s.Items, s.Accuracy(), s.MacroF1(), s.RoleF1(), s.Numbers, s.NumberAccuracy())
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if c.Misses {
		for _, s := range scores {
			for _, m := range s.Misses {
				fmt.Fprintf(g.stdout, "%s\t%s\t%s\t%s\n", s.Name, m.Gold, strings.Join(m.Pred, ", "), strings.Join(strings.Fields(m.Item), " "))
			}
			for _, m := range s.NumberMisses {
				fmt.Fprintf(g.stdout, "%s\tnumber\t%s %v\t%v\t%s\n", s.Name, m.What, m.Gold, m.Got, strings.Join(strings.Fields(m.Item), " "))
			}
		}
	}
	if !c.Classes {
		return nil
	}
	for _, s := range scores {
		fmt.Fprintf(g.stdout, "\n%s\n", s.Name)
		w := tabwriter.NewWriter(g.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "sub-type\tTP\tFP\tFN\tF1")
		for _, cl := range s.Classes() {
			fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.3f\n", cl, s.TP[cl], s.FP[cl], s.FN[cl], s.ClassF1(cl))
		}
		fmt.Fprintln(w, "role\tmatched\tpredicted\tgold\t")
		for _, r := range []string{"source", "target", "perpetrator", "instrument", "actor1", "actor2", "place", "weapon"} {
			if s.RoleGold[r]+s.RolePred[r] > 0 {
				fmt.Fprintf(w, "%s\t%d\t%d\t%d\t\n", r, s.RoleTP[r], s.RolePred[r], s.RoleGold[r])
			}
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return nil
}
