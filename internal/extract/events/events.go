// Package events turns an article into the events it reports, typed with
// ACLED's event and sub-event types plus sitrep's additions (arms transfers,
// training, defence production, exchanges, meetings), each with its actors,
// place, date, numbers, weapon, modality, sources and the sentence it came
// from.
//
// The method is a trigger lexicon and patterns over tokens, entities and
// actor mentions: predictable, fast (well under a millisecond for a 4 KB
// article), and explainable to an analyst. A trigger proposes a class
// ("attacked"); the sentence decides the sub-type (an attack with drones is
// an Air/drone strike, an interception is Disrupted weapons use); numbers
// are bound to what they count; mentions of one event in neighbouring
// sentences ("The assault centred on ...") are merged into it.
package events

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-osint/sitrep/internal/extract/timex"
	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

// Event types and sub-types, as named in sitrep's taxonomy.
const (
	TypeBattles    = "Battles"
	TypeRemote     = "Explosions/Remote violence"
	TypeVAC        = "Violence against civilians"
	TypeProtests   = "Protests"
	TypeRiots      = "Riots"
	TypeStrategic  = "Strategic developments"
	SubArmedClash  = "Armed clash"
	SubGovRegains  = "Government regains territory"
	SubNSAOvertake = "Non-state actor overtakes territory"
	SubChemical    = "Chemical weapon"
	SubAirDrone    = "Air/drone strike"
	SubSuicide     = "Suicide bomb"
	SubShelling    = "Shelling/artillery/missile attack"
	SubIED         = "Remote explosive/landmine/IED"
	SubGrenade     = "Grenade"
	SubSexual      = "Sexual violence"
	SubAttack      = "Attack"
	SubAbduction   = "Abduction/forced disappearance"
	SubPeaceful    = "Peaceful protest"
	SubIntervened  = "Protest with intervention"
	SubExcessive   = "Excessive force against protesters"
	SubViolentDemo = "Violent demonstration"
	SubMob         = "Mob violence"
	SubAgreement   = "Agreement"
	SubArrests     = "Arrests"
	SubGroup       = "Change to group/activity"
	SubDisrupted   = "Disrupted weapons use"
	SubBase        = "Headquarters or base established"
	SubLooting     = "Looting/property destruction"
	SubTransfer    = "Non-violent transfer of territory"
	SubOther       = "Other"
	SubArms        = "Arms transfer"
	SubTraining    = "Military training"
	SubProduction  = "Defence production"
	SubExchange    = "Exchange"
	SubMeeting     = "Meeting"
)

// TypeOf returns the event type of a sub-type.
func TypeOf(sub string) string {
	switch sub {
	case SubArmedClash, SubGovRegains, SubNSAOvertake:
		return TypeBattles
	case SubChemical, SubAirDrone, SubSuicide, SubShelling, SubIED, SubGrenade:
		return TypeRemote
	case SubSexual, SubAttack, SubAbduction:
		return TypeVAC
	case SubPeaceful, SubIntervened, SubExcessive:
		return TypeProtests
	case SubViolentDemo, SubMob:
		return TypeRiots
	}
	return TypeStrategic
}

// Options configure an Extractor.
type Options struct {
	// Actors finds actor mentions, e.g. the actor registry through an
	// adapter. When nil, the built-in dictionary of common conflict actors
	// is used; when set, the dictionary still fills in what it misses.
	Actors Actors
}

// Extractor finds events in articles. It is safe for concurrent use.
type Extractor struct {
	actors Actors
	dict   *dictActors
}

// New returns an Extractor.
func New(opts Options) (*Extractor, error) {
	if opts.Actors != nil {
		// A registry builds its match index on first use: build it now,
		// with the other loading, not in the first article.
		opts.Actors.FindActors("", time.Time{})
	}
	return &Extractor{actors: opts.Actors, dict: newDictActors()}, nil
}

// Stage is the pipeline stage "events": it fills a.Events.
type Stage struct{ x *Extractor }

// NewStage returns the events stage over x.
func NewStage(x *Extractor) *Stage { return &Stage{x: x} }

