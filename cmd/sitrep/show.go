package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
	"github.com/sitrep-osint/sitrep/internal/extract/events"
	"github.com/sitrep-osint/sitrep/news"
)

type showCmd struct {
	ID     string `arg:"" help:"Article ID (as listed by sitrep articles)."`
	JSON   bool   `help:"Write the article as JSON, in the form sitrep extract writes."`
	Claims bool   `help:"Also list the article's claims and who makes them."`
}

func (c *showCmd) Run(g *Globals) error {
	st, err := openStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.Article(g.Context(), c.ID)
	if errors.Is(err, news.ErrNotFound) {
		return fmt.Errorf("no article with ID %q (sitrep articles lists them)", c.ID)
	}
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(g.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(a)
	}
	w := g.stdout
	fmt.Fprintf(w, "%s\n%s\n", a.Title, strings.Repeat("=", min(len([]rune(a.Title)), 80)))
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-10s %s\n", k+":", v)
		}
	}
	field("id", a.ID)
	field("published", day(a.Published))
	field("source", a.Source)
	field("author", a.Author)
	field("url", a.URL)
	field("language", a.Language)
	if a.Cluster != "" && a.Cluster != a.ID {
		field("cluster", a.Cluster)
	}
	field("focus", strings.Join(a.Focus, ", "))
	fmt.Fprintf(w, "\n%s\n", a.Text)
	if len(a.Events) > 0 {
		fmt.Fprintf(w, "\nEvents (%d)\n", len(a.Events))
		for i, e := range a.Events {
			fmt.Fprintf(w, "%2d. %s\n    %q\n", i+1, eventLine(e), e.Evidence.Text)
			if len(e.Sources) > 0 {
				fmt.Fprintf(w, "    who says so: %s\n", sourcesLine(e))
			}
			if e.Caveat != "" {
				fmt.Fprintf(w, "    caveat: %s\n", e.Caveat)
			}
		}
	}
	if c.Claims && len(a.Attributions) > 0 {
		fmt.Fprintf(w, "\nClaims (%d)\n", len(a.Attributions))
		for i, at := range a.Attributions {
			fmt.Fprintf(w, "%2d. %s\n", i+1, claimLine(at))
		}
	}
	return nil
}

// sourceName describes a source for people: "Zabihullah Mujahid (Taliban
// spokesman; for Taliban)", "Iraqi security officials (2, anonymous)".
func sourceName(s news.Source) string {
	if s.Text == "" {
		return "no source named"
	}
	var notes []string
	if s.Role != "" && !strings.Contains(s.Text, s.Role) {
		notes = append(notes, s.Role)
	}
	if s.Count > 1 {
		notes = append(notes, countText(s))
	}
	if s.Kind != "" && s.Kind != news.SrcPerson && s.Kind != news.SrcNoComment {
		notes = append(notes, s.Kind)
	}
	switch {
	case s.Actor == nil || strings.Contains(s.Text, s.Actor.Name):
	case s.Actor.Kind == news.KindPerson:
		notes = append(notes, s.Actor.Name) // who "Zelensky" is
	default:
		notes = append(notes, "for "+s.Actor.Name) // whose side a spokesman speaks for
	}
	if len(notes) == 0 {
		return s.Text
	}
	return fmt.Sprintf("%s (%s)", s.Text, strings.Join(notes, "; "))
}

// sourcesLine lists who asserts an event and how many people and bodies
// that is.
func sourcesLine(e news.Event) string {
	names := make([]string, len(e.Sources))
	for i, s := range e.Sources {
		names[i] = sourceName(s)
	}
	line := strings.Join(names, "; ")
	if e.Corroboration > 1 {
		atLeast := ""
		for _, s := range e.Sources {
			if s.Count > 1 && !countGiven(s.Text) {
				atLeast = "at least "
			}
		}
		line += fmt.Sprintf(" — %s%d sources", atLeast, e.Corroboration)
	}
	return line
}

// countText is a source's count as the text gives it: "3" for "three
// commanders", "2 or more" for "officials".
func countText(s news.Source) string {
	if countGiven(s.Text) {
		return fmt.Sprint(s.Count)
	}
	return fmt.Sprintf("%d or more", s.Count)
}

// countGiven reports whether a source's text states how many it is: a
// number word or figure ("three commanders", "2 officials"; not "dozens",
// which is a guess) or "both".
func countGiven(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if n, ok := events.ParseNumber(w); ok && !n.Approx || w == "both" {
			return true
		}
	}
	return false
}

// claimLine is one claim for people: who, how, what.
func claimLine(at news.Attribution) string {
	who := sourceName(at.Source)
	switch {
	case at.Relation == attribution.RelNoComment:
		return fmt.Sprintf("%s: %s", who, at.Cue.Text)
	case at.Relation == attribution.RelConfirm && strings.HasSuffix(at.Cue.Text, " by"):
		// "The account was confirmed by A, B and C": A confirmed it
		return fmt.Sprintf("%s confirmed: %q", who, at.Content.Text)
	case at.Relation == attribution.RelCaveat:
		return fmt.Sprintf("caveat (%s): %q", at.Cue.Text, at.Content.Text)
	}
	return fmt.Sprintf("%s %s: %q", who, at.Cue.Text, at.Content.Text)
}

// eventLine is a one-line summary of an event for people.
func eventLine(e news.Event) string {
	var b strings.Builder
	b.WriteString(e.Subtype)
	if e.Actor1 != nil {
		fmt.Fprintf(&b, "  %s", e.Actor1.Name)
	}
	if e.Actor2 != nil {
		fmt.Fprintf(&b, " → %s", e.Actor2.Name)
	}
	if e.Place != nil && e.Place.Name != "" {
		fmt.Fprintf(&b, "  @ %s", e.Place.Name)
	}
	if e.Date != nil {
		fmt.Fprintf(&b, "  %s", e.Date.Value)
	}
	if len(e.Quantities) > 0 {
		fmt.Fprintf(&b, "  %s", figures(e.Quantities))
	}
	if e.Modality != "" && e.Modality != news.ModReported {
		fmt.Fprintf(&b, "  [%s]", e.Modality)
	}
	return b.String()
}
