package events

import (
	"strings"

	"github.com/sitrep-osint/sitrep/news"
)

// findFigures binds the numbers of a sentence to what they count, as the
// event of class c.class sees them.
func findFigures(s *sentence, h hit, c *cand) []news.Figure {
	var out []news.Figure
	low := s.low
	for i := 0; i < len(low); i++ {
		if s.timeToken(i) || s.inSource(i, i+1) {
			continue
		}
		// "no casualties", "no one was hurt"
		if low[i] == "no" && i+1 < len(low) {
			what := ""
			e := i + 2
			switch low[i+1] {
			case "casualties", "deaths", "fatalities":
				what = "killed"
			case "injuries":
				what = "injured"
			case "one":
				if i+3 < len(low) && (low[i+2] == "was" || low[i+2] == "were") {
					if killVerbs[low[i+3]] {
						what = "killed"
					} else if injureVerbs[low[i+3]] {
						what = "injured"
					}
					e = i + 4
				}
			}
			if what != "" {
				out = append(out, figure(s, what, Number{}, i, e))
				i = e - 1
				continue
			}
		}
		// "A prominent journalist has been killed", "a soldier was wounded": one.
		if (low[i] == "a" || low[i] == "an") && (i == 0 || !(low[i-1] == "of")) {
			k := i + 1
			for k < len(low) && k < i+4 && !personNouns[low[k]] && (s.lowerAt(k) || demonyms[low[k]]) {
				k++
			}
			if k < len(low) && personNouns[low[k]] {
				v := k + 1
				for v < len(low) && v < k+4 && (low[v] == "was" || low[v] == "has" || low[v] == "had" || low[v] == "been" || low[v] == "were") {
					v++
				}
				if v < len(low) && (v > k+1 || low[v] == "died") {
					what := ""
					switch {
					case killVerbs[low[v]] || low[v] == "died":
						what = "killed"
					case injureVerbs[low[v]]:
						what = "injured"
					}
					if what != "" {
						out = append(out, figure(s, what, Number{Value: 1}, i, v+1))
						i = v
						continue
					}
				}
			}
		}
		// "killed the deputy chief": one.
		if (killVerbs[low[i]] || injureVerbs[low[i]]) && i+2 < len(low) && low[i+1] == "the" {
			k := i + 2
			for k < len(low) && k < i+5 && !personNouns[low[k]] && !roleWords[low[k]] && s.lowerAt(k) {
				k++
			}
			if k < len(low) && (personNouns[low[k]] || roleWords[low[k]] && s.lowerAt(k)) {
				what := "killed"
				if injureVerbs[low[i]] {
					what = "injured"
				}
				out = append(out, figure(s, what, Number{Value: 1}, i+1, k+1))
				i = k
				continue
			}
		}
		n, j, ok := parseNumber(low, i)
		if !ok {
			continue
		}
		if n.Percent {
			// Shares count production and holdings, not people ("nearly
			// half were assaulted" is no figure of the attack).
			if c.class == cProduce || c.class == cArms || c.class == cGroup {
				out = append(out, figure(s, "share", n, i, j))
			}
			i = j - 1
			continue
		}
		noun, ne := countedNoun(s, j)
		if noun == "" && j+1 < len(low) && (low[j] == "were" || low[j] == "have") && passiveFate(low, j) != "" {
			// "12 were wounded", "another 30 have been injured"
			noun, ne = "people", j
		}
		if noun == "" && (i > 0 && (killVerbs[low[i-1]] || injureVerbs[low[i-1]] || detainVerbs[low[i-1]]) || j < len(low) && (low[j] == "died" || low[j] == "dead" || low[j] == "killed" || low[j] == "wounded" || low[j] == "injured")) {
			// "wounded 30", "15 died": people, unnamed.
			noun, ne = "people", j
			if j < len(low) && (low[j] == "died" || low[j] == "dead") {
				ne = j + 1
			}
		}
		if noun == "" && i >= 2 && low[i-1] == "of" {
			// "the bodies of 19 soldiers"
			if exchangeNouns[low[i-2]] {
				noun, ne = low[i-2], j
				if j < len(low) && peopleNouns[low[j]] {
					ne = j + 1
				}
			}
		}
		if i >= 2 && low[i-1] == "of" && exchangeNouns[low[i-2]] {
			noun = low[i-2]
		}
		if noun == "" {
			// An unknown plural before a killing: "44 peasants have been
			// killed", "the murder of six Jesuit priests".
			p := j
			if p+1 < len(low) && isAlpha(low[p]) && !strings.HasSuffix(low[p], "s") {
				p++ // an adjective or name first: "Jesuit priests"
			}
			if p < len(low) && len(low[p]) > 3 && strings.HasSuffix(low[p], "s") && isAlpha(low[p]) && !notCounted[low[p]] {
				for k := max(0, i-3); k < min(len(low), p+5); k++ {
					if killVerbs[low[k]] || injureVerbs[low[k]] || detainVerbs[low[k]] || abductVerbs[low[k]] {
						noun, ne = "people", p+1
						break
					}
				}
				if noun == "" && (passiveFate(low, p+1) != "" || coordinated(low, i) && fateBefore(low, i) != "") {
					noun, ne = "people", p+1
				}
			}
		}
		if what, e := breakdown(s, out, i, j); what != "" {
			// "19 people, including 10 children": a part, kept apart.
			f := figure(s, what, n, i, e)
			f.Part = true
			out = append(out, f)
			i = e - 1
			continue
		}
		if noun == "" && afterToll(low, i) {
			// "the death toll had risen to at least 63": the dead.
			out = append(out, figure(s, "killed", n, i, j))
			i = j - 1
			continue
		}
		if noun == "" {
			continue
		}
		what := whatCounts(s, c, noun, i, ne)
		if n := len(out); n > 0 && andAfter(s, out, i) && (noun == "people" || peopleNouns[noun]) {
			// "six Jesuit priests and two women": the second group shares
			// the first one's fate.
			if prev := out[n-1].What; prev == "killed" || prev == "injured" || prev == "detained" || prev == "abducted" {
				if what == "" || what != prev && !hasVerbBetween(low, i, ne) {
					what = prev
				}
			}
		}
		if what == "" {
			continue
		}
		start := i
		if i >= 2 && low[i-1] == "of" && exchangeNouns[low[i-2]] {
			start = i - 2
			if start > 0 && low[start-1] == "the" {
				start--
			}
		}
		out = append(out, figure(s, what, n, start, ne))
		i = ne - 1
	}
	// Figures the event does not own: interceptions belong to the
	// disrupted event, launches and casualties to the strike.
	var kept []news.Figure
	for _, f := range out {
		switch c.class {
		case cIntercept:
			if f.What != "intercepted" && f.What != "launched" {
				continue
			}
		case cStrike, cShell, cAttack, cExplosive, cSuicide:
			if f.What == "intercepted" {
				continue
			}
		case cMeet, cAgree:
			// A meeting counts none of what its sentence tells
			// ("since they met, North Korea has sent 5 million shells").
			if f.What != "participants" {
				continue
			}
		}
		kept = append(kept, f)
	}
	return kept
}

