package events

import (
	"strings"

	"github.com/sitrep-osint/sitrep/news"
)

// participants returns the sentence's actors that take part in what it
// reports: not the sources, not possessors ("Iran's" in "Iran's IRGC"),
// and not inside the weapon phrase.
func participants(s *sentence) []actorAt {
	var out []actorAt
	for _, at := range s.actors {
		if s.inSource(at.s, at.e) {
			continue
		}
		out = append(out, at)
	}
	return out
}

// accused reports whether hit is what someone is accused of ("accuses the
// rebel group of killing", "accused Russia of shelling") and returns the
// accused's actor, nil when the accused is no known actor.
func accused(s *sentence, h hit, before []actorAt) (*actorAt, bool) {
	// back over a list of acts: "of killing, maiming, raping, looting"
	of := h.s - 1
	for of > 0 && h.s-of < 12 {
		w := s.low[of]
		if w != "," && w != "and" && w != "or" && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly") {
			break
		}
		of--
	}
	if of < 1 || s.low[of] != "of" {
		return nil, false
	}
	v := -1
	for k := of - 1; k >= 0 && of-k <= 10; k-- {
		if accuseVerbs[s.low[k]] {
			v = k
			break
		}
	}
	if v < 0 {
		return nil, false
	}
	if v > 0 && (beForms[s.low[v-1]] || s.low[v-1] == ",") || v+1 < len(s.low) && s.low[v+1] == "by" {
		// "Russia was accused of shelling", "The RSF, accused of killing",
		// "Hamas, accused by Israel of killing": the accused is the
		// subject before the verb
		for i := len(before) - 1; i >= 0; i-- {
			if at := &before[i]; at.e <= v {
				return at, true
			}
		}
		return nil, false
	}
	for i := len(before) - 1; i >= 0; i-- {
		if at := &before[i]; at.s > v && at.e <= of {
			return at, true
		}
	}
	return nil, true
}

var beForms = set("is", "are", "was", "were", "been", "being", "be")

var accuseVerbs = set("accuses", "accused", "accusing", "accuse", "blamed", "blames", "blaming", "blame", "charged", "charges", "suspected", "suspects")

// speakerAsAgent returns the party that claims the act of hit as its own:
// the trigger's subject is "it", "they", "we" or "its/their/our/his
// forces", and a claim whose content holds the trigger has a party for
// source ("the Pakistan military said it killed 33 BLA terrorists", "the
// Afghan army chief said his forces had killed"). Nil otherwise.
func speakerAsAgent(s *sentence, h hit, a2 *actorAt) *news.ActorRef {
	if a2 != nil && a2.ref.Kind == news.KindCivilians {
		return nil // a party does not claim killing civilians; "it" is something else
	}
	k := h.s - 1
	for k >= 0 && speakerAux[s.low[k]] {
		k--
	}
	if k < 0 {
		return nil
	}
	pron := ""
	switch w := s.low[k]; {
	case w == "it" || w == "they" || w == "we":
		pron = w
	case (w == "forces" || w == "troops" || w == "units") && k > 0 && ownPossessive[s.low[k-1]]:
	default:
		return nil // and a passive ("its troops were ambushed") is no act of theirs
	}
	at := s.toks[h.s].start
	for _, c := range s.claims {
		if c.Content.Start > s.toks[k].start || at >= c.Content.End || c.Source.Actor == nil || !c.Source.Actor.IsParty() {
			continue
		}
		// the pronoun agrees with the speaker: "the military ... it",
		// "the Houthis ... they", not "the Houthis said it killed"
		plural := c.Source.Count > 1 || strings.HasSuffix(strings.ToLower(c.Source.Text), "s")
		if pron == "it" && plural || pron == "they" && !plural {
			return nil
		}
		r := *c.Source.Actor
		return &r
	}
	return nil
}

var speakerAux = set("had", "has", "have", "also", "successfully", "then", "later")

var ownPossessive = set("its", "their", "our", "his", "her")

