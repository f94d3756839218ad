package events

import (
	"slices"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
	"github.com/sitrep-osint/sitrep/internal/extract/timex"
	"github.com/sitrep-osint/sitrep/news"
)

// cand is an event being built: the news.Event plus what merging needs.
type cand struct {
	ev      news.Event
	class   class
	sent    int
	last    int    // the last sentence that mentions the event
	anaphor bool   // "those attacks", "the assault": refers to an earlier event
	anaName string // "Erbil" in "the Erbil attack": which earlier event
	defArms bool   // "the systems", "the delivery": arms named before
	bare    bool   // an agent in another clause was left out: keep the event without it
	dropped bool
	srcs    []news.Source
	spans   []news.Span // the sentences that mention the event
	pub     time.Time
}

// hit is one trigger found in a sentence.
type hit struct {
	t    trig
	s, e int // token range
}

// sentenceEvents finds the events of one sentence and merges those that
// refer back to events of earlier sentences.
func (x *Extractor) sentenceEvents(a *news.Article, s *sentence, pub time.Time, cands []*cand) []*cand {
	s.prevArms = len(cands) > 0 && cands[len(cands)-1].class == cArms && s.idx-cands[len(cands)-1].last <= 1
	hits := findTriggers(s)
	if len(hits) == 0 {
		return cands
	}
	hits = reconcile(s, hits)
	for _, h := range hits {
		for _, seg := range segments(s, h) {
			c := build(a, s, h, seg, pub)
			if c == nil || sameInSentence(cands, c) {
				continue
			}
			if d := recentViolent(cands, s.idx); d != nil && casualtyReport(s, h, c) && !sharesFigureKind(d, c) {
				// "A bomb exploded at the station. Seven of the nine
				// soldiers were wounded.": the casualties of the
				// event just told, not an attack of their own. When
				// the event has its own count of that kind, the report
				// may be of other victims or another toll, and stays
				// apart.
				c.anaphor = true
			}
			if c.anaphor || mergeable(c) {
				if mergeBack(cands, c) {
					continue
				}
				if d := soleViolent(cands, s.idx); d != nil && c.anaphor && violentClass(c.class) && (c.anaName == "" || mentions(d, c.anaName)) &&
					(d.ev.Date == nil || c.ev.Date == nil || d.ev.Date.Value == c.ev.Date.Value) {
					// "the explosion" further on, in an article that
					// tells of one attack: that attack, told again.
					mergeInto(d, c)
					continue
				}
				if c.anaphor && c.class != cMeet && (len(c.ev.Figures) == 0 && c.ev.Place == nil && c.ev.Date == nil || nearbyClass(cands, c)) {
					// A reference to an event told just before (under
					// another date, which is the reference's own), or to
					// one the article did not report.
					continue
				}
			}
			cands = append(cands, c)
		}
	}
	return cands
}

// casualtyReport reports whether candidate c only tells who was killed or
// hurt: a killing verb in the passive ("were wounded", "was later found
// murdered") or "died", with no agent and no weapon of its own.
func casualtyReport(s *sentence, h hit, c *cand) bool {
	if c.class != cKill || c.ev.Actor1 != nil || c.ev.Weapon != "" || len(c.ev.Figures) == 0 {
		return false
	}
	if h.e-h.s == 1 && (s.low[h.s] == "died" || s.low[h.s] == "dead") {
		return true
	}
	k := h.s - 1
	for k > 0 && (strings.HasSuffix(s.low[k], "ly") || s.low[k] == "also" || s.low[k] == "later" || s.low[k] == "found" || s.low[k] == "all") {
		k--
	}
	return k >= 0 && (s.low[k] == "was" || s.low[k] == "were" || s.low[k] == "been")
}

// sharesFigureKind reports whether d already has a figure of a kind that
// c counts.
func sharesFigureKind(d, c *cand) bool {
	for _, f := range c.ev.Figures {
		if hasFigureOf(d.ev.Figures, f.What) {
			return true
		}
	}
	return false
}

// setOnFire reads "set two schools and several houses on fire" (the
// object between the verb and "on fire" or "ablaze") as one arson trigger.
func setOnFire(s *sentence, i int) (hit, bool) {
	switch s.low[i] {
	case "set", "sets", "setting":
	default:
		return hit{}, false
	}
	for k := i + 2; k < len(s.low) && k <= i+8; k++ {
		switch s.low[k] {
		case "ablaze", "alight", "afire":
			return hit{t: trig{class: cLoot, words: slices.Clone(s.low[i : k+1])}, s: i, e: k + 1}, true
		case "fire":
			if s.low[k-1] == "on" {
				return hit{t: trig{class: cLoot, words: slices.Clone(s.low[i : k+1])}, s: i, e: k + 1}, true
			}
		case ".", ";", "to":
			return hit{}, false
		}
	}
	return hit{}, false
}

// backgroundClause reports whether the trigger is the verb of a clause
// that recalls an earlier event as a time mark: "than before Russia
// invaded Ukraine", "since Hamas attacked Israel". Such an event is
// background, kept as historical, not today's news.
func backgroundClause(s *sentence, h hit) bool {
	if h.t.noun || !strings.HasSuffix(s.low[h.s], "ed") {
		return false
	}
	for k := h.s - 1; k >= 0 && k >= h.s-5; k-- {
		switch w := s.low[k]; {
		case w == "before" || w == "since":
			return k < h.s-1 // a subject stands between
		case w == "the" || w == "its" || w == "their" || s.isCapitalised(k) && !s.upper:
		default:
			return false
		}
	}
	return false
}

// reliefWords tell of humanitarian or civilian supplies.
var reliefWords = set("food", "humanitarian", "relief", "medical", "medicine", "medicines", "kits", "shelter", "tents",
	"technical", "construction", "prison", "rescue", "aid")

// blockedWays are what protesters block.
var blockedWays = set("road", "roads", "street", "streets", "highway", "highways", "bridge", "entrance", "entrances",
	"access", "crossing", "traffic", "route", "routes", "junction", "intersection", "motorway", "railway", "tracks", "gates")

// tourists visit without meeting anyone.
var tourists = set("tourists", "tourist", "visitors", "travellers", "travelers", "holidaymakers", "pilgrims")

// wordClashes, before "clash", make it one of words.
var wordClashes = set("office", "verbal", "heated", "diplomatic", "political", "televised", "public", "angry", "shouting", "testy")

// causes are what people fight for without fighting a battle.
var causes = set("freedom", "democracy", "rights", "justice", "independence", "survival", "lives", "life", "equality", "peace", "recognition")

// mishaps kill without violence.
// crashingWeapons strike by crashing into their target.
var crashingWeapons = set("drone", "drones", "uav", "uavs", "missile", "missiles", "rocket", "rockets", "shahed", "shaheds")

var mishaps = set("crash", "crashed", "accident", "collision", "earthquake", "flood", "floods", "landslide", "avalanche", "storm", "cyclone", "hurricane", "stampede", "derailment")

// bomberActs are what a suicide bomber does in a bombing.
var bomberActs = set("blew", "detonated", "detonating", "exploded", "attacked", "struck", "rammed", "crashed", "riding", "set", "approached", "entered", "stormed", "targeted", "killed", "killing", "wounded", "injured", "injuring", "hit", "drove", "walked", "carried")

// railWords stand by "train" the vehicle: "a passenger train", "train
// station".
var railWords = set("passenger", "rescue", "freight", "cargo", "express", "commuter", "station", "stations", "tracks", "track", "carriage", "carriages", "hijacked", "derailed", "driver", "line")

// testWords tell of a weapons test, which strikes no one.
var testWords = set("test", "tests", "tested", "testing", "test-fired", "test-fire", "test-firing", "test-launched")

// passiveAux returns the index of the auxiliary (was, were, been, be)
// of a passive verb at token i, over adverbs in -ly, "also" and the extra
// words between them; -1 when the verb has none.
func passiveAux(low []string, i int, extra ...string) int {
	k := i - 1
	for k >= 0 && (strings.HasSuffix(low[k], "ly") || low[k] == "also" || slices.Contains(extra, low[k])) {
		k--
	}
	if k < 0 || low[k] != "was" && low[k] != "were" && low[k] != "been" && low[k] != "be" {
		return -1
	}
	return k
}

// indefiniteSubject reports whether the passive trigger at token i has an
// indefinite pronoun for its subject: "somebody who has been arrested",
// "anyone could be killed".
func indefiniteSubject(low []string, i int) bool {
	k := passiveAux(low, i, "still")
	if k < 0 {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		switch low[j] {
		case "somebody", "someone", "anybody", "anyone", "everybody", "everyone":
			return true
		case ",", ";", ":", ".":
			return false
		}
	}
	return false
}

// negatedSubject reports whether the passive trigger at token i has a
// negated subject: "no passengers were killed", "no one was hurt",
// "none of the guards were injured".
func negatedSubject(low []string, i int) bool {
	k := passiveAux(low, i)
	if k < 0 {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		switch low[j] {
		case "no":
			return j+1 >= len(low) || low[j+1] != "longer"
		case "nobody", "none", "neither":
			return true
		case ",", ";", ":", "and", "but", "that", "which", "who":
			return false
		}
	}
	return false
}