func figure(s *sentence, what string, n Number, a, b int) news.Figure {
	return news.Figure{
		What: what, Value: n.Value, Max: n.Max, AtLeast: n.AtLeast, Approx: n.Approx,
		Text:  s.text[s.toks[a].start-s.span.Start : s.toks[b-1].end-s.span.Start],
		Start: s.toks[a].start, End: s.toks[b-1].end,
	}
}

// countedNoun finds the noun a number counts: the first known noun within
// a few words ("64 Shahed and decoy drones", "at least 250 fighters").
func countedNoun(s *sentence, j int) (string, int) {
	// "two of the minister's bodyguards", "three of his escorts"
	if j+1 < len(s.low) && s.low[j] == "of" {
		k := j + 1
		for k < len(s.low) && k < j+5 && !peopleNouns[s.low[k]] && !exchangeNouns[s.low[k]] && !projectileNouns[s.low[k]] && !systemNouns[s.low[k]] && isWordTok(s.low[k]) {
			k++
		}
		if k < len(s.low) && (peopleNouns[s.low[k]] || exchangeNouns[s.low[k]] || projectileNouns[s.low[k]] || systemNouns[s.low[k]]) {
			return s.low[k], k + 1
		}
		return "", 0
	}
	for k := j; k < len(s.low) && k < j+7; k++ {
		w := s.low[k]
		if k > j && (killVerbs[w] || injureVerbs[w] || detainVerbs[w] || abductVerbs[w]) {
			return "", 0 // "one security worker and injuring four others": the next clause
		}
		if personNouns[w] && k > j && k+1 < len(s.low) && s.low[k+1] == "and" {
			return "people", k + 1 // "at least one security worker and ..."
		}
		if w == "and" && k > j && k+1 < len(s.low) {
			if _, _, ok := parseNumber(s.low, k+1); ok {
				// "one adult and four minors": the first group ends here.
				if k == j+1 && personNouns[s.low[j]] {
					return "people", k
				}
				return "", 0
			}
		}
		if demonyms[w] && strings.HasSuffix(w, "s") && k == j {
			return "people", k + 1 // "killed 4 Iraqis"
		}
		if peopleNouns[w] || projectileNouns[w] && !(k+1 < len(s.low) && projectileNouns[s.low[k+1]]) || systemNouns[w] || exchangeNouns[w] {
			return w, k + 1
		}
		if w == "," || w == "." || w == ";" || w == "of" && k > j || w == "in" || w == "on" || w == "to" || w == "years" || w == "months" || w == "days" || w == "weeks" {
			return "", 0
		}
	}
	return "", 0
}

