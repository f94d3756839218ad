package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sitrep-osint/sitrep/internal/store"
)

type articlesCmd struct {
	Search  string `short:"s" help:"Full-text search over titles and text (words, \"phrases\", OR, -exclusion)."`
	Since   string `help:"Only articles published on or after this date (YYYY-MM-DD)."`
	Until   string `help:"Only articles published before this date (YYYY-MM-DD)."`
	Source  string `help:"Only articles from this outlet."`
	Cluster string `help:"Only the members of this near-duplicate cluster."`
	Limit   int    `default:"50" help:"Most articles to list (0 for all)."`
	JSON    bool   `help:"Write JSON Lines instead of a table."`
}

func (c *articlesCmd) Run(g *Globals) error {
	since, until, err := parseRange(c.Since, c.Until)
	if err != nil {
		return err
	}
	st, err := openStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Articles(g.Context(), store.ArticleQuery{Search: c.Search, Since: since, Until: until, Source: c.Source, Cluster: c.Cluster, Limit: c.Limit})
	if err != nil {
		return err
	}
	if c.JSON {
		return writeJSONLines(g.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(g.stderr, "no articles match")
		return nil
	}
	tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tSOURCE\tEVENTS\tCLUSTER\tTITLE")
	for _, a := range list {
		cluster := "-"
		if a.ClusterSize > 1 {
			cluster = fmt.Sprintf("%s (%d)", a.Cluster, a.ClusterSize)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", a.ID, day(a.Published), trunc(a.Source, 24), a.Events, cluster, trunc(a.Title, 80))
	}
	return tw.Flush()
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02")
}

func trunc(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	if s == "" {
		return "-"
	}
	return s
}
