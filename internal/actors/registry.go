// Package actors is sitrep's actor registry: canonical actors (states,
// governments, armed forces and their branches, armed groups,
// international organisations, people with dated roles) with their
// aliases, kinds, countries and parents, and the resolution of mentions in
// news text to them.
//
// The registry is built from embedded data (the Phoenix/CAMEO dictionaries
// converted by cmd/buildactors, and a curated file of today's actors) plus
// any user files, which add or replace actors by ID without recompiling.
// A Registry is immutable once loaded and safe for concurrent use.
package actors

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/sitrep-osint/sitrep/news"
)

//go:generate go run ./cmd/buildactors -data ../../../shared/data -out data

//go:embed data/phoenix.jsonl.gz data/curated.jsonl data/agents.tsv
var dataFS embed.FS

// Ranks of the sources an actor can come from; a higher rank wins when
// two actors share an alias.
const (
	rankGeneric = iota
	rankPhoenix
	rankCurated
	rankUser
)

// Registry holds actors and the indexes that resolve mentions to them.
type Registry struct {
	actors []*Actor // sorted by ID
	byID   map[string]*Actor

	exact  map[string][]entry           // alias key → actors
	loose  map[string][]entry           // alias key without plural s → actors, for Resolve
	states map[string]string            // key of a state's name or demonym → country code
	stateC map[string]*Actor            // country code → state actor
	rel    map[string]map[string]*Actor // description after a country ("air defence") → country → actor
	agents map[string]string            // generic agent phrase → generic suffix ("police officer" → "cop")
	roles  map[string][]holder          // canonical role title → holders
	titles map[string]string            // role title → canonical, while indexing
	last   map[string][]*Actor          // a person's last name → persons

	trieOnce sync.Once // Find's tries are built on first use
	trie     *trie     // alias keys
	tails    *trie     // rel and agent keys
}

// entry is one alias of an actor. needUpper marks the alias's tokens that
// must be upper case in text: short acronyms such as "US" or "IS" would
// otherwise match the words "us" and "is".
type entry struct {
	a         *Actor
	needUpper uint64
	needCap   bool // the first token must begin upper case ("Xi")
}

type holder struct {
	a *Actor
	r Role
}

