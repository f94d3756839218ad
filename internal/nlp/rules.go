package nlp

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/news"
)

// ruleSet is the layer over the statistical model that adds the types event
// extraction needs beyond CoNLL's four: it splits places into GPE (in the
// gazetteer as a country, division or city), FAC (bases, airports and other
// facilities) and LOC; nationalities and groups into NORP; finds weapons,
// quantities and dates; and corrects known armed groups to ORG.
type ruleSet struct {
	// lex holds sitrep's own lists (weapons, nationalities, armed groups,
	// news outlets, current leaders) as phrase hashes, so that the rules
	// see additions to them without retraining the model
	lex        map[uint64]uint16
	lexMax     int
	facHeads   map[string]bool // capitalised last words that make a facility
	facAfter   map[string]int  // lower-case words after a name that make it a facility; value: words
	weaponHead map[string]bool
	weaponMod  map[string]bool
	dateWords  map[string]int
	numWords   map[string]float64
	qtyMods    map[string]int
	qtyStart   map[string]bool // first words of qtyMods, and currency signs
	stop       map[string]bool
	heads      map[string]bool
	// class gives each word of the lists above the lists it is in, so
	// that apply looks a token up once
	class map[string]uint8
}

// word classes (ruleSet.class)
const (
	clsWeaponHead = 1 << iota
	clsWeaponMod
	clsQtyStart
	clsNumWord
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func newRuleSet() *ruleSet {
	r := &ruleSet{
		facHeads: set("airport", "base", "airbase", "air base", "port", "bridge", "dam", "plant", "station",
			"prison", "hospital", "embassy", "palace", "stadium", "refinery", "camp", "airfield",
			"barracks", "compound", "terminal", "crossing", "harbour", "harbor", "shipyard", "complex"),
		weaponHead: set("drone", "drones", "missile", "missiles", "rocket", "rockets", "bomb", "bombs",
			"ied", "ieds", "mortar", "mortars", "shell", "shells", "artillery", "grenade", "grenades",
			"mine", "mines", "landmine", "landmines", "uav", "uavs", "explosives", "munitions",
			"warheads", "launchers", "howitzers", "tanks", "jets", "warplanes", "helicopters"),
		weaponMod: set("ballistic", "cruise", "hypersonic", "anti-ship", "anti-tank", "anti-aircraft",
			"long-range", "short-range", "medium-range", "armed", "attack", "kamikaze", "suicide",
			"decoy", "explosive-laden", "guided", "unmanned", "surface-to-air", "air-to-air",
			"naval", "roadside", "car", "air", "defense", "defence", "fighter", "cluster",
			"precision-guided", "one-way", "loitering", "sea", "underwater", "glide", "guided"),
		numWords: map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
			"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
			"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
			"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
			"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
			"dozen": 12, "hundreds": 100, "thousands": 1000, "dozens": 12, "millions": 1e6,
			"scores": 20, "tens": 10},
		stop: set("of", "and", "or", "the", "a", "an", "to", "in", "on", "at", "by", "for", "from",
			"with", "had", "have", "has", "was", "were", "is", "are", "be", "been", "said", "that",
			"which", "who", "as", "than", "over", "overnight", "since", "into", "it", "its", "their",
			"they", "this", "these", "those", "will", "would", "could", "may", "more", "per", "each",
			"last", "next", "this", "after", "before", "during", "while", "when", "were", "not",
			"days", "weeks", "months", "years", "hours", "minutes", "times", "percent",
			"news", "uses", "says", "stipulates", "states", "remains", "includes", "means", "shows",
			"seems", "calls", "makes", "gives", "takes", "comes", "goes", "needs", "wants", "allows",
			"requires", "provides", "reads", "explicitly", "is", "was"),
		heads: set("person", "man", "woman", "child", "soldier", "civilian", "drone", "missile",
			"fighter", "system", "body", "officer", "member", "police", "people", "personnel",
			"troops"),
	}
	var g gazetteerBuilder
	for _, l := range []struct {
		words []string
		src   int
	}{{norpWords, gazNORP}, {weaponWords, gazWeapon}, {armedGroups, gazPhArmed}, {mediaOutlets, gazMedia}, {currentLeaders, gazPhPerson}, {morePersons, gazPhPerson}} {
		for _, w := range l.words {
			g.add(w, l.src)
		}
	}
	r.lex, r.lexMax = g.phrases, g.max
	r.qtyMods = map[string]int{}
	r.qtyStart = set("$", "€", "£")
	for _, m := range []string{"at least", "at most", "more than", "less than", "fewer than", "up to",
		"almost", "nearly", "about", "around", "approximately", "roughly", "some", "over", "under",
		"as many as", "an estimated", "as few as", "close to", "upwards of", "just over", "just under",
		"well over"} {
		r.qtyMods[m] = len(strings.Fields(m))
		r.qtyStart[strings.Fields(m)[0]] = true
	}
	r.facAfter = map[string]int{}
	for _, f := range []string{"air base", "airbase", "base", "airport", "airfield", "military base",
		"naval base", "power plant", "nuclear power plant", "nuclear plant", "refinery", "port",
		"prison", "border crossing", "crossing", "military airport", "air field", "dam", "bridge"} {
		r.facAfter[f] = len(strings.Fields(f))
	}
	r.class = map[string]uint8{}
	for _, c := range []struct {
		words map[string]bool
		bit   uint8
	}{{r.weaponHead, clsWeaponHead}, {r.weaponMod, clsWeaponMod}, {r.qtyStart, clsQtyStart}} {
		for w := range c.words {
			r.class[w] |= c.bit
		}
	}
	for w := range r.numWords {
		r.class[w] |= clsNumWord
	}
	r.dateWords = map[string]int{}
	for i, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		r.dateWords[d] = 100 + i
	}
	for i, mo := range []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		r.dateWords[mo] = 1 + i
	}
	for i, mo := range []string{"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."} {
		r.dateWords[mo] = 50 + i
	}
	return r
}