// genericMention reports whether trigger h names a kind of act rather
// than an event: a trend ("a wave of kidnappings", "a spate of attacks",
// "a rise in killings"), an allegation ("charged with robbing, raping,
// kidnapping"), or a long war ("has been fighting a deadly insurgency").
func genericMention(low []string, h hit) bool {
	if h.s >= 2 && (low[h.s-1] == "of" && (low[h.s-2] == "wave" || low[h.s-2] == "spate" || low[h.s-2] == "string") ||
		low[h.s-1] == "in" && (low[h.s-2] == "rise" || low[h.s-2] == "surge" || low[h.s-2] == "increase" || low[h.s-2] == "spike")) {
		return true
	}
	for k := max(0, h.s-16); k+1 < h.s; k++ {
		if (low[k] == "charged" || low[k] == "charges") && low[k+1] == "with" || (low[k] == "accused" || low[k] == "convicted" || low[k] == "guilty") && low[k+1] == "of" {
			return true
		}
	}
	if h.t.class == cClash {
		for k := h.e; k < len(low) && k < h.e+4; k++ {
			switch low[k] {
			case "insurgency", "war", "rebellion", "insurrection":
				return true
			}
		}
	}
	if h.t.class == cKill {
		// "a war that lasted more than three years and killed 100,000
		// people": a war's toll, not an event.
		for k := h.s - 1; k >= 0 && k >= h.s-10; k-- {
			switch low[k] {
			case "war", "wars", "conflict", "insurgency", "genocide", "famine":
				return true
			case ",", ";", ".":
				return false
			}
		}
	}
	return false
}

// verbalAttack reports whether "attacked" is criticism: its object is
// blamed "for" doing something ("attacked the newspaper for refusing to
// support his tariff plans"), with no weapon in the sentence.
func verbalAttack(s *sentence, h hit) bool {
	if h.t.noun || s.low[h.s] != "attacked" && s.low[h.s] != "attacks" && s.low[h.s] != "attacking" {
		return false
	}
	for k := h.e; k+1 < len(s.low) && k < h.e+16; k++ {
		switch s.low[k] {
		case ",":
			// an apposition: "attacked The Wall Street Journal, the
			// country's leading business publication, for refusing ..."
			e := k + 1
			for e < len(s.low) && e < k+9 && s.low[e] != "," && s.low[e] != "." {
				e++
			}
			if e+1 < len(s.low) && s.low[e] == "," && s.low[e+1] == "for" {
				k = e
				continue
			}
			return false
		case "with", "using", ";", ".":
			return false
		case "for", "over":
			nx := s.low[k+1]
			if strings.HasSuffix(nx, "ing") || nx == "his" || nx == "her" || nx == "their" || nx == "its" {
				return findWeapon(s) == ""
			}
		}
	}
	return false
}

// animals are killed for meat, in culls and by disease, not in conflict.
var animals = set("dogs", "cats", "cattle", "cows", "pigs", "chickens", "birds", "animals", "sheep", "goats", "livestock", "poultry", "fish", "elephants", "rhinos")

// animalVictims reports whether a killing's victims are animals and only
// animals: "dogs are killed", "killed 300 cattle" (but not "killed 300
// cattle and two herders").
func animalVictims(s *sentence, h hit) bool {
	low := s.low
	k := h.s - 1
	for k >= 0 && (low[k] == "are" || low[k] == "were" || low[k] == "is" || low[k] == "was" || low[k] == "been" || low[k] == "being") {
		k--
	}
	animal := k >= 0 && k < h.s-1 && animals[low[k]]
	if j := h.e; !animal && j < len(low) {
		if _, e, ok := parseNumber(low, j); ok {
			j = e
		}
		animal = j < len(low) && animals[low[j]]
	}
	if !animal {
		return false
	}
	for k := max(0, h.s-6); k < min(len(low), h.e+8); k++ {
		if peopleNouns[low[k]] || personNouns[low[k]] {
			return false
		}
	}
	return true
}

// reactionNouns are what a proposal "met with": no meeting.
var reactionNouns = set("opposition", "resistance", "criticism", "skepticism", "scepticism", "silence", "approval",
	"applause", "protests", "anger", "outrage", "derision", "disbelief", "suspicion", "success", "mixed", "little", "some", "strong", "fierce")

// opinionNouns are what one agrees with in speech, not in a deal.
var opinionNouns = set("remark", "remarks", "view", "views", "assessment", "comment", "comments", "statement", "that", "him", "her",
	"concerns", "concern", "criticism", "position", "analysis", "argument", "decision", "me", "us", "them", "you")

// isQuoteTok reports whether token w is a quotation mark.
func isQuoteTok(w string) bool {
	switch w {
	case "\"", "”", "“", "'", "’":
		return true
	}
	return false
}

// findTriggers returns the trigger phrases of a sentence, longest first at
// each token, weak triggers kept only with their context nouns.
func findTriggers(s *sentence) []hit {
	var hits []hit
	for i := 0; i < len(s.low); i++ {
		if s.inSource(i, i+1) && speechVerbs[s.low[i]] {
			continue
		}
		if h, ok := setOnFire(s, i); ok {
			hits = append(hits, h)
			continue
		}
		for _, t := range triggers[s.low[i]] {
			if !hasSeq(s.low, i, t.words) {
				continue
			}
			h := hit{t: t, s: i, e: i + len(t.words)}
			if !contextOK(s, h) {
				continue
			}
			hits = append(hits, h)
			break
		}
	}
	return hits
}

// window reports whether any of the words occurs within n tokens of the
// hit (after it when after is set).
func (s *sentence) window(h hit, words map[string]bool, before, after int) (int, bool) {
	for k := max(0, h.s-before); k < min(len(s.low), h.e+after); k++ {
		if words[s.low[k]] {
			return k, true
		}
		if k+1 < len(s.low) && words[s.low[k]+" "+s.low[k+1]] {
			return k, true
		}
	}
	return -1, false
}

