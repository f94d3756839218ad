package geo

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Place files (the curated list and users' own) are TSV or JSON Lines. A
// TSV row has up to nine tab-separated columns; lines starting with # and
// blank lines are skipped:
//
//	name  kind  country  admin1  lat  lon  population  aliases  of
//
// kind is one of the entry kinds (country, admin1, admin2, city, base,
// airport, site, area, region, sea), or:
//
//   - alias: name and aliases become other names of an existing entry: the
//     one whose geonameid is in "of"; else the first-level division admin1
//     of country; else the country itself.
//   - demonym: name is a nationality adjective ("Iraqi") of country, used
//     to tell an article's focus.
//
// aliases are separated by semicolons. A JSON Lines row is an object with
// the same field names: {"name":"Al Udeid Air Base","kind":"base",
// "country":"QA","lat":25.117,"lon":51.315,"aliases":["Al Udeid"]}.
type placeRow struct {
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	Country    string   `json:"country"`
	Admin1     string   `json:"admin1"`
	Lat        *float64 `json:"lat"`
	Lon        *float64 `json:"lon"`
	Population int      `json:"population"`
	Aliases    []string `json:"aliases"`
	Of         int      `json:"of"`
}

// maxPlaceLine bounds one line of a place file.
const maxPlaceLine = 1 << 20

// readPlaces reads a place file into g; name is used in errors.
func (g *Gazetteer) readPlaces(r io.Reader, name string, jsonl bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxPlaceLine)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		var row placeRow
		var err error
		if jsonl {
			err = json.Unmarshal([]byte(t), &row)
		} else {
			row, err = parsePlaceTSV(t)
		}
		if err == nil {
			err = g.addRow(row)
		}
		if err != nil {
			return fmt.Errorf("read places %s: line %d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read places %s: line %d: %w", name, line+1, err)
	}
	return nil
}

func parsePlaceTSV(t string) (placeRow, error) {
	f := strings.Split(t, "\t")
	if len(f) < 2 || len(f) > 9 {
		return placeRow{}, fmt.Errorf("%d columns, want 2 to 9 (name, kind, country, admin1, lat, lon, population, aliases, of)", len(f))
	}
	for len(f) < 9 {
		f = append(f, "")
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	row := placeRow{Name: f[0], Kind: f[1], Country: f[2], Admin1: f[3]}
	if f[4] != "" || f[5] != "" {
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			return row, fmt.Errorf("lat %q, lon %q: not numbers", f[4], f[5])
		}
		row.Lat, row.Lon = &lat, &lon
	}
	if f[6] != "" {
		p, err := strconv.Atoi(f[6])
		if err != nil {
			return row, fmt.Errorf("population %q: not a whole number", f[6])
		}
		row.Population = p
	}
	if f[7] != "" {
		row.Aliases = strings.Split(f[7], ";")
	}
	if f[8] != "" {
		id, err := strconv.Atoi(f[8])
		if err != nil {
			return row, fmt.Errorf("of %q: not a geonameid", f[8])
		}
		row.Of = id
	}
	return row, nil
}

var errNoTarget = errors.New("alias: no such entry")

func (g *Gazetteer) addRow(row placeRow) error {
	row.Kind = strings.ToLower(strings.TrimSpace(row.Kind))
	row.Country = strings.ToUpper(strings.TrimSpace(row.Country))
	if Normalize(row.Name) == "" {
		return fmt.Errorf("name %q: empty", row.Name)
	}
	if row.Country != "" && (len(row.Country) != 2 || row.Country[0] < 'A' || row.Country[0] > 'Z' || row.Country[1] < 'A' || row.Country[1] > 'Z') {
		return fmt.Errorf("country %q: want an ISO 3166 alpha-2 code", row.Country)
	}
	switch row.Kind {
	case "demonym":
		if row.Country == "" {
			return fmt.Errorf("demonym %q: no country", row.Name)
		}
		for _, n := range append([]string{row.Name}, row.Aliases...) {
			if k := Normalize(n); k != "" {
				g.demonyms[k] = row.Country
				g.noteFirstWord(k)
			}
		}
		return nil
	case "alias":
		var target *Entry
		switch {
		case row.Of != 0:
			target = g.byID[row.Of]
		case row.Admin1 != "":
			target = g.admin1[row.Country+"\x00"+Normalize(row.Admin1)]
		case row.Country != "":
			target = g.countries[row.Country]
		}
		if target == nil {
			return fmt.Errorf("%w: %q (of %d, country %q, admin1 %q)", errNoTarget, row.Name, row.Of, row.Country, row.Admin1)
		}
		names := row.Aliases
		if Normalize(row.Name) != Normalize(target.Name) {
			names = append([]string{row.Name}, names...)
		}
		g.addAlias(target, names)
		return nil
	}
	if _, ok := kinds[row.Kind]; !ok {
		return fmt.Errorf("kind %q: unknown", row.Kind)
	}
	if row.Lat == nil || row.Lon == nil {
		return fmt.Errorf("%q: no lat and lon", row.Name)
	}
	lat, lon := *row.Lat, *row.Lon
	if math.IsNaN(lat) || math.IsNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return fmt.Errorf("%q: lat %g, lon %g out of range", row.Name, lat, lon)
	}
	if row.Population < 0 {
		return fmt.Errorf("%q: negative population", row.Name)
	}
	e := &Entry{
		ID: g.nextID, Name: strings.TrimSpace(row.Name), Kind: row.Kind,
		Country: row.Country, Admin1: strings.TrimSpace(row.Admin1),
		Lat: lat, Lon: lon, Population: row.Population,
	}
	g.nextID--
	e.ASCII = e.Name
	for _, a := range row.Aliases {
		if k := Normalize(a); k != "" {
			e.Aliases = append(e.Aliases, k)
		}
	}
	g.add(e)
	g.prefer[Normalize(e.Name)] = e
	for _, k := range e.Aliases {
		g.prefer[k] = e
	}
	return nil
}