func ref(at actorAt) *news.ActorRef {
	r := at.ref
	return &r
}

// assignActors fills actor1, actor2, associated actors and roles.
func assignActors(s *sentence, h hit, g seg, c *cand) {
	ev := &c.ev
	ps := participants(s)
	low := s.low
	var before, after, afterAll []actorAt
	for _, at := range ps {
		switch {
		case at.e <= h.s:
			before = append(before, at)
		case at.s >= h.e:
			afterAll = append(afterAll, at)
			if at.s >= g.s && at.e <= g.e {
				after = append(after, at)
			}
		}
	}
	used := map[int]bool{}
	take := func(at *actorAt) *actorAt {
		if at != nil {
			used[at.s] = true
		}
		return at
	}
	first := func(list []actorAt, pred func(actorAt) bool) *actorAt {
		for i := range list {
			if !used[list[i].s] && pred(list[i]) {
				return take(&list[i])
			}
		}
		return nil
	}
	peek := func(list []actorAt, pred func(actorAt) bool) int {
		for i := len(list) - 1; i >= 0; i-- {
			if !used[list[i].s] && pred(list[i]) {
				return i
			}
		}
		return -1
	}
	last := func(list []actorAt, pred func(actorAt) bool) *actorAt {
		if i := peek(list, pred); i >= 0 {
			return take(&list[i])
		}
		return nil
	}
	actorLike := func(at actorAt) bool {
		if violentClass(c.class) && at.e <= h.s && at.ref.Kind == news.KindCivilians {
			return false // civilians are attacked; they do not attack
		}
		if at.thing && at.e <= h.s {
			return false // "Passengers of a Pakistani train held hostage": Pakistan holds no one
		}
		return !at.possessor && !(afterLocPrep(s, at.s) && at.ref.Kind == news.KindState)
	}
	named := func(at actorAt) bool { return actorLike(at) && !at.generic }
	passive := h.s > 0 && (low[h.s-1] == "was" || low[h.s-1] == "were" || low[h.s-1] == "been" || low[h.s-1] == "be" || low[h.s-1] == "being") || reducedPassive(s, h)
	var a1, a2 *actorAt
	// "was killed last year by a US drone strike": agent after "by",
	// victim before the passive verb.
	if k := byAgent(s, h); k >= 0 && (passive || c.class != cArms) {
		a1 = first(afterAll, func(at actorAt) bool { return at.s >= k && at.s <= k+4 })
	}
	if violentClass(c.class) {
		if k := passiveKill(s); k >= 0 {
			if a1 == nil {
				if b := byAgentAt(s, k); b >= 0 {
					a1 = first(ps, func(at actorAt) bool { return at.s >= b && at.s <= b+4 })
				}
				if a1 == nil && h.s > k {
					a1 = last(before, func(at actorAt) bool { return named(at) && at.s > k })
				}
			}
			var victims []actorAt
			for _, at := range ps {
				if at.e <= k {
					victims = append(victims, at)
				}
			}
			// The subject right before the passive ("eight anti-coup
			// demonstrators were killed"), else a person named before it.
			a2 = last(victims, func(at actorAt) bool { return k-at.e <= 2 && !at.possessor })
			if a2 == nil {
				a2 = last(victims, func(at actorAt) bool { return at.person && !at.possessor })
			}
			if a2 == nil {
				a2 = last(victims, actorLike)
			}
		}
	}
	switch c.class {
	case cIntercept:
		// The defender acts; the owner of the downed weapons is the target.
		if a1 == nil {
			a1 = last(before, actorLike)
		}
		if a2 == nil {
			a2 = first(afterAll, func(at actorAt) bool { return at.ref.Kind == news.KindState && nextIsProjectile(s, at.e) })
		}
	case cTrain:
		var trainers, trainees []news.ActorRef
		for i := range before {
			at := before[i]
			if !actorLike(at) || at.person {
				continue
			}
			if at.generic || passive {
				trainees = append(trainees, at.ref)
				if a2 == nil {
					a2 = take(&before[i])
				}
			} else {
				trainers = append(trainers, at.ref)
				if a1 == nil {
					a1 = take(&before[i])
				}
			}
		}
		for i := range afterAll {
			at := afterAll[i]
			if k := byAgent(s, h); k >= 0 && at.s >= k && named(at) {
				trainers = append(trainers, at.ref)
			}
		}
		setRole(ev, "trainer", trainers...)
		setRole(ev, "trainee", trainees...)
	case cArms:
		recipient := afterWord(s, afterAll, "to", "help", "support", "for", "reach")
		if recipient != nil && named(*recipient) {
			take(recipient)
			setRole(ev, "recipient", recipient.ref)
			a2 = recipient
		}
		var funders []news.ActorRef
		if k := indexAny(low, "commitments", "funding", "paid", "funded", "fund"); k >= 0 {
			for i := range ps {
				at := ps[i]
				if at.s > k && (at.ref.Kind == news.KindState || at.ref.Kind == news.KindGovernment) && !at.possessor {
					funders = append(funders, at.ref)
					take(&ps[i])
				}
			}
			setRole(ev, "funder", funders...)
		}
		if a1 == nil {
			a1 = last(before, named)
		}
		if a1 != nil {
			setRole(ev, "supplier", a1.ref)
		}
	case cMeet:
		var chairs, parts []news.ActorRef
		kc := indexAny(low, "chair", "chaired", "chairs", "host", "hosted", "hosts", "co-chair")
		ka := indexAny(low, "attend", "attended", "attending", "joined", "join")
		for _, at := range ps {
			if !at.person || at.possessor {
				continue
			}
			switch {
			case kc >= 0 && at.e <= kc:
				chairs = append(chairs, at.ref)
			case ka >= 0 && at.e <= ka:
				parts = append(parts, at.ref)
			case at.s >= h.e && at.s <= h.e+3 && low[h.e] == "with":
				parts = append(parts, at.ref)
			}
		}
		// The speaker chairs when he says "he and ... will chair".
		if kc >= 0 && indexAny(low[:kc], "he", "she") >= 0 {
			for _, src := range s.sources {
				if src.Actor != nil && src.Actor.Kind == news.KindPerson {
					chairs = append([]news.ActorRef{*src.Actor}, chairs...)
				}
			}
		}
		setRole(ev, "chair", chairs...)
		setRole(ev, "participant", parts...)
		// The meeting's body: "a meeting of the Ukraine Defense Contact Group".
		if h.e < len(low) && low[h.e] == "of" {
			a1 = first(afterAll, func(at actorAt) bool { return at.ref.Kind == news.KindIntlOrg && at.s <= h.e+3 })
		}
		if a1 == nil && len(chairs) > 0 {
			a1 = &actorAt{ref: chairs[0], s: -1}
		}
		if a1 == nil && len(parts) > 0 {
			a1 = &actorAt{ref: parts[0], s: -1}
		}
		// The other side: "met with X", "visited X", "hosted X".
		a2 = afterWord(s, after, "with", "visit", "visited", "visits", "hosted", "telephoned", "phoned", "met", "meet", "welcome")
		if a2 == nil {
			a2 = &actorAt{s: -3}
		} else {
			take(a2)
		}
	case cProtest, cRiot:
		if a1 == nil {
			a1 = first(ps, func(at actorAt) bool {
				return at.ref.Kind == news.KindProtesters || at.ref.Kind == news.KindRioters
			})
		}
		if a1 == nil {
			kind := news.KindProtesters
			if c.class == cRiot {
				kind = news.KindRioters
			}
			name := subjectPhrase(s, h.s, h.t.noun)
			if name == "" {
				name = "Protesters"
				if kind == news.KindRioters {
					name = "Rioters"
				}
			}
			a1 = &actorAt{ref: news.ActorRef{Name: name, Kind: kind}, s: -1}
			for _, at := range before {
				if at.ref.Kind == news.KindState && !at.possessor && strings.Contains(name, s.toks[at.s].text) {
					a1.ref.Country = at.ref.Country
				}
			}
		}
		if a2 == nil {
			a2 = afterWord(s, after, "against")
		}
		if a2 == nil {
			a2 = &actorAt{s: -3}
		}
	case cGroup, cProduce, cBase:
		if a1 == nil {
			a1 = last(before, named)
		}
		if a1 == nil {
			a1 = last(before, actorLike)
		}
		a2 = &actorAt{s: -3}
	}
	if a1 == nil && !passive {
		// The subject right before the verb, though unnamed, over a name
		// in an earlier clause: "Assad was ousted ..., where security
		// forces clashed with fighters loyal to the former president".
		if gi := peek(before, func(at actorAt) bool { return at.generic && actorLike(at) && h.s-at.e <= 2 }); gi >= 0 {
			if ni := peek(before, named); ni < 0 || clauseBreak(low, before[ni].e, before[gi].s) {
				a1 = take(&before[gi])
			}
		}
	}
	if a1 == nil && !passive {
		a1 = last(before, named)
		if a1 == nil {
			a1 = last(before, actorLike)
		}
		if a1 != nil && h.t.noun && violentClass(c.class) && !nounPhraseAgent(s, *a1, h) {
			// An attack told by a noun takes no agent from another
			// clause ("praised the withdrawal of U.S. troops, as officials
			// raised the toll from the previous day's blasts"); the event
			// stays, its actor unknown.
			a1, c.bare = nil, true
		}
		// "Jordan and Britain have agreed": the first of a coordination
		// acts; in agreements, meetings and clashes the next is the other
		// party.
		if a1 != nil && a1.s >= 0 {
			if k := coordStart(s, before, *a1); k >= 0 && k != a1.s {
				other := *a1
				for i := range before {
					if before[i].s == k {
						used[before[i].s] = true
						a1 = &before[i]
					}
				}
				switch c.class {
				case cAgree, cMeet, cClash:
					if a2 == nil {
						a2 = &other
					}
				}
			}
		}
	}
	if a2 == nil && c.class != cArms {
		a2 = afterWord(s, after, "against", "targeting", "on", "attacked", "hit", "struck")
		if a2 == nil {
			a2 = first(after, actorLike)
		}
		if a2 == nil && passive {
			a2 = last(before, actorLike)
		}
	}
	if acc, ok := accused(s, h, before); ok {
		// "The C.A.R. accuses the rebel group of killing": the accused
		// acted, not the accuser
		a1 = acc
		if a2 != nil && acc != nil && a2.s == acc.s {
			a2 = nil
		}
		if a1 == nil {
			c.bare = true
		}
	}
	if a1 != nil && a1.s > -2 {
		ev.Actor1 = ref(*a1)
	} else if a1 == nil {
		// "the Pakistan military said it killed 33": the speaker acted
		ev.Actor1 = speakerAsAgent(s, h, a2)
	}
	if a2 != nil && a2.s > -2 && (ev.Actor1 == nil || a2.ref.Name != ev.Actor1.Name) {
		ev.Actor2 = ref(*a2)
		used[a2.s] = true
	}
	for _, at := range ps {
		if used[at.s] || at.possessor || at.generic || at.e > g.e || at.s >= h.e && at.s < g.s {
			continue
		}
		if ev.Actor1 != nil && at.ref.Name == ev.Actor1.Name || ev.Actor2 != nil && at.ref.Name == ev.Actor2.Name {
			continue
		}
		if afterLocPrep(s, at.s) && at.ref.Kind == news.KindState {
			continue // a place
		}
		inRole := false
		for _, refs := range ev.Roles {
			if dupRef(refs, at.ref) {
				inRole = true
			}
		}
		if !inRole && !dupRef(ev.AssocActors, at.ref) {
			ev.AssocActors = append(ev.AssocActors, at.ref)
		}
	}
}

