// Command buildactors builds sitrep's embedded actor data from the
// PETRARCH/Phoenix CAMEO dictionaries (MIT licence) and the GeoNames
// gazetteer:
//
//	go run ./internal/actors/cmd/buildactors -data ../shared/data -out internal/actors/data
//
// It writes phoenix.jsonl.gz (states, their institutions, officials with
// dated roles, international organisations and armed non-state groups),
// agents.tsv (generic agent phrases such as "police officer" with their
// CAMEO code) and LICENSE-phoenix.txt. Place names that Phoenix lists as
// aliases of a country ("Kabul", "Helmand") are dropped: places are the
// gazetteer's business, not actors.
package main

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sitrep-osint/sitrep/internal/actors"
	"github.com/sitrep-osint/sitrep/internal/actors/phoenix"
	"github.com/sitrep-osint/sitrep/news"
)

func main() {
	data := flag.String("data", "../shared/data", "the shared data directory (with actors/phoenix and gazetteer)")
	out := flag.String("out", "internal/actors/data", "output directory")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "buildactors:", err)
		os.Exit(1)
	}
}

type country struct {
	iso2, iso3, name string
	population       int
}

func run(data, out string) error {
	countries, err := readCountries(filepath.Join(data, "gazetteer", "countryInfo.txt"))
	if err != nil {
		return err
	}
	places, err := readPlaces(data)
	if err != nil {
		return err
	}
	countryNames := map[string]bool{}
	for _, c := range countries {
		countryNames[actors.NormKey(c.name)] = true
	}
	dir := filepath.Join(data, "actors", "phoenix")
	fh, err := os.Open(filepath.Join(dir, "Phoenix.agents.txt"))
	if err != nil {
		return err
	}
	agents, err := phoenix.ParseAgents(fh, "Phoenix.agents.txt")
	fh.Close()
	if err != nil {
		return err
	}
	common := map[string]bool{}
	for _, w := range commonWords {
		common[w] = true
	}
	for _, a := range agents {
		k := actors.NormKey(phoenix.Words(a.Phrase))
		common[k], common[k+"s"] = true, true
	}
	b := &builder{countries: countries, places: places, countryNames: countryNames, common: common, ids: map[string]bool{}}
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			return err
		}
		entries, err := phoenix.ParseActors(fh, f)
		fh.Close()
		if err != nil {
			return err
		}
		b.add(entries)
	}
	b.mergePeople()
	b.dedupStateAliases()
	b.dropDanglingRefs()
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := writeGzipJSONL(filepath.Join(out, "phoenix.jsonl.gz"), b.actors); err != nil {
		return err
	}
	if err := writeAgents(filepath.Join(out, "agents.tsv"), agents); err != nil {
		return err
	}
	if err := writeLicence(filepath.Join(dir, "Phoenix.agents.txt"), filepath.Join(out, "LICENSE-phoenix.txt")); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "buildactors: %d actors, %d agent phrases\n", len(b.actors), len(agents))
	return nil
}

func readCountries(path string) (map[string]country, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	byISO3 := map[string]country{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 8 {
			continue
		}
		pop, _ := strconv.Atoi(f[7])
		byISO3[f[1]] = country{iso2: f[0], iso3: f[1], name: f[4], population: pop}
	}
	// Codes CAMEO uses that ISO does not.
	byISO3["PSE"] = country{"PS", "PSE", "Palestine", 5000000}
	byISO3["KSV"] = country{"XK", "XKX", "Kosovo", 1800000}
	return byISO3, sc.Err()
}

// readPlaces returns the normalised names of GeoNames cities and
// first-level divisions.
func readPlaces(data string) (map[string]bool, error) {
	places := map[string]bool{}
	zr, err := zip.OpenReader(filepath.Join(data, "gazetteer", "cities15000.zip"))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(rc)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) > 3 {
				places[actors.NormKey(f[1])] = true
				places[actors.NormKey(f[2])] = true
				for _, alt := range strings.Split(f[3], ",") {
					if isASCII(alt) {
						places[actors.NormKey(alt)] = true
					}
				}
			}
		}
		rc.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	f, err := os.Open(filepath.Join(data, "gazetteer", "admin1CodesASCII.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) > 2 {
			for _, n := range fs[1:3] {
				k := actors.NormKey(n)
				places[k] = true
				for _, suf := range []string{" province", " governorate", " oblast", " region", " state"} {
					places[k+suf] = true
				}
			}
		}
	}
	return places, sc.Err()
}