// whatCounts names what a number counts from its noun and the words around
// it.
func whatCounts(s *sentence, c *cand, noun string, i, ne int) string {
	low := s.low
	near := func(words map[string]bool, before, after int) bool {
		for k := max(0, i-before); k < min(len(low), ne+after); k++ {
			if words[low[k]] {
				return true
			}
		}
		return false
	}
	switch {
	case exchangeNouns[noun]:
		if noun == "bodies" && violentClass(c.class) {
			return "killed" // "28 bodies were found", "recovering 107 bodies" after a blast
		}
		if c.class == cExchange && hasWord(low, "received") {
			return "received"
		}
		if noun == "prisoner" || noun == "pows" || noun == "captives" || noun == "detainees" {
			return "prisoners"
		}
		return noun
	case projectileNouns[noun]:
		if c.class == cIntercept || near(interceptVerbs, 4, 3) {
			return "intercepted"
		}
		if near(hitVerbs, 0, 3) {
			return "hit"
		}
		if c.class == cArms || c.class == cProduce {
			return "systems"
		}
		return "launched"
	case systemNouns[noun]:
		return "systems"
	case peopleNouns[noun]:
		if i > 0 && otherFates[low[i-1]] {
			return "" // "rescued 190 passengers and killed 30 terrorists": the 190 were saved
		}
		// A passive right after the figure is its own: "died and 15
		// others were wounded".
		// An aside may stand between: "five other people, including a
		// policeman, were injured", "two small children -- 4 and 1 years
		// old -- died".
		if v := afterAside(low, ne); v < len(low) && (low[v] == "were" || low[v] == "was" || low[v] == "have" || low[v] == "had") {
			if f := passiveFate(low, v); f != "" {
				return f
			}
		} else if v < len(low) && v > ne && low[v] == "died" {
			return "killed"
		}
		// "the killers of the six Jesuit priests", "the death of six
		// Jesuits", "the kidnapping of 12 student leaders": the victims of
		// an act named by a noun.
		if f := victimsOf(low, i); f != "" {
			return f
		}
		// The nearest verb decides: "killing four people and injuring 35".
		best, bestD := "", 1<<30
		for k := max(0, i-4); k < min(len(low), ne+6); k++ {
			if k >= ne && (low[k] == "," || low[k] == ";" || low[k] == ".") {
				break // "two members of his escort were also killed": same clause
			}
			d := k - i
			if k >= ne {
				d = k - ne + 1
			} else if d < 0 {
				d = -d
			} else if k > i && (low[k] == "died" || low[k] == "dead") {
				d = 0 // "15 died": the figure holds its verb
			} else {
				continue // inside the figure
			}
			var what string
			switch {
			case killVerbs[low[k]] || low[k] == "died":
				what = "killed"
			case injureVerbs[low[k]]:
				what = "injured"
			case detainVerbs[low[k]]:
				what = "detained"
			case abductVerbs[low[k]]:
				what = "abducted"
			default:
				continue
			}
			if d < bestD {
				best, bestD = what, d
			}
		}
		if best == "" {
			// The subject's fate told after a relative clause: "two
			// policemen guarding the consulate were killed".
			best = passiveFate(low, ne)
		}
		if best == "" && coordinated(low, i) {
			// "killed the mayor, as well as two peasants", "murdered a
			// police inspector and two of his brothers"
			best = fateBefore(low, i)
		}
		switch {
		case best != "":
			return best
		case noun == "fighters" || noun == "militiamen" || noun == "troops" || noun == "soldiers" || noun == "recruits":
			return "fighters"
		case noun == "protesters" || noun == "demonstrators":
			return "participants"
		}
	}
	return ""
}