// passiveKill returns the index of a passive killing ("was killed",
// "were wounded"), or -1.
func passiveKill(s *sentence) int {
	for k := 1; k < len(s.low); k++ {
		if (killVerbs[s.low[k]] || injureVerbs[s.low[k]]) && (s.low[k-1] == "was" || s.low[k-1] == "were" || s.low[k-1] == "been") {
			return k
		}
	}
	return -1
}

func byAgentAt(s *sentence, k int) int {
	for j := k + 1; j < len(s.low) && j < k+5; j++ {
		if s.low[j] == "by" {
			return j + 1
		}
	}
	return -1
}

func dupRef(list []news.ActorRef, r news.ActorRef) bool {
	for _, x := range list {
		if x.Name == r.Name {
			return true
		}
	}
	return false
}

func setRole(ev *news.Event, role string, refs ...news.ActorRef) {
	if len(refs) == 0 {
		return
	}
	if ev.Roles == nil {
		ev.Roles = map[string][]news.ActorRef{}
	}
	for _, r := range refs {
		if !dupRef(ev.Roles[role], r) {
			ev.Roles[role] = append(ev.Roles[role], r)
		}
	}
}

func indexAny(low []string, ws ...string) int {
	for i, x := range low {
		for _, w := range ws {
			if x == w {
				return i
			}
		}
	}
	return -1
}