// Name returns "events".
func (s *Stage) Name() string { return "events" }

// Process fills a.Events. It reads a.Sentences, a.Entities and
// a.Attributions when earlier stages filled them, and works without them.
// It never fails on content; it returns the context's error when the run
// is cancelled.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	a.Events = s.x.Extract(a)
	if a.Events == nil {
		a.Events = []news.Event{}
	}
	return nil
}

// tk is a token with its lower-cased, apostrophe-normalised form and its
// byte range in the article.
type tk struct {
	text, low  string
	start, end int
}

// sentence is one sentence prepared for matching.
type sentence struct {
	idx      int
	span     news.Span
	text     string
	toks     []tk
	low      []string
	actors   []actorAt // participants and sources, by token range
	times    []timeAt
	srcEnd   int // tokens [srcStart, srcEnd) are who says so
	srcFrom  int
	upper    bool               // written in capitals (wire copy of the 1980s): no acronyms there
	prevArms bool               // the previous sentence told of an arms transfer
	srcGap   [2]int             // a relative clause inside the reporting clause, which is content
	sources  []news.Source      // sources found locally (when no attribution stage ran)
	claims   []news.Attribution // the article's attributions that can vouch for an event
}

type actorAt struct {
	s, e      int // token range
	ref       news.ActorRef
	possessor bool // "Iran's" in "Iran's Quds Force"
	person    bool
	generic   bool // "the new groups": no name
	thing     bool // a demonym before a thing or place: "a Pakistani train"
}

type timeAt struct {
	s, e   int // token range
	m      timex.Mention
	speech bool // dates the statement ("said Thursday"), not the event
}

// Extract returns the events a reports, in text order.
func (x *Extractor) Extract(a *news.Article) []news.Event {
	if a == nil || a.Text == "" {
		return nil
	}
	spans := a.Sentences
	var toks [][]nlp.Token
	if len(spans) == 0 {
		// One tokenisation for sentences and tokens.
		toks = nlp.TokenizeSentences(a.Text)
		spans = make([]news.Span, len(toks))
		for i, ts := range toks {
			spans[i] = news.Span{Start: ts[0].Start, End: ts[len(ts)-1].End}
		}
	}
	pub := a.Published
	if pub.IsZero() {
		pub = time.Now().UTC()
	}
	var cands []*cand
	var refs []news.Span // sentences about "the new groups"
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	sc.claims = claims(a.Attributions)
	idx := 0
	sc.tokensOK = toks == nil && nlp.SpansFit(a.Text, a.Sentences, a.Tokens)
	for i, sp := range spans {
		if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
			continue
		}
		if newGroupsSubject(a.Text[sp.Start:sp.End]) {
			refs = append(refs, sp)
		}
		var ts []nlp.Token
		if toks != nil {
			ts = toks[i]
		} else {
			if !mayTrigger(a.Text[sp.Start:sp.End]) {
				x.followUp(a, idx, sp, nil, sc, cands)
				idx++
				continue
			}
			if ts = sc.tokensIn(a, sp); ts == nil {
				ts = nlp.Tokenize(a.Text[sp.Start:sp.End])
				for k := range ts {
					ts[k].Start += sp.Start
					ts[k].End += sp.Start
				}
			}
		}
		// A "sentence" of hundreds of words (a page without full stops)
		// is read in clause-sized pieces, so that work stays linear.
		for _, piece := range pieces(ts) {
			ps := news.Span{Start: piece[0].Start, End: piece[len(piece)-1].End}
			prevArms := len(cands) > 0 && cands[len(cands)-1].class == cArms && idx-cands[len(cands)-1].last <= 1
			s := x.prepare(a, idx, ps, piece, pub, prevArms, sc)
			if s == nil {
				x.followUp(a, idx, ps, piece, sc, cands)
				idx++
				continue
			}
			idx++
			cands = x.sentenceEvents(a, s, pub, cands)
		}
	}
	cands = mergeArticle(cands)
	attachRefs(cands, refs)
	out := make([]news.Event, 0, len(cands))
	for _, c := range cands {
		if c.dropped {
			continue
		}
		out = append(out, c.finish(a, sc.claims))
	}
	return out
}