func contextOK(s *sentence, h hit) bool {
	low := s.low
	w := low[h.s]
	switch h.t.class {
	case cStrike, cShell:
		if hasAny(low, testWords) {
			return false // "conducted a crucial test at ... the site of its long-range missile launch": no attack
		}
		if h.t.class == cShell {
			break
		}
		if h.t.weak {
			// "launched 64 drones", "hit by divisions" (no weapon: no strike)
			before := 2
			if w == "fire" {
				before = 4 // "mortar and rifle fire"
			}
			if _, ok := s.window(h, projectileNouns, before, 8); ok {
				return true
			}
			// "hurled explosives at a market"
			_, ok := s.window(h, thrownExplosives, 0, 4)
			return ok && (w == "hurled" || w == "hurling" || w == "threw")
		}
		if w == "strike" || w == "strikes" || w == "launch" || w == "fire" {
			// "strike its foes" after "to": a capability, not an event,
			// unless planned ("plans to strike").
			if h.s > 0 && low[h.s-1] == "to" && !planBefore(low, h.s-1) {
				return false
			}
		}
	case cExplosive:
		if h.t.weak {
			// "placed a charge of dynamite under a bus", "planted a bomb"
			_, ok := s.window(h, thrownExplosives, 0, 5)
			return ok
		}
	case cSuicide:
		if low[h.e-1] == "bomber" || low[h.e-1] == "bombers" {
			// The bombers are told of; the bombing needs its act:
			// "a suicide bomber blew himself up", not "suicide bombers
			// are wearing suicide jackets" or "snipers killed suicide
			// bombers".
			_, ok := s.window(h, bomberActs, 0, 8)
			return ok
		}
	case cIntercept:
		if w == "defused" {
			_, ok := s.window(h, defusedObjects, 3, 6)
			return ok
		}
		if h.t.weak {
			k, ok := s.window(h, projectileNouns, 0, 6)
			return ok && k > h.s || h.s > 0 && isProjectileBefore(s, h.s)
		}
	case cAttack:
		if h.s > 0 && low[h.s-1] == "to" && !planBefore(low, h.s-1) {
			return false // "trained them to ... publicize attacks"
		}
		if verbalAttack(s, h) {
			return false // "Trump also attacked The Wall Street Journal for refusing to support his plans"
		}
	case cKill:
		if k, ok := s.window(h, mishaps, h.s, 8); ok && !(strings.HasPrefix(low[k], "crash") && hasAny(low, crashingWeapons)) {
			return false // "five people had been killed in the crash": no violence ("a drone crashed into a building" is)
		}
		if animalVictims(s, h) {
			return false // "millions of dogs are killed for their meat"
		}
		if w == "bodies" {
			// "28 bodies were found": people killed, by whom unknown;
			// not "the bodies of 19 soldiers" handed over.
			_, ok := s.window(h, bodiesFound, 0, 8)
			_, exch := s.window(h, bodiesExchanged, 8, 8)
			return ok && !exch && !(h.s > 0 && low[h.s-1] == "the")
		}
		if w == "shot" && len(h.t.words) == 1 && !passive(low, h.s) {
			return false // "a shot", "shot a film": only "was shot" is violence
		}
		if h.s > 0 && low[h.s-1] == "to" && !(h.s > 1 && (low[h.s-2] == "attempt" || low[h.s-2] == "attempted" || low[h.s-2] == "tried" || low[h.s-2] == "plot")) {
			return false
		}
	case cAbduct:
		if w == "hostage" || w == "hostages" {
			// "held several ambassadors hostage", "taken civilians as
			// hostages"; not "hostage talks".
			_, ok := s.window(hit{s: h.s, e: h.s}, holdVerbs, 5, 0)
			return ok
		}
	case cGroup:
		_, ok := s.window(h, groupNouns, 0, 8)
		if !ok {
			return false
		}
		if w == "form" && h.s > 0 && low[h.s-1] != "to" {
			return false
		}
		return true
	case cBase:
		_, ok := s.window(h, baseNouns, 0, 5)
		return ok
	case cLoot:
		if h.t.weak {
			// "sacked two pharmacies", "by burning 11 buses"
			_, ok := s.window(h, propertyNouns, 0, 6)
			return ok
		}
	case cArms:
		if w == "order" && h.s > 0 && low[h.s-1] == "in" {
			return false // "in order to prevent"
		}
		if _, ok := s.window(h, exchangeNouns, 0, 8); ok {
			return false
		}
		k, ok := s.window(h, armsNouns, 3, 10)
		if ok && low[k] == "equipment" && !(k > 0 && (low[k-1] == "military" || low[k-1] == "defence" || low[k-1] == "defense")) && hasAny(low, reliefWords) {
			ok = false // "food supplies, emergency kits and operational equipment": relief, not arms
		}
		if !ok && !(s.prevArms && (w == "commitments" || w == "funding" || w == "pledged" || w == "pledges")) {
			return false
		}
		if w == "funding" || w == "order" || w == "ordered" || w == "committed" {
			return true
		}
		return true
	case cTrain:
		if w == "training" && h.e < len(low) && trainingPlaces[low[h.e]] {
			return false // "the armed forces training center": a place
		}
		if (w == "train" || w == "trains") && h.s > 0 && (low[h.s-1] == "a" || low[h.s-1] == "the" || low[h.s-1] == "this" || railWords[low[h.s-1]] || h.e < len(low) && railWords[low[h.e]]) {
			return false // "a rescue train", "the train was hijacked": the vehicle
		}
		_, ok := s.window(h, trainees, 2, 4)
		return ok
	case cProduce:
		_, ok := s.window(h, armsNouns, 4, 8)
		return ok
	case cExchange:
		_, ok := s.window(h, exchangeNouns, 3, 8)
		if w == "exchange" && !ok {
			// "exchange of fire" is a clash; "the exchange" refers back.
			return h.s > 0 && (low[h.s-1] == "the" || low[h.s-1] == "prisoner")
		}
		return ok
	case cMeet:
		if w == "meetings" {
			return false
		}
		if w == "visit" || w == "visits" || w == "visited" {
			if _, ok := s.window(h, tourists, 3, 0); ok {
				return false // "Chinese tourists visited Vietnam": travel, not a meeting
			}
			if w == "visit" {
				// "arrived in Amman on a visit", "on a previously
				// unannounced visit", "during a three-day state visit"
				for k := max(0, h.s-5); k+1 < h.s; k++ {
					if (low[k] == "on" || low[k] == "during" || low[k] == "for") && (low[k+1] == "a" || low[k+1] == "an" || low[k+1] == "his" || low[k+1] == "her" || low[k+1] == "their") {
						return true
					}
				}
			}
			return h.e < len(low) && capWord(s.toks[h.e].text)
		}
		if w == "welcomed" || w == "welcome" {
			// "gave a warm welcome to South African leader F.W. de
			// Klerk", "welcomed President Macron to the Elysee": a
			// visitor received, not a decision welcomed.
			if w == "welcome" {
				if h.s == 0 || !anyWord(low[max(0, h.s-3):h.s], "a", "warm", "red-carpet") {
					return false
				}
				for k := h.e; k+1 < len(low) && k < h.e+4; k++ {
					if low[k] == "to" {
						return capWord(s.toks[k+1].text)
					}
				}
				return false
			}
			return h.e < len(low) && capWord(s.toks[h.e].text) && !s.upper && (roleWords[low[h.e]] || s.isCapitalised(h.e) && h.e+1 < len(low) && s.isCapitalised(h.e+1))
		}
		if w == "meet" || w == "meets" || w == "met" {
			if h.e >= len(low) || h.s > 0 && (low[h.s-1] == "was" || low[h.s-1] == "were" || low[h.s-1] == "be" || low[h.s-1] == "been") {
				return false // "was met with staggering brutality"
			}
			n := low[h.e]
			if n == "with" && h.e+1 < len(low) && (reactionNouns[low[h.e+1]] || h.e+2 < len(low) && reactionNouns[low[h.e+2]]) {
				return false // "the application met with opposition", "has met with surprising success"
			}
			return n == "with" || n == "on" || n == "in" || n == "at" || capWord(s.toks[h.e].text)
		}
		if w == "talks" && h.s > 0 && (low[h.s-1] == "peace" || low[h.s-1] == "direct") {
			return false // background to an agreement; see cAgree
		}
		if w == "talks" && (h.e < len(low) && (low[h.e] == "about" || low[h.e] == "to") || h.s > 0 && (low[h.s-1] == "it" || low[h.s-1] == "he" || low[h.s-1] == "she" || low[h.s-1] == "who" || low[h.s-1] == "house")) {
			return false // "the White House talks about", "it talks about": speaking
		}
	case cProtest:
		if (w == "demonstration" || w == "protest") && h.e < len(low) && low[h.e] == "of" {
			return false // "a demonstration of our commitment"
		}
		if w == "blocked" && len(h.t.words) == 2 && h.t.words[1] == "the" {
			// "blocked the road to the airport", not "blocked the sale"
			_, ok := s.window(hit{s: h.e, e: h.e}, blockedWays, 0, 4)
			return ok
		}
		if w == "rally" || w == "rallied" {
			_, ok := s.window(h, crowdWords, 3, 5)
			return ok
		}
		if w == "protesters" || w == "demonstrators" || w == "protestors" {
			// "with protesters turning against groups": background.
			_, ok := s.window(h, protestActs, 4, 6)
			return ok
		}
	case cAgree:
		if h.t.weak {
			// A ceasefire talked about is not one agreed: the noun needs
			// a verb of agreeing ("reached a ceasefire", "the truce took
			// effect", "signed an accord").
			_, ok := s.window(h, agreeVerbs, 6, 6)
			if !ok && h.s > 0 && strings.HasSuffix(low[h.s-1], "-brokered") {
				ok = true // "a UN-brokered deal"
			}
			return ok
		}
		if w == "signed" {
			_, ok := s.window(h, signedDocs, 0, 6)
			return ok
		}
		if w == "agreed" || w == "agrees" {
			// "“the danger is not passed yet,” agreed Polat Sayim", "he
			// agreed with Biden's recent remark": speech, not a deal
			for k := max(0, h.s-2); k < h.s; k++ {
				if isQuoteTok(low[k]) {
					return false
				}
			}
			if h.e < len(low) && low[h.e] == "with" {
				if _, ok := s.window(hit{s: h.e, e: h.e + 1}, opinionNouns, 0, 6); ok {
					return false
				}
			}
			return !(h.e < len(low) && low[h.e] == "to" && h.e+1 < len(low) && low[h.e+1] == "send")
		}
	case cClash:
		if h.t.weak {
			// "mounted its invasion", not "Russia's invasion" as background.
			_, ok := s.window(h, offensiveStarts, 4, 0)
			return ok
		}
		if h.s > 0 && wordClashes[low[h.s-1]] {
			return false // "the Oval Office clash", "a heated clash": words, not arms
		}
		if k := h.e; k+1 < len(low) && low[k] == "for" {
			if k+2 < len(low) && (low[k+1] == "their" || low[k+1] == "its" || low[k+1] == "his" || low[k+1] == "her" || low[k+1] == "our") {
				k++
			}
			if causes[low[k+1]] {
				return false // "fighting for their freedom": a cause, not a fight
			}
		}
	case cRecapture, cWithdraw:
		// "regained control over his health" is no territory.
		return territoryAhead(s, h)
	case cCapture:
		if !territoryAhead(s, h) {
			return false
		}
		if w == "seized" {
			_, ok := s.window(h, capturedPlaces, 0, 5)
			return ok
		}
	}
	return true
}

func isProjectileBefore(s *sentence, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if projectileNouns[s.low[k]] {
			return true
		}
	}
	return false
}

func planBefore(low []string, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if planCues[low[k]] || low[k] == "vowed" || low[k] == "threatened" {
			return true
		}
	}
	return false
}