type builder struct {
	countries    map[string]country // by ISO3
	places       map[string]bool
	common       map[string]bool // generic nouns, never an alias on their own
	countryNames map[string]bool
	ids          map[string]bool
	states       map[string]int // ISO3 code → index of its state actor
	actors       []actors.Actor
	pending      []string // names of entries without codes, given the next entry's codes
}

// codeInfo splits a CAMEO actor code into its country and agent parts.
func (b *builder) codeInfo(code string) (iso2, agent string, intl bool) {
	if len(code) < 3 {
		return "", "", false
	}
	if c, ok := b.countries[code[:3]]; ok {
		return c.iso2, code[3:], false
	}
	switch code[:3] {
	case "IGO", "NGO", "IMG", "MNC", "NGM":
		return "", code, true
	}
	return "", code[3:], true
}

func (b *builder) add(entries []phoenix.Entry) {
	if b.states == nil {
		b.states = map[string]int{}
	}
	for _, e := range entries {
		if len(e.Codes) == 0 {
			b.pending = append(b.pending, e.Names...)
			continue
		}
		names := append(e.Names, b.pending...)
		b.pending = nil
		b.entry(e, names)
	}
}

func (b *builder) entry(e phoenix.Entry, names []string) {
	first := e.Codes[0].Code
	for _, code := range e.Codes {
		if len(code.Code) != 3 || code.To != "" {
			continue // not a state, or a former one (Russian SFSR)
		}
		if c, ok := b.countries[code.Code]; ok {
			first := code.Code
			canonical := actors.NormKey(phoenix.Words(names[0])) == actors.NormKey(c.name)
			if i, ok := b.states[first]; ok {
				// A region or city of a state already made, unless
				// this is the entry named after the country itself.
				if canonical {
					b.actors[i].Aliases = b.aliases(c.name, names, true)
				}
				return
			}
			b.states[first] = len(b.actors)
			a := actors.Actor{ID: strings.ToLower(c.iso2), Name: c.name, Kind: news.KindState, Country: c.iso2}
			a.Aliases = b.aliases(a.Name, names, true)
			b.ids[a.ID] = true
			b.actors = append(b.actors, a)
			return
		}
	}
	name := strings.TrimPrefix(titleCase(phoenix.Words(names[0])), "The ")
	if !hasLetter(name) {
		return
	}
	// Phoenix does not say which entries are people: its rulers and
	// ministers come from CountryInfo and IGOrulers, and officials carry
	// dated country codes. Organisations may carry dated international
	// codes ("[IMGMUSISI >20130408]").
	person := strings.Contains(e.Comment, "CountryInfo") || strings.Contains(e.Comment, "IGOrulers")
	if _, _, intl := b.codeInfo(first); !intl {
		for _, c := range e.Codes {
			if c.From != "" || c.To != "" {
				person = true
			}
		}
	}
	a := actors.Actor{Name: name}
	if person {
		a.Kind = news.KindPerson
		latest := ""
		for _, c := range e.Codes {
			iso2, agent, intl := b.codeInfo(c.Code)
			r := actors.Role{Title: roleTitle(agent, intl), From: c.From, To: c.To}
			if iso2 != "" {
				r.Org = strings.ToLower(iso2)
				if suffix, _, ok := actors.CAMEOGeneric(agent); ok {
					r.Org += "-" + suffix
				}
				if a.Country == "" || c.From >= latest {
					a.Country, latest = iso2, c.From
				}
			}
			a.Roles = append(a.Roles, r)
		}
	} else {
		iso2, agent, intl := b.codeInfo(first)
		a.Country = iso2
		switch {
		case intl && strings.HasPrefix(agent, "IGO"):
			a.Kind = news.KindIntlOrg
		case intl && strings.HasPrefix(agent, "IMG"):
			a.Kind = news.KindRebels
		default:
			_, kind, ok := actors.CAMEOGeneric(agent)
			if !ok {
				kind = news.KindOtherOrg
			}
			a.Kind = kind
		}
		if iso2 != "" {
			if suffix, _, ok := actors.CAMEOGeneric(agent); ok && suffix != "reb" && suffix != "opp" && suffix != "uaf" {
				a.Parent = strings.ToLower(iso2) + "-" + suffix
			} else {
				a.Parent = strings.ToLower(iso2)
			}
		}
		a.Notes = "CAMEO " + first
	}
	a.Aliases = b.aliases(a.Name, names, false)
	a.ID = b.newID(a.Name, a.Country)
	b.actors = append(b.actors, a)
}

