package actors

import (
	"sort"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// leading words that qualify a description without changing who it is:
// "two Iraqi security officials", "senior US officials".
var qualifiers = map[string]bool{
	"the": true, "a": true, "an": true, "some": true, "several": true, "many": true, "few": true,
	"senior": true, "top": true, "other": true, "unnamed": true, "anonymous": true, "local": true,
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "dozens": true, "of": true, "hundreds": true, "thousands": true,
	"both": true, "all": true, "most": true, "high": true, "ranking": true, "level": true,
}

func trimQualifiers(toks []token) []token {
	for len(toks) > 1 {
		t := toks[0].Norm
		if qualifiers[t] || isDigits(t) {
			toks = toks[1:]
			continue
		}
		break
	}
	return toks
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Resolve returns the actor a mention stands for. mention is the text as
// found ("Iran's Quds Force", "the Ukrainian air force", "two Iraqi
// security officials", "the US president"); entType is its NER type
// (news.Ent*, or "" when unknown), used to prefer people for PER and
// states for GPE; at is the article's date, used for dated roles ("the US
// president" in 2012 is Barack Obama) and to prefer people in office.
// Case, articles, possessives and typographic apostrophes do not matter,
// except that short acronyms ("US", "IS") must be upper case.
func (r *Registry) Resolve(mention string, entType string, at time.Time) (*Actor, bool) {
	tb := findPool.Get().(*findBuf)
	all, buf := tokenizeInto(tb.toks[:0], tb.buf[:0], mention)
	defer tb.put(all, buf)
	toks := trimArticles(all)
	if len(toks) == 0 {
		return nil, false
	}
	exact := r.lookup(toks, entType, at, nil)
	if exact == nil {
		toks = trimQualifiers(toks)
		exact = r.lookup(toks, entType, at, nil)
	} else {
		toks = trimQualifiers(toks)
	}
	if exact != nil && exact.rank >= rankCurated {
		return exact, true
	}
	if entType != news.EntPerson {
		// A description may beat a generated alias: "the US president"
		// is Phoenix's office, but the curated person holding it is
		// more useful.
		if a := r.describe(toks, entType, at); a != nil && (exact == nil || a.rank > exact.rank) {
			return a, true
		}
	}
	if exact != nil {
		return exact, true
	}
	if entType == news.EntPerson || entType == "" {
		if a := r.person(toks, at); a != nil {
			return a, true
		}
	}
	return nil, false
}

// lookup returns the best actor whose alias is exactly toks, optionally
// filtered by keep.
func (r *Registry) lookup(toks []token, entType string, at time.Time, keep func(*Actor) bool) *Actor {
	es := r.exact[joinToks(toks)]
	if len(es) == 0 {
		// "Revolutionary Guards Corps" for "Revolutionary Guard Corps".
		es = r.loose[looseKey(toks)]
	}
	var best *Actor
	bestScore := 0
	for _, e := range es {
		if !caseOK(e, toks) || keep != nil && !keep(e.a) {
			continue
		}
		// One word is too little to name a person of the generated
		// data: "Lai" is not Liow Tiong Lai.
		if len(toks) == 1 && e.a.Kind == news.KindPerson && e.a.rank < rankCurated {
			continue
		}
		if s := score(e.a, entType, at); best == nil || s > bestScore || s == bestScore && e.a.ID < best.ID {
			best, bestScore = e.a, s
		}
	}
	return best
}

// caseOK checks an alias's upper-case constraints against text tokens.
func caseOK(e entry, toks []token) bool {
	if e.needCap && (len(toks) == 0 || !toks[0].Cap) {
		return false
	}
	if e.needUpper == 0 {
		return true
	}
	for i, t := range toks {
		if i < 64 && e.needUpper&(1<<i) != 0 && !t.Upper {
			return false
		}
	}
	return true
}

// score ranks candidate actors for one mention: the source's rank (user
// files over curated over Phoenix) first, then the NER type's preferred
// kinds, then people in office at the article's date.
func score(a *Actor, entType string, at time.Time) int {
	s := 0
	person := a.Kind == news.KindPerson
	state := a.Kind == news.KindState
	switch entType {
	case news.EntPerson:
		if person {
			s += 4
		}
	case news.EntGPE, news.EntLocation:
		if state {
			s += 4
		} else if !person {
			s++
		}
	case news.EntOrg:
		if !person && !state {
			s += 4
		} else if state {
			s++
		}
	case news.EntNORP:
		if state {
			s += 4
		} else if !person {
			s += 2
		}
	default:
		if state {
			s += 2
		} else if !person {
			s++
		}
	}
	// The source comes first (a user's or a curated entry was written for
	// this name; the generated data has noise), then the kind.
	s = a.rank*1000 + s*100
	if person && !at.IsZero() && len(a.Roles) > 0 && len(a.RolesAt(at)) > 0 {
		s += 20
	}
	return s
}

// describe resolves a description made of a country, organisation or
// other actor and what follows it: "Russia's air defences", "Iraqi
// police", "Iran's Quds Force", "the US president", "NATO's secretary
// general", "US-led forces".
func (r *Registry) describe(toks []token, entType string, at time.Time) *Actor {
	for i := len(toks) - 1; i >= 1; i-- {
		head, tail := toks[:i], toks[i:]
		if tail[0].Norm == "led" && len(tail) > 1 {
			// "US-led forces", "Saudi-led coalition": the leader's forces.
			if cc, ok := r.states[joinToks(head)]; ok {
				if a, ok := r.byID[r.stateC[cc].ID+"-mil"]; ok {
					return a
				}
			}
			continue
		}
		p := r.lookup(head, news.EntGPE, at, func(a *Actor) bool { return a.Kind != news.KindPerson })
		if p == nil {
			continue
		}
		for len(tail) > 1 && tailQualifiers[tail[0].Norm] {
			tail = tail[1:] // "Syria's new government"
		}
		if a := r.relative(p, tail, at); a != nil {
			return a
		}
		// Members of a named group are the group: "ISIS fighters",
		// "Pentagon spokesman", "Taliban government".
		if p.Kind != news.KindState && len(tail) == 1 && memberWords[tail[0].Norm] {
			return p
		}
	}
	return nil
}

// tailQualifiers are words between a country and a description that do
// not change who is described.
var tailQualifiers = map[string]bool{
	"new": true, "interim": true, "transitional": true, "caretaker": true, "acting": true, "current": true,
	"own": true, "top": true, "senior": true,
}

// memberWords are the people or parts of an organisation that news names
// after it and that ACLED codes as the organisation itself.
var memberWords = map[string]bool{
	"fighter": true, "fighters": true, "militant": true, "militants": true, "member": true, "members": true,
	"militiaman": true, "militiamen": true, "rebel": true, "rebels": true, "force": true, "forces": true,
	"troops": true, "soldier": true, "soldiers": true, "official": true, "officials": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "leader": true, "leaders": true,
	"leadership": true, "commander": true, "commanders": true, "government": true, "administration": true,
	"authorities": true, "unit": true, "units": true, "gunmen": true, "allies": true, "statement": true,
	"sources": true, "source": true, "delegation": true, "negotiators": true, "command": true,
}

// relative resolves what follows an actor p in a description: a part of
// p's state the data names relative to it ("air defence"), a named actor
// of p's country or under p ("Iran's Quds Force"), a role in p ("the US
// president", "NATO's secretary general"), or a generic agent ("Iraqi
// police"). Where several fit, the one from the highest-ranked source
// wins, in that order.
func (r *Registry) relative(p *Actor, tail []token, at time.Time) *Actor {
	tk := joinToks(tail)
	cc := p.Country
	var best *Actor
	consider := func(a *Actor) {
		if a != nil && (best == nil || a.rank > best.rank) {
			best = a
		}
	}
	if p.Kind == news.KindState && cc != "" {
		consider(r.rel[tk][cc])
	}
	consider(r.lookup(tail, "", at, func(a *Actor) bool {
		if a.Kind == news.KindPerson {
			return false
		}
		return cc != "" && a.Country == cc || anyAncestor(r, a, p)
	}))
	consider(r.roleHolder(p, canonicalTitle(tk), at))
	// A generic description ("government", "police") gives the generic
	// actor unless a curated or user entry claims it: the generated data
	// ties "Syria's government" to Assad's.
	if (best == nil || best.rank < rankCurated) && p.Kind == news.KindState && cc != "" {
		if suffix, ok := r.agents[tk]; ok {
			if g, ok := r.byID[p.ID+"-"+suffix]; ok {
				best = g
			}
		}
	}
	return best
}

// roleHolder returns the person holding title in p (or in p's country
// when p is a state) at the given date; with no date, the most recent.
func (r *Registry) roleHolder(p *Actor, title string, at time.Time) *Actor {
	hs := r.roles[title]
	var cands []holder
	for _, h := range hs {
		if !h.r.ActiveAt(at) {
			continue
		}
		org, ok := r.byID[h.r.Org]
		switch {
		case h.r.Org == p.ID:
		case ok && anyAncestor(r, org, p):
		case p.Kind == news.KindState && ok && org.Country == p.Country:
		case p.Kind == news.KindState && h.r.Org == "" && h.a.Country == p.Country:
		default:
			continue
		}
		cands = append(cands, h)
	}
	if len(cands) == 0 {
		return nil
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].r.From != cands[j].r.From {
			return cands[i].r.From > cands[j].r.From
		}
		return cands[i].a.rank > cands[j].a.rank
	})
	return cands[0].a
}