// fill tokenises the sentence (abs, when set, holds its tokens with
// article offsets) and reports whether a token is a trigger's first word.
func (s *sentence) fill(abs []nlp.Token, sc *scratch) ([]nlp.Token, bool) {
	var ntoks []nlp.Token
	if abs != nil {
		ntoks = grow(sc.ntoks, len(abs))
		sc.ntoks = ntoks
		for i, t := range abs {
			ntoks[i] = nlp.Token{Text: t.Text, Start: t.Start - s.span.Start, End: t.End - s.span.Start}
		}
	} else {
		ntoks = nlp.Tokenize(s.text)
	}
	s.toks = grow(s.toks, len(ntoks))
	s.low = grow(s.low, len(ntoks))
	hasTrig := false
	for i, t := range ntoks {
		l := normTok(t.Text)
		s.toks[i] = tk{text: t.Text, low: l, start: s.span.Start + t.Start, end: s.span.Start + t.End}
		s.low[i] = l
		if !hasTrig {
			_, hasTrig = triggers[l]
		}
	}
	return ntoks, hasTrig
}

// prepare tokenises a sentence and finds its actors, persons and dates.
//
// It returns nil for a sentence without any trigger word, which cannot
// hold an event. abs, when set, holds the sentence's tokens with article
// offsets.
func (x *Extractor) prepare(a *news.Article, idx int, sp news.Span, abs []nlp.Token, pub time.Time, prevArms bool, sc *scratch) *sentence {
	text := a.Text[sp.Start:sp.End]
	s := sc.sentence()
	s.idx, s.span, s.text = idx, sp, text
	if idx == 0 {
		// A dateline ("KYIV, Ukraine (AP) — ") is not where events happen.
		if k := datelineEnd(text); k > 0 {
			s.span.Start += k
			text = text[k:]
			s.text = text
			abs = nil
		}
	}
	ntoks, hasTrig := s.fill(abs, sc)
	if !hasTrig {
		return nil
	}
	// Triggers whose context is missing ("launched" without a weapon)
	// leave most such sentences without an event: find out before the
	// costlier search for actors, dates and sources. Only the reporting
	// clause, found later, can remove more triggers.
	s.srcFrom, s.srcEnd = -1, -1
	s.prevArms = prevArms
	if len(findTriggers(s)) == 0 {
		return nil
	}
	upper, letters := 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 'A' && c <= 'Z' {
			upper++
			letters++
		} else if c >= 'a' && c <= 'z' {
			letters++
		}
	}
	s.upper = letters > 0 && upper*10 > letters*8
	// Actors: the registry, the dictionary, and entities an NER stage found.
	var ms []ActorMention
	if x.actors != nil {
		ms = append(ms, x.actors.FindActors(text, pub)...)
	}
	for _, m := range x.dict.find(ntoks, s.low) {
		if !overlapsAny(ms, m) {
			ms = append(ms, m)
		}
	}
	for _, e := range a.Entities {
		if e.Start < s.span.Start || e.End > s.span.End || e.Actor == nil {
			continue
		}
		m := ActorMention{Start: e.Start - s.span.Start, End: e.End - s.span.Start, Ref: *e.Actor}
		if !overlapsAny(ms, m) {
			ms = append(ms, m)
		}
	}
	for _, m := range ms {
		if s.upper && m.End-m.Start <= 3 && capsWords[strings.ToLower(text[m.Start:m.End])] {
			continue // "IT IS PREDICTABLE": in capitals, "IS" is a word, not the Islamic State
		}
		ts, te := tokRange(ntoks, m.Start, m.End)
		if ts < 0 {
			continue
		}
		if m.Ref.Kind == news.KindMedia {
			continue // an outlet reports; it is a source, never a party
		}
		at := actorAt{s: ts, e: te, ref: m.Ref, person: m.Ref.Kind == news.KindPerson}
		// "a Pakistani train", "Russian territory": a country's thing,
		// which may be struck but does not act.
		at.thing = m.Ref.Kind == news.KindState && te == ts+1 && te < len(s.low) && demonyms[s.low[ts]] && thingNouns[s.low[te]]
		if te < len(s.low) && (s.low[te] == "'s" || s.low[te] == "'") {
			at.possessor = true
		}
		s.actors = append(s.actors, at)
	}
	s.actors = append(s.actors, findPersons(s, a.Entities)...)
	s.actors = append(s.actors, genericActors(s)...)
	sortActors(s.actors)
	for _, m := range timex.Find(text, s.span.Start) {
		ts, te := tokRange(ntoks, m.Start-s.span.Start, m.End-s.span.Start)
		if ts < 0 {
			continue
		}
		t := timeAt{s: ts, e: te, m: m}
		t.speech = speechDate(s.low, ts)
		s.times = append(s.times, t)
	}
	findSources(s)
	return s
}

