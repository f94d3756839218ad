package attribution

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/sitrep-osint/sitrep/news"
)

// entity is a source already met in the article, for following it across
// sentences.
type entity struct {
	src   news.Source
	head  string // singular, lower case
	words [2]int // token range of the mention (see hasWord)
	last  string // a person's surname, lower case
}

// spokenBy is a claim's source and cue range and its typed sources.
type spokenBy struct {
	src, cue [2]int
	from, to int // in doc.srcBuf
}

// resolve splits source lists, types every source, follows pronouns and
// descriptions back to earlier sources, and resolves actors.
func (d *doc) resolve(x *Extractor) {
	out := d.spare[:0]
	// a continuing quote copies its speaker, found by source and cue range
	// (the latest claim with that range); the sources of each claim are
	// d.srcBuf[from:to]
	spoken := d.spoken[:0]
	srcBuf := d.srcBuf[:0]
	for _, p := range d.out {
		if p.rel == RelCaveat {
			p.source.Text = d.outlet
			out = append(out, p)
			continue
		}
		if p.continuing {
			for i := len(spoken) - 1; i >= 0; i-- {
				if sp := spoken[i]; sp.src == p.src && sp.cue == p.cue {
					for _, s := range srcBuf[sp.from:sp.to] {
						q := p
						q.source = s
						out = append(out, q)
					}
					break
				}
			}
			continue
		}
		if p.src[0] >= p.src[1] && p.tagged {
			// the text names no source for this claim
			out = append(out, p)
			continue
		}
		if p.src[0] >= p.src[1] && (len(out) == 0 || out[len(out)-1].sent != p.sent) {
			// a participle with no speaker before it in the sentence:
			// "Trump attacked Clinton, saying ...": the sentence's subject
			if sub := d.subject(p.sent); sub[0] < sub[1] && sub[1] <= p.cue[0] {
				p.src = sub
			} else {
				out = append(out, p) // the text names no source
				continue
			}
		}
		if p.src[0] >= p.src[1] {
			// a participle cue ("adding that ..."): the clause's subject
			if len(out) > 0 && out[len(out)-1].sent == p.sent {
				q := p
				q.source = out[len(out)-1].source
				q.source.Start, q.source.End = 0, 0
				q.source.Start = out[len(out)-1].source.Start
				q.source.End = out[len(out)-1].source.End
				out = append(out, q)
			}
			continue
		}
		from := len(srcBuf)
		items := append(d.items[:0], p.src)
		if !p.apposed {
			items = d.splitList(items[:0], p.src)
		}
		d.items = items
		for _, it := range items {
			s := d.typeSource(it, p.rel == RelNoComment)
			d.resolveActor(x, &s)
			if s.Kind == news.SrcOutlet && d.outlet == "" {
				d.outlet = s.Text
			}
			q := p
			q.source = s
			q.src = it
			out = append(out, q)
			srcBuf = append(srcBuf, s)
		}
		spoken = append(spoken, spokenBy{src: p.src, cue: p.cue, from: from, to: len(srcBuf)})
	}
	d.spoken, d.srcBuf = spoken, srcBuf
	d.spare = d.out
	d.out = out
}

// resolveActor sets s.Actor when the source, or failing that the body it
// speaks for, resolves to a party: a person by name, else, with an
// official role, by the body in it ("Taliban spokesman Zabihullah
// Mujahid"); an anonymous source by affiliation and role ("Iraqi security
// official"), else, with an official role, by affiliation ("Taliban
// officials"; not "American analysts"); a capital by its country ("Beijing
// denies").
func (d *doc) resolveActor(x *Extractor, s *news.Source) {
	if x.opts.Resolver == nil || s.Actor != nil {
		return
	}
	mention := s.Text
	typ := news.EntOrg
	var fallback string // the body the source speaks for
	switch s.Kind {
	case news.SrcPerson:
		typ = news.EntPerson
		fallback = s.Role
	case news.SrcNoComment, news.SrcDocument:
		if s.Party == "" {
			return
		}
		mention = s.Party
	case news.SrcAnonymous:
		if s.Party != "" && s.Role != "" {
			mention = s.Party + " " + s.Role
			fallback = s.Party
		}
	case news.SrcOrg:
		if c, ok := capitals[strings.ToLower(s.Text)]; ok {
			mention = c
		}
	}
	ref := d.resolveMention(x, mention, typ)
	if ref == nil && fallback != "" && officialRole(s.Role) {
		ref = d.resolveMention(x, fallback, news.EntOrg)
		if body := roleBody(s.Role); ref == nil && s.Kind == news.SrcPerson && body != "" {
			// "head of US Central Command", "director general of the
			// Pakistani military's media wing": the body named after "of"
			ref = d.resolveMention(x, body, news.EntOrg)
		}
	}
	if ref != nil {
		r := *ref // each source its own copy
		s.Actor = &r
	}
}

