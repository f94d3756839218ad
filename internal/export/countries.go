package export

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// countries.tsv lists ISO 3166 alpha-2, alpha-3 and numeric codes with
// English names, from GeoNames' countryInfo (CC BY 4.0).
//
//go:embed countries.tsv
var countriesTSV string

type countryCodes struct {
	name, iso3 string
	numeric    int
}

var (
	countriesOnce sync.Once
	countries     map[string]countryCodes
)

// CountryCodes is a Country over the embedded ISO 3166 table: ACLED files
// name countries in English, number events with the alpha-3 code, and give
// the numeric code in the iso column.
func CountryCodes(iso2 string) (name, iso3 string, numeric int, ok bool) {
	countriesOnce.Do(func() {
		countries = make(map[string]countryCodes, 260)
		for _, line := range strings.Split(countriesTSV, "\n") {
			f := strings.Split(line, "\t")
			if len(f) != 4 || strings.HasPrefix(line, "#") {
				continue
			}
			n, _ := strconv.Atoi(f[2])
			countries[f[0]] = countryCodes{name: f[3], iso3: f[1], numeric: n}
		}
	})
	c, ok := countries[strings.ToUpper(iso2)]
	return c.name, c.iso3, c.numeric, ok
}