// Load builds a registry from the embedded data plus extra files or
// directories. A directory contributes its *.jsonl files in name order.
// Later sources replace earlier actors with the same ID; an entry with
// "remove": true deletes one.
func Load(extra ...string) (*Registry, error) {
	// User files first, so that a mistake in one is reported at once.
	var user [][]Actor
	for _, p := range extra {
		files, err := userFiles(p)
		if err != nil {
			return nil, fmt.Errorf("load actors: %w", err)
		}
		for _, f := range files {
			as, err := parseFile(f)
			if err != nil {
				return nil, fmt.Errorf("load actors: %w", err)
			}
			user = append(user, as)
		}
	}
	var all []Actor
	add := func(as []Actor, rank int) {
		for i := range as {
			as[i].rank = rank
		}
		all = append(all, as...)
	}
	gz, err := dataFS.ReadFile("data/phoenix.jsonl.gz")
	if err != nil {
		return nil, fmt.Errorf("load actors: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("load actors: phoenix.jsonl.gz: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("load actors: phoenix.jsonl.gz: %w", err)
	}
	n := bytes.Count(raw, []byte{'\n'})
	as, err := parseJSONL(bytes.NewReader(raw), "phoenix.jsonl.gz", n)
	if err != nil {
		return nil, fmt.Errorf("load actors: %w", err)
	}
	all = make([]Actor, 0, n+1024)
	add(as, rankPhoenix)
	cur, err := dataFS.ReadFile("data/curated.jsonl")
	if err != nil {
		return nil, fmt.Errorf("load actors: %w", err)
	}
	if as, err = ParseJSONL(bytes.NewReader(cur), "curated.jsonl"); err != nil {
		return nil, fmt.Errorf("load actors: %w", err)
	}
	add(as, rankCurated)
	for _, as := range user {
		add(as, rankUser)
	}
	agentData, err := dataFS.ReadFile("data/agents.tsv")
	if err != nil {
		return nil, fmt.Errorf("load actors: %w", err)
	}
	agents, err := parseAgents(bytes.NewReader(agentData), "agents.tsv")
	if err != nil {
		return nil, fmt.Errorf("load actors: %w", err)
	}
	return build(all, agents), nil
}

// New builds a registry from the given actors alone, without the embedded
// data: for tests and for users who bring their own registry.
func New(as []Actor) *Registry {
	cp := make([]Actor, len(as))
	copy(cp, as)
	for i := range cp {
		if cp[i].rank == 0 {
			cp[i].rank = rankUser
		}
	}
	return build(cp, nil)
}

func userFiles(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	files, err := filepath.Glob(filepath.Join(p, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	return files, nil
}

func parseFile(path string) ([]Actor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	return ParseJSONL(r, path)
}

// extraAgents are descriptions news uses that the Phoenix agents
// dictionary lacks, with the generic actor they stand for.
var extraAgents = map[string]string{
	"official":              "gov",
	"authorities":           "gov",
	"authority":             "gov",
	"leadership":            "gov",
	"administration":        "gov",
	"diplomat":              "gov",
	"diplomatic source":     "gov",
	"government source":     "gov",
	"government spokesman":  "gov",
	"ministry":              "gov",
	"defence ministry":      "gov",
	"military official":     "mil",
	"military source":       "mil",
	"military commander":    "mil",
	"force":                 "mil",
	"armed force":           "mil",
	"troops":                "mil",
	"serviceman":            "mil",
	"servicemen":            "mil",
	"security force":        "sec",
	"security forces":       "sec",
	"security source":       "sec",
	"security service":      "sec",
	"intelligence official": "spy",
	"intelligence source":   "spy",
	"intelligence service":  "spy",
	"militia commander":     "uaf",
	"civilian":              "cvl",
	"deputy":                "gov",
}

// parseAgents reads agents.tsv: "phrase<TAB>CAMEO code" lines.
func parseAgents(r io.Reader, name string) (map[string]string, error) {
	out := map[string]string{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		phrase, code, ok := strings.Cut(t, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want phrase<TAB>code", name, line)
		}
		if suffix, _, ok := CAMEOGeneric(code); ok {
			out[phrase] = suffix
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return out, nil
}

// build merges actors by ID (later wins), adds the generic actors of every
// state, and indexes everything.
func build(all []Actor, agents map[string]string) *Registry {
	r := &Registry{
		byID:   make(map[string]*Actor, len(all)),
		exact:  make(map[string][]entry, len(all)*4),
		loose:  make(map[string][]entry, len(all)*2),
		states: map[string]string{},
		stateC: map[string]*Actor{},
		rel:    map[string]map[string]*Actor{},
		agents: map[string]string{},
		roles:  map[string][]holder{},
		titles: map[string]string{},
		last:   map[string][]*Actor{},
	}
	for i := range all {
		a := &all[i]
		if a.Remove {
			delete(r.byID, a.ID)
			continue
		}
		if a.Merge {
			old, ok := r.byID[a.ID]
			if !ok {
				if a.Name == "" || a.Kind == "" {
					continue // nothing to merge into, and not a whole actor
				}
			} else {
				a = merged(old, a)
			}
		}
		r.byID[a.ID] = a
	}
	// Generic actors of each state, unless a file defines them.
	var gen []Actor
	for _, a := range r.byID {
		if a.Kind != news.KindState || a.Country == "" {
			continue
		}
		for _, g := range generics {
			id := a.ID + "-" + g.Suffix
			if _, ok := r.byID[id]; ok {
				continue
			}
			parent := a.ID
			gen = append(gen, Actor{ID: id, Name: fmt.Sprintf(g.Name, a.Name), Kind: g.Kind, Country: a.Country, Parent: parent, rank: rankGeneric})
		}
	}
	for i := range gen {
		r.byID[gen[i].ID] = &gen[i]
	}
	r.actors = make([]*Actor, 0, len(r.byID))
	for _, a := range r.byID {
		r.actors = append(r.actors, a)
	}
	sort.Slice(r.actors, func(i, j int) bool { return r.actors[i].ID < r.actors[j].ID })

	// States first: descriptions are indexed relative to them.
	for _, a := range r.actors {
		if a.Kind != news.KindState || a.Country == "" {
			continue
		}
		if old, ok := r.stateC[a.Country]; !ok || a.rank > old.rank {
			r.stateC[a.Country] = a
		}
		for _, n := range names(a) {
			if k := aliasKey(n); k != "" {
				r.states[k] = a.Country
			}
		}
	}
	for _, a := range r.actors {
		r.index(a)
	}
	for k, suffix := range agents {
		r.addAgent(k, suffix)
	}
	for k, suffix := range extraAgents {
		r.addAgent(k, suffix)
	}
	r.titles = nil
	return r
}

// merged returns old with the aliases and roles of m added and the
// fields m sets replaced.
func merged(old, m *Actor) *Actor {
	a := *old
	a.Aliases = slices.Clone(old.Aliases)
	for _, al := range m.Aliases {
		if !slices.Contains(a.Aliases, al) && al != a.Name {
			a.Aliases = append(a.Aliases, al)
		}
	}
	a.Roles = slices.Clone(old.Roles)
	for _, ro := range m.Roles {
		if !slices.Contains(a.Roles, ro) {
			a.Roles = append(a.Roles, ro)
		}
	}
	if m.Name != "" && m.Name != a.Name {
		a.Aliases = append(a.Aliases, a.Name)
		a.Name = m.Name
	}
	for _, f := range []struct {
		dst *string
		src string
	}{{&a.Kind, m.Kind}, {&a.Country, m.Country}, {&a.Parent, m.Parent}, {&a.Notes, m.Notes}} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	a.rank = max(old.rank, m.rank)
	a.Merge = false
	return &a
}

func (r *Registry) addAgent(k, suffix string) {
	if _, ok := extraAgents[k]; !ok || suffix == extraAgents[k] {
		r.agents[k] = suffix
	}
	for _, p := range plurals(k) {
		if _, ok := r.agents[p]; !ok {
			r.agents[p] = suffix
		}
	}
}

// looseKey is the key of toks with a final "s" dropped from every word
// of more than three letters, so that singular and plural forms meet.
func looseKey(toks []token) string {
	if !hasPluralWord(toks) {
		return joinToks(toks)
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := t.Norm
		if len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' {
			w = w[:len(w)-1]
		}
		b.WriteString(w)
	}
	return b.String()
}

func hasPluralWord(toks []token) bool {
	for _, t := range toks {
		if w := t.Norm; len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' {
			return true
		}
	}
	return false
}

func names(a *Actor) []string {
	return append([]string{a.Name}, a.Aliases...)
}

// aliasKey is the key of an alias as indexed: its normal form without a
// leading article.
func aliasKey(s string) string {
	return joinToks(trimArticles(tokenize(s)))
}

func trimArticles(toks []token) []token {
	for len(toks) > 1 && (toks[0].Norm == "the" || toks[0].Norm == "a" || toks[0].Norm == "an") {
		toks = toks[1:]
	}
	return toks
}

func (r *Registry) index(a *Actor) {
	a.keys = a.keys[:0]
	for _, n := range names(a) {
		toks := trimArticles(tokenize(n))
		k := joinToks(toks)
		if k == "" || slices.Contains(a.keys, k) {
			continue
		}
		a.keys = append(a.keys, k)
		var need uint64
		for i, t := range toks {
			if i < 64 && t.Upper && len(t.Norm) <= 3 {
				need |= 1 << i
			}
		}
		needCap := false
		if len(toks) == 1 && len(k) <= 3 {
			// A short word: upper case ("US", "IS"), except a curated
			// name written in mixed case ("Xi"), which needs a capital.
			if a.rank >= rankCurated && !toks[0].Upper && toks[0].Cap {
				need, needCap = 0, true
			} else {
				need = 1
			}
		}
		r.exact[k] = append(r.exact[k], entry{a: a, needUpper: need, needCap: needCap})
		lk := k
		if hasPluralWord(toks) {
			lk = looseKey(toks)
		}
		r.loose[lk] = append(r.loose[lk], entry{a: a, needUpper: need, needCap: needCap})
		// "Iranians", "Iraqis": plural demonyms of states.
		if a.Kind == news.KindState && len(toks) == 1 && (strings.HasSuffix(k, "an") || strings.HasSuffix(k, "i")) && len(k) > 4 {
			r.exact[k+"s"] = append(r.exact[k+"s"], entry{a: a})
		}
		if a.Kind == news.KindPerson && a.rank >= rankCurated && len(toks) > 1 && n == a.Name {
			last := toks[len(toks)-1].Norm
			r.last[last] = append(r.last[last], a)
		}
		// A description relative to the actor's country.
		if a.Country != "" && a.Kind != news.KindState && a.Kind != news.KindPerson {
			for i := len(toks) - 1; i >= 1; i-- {
				if r.states[joinToks(toks[:i])] != a.Country {
					continue
				}
				tail := joinToks(toks[i:])
				r.addRel(tail, a)
				for _, p := range plurals(tail) {
					r.addRel(p, a)
				}
				break
			}
		}
	}
	// Roles answer descriptions ("the US president") only when their
	// titles are real: the generated data's are CAMEO sectors
	// ("government", "elite"), which would make "Thai government" a
	// person.
	if a.rank < rankCurated {
		return
	}
	for _, ro := range a.Roles {
		t, ok := r.titles[ro.Title]
		if !ok {
			t = canonicalTitle(ro.Title)
			r.titles[ro.Title] = t
		}
		r.roles[t] = append(r.roles[t], holder{a, ro})
	}
}

func (r *Registry) addRel(tail string, a *Actor) {
	m := r.rel[tail]
	if m == nil {
		m = map[string]*Actor{}
		r.rel[tail] = m
	}
	if old, ok := m[a.Country]; !ok || a.rank > old.rank {
		m[a.Country] = a
	}
}

// titleSynonyms maps role titles to one canonical form.
var titleSynonyms = map[string]string{
	"minister of defence":           "defence minister",
	"defence secretary":             "defence minister",
	"secretary of defence":          "defence minister",
	"secretary of war":              "defence minister",
	"war secretary":                 "defence minister",
	"war minister":                  "defence minister",
	"minister of foreign affairs":   "foreign minister",
	"foreign secretary":             "foreign minister",
	"secretary of state":            "foreign minister",
	"foreign affairs minister":      "foreign minister",
	"premier":                       "prime minister",
	"head of government":            "prime minister",
	"leader":                        "supreme leader",
	"head of state":                 "president",
	"commander in chief":            "commander",
	"commander of the armed forces": "commander in chief of the armed forces",
	"secretary general":             "secretary general",
}

func canonicalTitle(t string) string {
	k := normKey(t)
	if v, ok := titleSynonyms[k]; ok {
		return v
	}
	return k
}

// tries returns Find's tries, building them on first use: Resolve does
// not need them, and a process that only resolves saves their cost.
func (r *Registry) tries() (*trie, *trie) {
	r.trieOnce.Do(func() {
		r.trie = newTrie()
		for k := range r.exact {
			r.trie.add(k)
		}
		r.tails = newTrie()
		for k := range r.rel {
			r.tails.add(k)
		}
		for k := range r.agents {
			r.tails.add(k)
		}
	})
	return r.trie, r.tails
}

// Get returns the actor with the given ID.
func (r *Registry) Get(id string) (*Actor, bool) {
	a, ok := r.byID[id]
	return a, ok
}

// Len returns the number of actors.
func (r *Registry) Len() int { return len(r.actors) }

// All returns every actor, sorted by ID. The slice must not be modified.
func (r *Registry) All() []*Actor { return r.actors }

// State returns the state actor of an ISO 3166 alpha-2 country code.
func (r *Registry) State(country string) (*Actor, bool) {
	a, ok := r.stateC[strings.ToUpper(country)]
	return a, ok
}

// Search returns the actors whose ID, name or an alias contains q
// (compared as normal forms), best first: exact names, then names starting
// with q, then the rest; curated actors before generated ones.
func (r *Registry) Search(q string) []*Actor {
	k := normKey(q)
	idq := strings.ToLower(strings.TrimSpace(q))
	if k == "" && idq == "" {
		return nil
	}
	type hit struct {
		a     *Actor
		score int
	}
	var hits []hit
	for _, a := range r.actors {
		best := -1
		if a.ID == idq {
			best = 3
		}
		for _, ak := range a.keys {
			s := -1
			switch {
			case k == "":
			case ak == k:
				s = 3
			case strings.HasPrefix(ak, k):
				s = 2
			case strings.Contains(ak, k):
				s = 1
			}
			if s > best {
				best = s
			}
		}
		if best >= 0 {
			hits = append(hits, hit{a, best*10 + a.rank})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	out := make([]*Actor, len(hits))
	for i, h := range hits {
		out[i] = h.a
	}
	return out
}

// Ref returns the actor as it appears in sitrep's output.
func (r *Registry) Ref(a *Actor) *news.ActorRef {
	if a == nil {
		return nil
	}
	return &news.ActorRef{ID: a.ID, Name: a.Name, Kind: a.Kind, Country: a.Country}
}

// Ancestors returns a's parents, nearest first, stopping at a cycle or a
// missing ID.
func (r *Registry) Ancestors(a *Actor) []*Actor {
	var out []*Actor
	seen := map[string]bool{a.ID: true}
	for p := a.Parent; p != "" && !seen[p]; {
		pa, ok := r.byID[p]
		if !ok {
			break
		}
		seen[p] = true
		out = append(out, pa)
		p = pa.Parent
	}
	return out
}

// UserDir returns the directory whose *.jsonl files extend the registry
// for this user: <user config dir>/sitrep/actors (on Linux
// ~/.config/sitrep/actors).
func UserDir() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("actors user dir: %w", err)
	}
	return filepath.Join(d, "sitrep", "actors"), nil
}

// UserPaths returns UserDir when it exists, then extra: the paths Load
// should read for this user.
func UserPaths(extra ...string) []string {
	var out []string
	if d, err := UserDir(); err == nil {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			out = append(out, d)
		}
	}
	return append(out, extra...)
}