func overlapsAny(ms []ActorMention, m ActorMention) bool {
	for _, o := range ms {
		if o.Start < m.End && m.Start < o.End {
			return true
		}
	}
	return false
}

// tokRange maps a byte range of the sentence to the tokens it covers.
func tokRange(toks []nlp.Token, start, end int) (int, int) {
	s, e := -1, -1
	for i, t := range toks {
		if s < 0 && t.End > start {
			s = i
		}
		if t.Start < end {
			e = i + 1
		}
	}
	if s < 0 || e <= s {
		return -1, -1
	}
	return s, e
}

func datelineEnd(text string) int {
	for _, sep := range []string{" — ", " – ", " -- "} {
		i := strings.Index(text, sep)
		if i <= 0 || i > 60 {
			continue
		}
		head := text[:i]
		upper := 0
		for _, r := range head {
			if r >= 'A' && r <= 'Z' {
				upper++
			}
		}
		if strings.Contains(head, "(") || upper*2 >= len(strings.ReplaceAll(head, " ", "")) {
			return i + len(sep)
		}
	}
	return 0
}

// speechDate reports whether the time expression at token i follows a
// speech verb ("said Thursday", "said in Washington on Monday").
func speechDate(low []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if speechVerbs[low[k]] && low[k] != "according" {
			return true
		}
		if low[k] == "," || low[k] == "that" || low[k] == "." || triggerAt(low, k) {
			return false
		}
	}
	// "told The Associated Press Thursday that"
	if i+1 < len(low) && low[i+1] == "that" {
		return true
	}
	return false
}

func triggerAt(low []string, k int) bool {
	_, ok := triggers[low[k]]
	return ok
}

