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
