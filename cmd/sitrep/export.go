package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/sitrep-osint/sitrep/internal/export"
)

type exportCmd struct {
	eventFilter `embed:""`
	Format      string `default:"acled-csv" enum:"acled-csv,jsonl" help:"Output format: acled-csv (ACLED's columns) or jsonl (sitrep's event objects)."`
	Output      string `short:"o" help:"Write to this file instead of standard output."`
}

func (c *exportCmd) Run(g *Globals) error {
	q, err := c.query()
	if err != nil {
		return err
	}
	evs, err := storedEvents(g, q)
	if err != nil {
		return err
	}
	out := g.stdout
	if c.Output != "" {
		f, err := os.Create(c.Output)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriter(out)
	switch c.Format {
	case "acled-csv":
		w := export.NewACLED(bw, export.CountryCodes)
		for _, e := range evs {
			if err := w.Write(export.Record{Event: e.Event, ArticleID: e.ArticleID, Source: e.ArticleSource, URL: e.ArticleURL, Published: e.Published}); err != nil {
				return err
			}
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	case "jsonl":
		if err := writeJSONLines(bw, evs); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if c.Output != "" && !g.Quiet {
		fmt.Fprintf(g.stderr, "wrote %d events to %s\n", len(evs), c.Output)
	}
	return nil
}