// span is an entity over token indices [s, e) of a sentence.
type span struct {
	s, e int
	typ  string
}

// phraseBits returns the gazetteer sources of the words toks[s:e].
func (m *Model) phraseBits(toks []Token, s, e int) uint16 {
	h := uint64(fnvOffset)
	for k := s; k < e; k++ {
		h = phraseHash(h, toks[k].Text)
	}
	return (m.lex.gaz[h] | m.rules.lex[h]) &^ gazPrefix
}

// longestGaz returns the end of the longest phrase of sitrep's own lexicons
// (weapons, nationalities) of source src starting at s, or s when there is
// none.
func (m *Model) longestGaz(toks []Token, s int, src int) int {
	h := uint64(fnvOffset)
	best := s
	for l := 1; l <= m.rules.lexMax && s+l <= len(toks); l++ {
		h = phraseHash(h, toks[s+l-1].Text)
		bits, ok := m.rules.lex[h]
		if !ok {
			break
		}
		if bits&(1<<src) != 0 {
			best = s + l
		}
	}
	return best
}

func lower(s string) string { return strings.ToLower(s) }

func isCapitalised(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return s[0] >= 'A' && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isNumber(s string) bool {
	if s == "" || !isDigit(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

func isYear(s string) bool {
	if len(s) == 4 && isNumber(s) {
		return s >= "1900" && s <= "2099"
	}
	// ranges: 2005-2007, 2027–2028, 1996-97
	for _, sep := range []string{"-", "\u2013"} {
		if k := strings.Index(s, sep); k == 4 {
			return isYear(s[:4]) && isNumber(s[k+len(sep):])
		}
	}
	return len(s) == 5 && s[4] == 's' && isYear(s[:4]) // 1990s
}

// nationality reports whether a single MISC word reads as a nationality or
// group adjective (Iranian, Iraqi, Lebanese, Kurdish).
func nationality(w string) bool {
	if !isCapitalised(w) {
		return false
	}
	for _, suf := range []string{"ian", "ians", "ese", "ish", "i", "is", "an", "ans", "ic", "ite", "ites"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// ruleBuf holds apply's per-sentence buffers, reused across sentences.
type ruleBuf struct {
	lw, typeAt []string
	cls        []uint8 // class bits of each token's lower-case form
	low        []byte  // lowered ASCII words of the sentence
	lowAt      []int32 // the tokens lowered into low
	covered    []bool
	spans      []span
}

// lowerAll fills rb.lw with the tokens' lower-case forms. Words in ASCII
// with capitals are lowered into one buffer that becomes one string for
// the sentence, instead of one allocation each.
func (rb *ruleBuf) lowerAll(toks []Token) {
	buf := rb.low[:0]
	at := rb.lowAt[:0]
	for i, t := range toks {
		w := t.Text
		ascii, upper := true, false
		for k := 0; k < len(w); k++ {
			c := w[k]
			ascii = ascii && c < utf8.RuneSelf
			upper = upper || c >= 'A' && c <= 'Z'
		}
		switch {
		case !ascii:
			rb.lw[i] = lower(w)
		case !upper:
			rb.lw[i] = w
		default:
			at = append(at, int32(i))
			for k := 0; k < len(w); k++ {
				c := w[k]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
		}
	}
	if len(at) > 0 {
		all := string(buf)
		off := 0
		for _, i := range at {
			n := len(toks[i].Text)
			rb.lw[i] = all[off : off+n]
			off += n
		}
	}
	rb.low, rb.lowAt = buf, at
}

// apply turns one sentence's BILOU tags into typed entities.
func (r *ruleSet) apply(m *Model, text string, toks []Token, tags []int, out []news.Entity, rb *ruleBuf) []news.Entity {
	n := len(toks)
	rb.lw = grow(rb.lw, n)
	lw := rb.lw
	rb.cls = grow(rb.cls, n)
	cls := rb.cls
	rb.lowerAll(toks)
	for i := range toks {
		cls[i] = r.class[lw[i]]
	}
	spans := rb.spans[:0]
	defer func() { rb.spans = spans[:0] }()
	for i := 0; i < n; i++ {
		t := tags[i]
		if t == 0 {
			continue
		}
		j := i + 1
		if tagPos(t) == posB {
			for j < n && tags[j] != 0 && tagType(tags[j]) == tagType(t) && (tagPos(tags[j]) == posI || tagPos(tags[j]) == posL) {
				j++
				if tagPos(tags[j-1]) == posL {
					break
				}
			}
		}
		spans = append(spans, span{i, j, conllTypes[tagType(t)]})
		i = j - 1
	}
	// a lone month or weekday the model took for a name is left to the
	// date rule ("Feb.", "Monday")
	keptModel := spans[:0]
	for _, sp := range spans {
		if sp.e-sp.s == 1 {
			if _, ok := r.dateWords[lw[sp.s]]; ok && lw[sp.s] != "may" {
				continue
			}
		}
		keptModel = append(keptModel, sp)
	}
	spans = keptModel
	rb.covered = grow(rb.covered, n)
	rb.typeAt = grow(rb.typeAt, n)
	covered, typeAt := rb.covered, rb.typeAt
	clear(covered)
	clear(typeAt)
	mark := func(sp span) {
		for k := sp.s; k < sp.e; k++ {
			if !covered[k] {
				typeAt[k] = sp.typ
			}
			covered[k] = true
		}
	}
	// add keeps a rule's span and covers its tokens.
	add := func(sp span) {
		spans = append(spans, sp)
		mark(sp)
	}
	// free reports whether no token in [s, e) is covered yet.
	free := func(s, e int) bool {
		for k := s; k < e; k++ {
			if covered[k] {
				return false
			}
		}
		return true
	}
	// weapons from the lexicon override MISC, ORG and PER
	var weapons []span
	for i := 0; i < n; i++ {
		if !isCapitalised(toks[i].Text) && !isAllUpper(toks[i].Text) {
			continue
		}
		e := m.longestGaz(toks, i, gazWeapon)
		if e == i {
			continue
		}
		// "Patriot systems", "Katyusha rockets"
		for e < n && (r.weaponHead[lw[e]] || lw[e] == "systems" || lw[e] == "system") {
			e++
		}
		w := span{i, e, news.EntWeapon}
		if last := lw[e-1]; e-i > 1 && (r.weaponHead[last] || last == "systems" || last == "system") {
			w.typ = "WEAPON+" // with its noun it overrides any model type
		}
		weapons = append(weapons, w)
		i = e - 1
	}
	if len(weapons) > 0 {
		kept := spans[:0]
		for _, sp := range spans {
			drop := false
			for _, w := range weapons {
				if sp.s < w.e && w.s < sp.e && (sp.typ != "LOC" || w.typ == "WEAPON+") {
					drop = true
				}
			}
			if !drop {
				kept = append(kept, sp)
			}
		}
		spans = kept
		for _, w := range weapons {
			clash := false
			for _, sp := range spans {
				if sp.s < w.e && w.s < sp.e {
					clash = true
				}
			}
			if !clash {
				w.typ = news.EntWeapon
				spans = append(spans, w)
			}
		}
	}
	// complete a known outlet or group the model cut short ("The
	// Associated" + "Press")
	for k := range spans {
		sp := &spans[k]
		if sp.typ != "ORG" {
			continue
		}
		e := max(m.longestGaz(toks, sp.s, gazMedia), m.longestGaz(toks, sp.s, gazPhArmed))
		if e <= sp.e {
			continue
		}
		free := true
		for _, o := range spans {
			if o.s < e && sp.e <= o.s && o != *sp {
				free = false
			}
		}
		if free {
			sp.e = e
		}
	}
	for k := range spans {
		sp := &spans[k]
		switch sp.typ {
		case "LOC", "ORG", "MISC", "PER":
			bits := m.phraseBits(toks, sp.s, sp.e)
			last := lw[sp.e-1]
			// a facility: "Erbil International Airport", "Ain al-Asad air base"
			if sp.typ != "PER" && r.facHeads[last] && sp.e-sp.s > 1 {
				sp.typ = news.EntFacility
				continue
			}
			if e := r.facilityAfter(toks, lw, sp.e); e > sp.e && sp.typ != "MISC" {
				sp.e, sp.typ = e, news.EntFacility
				continue
			}
			if bits&(1<<gazMedia) != 0 {
				sp.typ = news.EntOrg
				continue
			}
			switch sp.typ {
			case "LOC":
				if bits&(1<<gazCountry|1<<gazCity|1<<gazAdmin1|1<<gazPhCountry) != 0 {
					sp.typ = news.EntGPE
				} else if sp.e < n && regionWord(lw[sp.e]) {
					sp.typ = news.EntGPE
				}
			case "MISC":
				if bits&(1<<gazPhArmed) != 0 && bits&(1<<gazNORP) == 0 {
					sp.typ = news.EntOrg // Taliban, Houthis as a group
				} else if bits&(1<<gazNORP) != 0 {
					sp.typ = news.EntNORP
				} else if sp.e < n && regionWord(lw[sp.e]) {
					sp.typ = news.EntGPE // "Dnipropetrovsk region"
				} else if sp.e-sp.s == 1 && nationality(toks[sp.s].Text) {
					sp.typ = news.EntNORP
				}
			case "PER":
				if bits&(1<<gazPhArmed|1<<gazPhIntl) != 0 && bits&(1<<gazPhPerson) == 0 {
					sp.typ = news.EntOrg
				}
				// titles are not part of the name: "Mayor Ihor Terekhov"
				for sp.e-sp.s > 1 && personTitles[lw[sp.s]] {
					sp.s++
				}
			case "ORG":
				// a known person the model took for an organisation
				if bits&(1<<gazPhPerson) != 0 && bits&(1<<gazPhArmed|1<<gazPhIntl|1<<gazPhOrg|1<<gazMedia|1<<gazCountry|1<<gazPhCountry) == 0 {
					sp.typ = news.EntPerson
				}
			}
		}
	}
	for _, sp := range spans {
		mark(sp)
	}
	// facilities the model left out: "Ain al-Asad air base"
	for i := 0; i < n; i++ {
		if covered[i] || !nameWord(toks[i].Text) {
			continue
		}
		j := i
		for j < n && !covered[j] && nameWord(toks[j].Text) && j-i < 4 {
			j++
		}
		if e := r.facilityAfter(toks, lw, j); e > j && isCapitalised(toks[i].Text) {
			if free(j, e) {
				add(span{i, e, news.EntFacility})
			}
			i = e - 1
			continue
		}
		i = j - 1
	}
	// NORP words the model left out: Shiite, Western, pro-Iran
	for i := 0; i < n; i++ {
		if covered[i] {
			continue
		}
		w := toks[i].Text
		if !isCapitalised(w) && !strings.HasPrefix(w, "pro-") && !strings.HasPrefix(w, "anti-") {
			continue
		}
		e := m.longestGaz(toks, i, gazNORP)
		if e == i {
			continue
		}
		if free(i, e) {
			add(span{i, e, news.EntNORP})
			i = e - 1
		}
	}
	// generic weapons: "drones laden with explosives", "ballistic missiles"
	for i := 0; i < n; i++ {
		if covered[i] {
			continue
		}
		j := i
		for j < n && !covered[j] && cls[j]&clsWeaponMod != 0 && j-i < 3 {
			j++
		}
		if j >= n || covered[j] || cls[j]&clsWeaponHead == 0 {
			continue
		}
		// "ballistic and cruise missiles"
		e := j + 1
		for e+1 < n && lw[e] == "and" && !covered[e+1] && cls[e+1]&clsWeaponHead != 0 {
			e += 2
		}
		if e+2 < n && (lw[e] == "laden" || lw[e] == "packed" || lw[e] == "loaded") &&
			lw[e+1] == "with" && lw[e+2] == "explosives" {
			e += 3
		}
		add(span{i, e, news.EntWeapon})
		i = e - 1
	}
	// dates, then quantities
	for i := 0; i < n; i++ {
		if covered[i] {
			continue
		}
		if e := r.date(toks, lw, covered, i); e > i {
			add(span{i, e, news.EntDate})
			i = e - 1
		}
	}
	for i := 0; i < n; i++ {
		if covered[i] {
			continue
		}
		if cls[i]&(clsQtyStart|clsNumWord) == 0 && !isNumber(lw[i]) {
			continue // no quantity starts here
		}
		if e := r.quantity(toks, lw, covered, typeAt, i); e > i {
			add(span{i, e, news.EntQuantity})
			i = e - 1
		}
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].s < spans[b].s })
	for _, sp := range spans {
		s, e := toks[sp.s].Start, toks[sp.e-1].End
		out = append(out, news.Entity{Text: text[s:e], Type: sp.typ, Start: s, End: e})
	}
	return out
}

// personTitles are words that precede names without being part of them.
var personTitles = set("mayor", "president", "general", "gen.", "minister", "premier", "governor",
	"gov.", "senator", "sen.", "colonel", "col.", "lieutenant", "lt.", "major", "maj.", "captain",
	"capt.", "commander", "chief", "sheikh", "king", "queen", "prince", "pope", "dr.", "mr.",
	"mrs.", "ms.", "prof.", "ambassador", "spokesman", "spokeswoman", "spokesperson", "envoy",
	"secretary", "chancellor", "admiral", "adm.", "sergeant", "sgt.", "brigadier", "marshal",
	"cardinal", "archbishop", "bishop", "imam", "ayatollah", "rep.", "judge", "justice")

// nameWord reports whether w can be part of a name: capitalised, or an
// Arabic article joined to one (al-Asad, el-Arish).
func nameWord(w string) bool {
	if isCapitalised(w) {
		return true
	}
	if len(w) < 4 || w[0] != 'a' && w[0] != 'e' {
		return false
	}
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "az-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) && isCapitalised(w[len(p):]) {
			return true
		}
	}
	return false
}

func isAllUpper(s string) bool {
	up := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		up = up || unicode.IsUpper(r)
	}
	return up
}

func regionWord(w string) bool {
	switch w {
	case "region", "regions", "oblast", "province", "governorate", "district", "state", "county", "prefecture":
		return true
	}
	return false
}

// facilityAfter returns the end of lower-case facility words right after a
// name ("air base", "airport"), or e when there are none.
func (r *ruleSet) facilityAfter(toks []Token, lw []string, e int) int {
	best := e
	var buf [64]byte
	phrase := buf[:0]
	for l := 1; l <= 3 && e+l <= len(toks); l++ {
		w := toks[e+l-1].Text
		if isCapitalised(w) {
			return best
		}
		if l > 1 {
			phrase = append(phrase, ' ')
		}
		phrase = append(phrase, w...)
		if _, ok := r.facAfter[string(phrase)]; ok {
			best = e + l
		}
	}
	return best
}

// date returns the end of a date expression starting at i, or i.
func (r *ruleSet) date(toks []Token, lw []string, covered []bool, i int) int {
	n := len(toks)
	free := func(k int) bool { return k < n && !covered[k] }
	j := i
	// preposition kept with the date: "on Monday", "in late 2019"
	if free(j) {
		switch lw[j] {
		case "on", "in", "since", "until", "during":
			j++
		}
	}
	core := func(k int) int {
		if !free(k) {
			return k
		}
		w := lw[k]
		switch w {
		case "overnight", "yesterday", "today", "tonight", "tomorrow":
			return k + 1
		case "early", "late", "mid", "earlier", "later":
			if e := r.dateCore(toks, lw, covered, k+1); e > k+1 {
				return e
			}
			if free(k+1) && lw[k+1] == "last" || free(k+1) && lw[k+1] == "this" || free(k+1) && lw[k+1] == "next" {
				if e := r.relative(toks, lw, covered, k+1); e > k+1 {
					return e
				}
			}
			return k
		}
		if e := r.relative(toks, lw, covered, k); e > k {
			return e
		}
		return r.dateCore(toks, lw, covered, k)
	}
	if e := core(j); e > j {
		return e
	}
	if j > i {
		if e := core(i); e > i {
			return e
		}
	}
	return i
}

// relative matches "last year", "this month", "next week", "last Monday".
func (r *ruleSet) relative(toks []Token, lw []string, covered []bool, k int) int {
	n := len(toks)
	if k+1 >= n || covered[k] || covered[k+1] {
		return k
	}
	switch lw[k] {
	case "last", "this", "next", "past", "previous", "coming", "same":
	default:
		return k
	}
	switch lw[k+1] {
	case "week", "month", "year", "weekend", "night", "morning", "afternoon", "evening", "summer",
		"winter", "spring", "autumn", "fall", "decade", "century", "day":
		return k + 2
	}
	if _, ok := r.dateWords[lw[k+1]]; ok && isCapitalised(toks[k+1].Text) {
		return k + 2
	}
	return k
}

// dateCore matches weekdays (with a part of day), months with days and
// years, day-month-year, and years or year ranges.
func (r *ruleSet) dateCore(toks []Token, lw []string, covered []bool, k int) int {
	n := len(toks)
	free := func(j int) bool { return j < n && !covered[j] }
	if !free(k) {
		return k
	}
	w := toks[k].Text
	year := func(j int) bool { return free(j) && isYear(toks[j].Text) }
	if w == "" || !isDigit(w[0]) {
		// without a digit only a month or weekday name or "mid-" starts one
		return r.dateWordCore(toks, lw, covered, k)
	}
	day := func(j int) bool {
		if !free(j) {
			return false
		}
		t := strings.TrimRight(toks[j].Text, "stndrh")
		return len(t) <= 2 && isNumber(t) && t != "0" && t != "00" && len(toks[j].Text) <= 4
	}
	if day(k) && free(k+1) && isCapitalised(toks[k+1].Text) {
		if d, ok := r.dateWords[lw[k+1]]; ok && d < 100 {
			e := k + 2
			if year(e) {
				e++
			}
			return e
		}
	}
	if free(k+1) && isNumber(strings.ReplaceAll(w, ":", "")) && (lw[k+1] == "a.m." || lw[k+1] == "p.m." || lw[k+1] == "gmt" || lw[k+1] == "utc") {
		return k + 2 // "2 a.m."
	}
	if year(k) {
		// not a count: "2020 fighters"
		if free(k+1) && strings.HasSuffix(toks[k+1].Text, "s") && !isCapitalised(toks[k+1].Text) && len(toks[k+1].Text) > 3 && toks[k+1].Text != "has" && toks[k+1].Text != "was" {
			return k
		}
		if k > 0 && (toks[k-1].Text == "$" || toks[k-1].Text == "No.") {
			return k
		}
		return k + 1
	}
	return k
}

// dateWordCore is dateCore at a free token that does not begin with a
// digit: weekdays (with a part of day), months with days and years, and
// "mid-" months.
func (r *ruleSet) dateWordCore(toks []Token, lw []string, covered []bool, k int) int {
	n := len(toks)
	free := func(j int) bool { return j < n && !covered[j] }
	w := toks[k].Text
	lwk := lw[k]
	year := func(j int) bool { return free(j) && isYear(toks[j].Text) }
	day := func(j int) bool {
		if !free(j) {
			return false
		}
		t := strings.TrimRight(toks[j].Text, "stndrh")
		return len(t) <= 2 && isNumber(t) && t != "0" && t != "00" && len(toks[j].Text) <= 4
	}
	if isCapitalised(w) {
		if d, ok := r.dateWords[lwk]; ok {
			if d >= 100 { // weekday
				e := k + 1
				if free(e) {
					switch lw[e] {
					case "morning", "afternoon", "evening", "night":
						e++
					}
				}
				return e
			}
			e := k + 1
			if day(e) {
				e++
			}
			if free(e+1) && toks[e].Text == "," && year(e+1) {
				e += 2
			} else if year(e) {
				e++
			}
			if lwk == "may" && e == k+1 {
				// "May" alone is a verb more often than a month
				if k == 0 || !dateLead(lw[k-1]) {
					return k
				}
			}
			return e
		}
	}
	if strings.HasPrefix(lwk, "mid-") {
		if d, ok := r.dateWords[lwk[4:]]; ok && d < 100 {
			e := k + 1
			if year(e) {
				e++
			}
			return e
		}
	}
	return k
}

func dateLead(w string) bool {
	switch w {
	case "in", "on", "since", "until", "early", "late", "mid", "last", "next", "this", "by", "during", "from", "of":
		return true
	}
	return false
}

// quantity returns the end of a quantity starting at i ("at least 250
// fighters", "almost 40%", "1,000 bodies", "five Patriot systems"), or i.
func (r *ruleSet) quantity(toks []Token, lw []string, covered []bool, typeAt []string, i int) int {
	n := len(toks)
	free := func(j int) bool { return j < n && !covered[j] }
	if !r.qtyStart[lw[i]] && !isNumber(lw[i]) {
		if _, ok := r.numWords[lw[i]]; !ok {
			return i
		}
	}
	j := i
	mod := false
	for l := 3; l >= 1; l-- {
		if i+l > n {
			continue
		}
		ok := true
		words := make([]string, l)
		for k := 0; k < l; k++ {
			ok = ok && free(i+k)
			words[k] = lw[i+k]
		}
		if _, hit := r.qtyMods[strings.Join(words, " ")]; ok && hit {
			j, mod = i+l, true
			break
		}
	}
	if free(j) && (toks[j].Text == "$" || toks[j].Text == "€" || toks[j].Text == "£") {
		j++
	}
	if !free(j) {
		return i
	}
	w := toks[j].Text
	_, isWord := r.numWords[lower(w)]
	if !isNumber(w) && !isWord {
		return i
	}
	if j > 0 && (toks[j-1].Text == "No." || toks[j-1].Text == "Nos.") {
		return i
	}
	if j == i && j > 1 && !covered[j-1] && isCapitalised(toks[j-1].Text) && isLetterStart(toks[j-1].Text) && !isAllUpper(toks[j-1].Text) &&
		!(free(j+1) && (toks[j+1].Text == "%" || lw[j+1] == "percent")) {
		return i // "Article 24", "Type 2", "Resolution 2231"
	}
	if isWord && free(j+1) && lw[j+1] == "of" && !strings.HasSuffix(lower(w), "s") {
		return i // "one of the commanders"
	}
	e := j + 1
	// "a few hundred", "1.2 million", "two thousand"
	for free(e) {
		switch lw[e] {
		case "hundred", "thousand", "million", "billion", "trillion", "bn", "m", "k", "mn":
			e++
			continue
		}
		break
	}
	if free(e) && (toks[e].Text == "%" || lw[e] == "percent") {
		return e + 1
	}
	if free(e+1) && lw[e] == "per" && lw[e+1] == "cent" {
		return e + 2
	}
	if free(e) && lw[e] == "of" && isWord {
		e++ // "hundreds of fighters"
	}
	// the counted noun: up to three words, ending on a plural or a head
	end := j + 1
	if e > j+1 && (lw[e-1] != "of") {
		end = e
	}
	for k := e; k < e+4 && k < n; k++ {
		if covered[k] {
			// "122 Ukrainian drones", "five Patriot systems"
			if typeAt[k] == news.EntNORP {
				continue
			}
			if typeAt[k] == news.EntWeapon {
				for k < n && typeAt[k] == news.EntWeapon {
					k++
				}
				end = k
			}
			break
		}
		t := toks[k].Text
		lt := lower(t)
		if !isLetterStart(t) || r.stop[lt] {
			break
		}
		if r.heads[lt] || (!isCapitalised(t) && strings.HasSuffix(lt, "s") && len(lt) > 3) {
			end = k + 1
			break
		}
		if !isCapitalised(t) && k-e >= 2 {
			break
		}
	}
	if isWord && end == j+1 && !mod {
		return i // a bare number word ("said one") is no quantity
	}
	return end
}
