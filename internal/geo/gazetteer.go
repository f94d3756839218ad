// Package geo resolves place names to gazetteer entries with an honest
// precision: a country name resolves to the country, an oblast to the
// oblast, a town to its point, and a name the gazetteer does not know to
// nothing. The gazetteer is built from GeoNames (CC BY 4.0, credit
// GeoNames) plus a curated list of places conflict news names that GeoNames'
// city list lacks (bases, airports, disputed areas, seas, regions), and is
// embedded in the binary; users add places from TSV or JSON Lines files.
package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Entry kinds.
const (
	KindCountry = "country"
	KindAdmin1  = "admin1"
	KindAdmin2  = "admin2"
	KindCity    = "city"
	KindBase    = "base"    // military base, air base
	KindAirport = "airport" // civil or dual-use airport
	KindSite    = "site"    // a building, bridge, crossing, port, dam
	KindArea    = "area"    // a disputed or named area inside one country (Golan Heights)
	KindRegion  = "region"  // a region across countries or borders (Middle East, Sahel, Donbas)
	KindSea     = "sea"     // seas, gulfs, straits
)

// kinds lists the kinds a data file may give, with the precision a place
// of that kind resolves to.
var kinds = map[string]string{
	KindCountry: "country",
	KindAdmin1:  "admin1",
	KindAdmin2:  "admin2",
	KindCity:    "point",
	KindBase:    "point",
	KindAirport: "point",
	KindSite:    "point",
	KindArea:    "admin2",
	KindRegion:  "region",
	KindSea:     "region",
}

// Entry is one gazetteer place.
type Entry struct {
	ID         int    // GeoNames geonameid, or negative for curated and user places
	Name       string // the name as GeoNames or the curator spells it
	ASCII      string // Name in ASCII
	Kind       string // country, admin1, admin2, city, base, airport, site, area, region, sea
	Country    string // ISO 3166 alpha-2; empty for seas and multi-country regions
	Admin1     string // name of the first-level division, when known
	Lat, Lon   float64
	Population int
	// Capital is set for national capitals, Seat for first-level seats.
	Capital, Seat bool
	// Aliases are the entry's other names, normalised (see Normalize).
	Aliases []string

	prior float64 // how likely news means this entry, before context
}

// Gazetteer indexes places by normalised name and alias. It is read-only
// once loaded and safe for concurrent use.
type Gazetteer struct {
	entries   []*Entry
	byKey     map[string][]*Entry
	byID      map[int]*Entry
	countries map[string]*Entry // ISO2 → country entry
	demonyms  map[string]string // normalised demonym → ISO2
	admin1    map[string]*Entry // ISO2 + "\x00" + normalised admin1 name → entry
	// prefer holds the entry a place file names under a key: curated and
	// users' names win over GeoNames' alternate names ("White House" is not
	// Casablanca; "Gaza" is the Strip).
	prefer map[string]*Entry
	// firstWords maps the first word of every country name and nationality
	// word to the most words such a name has, for TextCountries.
	firstWords map[string]int
	maxWords   int // longest key in words
	nextID     int
}

//go:embed data/gazetteer.bin
var embeddedGazetteer []byte

//go:embed data/curated.tsv
var embeddedCurated []byte

// formatHeader opens a compiled gazetteer file; the number is its version.
const formatHeader = "sitrep-gazetteer\t1"

// Load returns the embedded gazetteer with the curated places and, in
// order, the places of each extra path: a .tsv or .jsonl file, or a
// directory whose .tsv and .jsonl files are read in name order (see
// UserPlaces for the per-user directory). Later files may add aliases to
// earlier entries. The embedded part is parsed once per process and
// shared; a Gazetteer is read-only and safe for concurrent use.
func Load(extra ...string) (*Gazetteer, error) {
	baseOnce.Do(func() { base, baseErr = loadEmbedded() })
	if baseErr != nil {
		return nil, baseErr
	}
	if len(extra) == 0 {
		return base, nil
	}
	g := base.clone()
	for _, p := range extra {
		if err := g.addPath(p); err != nil {
			return nil, err
		}
	}
	return g, nil
}

var (
	baseOnce sync.Once
	base     *Gazetteer
	baseErr  error
)

func loadEmbedded() (*Gazetteer, error) {
	g := newGazetteer(200000)
	if err := g.readCompiled(bytes.NewReader(embeddedGazetteer), "embedded gazetteer"); err != nil {
		return nil, err
	}
	if err := g.readPlaces(bytes.NewReader(embeddedCurated), "embedded curated places", false); err != nil {
		return nil, err
	}
	return g, nil
}

// clone returns a copy of g that can take more places without changing
// g: maps are copied, entries and index lists shared (index appends with
// a full slice expression, so a shared list is never written to).
func (g *Gazetteer) clone() *Gazetteer {
	c := &Gazetteer{
		entries:    append([]*Entry(nil), g.entries...),
		byKey:      maps.Clone(g.byKey),
		byID:       maps.Clone(g.byID),
		countries:  maps.Clone(g.countries),
		demonyms:   maps.Clone(g.demonyms),
		admin1:     maps.Clone(g.admin1),
		prefer:     maps.Clone(g.prefer),
		firstWords: maps.Clone(g.firstWords),
		maxWords:   g.maxWords,
		nextID:     g.nextID,
	}
	return c
}