// titleWords are words that end a title before a name.
var titleWords = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true, "gen": true, "general": true,
	"president": true, "minister": true, "secretary": true, "chancellor": true, "premier": true, "leader": true,
	"commander": true, "chief": true, "king": true, "queen": true, "prince": true, "emir": true, "sheikh": true,
	"ayatollah": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "envoy": true,
	"ambassador": true, "senator": true, "governor": true, "mayor": true, "admiral": true, "colonel": true,
	"col": true, "lt": true, "maj": true, "capt": true, "captain": true, "marshal": true, "aide": true,
	"adviser": true, "advisor": true, "counterpart": true, "head": true, "director": true, "pm": true,
}

// titleWord reports whether w can end a title: a title word, or a
// description such as "official" from the agents dictionary.
func (r *Registry) titleWord(w string) bool {
	if titleWords[w] {
		return true
	}
	_, ok := r.agents[w]
	return ok
}

func anyAncestor(r *Registry, a, p *Actor) bool {
	for _, anc := range r.Ancestors(a) {
		if anc == p {
			return true
		}
	}
	return false
}

// person resolves a name with titles or first names the registry lacks:
// "Defence Secretary Pete Hegseth" by its longest known suffix, and a
// bare last name by the one curated or user person of that name (in
// office at the date, when several are). Generated people are too many
// and too dated to be guessed from a last name.
func (r *Registry) person(toks []token, at time.Time) *Actor {
	isPerson := func(a *Actor) bool { return a.Kind == news.KindPerson }
	for i := 1; i < len(toks); i++ {
		// A last name alone after other words must follow a title
		// ("President Putin"), not a first name ("Sahra Ahmed").
		if i == len(toks)-1 && !r.titleWord(toks[i-1].Norm) {
			break
		}
		if a := r.lookup(toks[i:], news.EntPerson, at, isPerson); a != nil {
			return a
		}
	}
	if len(toks) > 1 {
		return nil
	}
	ps := r.last[toks[0].Norm]
	if len(ps) == 1 {
		return ps[0]
	}
	var active []*Actor
	for _, p := range ps {
		if !at.IsZero() && len(p.RolesAt(at)) > 0 {
			active = append(active, p)
		}
	}
	if len(active) == 1 {
		return active[0]
	}
	return nil
}
