package geo

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// BuildStats says what Build wrote.
type BuildStats struct {
	Countries, Admin1, Cities, Aliases int
}

// Build compiles the GeoNames files under dataDir/gazetteer
// (cities15000.zip, admin1CodesASCII.txt, countryInfo.txt,
// country_translations.json) into the compact gzip'd TSV that Load embeds:
// countries, first-level divisions and cities with population ≥ 15,000,
// with their Latin-script alternate names, normalised. Countries and
// divisions take the population-weighted centre of their cities as their
// point.
func Build(ctx context.Context, dataDir string, w io.Writer) (BuildStats, error) {
	var st BuildStats
	dir := filepath.Join(dataDir, "gazetteer")
	countries, err := readCountryInfo(filepath.Join(dir, "countryInfo.txt"))
	if err != nil {
		return st, err
	}
	if err := readTranslations(filepath.Join(dir, "country_translations.json"), countries); err != nil {
		return st, err
	}
	admins, err := readAdmin1(filepath.Join(dir, "admin1CodesASCII.txt"))
	if err != nil {
		return st, err
	}
	cities, err := readCities(ctx, filepath.Join(dir, "cities15000.zip"))
	if err != nil {
		return st, err
	}
	// Centres and populations of countries and divisions from their cities.
	type acc struct {
		lat, lon, w float64
		pop         int
	}
	cAcc := map[string]*acc{}
	aAcc := map[string]*acc{}
	for _, c := range cities {
		w := float64(c.pop) + 1
		for _, m := range []struct {
			m   map[string]*acc
			key string
		}{{cAcc, c.country}, {aAcc, c.country + "." + c.admin1}} {
			a := m.m[m.key]
			if a == nil {
				a = &acc{}
				m.m[m.key] = a
			}
			a.lat += c.lat * w
			a.lon += c.lon * w
			a.w += w
			a.pop += c.pop
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return st, fmt.Errorf("build gazetteer: %w", err)
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, formatHeader)
	row := func(id int, kind, name, ascii, country, admin1 string, lat, lon float64, pop int, flags string, aliases []string) {
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%.5f\t%.5f\t%d\t%s\t%s\n", id, kind, clean(name), clean(ascii), country, clean(admin1), lat, lon, pop, flags, strings.Join(aliases, ";"))
		st.Aliases += len(aliases)
	}
	codes := make([]string, 0, len(countries))
	for c := range countries {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, code := range codes {
		c := countries[code]
		a := cAcc[code]
		if a == nil {
			continue // no city of 15,000: uninhabited or tiny territories
		}
		row(c.id, KindCountry, c.name, c.name, code, "", a.lat/a.w, a.lon/a.w, c.pop, "", aliasKeys(c.name, c.name, c.alt, 4))
		st.Countries++
	}
	acodes := make([]string, 0, len(admins))
	for k := range admins {
		acodes = append(acodes, k)
	}
	sort.Strings(acodes)
	adminName := map[string]string{}
	for _, k := range acodes {
		ad := admins[k]
		adminName[k] = ad.name
		a := aAcc[k]
		if a == nil {
			continue
		}
		row(ad.id, KindAdmin1, ad.name, ad.ascii, k[:2], ad.name, a.lat/a.w, a.lon/a.w, a.pop, "", adminAliases(ad.name, ad.ascii))
		st.Admin1++
	}
	// An alternate name that is a bigger city's, a country's or a foreign
	// division's own name is dropped: New Britain, Connecticut was once
	// "Quebec" and Antakya is "Antioquia"; news that uses those names means
	// the places that bear them. (A smaller city's name stays: Genève is
	// "Geneva" although Geneva, Illinois exists.)
	primary := map[string]map[string]bool{} // name → countries of cities, "*" for countries
	mark := func(k, c string) {
		if primary[k] == nil {
			primary[k] = map[string]bool{}
		}
		primary[k][c] = true
	}
	for _, c := range countries {
		mark(Normalize(c.name), "*")
	}
	adminOf := map[string]map[string]bool{}
	for k, ad := range admins {
		for _, n := range []string{Normalize(ad.name), Normalize(ad.ascii)} {
			if adminOf[n] == nil {
				adminOf[n] = map[string]bool{}
			}
			adminOf[n][k[:2]] = true
		}
	}
	cityPop := map[string]int{}           // primary name → biggest population
	cityIn := map[string]map[string]int{} // primary name → country → biggest population
	for _, c := range cities {
		for _, k := range []string{Normalize(c.name), Normalize(c.ascii)} {
			cityPop[k] = max(cityPop[k], c.pop)
			if cityIn[k] == nil {
				cityIn[k] = map[string]int{}
			}
			cityIn[k][c.country] = max(cityIn[k][c.country], c.pop)
		}
	}
	// foreignTown reports whether k is the own name of a town of 50,000 or
	// more in another country than cc: Engels, Russia was once "Pokrovsk",
	// San Diego "San Miguel", but news naming them means Pokrovsk, Ukraine
	// and San Miguel, El Salvador.
	foreignTown := func(k, cc string) bool {
		for c, pop := range cityIn[k] {
			if c != cc && pop >= 50000 {
				return true
			}
		}
		return false
	}
	for _, c := range cities {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		al := aliasKeys(c.name, c.ascii, c.alt, 3)
		kept := al[:0]
		for _, k := range al {
			if primary[k]["*"] || cityPop[k] > c.pop || foreignTown(k, c.country) {
				continue
			}
			foreign := false
			for cc := range adminOf[k] {
				if cc != c.country {
					foreign = true
				}
			}
			if foreign {
				continue
			}
			kept = append(kept, k)
		}
		c.alt = nil
		flags := ""
		switch c.fcode {
		case "PPLC":
			flags = "C"
		case "PPLA":
			flags = "S"
		}
		row(c.id, KindCity, c.name, c.ascii, c.country, adminName[c.country+"."+c.admin1], c.lat, c.lon, c.pop, flags, kept)
		st.Cities++
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("build gazetteer: %w", err)
	}
	if err := zw.Close(); err != nil {
		return st, fmt.Errorf("build gazetteer: %w", err)
	}
	return st, nil
}

// clean keeps tabs and newlines out of a field.
func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ", ";", ",").Replace(s)
}

// aliasKeys returns the normalised Latin-script alternate names of a
// place other than its own name, at least minLen bytes long, leaving out
// codes (IATA, ISO: short all-capital names).
func aliasKeys(name, ascii string, alt []string, minLen int) []string {
	own := map[string]bool{Normalize(name): true, Normalize(ascii): true}
	var out []string
	for _, a := range alt {
		a = strings.TrimSpace(a)
		if len(a) <= 4 && strings.ToUpper(a) == a {
			continue
		}
		k := Normalize(a)
		if len(k) < minLen || !isLatin(k) || own[k] || strings.IndexFunc(k, func(r rune) bool { return r >= 'a' && r <= 'z' }) < 0 {
			continue
		}
		own[k] = true
		out = append(out, k)
	}
	return out
}

// adminWords are the generic words of first-level division names, removed
// to index the name's core: "Kursk Oblast" is also "kursk", "Al Anbar"
// also "anbar".
var (
	adminPrefixes = []string{"muhafazat ", "muhafazah ", "republic of ", "provincia de ", "provincia del ", "departamento de ", "departamento del ", "region de ", "state of ", "province of ", "al ", "an ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "el "}
	adminSuffixes = []string{" oblast", " oblast", " kray", " krai", " republic", " governorate", " province", " region", " state", " district", " prefecture", " county", " department", " autonomous okrug", " okrug", " voivodeship", " territory", " division"}
)

func adminAliases(name, ascii string) []string {
	own := map[string]bool{Normalize(name): true, Normalize(ascii): true}
	var out []string
	for _, base := range []string{Normalize(name), Normalize(ascii)} {
		k := base
		for changed := true; changed; {
			changed = false
			for _, p := range adminPrefixes {
				if strings.HasPrefix(k, p) && len(k) > len(p)+2 {
					k, changed = k[len(p):], true
				}
			}
			for _, s := range adminSuffixes {
				if strings.HasSuffix(k, s) && len(k) > len(s)+2 {
					k, changed = k[:len(k)-len(s)], true
				}
			}
		}
		if !own[k] && isLatin(k) {
			own[k] = true
			out = append(out, k)
		}
	}
	return out
}

type country struct {
	id   int
	name string
	pop  int
	alt  []string
}

func readCountryInfo(path string) (map[string]*country, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("build gazetteer: %w", err)
	}
	defer f.Close()
	out := map[string]*country{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if strings.HasPrefix(t, "#") || t == "" {
			continue
		}
		x := strings.Split(t, "\t")
		if len(x) < 17 {
			return nil, fmt.Errorf("build gazetteer: %s: line %d: %d fields, want 19", path, line, len(x))
		}
		id, err := strconv.Atoi(x[16])
		if err != nil {
			return nil, fmt.Errorf("build gazetteer: %s: line %d: geonameid %q: %w", path, line, x[16], err)
		}
		pop, _ := strconv.Atoi(x[7])
		if x[0] == "CS" || x[0] == "AN" {
			continue // dissolved: Serbia and Montenegro, Netherlands Antilles
		}
		out[x[0]] = &country{id: id, name: strings.TrimSpace(x[4]), pop: pop}
	}
	return out, sc.Err()
}

func readTranslations(path string, countries map[string]*country) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("build gazetteer: %w", err)
	}
	var tr map[string]map[string]string
	if err := json.Unmarshal(b, &tr); err != nil {
		return fmt.Errorf("build gazetteer: %s: %w", path, err)
	}
	byID := map[string]*country{}
	for _, c := range countries {
		byID[strconv.Itoa(c.id)] = c
	}
	// English only: other languages' names are English words too
	// (German "Island" is Iceland).
	langs := []string{"en"}
	for id, names := range tr {
		c := byID[id]
		if c == nil {
			continue
		}
		for _, l := range langs {
			if n := names[l]; n != "" {
				c.alt = append(c.alt, n)
			}
		}
	}
	return nil
}