// findSources marks who says so in the sentence: the subject of a speech
// verb, or what follows "according to". Actors there are sources, not
// participants.
func findSources(s *sentence) {
	s.srcFrom, s.srcEnd = -1, -1
	n := len(s.low)
	for i, w := range s.low {
		if !speechVerbs[w] {
			continue
		}
		if w == "according" {
			if i+1 < n && s.low[i+1] == "to" {
				e := i + 2
				for e < n && s.low[e] != "," && s.low[e] != "." && s.low[e] != ";" {
					if e > i+2 && s.low[e] != "one" {
						// "according to radio reports 12 soldiers were
						// injured": a count opens the claim.
						if _, _, ok := parseNumber(s.low, e); ok {
							break
						}
					}
					e++
				}
				s.setSource(i, e, i+2, e)
				return
			}
			continue
		}
		if w == "claimed" || w == "denied" || w == "confirmed" {
			// Also event verbs' companions ("claimed responsibility"):
			// only a reporting verb when a clause or quote follows.
			if i+1 < n && s.low[i+1] != "that" && s.low[i+1] != "," && s.low[i+1] != "." {
				continue
			}
		}
		// Inverted: "..., said one", "reported Reuters".
		inverted := i == 0 || s.low[i-1] == "," || s.low[i-1] == "”" || s.low[i-1] == "\"" || triggerAt(s.low, i-1) && !speechVerbs[s.low[i-1]]
		if inverted && i+1 < n && w != "told" && (isSubjectAfter(s.low, i+1) || s.isCapitalised(i+1) && !s.timeToken(i+1)) {
			e := i + 1
			for e < n && s.low[e] != "," && s.low[e] != "." && s.low[e] != "in" {
				e++
			}
			s.setSource(i, e, i+1, e)
			return
		}
		// Subject before the verb: comma-separated pieces walked leftwards
		// from the verb: a name, an apposition ("Rutte, the NATO chief,
		// said"), a relative clause skipped ("The Swiss Defense Ministry,
		// which in 2022 ordered five Patriot systems, said"); an event
		// clause ends it ("Russia attacked ..., the air force reported").
		subjEnd := i
		b := i - 1
		pieces := 0
		for b >= 0 {
			// the piece [p, b]
			p := b
			for p >= 0 && s.low[p] != "," && !clauseStop(s, p, i) {
				p--
			}
			piece := s.low[p+1 : b+1]
			if len(piece) > 0 {
				if piece[0] == "which" || piece[0] == "who" || piece[0] == "whose" {
					if pieces == 0 {
						subjEnd = p // "X, which ..., said": X is the subject
					}
				} else {
					if eventWordBetween(s, p+1, b+1) && pieces > 0 || len(piece) > 14 || pieces > 0 && !(s.isCapitalised(p+1) && !s.upper || piece[0] == "the" || piece[0] == "a") || pieces > 0 && lowerStart(s, p+1) && piece[0] != "the" && piece[0] != "a" && piece[0] != "an" && piece[0] != "one" && piece[0] != "two" && piece[0] != "three" {
						break
					}
					if eventWordBetween(s, p+1, b+1) {
						break
					}
					pieces++
				}
			}
			if p < 0 || s.low[p] != "," {
				b = p
				break
			}
			b = p - 1
		}
		from := b + 1
		if from < 0 {
			from = 0
		}
		// Drop discourse openers ("Meanwhile,") and a glued-on heading
		// ("Patriot air defense systems for Ukraine The Swiss ...").
		for k := from; k < subjEnd; k++ {
			if k > from && s.toks[k].text == "The" {
				from = k
			}
		}
		if from < subjEnd && (s.low[from] == "meanwhile" || s.low[from] == "but" || s.low[from] == "however") {
			from++
			if from < subjEnd && s.low[from] == "," {
				from++
			}
		}
		// A reporting clause ends where the verb's own complement starts;
		// "told The Associated Press", "told reporters" include whom.
		e := i + 1
		if w == "told" {
			for e < n && (s.low[e] == "the" || s.isCapitalised(e) && !s.timeToken(e) || s.low[e] == "reporters" || s.low[e] == "journalists") {
				e++
			}
		}
		for e < n && (s.timeToken(e) || s.low[e] == "on" || s.low[e] == "in" && e+1 < n && s.isCapitalised(e+1) || s.low[e] == "late") {
			e++
		}
		if from >= subjEnd {
			s.srcFrom, s.srcEnd = i, e
			return
		}
		s.setSource(from, e, from, subjEnd)
		if subjEnd < i {
			s.srcGap = [2]int{subjEnd, i}
		}
		return
	}
}

// clauseStop reports whether token p ends the reporting clause on its left:
// a quote, a semicolon or colon, or "that".
func clauseStop(s *sentence, p, verb int) bool {
	c := s.low[p]
	return c == "”" || c == "\"" || c == ";" || c == "“" || c == ":" || p < verb-1 && c == "that"
}

func lowerStart(s *sentence, k int) bool {
	return k < len(s.toks) && lowerWord(s.toks[k].text)
}

// eventWordBetween reports whether tokens [a, b) hold an event trigger.
func eventWordBetween(s *sentence, a, b int) bool {
	for k := a; k < b; k++ {
		for _, t := range triggers[s.low[k]] {
			if k+len(t.words) <= b && hasSeq(s.low, k, t.words) {
				return true
			}
		}
	}
	return false
}