// dedupStateAliases leaves an alias that several states claim ("US" is
// also listed for the US Virgin Islands, "American" for American Samoa)
// to the most populous of them.
func (b *builder) dedupStateAliases() {
	pop := map[string]int{}
	for _, c := range b.countries {
		pop[c.iso2] = c.population
	}
	owner := map[string]string{}
	for _, a := range b.actors {
		if a.Kind != news.KindState {
			continue
		}
		for _, al := range append([]string{a.Name}, a.Aliases...) {
			k := actors.NormKey(al)
			if o, ok := owner[k]; !ok || pop[a.Country] > pop[o] {
				owner[k] = a.Country
			}
		}
	}
	// Other entries lose the aliases of states: the US Virgin Islands
	// entry lists "US", American Samoa "American".
	for i := range b.actors {
		a := &b.actors[i]
		kept := a.Aliases[:0]
		for _, al := range a.Aliases {
			o, ok := owner[actors.NormKey(al)]
			if !ok || a.Kind == news.KindState && o == a.Country {
				kept = append(kept, al)
			}
		}
		a.Aliases = kept
	}
}

// mergePeople folds entries for the same person (same name, same
// country: Phoenix lists Xi Jinping twice) into the first, keeping every
// alias and role.
func (b *builder) mergePeople() {
	first := map[string]int{}
	kept := b.actors[:0]
	for _, a := range b.actors {
		if a.Kind != news.KindPerson {
			kept = append(kept, a)
			continue
		}
		k := a.Country + "|" + actors.NormKey(a.Name)
		i, ok := first[k]
		if !ok {
			first[k] = len(kept)
			kept = append(kept, a)
			continue
		}
		p := &kept[i]
		seen := map[string]bool{actors.NormKey(p.Name): true}
		for _, al := range p.Aliases {
			seen[actors.NormKey(al)] = true
		}
		for _, al := range a.Aliases {
			if k := actors.NormKey(al); !seen[k] {
				seen[k] = true
				p.Aliases = append(p.Aliases, al)
			}
		}
		for _, r := range a.Roles {
			if !slices.Contains(p.Roles, r) {
				p.Roles = append(p.Roles, r)
			}
		}
	}
	b.actors = kept
}

// dropDanglingRefs clears parents and role organisations that name no
// actor: territories without a state entry ("pr", "gp") and former
// states ("cs").
func (b *builder) dropDanglingRefs() {
	ok := map[string]bool{}
	for _, a := range b.actors {
		ok[a.ID] = true
		if a.Kind == news.KindState {
			for _, suffix := range actors.GenericSuffixes() {
				ok[a.ID+"-"+suffix] = true
			}
		}
	}
	for i := range b.actors {
		a := &b.actors[i]
		if !ok[a.Parent] {
			a.Parent = ""
		}
		for j := range a.Roles {
			if !ok[a.Roles[j].Org] {
				a.Roles[j].Org = ""
			}
		}
	}
}