type admin struct {
	id          int
	name, ascii string
}

func readAdmin1(path string) (map[string]admin, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("build gazetteer: %w", err)
	}
	defer f.Close()
	out := map[string]admin{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		x := strings.Split(sc.Text(), "\t")
		if len(x) != 4 {
			return nil, fmt.Errorf("build gazetteer: %s: line %d: %d fields, want 4", path, line, len(x))
		}
		id, err := strconv.Atoi(x[3])
		if err != nil {
			return nil, fmt.Errorf("build gazetteer: %s: line %d: geonameid %q: %w", path, line, x[3], err)
		}
		out[x[0]] = admin{id: id, name: x[1], ascii: x[2]}
	}
	return out, sc.Err()
}

type city struct {
	id                 int
	name, ascii, fcode string
	country, admin1    string
	lat, lon           float64
	pop                int
	alt                []string
}

func readCities(ctx context.Context, path string) ([]city, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("build gazetteer: %w", err)
	}
	defer zr.Close()
	var out []city
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".txt") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, fmt.Errorf("build gazetteer: %s: %w", path, err)
		}
		sc := bufio.NewScanner(rc)
		sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
		line := 0
		for sc.Scan() {
			line++
			if line%4096 == 0 && ctx.Err() != nil {
				rc.Close()
				return nil, ctx.Err()
			}
			x := strings.Split(sc.Text(), "\t")
			if len(x) != 19 {
				rc.Close()
				return nil, fmt.Errorf("build gazetteer: %s: %s line %d: %d fields, want 19", path, zf.Name, line, len(x))
			}
			id, err := strconv.Atoi(x[0])
			lat, err1 := strconv.ParseFloat(x[4], 64)
			lon, err2 := strconv.ParseFloat(x[5], 64)
			pop, _ := strconv.Atoi(x[14])
			if err != nil || err1 != nil || err2 != nil || math.IsNaN(lat) || math.IsNaN(lon) {
				rc.Close()
				return nil, fmt.Errorf("build gazetteer: %s: %s line %d: bad id or coordinates", path, zf.Name, line)
			}
			var alt []string
			if x[3] != "" {
				alt = strings.Split(x[3], ",")
			}
			out = append(out, city{id: id, name: x[1], ascii: x[2], fcode: x[7], country: x[8], admin1: x[10], lat: lat, lon: lon, pop: pop, alt: alt})
		}
		err = sc.Err()
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("build gazetteer: %s: %w", path, err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("build gazetteer: %s: no cities", path)
	}
	return out, nil
}