// byAgent returns the token after a passive "by" following the trigger.
func byAgent(s *sentence, h hit) int {
	for k := h.e; k < len(s.low) && k < h.e+3; k++ {
		if s.low[k] == "by" {
			return k + 1
		}
	}
	return -1
}

func nextIsProjectile(s *sentence, e int) bool {
	return e < len(s.low) && projectileNouns[s.low[e]]
}

// afterWord returns the first actor within a few tokens after one of ws,
// possessors ("Trump's weapons plans") left out.
func afterWord(s *sentence, list []actorAt, ws ...string) *actorAt {
	for i := range list {
		at := list[i]
		if at.possessor {
			continue
		}
		for k := max(0, at.s-3); k < at.s; k++ {
			for _, w := range ws {
				if s.low[k] == w {
					return &list[i]
				}
			}
		}
	}
	return nil
}

// afterLocPrep reports whether token i follows a locative preposition, so
// the actor there is a place ("in Lebanon", "to Lebanon").
func afterLocPrep(s *sentence, i int) bool {
	k := i - 1
	for k >= 0 && (s.low[k] == "the" || lowerWord(s.toks[k].text) && isPlaceAdj(s.low[k])) {
		k--
	}
	if k < 0 {
		return false
	}
	// "in Wiesbaden, Germany"
	if s.low[k] == "," && k > 0 && capWord(s.toks[k-1].text) && afterLocPrep(s, k-1) {
		return true
	}
	switch s.low[k] {
	case "in", "at", "near", "over", "outside", "inside", "across", "around", "into", "from", "of":
		return true
	case "to":
		return k > 0 && (s.low[k-1] == "travelled" || s.low[k-1] == "traveled" || s.low[k-1] == "went" || s.low[k-1] == "moved")
	}
	return false
}