func isAlpha(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// notCounted are plurals that never count people.
var notCounted = set("days", "weeks", "months", "years", "hours", "minutes", "seconds", "times", "dollars",
	"kilometres", "kilometers", "miles", "metres", "meters", "tons", "tonnes", "percent", "points", "cents",
	"euros", "pounds", "rounds", "shots", "houses", "homes", "buildings", "vehicles", "cars", "trucks",
	"places", "locations", "sites", "areas", "districts", "villages", "towns", "cities", "provinces", "countries", "regions")

// otherFates, right before a count of people, tell a fate that is no
// casualty: "rescued 190 passengers".
var otherFates = set("rescued", "freed", "evacuated", "released", "saved", "rescuing", "freeing", "evacuating", "releasing",
	"transporting", "carrying", "carried", "displaced", "deported", "repatriated")

// isWordTok reports whether a token is a word (not punctuation).
func isWordTok(w string) bool {
	return w != "" && (w[0] >= 'a' && w[0] <= 'z' || w[0] >= '0' && w[0] <= '9' || w == "'s" || w[0] >= 0x80 && w != "’" && w != "“" && w != "”")
}

// hasVerbBetween reports whether a casualty verb follows the figure [i, ne)
// within its clause: "and 35 wounded" has its own.
func hasVerbBetween(low []string, i, ne int) bool {
	for k := ne; k < len(low) && k < ne+3; k++ {
		if killVerbs[low[k]] || injureVerbs[low[k]] || detainVerbs[low[k]] || abductVerbs[low[k]] {
			return true
		}
		if low[k] == "," || low[k] == "." || low[k] == ";" || low[k] == "and" {
			return false
		}
	}
	return false
}

// passiveFate reads, from token k on and within the clause, the passive
// that tells what befell a subject ("... who worked for them were brutally
// assassinated", "were wounded", "were later found murdered"): killed,
// injured, detained, abducted or "". A second predicate joined by "and"
// counts ("were on a recreational visit and were wounded"). A semicolon, a
// colon or the end of the sentence stops it.
func passiveFate(low []string, k int) string {
	needAnd := false // after a predicate of another kind, only "and were ..." goes on
	for end := min(len(low), k+15); k < end; k++ {
		w := low[k]
		if w == "." || w == ";" || w == ":" {
			return ""
		}
		if w != "was" && w != "were" && w != "been" {
			continue
		}
		if needAnd && low[k-1] != "and" {
			return ""
		}
		v := k + 1
		for v < len(low) && v < k+4 && (strings.HasSuffix(low[v], "ly") || low[v] == "also" || low[v] == "all" || low[v] == "later" || low[v] == "found") {
			v++
		}
		if v < len(low) && v > k+1 && low[v-1] == "found" && low[v] == "dead" {
			return "killed" // "were found dead"
		}
		if v+2 < len(low) && low[v] == "among" && (low[v+1] == "those" || low[v+1] == "the") {
			v += 2 // "were among those killed", "were among the dead"
		}
		if v >= len(low) {
			return ""
		}
		switch {
		case killVerbs[low[v]]:
			return "killed"
		case injureVerbs[low[v]]:
			return "injured"
		case detainVerbs[low[v]]:
			return "detained"
		case abductVerbs[low[v]]:
			return "abducted"
		}
		if k > 0 && (low[k-1] == "who" || low[k-1] == "that" || low[k-1] == "which") {
			continue // a relative clause's own verb: "two policemen who were acting as bodyguards ... were wounded"
		}
		if w == "been" {
			return ""
		}
		needAnd = true
	}
	return ""
}

// coordinated reports whether the figure at token i joins an earlier
// object: "and", "as well as", "along with", "together with".
func coordinated(low []string, i int) bool {
	if i >= 1 && low[i-1] == "and" || i >= 2 && low[i-2] == "and" && (low[i-1] == "the" || low[i-1] == "their" || low[i-1] == "his" || low[i-1] == "her") {
		return true
	}
	if i >= 2 && low[i-1] == "with" && (low[i-2] == "along" || low[i-2] == "together") {
		return true
	}
	return i >= 3 && low[i-1] == "as" && low[i-2] == "well" && low[i-3] == "as"
}

// breakdown reads the number at token i (its words end at j) as a part of
// the casualty figure before it: after "including", "among them" or "of
// whom" ("19 people, including 10 children"), or in a list after a
// semicolon, colon or dash ("13 bodies ...; eight guerrillas, four
// soldiers, and a civilian"). It returns what the part counts and the end
// of its noun, or "" when the number is no such part.
func breakdown(s *sentence, out []news.Figure, i, j int) (string, int) {
	if len(out) == 0 {
		return "", 0
	}
	prev := out[len(out)-1]
	what := prev.What
	switch what {
	case "bodies":
		what = "killed"
	case "killed", "injured", "detained", "abducted":
	default:
		return "", 0
	}
	low := s.low
	if j+1 < len(low) && low[j] == "of" && (low[j+1] == "whom" || low[j+1] == "them") && i > 1 && low[i-1] == "," && s.toks[i-2].end == prev.End {
		return what, j + 2 // "six Jesuits, five of whom were Spaniards"
	}
	p := i - 1
	for p >= 0 && s.toks[p].start >= prev.End {
		p--
	}
	// Tokens p+1 .. i-1 lie between the figure before and this number.
	gap := low[p+1 : i]
	if n := len(gap); n > 0 && n <= 5 && gap[n-1] == "," && j+1 < len(low) && low[j] == "of" && (low[j+1] == "the" || low[j+1] == "them" || low[j+1] == "those") && passiveFate(low, j) == "" {
		// "Seven of the nine soldiers were wounded, three of the
		// soldiers are in grave condition": some of them, with no fate
		// of their own.
		k := j + 2
		for k < len(low) && k < j+5 && !peopleNouns[low[k]] && low[k] != "," {
			k++
		}
		if low[j+1] == "them" {
			return what, j + 2
		}
		if k < len(low) && peopleNouns[low[k]] {
			return what, k + 1
		}
	}
	ok := false
	switch {
	case len(gap) > 0 && (gap[len(gap)-1] == "including" || len(gap) >= 2 && (gap[len(gap)-1] == "them" || gap[len(gap)-1] == "whom") && (gap[len(gap)-2] == "among" || gap[len(gap)-2] == "of")):
		ok = len(gap) <= 4
	case prev.Part:
		ok = len(gap) <= 2 && (len(gap) == 0 || gap[0] == "," || gap[0] == "and") && (len(gap) < 2 || gap[1] == "and")
	default:
		// A list after a semicolon, colon or dash that closes the clause
		// of the figure before: the list must go on or end after its first
		// noun ("eight guerrillas, four soldiers"), not open a clause of
		// its own ("; three civilians were hurt").
		if n := len(gap); n > 0 && n <= 10 {
			last := gap[n-1]
			ok = last == ";" || last == ":" || last == "--" || last == "—" || last == "("
		}
	}
	if !ok {
		return "", 0
	}
	for k := j; k < len(low) && k < j+3; k++ {
		w := low[k]
		if prev.Part && isAlpha(w) || peopleNouns[w] || strings.HasSuffix(w, "men") || w == "children" || w == "people" || len(w) > 3 && strings.HasSuffix(w, "s") && isAlpha(w) && !notCounted[w] {
			if prev.Part || gap[len(gap)-1] == "including" || gap[len(gap)-1] == "them" || gap[len(gap)-1] == "whom" || k+1 >= len(low) || listGlue[low[k+1]] {
				return what, k + 1
			}
			return "", 0
		}
		if !isAlpha(w) {
			break
		}
	}
	return "", 0
}

// andAfter reports whether the number at token i is joined by "and" to
// the figure before it, through a determiner ("six Jesuits and their two
// maids") or after an aside ("six Jesuits (five Spaniards and one
// Salvadoran) and two women").
func andAfter(s *sentence, out []news.Figure, i int) bool {
	low := s.low
	k := i - 1
	if k >= 0 && low[k] == "other" {
		k-- // "and the other two people"
	}
	if k >= 0 && (low[k] == "the" || low[k] == "their" || low[k] == "his" || low[k] == "her" || low[k] == "its") {
		k--
	}
	if k < 1 || low[k] != "and" {
		return false
	}
	// The figure before: the last one that is not a part.
	var prev *news.Figure
	for n := len(out) - 1; n >= 0; n-- {
		if !out[n].Part {
			prev = &out[n]
			break
		}
	}
	if prev == nil {
		return false
	}
	if prev.End == s.toks[k-1].end {
		return true
	}
	// An aside closes just before "and": ")", "--", or ", five of whom
	// were Spaniards,".
	switch low[k-1] {
	case ")", "--", "—", ",":
	default:
		return false
	}
	for a := k - 2; a >= 0 && a >= k-12; a-- {
		if s.toks[a].end == prev.End {
			return afterAside(low, a+1) == k || low[a+1] == "," && low[k-1] == ","
		}
	}
	return false
}

// victimsOf tells what befell the group at token i when it is named as
// the victims of an act's noun: killed for "the killers of the six Jesuit
// priests", "the death of six Jesuits", "the assassination of the rector,
// five other Jesuits, and two women"; abducted for "the kidnapping of 12
// student leaders"; "" otherwise.
func victimsOf(low []string, i int) string {
	k := i - 1
	for k >= 0 && (low[k] == "the" || low[k] == "his" || low[k] == "their" || low[k] == "her" || low[k] == "other") {
		k--
	}
	if k >= 1 && low[k] == "of" {
		return actNouns[low[k-1]]
	}
	if k < 0 || low[k] != "," && low[k] != "and" {
		return ""
	}
	// A later member of a list: walk back over the members before it.
	for k--; k >= 1 && k >= i-14; k-- {
		w := low[k]
		switch {
		case w == "of":
			return actNouns[low[k-1]]
		case w == "." || w == ";" || w == ":" || strings.HasSuffix(w, "ed") || killVerbs[w] || injureVerbs[w]:
			return ""
		}
	}
	return ""
}

// afterToll reports whether the number at token i gives a death toll:
// "the death toll rose to 12", "raised the death toll to more than 60",
// "a death toll of 45", "the number of victims is 59".
func afterToll(low []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch low[k] {
		case "toll":
			return true
		case "victims", "dead", "deaths", "fatalities":
			return k >= 2 && low[k-1] == "of" && low[k-2] == "number"
		case "to", "of", "at", "reached", "rose", "risen", "climbed", "jumped", "increased", "has", "had", "have", "stood", "stands", "is", "was", "now":
		default:
			return false
		}
	}
	return false
}