// reconcile decides which triggers of a sentence make events: one event per
// class, killings folded into the attack that caused them, training and
// exchanges winning over the words they contain.
func reconcile(s *sentence, hits []hit) []hit {
	has := map[class]bool{}
	for _, h := range hits {
		has[h.t.class] = true
	}
	violent := has[cStrike] || has[cShell] || has[cExplosive] || has[cSuicide] || has[cAttack]
	// An arms transfer is told by its strongest verb: a delivery that is
	// reprioritised is diverted.
	best := -1
	for i, h := range hits {
		if h.t.class == cArms && (best < 0 || statusRank(h.t.status) > statusRank(hits[best].t.status)) {
			best = i
		}
	}
	if best >= 0 {
		for i := range hits {
			if hits[i].t.class == cArms && i != best {
				hits[i].t.class = cNone
			}
		}
	}
	var out []hit
	seen := map[class]bool{}
	for _, h := range hits {
		c := h.t.class
		if c == cNone {
			continue
		}
		switch {
		case has[cTrain] && (c == cStrike || c == cShell || c == cExplosive || c == cAttack || c == cKill):
			continue
		case c == cKill && (violent || has[cIntercept] || has[cClash]):
			continue
		case c == cArms && (has[cExchange] || has[cProduce]):
			continue
		case c == cAttack && (has[cStrike] || has[cShell] || has[cExplosive] || has[cSuicide]):
			continue
		case c == cAttack && has[cClash] && h.t.noun && (s.low[h.s] == "gunfire" || s.low[h.s] == "shooting"):
			continue // "sporadic gunfire as militants are still fighting with the security forces": the clash's
		case (c == cStrike || c == cShell) && has[cExplosive] && !weaponOf(s, c):
			continue
		case c == cStrike && h.t.weak && has[cIntercept] && !strikeClauseApart(s, hits):
			continue
		case c == cGroup && has[cTrain]:
			continue
		case c == cAgree && has[cExchange]:
			continue
		case c == cClash && has[cExchange]:
			continue
		case c == cMeet && has[cAgree]:
			continue
		case c == cStrike && has[cShell] && !weaponOf(s, cStrike):
			continue
		case c == cShell && has[cStrike] && weaponOf(s, cStrike):
			continue
		}
		if seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, h)
	}
	return out
}

// weaponOf reports whether the sentence names a weapon of class c.
func weaponOf(s *sentence, c class) bool {
	for _, w := range s.low {
		if wc, ok := weaponHeads[w]; ok && wc == c {
			return true
		}
	}
	return false
}

// strikeClauseApart reports whether a launch and an interception are told
// as two things ("launched 64 drones; 50 were shot down").
func strikeClauseApart(s *sentence, hits []hit) bool {
	var ls, is = -1, -1
	for _, h := range hits {
		if h.t.class == cStrike && ls < 0 {
			ls = h.s
		}
		if h.t.class == cIntercept && is < 0 {
			is = h.s
		}
	}
	if ls < 0 || is < 0 {
		return false
	}
	for k := min(ls, is); k < max(ls, is); k++ {
		if s.low[k] == "," || s.low[k] == ";" || s.low[k] == "of" && k+1 < len(s.low) && s.low[k+1] == "which" {
			return true
		}
	}
	return false
}

// seg is the part of a sentence one event is read from.
type seg struct{ s, e int }

// segments splits a sentence whose trigger governs a list of targets with
// dates of their own ("attacks against X this month, Y in April and Z in
// January") into one part per target.
func segments(s *sentence, h hit) []seg {
	whole := []seg{{0, len(s.low)}}
	switch h.t.class {
	case cAttack, cStrike, cShell, cExplosive:
	default:
		return whole
	}
	var ends []int
	for _, t := range s.times {
		if t.s > h.e && !t.speech {
			ends = append(ends, t.e)
		}
	}
	if len(ends) < 2 {
		return whole
	}
	var out []seg
	start := h.e
	for _, e := range ends {
		// Each part must name its own target or place ("Erbil
		// International Airport in April"), not only a date ("from 88 in
		// 2023 to 388 in 2024").
		// Text in capitals names nothing by its case, so it is not split.
		named := false
		for k := start; k < e && !s.upper; k++ {
			if capWord(s.toks[k].text) && !s.timeToken(k) {
				named = true
			}
		}
		if !named {
			return whole
		}
		out = append(out, seg{start, e})
		start = e
	}
	return out
}

// build reads one event for trigger h from part g of sentence s.
func build(a *news.Article, s *sentence, h hit, g seg, pub time.Time) *cand {
	c := &cand{class: h.t.class, sent: s.idx, last: s.idx, pub: pub}
	c.anaphor, c.anaName = isAnaphor(s, h)
	for k := 0; k+1 < len(s.low); k++ {
		if (s.low[k] == "the" || s.low[k] == "this" || s.low[k] == "these") && (s.low[k+1] == "systems" || s.low[k+1] == "weapons" || s.low[k+1] == "delivery" || s.low[k+1] == "deliveries" || s.low[k+1] == "order" || s.low[k+1] == "delay" || s.low[k+1] == "patriots") {
			c.defArms = true
		}
	}
	ev := &c.ev
	ev.Evidence = news.TextSpan{Text: s.text, Start: s.span.Start, End: s.span.End}
	weapon := findWeapon(s)
	sub := subtype(s, h, weapon)
	switch h.t.class {
	case cTrain, cGroup, cMeet, cAgree, cExchange, cArrest, cProtest:
	default:
		ev.Weapon = weapon
	}
	if sub == "" {
		return nil
	}
	ev.Subtype = sub
	ev.Type = TypeOf(sub)
	ev.Status = armsStatus(s, h)
	assignActors(s, h, g, c)
	if ev.Subtype == SubArmedClash && h.t.class == cClash && (ev.Actor1 != nil && (ev.Actor1.Kind == news.KindProtesters || ev.Actor1.Kind == news.KindRioters) || anyWord(s.low[:h.s], "protesters", "demonstrators", "rioters", "protestors")) {
		// "Protesters clash with security forces": a violent demonstration.
		ev.Subtype, ev.Type = SubViolentDemo, TypeRiots
	}
	if ev.Subtype == SubAttack && h.t.class == cKill && (armedActor(ev.Actor1) && (armedVictims(ev) || killsInsurgents(s, h)) || ev.Actor2 != nil && ev.Actor2.ID == "" && nonStateArmed(ev.Actor2)) {
		// "Soldiers shot dead two militants", "16 terrorists had been
		// killed": fighting between armed men, not violence against
		// civilians.
		ev.Subtype, ev.Type = SubArmedClash, TypeBattles
	}
	if ev.Subtype == SubAbduction && ev.Actor2 != nil && ev.Actor2.ID == "" && nonStateArmed(ev.Actor2) {
		// "held hostage ... as the military killed 33 terrorists": armed
		// men named after an abduction are not its hostages.
		ev.Actor2 = nil
	}
	if ev.Subtype == SubArmedClash && h.t.class == cAttack && !armedTarget(s, ev.Actor2) {
		// An attack on anyone but armed forces is an attack, not a clash.
		ev.Subtype, ev.Type = SubAttack, TypeVAC
	}
	if h.t.class != cArms {
		// Where an arms transfer "happens" is not what the sentence's
		// places say ("allies in Europe").
		ev.Place = findPlace(s, h, g)
	}
	future := isFuture(s, h)
	ev.Date = pickDate(s, h, g, pub, future)
	ev.Figures = findFigures(s, h, c)
	if len(s.sources) > 0 {
		// Who gave the figures, as the sentence says; the attribution
		// stage's finer answer replaces it in finish.
		for i := range ev.Figures {
			ev.Figures[i].Source = s.sources[0].Text
		}
	}
	ev.Modality = modality(s, h, c, future)
	c.srcs = append(c.srcs, sourcesFor(a, s)...)
	c.spans = append(c.spans, s.span)
	// A vague mention on its own ("a series of attacks against the United
	// States", "widen its strikes") is not an event an analyst would code.
	if (h.t.class == cAttack || h.t.class == cStrike) && h.t.noun && !c.anaphor && isPluralVague(s, h) &&
		ev.Date == nil && len(ev.Figures) == 0 && weaponClass(ev.Weapon) == cNone {
		return nil
	}
	// "somebody who has been arrested", "anyone can be attacked": no one
	// in particular, no event.
	if indefiniteSubject(s.low, h.s) {
		return nil
	}
	// Nothing about who, where, when or how many: a mention in passing
	// ("the dangers of kidnapping", "no room for further negotiations").
	if !c.anaphor && !c.bare && (h.t.weak || h.t.noun) && ev.Actor1 == nil && ev.Actor2 == nil && ev.Place == nil && ev.Date == nil && len(ev.Figures) == 0 && len(ev.Roles) == 0 {
		return nil
	}
	namedVictim := h.e+1 < len(s.low) && s.low[h.e] == "of" && capWord(s.toks[h.e+1].text)
	// "He was killed", "a U.S. citizen was shot": the subject is the
	// victim even when it names no actor.
	victimSubject := h.t.class == cKill && passive(s.low, h.s)
	// "attacked a passenger train": the civilians are named by what they
	// are, not as an actor.
	civilianTarget := h.t.class == cAttack && !h.t.noun && targetsCivilians(s)
	if sub == SubAttack && ev.Actor2 == nil && ev.Weapon == "" && len(ev.Figures) == 0 && !c.anaphor && !namedVictim && !victimSubject && !civilianTarget {
		return nil
	}
	return c
}