// aliases turns dictionary names into display aliases, without duplicates
// (by comparison key) and, for states, without place names.
func (b *builder) aliases(name string, names []string, state bool) []string {
	seen := map[string]bool{actors.NormKey(name): true}
	var out []string
	for _, n := range names {
		for _, s := range splitParens(phoenix.Words(n)) {
			s = titleCase(s)
			k := actors.NormKey(s)
			if k == "" || seen[k] || !hasLetter(s) {
				continue
			}
			if state && !b.countryNames[k] && len(k) > 3 && !demonym(k, name) && (b.places[k] || b.places[strings.TrimPrefix(k, "al ")] || geographic(k)) {
				continue
			}
			if !strings.Contains(k, " ") && b.common[k] || !state && geographic(k) {
				continue
			}
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// splitParens turns "Basque Fatherland and Freedom (ETA)" into the name
// with and without its parenthesis, and the parenthesis alone.
func splitParens(s string) []string {
	i := strings.IndexByte(s, '(')
	j := strings.LastIndexByte(s, ')')
	if i < 0 || j < i {
		return []string{s}
	}
	outer := strings.TrimSpace(s[:i] + s[j+1:])
	inner := strings.TrimSpace(s[i+1 : j])
	return []string{outer, inner}
}

func (b *builder) newID(name, iso2 string) string {
	base := slug(name)
	if base == "" {
		base = "actor"
	}
	id := base
	if b.ids[id] && iso2 != "" {
		id = base + "-" + strings.ToLower(iso2)
	}
	for n := 2; b.ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	b.ids[id] = true
	return id
}

func slug(s string) string {
	var sb strings.Builder
	dash := false
	for _, t := range actors.NormKey(s) {
		if t >= 'a' && t <= 'z' || t >= '0' && t <= '9' {
			sb.WriteRune(t)
			dash = false
		} else if !dash && sb.Len() > 0 {
			sb.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(sb.String(), "-")
}

func roleTitle(agent string, intl bool) string {
	if intl {
		return "CAMEO " + agent
	}
	if agent == "" || strings.HasPrefix(agent, "ELI") {
		return "elite"
	}
	if suffix, _, ok := actors.CAMEOGeneric(agent); ok {
		for _, g := range []struct{ s, t string }{{"gov", "government"}, {"mil", "military"}, {"cop", "police"}, {"spy", "intelligence"}, {"leg", "legislature"}, {"jud", "judiciary"}, {"opp", "opposition"}, {"reb", "rebel"}} {
			if g.s == suffix {
				return g.t
			}
		}
	}
	return "CAMEO " + agent
}

var smallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true, "to": true, "de": true, "du": true, "la": true, "le": true, "del": true, "des": true, "da": true, "van": true, "von": true, "bin": true, "ibn": true}

// titleCase turns an upper-case dictionary name into display case,
// keeping short acronyms ("UN", "ETA", "ANSF") upper case.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && smallWords[lw]:
			words[i] = lw
		case isAcronym(w, len(words)):
			words[i] = w
		default:
			words[i] = capWord(lw)
		}
	}
	return strings.Join(words, " ")
}

func isAcronym(w string, nwords int) bool {
	letters, vowels := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if strings.ContainsRune("AEIOUY", r) {
				vowels++
			}
		} else if r != '.' && r != '/' && r != '&' {
			return false
		}
	}
	if letters == 0 {
		return false
	}
	switch strings.ToUpper(strings.TrimSuffix(w, ".")) {
	case "MR", "MRS", "MS", "DR", "ST", "JR", "SR", "GEN", "COL", "LT", "SGT", "CPT", "CAPT", "MAJ":
		return false
	}
	return vowels == 0 || (nwords == 1 && letters <= 3) || (letters <= 4 && vowels <= 1 && nwords == 1)
}

// capWord capitalises each hyphen- or apostrophe-separated part of w.
func capWord(w string) string {
	rs := []rune(w)
	up := true
	for i, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
			up = false
		}
		if r == '-' || r == '.' || r == '/' || r == '(' {
			up = true
		}
	}
	return string(rs)
}