func lowerWord(t string) bool { return t != "" && t[0] >= 'a' && t[0] <= 'z' }

func isPlaceAdj(w string) bool {
	switch w {
	case "industrial", "border", "northern", "southern", "eastern", "western", "central", "northeastern",
		"northwestern", "southeastern", "southwestern", "frontline", "front-line", "occupied", "capital",
		"port", "coastal", "besieged", "disputed", "restive", "embattled", "regions", "region", "city",
		"town", "village", "province", "of":
		return true
	}
	return false
}

// placeNouns close a place name ("air base", "region", "airport").
var placeNouns = set("region", "regions", "province", "provinces", "city", "airport", "base", "district",
	"oblast", "governorate", "village", "town", "port", "camp", "border", "area", "valley", "county",
	"towns", "villages", "cities")

// findPlace returns where the event happened: the place after a locative
// preposition in the event's part of the sentence, or, before the trigger,
// in its clause; never the dateline (cut off in prepare).
func findPlace(s *sentence, h hit, g seg) *news.Place {
	try := func(from, to int) *news.Place {
		for k := from; k < to && k < len(s.low); k++ {
			switch s.low[k] {
			case "in", "at", "near", "over", "outside", "inside", "across", "around":
			case "to":
				if !(k > 0 && (s.low[k-1] == "travelled" || s.low[k-1] == "traveled")) {
					continue
				}
			case "on":
				if !(k+1 < len(s.low) && placeAhead(s, k+1)) {
					continue
				}
			case "against":
				if !(k+1 < len(s.low) && countryAt(s, k+1)) {
					continue
				}
			default:
				continue
			}
			if s.inSource(k, k+1) {
				continue
			}
			if p := placeAt(s, k+1); p != nil {
				return p
			}
		}
		return nil
	}
	if g.s > h.e {
		// A later item of a list of targets: ", Erbil International
		// Airport in April".
		k := g.s
		for k < g.e && (s.low[k] == "," || s.low[k] == "and" || s.low[k] == "including") {
			k++
		}
		if k < g.e && capWord(s.toks[k].text) {
			if p := placeAt(s, k); p != nil {
				return p
			}
		}
	}
	if p := try(max(h.e, g.s), g.e); p != nil {
		return p
	}
	if g.s <= h.e {
		if p := objectPlace(s, h); p != nil {
			return p
		}
	}
	if g.s < h.e {
		// The place may come before the trigger in the same clause.
		start := h.s
		for start > 0 && s.low[start-1] != "," && s.low[start-1] != ";" {
			start--
		}
		if p := try(start, h.s); p != nil {
			return p
		}
		if p := try(0, start); p != nil {
			return p
		}
	}
	return nil
}