// properName reports whether every word of r but short function words is
// capitalised ("Doctors Without Borders", not "Western governments").
func (d *doc) properName(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		if t := &d.toks[k]; !t.cap && !functionWords[t.low] && !nameParticles[t.low] {
			return false
		}
	}
	return r[0] < r[1]
}

// officialRole reports whether a role speaks for the body it names ("Taliban
// spokesman", "Turkish Foreign Minister", "defense official"), as an
// analyst, a journalist or a resident does not.
func officialRole(role string) bool {
	role = strings.ToLower(role)
	if i := strings.Index(role, " of "); i > 0 {
		role = role[:i] // "head of US Central Command"
	}
	f := strings.Fields(role)
	if len(f) == 0 {
		return false
	}
	for _, w := range f {
		if notSpeakingFor[w] || strings.HasPrefix(w, "ex-") {
			return false // "Iranian opposition leader", "former minister"
		}
	}
	return officialRoles[singular(strings.Trim(f[len(f)-1], ",.’'"))]
}

// roleBody returns the body a role names after "of", without its article
// and cut at a possessive when an organisation word ends what is before
// it: "director general of the Pakistani military's media wing" gives
// "Pakistani military", but "president of Cameroon's poultry farmers'
// association" is no voice of Cameroon and gives the whole phrase.
func roleBody(role string) string {
	i := strings.Index(role, " of ")
	if i < 0 {
		return ""
	}
	body := strings.TrimPrefix(role[i+len(" of "):], "the ")
	for _, poss := range [...]string{"'s ", "’s "} {
		if j := strings.Index(body, poss); j > 0 {
			if before := strings.Fields(strings.ToLower(body[:j])); len(before) > 0 && orgHeads[before[len(before)-1]] {
				return body[:j]
			}
		}
	}
	return strings.TrimSpace(body)
}

// notSpeakingFor are words that make a role no voice of the body it names.
var notSpeakingFor = setOf(`former opposition dissident exiled retired rebel breakaway
	self-styled outgoing ousted jailed imprisoned deposed`)

// officialRoles are the heads of roles that speak for a state or a group.
var officialRoles = setOf(`official spokesman spokeswoman spokesperson minister secretary
	president ambassador envoy diplomat commander general chief leader head officer
	representative governor premier chancellor king emir prince ministry military army
	police authority negotiator mayor attaché`)

// resolveMention asks the resolver about a mention once per article (a
// source is often quoted again: "Chaudhry said") and returns the party it
// names, or nil.
func (d *doc) resolveMention(x *Extractor, mention, typ string) *news.ActorRef {
	k := resolveKey{mention, typ}
	ref, seen := d.resolved[k]
	if !seen {
		if r, ok := x.opts.Resolver.Resolve(mention, typ, d.pubAt); ok && x.opts.IsParty(r) {
			ref = r
		}
		if d.resolved == nil {
			d.resolved = map[resolveKey]*news.ActorRef{}
		}
		d.resolved[k] = ref
	}
	return ref
}

// splitList splits a coordinated subject into its items: "A, B and C".
func (d *doc) splitList(items [][2]int, r [2]int) [][2]int {
	start := r[0]
	for k := r[0]; k < r[1]; k++ {
		t := &d.toks[k]
		if t.low != "," && t.low != "and" && t.low != "or" {
			continue
		}
		if k == start || k+1 >= r[1] {
			continue
		}
		next := &d.toks[k+1]
		prev := &d.toks[k-1]
		split := determiners[next.low] || numberWords[next.low] > 0 || isDigits(next.low) || next.low == "representatives"
		if next.cap && !(t.low != "," && !prev.cap && !strings.HasSuffix(prev.low, "s")) {
			split = true
		}
		if t.low == "," && strings.HasSuffix(prev.low, "s") && !next.cap {
			split = true
		}
		if t.low == "," && !split {
			continue
		}
		if !split {
			continue
		}
		items = append(items, [2]int{start, k})
		start = k + 1
		if next.low == "and" || next.low == "or" {
			start++
			k++
		}
	}
	items = append(items, [2]int{start, r[1]})
	// trim punctuation and drop empties
	out := items[:0]
	for _, it := range items {
		for it[0] < it[1] && (d.toks[it[0]].low == "," || d.toks[it[0]].low == "and") {
			it[0]++
		}
		for it[1] > it[0] && isTrailingPunct(d.toks[it[1]-1].low) {
			it[1]--
		}
		if it[0] < it[1] {
			out = append(out, it)
		}
	}
	return out
}

func isDigits(s string) bool {
	digit := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			digit = true
		case s[i] != ',':
			return false
		}
	}
	return digit // "2,400", not ","
}

