package main

import (
	"github.com/sitrep-osint/sitrep/internal/export"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
)

// loadStages builds the extraction stages every article goes through after
// cleaning, in order. Models and registries load once per run.
func loadStages(g *Globals) ([]pipeline.Stage, error) {
	return nil, nil
}

// countryInfo names countries in exports.
var countryInfo export.Country