// commonWords are words Phoenix lists as aliases that news uses in their
// ordinary sense.
var commonWords = []string{"country", "state", "states", "nation", "government", "senate", "congress", "parliament",
	"army", "military", "police", "party", "republic", "kingdom", "union", "federation", "empire", "homeland",
	"people", "capital", "the", "we", "is", "it", "its", "one", "new", "north", "south", "east", "west",
	"central", "national", "islamic", "arab", "muslim", "christian", "jewish", "global", "world", "international",
	"foundation", "zero", "alliance", "front", "movement", "council", "committee", "organisation", "organization",
	"association", "network", "brigade", "brigades", "army", "resistance", "revolution", "liberation", "freedom"}

// demonym reports whether a one-word alias looks like the demonym of the
// country name ("German" for Germany, "Swiss" for Switzerland): such
// words are also the names of small places, but they must stay.
func demonym(k, country string) bool {
	c := actors.NormKey(country)
	return !strings.Contains(k, " ") && len(k) >= 4 && len(c) >= 2 && k[:2] == c[:2] &&
		(strings.HasSuffix(k, "an") || strings.HasSuffix(k, "ian") || strings.HasSuffix(k, "i") ||
			strings.HasSuffix(k, "ese") || strings.HasSuffix(k, "ish") || strings.HasSuffix(k, "ss") || strings.HasSuffix(k, "ch"))
}

// geographic reports whether a key names a feature or a region rather
// than a country ("Lake Ladoga", "Kola Peninsula", "Anbar Province").
func geographic(k string) bool {
	for _, w := range strings.Fields(k) {
		switch w {
		case "lake", "river", "desert", "ocean", "mount", "mountains", "peninsula", "province", "region", "oblast", "okrug",
			"krai", "governorate", "island", "islands", "sea", "bay", "gulf", "valley", "falls", "canton", "city", "district":
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func writeGzipJSONL(path string, as []actors.Actor) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if err := actors.WriteJSONL(zw, as); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeAgents writes "phrase<TAB>code" lines, phrases in lower case, one
// line per phrase and explicit plural. Phoenix codes security officials as
// police; sitrep gives them their own generic actor (code SEC).
func writeAgents(path string, agents []phoenix.Agent) error {
	seen := map[string]bool{}
	var lines []string
	for _, a := range agents {
		code := a.Code
		if strings.Contains(a.Phrase, "SECURITY") && strings.HasPrefix(code, "COP") {
			code = "SEC"
		}
		for _, p := range append([]string{a.Phrase}, a.Plurals...) {
			k := actors.NormKey(phoenix.Words(p))
			if k == "" || seen[k] || danglingPreposition(k) {
				continue
			}
			seen[k] = true
			lines = append(lines, k+"\t"+code)
		}
	}
	sort.Strings(lines)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# Generic agents from the Phoenix/CAMEO agents dictionary (MIT, see LICENSE-phoenix.txt).")
	fmt.Fprintln(w, "# phrase<TAB>CAMEO agent code; built by internal/actors/cmd/buildactors.")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// danglingPreposition reports whether a phrase ends in a preposition
// ("ambassador to"), which would swallow the next word of a text.
func danglingPreposition(k string) bool {
	i := strings.LastIndexByte(k, ' ')
	switch k[i+1:] {
	case "to", "at", "for", "of", "in", "on", "from", "with", "and":
		return i >= 0
	}
	return false
}

// writeLicence copies the MIT notice of the Phoenix dictionaries.
func writeLicence(src, dst string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	var sb strings.Builder
	sb.WriteString("The files phoenix.jsonl.gz and agents.tsv are derived from the PETRARCH/Phoenix\nCAMEO dictionaries (https://github.com/openeventdata/petrarch2), which carry\nthis notice:\n\n")
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		l := sc.Text()
		if strings.Contains(l, "The MIT License") {
			in = true
		}
		if in {
			if !strings.HasPrefix(l, "#") {
				break
			}
			sb.WriteString(strings.TrimSpace(strings.TrimPrefix(l, "#")) + "\n")
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if !in {
		return fmt.Errorf("%s: no MIT licence notice found", src)
	}
	return os.WriteFile(dst, []byte(sb.String()), 0o644)
}