func isPluralVague(s *sentence, h hit) bool {
	w := s.low[h.e-1]
	return strings.HasSuffix(w, "s")
}

// isAnaphor reports whether a noun trigger refers back ("those attacks",
// "the assault", "the Erbil attack", "The exchange"), and the name that
// says which event when there is one.
func isAnaphor(s *sentence, h hit) (bool, string) {
	if !h.t.noun || h.s == 0 {
		return false, ""
	}
	k := h.s - 1
	name := ""
	for k > 0 && (isModifier(s.low[k]) || capWord(s.toks[k].text)) {
		if capWord(s.toks[k].text) {
			name = s.toks[k].text
		}
		k--
	}
	switch s.low[k] {
	case "those", "these", "the", "this", "that", "such":
		return true, name
	}
	return false, ""
}

// mergeable reports whether a candidate may be the continuation of an
// event in the previous sentences even without an anaphor.
func mergeable(c *cand) bool {
	switch c.class {
	case cIntercept, cExchange, cMeet, cArms:
		return true
	}
	return false
}

// subtype decides the sub-type of an event from its trigger, its weapon and
// its sentence.
func subtype(s *sentence, h hit, weapon string) string {
	wc := weaponClass(weapon)
	switch h.t.class {
	case cStrike, cShell, cAttack, cKill:
		if hasWord(s.low, "chemical") || hasWord(s.low, "chlorine") || hasWord(s.low, "sarin") {
			return SubChemical
		}
		if h.t.class == cShell && !droneWeapon(weapon) {
			return SubShelling
		}
		// "bombing", "bombed" without aircraft: a planted bomb.
		if h.t.class == cStrike && strings.HasPrefix(s.low[h.s], "bomb") && !droneWeapon(weapon) &&
			!anyWord(s.low, "aircraft", "warplanes", "jets", "planes", "air", "helicopters", "bombers", "airstrike", "airstrikes") {
			return SubIED
		}
		switch wc {
		case cStrike:
			return SubAirDrone
		case cShell:
			if h.t.class == cStrike && (s.low[h.s] == "airstrike" || s.low[h.s] == "airstrikes" || s.low[h.s] == "air") {
				return SubAirDrone
			}
			return SubShelling
		case cExplosive:
			if h.t.class == cStrike && anyWord(s.low, "aircraft", "warplanes", "planes", "helicopters", "bombers", "jets") {
				return SubAirDrone // "bomb strikes ... by Salvadoran aircraft"
			}
			return SubIED
		case cAttack:
			return SubGrenade
		}
		switch {
		case h.t.class == cStrike && h.t.weak:
			// "fired", "launched" without a named weapon: projectiles.
			return SubShelling
		case h.t.class == cStrike:
			return SubAirDrone
		case h.t.class == cShell:
			return SubShelling
		}
		// An attack or killing without a weapon: by its target.
		if targetsCivilians(s) {
			return SubAttack
		}
		if h.t.class == cAttack && !h.t.noun {
			return SubArmedClash
		}
		if h.t.class == cKill {
			return SubAttack
		}
		return SubAttack
	case cExplosive:
		if hasWord(s.low, "suicide") {
			return SubSuicide
		}
		return SubIED
	case cSuicide:
		return SubSuicide
	case cIntercept:
		return SubDisrupted
	case cClash:
		return SubArmedClash
	case cCapture:
		if nonState(s) {
			return SubNSAOvertake
		}
		return SubArmedClash
	case cRecapture:
		if nonState(s) {
			return SubNSAOvertake
		}
		return SubGovRegains
	case cWithdraw:
		return SubTransfer
	case cAbduct:
		return SubAbduction
	case cSexual:
		return SubSexual
	case cArrest:
		return SubArrests
	case cProtest:
		// What happened to the protest, in its own clause ("where 24
		// people were killed in riots last March" is another event).
		cl := clause(s, h)
		switch {
		case anyWord(cl, "killed", "shot", "live", "killing"):
			return SubExcessive
		case anyWord(cl, "tear", "dispersed", "arrested", "detained", "water", "batons", "cannon"):
			return SubIntervened
		case anyWord(cl, "torched", "stones", "smashed", "rioted", "clashed", "burned"):
			return SubViolentDemo
		}
		return SubPeaceful
	case cRiot:
		return SubViolentDemo
	case cMob:
		return SubMob
	case cAgree:
		return SubAgreement
	case cGroup:
		return SubGroup
	case cBase:
		return SubBase
	case cLoot:
		return SubLooting
	case cArms:
		return SubArms
	case cTrain:
		return SubTraining
	case cProduce:
		return SubProduction
	case cExchange:
		return SubExchange
	case cMeet:
		return SubMeeting
	}
	return ""
}

func hasWord(low []string, w string) bool {
	for _, x := range low {
		if x == w {
			return true
		}
	}
	return false
}

// hasAny reports whether any token of low is in words.
func hasAny(low []string, words map[string]bool) bool {
	for _, w := range low {
		if words[w] {
			return true
		}
	}
	return false
}

func anyWord(low []string, ws ...string) bool {
	for _, w := range ws {
		if hasWord(low, w) {
			return true
		}
	}
	return false
}

func targetsCivilians(s *sentence) bool {
	return anyWord(s.low, "civilians", "civilian", "villagers", "residents", "worshippers", "children", "women", "passengers", "farmers", "journalist", "journalists",
		"refugees", "detainees", "prisoners", "students", "pilgrims", "migrants", "immigrants", "prisoner", "detainee",
		"passenger", "commuters", "shoppers", "motorists", "travellers", "travelers", "mourners", "worshipers", "patients", "teachers")
}

// droneWeapon reports whether a weapon phrase names drones or aircraft.
func droneWeapon(w string) bool {
	l := strings.ToLower(w)
	return strings.Contains(l, "drone") || strings.Contains(l, "uav") || strings.Contains(l, "shahed") || strings.Contains(l, "warplane") || strings.Contains(l, "aircraft")
}

func nonState(s *sentence) bool {
	for i := range s.actors {
		if nonStateArmed(&s.actors[i].ref) {
			return true
		}
	}
	return false
}

func weaponClass(weapon string) class {
	if weapon == "" {
		return cNone
	}
	low := strings.ToLower(weapon)
	best := cNone
	for _, w := range strings.FieldsFunc(low, func(r rune) bool { return r == ' ' || r == ',' }) {
		if c, ok := weaponHeads[w]; ok && c != cNone {
			if c == cStrike {
				return cStrike // a drone carrying a missile is a drone strike
			}
			if best == cNone {
				best = c
			}
		}
	}
	return best
}

// findWeapon returns the weapon phrase of the sentence: the weapon head
// with its modifiers and named systems ("Shahed and decoy drones", "drones
// laden with explosives", "Iskander-M ballistic missiles").
func findWeapon(s *sentence) string {
	for i, w := range s.low {
		if _, ok := weaponHeads[w]; !ok {
			continue
		}
		if w == "systems" || w == "equipment" || w == "weapons" || w == "arms" || w == "weaponry" {
			// Generic unless a name comes before ("Patriot systems").
			if i == 0 || !capWord(s.toks[i-1].text) && s.toks[i-1].text != strings.ToUpper(s.toks[i-1].text) {
				continue
			}
		}
		if (w == "mine" || w == "mines" || w == "bomb" || w == "bombs") && i > 0 && s.low[i-1] == "to" {
			continue
		}
		if (w == "bombs" || w == "rockets" || w == "drones") && i > 0 && (s.low[i-1] == "plant" || s.low[i-1] == "fly" || s.low[i-1] == "fire") {
			continue // skills in a training report
		}
		if aircraftTarget(s, i) {
			continue // "an attack against a helicopter": the target
		}
		if (w == "bombers" || w == "bomber") && i > 0 && s.low[i-1] == "suicide" {
			continue // people, not aircraft
		}
		// Extend left over modifiers and named systems, and right over
		// "laden with explosives", "systems".
		b := i
		for b > 0 && weaponModifier(s, b-1) {
			b--
		}
		e := i + 1
		for e < len(s.low) {
			if s.low[e] == "and" || s.low[e] == "or" {
				k := e + 1
				for k < len(s.low) && weaponModifier(s, k) && !isHead(s.low[k]) {
					k++
				}
				if k < len(s.low) && isHead(s.low[k]) {
					e = k + 1
					continue
				}
				break
			}
			if s.low[e] == "systems" || s.low[e] == "strike" || s.low[e] == "system" {
				e++
				continue
			}
			// "Iskander-M ballistic missiles", "Katyusha rockets"
			k := e
			for k < len(s.low) && k < e+3 && isWeaponAdj(s.low[k]) {
				k++
			}
			if k < len(s.low) && isHead(s.low[k]) && weaponHeads[s.low[k]] != cNone {
				e = k + 1
				continue
			}
			if e+2 < len(s.low) && (s.low[e] == "laden" || s.low[e] == "packed" || s.low[e] == "loaded" || s.low[e] == "armed") && s.low[e+1] == "with" {
				e += 3
				continue
			}
			break
		}
		// Drop a leading demonym ("Ukrainian drones" names the drones'
		// owner, who is an actor).
		for b < i && isDemonymTok(s, b) {
			b++
		}
		txt := s.text[s.toks[b].start-s.span.Start : s.toks[e-1].end-s.span.Start]
		return strings.TrimSuffix(txt, " strike")
	}
	return ""
}

