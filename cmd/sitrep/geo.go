package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/sitrep-osint/sitrep/internal/geo"
)

// buildGazetteerCmd compiles the embedded gazetteer from GeoNames files.
type buildGazetteerCmd struct {
	Data string `help:"Shared data directory holding gazetteer/ (GeoNames files)." default:"../shared/data" type:"existingdir"`
	Out  string `help:"Where to write the compiled gazetteer." default:"internal/geo/data/gazetteer.bin" type:"path"`
}

func (c *buildGazetteerCmd) Run(g *Globals) error {
	tmp, err := os.CreateTemp(filepath.Dir(c.Out), ".gazetteer-*")
	if err != nil {
		return fmt.Errorf("build gazetteer: %w", err)
	}
	defer os.Remove(tmp.Name())
	st, err := geo.Build(g.Context(), c.Data, tmp)
	if err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("build gazetteer: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("build gazetteer: %w", err)
	}
	if err := os.Rename(tmp.Name(), c.Out); err != nil {
		return fmt.Errorf("build gazetteer: %w", err)
	}
	fi, err := os.Stat(c.Out)
	if err != nil {
		return fmt.Errorf("build gazetteer: %w", err)
	}
	g.log.Info("gazetteer written", "path", c.Out, "bytes", fi.Size(),
		"countries", st.Countries, "admin1", st.Admin1, "cities", st.Cities, "aliases", st.Aliases)
	return nil
}

// evalCmd groups the evaluation subcommands.
type evalCmd struct {
	Geo evalGeoCmd `cmd:"" help:"Score place resolution on labelled places (seed articles, PLOVER, VOA, MUC-4)."`
}

// evalGeoCmd scores the gazetteer and resolver on labelled places.
type evalGeoCmd struct {
	Data   string   `help:"Shared data directory (events/, unlabelled/, ../corpus)." default:"../shared/data" type:"existingdir"`
	Labels []string `help:"Label files to use instead of the embedded ones (TSV: set, doc, mention, country, admin1, precision, lat, lon, note)." type:"existingfile"`
	Places []string `help:"Extra place files or directories for the gazetteer." type:"path"`
	Misses bool     `help:"List every mention resolved wrongly."`
}

func (c *evalGeoCmd) Run(g *Globals) error {
	gz, err := geo.Load(c.Places...)
	if err != nil {
		return err
	}
	var labels []geo.Label
	if len(c.Labels) == 0 {
		if labels, err = geo.EmbeddedLabels(); err != nil {
			return err
		}
	}
	for _, p := range c.Labels {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("eval geo: %w", err)
		}
		ls, err := geo.ReadLabels(f, p)
		f.Close()
		if err != nil {
			return err
		}
		labels = append(labels, ls...)
	}
	scores, err := geo.Evaluate(g.Context(), gz, c.Data, labels)
	if err != nil {
		return err
	}
	if len(scores) == 0 {
		return fmt.Errorf("eval geo: no labelled documents found under %s", c.Data)
	}
	w := g.stdout
	fmt.Fprintf(w, "%-8s %8s %8s %14s %14s %14s %10s\n", "set", "mentions", "found", "country", "admin1", "point≤25km", "precision")
	var tot geo.Score
	tot.Set = "all"
	for _, s := range append(scores, tot) {
		if s.Set == "all" {
			s = tot
		} else {
			tot.Mentions += s.Mentions
			tot.Found += s.Found
			tot.CountryN += s.CountryN
			tot.CountryOK += s.CountryOK
			tot.Admin1N += s.Admin1N
			tot.Admin1OK += s.Admin1OK
			tot.PointN += s.PointN
			tot.PointOK += s.PointOK
			tot.PrecisionOK += s.PrecisionOK
		}
		fmt.Fprintf(w, "%-8s %8d %8d %8.3f (%3d) %8.3f (%3d) %8.3f (%3d) %10.3f\n", s.Set, s.Mentions, s.Found,
			geo.Accuracy(s.CountryOK, s.CountryN), s.CountryN, geo.Accuracy(s.Admin1OK, s.Admin1N), s.Admin1N,
			geo.Accuracy(s.PointOK, s.PointN), s.PointN, geo.Accuracy(s.PrecisionOK, s.Mentions))
		if c.Misses {
			for _, m := range s.Misses {
				fmt.Fprintln(w, "  miss:", m)
			}
		}
	}
	return nil
}