// countryAt reports whether a country's name (not its demonym) is at i,
// after "the" if any.
func countryAt(s *sentence, i int) bool {
	if i < len(s.low) && s.low[i] == "the" {
		i++
	}
	if i >= len(s.low) || isDemonymAt(s, i) {
		return false
	}
	for _, at := range s.actors {
		if at.s == i && at.ref.Kind == news.KindState {
			return true
		}
	}
	return false
}

// placeAhead reports whether a place noun or a known country follows.
func placeAhead(s *sentence, i int) bool {
	for k := i; k < len(s.low) && k < i+6; k++ {
		if placeNouns[s.low[k]] {
			return true
		}
		for _, at := range s.actors {
			if at.s == k && at.ref.Kind == news.KindState {
				return true
			}
		}
	}
	return false
}

// placeAt reads a place name starting at token i: skipping "the",
// lower-case place adjectives and a possessor ("Iraq's"), a run of
// capitalised words, and a closing place noun.
// strikeVerbs take the place they strike as their object.
var strikeVerbs = set("struck", "hit", "hits", "pounded", "pounds", "shelled", "shells", "bombed", "attacked", "attacks",
	"targeted", "targets", "raided", "stormed", "besieged", "rocketed")

// objectPlace reads the place a strike hits when the sentence names it
// as the verb's object, not after a preposition: "Russian drones struck
// Kharkiv", "shelled the towns of Nikopol and Marhanets", "airstrikes hit
// Gaza City". A country is the target, not the place ("attacked
// Ukraine").
func objectPlace(s *sentence, h hit) *news.Place {
	if !violentClass(h.t.class) {
		return nil
	}
	v := -1
	if !h.t.noun && strikeVerbs[s.low[h.e-1]] {
		v = h.e - 1
	} else {
		for k := h.e; k < len(s.low) && k < h.e+3; k++ {
			if strikeVerbs[s.low[k]] {
				v = k
				break
			}
		}
	}
	if v < 0 || v+1 >= len(s.low) {
		return nil
	}
	k := v + 1
	for k < len(s.low) && k < v+4 && (s.low[k] == "the" || placeNouns[s.low[k]] || s.low[k] == "of") {
		k++
	}
	if k >= len(s.low) || !capWord(s.toks[k].text) {
		return nil
	}
	if countryAt(s, k) && !(k+1 < len(s.low) && capWord(s.toks[k+1].text) && s.low[k+1] != "and") {
		return nil // a country is the target; "Gaza City" is a place
	}
	for _, at := range s.actors {
		if at.s <= k && k < at.e && (at.person || at.generic || at.ref.Kind != news.KindState) {
			return nil // "attacked the Wagner Group": an actor, not a place
		}
	}
	return placeAt(s, k)
}