func weaponModifier(s *sentence, k int) bool {
	w := s.low[k]
	switch w {
	case "and", "or":
		return k > 0 && (weaponModifier(s, k-1) || !s.upper && capWord(s.toks[k-1].text))
	case "ballistic", "cruise", "decoy", "armed", "attack", "kamikaze", "suicide", "long-range",
		"short-range", "guided", "hypersonic", "air", "defense", "defence", "anti-aircraft", "anti-tank",
		"surface-to-air", "explosive-laden", "explosive", "improvised", "roadside", "car", "katyusha", "grad",
		"shahed", "iskander", "iskander-m", "patriot", "himars", "atacms", "storm", "shadow", "us-made",
		"russian-made", "iranian-made", "american-made", "heavy", "mortar", "artillery", "drone", "rocket", "missile":
		return true
	}
	t := s.toks[k].text
	// Named systems: capitalised words right before ("Shahed", "Patriot").
	// Not the sentence's first word, which is capitalised anyway, nor
	// anything in text written in capitals.
	return !s.upper && capWord(t) && !isDemonymTok(s, k) && !notNames[w] && k > 0
}

func isDemonymTok(s *sentence, k int) bool {
	for _, at := range s.actors {
		if at.s == k && at.e == k+1 && at.ref.Kind == news.KindState {
			return true
		}
	}
	return false
}

// armsStatus maps an arms transfer's verb to its status.
func armsStatus(s *sentence, h hit) string {
	if h.t.class != cArms {
		return ""
	}
	st := h.t.status
	// Stronger statuses elsewhere in the sentence win: a delivery that is
	// being diverted is diverted.
	for i, w := range s.low {
		if i >= h.s && i < h.e {
			continue
		}
		for _, t := range triggers[w] {
			if t.class == cArms && hasSeq(s.low, i, t.words) && statusRank(t.status) > statusRank(st) {
				st = t.status
			}
		}
	}
	if st == "in delivery" && (anyWord(s.low, "will", "would", "plan", "plans") || hasWord(s.low, "agreed")) {
		st = "pledged"
	}
	if st == "in delivery" && anyWord(s.low, "delivered", "arrived") {
		st = "delivered"
	}
	return st
}

func statusRank(st string) int {
	switch st {
	case "diverted":
		return 7
	case "cancelled":
		return 6
	case "delayed":
		return 5
	case "delivered":
		return 4
	case "in delivery":
		return 3
	case "approved":
		return 2
	case "pledged":
		return 1
	}
	return 0
}

// isFuture reports whether the trigger's clause is about the future.
func isFuture(s *sentence, h hit) bool {
	// "hopes to resolve the pause in aid during talks Tuesday", "will join
	// the national security adviser for the Jeddah talks": the clause
	// looks ahead.
ahead:
	for k := h.s - 1; k >= 0 && k >= h.s-12; k-- {
		switch s.low[k] {
		case "hopes", "hope", "hoped", "expects", "expect":
			if s.low[k+1] == "to" {
				return true
			}
		case "will", "'ll", "shall":
			return true
		case "that", "said", "says", ";", ".", "after", "since", "because":
			break ahead
		}
	}
	for k := max(0, h.s-6); k < h.s; k++ {
		switch s.low[k] {
		case "will", "'ll", "shall", "would", "plans", "planned", "plan", "scheduled", "aims", "intends", "expected":
			return true
		case "to":
			if k > 0 && (s.low[k-1] == "set" || s.low[k-1] == "going" || s.low[k-1] == "due") {
				return true
			}
		}
	}
	return false
}

// pickDate resolves the event's date: the time expression of its own part
// of the sentence nearest the trigger, not the date of the statement.
func pickDate(s *sentence, h hit, g seg, pub time.Time, future bool) *news.TimeRef {
	var own []timeAt
	gap := s.srcGap
	inGap := func(a, b int) bool { return gap[1] > 0 && a >= gap[0] && b <= gap[1] }
	for _, t := range s.times {
		if t.speech || t.s < g.s || t.e > g.e || inGap(t.s, t.e) != inGap(h.s, h.e) {
			continue
		}
		own = append(own, t)
	}
	if len(own) == 0 {
		return nil
	}
	best := own[0]
	if future {
		for _, t := range own {
			if l := strings.ToLower(t.m.Text); strings.HasPrefix(l, "within") || strings.HasPrefix(l, "by ") {
				best = t
				own = []timeAt{t}
				break
			}
		}
	}
	dist := func(t timeAt) int {
		if t.s >= h.e {
			return t.s - h.e
		}
		return h.s - t.e + 1
	}
	for _, t := range own[1:] {
		if dist(t) < dist(best) {
			best = t
		}
	}
	r, ok := timex.Resolve(best.m.Text, pub, future)
	if !ok {
		return nil
	}
	// "begin in 2027 and be completed in 2028": one range.
	if len(own) == 2 && r.Precision == news.DateYear && r.End == "" {
		r2, ok2 := timex.Resolve(own[1].m.Text, pub, future)
		r1, _ := timex.Resolve(own[0].m.Text, pub, future)
		if ok2 && r2.Precision == news.DateYear && r1.Value < r2.Value && between(s.low, own[0].e, own[1].s, "and") {
			r = r1
			r.End = r2.Value
			r.Text = s.text[s.toks[own[0].s].start-s.span.Start : s.toks[own[1].e-1].end-s.span.Start]
		}
	}
	return &r
}

func between(low []string, a, b int, w string) bool {
	for k := a; k < b && k < len(low); k++ {
		if low[k] == w {
			return true
		}
	}
	return false
}

// modality decides how the article holds the event.
func modality(s *sentence, h hit, c *cand, future bool) string {
	low := s.low
	// Negation right before the trigger: "did not attack", "no attacks".
	for k := max(0, h.s-3); k < h.s; k++ {
		if negCues[low[k]] && !(low[k] == "no" && k+1 < len(low) && low[k+1] == "longer") {
			if low[k] == "no" && h.t.class != cAttack && h.t.class != cStrike {
				continue
			}
			return news.ModNegated
		}
	}
	if negatedSubject(low, h.s) {
		return news.ModNegated
	}
	// "Obama's failure to sell U.S. Patriot missiles to Turkey", "refused
	// to meet"
	if h.s >= 2 && low[h.s-1] == "to" && (low[h.s-2] == "failure" || low[h.s-2] == "failed" || low[h.s-2] == "refused" || low[h.s-2] == "refusal" || low[h.s-2] == "declined") {
		return news.ModNegated
	}
	// "There was no sign of the ship being intercepted"
	for k := max(0, h.s-8); k+2 < h.s; k++ {
		if low[k] == "no" && (low[k+1] == "sign" || low[k+1] == "evidence" || low[k+1] == "indication") && (low[k+2] == "of" || low[k+2] == "that") {
			return news.ModNegated
		}
	}
	for k := 0; k < len(low); k++ {
		if denyCues[low[k]] {
			return news.ModDenied
		}
	}
	if future || planBefore(low, h.s) || within(low) && (h.t.class == cProduce || h.t.class == cArms) {
		return news.ModPlanned
	}
	// A condition: "in case such a ceasefire is not agreed", "if the
	// attack goes ahead", "at risk of interception", or a habit: "where
	// rebels pass through when attacked by government troops".
	for k := max(0, h.s-5); k < h.s; k++ {
		if low[k] == "if" || low[k] == "unless" || low[k] == "whenever" || low[k] == "whether" || low[k] == "case" && k > 0 && low[k-1] == "in" || low[k] == "risk" && low[k+1] == "of" {
			return news.ModPossible
		}
	}
	if h.s > 0 && low[h.s-1] == "when" && !h.t.noun && strings.HasSuffix(low[h.s], "ed") {
		return news.ModPossible
	}
	for k := max(0, h.s-4); k < h.s; k++ {
		// "you can be killed", "militias can attack at any time",
		// "children can still be attacked"
		if low[k] != "can" {
			continue
		}
		j := k + 1
		for j < h.s && (low[j] == "still" || low[j] == "also" || low[j] == "easily" || strings.HasSuffix(low[j], "ly")) {
			j++
		}
		if j == h.s || low[j] == "be" && j+1 == h.s {
			return news.ModPossible
		}
	}
	for k := max(0, h.s-4); k < h.s; k++ {
		if possibleCues[low[k]] {
			if low[k] == "could" && k+1 < len(low) && low[k+1] == "not" {
				continue
			}
			return news.ModPossible
		}
	}
	if c.historical() || backgroundClause(s, h) || c.ev.Date == nil && genericMention(low, h) {
		return news.ModHistorical
	}
	for k := 0; k < len(low); k++ {
		if claimCues[low[k]] && !(k+2 < len(low) && low[k+1] == "of" && low[k+2] == "responsibility") {
			return news.ModClaimed
		}
	}
	return news.ModReported
}