func isSubjectAfter(low []string, i int) bool {
	switch low[i] {
	case "one", "another", "the", "a", "an":
		return true
	}
	return false
}

func (s *sentence) isCapitalised(i int) bool {
	t := s.toks[i].text
	return t != "" && t[0] >= 'A' && t[0] <= 'Z'
}

func (s *sentence) timeToken(i int) bool {
	for _, t := range s.times {
		if i >= t.s && i < t.e {
			return true
		}
	}
	return false
}

// setSource records tokens [from, to) as the reporting clause, whose
// subject [subj, subjEnd) is the source.
func (s *sentence) setSource(from, to, subj, subjEnd int) {
	s.srcFrom, s.srcEnd = from, to
	// "the police have reported": the auxiliary is not the source.
	for subjEnd > subj && (s.low[subjEnd-1] == "have" || s.low[subjEnd-1] == "has" || s.low[subjEnd-1] == "had" || s.low[subjEnd-1] == "also" || s.low[subjEnd-1] == "all") {
		subjEnd--
	}
	if subj >= subjEnd || subjEnd > len(s.toks) {
		return
	}
	src := news.Source{
		Text:  s.text[s.toks[subj].start-s.span.Start : s.toks[subjEnd-1].end-s.span.Start],
		Start: s.toks[subj].start, End: s.toks[subjEnd-1].end,
	}
	src.Text = strings.TrimSpace(strings.Trim(src.Text, ",“”\""))
	for _, at := range s.actors {
		if at.s >= subj && at.e <= subjEnd && !at.possessor {
			r := at.ref
			src.Actor = &r
			if at.person {
				src.Kind = news.SrcPerson
			} else {
				src.Kind = news.SrcOrg
			}
		}
	}
	if src.Actor == nil {
		if r, ok := institution(s, subj, subjEnd); ok {
			src.Actor = &r
			src.Kind = news.SrcOrg
		}
	}
	if src.Kind == "" {
		src.Kind = news.SrcAnonymous
		l := strings.ToLower(src.Text)
		for _, w := range []string{"ministry", "force", "command", "headquarters", "army", "military", "department", "government", "office", "agency", "police", "council"} {
			if strings.Contains(l, w) {
				src.Kind = news.SrcOrg
			}
		}
	}
	if src.Text != "" {
		s.sources = append(s.sources, src)
	}
}

// inSource reports whether token range [a, b) lies in the reporting clause.
func (s *sentence) inSource(a, b int) bool {
	if s.srcGap[1] > 0 && a >= s.srcGap[0] && b <= s.srcGap[1] {
		return false
	}
	return s.srcFrom >= 0 && a >= s.srcFrom && b <= s.srcEnd
}