func placeAt(s *sentence, i int) *news.Place {
	k := i
	for k < len(s.low) && (s.low[k] == "the" || lowerWord(s.toks[k].text) && isPlaceAdj(s.low[k]) && s.low[k] != "of") {
		k++
	}
	// "the border regions of Bryansk and Kursk"
	if k < len(s.low) && s.low[k] == "of" && k > i && placeNouns[s.low[k-1]] {
		k++
	}
	if k >= len(s.low) || !capWord(s.toks[k].text) && !(len(s.toks[k].text) > 1 && strings.ToUpper(s.toks[k].text) == s.toks[k].text && s.toks[k].text[0] >= 'A') {
		return nil
	}
	// Skip a possessor: "Iraq's Ain al-Asad air base".
	if k+2 < len(s.low) && s.low[k+1] == "'s" && capWord(s.toks[k+2].text) {
		k += 2
	}
	// An acronym in ordinary text ("IS attacks") is a group, not a place.
	if t := s.toks[k].text; !s.upper && len(t) <= 5 && t == strings.ToUpper(t) && !countryAt(s, k) {
		return nil
	}
	// Not a time, not a person, not an armed group.
	if wdays[s.low[k]] || monthNames[s.low[k]] {
		return nil
	}
	if isDemonymAt(s, k) {
		return nil
	}
	for _, at := range s.actors {
		if at.s <= k && k < at.e && (at.person || at.generic || at.ref.Kind != news.KindState) {
			return nil
		}
	}
	e := k
	for e < len(s.low) && (capWord(s.toks[e].text) || s.low[e] == "al-asad" || strings.HasPrefix(s.low[e], "al-") || s.toks[e].text == "St.") {
		e++
		if e-k > 5 {
			break
		}
	}
	if e < len(s.low) && placeNouns[s.low[e]] {
		e++
	} else if e+1 < len(s.low) && s.low[e] == "air" && s.low[e+1] == "base" {
		e += 2
	}
	if e <= k {
		return nil
	}
	name := s.text[s.toks[k].start-s.span.Start : s.toks[e-1].end-s.span.Start]
	return &news.Place{Name: name, Start: s.toks[k].start, End: s.toks[e-1].end}
}

var monthNames = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")

var wdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// clauseBreak reports whether tokens [a, b) hold a clause boundary: a
// comma, a semicolon or a subordinating word.
func clauseBreak(low []string, a, b int) bool {
	for k := max(a, 0); k < b && k < len(low); k++ {
		switch low[k] {
		case ",", ";", "where", "when", "while", "as", "after", "before", "but", "because", "since":
			return true
		}
	}
	return false
}

// isDemonymAt reports whether token k is a nationality adjective
// ("Russian"), not part of a longer name ("Saudi Arabia").
func isDemonymAt(s *sentence, k int) bool {
	if !demonyms[s.low[k]] {
		return false
	}
	for _, at := range s.actors {
		if at.s == k && at.e > k+1 && at.ref.Kind == news.KindState {
			return false
		}
	}
	return true
}