// actNouns name a killing or a kidnapping, or their authors, with what
// befell the people "of" them.
var actNouns = func() map[string]string {
	m := map[string]string{}
	for _, w := range []string{"killers", "murderers", "assassins", "death", "deaths", "killing", "killings",
		"murder", "murders", "assassination", "assassinations", "massacre", "slaying", "slayings"} {
		m[w] = "killed"
	}
	for _, w := range []string{"kidnapping", "kidnappings", "kidnappers", "abduction", "abductions", "abductors"} {
		m[w] = "abducted"
	}
	return m
}()

// listGlue are the tokens that may follow a noun of a list.
var listGlue = set(",", "and", ".", ";", ")", "--")

// afterAside returns the token after an aside that opens at token k: ",
// including a policeman,", "[not further identified]", "-- 4 and 1 years
// old --", "(two of them children)"; k itself when none opens there.
func afterAside(low []string, k int) int {
	if k >= len(low) {
		return k
	}
	closer := ""
	switch low[k] {
	case ",":
		if k+1 < len(low) && (low[k+1] == "including" || low[k+1] == "among" || low[k+1] == "mostly" || low[k+1] == "most" || low[k+1] == "all") {
			closer = ","
		}
	case "[":
		closer = "]"
	case "(":
		closer = ")"
	case "--", "—", "–":
		closer = low[k]
	}
	if closer == "" {
		return k
	}
	for e := k + 1; e < len(low) && e < k+14; e++ {
		if low[e] == closer {
			return e + 1
		}
		if low[e] == "." || low[e] == ";" {
			break
		}
	}
	return k
}

// fateBefore reads the casualty verb of the clause before token i, within
// sixteen words: killed, injured or "".
func fateBefore(low []string, i int) string {
	for k := i - 1; k >= 0 && k >= i-16; k-- {
		switch w := low[k]; {
		case w == "." || w == ";" || w == ":":
			return ""
		case killVerbs[w]:
			return "killed"
		case injureVerbs[w]:
			return "injured"
		}
	}
	return ""
}

// lowerAt reports whether token k is written in lower case, as a common
// word is; in a sentence written all in capitals every word counts as one.
func (s *sentence) lowerAt(k int) bool {
	return s.upper && isAlpha(s.low[k]) || lowerWord(s.toks[k].text)
}