func within(low []string) bool {
	return hasWord(low, "within")
}

// historical reports whether the event is background, not news of the
// day: dated more than a year before publication, or a violent event of
// an earlier calendar year.
func (c *cand) historical() bool {
	d := c.ev.Date
	if d == nil || c.pub.IsZero() {
		return false
	}
	end := d.Value
	if d.End != "" {
		end = d.End
		// A count over a long past period ("since 2009", "in the last
		// 15 months") sums many events: background, not one event of
		// now. (A planned span, "2027-2028", is no such count.)
		if months(end)-months(d.Value) >= 2 && months(end) <= c.pub.Year()*12+int(c.pub.Month())-1 {
			return true
		}
	}
	y := c.pub.Year()
	endYear := atoi4(end)
	if endYear == 0 {
		return false
	}
	if endYear < y-1 {
		return true
	}
	if endYear < y {
		switch c.ev.Type {
		case TypeBattles, TypeRemote, TypeVAC, TypeProtests, TypeRiots:
			return true
		}
	}
	return false
}

// months counts the months from year 0 to a date value (YYYY, YYYY-MM or
// YYYY-MM-DD; a bare year counts as its January), 0 when it has no year.
func months(v string) int {
	y := atoi4(v)
	if y == 0 {
		return 0
	}
	m := 1
	if len(v) >= 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '9' && v[6] >= '0' && v[6] <= '9' {
		m = int(v[5]-'0')*10 + int(v[6]-'0')
	}
	return y*12 + m - 1
}