func (d *doc) rangeText(r [2]int) string {
	if r[0] >= r[1] {
		return ""
	}
	return d.text[d.toks[r[0]].start:d.toks[r[1]-1].end]
}

// typeSource types the mention in tokens r and follows it back to an
// earlier source where it refers to one.
func (d *doc) typeSource(r [2]int, refusal bool) news.Source {
	b := d.tokBytes(r)
	s := news.Source{Start: b[0], End: b[1]}
	if refusal {
		s.Kind = news.SrcNoComment
		s.Text = d.rangeText(r)
		p := r
		// "representatives of the Iraqi government"
		for k := r[0]; k < r[1] && k-r[0] < 3; k++ {
			if d.toks[k].low == "of" && k > r[0] && (roleNouns[d.toks[k-1].low]) {
				p = [2]int{k + 1, r[1]}
				break
			}
		}
		p = d.trimDet(p)
		s.Party = d.rangeText(p)
		s.Count = d.count(p, d.head(p))
		return s
	}
	// "accounts by X", "reports from X": the people behind the accounts.
	if r[1]-r[0] > 2 && documentHeads[d.toks[r[0]].low] && (d.toks[r[0]+1].low == "by" || d.toks[r[0]+1].low == "from") {
		r = [2]int{r[0] + 2, r[1]}
		b = d.tokBytes(r)
		s.Start, s.End = b[0], b[1]
	}
	n := r[1] - r[0]
	first := d.toks[r[0]].low

	// "Medinsky, who said": the phrase before the relative pronoun
	if n == 1 && (first == "who" || first == "which" || first == "that") && r[0] > 1 {
		k := r[0]
		if d.toks[k-1].low == "," {
			k--
		}
		if b := d.npBack(d.sents[d.toks[k].sent][0], k); b < k {
			out := d.typeSource([2]int{b, k}, false)
			out.Start, out.End = s.Start, s.End
			return out
		}
	}
	// pronouns
	if n == 1 {
		if num, ok := pronouns[first]; ok {
			if e := d.antecedent(first, num); e != nil {
				out := d.bump(e)
				out.Start, out.End = s.Start, s.End
				if first == "one" || first == "another" {
					out.Count = 1
				}
				return out
			}
			if first == "he" || first == "she" {
				// no source before it: the person last named ("Lai, a
				// businessman, ... He rejects the charges")
				if name, ok := d.nameBefore(r[0]); ok {
					out := d.typeSource(name, false)
					out.Start, out.End = s.Start, s.End
					return out
				}
			}
			s.Text = d.rangeText(r)
			s.Kind = news.SrcAnonymous
			s.Count = num
			if first == "it" {
				s.Kind = news.SrcOrg
			}
			return s
		}
	}
	// "Two told Reuters": people, as many as the number says
	if n == 1 && numberWords[first] > 1 {
		s.Text, s.Kind, s.Count = d.rangeText(r), news.SrcAnonymous, numberWords[first]
		return s
	}
	// "one of the militia commanders", "another of them"
	if n > 2 && (first == "one" || first == "another" || first == "some" || first == "two") && d.toks[r[0]+1].low == "of" {
		inner := [2]int{r[0] + 2, r[1]}
		sub := d.typeSource(inner, false)
		sub.Start, sub.End = s.Start, s.End
		sub.Count = max(numberWords[first], 1)
		if first == "some" {
			sub.Count = 2
		}
		return sub
	}

	core := d.trimDet(r)
	head := d.head(core)
	low := strings.ToLower(d.rangeText(core))

	// the outlet itself
	if d.isOutlet(core, low, head) {
		s.Kind = news.SrcOutlet
		s.Text = d.rangeText(core)
		s.Count = 1
		d.remember(s, head, core, "")
		return s
	}
	// a named person: the phrase ends with a name
	if name, ok := d.personName(core); ok {
		s.Kind = news.SrcPerson
		s.Count = 1
		s.Text = d.rangeText(name)
		if name[0] > core[0] {
			s.Role = strings.TrimSpace(strings.Trim(d.rangeText([2]int{core[0], name[0]}), ", "))
		}
		if name[1] < core[1] {
			// "Rutte, the NATO chief", "Canos-Donnay from the Council"
			rest := [2]int{name[1], core[1]}
			for rest[0] < rest[1] && (d.toks[rest[0]].low == "," || functionWords[d.toks[rest[0]].low]) {
				rest[0]++
			}
			rest = d.trimDet(rest)
			s.Role = d.rangeText(rest)
		}
		surname := d.toks[name[1]-1].low
		// a surname alone refers to the full name met before
		if name[1]-name[0] == 1 {
			for i := len(d.ents) - 1; i >= 0; i-- {
				e := &d.ents[i]
				if e.last == surname && e.src.Kind == news.SrcPerson {
					out := d.bump(e)
					out.Start, out.End = s.Start, s.End
					if s.Role != "" {
						out.Role = s.Role
					}
					return out
				}
			}
		}
		d.remember(s, head, core, surname)
		return s
	}
	definite := first == "the" || first == "these" || first == "those" || first == "this"
	s.Count = d.count(core, head)
	switch {
	case documentHeads[head]:
		s.Kind = news.SrcDocument
		s.Count = 1
	case orgHeads[head]:
		s.Kind = news.SrcOrg
		if !strings.HasSuffix(head, "s") || head == "headquarters" || head == "forces" || head == "news" || d.properName(core) {
			s.Count = 1 // "Doctors Without Borders" is one body
		}
	case roleNouns[head]:
		// "a spokesperson for the U.S. State Department": a person of it
		s.Kind = news.SrcAnonymous
	case d.hasOrgWord(core):
		s.Kind = news.SrcOrg
		s.Count = 1
	case d.toks[core[0]].cap:
		s.Kind = news.SrcOrg
		s.Count = 1
	default:
		s.Kind = news.SrcAnonymous
	}
	s.Text = d.rangeText(core)
	if s.Kind == news.SrcAnonymous || s.Kind == news.SrcOrg {
		s.Role, s.Party = d.roleParty(core, head, s.Kind)
	}
	// "the country's defense ministry": the country last named.
	if strings.HasPrefix(low, "country's") || strings.HasPrefix(low, "country’s") {
		if c := d.lastCountry(r[0]); c != "" {
			// who it is: "Russia's defense ministry"
			s.Party = c
			if i := strings.IndexAny(s.Text, "'’"); i > 0 {
				s.Text = c + s.Text[i:]
			}
		}
	}
	if definite {
		if e := d.sameAs(core, head, s.Count); e != nil {
			out := d.bump(e)
			out.Start, out.End = s.Start, s.End
			if s.Count > 1 && out.Count < s.Count {
				out.Count = s.Count
			}
			return out
		}
		if s.Count >= 2 && roleNouns[head] {
			// "the Iraqi security officials": the singular ones met before
			if n := d.members(core, head); n >= 2 {
				s.Count = n
			}
		}
	}
	d.remember(s, head, core, "")
	return s
}