// UserPlaces returns the place files in the user's sitrep places directory
// (~/.config/sitrep/places on Linux), for Load; nil when there is none.
func UserPlaces() []string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return nil
	}
	dir = filepath.Join(dir, "sitrep", "places")
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil
	}
	return []string{dir}
}

// newGazetteer returns an empty gazetteer with room for about keys names.
func newGazetteer(keys int) *Gazetteer {
	return &Gazetteer{
		byKey:      make(map[string][]*Entry, keys),
		byID:       make(map[int]*Entry, keys/5),
		countries:  make(map[string]*Entry, 260),
		demonyms:   make(map[string]string, 300),
		admin1:     make(map[string]*Entry, 4000),
		prefer:     make(map[string]*Entry, 1000),
		firstWords: make(map[string]int, 1000),
		nextID:     -1,
	}
}

func (g *Gazetteer) addPath(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("read places: %w", err)
	}
	files := []string{p}
	if fi.IsDir() {
		files = nil
		des, err := os.ReadDir(p)
		if err != nil {
			return fmt.Errorf("read places: %w", err)
		}
		for _, de := range des {
			n := de.Name()
			if !de.IsDir() && (strings.HasSuffix(n, ".tsv") || strings.HasSuffix(n, ".jsonl")) {
				files = append(files, filepath.Join(p, n))
			}
		}
		sort.Strings(files)
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return fmt.Errorf("read places: %w", err)
		}
		err = g.readPlaces(fh, f, strings.HasSuffix(f, ".jsonl"))
		fh.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// add indexes e under its name, ASCII name and aliases.
func (g *Gazetteer) add(e *Entry) {
	e.prior = prior(e)
	g.entries = append(g.entries, e)
	if e.ID != 0 {
		g.byID[e.ID] = e
	}
	switch e.Kind {
	case KindCountry:
		if _, ok := g.countries[e.Country]; !ok {
			g.countries[e.Country] = e
		}
	case KindAdmin1:
		g.admin1[e.Country+"\x00"+Normalize(e.Name)] = e
	}
	g.index(e, Normalize(e.Name))
	g.index(e, Normalize(e.ASCII))
	for _, a := range e.Aliases {
		g.index(e, a)
	}
}

func (g *Gazetteer) index(e *Entry, key string) {
	if key == "" {
		return
	}
	list := g.byKey[key]
	for _, x := range list {
		if x == e {
			return
		}
	}
	g.byKey[key] = append(list[:len(list):len(list)], e)
	if n := strings.Count(key, " ") + 1; n > g.maxWords {
		g.maxWords = n
	}
	if e.Kind == KindCountry {
		g.noteFirstWord(key)
	}
}

func (g *Gazetteer) noteFirstWord(key string) {
	first, _, _ := strings.Cut(key, " ")
	g.firstWords[first] = max(g.firstWords[first], strings.Count(key, " ")+1)
}

// addAlias indexes extra names for an existing entry, preferred to other
// entries of the same name.
func (g *Gazetteer) addAlias(e *Entry, names []string) {
	for _, n := range names {
		k := Normalize(n)
		if k == "" {
			continue
		}
		g.index(e, k)
		g.prefer[k] = e
	}
}

// Candidates returns the entries whose name or alias matches name,
// ignoring case, diacritics and punctuation; nil when there is none. The
// slice is shared: do not modify it.
func (g *Gazetteer) Candidates(name string) []*Entry {
	return g.byKey[Normalize(name)]
}

// Country returns the country entry of an ISO 3166 alpha-2 code.
func (g *Gazetteer) Country(iso2 string) (*Entry, bool) {
	e, ok := g.countries[strings.ToUpper(iso2)]
	return e, ok
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// readCompiled reads a compiled gazetteer (see Build).
func (g *Gazetteer) readCompiled(r io.Reader, name string) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if line == 1 {
			if t != formatHeader {
				return fmt.Errorf("read %s: line 1: not a sitrep gazetteer (version 1)", name)
			}
			continue
		}
		e, err := parseCompiled(t)
		if err != nil {
			return fmt.Errorf("read %s: line %d: %w", name, line, err)
		}
		g.add(e)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if line == 0 {
		return fmt.Errorf("read %s: empty", name)
	}
	return nil
}

// parseCompiled reads one compiled row:
// id kind name ascii country admin1 lat lon population flags aliases.
func parseCompiled(t string) (*Entry, error) {
	f := strings.Split(t, "\t")
	if len(f) != 11 {
		return nil, fmt.Errorf("%d fields, want 11", len(f))
	}
	id, err := strconv.Atoi(f[0])
	if err != nil {
		return nil, fmt.Errorf("id: %w", err)
	}
	lat, err1 := strconv.ParseFloat(f[6], 64)
	lon, err2 := strconv.ParseFloat(f[7], 64)
	pop, err3 := strconv.Atoi(f[8])
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, fmt.Errorf("bad number in lat, lon or population")
	}
	e := &Entry{ID: id, Kind: f[1], Name: f[2], ASCII: f[3], Country: f[4], Admin1: f[5], Lat: lat, Lon: lon, Population: pop}
	e.Capital = strings.Contains(f[9], "C")
	e.Seat = strings.Contains(f[9], "S")
	if f[10] != "" {
		e.Aliases = strings.Split(f[10], ";")
	}
	return e, nil
}