// coordStart returns the first token of the coordination that ends with
// actor at ("Jordan and Britain", "Germany, Finland and Canada"), or -1.
func coordStart(s *sentence, before []actorAt, at actorAt) int {
	start := -1
	cur := at
	for {
		k := cur.s - 1
		if k < 0 || s.low[k] != "and" && s.low[k] != "," {
			break
		}
		k--
		if k >= 0 && s.low[k] == "the" {
			k--
		}
		var prev *actorAt
		for i := range before {
			if before[i].e == k+1 && !before[i].possessor {
				prev = &before[i]
			}
		}
		// "Senior Hungarian and Romanian officials": demonyms too.
		if prev == nil {
			break
		}
		start = prev.s
		cur = *prev
	}
	return start
}

// subjectPhrase returns the noun phrase that protests ("Thousands of Iraqi
// Kurds demonstrated", "Up to 1,000 ethnic Turks began a hunger strike"):
// the words from the clause start to the verb, without the counts before
// them.
func subjectPhrase(s *sentence, trig int, noun bool) string {
	b := trig - 1
	for b >= 0 && s.low[b] != "," && s.low[b] != ";" && s.low[b] != "“" && s.low[b] != "\"" {
		b--
	}
	b++
	e := trig
	for k := b; k < trig; k++ {
		if subjectStop[s.low[k]] {
			e = k
			break
		}
	}
	// Drop counts and quantifiers: "Up to 100", "Thousands of", "Tens of
	// thousands of university".
	for b < e {
		w := s.low[b]
		if _, n, ok := parseNumber(s.low, b); ok && n > b {
			b = n
			continue
		}
		if w == "of" || w == "up" || w == "to" || w == "tens" || w == "some" || w == "the" || w == "a" || w == "an" || w == "angry" {
			b++
			continue
		}
		break
	}
	if b >= e || e-b > 6 || e == trig && noun || trig-e > 4 {
		return "" // a noun trigger far from any subject ("led to huge mass demonstrations")
	}
	return s.text[s.toks[b].start-s.span.Start : s.toks[e-1].end-s.span.Start]
}

// subjectStop ends a protest's subject: its verb or a preposition.
var subjectStop = set("demonstrated", "staged", "began", "begun", "continued", "were", "was", "have", "has",
	"had", "marched", "rallied", "held", "started", "blocked", "took", "gathered", "protested", "are", "is",
	"from", "in", "on", "at", "throughout", "who", "went", "stopped", "launched")

// nounPhraseAgent reports whether actor at, before the noun trigger h, may
// be its agent: no clause opened by a subordinating word stands between
// (", as officials raised the toll from the previous day's blasts").
func nounPhraseAgent(s *sentence, at actorAt, h hit) bool {
	for k := at.e; k+1 < h.s; k++ {
		if s.low[k] == ";" {
			return false
		}
		if s.low[k] == "," {
			switch s.low[k+1] {
			case "as", "while", "when", "after", "before", "since":
				return false
			}
		}
	}
	return true
}

// reducedPassive reports whether the trigger is a past participle after
// the noun it describes, with no auxiliary: "270 schoolgirls kidnapped in
// Zamfara state were freed". Its agent can only follow "by"; the subject
// of the sentence's main clause ("Many Nigerians are expressing relief")
// is not.
func reducedPassive(s *sentence, h hit) bool {
	switch h.t.class {
	case cAbduct, cKill, cAttack, cArrest, cSexual:
	default:
		return false // "Quad leaders agreed at a summit" acts
	}
	if h.t.noun || h.s == 0 || h.e >= len(s.low) || !strings.HasSuffix(s.low[h.s], "ed") {
		return false
	}
	prev := s.low[h.s-1]
	if !isAlpha(prev) || !strings.HasSuffix(prev, "s") || s.isCapitalised(h.s-1) && !s.upper {
		return false
	}
	for _, at := range s.actors {
		if at.e > h.s-3 && at.s < h.s && !at.generic {
			return false // "the rebels attacked in force", "Quad leaders": an actor acts
		}
	}
	switch s.low[h.e] {
	case "in", "on", "at", "from", "by", "during", "last", "near", "outside", "earlier", "this":
		return true
	}
	return false
}