func (d *doc) trimDet(r [2]int) [2]int {
	for r[0] < r[1]-1 && determiners[d.toks[r[0]].low] {
		r[0]++
	}
	return r
}

// head returns the head noun of a phrase, singular and lower case: the last
// word before a preposition.
func (d *doc) head(r [2]int) string {
	e := r[1]
	for k := r[0] + 1; k < r[1]; k++ {
		switch d.toks[k].low {
		case "of", "for", "to", "from", "at", "in", "with", "on", ",":
			e = k
		}
		if e != r[1] {
			break
		}
	}
	if e <= r[0] {
		return ""
	}
	h := d.toks[e-1].low
	if h == "'s" && e-2 >= r[0] {
		h = d.toks[e-2].low
	}
	return h
}

func singular(w string) string {
	stem, suf := singularParts(w)
	if suf == "" {
		return stem
	}
	return stem + suf
}

// singularParts returns the singular of w as a prefix of w (or a fixed
// word) and a suffix to append, so that comparing needs no allocation.
func singularParts(w string) (stem, suf string) {
	switch {
	case strings.HasSuffix(w, "ian") && len(w) > 6:
		return w[:len(w)-3], "" // pro-Iranian and pro-Iran are one affiliation
	case w == "people":
		return "person", ""
	case w == "spokesmen":
		return "spokesman", ""
	case w == "men":
		return "man", ""
	case w == "women":
		return "woman", ""
	case w == "headquarters" || w == "news" || w == "forces" || w == "media":
		return w, ""
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3], "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2], ""
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1], ""
	}
	return w, ""
}

// singularIs reports whether singular(w) == s.
func singularIs(w, s string) bool {
	stem, suf := singularParts(w)
	return len(s) == len(stem)+len(suf) && s[:len(stem)] == stem && s[len(stem):] == suf
}

// count is the number of people a description stands for.
func (d *doc) count(r [2]int, head string) int {
	for k := r[0]; k < r[1] && k-r[0] < 3; k++ {
		w := d.toks[k].low
		if ordinals[w] {
			return 1
		}
		if n, ok := numberWords[w]; ok {
			return n
		}
		if isDigits(w) {
			if n, err := strconv.Atoi(strings.ReplaceAll(w, ",", "")); err == nil && n > 0 {
				return n
			}
		}
		if w == "a" || w == "an" {
			return 1
		}
	}
	if head != singular(head) || head == "people" || head == "staff" {
		return 2 // a plural: at least two
	}
	return 1
}

