package main

import (
	"encoding/json"
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

// evalGeoCmd scores the gazetteer and resolver on labelled places.
type evalGeoCmd struct {
	Data   string   `help:"Shared data directory (events/, unlabelled/, ../corpus); the evaluation is skipped when it is absent." default:"../shared/data" type:"path"`
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
		g.log.Warn("eval geo: no evaluation data found; skipped", "data", c.Data)
		return nil
	}
	w := g.stdout
	fmt.Fprintf(w, "%-8s %8s %8s %14s %14s %14s %14s %10s\n", "set", "mentions", "found", "country", "country(sub)", "admin1", "point≤25km", "precision")
	tot := geo.Score{Set: "all"}
	for _, s := range scores {
		tot.Add(s)
	}
	for _, s := range append(scores, tot) {
		fmt.Fprintf(w, "%-8s %8d %8d %8.3f (%3d) %8.3f (%3d) %8.3f (%3d) %8.3f (%3d) %10.3f\n", s.Set, s.Mentions, s.Found,
			geo.Accuracy(s.CountryOK, s.CountryN), s.CountryN, geo.Accuracy(s.SubCountryOK, s.SubCountryN), s.SubCountryN,
			geo.Accuracy(s.Admin1OK, s.Admin1N), s.Admin1N, geo.Accuracy(s.PointOK, s.PointN), s.PointN,
			geo.Accuracy(s.PrecisionOK, s.Mentions))
		if c.Misses {
			for _, m := range s.Misses {
				fmt.Fprintln(w, "  miss:", m)
			}
		}
	}
	return nil
}

// geocodeCmd resolves place names from the command line, one JSON place
// per name, to try the gazetteer and user place files.
type geocodeCmd struct {
	Names   []string `arg:"" help:"Place names, as written in the news (\"Kursk region\", \"Iraq's Ain al-Asad air base\")."`
	Country []string `help:"Countries the text is about (ISO 3166 alpha-2), most relevant first."`
	Other   []string `help:"Other place names in the same text."`
	Kind    string   `help:"What the context calls the place: admin (region, oblast, province) or city." enum:",admin,city" default:""`
	Places  []string `help:"Extra place files or directories (default: the user's sitrep places directory)." type:"path"`
}

func (c *geocodeCmd) Run(g *Globals) error {
	places := c.Places
	if len(places) == 0 {
		places = geo.UserPlaces()
	}
	gz, err := geo.Load(places...)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(g.stdout)
	failed := false
	for _, n := range c.Names {
		p, ok := gz.Resolve(n, geo.Hints{Countries: c.Country, Others: c.Other, Kind: c.Kind})
		if !ok {
			failed = true
			fmt.Fprintf(g.stderr, "sitrep: %q: not in the gazetteer\n", n)
			continue
		}
		if err := enc.Encode(p); err != nil {
			return err
		}
	}
	if failed {
		return errPartial
	}
	return nil
}