func sortActors(as []actorAt) {
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && as[j].s < as[j-1].s; j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

// institution reads an unnamed state institution in a source phrase ("the
// country's defense ministry", "the Ukrainian air force") as a government
// actor of the country named or last mentioned.
func institution(s *sentence, a, b int) (news.ActorRef, bool) {
	kind := ""
	for k := a; k < b; k++ {
		switch s.low[k] {
		case "ministry", "government", "department", "office", "kremlin", "presidency", "spokesperson", "spokesman":
			kind = news.KindGovernment
		case "army", "military", "force", "forces", "command", "police", "guard", "navy":
			if kind == "" {
				kind = news.KindStateForces
			}
		}
	}
	if kind == "" {
		return news.ActorRef{}, false
	}
	country := ""
	for _, at := range s.actors {
		if at.s >= a && at.e <= b && at.ref.Country != "" {
			country = at.ref.Country
		}
	}
	if country == "" {
		// "the country's": the country the sentence is about.
		for _, at := range s.actors {
			if at.s < a && at.ref.Country != "" && !at.person {
				country = at.ref.Country
				break
			}
		}
	}
	if country == "" {
		return news.ActorRef{}, false
	}
	name := strings.TrimSpace(s.text[s.toks[a].start-s.span.Start : s.toks[b-1].end-s.span.Start])
	return news.ActorRef{Name: trimDet(name), Kind: kind, Country: country}, true
}

// maxSentence is the most tokens read as one sentence.
const maxSentence = 120

// pieces splits a sentence's tokens into pieces of at most maxSentence
// tokens, at the last comma, semicolon or colon before the limit when
// there is one.
func pieces(ts []nlp.Token) [][]nlp.Token {
	if len(ts) <= maxSentence {
		return [][]nlp.Token{ts}
	}
	var out [][]nlp.Token
	for len(ts) > maxSentence {
		cut := maxSentence
		for k := maxSentence - 1; k > maxSentence/2; k-- {
			if t := ts[k].Text; t == "," || t == ";" || t == ":" {
				cut = k + 1
				break
			}
		}
		out = append(out, ts[:cut])
		ts = ts[cut:]
	}
	if len(ts) > 0 {
		out = append(out, ts)
	}
	return out
}

// scratch holds one sentence's buffers for reuse by the next within one
// Extract call: nothing keeps a sentence once its events are built.
type scratch struct {
	s        sentence
	ntoks    []nlp.Token
	given    []nlp.Token        // a sentence's tokens from a.Tokens, article offsets
	tokensOK bool               // a.Tokens fit the article (nlp.SpansFit)
	claims   []news.Attribution // claims(a.Attributions), found once per article
}

// tokensIn returns the nlp stage's tokens of sentence sp (from a.Tokens,
// with article offsets) in sc's buffer, or nil when there are none to read.
func (sc *scratch) tokensIn(a *news.Article, sp news.Span) []nlp.Token {
	if !sc.tokensOK {
		return nil
	}
	k := sort.Search(len(a.Tokens), func(k int) bool { return a.Tokens[k].Start >= sp.Start })
	sc.given = sc.given[:0]
	for ; k < len(a.Tokens) && a.Tokens[k].End <= sp.End; k++ {
		t := a.Tokens[k]
		sc.given = append(sc.given, nlp.Token{Text: a.Text[t.Start:t.End], Start: t.Start, End: t.End})
	}
	if len(sc.given) == 0 {
		return nil
	}
	return sc.given
}

// scratchPool keeps scratch buffers from one article to the next: the
// stage runs on several articles at once.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release empties sc, so that it holds no article's text, and returns it
// to the pool.
func (sc *scratch) release() {
	s := &sc.s
	clear(s.toks[:cap(s.toks)])
	clear(s.low[:cap(s.low)])
	clear(s.actors[:cap(s.actors)])
	clear(s.times[:cap(s.times)])
	clear(s.sources[:cap(s.sources)])
	clear(sc.ntoks[:cap(sc.ntoks)])
	clear(sc.given[:cap(sc.given)])
	*s = sentence{toks: s.toks[:0], low: s.low[:0], actors: s.actors[:0], times: s.times[:0], sources: s.sources[:0]}
	sc.ntoks, sc.given, sc.tokensOK, sc.claims = sc.ntoks[:0], sc.given[:0], false, nil
	scratchPool.Put(sc)
}

// sentence returns the scratch sentence emptied, its slices' room kept.
func (sc *scratch) sentence() *sentence {
	s := &sc.s
	*s = sentence{toks: s.toks[:0], low: s.low[:0], actors: s.actors[:0], times: s.times[:0], sources: s.sources[:0], claims: sc.claims}
	return s
}

// grow returns b with length n, reusing its room when it has enough.
func grow[T any](b []T, n int) []T {
	if cap(b) >= n {
		return b[:n]
	}
	return make([]T, n)
}

// capsWords are short common words that text written in capitals makes
// look like acronyms of actors ("IS", "US" in "LET US", "AN").
var capsWords = set("is", "it", "as", "at", "on", "in", "an", "or", "he", "we", "me", "no", "so", "to", "do",
	"be", "by", "up", "of", "if", "my", "am", "are", "was", "has", "had", "its", "his", "her", "our", "who", "all", "any", "and", "the", "for", "not", "but", "can", "may", "now", "new", "one", "two", "off", "out", "own", "way", "day", "war", "arm", "aid")