func atoi4(s string) int {
	if len(s) < 4 {
		return 0
	}
	n := 0
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// sourcesFor returns who says what the sentence reports: the attribution
// stage's sources whose content covers the sentence, or the reporting
// clause found in the sentence itself.
func sourcesFor(a *news.Article, s *sentence) []news.Source {
	out := attribution.Sources(s.claims, s.span)
	for i := range out {
		if out[i].Actor != nil {
			continue
		}
		// "the country's defense ministry": the sentence knows whose
		// ministry it is.
		for _, l := range s.sources {
			if l.Actor != nil && l.Start < out[i].End && out[i].Start < l.End && sameMention(out[i].Text, l.Text) {
				out[i].Actor = l.Actor
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, src := range s.sources {
		switch strings.ToLower(src.Text) {
		case "he", "she", "they", "it", "we", "i":
			continue // a pronoun; the attribution stage resolves these
		}
		out = append(out, src)
	}
	return out
}

// caveatOn returns the cue of a caveat whose content, the claim the
// report could not verify, lies in the event's evidence sentence.
func caveatOn(a *news.Article, c *cand) string {
	ev := c.ev.Evidence
	for _, at := range a.Attributions {
		if at.Relation == attribution.RelCaveat && at.Content.Start < ev.End && ev.Start < at.Content.End {
			return at.Cue.Text
		}
	}
	return ""
}

// sameMention reports whether a claim's source and a reporting clause's
// source name the same speaker: one holds the other, or they share their
// head ("Russia’s defense ministry", "the country's defense ministry"),
// so that in "The Iraqi security officials and the Western sources said"
// the Western sources do not become Iraqi, and "pro-Iranian" commanders
// are not Iran.
func sameMention(claim, clause string) bool {
	a, b := strings.ToLower(claim), strings.ToLower(clause)
	if strings.Contains(a, "pro-") != strings.Contains(b, "pro-") {
		return false
	}
	// a list ("the Iraqi security officials and the Western sources") is
	// its first member's: the side the clause gives is that one's
	if i := strings.Index(b, " and "); i > 0 {
		b = b[:i]
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	// the same head: "Russia’s defense ministry", "the country's defense
	// ministry"
	if strings.Contains(a, " and ") {
		return false
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	return len(fa) > 0 && len(fb) > 0 && strings.TrimSuffix(fa[len(fa)-1], "s") == strings.TrimSuffix(fb[len(fb)-1], "s")
}

// finish completes an event: quantities from figures, sources and
// corroboration, and empty collections as the JSON contract wants them.
// cl is claims(a.Attributions).
func (c *cand) finish(a *news.Article, cl []news.Attribution) news.Event {
	ev := c.ev
	ev.Quantities = quantities(a.Text, ev.Figures)
	ev.Sources = eventSources(a, c, cl)
	if ev.Sources == nil {
		ev.Sources = []news.Source{}
	}
	// Figures name who gave them: the attribution whose content holds
	// the figure.
	for i := range ev.Figures {
		for _, at := range cl {
			if at.Relation != "no comment" && at.Content.Start <= ev.Figures[i].Start && ev.Figures[i].End <= at.Content.End {
				ev.Figures[i].Source = at.Source.Text
			}
		}
	}
	ev.Corroboration = Corroboration(ev.Sources)
	ev.Caveat = caveatOn(a, c)
	ev.Mentions = otherMentions(a.Text, ev.Evidence, c.spans)
	if ev.AssocActors == nil {
		ev.AssocActors = []news.ActorRef{}
	}
	// Claimed: a party to the conflict speaks of its own action, and no
	// source of the other side confirms it.
	if ev.Modality == news.ModReported && ev.Actor1 != nil && ev.Actor1.Country != "" {
		own, other := false, false
		for _, src := range ev.Sources {
			if src.Actor == nil || !src.Actor.IsParty() || strings.Contains(strings.ToLower(src.Text), "pro-") {
				// "pro-Iranian militia commanders" are not Iran's voice.
				continue
			}
			if sameSide(src.Actor, ev.Actor1) {
				own = true
			} else if ev.Actor2 != nil && src.Actor.Country == ev.Actor2.Country {
				other = true
			}
		}
		if own && !other {
			ev.Modality = news.ModClaimed
		}
	}
	ev.ID = news.ContentID(a.ID + "\x00" + ev.Subtype + "\x00" + itoa(ev.Evidence.Start) + "\x00" + dateKey(ev.Date) + placeKey(ev.Place))
	return ev
}

// otherMentions returns the sentences spans cover other than the evidence's,
// each once, in text order.
func otherMentions(text string, evidence news.TextSpan, spans []news.Span) []news.TextSpan {
	var out []news.TextSpan
	for _, sp := range spans {
		if sp.Start < evidence.End && evidence.Start < sp.End || sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		if slices.ContainsFunc(out, func(m news.TextSpan) bool { return m.Start == sp.Start }) {
			continue
		}
		out = append(out, news.TextSpan{Text: text[sp.Start:sp.End], Start: sp.Start, End: sp.End})
	}
	slices.SortFunc(out, func(a, b news.TextSpan) int { return a.Start - b.Start })
	return out
}

// sameSide reports whether source actor src speaks for actor a: the same
// actor, or both the state's side (government, forces, the state, an
// office holder) of one country. Somalia's security forces do not speak
// for al-Shabaab, though both are Somali.
func sameSide(src, a *news.ActorRef) bool {
	if src.Name == a.Name {
		return true
	}
	return src.Country == a.Country && stateSide(src.Kind) && stateSide(a.Kind)
}

func stateSide(kind string) bool {
	switch kind {
	case news.KindStateForces, news.KindGovernment, news.KindState, news.KindPerson, news.KindExternal:
		return true
	}
	return false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func dateKey(d *news.TimeRef) string {
	if d == nil {
		return ""
	}
	return d.Value + d.End
}

func placeKey(p *news.Place) string {
	if p == nil {
		return ""
	}
	return p.Name
}

// isHead reports whether w is a weapon head noun.
func isHead(w string) bool {
	_, ok := weaponHeads[w]
	return ok
}

// isWeaponAdj reports whether w describes a weapon ("ballistic").
func isWeaponAdj(w string) bool {
	switch w {
	case "ballistic", "cruise", "decoy", "armed", "attack", "kamikaze", "guided", "hypersonic",
		"long-range", "short-range", "air-to-surface", "surface-to-air", "anti-aircraft", "anti-tank":
		return true
	}
	return false
}

// nearbyClass reports whether an event of c's class was told in the two
// sentences before c.
func nearbyClass(cands []*cand, c *cand) bool {
	for _, d := range cands {
		if !d.dropped && compatibleClass(d.class, c.class) && c.sent-d.last <= 2 && c.sent > d.sent {
			return true
		}
	}
	return false
}

// clause returns the words of the trigger's clause: from the sentence
// start to the first "where", "which", "who" or semicolon after it.
func clause(s *sentence, h hit) []string {
	e := h.e
	for e < len(s.low) && s.low[e] != "where" && s.low[e] != "which" && s.low[e] != "who" && s.low[e] != ";" {
		e++
	}
	return s.low[:e]
}

// armedTarget reports whether an attack's target is armed: an armed actor,
// or troops, police or a military post named in the sentence.
func armedTarget(s *sentence, a2 *news.ActorRef) bool {
	if a2 != nil {
		switch a2.Kind {
		case news.KindStateForces, news.KindRebels, news.KindPolMilitia, news.KindIdMilitia, news.KindUnknownArmed, news.KindExternal, news.KindState:
			return true
		}
	}
	return anyWord(s.low, "troops", "soldiers", "army", "patrol", "police", "policemen", "garrison", "base",
		"barracks", "military", "checkpoint", "convoy", "forces", "guerrillas", "rebels", "militants", "positions", "outpost")
}

// agreeVerbs make an agreement noun an event.
var agreeVerbs = set("signed", "reached", "struck", "agreed", "brokered", "accepted", "concluded", "sealed",
	"took", "went", "came", "holding", "declared", "announced", "signing", "clinched", "finalised", "finalized")

// territoryNouns name what can be captured.
var territoryNouns = set("town", "towns", "village", "villages", "city", "cities", "territory", "area", "areas",
	"district", "districts", "region", "province", "positions", "position", "base", "bases", "airport",
	"hill", "border", "crossing", "port", "settlement", "settlements", "stronghold", "capital", "outpost")

// territoryAhead reports whether a place follows a capture verb: a
// territory noun or a capitalised name within a few words.
func territoryAhead(s *sentence, h hit) bool {
	for k := h.e; k < len(s.low) && k < h.e+6; k++ {
		if notTerritory[s.low[k]] {
			return false // "withdrew from ECOWAS", "pulled out of the deal", "ceded to a full democracy"
		}
		if territoryNouns[s.low[k]] || capWord(s.toks[k].text) && !demonyms[s.low[k]] {
			return true
		}
	}
	return false
}

// notTerritory are what one leaves or cedes that is no ground: bodies,
// agreements, powers.
var notTerritory = set("ecowas", "nato", "jcpoa", "un", "eu", "au", "opec", "icc", "agreement", "deal", "treaty",
	"accord", "pact", "talks", "negotiations", "organization", "organisation", "alliance", "union", "bloc", "community",
	"coalition", "democracy", "policy", "power", "race", "election", "presidency", "government", "cabinet")

// sameInSentence reports whether the sentence already gave an event of c's
// sub-type for the same date and place (a suicide bomber who "detonated
// her explosive devices": one event, two triggers).
func sameInSentence(cands []*cand, c *cand) bool {
	for i := len(cands) - 1; i >= 0 && cands[i].sent == c.sent; i-- {
		d := cands[i]
		if d.ev.Subtype == c.ev.Subtype && dateKey(d.ev.Date) == dateKey(c.ev.Date) && placeKey(d.ev.Place) == placeKey(c.ev.Place) {
			return true
		}
	}
	return false
}

// armedNouns name armed people; their deaths are battle deaths.
var armedNouns = set("militants", "terrorists", "fighters", "insurgents", "soldiers", "troops", "rebels",
	"gunmen", "policemen", "attackers", "jihadists", "guerrillas", "militiamen", "servicemen", "extremists",
	"subversives", "paramilitaries", "combatants")

// armedVictims reports whether the people an attack killed or wounded were
// armed: its target is an armed actor, or its casualty figures count armed
// men.
func armedVictims(ev *news.Event) bool {
	if ev.Actor2 != nil {
		switch ev.Actor2.Kind {
		case news.KindStateForces, news.KindRebels, news.KindPolMilitia, news.KindIdMilitia, news.KindUnknownArmed:
			return true
		}
	}
	for _, f := range ev.Figures {
		if f.What != "killed" && f.What != "injured" {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(f.Text)) {
			if armedNouns[w] {
				return true
			}
		}
	}
	return false
}

// insurgentNouns name non-state armed men.
var insurgentNouns = set("militants", "terrorists", "insurgents", "rebels", "guerrillas", "gunmen", "attackers", "jihadists",
	"extremists", "combatants", "militiamen", "fighters", "assailants")

// killsInsurgents reports whether the killing's object, within a few
// words after it, counts non-state armed men: "killed 30 terrorists",
// "killed 33 BLA terrorists".
func killsInsurgents(s *sentence, h hit) bool {
	if passive(s.low, h.s) {
		return false // "were killed by unidentified gunmen": the gunmen killed
	}
	for k := h.e; k < len(s.low) && k < h.e+5; k++ {
		switch w := s.low[k]; {
		case w == "by" || w == "," || w == ";":
			return false
		case insurgentNouns[w]:
			return true
		}
	}
	return false
}

// nonStateArmed reports whether a is an armed group other than the
// state's forces: rebels, militias, unnamed gunmen or "terrorists".
func nonStateArmed(a *news.ActorRef) bool {
	if a == nil {
		return false
	}
	switch a.Kind {
	case news.KindRebels, news.KindPolMilitia, news.KindIdMilitia, news.KindUnknownArmed:
		return true
	}
	return false
}

// armedActor reports whether a is armed: a non-state armed group, state
// forces or external forces.
func armedActor(a *news.ActorRef) bool {
	return nonStateArmed(a) || a != nil && (a.Kind == news.KindStateForces || a.Kind == news.KindExternal)
}

// passive reports whether the verb at token i is a passive ("was killed",
// "were seriously wounded", "has been shot").
func passive(low []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch low[k] {
		case "was", "were", "been", "being", "be", "is", "are", "got":
			return true
		}
		if !strings.HasSuffix(low[k], "ly") && low[k] != "also" && low[k] != "reportedly" {
			return false
		}
	}
	return false
}

// trainingPlaces after "training" name a place, not a training event.
var trainingPlaces = set("center", "centre", "school", "camp", "camps", "base", "facility", "academy", "ground", "grounds", "college", "institute")

// quantities holds the most conservative report per kind of figure. Groups
// of one report joined by "and" ("six Jesuit priests and two women were
// killed") add up to one figure of eight.
func quantities(text string, figs []news.Figure) map[string]float64 {
	q := map[string]float64{}
	put := func(what string, v float64) {
		if old, ok := q[what]; !ok || v < old {
			q[what] = v
		}
	}
	if slices.ContainsFunc(figs, func(f news.Figure) bool { return f.Part }) {
		figs = slices.DeleteFunc(slices.Clone(figs), func(f news.Figure) bool { return f.Part })
	}
	for i := 0; i < len(figs); {
		f := figs[i]
		sum, end := f.Value, f.End
		j := i + 1
		for ; j < len(figs) && figs[j].What == f.What && joined(text, end, figs[j].Start); j++ {
			sum += figs[j].Value
			end = figs[j].End
		}
		put(f.What, sum)
		i = j
	}
	return q
}

// joined reports whether text[a:b] only joins two groups: "and", a comma
// or both; or ends in an additive "as well as", "along with" or "together
// with" within the clause ("killed the mayor of the small town, as well as
// two peasants").
func joined(text string, a, b int) bool {
	if a < 0 || b > len(text) || a >= b || b-a > 64 {
		return false
	}
	g := strings.TrimSpace(strings.ToLower(text[a:b]))
	for _, d := range []string{" the", " their", " his", " her"} {
		g = strings.TrimSuffix(g, d) // "six Jesuits and their two maids"
	}
	if g == "and" || g == "," || g == ", and" {
		return true
	}
	if strings.ContainsAny(g, ".;:") {
		return false
	}
	// An aside between the groups: "six Jesuits (five Spaniards and one
	// Salvadoran) and two women", "six Jesuits, five of whom were
	// Spaniards, and two women".
	if rest, ok := strings.CutSuffix(g, " and"); ok {
		rest = strings.TrimSpace(rest)
		if strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") || strings.HasPrefix(rest, "--") && strings.HasSuffix(rest, "--") || strings.HasPrefix(rest, ",") && strings.HasSuffix(rest, ",") {
			return true
		}
	}
	for _, c := range []string{"as well as", "along with", "together with"} {
		if strings.HasSuffix(g, c) {
			return true
		}
	}
	return false
}

// thrownExplosives make "hurled" and "threw" a bombing.
var thrownExplosives = set("explosives", "explosive", "dynamite", "grenade", "grenades", "bomb", "bombs", "charge", "charges")

// aircraft can be a weapon or the target of an attack.
var aircraft = set("helicopter", "helicopters", "plane", "planes", "aircraft", "airplane", "airliner", "jet", "jets", "gunship", "gunships")

// aircraftTarget reports whether the aircraft at token i is what was
// attacked: after "against", "on" or "at" ("an attack against a
// helicopter"), or the object of the violent verb ("machinegunned the
// helicopter").
func aircraftTarget(s *sentence, i int) bool {
	if !aircraft[s.low[i]] {
		return false
	}
	k := i - 1
	for k >= 0 && k >= i-3 && (s.low[k] == "a" || s.low[k] == "an" || s.low[k] == "the" || s.low[k] == "military" || s.low[k] == "air" || s.low[k] == "force" || s.low[k] == "army" || demonyms[s.low[k]]) {
		k--
	}
	if k < 0 || k == i-1 {
		return false
	}
	switch s.low[k] {
	case "against", "on", "at":
		return true
	}
	for _, t := range triggers[s.low[k]] {
		if len(t.words) == 1 && (t.class == cAttack || t.class == cKill) {
			return true
		}
	}
	return false
}

// holdVerbs before "hostage" make it an abduction.
var holdVerbs = set("held", "holding", "hold", "holds", "taken", "took", "take", "taking", "seized", "kept", "keeping", "captured")