func (d *doc) isOutlet(r [2]int, low, head string) bool {
	for k := r[0]; k < r[1]; k++ {
		if outlets[d.toks[k].low] && (d.toks[k].cap || d.toks[k].low == "ap") {
			return true
		}
	}
	for _, p := range outletPhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	return outletHeads[head] && head != "agency" || head == "agency" && strings.Contains(low, "news")
}

func (d *doc) hasOrgWord(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		t := &d.toks[k]
		if t.cap && orgHeads[t.low] {
			return true
		}
		if len(t.text) >= 2 && t.text != "I" && isCapitals(t.text) && !demonymWord(t.low) {
			return true // an acronym: NATO, IDF
		}
	}
	return false
}

func demonymWord(w string) bool {
	_, ok := demonyms[w]
	return ok
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// isCapitals reports whether s is all ASCII capital letters (an acronym).
func isCapitals(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// upperCase reports whether strings.ToUpper(s) == s, without building it.
func upperCase(s string) bool {
	for _, r := range s {
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// personName finds the name a phrase ends with (or starts with, before an
// appositive role): two or more capitalised words that are not titles,
// organisations, places or nationalities, or one that names a person met
// before.
func (d *doc) personName(r [2]int) ([2]int, bool) {
	// "NAME, ROLE" or "ROLE, NAME": the side with the longer name
	end := r[1]
	for k := r[0]; k < r[1]; k++ {
		if d.toks[k].low == "," {
			p1, ok1 := d.nameRun([2]int{r[0], k})
			p2, ok2 := d.nameRun([2]int{k + 1, r[1]})
			// a name that is the whole of its side beats one that ends a
			// description ("Jeffrey Towson, owner of Beijing-based TechMoat
			// Consulting")
			if whole1, whole2 := ok1 && d.onlyTitlesBefore(r[0], p1[0]), ok2 && d.onlyTitlesBefore(k+1, p2[0]); whole1 != whole2 {
				if whole1 {
					return p1, true
				}
				return p2, true
			}
			if ok2 && (!ok1 || p2[1]-p2[0] > p1[1]-p1[0]) {
				return p2, true
			}
			if ok1 {
				return p1, true
			}
			if k == r[0]+1 && d.toks[r[0]].cap && d.nameWord[r[0]] && d.isRolePhrase([2]int{k + 1, r[1]}) {
				return [2]int{r[0], k}, true // "Rutte, the NATO chief"
			}
			end = k
			break
		}
	}
	if p, ok := d.nameRun([2]int{r[0], end}); ok {
		return p, true
	}
	// "Sirio Canos-Donnay from the Spanish National Research Council": a
	// full name opening the phrase, then where the person is from
	k := r[0]
	for k < end && d.nameWord[k] {
		k++
	}
	if k-r[0] >= 2 && k < end && d.countryPhrase(r[0], end) == r[0] {
		switch d.toks[k].low {
		case "from", "of", "at", "with":
			// not "The Democratic Republic of Congo" (a country) nor
			// "Islamic Jihad of Palestine" (an organisation word)
			return [2]int{r[0], k}, true
		}
	}
	return [2]int{}, false
}

func (d *doc) nameRun(r [2]int) ([2]int, bool) {
	e := r[1]
	for e > r[0] && isTrailingPunct(d.toks[e-1].low) {
		e--
	}
	b := e
	for b > r[0] {
		if d.nameWord[b-1] {
			b--
			continue
		}
		// particles between the words of a name: "von der"
		j := b - 1
		for j >= r[0] && nameParticles[d.toks[j].low] {
			j--
		}
		if j < b-1 && b < e && j >= r[0] && d.nameWord[j] {
			b = j
			continue
		}
		break
	}
	if c := d.countryPhrase(b, e); c > b {
		b = c // "United States", or "for Myanmar Andrew Kirkwood"
	}
	if b == e {
		return [2]int{}, false
	}
	if e-b >= 2 {
		return [2]int{b, e}, true
	}
	// one word: a surname met before, after a title, or with an article
	// ("al-Bunni")
	w := d.toks[b].low
	if d.names[w] || arabicArticleName(d.toks[b].text) && !arabicGroupNames[w] && !d.hasOrgWord(r) {
		return [2]int{b, e}, true
	}
	for i := range d.ents {
		if d.ents[i].last == w {
			return [2]int{b, e}, true
		}
	}
	if b > r[0] && (personTitles[d.toks[b-1].low] || roleNouns[d.toks[b-1].low]) && d.toks[b].cap {
		return [2]int{b, e}, true
	}
	return [2]int{}, false
}

// notNameWords are the capitalised words that are not part of a name:
// organisation heads, outlets, countries, titles, roles, clause openers,
// determiners, time words, demonyms and "I". One set, one look-up per
// token.
var notNameWords = map[string]bool{"i": true}

func init() {
	for _, set := range []map[string]bool{orgHeads, outlets, countries, personTitles, roleNouns, clauseOpeners, determiners, timeWords, placeHeads, subordinators, documentNames} {
		for w := range set {
			notNameWords[w] = true
		}
	}
	for w := range demonyms {
		notNameWords[w] = true
	}
}

// isNameWord reports whether token k can be part of a person's name. load
// keeps the answer for every token in d.nameWord, which the rest reads.
func (d *doc) isNameWord(k int) bool {
	t := &d.toks[k]
	if !t.cap && !maybeArticleName(t.text) || t.qmark {
		return false
	}
	if notNameWords[t.low] && !(len(t.low) <= 3 && orgHeads[t.low] && !isCapitals(t.text)) {
		return false // but "Un" in "Kim Jong Un" is not the UN
	}
	if len(t.text) >= 2 && isCapitals(t.text) {
		return false // acronyms
	}
	return true
}

// arabicArticleName reports whether w is a name with an article joined to
// it: "al-Sharaa", "Al-Sharaa", "el-Sisi".
func arabicArticleName(w string) bool {
	if len(w) < 4 || w[2] != '-' && w[3] != '-' {
		return false // most words: no hyphen after an article
	}
	for _, p := range [...]string{"al-", "el-", "ad-", "as-", "ash-", "at-", "az-"} {
		if len(w) > len(p) && strings.EqualFold(w[:len(p)], p) && w[len(p)] >= 'A' && w[len(p)] <= 'Z' {
			return true
		}
	}
	return false
}

// maybeArticleName is arabicArticleName's quick test, small enough to
// inline where every word is asked: most words have no hyphen at 2 or 3.
func maybeArticleName(w string) bool {
	return len(w) >= 4 && (w[2] == '-' || w[3] == '-') && arabicArticleName(w)
}

// roleParty splits a description into its role ("security official") and
// affiliation ("Iraqi").
func (d *doc) roleParty(r [2]int, head string, kind string) (role, party string) {
	// the head and the lower-case words before it
	h := r[1]
	for k := r[0] + 1; k < r[1]; k++ {
		if d.toks[k].low == "of" || d.toks[k].low == "for" || d.toks[k].low == "from" || d.toks[k].low == "with" || d.toks[k].low == "in" {
			h = k
			break
		}
	}
	b := h
	for b > r[0] && !d.toks[b-1].cap && numberWords[d.toks[b-1].low] == 0 && !isDigits(d.toks[b-1].low) && !determiners[d.toks[b-1].low] && !ordinals[d.toks[b-1].low] && d.toks[b-1].low != "'s" {
		b--
	}
	capHead := b == h && h > r[0] && roleNouns[singular(d.toks[h-1].low)]
	if capHead {
		b = h - 1 // the head itself, capitalised: "Officials said"
	}
	if kind == news.SrcAnonymous {
		role = d.rangeText([2]int{b, h})
		if capHead {
			role = d.toks[b].low
		}
		role = singularPhrase(role)
		p0 := r[0]
		for p0 < b && (numberWords[d.toks[p0].low] > 0 || ordinals[d.toks[p0].low] || isDigits(d.toks[p0].low)) {
			p0++
		}
		if p0 < b {
			party = d.rangeText([2]int{p0, b})
		}
		if h < r[1] {
			rest := [2]int{h + 1, r[1]}
			rest = d.trimDet(rest)
			if party == "" {
				party = d.rangeText(rest)
			} else {
				party += " " + d.rangeText(rest)
			}
		}
		party = strings.TrimSuffix(strings.TrimSuffix(party, " ’s"), " 's")
		return role, party
	}
	// organisations: the country or owner before the head ("Russia's"),
	// or the country itself ("The United States said")
	for k := r[0]; k < h; k++ {
		w := d.toks[k].low
		if c := d.countryPhrase(k, r[1]); c > k {
			return "", d.rangeText([2]int{k, c})
		}
		if countries[w] {
			return "", d.toks[k].text
		}
		if c, ok := demonyms[w]; ok && c != "" {
			return "", c
		}
	}
	return "", ""
}

// countryPhrase returns the end of the country name of several words
// ("United States", "South Korea") that starts at token k and ends by e,
// or k when none does.
func (d *doc) countryPhrase(k, e int) int {
	if k >= e || !d.toks[k].cap {
		return k
	}
	var buf [64]byte
	key := buf[:0]
	end := k
	for j := k; j < e && j-k < 7; j++ {
		if j > k {
			key = append(key, '_')
		}
		key = append(key, d.toks[j].low...)
		if j > k && countryPhrases[string(key)] {
			end = j + 1
		}
	}
	return end
}

func singularPhrase(p string) string {
	i := strings.LastIndexByte(p, ' ')
	return p[:i+1] + singular(p[i+1:])
}

// lastCountry returns the country of the sentence's subject, or the one
// named or implied nearest before token k.
func (d *doc) lastCountry(k int) string {
	for j := d.sents[d.toks[k].sent][0]; j < k; j++ {
		w := d.toks[j].low
		if countries[w] {
			return d.toks[j].text
		}
		if c, ok := demonyms[w]; ok && c != "" {
			return c
		}
	}
	for j := k - 1; j >= 0 && k-j < 200; j-- {
		w := d.toks[j].low
		if countries[w] {
			return d.toks[j].text
		}
		if c, ok := demonyms[w]; ok && c != "" {
			return c
		}
	}
	return ""
}

func (d *doc) remember(s news.Source, head string, r [2]int, last string) {
	d.ents = append(d.ents, entity{src: s, head: singular(head), words: r, last: last})
}

// hasWord reports whether w is the singular of a lower-case word of e's
// mention.
func (d *doc) hasWord(e *entity, w string) bool {
	for k := e.words[0]; k < e.words[1]; k++ {
		if singularIs(d.toks[k].low, w) {
			return true
		}
	}
	return false
}

// antecedent finds what a pronoun refers to.
func (d *doc) antecedent(p string, num int) *entity {
	for i := len(d.ents) - 1; i >= 0 && len(d.ents)-i <= 6; i-- {
		e := &d.ents[i]
		switch p {
		case "he", "she", "i":
			if e.src.Kind == news.SrcPerson || e.src.Kind == news.SrcAnonymous && e.src.Count == 1 {
				return e
			}
		case "it":
			if e.src.Kind == news.SrcOrg || e.src.Kind == news.SrcDocument || e.src.Kind == news.SrcOutlet {
				return e
			}
		case "one", "another":
			if e.src.Count >= 2 {
				return e
			}
		default: // they, we
			if e.src.Count >= 2 || e.src.Kind == news.SrcOrg {
				return e
			}
		}
	}
	return nil
}

// nameBefore finds the person named nearest before token k as the subject
// of a sentence (its own or one of the three before): two or more name
// words that are not a country, an organisation or an outlet, or a surname
// the article gives in full.
func (d *doc) nameBefore(k int) ([2]int, bool) {
	if k >= len(d.toks) {
		return [2]int{}, false
	}
	first := d.sents[max(0, d.toks[k].sent-3)][0]
	for e := k; e > first; e-- {
		if !d.nameWord[e-1] || e < len(d.toks) && d.nameWord[e] && d.toks[e].sent == d.toks[e-1].sent {
			continue // not the end of a run of name words
		}
		b := e - 1
		for b > first && d.nameWord[b-1] && d.toks[b-1].sent == d.toks[e-1].sent {
			b--
		}
		r := [2]int{b, e}
		next := ""
		if e < len(d.toks) {
			next = d.toks[e].low
		}
		if d.countryPhrase(b, e) > b || d.hasOrgWord(r) || d.hasOutletWord(r) || orgHeads[next] || outletHeads[next] || documentHeads[next] {
			e = b + 1 // "Hong Kong", "Apple Daily newspaper": look further back
			continue
		}
		if (e-b >= 2 || d.names[d.toks[b].low]) && d.subjectPosition(b) {
			return r, true
		}
		e = b + 1
	}
	return [2]int{}, false
}

// subjectPosition reports whether a name starting at token b can be its
// sentence's subject: it opens the sentence, or follows a subordinator
// ("When Naveeda Khoshbo published") or a capitalised title ("Iraqi Prime
// Minister ..."); not the object of a verb or a preposition ("met Joe
// Biden", "asked about Vladimir Putin", "in the Red Sea").
func (d *doc) subjectPosition(b int) bool {
	s0 := d.sents[d.toks[b].sent][0]
	for b > s0 {
		p := &d.toks[b-1]
		switch {
		case subordinators[p.low] && b-1 == s0:
			return true
		case p.cap && titleWord(p.low):
			b-- // "Outgoing Canadian Prime Minister Justin Trudeau"
			continue
		}
		return false
	}
	return true
}

// titleWord reports whether w can stand in the title before a person's
// name: a title, a role or a nationality ("Canadian Prime Minister").
// onlyTitlesBefore reports whether the tokens from b up to the name at n are
// only determiners and titles ("the NATO chief," is not: "Gen." is).
func (d *doc) onlyTitlesBefore(b, n int) bool {
	for k := b; k < n; k++ {
		if w := strings.TrimSuffix(d.toks[k].low, "."); !personTitles[w] && !determiners[w] && w != "" {
			return false
		}
	}
	return true
}

func titleWord(w string) bool {
	_, demonym := demonyms[w]
	return personTitles[w] || roleNouns[w] || demonym
}

// hasOutletWord reports whether a word of r names an outlet ("Apple
// Daily", "Reuters").
func (d *doc) hasOutletWord(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		if outletHeads[d.toks[k].low] || outlets[d.toks[k].low] {
			return true
		}
	}
	return false
}

// sameAs finds the earlier source a definite description refers to: same
// head, and every word of the description in the earlier mention.
func (d *doc) sameAs(r [2]int, head string, count int) *entity {
	h := singular(head)
	for i := len(d.ents) - 1; i >= 0; i-- {
		e := &d.ents[i]
		if e.head != h {
			continue
		}
		if count >= 2 && e.src.Count < 2 {
			continue // a plural needs a group; see members
		}
		if count == 1 && e.src.Count != 1 {
			continue
		}
		ok := true
		for k := r[0]; k < r[1]; k++ {
			w := singular(d.toks[k].low)
			if determiners[w] || numberWords[w] > 0 || w == "'s" {
				continue
			}
			if !d.hasWord(e, w) {
				ok = false
				break
			}
		}
		if ok {
			return e
		}
	}
	return nil
}

// members counts the distinct singular sources a plural description covers.
func (d *doc) members(r [2]int, head string) int {
	h := singular(head)
	n := 0
	seen := map[int]bool{}
	for i := range d.ents {
		e := &d.ents[i]
		if e.head != h || e.src.Count != 1 || seen[e.src.Start] {
			continue
		}
		ok := true
		for k := r[0]; k < r[1]; k++ {
			w := singular(d.toks[k].low)
			if determiners[w] || w == "'s" {
				continue
			}
			if !d.hasWord(e, w) {
				ok = false
				break
			}
		}
		if ok {
			seen[e.src.Start] = true
			n++
		}
	}
	return n
}

// bump makes e the most recent entity (a source just referred to again)
// and returns its source.
func (d *doc) bump(e *entity) news.Source {
	v := *e
	for i := range d.ents {
		if &d.ents[i] == e {
			d.ents = append(d.ents[:i], d.ents[i+1:]...)
			break
		}
	}
	d.ents = append(d.ents, v)
	return v.src
}

// subject returns the noun phrase a sentence opens with: capitalised words,
// determiners and the nouns of sources ("The Trump campaign", "He").
func (d *doc) subject(si int) [2]int {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	b := s0
	for b < s1 && clauseOpeners[d.toks[b].low] {
		b++
	}
	e := b
	for e < s1 && e-b < 6 {
		t := &d.toks[e]
		if t.q >= 0 || isBoundary(t) {
			break
		}
		if !(t.cap || arabicArticleName(t.text) || determiners[t.low] || roleNouns[t.low] || orgHeads[t.low] || t.low == "'s" || pronouns[t.low] > 0 && e == b) {
			break
		}
		e++
		if pronouns[t.low] > 0 {
			break
		}
	}
	if e > b && determiners[d.toks[e-1].low] {
		e--
	}
	if r, ok := d.afterRunIn(e, s1); ok {
		return r
	}
	return [2]int{b, e}
}

// afterRunIn recognises a heading run into its sentence, as text with its
// line breaks lost has them: "Communist Party control Chinese President Xi
// Jinping recently convened ...". The forward walk stopped at e on a
// lower-case word that is no verb form; when a person's name, with its
// title, follows it and a verb form comes next, the name is the subject.
func (d *doc) afterRunIn(e, s1 int) ([2]int, bool) {
	if e+2 >= s1 || e == 0 || d.toks[e].cap || d.toks[e-1].low == "," || !d.toks[e+1].cap || verbForm(d.toks[e].low) {
		return [2]int{}, false
	}
	k := e + 1
	for k < s1 && k-e <= 6 && d.toks[k].cap && d.toks[k].q < 0 {
		k++
	}
	name, ok := d.personName([2]int{e + 1, k})
	if !ok || name[1] != k || name[1]-name[0] < 2 || !d.onlyTitlesOrPlaces(e+1, name[0]) {
		return [2]int{}, false
	}
	v := k
	for v < s1 && cueAux[d.toks[v].low] {
		v++
	}
	if v >= s1 || !verbForm(d.toks[v].low) {
		return [2]int{}, false
	}
	return [2]int{e + 1, k}, true
}

// onlyTitlesOrPlaces reports whether the words from b up to n are titles
// and demonyms ("Chinese President").
func (d *doc) onlyTitlesOrPlaces(b, n int) bool {
	for k := b; k < n; k++ {
		if !titleWord(strings.TrimSuffix(d.toks[k].low, ".")) {
			return false
		}
	}
	return true
}

// verbForm reports whether w ends like a finite verb or participle.
func verbForm(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
}
