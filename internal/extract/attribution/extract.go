package attribution

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

// tok is a token with what the patterns need to know about it.
type tok struct {
	text, low  string
	start, end int
	sent, para int
	q          int  // index of the quote region holding the token, or -1
	qmark      bool // the token is a quotation mark
	cap        bool // begins with an upper-case letter
}

// region is a quotation: tokens t0..t1 inclusive, marks included.
type region struct {
	t0, t1 int
	used   bool
}

// doc is one article being read.
type doc struct {
	text string
	// the nlp stage's sentences and tokens, when it ran: read instead of
	// tokenising the text again
	givenSents, givenToks []news.Span
	toks                  []tok
	sents                 [][2]int // token range [from, to) of each sentence
	quotes                []region
	used                  []bool // token already part of an attribution's cue or source
	out                   []pending
	ents                  []entity
	pubAt                 time.Time
	names                 map[string]bool // surnames seen in full names
	outlet                string          // the outlet named as a source, for caveats

	// buffers kept between articles (see docPool)
	spare    []pending // resolve's output, swapped with out
	nameWord []bool
	lowBuf   []byte
	items    [][2]int   // resolve's split source lists
	spoken   []spokenBy // resolve's claims by source and cue
	srcBuf   []news.Source
	spans    [3][][2]int // fill's tagged spans
	fc       featureCtx
	tags     []uint8
	taken    []bool
	cc       cueCtx
	cueTags  []uint8
	detected [][2]int                      // the cue detector's spans
	ccValid  bool                          // cc holds this article's word hashes (the tagger reuses them)
	resolved map[resolveKey]*news.ActorRef // this article's sources resolved to actors (nil: none)
}

// resolveKey is a source mention as the resolver is asked about it.
type resolveKey struct{ mention, typ string }

// docPool recycles the per-article buffers: Extract runs concurrently and
// per article, and fresh token and feature arrays were most of its
// allocations.
var docPool = sync.Pool{New: func() any { return new(doc) }}

// maxPooledToks bounds the token array kept for reuse, so that one very
// long article does not pin a large buffer.
const maxPooledToks = 1 << 15

// release clears d's references to the article and returns it to docPool.
func (d *doc) release() {
	if cap(d.toks) > maxPooledToks {
		return
	}
	clear(d.toks)
	clear(d.out)
	clear(d.spare[:cap(d.spare)])
	clear(d.ents)
	clear(d.srcBuf)
	clear(d.names)
	clear(d.resolved)
	*d = doc{
		toks: d.toks[:0], sents: d.sents[:0], quotes: d.quotes[:0], used: d.used[:0],
		out: d.out[:0], ents: d.ents[:0], names: d.names, spare: d.spare[:0],
		nameWord: d.nameWord[:0], lowBuf: d.lowBuf[:0], fc: d.fc,
		items: d.items[:0], spoken: d.spoken[:0], srcBuf: d.srcBuf[:0], spans: d.spans, tags: d.tags[:0], taken: d.taken[:0],
		cc: d.cc, cueTags: d.cueTags[:0], detected: d.detected[:0], resolved: d.resolved,
	}
	docPool.Put(d)
}

// boolBuf returns b resized to n, all false.
func boolBuf(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// pending is an attribution under construction, in token indices.
type pending struct {
	src        [2]int // token range of the source mention [from, to); from == to when none
	cue        [2]int
	cont       [2]int // byte range of the content
	rel        string
	source     news.Source
	sent       int
	continuing bool // a quote attributed to the previous speaker
	apposed    bool // the source is "NAME, ROLE": one source, not a list
	tagged     bool // found by the tagger, not the patterns
}

// Extract returns the attributions in text, in text order. published dates
// the article, for resolving dated roles.
func (x *Extractor) Extract(text string, published time.Time) []news.Attribution {
	return x.extract(text, published, nil, nil)
}

// extract is Extract reading the nlp stage's sentences and tokens of text
// when they are given (sents and toks both set).
func (x *Extractor) extract(text string, published time.Time, sents, toks []news.Span) []news.Attribution {
	orig := text
	if !utf8.ValidString(text) {
		// Read a copy with each invalid byte blanked, so that offsets
		// still index the caller's text.
		b := []byte(text)
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 {
				b[i] = ' '
			}
			i += n
		}
		text = string(b)
		sents, toks = nil, nil // tokens of the blanked copy may differ
	}
	d := docPool.Get().(*doc)
	defer d.release()
	d.text, d.pubAt = text, published
	if len(sents) > 0 && len(toks) > 0 {
		d.givenSents, d.givenToks = sents, toks
	}
	if !d.patterns() {
		return nil
	}
	if x.cues != nil {
		d.detected = d.appendCueSpans(d.detected[:0], d.detectCues(x.cues, d.ruleTags(), false))
	}
	if x.model != nil {
		d.fill(d.tag(x.model), x.opts.BroadCues && x.cues != nil)
	}
	d.sortPending()
	d.resolve(x)
	d.text = orig
	out := make([]news.Attribution, 0, len(d.out))
	for _, p := range d.out {
		a := news.Attribution{
			Source:   p.source,
			Cue:      d.span(d.tokBytes(p.cue)),
			Content:  d.span(p.cont),
			Relation: p.rel,
		}
		out = append(out, a)
	}
	return out
}

// patterns reads the text and applies the patterns; it reports false when
// the text has no tokens.
func (d *doc) patterns() bool {
	d.load()
	if len(d.toks) == 0 {
		return false
	}
	d.findQuotes()
	d.used = boolBuf(d.used, len(d.toks))
	for si := range d.sents {
		d.sentence(si)
	}
	d.dropNested()
	d.continuations()
	return true
}

// ruleTags marks each token with what the patterns made of it: 0 nothing,
// 1 source, 2 cue, 3 content.
func (d *doc) ruleTags() []uint8 {
	rt := zeroed(d.fc.rule, len(d.toks))
	for _, p := range d.out {
		if p.cont[0] < p.cont[1] {
			for k := d.tokAt(p.cont[0]); k < len(d.toks) && d.toks[k].start < p.cont[1]; k++ {
				rt[k] = 3
			}
		}
		for k := p.src[0]; k < p.src[1] && k < len(rt); k++ {
			rt[k] = 1
		}
		for k := p.cue[0]; k < p.cue[1] && k < len(rt); k++ {
			rt[k] = 2
		}
	}
	return rt
}

func (d *doc) span(b [2]int) news.TextSpan {
	if b[0] < 0 || b[1] > len(d.text) || b[0] > b[1] {
		return news.TextSpan{}
	}
	return news.TextSpan{Text: d.text[b[0]:b[1]], Start: b[0], End: b[1]}
}

// tokBytes returns the byte range of tokens [r0, r1).
func (d *doc) tokBytes(r [2]int) [2]int {
	if r[0] >= r[1] || r[0] < 0 || r[1] > len(d.toks) {
		if r[0] >= 0 && r[0] < len(d.toks) {
			return [2]int{d.toks[r[0]].start, d.toks[r[0]].start}
		}
		return [2]int{0, 0}
	}
	return [2]int{d.toks[r[0]].start, d.toks[r[1]-1].end}
}

// addTok appends the token text at [start, end) of sentence si; para is
// the paragraph of the token before, and addTok returns this one's.
func (d *doc) addTok(text string, start, end, si, para int) int {
	if k := len(d.toks); k > 0 && strings.Count(d.text[d.toks[k-1].end:start], "\n") >= 2 {
		para++
	}
	r, _ := utf8.DecodeRuneInString(text)
	low := text
	switch lowerKind(text) {
	case lowerASCII:
		low = "" // set below, from the article's lowered words
		d.lowBuf = appendLowerASCII(d.lowBuf, text)
	case lowerOther:
		low = lower(text)
	}
	d.toks = append(d.toks, tok{
		text: text, low: low, start: start, end: end,
		sent: si, para: para, q: -1, cap: unicode.IsUpper(r),
	})
	return para
}

// nounForms are cue words that are more often nouns.
var nounForms = setOf(`reports claims comments notes states estimates accounts charges
	promises pledges threats warns posts tweets statements remarks`)

func (d *doc) load() {
	d.toks = d.toks[:0]
	para := 0
	if d.givenToks != nil && nlp.SpansFit(d.text, d.givenSents, d.givenToks) {
		if cap(d.toks) < len(d.givenToks) {
			d.toks = make([]tok, 0, len(d.givenToks))
		}
		k := 0
		for si, sp := range d.givenSents {
			from := len(d.toks)
			for ; k < len(d.givenToks) && d.givenToks[k].End <= sp.End; k++ {
				t := d.givenToks[k]
				para = d.addTok(d.text[t.Start:t.End], t.Start, t.End, si, para)
			}
			d.sents = append(d.sents, [2]int{from, len(d.toks)})
		}
	} else {
		sents := nlp.TokenizeSentences(d.text)
		n := 0
		for _, s := range sents {
			n += len(s)
		}
		if cap(d.toks) < n {
			d.toks = make([]tok, 0, n)
		}
		for si, s := range sents {
			from := len(d.toks)
			for _, t := range s {
				para = d.addTok(t.Text, t.Start, t.End, si, para)
			}
			d.sents = append(d.sents, [2]int{from, len(d.toks)})
		}
	}
	// the ASCII words with upper-case letters, lowered into one string
	if len(d.lowBuf) > 0 {
		all, off := string(d.lowBuf), 0
		for k := range d.toks {
			if t := &d.toks[k]; lowerKind(t.text) == lowerASCII {
				t.low = all[off : off+len(t.text)]
				off += len(t.text)
			}
		}
	}
	if d.names == nil {
		d.names = map[string]bool{}
	}
	d.nameWord = boolBuf(d.nameWord, len(d.toks))
	nameWord := d.nameWord
	for k := range d.toks {
		nameWord[k] = d.isNameWord(k)
	}
	for k := 1; k < len(d.toks); k++ {
		// surnames of full names anywhere in the text ("NATO leader Mark
		// Rutte"), so that "Rutte" alone is known as a person
		if nameWord[k] && nameWord[k-1] && (k+1 >= len(d.toks) || !nameWord[k+1]) && d.toks[k-1].sent == d.toks[k].sent && d.toks[k-1].start != d.toks[d.sents[d.toks[k].sent][0]].start {
			d.names[d.toks[k].low] = true
		}
	}
}

// What lower does to a word.
const (
	lowerNone  = iota // already lower case: the word itself
	lowerASCII        // ASCII with upper-case letters: byte by byte
	lowerOther        // non-ASCII: strings.ToLower and ’ to '
)

func lowerKind(s string) int {
	k := lowerNone
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return lowerOther
		}
		if c >= 'A' && c <= 'Z' {
			k = lowerASCII
		}
	}
	return k
}

func appendLowerASCII(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return strings.ReplaceAll(strings.ToLower(s), "’", "'")
		}
	}
	return s
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func isOpenQuote(s string) bool  { return s == "“" || s == "«" || s == "„" }
func isCloseQuote(s string) bool { return s == "”" || s == "»" }

// findQuotes pairs quotation marks into regions. A quote left open at a
// paragraph's end continues when the next paragraph opens with a quotation
// mark (the news convention for quotes running over several paragraphs);
// otherwise it ends with its paragraph.
func (d *doc) findQuotes() {
	open := -1
	closeAt := func(end int) {
		d.quotes = append(d.quotes, region{t0: open, t1: end})
		open = -1
	}
	for i := range d.toks {
		t := &d.toks[i]
		if open >= 0 && i > 0 && t.para != d.toks[i-1].para {
			closeAt(i - 1)
		}
		switch {
		case isOpenQuote(t.text):
			t.qmark = true
			if open >= 0 && t.start > 0 && !isSpaceByte(d.text[t.start-1]) && (t.end == len(d.text) || isSpaceByte(d.text[t.end])) {
				closeAt(i) // a closing quotation mark typed the wrong way round
				continue
			}
			if open >= 0 {
				closeAt(i - 1)
			}
			open = i
		case isCloseQuote(t.text):
			t.qmark = true
			if open >= 0 {
				closeAt(i)
			}
		case t.text == "\"":
			t.qmark = true
			if open >= 0 {
				closeAt(i)
			} else {
				open = i
			}
		}
	}
	if open >= 0 {
		closeAt(len(d.toks) - 1)
	}
	for qi, r := range d.quotes {
		for i := r.t0; i <= r.t1; i++ {
			d.toks[i].q = qi
		}
	}
}

// isBoundary reports whether a token ends a noun phrase scanned backwards
// or forwards.
func isBoundary(t *tok) bool {
	if t.qmark {
		return true
	}
	switch t.low {
	case ",", ";", ":", "(", ")", "[", "]", ".", "!", "?", "—", "–", "-", "--", "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "if", "as", "than", "since":
		return true
	}
	return false
}

// cueAt matches a cue at token i of sentence si and returns its token range
// and kind; ok is false when none starts there.
func (d *doc) sentence(si int) {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	d.caveat(si)
	for i := s0; i < s1; i++ {
		t := &d.toks[i]
		if t.q >= 0 || d.used[i] {
			continue
		}
		switch {
		case t.low == "according" && i+1 < s1 && d.toks[i+1].low == "to":
			d.accordingTo(si, i)
			continue
		case t.low == "by" && i > s0 && (d.toks[i-1].low == "reported" || d.toks[i-1].low == "told" || d.toks[i-1].low == "quoted") && d.toks[i-1].q < 0:
			d.reportedBy(si, i)
			continue
		case t.low == "by" && i > s0 && (d.toks[i-1].low == "confirmed" || d.toks[i-1].low == "denied" || d.toks[i-1].low == "corroborated" || d.toks[i-1].low == "disputed"):
			d.passiveBy(si, i)
			continue
		}
		if t.low == ":" && i > s0 && !d.used[i-1] && d.colon(si, i) {
			continue
		}
		if j, ok := d.refusal(si, i); ok {
			d.addRefusal(si, i, j)
			i = j - 1
			continue
		}
		ci, ok := cueWords[t.low]
		if !ok && d.creditFor(i, s1) > 0 {
			// a claim of responsibility: "the BLA took credit for the attack"
			ci, ok = cueInfo{cueVerb, RelAssert}, true
		}
		if !ok && d.verbBeforeClause(si, i) {
			// any verb that takes a "that" clause or a quotation after a
			// subject: "Clinton conceded that ...", "Trump quipped: “...”"
			ci, ok = cueInfo{cueVerb, RelAssert}, true
		}
		if !ok || t.cap && i > s0 && !d.titleCase(si) {
			continue // verbs are lower case inside a sentence, not a headline
		}
		if i > s0 && !d.verbContext(i) {
			continue
		}
		if ci.rel == RelConfirm && i+1 < s1 && d.toks[i+1].low == "by" {
			continue
		}
		if d.verbCue(si, i, ci) {
			// one speech verb per clause: skip to the next comma-free clause
			continue
		}
	}
	d.inDocument(si)
	d.caveatContent(si)
}

// namesSomeone reports whether the phrase r holds a word other than a
// determiner, a function word or a figure ("Two told Reuters" names two
// people; "the", "which in 2022" name no one).
func (d *doc) namesSomeone(r [2]int) bool {
	if r[1]-r[0] == 1 && pronominal[d.toks[r[0]].low] {
		return true // "Another said", "Both denied"
	}
	for k := r[0]; k < r[1]; k++ {
		w := d.toks[k].low
		if !determiners[w] && !functionWords[w] && !isDigits(w) && !isBoundary(&d.toks[k]) {
			return true
		}
	}
	return false
}

// pronominal determiners stand for people by themselves.
var pronominal = setOf(`another some both all many several each few most`)

// creditFor returns the length of a claim of responsibility starting at
// token i ("took credit for", "claimed responsibility for", "claims
// responsibility of"), or 0.
func (d *doc) creditFor(i, s1 int) int {
	if i+2 >= s1 {
		return 0
	}
	switch d.toks[i+1].low { // checked first: it rules out almost every word
	case "credit", "responsibility", "full", "sole":
	default:
		return 0
	}
	if !takeVerbs[d.toks[i].low] {
		return 0
	}
	k := i + 1
	if w := d.toks[k].low; w == "full" || w == "sole" {
		k++
	}
	if k+1 >= s1 || d.toks[k].low != "credit" && d.toks[k].low != "responsibility" {
		return 0
	}
	if w := d.toks[k+1].low; w != "for" && w != "of" {
		return 0
	}
	return k + 2 - i
}

// takeVerbs take "credit" or "responsibility" in a claim of an act.
// (Not the participles "taking", "claiming": "..., taking responsibility
// for" is the clause's subject's, which the participle cues handle.)
var takeVerbs = setOf(`took take takes claimed claims claim accepted accepts assumed assumes`)

// inDocument handles "In a new poll, 40 percent ..." and "In a statement,
// ...": a sentence that opens with the document it reports, when no other
// cue took it.
func (d *doc) inDocument(si int) {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	if s1-s0 < 5 || d.toks[s0].low != "in" {
		return
	}
	for _, p := range d.out {
		if p.sent == si {
			return
		}
	}
	comma := -1
	for k := s0 + 1; k < s1 && k-s0 <= 12; k++ {
		if d.toks[k].low == "," {
			comma = k
			break
		}
		if d.toks[k].q >= 0 {
			return
		}
	}
	if comma < 0 {
		return
	}
	// the document: the noun before a preposition or the comma
	doc := false
	for k := s0 + 1; k < comma; k++ {
		if documentHeads[d.toks[k].low] || d.toks[k].low == "interview" || d.toks[k].low == "speech" {
			doc = true
			break
		}
	}
	if !doc {
		return
	}
	cont := d.contentAfter(si, comma+1)
	if cont[0] >= cont[1] {
		return
	}
	d.add(pending{src: [2]int{s0 + 1, comma}, cue: [2]int{s0, s0 + 1}, cont: cont, rel: RelAssert, sent: si})
}

// skipAuxBack returns the first token of the cue when auxiliaries and
// adverbs precede the verb at i.
func (d *doc) skipAuxBack(s0, i int) int {
	state := statePassives[d.toks[i].low] // "was quoted", "are worried": "be" joins the cue
	for i > s0 && (cueAux[d.toks[i-1].low] || mannerAdverb(&d.toks[i-1]) || state && beForms[d.toks[i-1].low]) && d.toks[i-1].q < 0 {
		i--
	}
	// "did not", "has not" belong to refusals, handled elsewhere.
	return i
}

// mannerAdverb reports whether t is a lower-case adverb in -ly that can
// stand before a cue verb ("forcefully rejected", "publicly said").
func mannerAdverb(t *tok) bool {
	n := len(t.low)
	return !t.cap && n > 5 && t.low[n-2:] == "ly" && !notAdverbs[t.low]
}

// notAdverbs end in -ly but are not adverbs of manner.
var notAdverbs = setOf(`family only early daily weekly monthly yearly italy july assembly ally rally
	reply supply apply holy likely unlikely elderly friendly deadly`)

// npBack returns the start of the noun phrase ending just before end,
// scanning back to a boundary; the phrase is trimmed of clause openers.
func (d *doc) npBack(s0, end int) int {
	if end-1 > s0 && d.toks[end-1].low == ")" {
		// skip a parenthesis: "Kasich (who has 25 delegates to date) said"
		k := end - 2
		for k > s0 && d.toks[k].low != "(" && end-k < 20 {
			k--
		}
		if d.toks[k].low == "(" && k > s0 {
			b := d.npBack(s0, k)
			if b < k {
				return b
			}
		}
	}
	b := end
	clause := false // a clause before the subject: "X was on high alert and the military said"
	for b > s0 && !isBoundary(&d.toks[b-1]) && end-b < 14 {
		if b < end && reportVerbs[d.toks[b-1].low] {
			break // "Abdi says she replied": the subject is "she"
		}
		if b < end && beForms[d.toks[b-1].low] {
			clause = true
			break
		}
		b--
	}
	if end-b >= 14 {
		return end
	}
	if clause || b < end && functionWords[d.toks[b].low] {
		// the subject is what follows the clause's last "and"
		for k := end - 1; k > b; k-- {
			if d.toks[k].low == "and" {
				b = k + 1
				break
			}
		}
	}
	if p := end - 1; p > b && d.toks[p-1].low != "and" && (d.toks[p].low == "he" || d.toks[p].low == "she" || d.toks[p].low == "they") {
		for k := b; k < p; k++ {
			if w := d.toks[k].low; w == "and" || w == "but" || functionWords[w] {
				// "a strong advocate of Schengen and during Brexit
				// negotiations he emphasized": the pronoun is the subject
				return p
			}
		}
	}
	// A capitalised "The" inside the phrase starts it ("... for Ukraine The
	// Swiss Defense Ministry": a run-in heading before the sentence).
	for k := end - 1; k > b; k-- {
		if d.toks[k].text == "The" {
			b = k
			break
		}
	}
	for b < end && (clauseOpeners[d.toks[b].low] || d.toks[b].low == "and") {
		b++
	}
	// Time adverbials before the subject: "On Thursday, ..." never reach
	// here (comma), but "Last week the ministry said" does.
	return b
}

// npForward returns the end of a noun phrase starting at k.
func (d *doc) npForward(k, s1 int) int {
	e := k
	for e < s1 && e-k < 12 {
		t := &d.toks[e]
		if isBoundary(t) || stopAfterSource[t.low] {
			break
		}
		if e > k && cueWords[t.low].class != 0 && !roleNouns[t.low] {
			break
		}
		e++
	}
	return e
}

// subjectPronouns open a reported clause ("said it killed 33").
var subjectPronouns = setOf(`it they he she we i`)

// reportVerbs end a subject found backwards from a cue: what comes before
// them is another claim's.
var reportVerbs = setOf(`said says say told tells stated wrote writes added adds`)

var stopAfterSource = setOf(`in on at during after before last this late early on monday tuesday
	wednesday thursday friday saturday sunday today yesterday tonight overnight earlier later
	via when while adding saying noting on`)

var timeWords = setOf(`on monday tuesday wednesday thursday friday saturday sunday today yesterday
	tonight overnight late early last this week month year night morning afternoon evening
	earlier later again also previously recently separately publicly privately`)

// verbCue handles a speech verb at i. It returns true when it produced an
// attribution.
func (d *doc) verbCue(si, i int, ci cueInfo) bool {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	c0 := d.skipAuxBack(s0, i)
	c1 := i + 1
	if n := d.creditFor(i, s1); n > 0 {
		c1 = i + n // "took credit for", "claimed responsibility for"
	}
	// "said in a statement on Telegram", "said in his nightly video address"
	if ci.class == cueVerb || ci.class == cueTell {
		c1 = d.channel(c1, s1)
	}
	if ci.class == cueTell {
		c1 = d.recipient(c1, s1)
	}

	// Source before the cue?
	var src [2]int
	var cont [2]int
	before := c0
	inverted := false
	apposed := false
	if before > s0 && (d.toks[before-1].low == "—" || d.toks[before-1].low == "–") {
		// "Al-Sharaa — leader of ... — said"
		if a, ok := d.dashAppositive(s0, before); ok {
			src = a
			apposed = true
		}
	} else if before > s0 && (d.toks[before-1].low == "," || d.toks[before-1].qmark) {
		// ", said X" / "” said X" / "X, head of Y, said" / "X, which ..., said"
		if a, ok := d.appositive(s0, before); ok {
			src = a
			apposed = true
		} else if h, ok := d.interrupted(s0, before, c1, s1); ok {
			// "Judicial Watch, in releasing the email, noted ...":
			// the subject, an aside, then the cue and what it reports
			src = h
		} else {
			inverted = true
		}
	} else if before > s0 && (d.toks[before-1].low == "and" || d.toks[before-1].low == "but") && ci.class != cueCognition && d.coordinated(s0, before-1) {
		// "He said that ... and said that ...": the same speaker
		cont := d.contentAfter(si, c1)
		if cont[0] >= cont[1] {
			return false
		}
		d.add(pending{src: [2]int{c0, c0}, cue: [2]int{c0, c1}, cont: cont, rel: ci.rel, sent: si})
		return true
	} else {
		b := d.npBack(s0, before)
		if b < before {
			src = [2]int{b, before}
		}
	}
	if ci.class == cueCognition && (inverted || src[0] == src[1]) {
		return false
	}
	if ci.class == cueParticle {
		if c0 == s0 || d.toks[c0-1].low != "," {
			// "saying" as a noun or a gerund subject: not a cue
			if src[0] == src[1] {
				return false
			}
		}
		inverted = false
		src = [2]int{c0, c0}
		// content after the participle
		cont = d.contentAfter(si, c1)
		if cont[0] >= cont[1] {
			return false
		}
		d.add(pending{src: src, cue: [2]int{c0, c1}, cont: cont, rel: ci.rel, sent: si})
		return true
	}
	if inverted {
		e := d.npForward(c1, s1)
		if e == c1 {
			return false
		}
		src = [2]int{c1, e}
		if !d.namesSomeone(src) || functionWords[d.toks[c1].low] {
			// "…,” denies the charges": no one after the cue; "Hamas,
			// accused by Israel of killing": a participle, not a claim
			return false
		}
		cont = d.contentBefore(si, c0)
		if cont[0] >= cont[1] {
			return false
		}
		d.add(pending{src: src, cue: [2]int{c0, c1}, cont: cont, rel: ci.rel, sent: si})
		return true
	}
	if src[0] == src[1] {
		return false
	}
	if !d.namesSomeone(src) {
		return false // "the", "which in 2022": nobody
	}
	if d.negatedSubject(src) {
		// "No group has claimed responsibility": nobody says so (fill
		// does not take the tagger's reading of it either)
		return true
	}
	// "CONTENT, SOURCE said." or "“QUOTE,” SOURCE said."
	b := src[0]
	if b > s0 && (d.toks[b-1].low == "," || d.toks[b-1].qmark) && d.afterIsTrivial(c1, s1) && !d.openingAdverbial(s0, b-1, c1, s1) {
		cont = d.contentBefore(si, b)
	} else if b == s0 && b > 0 && d.toks[b-1].qmark && isCloseQuote(d.toks[b-1].text) && d.toks[b-1].para == d.toks[b].para && d.toks[b-1].q >= 0 && c1+3 >= s1 {
		r := d.quotes[d.toks[b-1].q]
		d.quotes[d.toks[b-1].q].used = true
		cont = [2]int{d.toks[r.t0].start, d.toks[r.t1].end}
	} else {
		cont = d.contentAfter(si, c1)
	}
	if cont[0] >= cont[1] {
		return false
	}
	// "X said it was not able to comment": a refusal, not a claim.
	if j, k, ok := d.refusalIn(cont); ok {
		d.add(pending{src: src, cue: [2]int{j, k}, cont: [2]int{d.toks[k-1].end, d.toks[k-1].end}, rel: RelNoComment, sent: si})
		return true
	}
	d.add(pending{src: src, cue: [2]int{c0, c1}, cont: cont, rel: ci.rel, sent: si, apposed: apposed})
	return true
}

// verbBeforeClause reports whether the word at i looks like a finite verb
// (ends in -ed or -s) with a subject before it and "that", a colon or a
// quotation right after it.
func (d *doc) verbBeforeClause(si, i int) bool {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	t := &d.toks[i]
	if i == s0 || i+1 >= s1 || t.cap || len(t.low) < 5 {
		return false
	}
	if !verbForm(t.low) {
		return false
	}
	n := &d.toks[i+1]
	if !(n.low == "that" || n.low == ":" || n.qmark && isOpenQuote(n.text)) {
		return false
	}
	p := &d.toks[i-1]
	return p.cap && !clauseOpeners[p.low] || pronouns[p.low] > 0 || roleNouns[p.low] || orgHeads[p.low] || cueAux[p.low] && i-1 > s0
}

// titleCase reports whether a sentence is a headline in title case ("Al
// Sharpton Just Said Something Unexpected About Donald Trump").
func (d *doc) titleCase(si int) bool {
	words, caps := 0, 0
	for k := d.sents[si][0]; k < d.sents[si][1]; k++ {
		t := &d.toks[k]
		if len(t.low) < 4 || !isLetters(t.text) {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	return words >= 3 && caps*5 >= words*4
}

// verbContext reports whether the word at i, a cue word, is used as a verb:
// not after a determiner or preposition ("the promised weapons", "issuing
// claims"), and for forms that are also nouns ("reports", "claims"), only
// after something that can be a subject.
func (d *doc) verbContext(i int) bool {
	p := &d.toks[i-1]
	switch p.low {
	case "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "of", "for", "in", "on", "with", "about", "to", "by", "from", "'s", "been", "being", "be":
		return false
	case "was", "were", "is", "are", "stands", "stood":
		// a passive: "that was called off", "Biegun was confirmed as",
		// "Lai stands accused of"
		if t := &d.toks[i]; passiveParticiple(t) || t.low == "said" {
			return false
		}
	}
	if (numberWords[p.low] > 0 || isDigits(p.low)) && strings.HasSuffix(d.toks[i].low, "s") {
		return false // "faces two charges": a noun
	}
	if !strings.HasSuffix(d.toks[i].low, "s") || strings.HasSuffix(d.toks[i].low, "ss") {
		return true
	}
	if nounForms[d.toks[i].low] && i+1 < len(d.toks) {
		// "academic reports often dismissed": a noun unless a clause follows
		n := &d.toks[i+1]
		if !(n.low == "that" || n.qmark || n.low == ":" || n.low == "," || pronouns[n.low] > 0 || determiners[n.low] || n.cap) {
			return false
		}
	}
	// "officials say", "the ministry claims": the word before must end a
	// noun phrase that can speak.
	if p.cap || pronouns[p.low] > 0 || roleNouns[p.low] || orgHeads[p.low] || outletHeads[p.low] || documentHeads[p.low] || cueAux[p.low] || p.qmark || p.low == "," {
		return true
	}
	return false
}

// colon handles "Trump on Clinton: “...”" and transcripts ("KATE
// BOLDUAN: Why not debate?"): a short phrase naming the speaker, a colon,
// and what was said.
func (d *doc) colon(si, i int) bool {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	if i+1 >= s1 {
		return false
	}
	b := d.npBack(s0, i)
	if b >= i || i-b > 8 {
		return false
	}
	speaker := false
	allCaps := true
	for k := b; k < i; k++ {
		t := &d.toks[k]
		if t.cap || pronouns[t.low] > 0 {
			speaker = true
		}
		if !upperCase(t.text) {
			allCaps = false
		}
	}
	if !speaker {
		return false
	}
	var cont [2]int
	switch n := &d.toks[i+1]; {
	case n.qmark && isOpenQuote(n.text) && n.q >= 0:
		r := d.quotes[n.q]
		d.quotes[n.q].used = true
		cont = [2]int{n.start, d.toks[r.t1].end}
	case allCaps && b == s0:
		e := s1
		for e > i+1 && isTrailingPunct(d.toks[e-1].low) {
			e--
		}
		if e <= i+1 {
			return false
		}
		cont = [2]int{n.start, d.toks[e-1].end}
	default:
		return false
	}
	d.add(pending{src: [2]int{b, i}, cue: [2]int{i, i + 1}, cont: cont, rel: RelAssert, sent: si})
	return true
}

// coordinated reports whether an attribution earlier in the sentence
// (ending before token k) has a speaker that the word at k ("and", "but")
// coordinates a second cue with.
func (d *doc) coordinated(s0, k int) bool {
	for j := len(d.out) - 1; j >= 0; j-- {
		p := &d.out[j]
		if p.sent != d.toks[k].sent {
			return false
		}
		if p.cue[1] <= k && p.src[0] < p.src[1] {
			return true
		}
	}
	return false
}

// channel extends a cue ending at c1 over "in a statement (on Telegram)".
func (d *doc) channel(c1, s1 int) int {
	if c1 >= s1 || d.toks[c1].low != "in" {
		return c1
	}
	k := c1 + 1
	for n := 0; k < s1 && n < 4; n++ {
		t := &d.toks[k]
		if channelNouns[t.low] {
			k++
			// "on Telegram", "on X", "to parliament"
			if k+1 < s1 && (d.toks[k].low == "on" || d.toks[k].low == "to") && d.toks[k+1].cap {
				k += 2
			}
			return k
		}
		if isBoundary(t) || t.cap && n > 0 {
			return c1
		}
		k++
	}
	return c1
}

// recipient extends a "told" cue over whom it was told: "told Reuters",
// "told reporters", "told The Associated Press".
func (d *doc) recipient(c1, s1 int) int {
	k := c1
	for k < s1 && k-c1 < 6 {
		t := &d.toks[k]
		if isBoundary(t) || stopAfterSource[t.low] || t.low == "that" {
			break
		}
		if k > c1 && !t.cap && !determiners[t.low] && !recipients[t.low] && t.low != "of" && t.low != "'s" {
			break
		}
		k++
	}
	// "told Reuters the base was hit": the determiner opens the content
	for k > c1 && (determiners[d.toks[k-1].low] || d.toks[k-1].low == "of") {
		k--
	}
	return k
}

var recipients = setOf(`reporters journalists lawmakers parliament me us him her them
	the a an press news agency television tv radio state media newspaper supporters
	crowd audience congress senators members court judge jury committee council summit
	meeting conference briefing hearing assembly forum gathering rally`)

// appositive recognises "NAME, ROLE, said" and "ROLE, NAME, said" and
// "X, which ..., said" ending at end (the comma before the cue).
func (d *doc) appositive(s0, end int) ([2]int, bool) {
	if d.toks[end-1].low != "," {
		return [2]int{}, false
	}
	// segment between the previous comma and this one
	b := end - 1
	for b > s0 && d.toks[b-1].low != "," && !d.toks[b-1].qmark && end-1-b < 16 {
		b--
	}
	if b == s0 || d.toks[b-1].low != "," || b == end-1 {
		return [2]int{}, false
	}
	seg := [2]int{b, end - 1}
	// the phrase before the segment
	p := d.npBack(s0, b-1)
	if p >= b-1 {
		return [2]int{}, false
	}
	head := [2]int{p, b - 1}
	switch d.toks[b].low {
	case "which", "who", "whose":
		return head, true
	}
	// NAME, ROLE or ROLE, NAME; a full name takes any description
	// ("Jeffrey Towson, owner of Beijing-based TechMoat Consulting,")
	name := d.trimDet(head)
	if d.isName(head) && (d.isRolePhrase(seg) || name[1]-name[0] >= 2 && d.description(seg)) ||
		d.isRolePhrase(head) && d.isName(seg) {
		return [2]int{p, end - 1}, true
	}
	return [2]int{}, false
}

// description reports whether the phrase between two commas after a name
// reads as a description of the person ("owner of a consultancy", "the
// author of a book on the war") rather than an aside ("on Tuesday",
// "however", "speaking to reporters") or a clause ("it said"; appositive
// takes "who ..." and "which ..." before asking).
func (d *doc) description(r [2]int) bool {
	if r[1]-r[0] < 2 {
		return false
	}
	first := &d.toks[r[0]]
	if strings.HasSuffix(first.low, "ing") || strings.HasSuffix(first.low, "ed") {
		return false // "representing the families", "based in Paris": an aside
	}
	if first.cap && !determiners[first.low] || functionWords[first.low] || adverbialOpeners[first.low] ||
		clauseOpeners[first.low] || subjectPronouns[first.low] {
		return false
	}
	for k := r[0]; k < r[1]; k++ {
		t := &d.toks[k]
		if t.qmark || t.low == ";" || t.low == ":" || cueWords[t.low].class != 0 || cueAux[t.low] || beForms[t.low] {
			return false
		}
	}
	return true
}

// dashAppositive recognises "NAME — ROLE ... — said" ending at end (the
// dash before the cue): the name before the opening dash is the subject.
func (d *doc) dashAppositive(s0, end int) ([2]int, bool) {
	dash := d.toks[end-1].low
	b := end - 2
	for b > s0 && d.toks[b].low != dash && end-b < 30 {
		b--
	}
	if b <= s0 || d.toks[b].low != dash || b == end-2 {
		return [2]int{}, false
	}
	p := d.npBack(s0, b)
	if p >= b || !d.isName([2]int{p, b}) {
		return [2]int{}, false
	}
	return [2]int{p, b}, true
}

// isName reports whether the range is a proper name (capitalised words,
// titles allowed).
func (d *doc) isName(r [2]int) bool {
	if r[1]-r[0] > 6 || r[0] >= r[1] {
		return false
	}
	for k := r[0]; k < r[1]; k++ {
		t := &d.toks[k]
		if !t.cap && t.low != "al-" && t.low != "bin" && t.low != "de" {
			return false
		}
		if orgHeads[t.low] || clauseOpeners[t.low] || outlets[t.low] || timeWords[t.low] {
			return false
		}
	}
	return true
}

// isRolePhrase reports whether the range describes a person's role.
func (d *doc) isRolePhrase(r [2]int) bool {
	if r[1]-r[0] > 12 || r[0] >= r[1] {
		return false
	}
	for k := r[0]; k < r[1]; k++ {
		if roleNouns[d.toks[k].low] || personTitles[d.toks[k].low] {
			return true
		}
	}
	return false
}

// afterIsTrivial reports whether what follows a cue up to the sentence's
// end is only time, place or channel ("said Thursday", "told reporters in
// Brussels"), so the content must be before the source.
func (d *doc) afterIsTrivial(c1, s1 int) bool {
	n := 0
	for k := c1; k < s1; k++ {
		t := &d.toks[k]
		if t.qmark && isOpenQuote(t.text) {
			return false
		}
		if t.low == "that" || t.low == ":" {
			return false
		}
		if k == c1 && subjectPronouns[t.low] {
			return false // "said it killed 33": a clause, however short
		}
		if t.low == "." || t.low == "!" || t.low == "?" {
			continue
		}
		if t.low == "," {
			if k == c1 && k+1 < s1 && d.toks[k+1].qmark && isOpenQuote(d.toks[k+1].text) {
				return false // "Labott tweeted, “...”"
			}
			// "said Thursday, adding ..." – the rest is another clause
			return true
		}
		n++
	}
	return n <= 8
}

// openingAdverbial reports whether tokens s0..comma (the comma excluded)
// are a phrase that opens the sentence ("In the interview", "On November
// 19", "During their first debate") rather than a claim, and the cue
// ending at c1 has words after it: "In the interview, Obama said the
// changes cost jobs" reports what follows the cue.
func (d *doc) openingAdverbial(s0, comma, c1, s1 int) bool {
	if comma <= s0 || comma-s0 > 12 || !adverbialOpeners[d.toks[s0].low] && d.toks[comma-1].low != "ago" {
		return false
	}
	for k := s0; k < comma; k++ {
		if t := &d.toks[k]; t.qmark || t.low == "that" || cueWords[t.low].class != 0 {
			return false
		}
	}
	for k := c1; k < s1; k++ {
		if t := &d.toks[k]; !isTrailingPunct(t.low) && t.low != "," {
			return true
		}
	}
	return false
}

// interrupted recognises "SUBJECT, ASIDE, cue CONTENT" where the cue
// ending at c1 reports a clause after it: the subject is the noun phrase
// that opens the sentence (after an opening adverbial) up to the first of
// the two commas; end is the token after the second comma. It returns the
// subject's tokens.
func (d *doc) interrupted(s0, end, c1, s1 int) ([2]int, bool) {
	if d.toks[end-1].low != "," {
		return [2]int{}, false
	}
	// at least two words after the cue before a comma: a clause it reports
	n := 0
	for k := c1; k < s1 && d.toks[k].low != "," && !isTrailingPunct(d.toks[k].low); k++ {
		n++
	}
	if n < 2 {
		return [2]int{}, false
	}
	// the comma before the aside
	b := end - 2
	for b > s0 && d.toks[b].low != "," && !d.toks[b].qmark && end-b < 24 {
		b--
	}
	if b <= s0 || d.toks[b].low != "," || b == end-2 {
		return [2]int{}, false
	}
	h0 := d.npBack(s0, b)
	if h0 >= b || b-h0 > 8 {
		return [2]int{}, false
	}
	if h0 > s0 && d.toks[h0-1].low != "," {
		return [2]int{}, false // the phrase does not open its clause
	}
	for k := h0; k < b; k++ {
		if t := &d.toks[k]; t.q >= 0 || cueWords[t.low].class != 0 {
			return [2]int{}, false
		}
	}
	if !d.speakerLikeToks([2]int{h0, b}) {
		return [2]int{}, false
	}
	return [2]int{h0, b}, true
}

// speakerLikeToks reports whether the phrase r holds a pronoun, a role,
// organisation, outlet or document noun, or a capitalised word other than
// a determiner or clause opener.
func (d *doc) speakerLikeToks(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		t := &d.toks[k]
		if pronouns[t.low] > 0 || roleNouns[t.low] || orgHeads[t.low] || outletHeads[t.low] || documentHeads[t.low] ||
			t.cap && !determiners[t.low] && !clauseOpeners[t.low] && !adverbialOpeners[t.low] {
			return true
		}
	}
	return false
}

// adverbialOpeners begin the phrases openingAdverbial recognises.
var adverbialOpeners = setOf(`in on at during after before since following amid despite when while
	later earlier last this yesterday today monday tuesday wednesday thursday friday saturday
	sunday asked speaking every each so early regarding instead even however meanwhile still also
	now then thus separately additionally moreover for`)

// contentAfter returns the byte range of the content that follows a cue
// ending at token c1: a quotation (all of it, over sentences and
// paragraphs), or the rest of the clause, without "that" and trailing
// punctuation.
func (d *doc) contentAfter(si, c1 int) [2]int {
	s1 := d.sents[si][1]
	k := c1
	// skip time adverbials and "that"
	for k < s1 && (timeWords[d.toks[k].low] || d.toks[k].low == ":" || d.toks[k].low == ",") {
		k++
	}
	// "said in April after the Erbil attack that ...": jump to "that" when it
	// comes soon, with no clause in between.
	for j := k; j < s1 && j-k < 10; j++ {
		t := &d.toks[j]
		if t.qmark || t.low == ";" {
			break
		}
		if t.low == "that" {
			if j == k || d.onlyAdverbial(k, j) {
				k = j + 1
			}
			break
		}
	}
	if k >= s1 {
		if k > c1 && d.toks[k-1].low == ":" && si+1 < len(d.sents) {
			// "Hewitt writes:" and the next paragraph
			n0 := d.sents[si+1][0]
			if d.toks[n0].q >= 0 {
				r := d.quotes[d.toks[n0].q]
				d.quotes[d.toks[n0].q].used = true
				return [2]int{d.toks[r.t0].start, d.toks[r.t1].end}
			}
			e := n0
			for e < len(d.toks) && d.toks[e].para == d.toks[n0].para {
				e++
			}
			for e > n0 && isTrailingPunct(d.toks[e-1].low) {
				e--
			}
			if e > n0 {
				return [2]int{d.toks[n0].start, d.toks[e-1].end}
			}
		}
		return [2]int{0, 0}
	}
	if t := &d.toks[k]; t.qmark && t.q >= 0 {
		r := d.quotes[t.q]
		d.quotes[t.q].used = true
		return [2]int{d.toks[r.t0].start, d.toks[r.t1].end}
	}
	e := s1
	// stop before a participle cue clause (", adding that ...") or a closing
	// attribution ("..., officials said").
	for j := k + 1; j < s1; j++ {
		if d.toks[j].low == "," && j+1 < s1 && cueWords[d.toks[j+1].low].class == cueParticle {
			e = j
			break
		}
		if d.toks[j].low == "," && d.closingAttribution(j+1, s1) {
			e = j
			break
		}
		if (d.toks[j].low == "and" || d.toks[j].low == "but") && d.toks[j].q < 0 {
			m := j + 1
			for m < s1 && cueAux[d.toks[m].low] {
				m++
			}
			if m < s1 && d.toks[m].q < 0 && (cueWords[d.toks[m].low].class == cueVerb || cueWords[d.toks[m].low].class == cueTell) {
				e = j
				if d.toks[j-1].low == "," {
					e = j - 1
				}
				break
			}
		}
	}
	for e > k && isTrailingPunct(d.toks[e-1].low) {
		e--
	}
	if e <= k {
		return [2]int{0, 0}
	}
	// a quotation that runs on past the sentence
	if last := &d.toks[e-1]; last.q >= 0 && d.toks[k].q == last.q {
		r := d.quotes[last.q]
		return [2]int{d.toks[k].start, d.toks[r.t1].end}
	}
	return [2]int{d.toks[k].start, d.toks[e-1].end}
}

// closingAttribution reports whether tokens k.. to the sentence's end are
// "SOURCE cue" with nothing but time or place after: "..., CNN reported.".
func (d *doc) closingAttribution(k, s1 int) bool {
	for j := k; j < s1 && j-k <= 6; j++ {
		t := &d.toks[j]
		if t.q >= 0 || isBoundary(t) {
			return false
		}
		if ci, ok := cueWords[t.low]; ok && j > k && !t.cap && (ci.class == cueVerb || ci.class == cueTell) {
			n := 0
			for m := j + 1; m < s1; m++ {
				if !isTrailingPunct(d.toks[m].low) {
					n++
				}
			}
			return n <= 4
		}
	}
	return false
}

func (d *doc) onlyAdverbial(k, j int) bool {
	for m := k; m < j; m++ {
		t := &d.toks[m]
		if t.qmark {
			return false
		}
	}
	return j-k <= 9
}

func isTrailingPunct(s string) bool {
	switch s {
	case ".", ",", ";", ":", "!", "?", "...", "…":
		return true
	}
	return false
}

// contentBefore returns the content before a source starting at token b:
// the quotation that ends there (all of it), or the clause from the
// sentence's start.
func (d *doc) contentBefore(si, b int) [2]int {
	s0 := d.sents[si][0]
	e := b
	for e > s0 && (d.toks[e-1].low == "," || d.toks[e-1].low == "—" || d.toks[e-1].low == "-") {
		e--
	}
	if e <= s0 && !(e > 0 && d.toks[e-1].qmark) {
		return [2]int{0, 0}
	}
	last := &d.toks[e-1]
	if last.q >= 0 {
		r := d.quotes[last.q]
		if r.t1 == e-1 || d.toks[r.t1].end <= d.toks[b].start {
			d.quotes[last.q].used = true
			return [2]int{d.toks[r.t0].start, d.toks[r.t1].end}
		}
	}
	start := s0
	if d.toks[s0].q >= 0 {
		start = d.quotes[d.toks[s0].q].t0
	}
	// "It was not immediately clear whether ..., The AP news reported."
	return [2]int{d.toks[start].start, d.toks[e-1].end}
}

// accordingTo handles "according to X, Y" and "Y, according to X".
func (d *doc) accordingTo(si, i int) {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	k := i + 2
	// "according to accounts by ...", "according to a statement from ..."
	e := k
	for e < s1 && e-k < 25 {
		t := &d.toks[e]
		if t.low == "," {
			// a list goes on past the comma: "A, B and C"
			if e+1 < s1 && d.listContinues(e+1, s1) {
				e++
				continue
			}
			break
		}
		if isBoundary(t) && t.low != "," {
			break
		}
		e++
	}
	for e > k && isTrailingPunct(d.toks[e-1].low) {
		e--
	}
	if e == k {
		return
	}
	var cont [2]int
	if i == s0 || (i > s0 && d.toks[i-1].low != "," && i-s0 <= 1) {
		// "According to X, Y."
		c := e
		for c < s1 && d.toks[c].low == "," {
			c++
		}
		cont = d.contentAfter(si, c)
	} else {
		cont = d.contentBefore(si, i)
	}
	if cont[0] >= cont[1] {
		return
	}
	d.add(pending{src: [2]int{k, e}, cue: [2]int{i, i + 2}, cont: cont, rel: RelAssert, sent: si})
}

// listContinues reports whether a comma at k-1 continues a list of sources:
// the item after it ends the list with "and" within a few words, or starts
// like a new item.
func (d *doc) listContinues(k, s1 int) bool {
	for j := k; j < s1 && j-k < 10; j++ {
		t := &d.toks[j]
		if t.low == "and" || t.low == "or" {
			return true
		}
		if isBoundary(t) || cueWords[t.low].class != 0 {
			return false
		}
	}
	return false
}

// passiveBy handles "The account was confirmed by A, B and C" at "by" (i).
func (d *doc) passiveBy(si, i int) {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	c0 := i - 1
	for c0 > s0 && (d.toks[c0-1].low == "was" || d.toks[c0-1].low == "were" || d.toks[c0-1].low == "been" || d.toks[c0-1].low == "has" || d.toks[c0-1].low == "have" || d.toks[c0-1].low == "also" || d.toks[c0-1].low == "is" || d.toks[c0-1].low == "are") {
		c0--
	}
	rel := RelConfirm
	switch d.toks[i-1].low {
	case "denied", "disputed":
		rel = RelDeny
	}
	e := s1
	for e > i+1 && isTrailingPunct(d.toks[e-1].low) {
		e--
	}
	if e <= i+1 {
		return
	}
	// the thing confirmed: what the previous attribution said, when the
	// subject refers back ("The account", "The report", "This").
	var cont [2]int
	if len(d.out) > 0 && c0-s0 <= 4 {
		last := d.out[len(d.out)-1]
		cont = last.cont
		// and what the same speaker went on to say before this sentence
		if s0 > 0 && d.toks[s0-1].end > cont[1] && d.toks[s0-1].sent-last.sent <= 1 {
			cont[1] = d.toks[s0-1].end
		}
		for k := len(d.out) - 2; k >= 0; k-- {
			p := d.out[k]
			if p.src != last.src && !last.continuing {
				break
			}
			if p.cont[0] < cont[0] {
				cont[0] = p.cont[0]
			}
			if !p.continuing {
				break
			}
		}
	} else if c0 > s0 {
		cont = [2]int{d.toks[s0].start, d.toks[c0-1].end}
	}
	if cont[0] >= cont[1] {
		return
	}
	d.add(pending{src: [2]int{i + 1, e}, cue: [2]int{c0, i + 1}, cont: cont, rel: rel, sent: si})
}

// reportedBy handles "As reported by X, Y" and "Y, as reported by X" at
// "by" (i).
func (d *doc) reportedBy(si, i int) {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	c0 := i - 1
	if c0 > s0 && d.toks[c0-1].low == "as" {
		c0--
	}
	e := d.npForward(i+1, s1)
	if e == i+1 {
		return
	}
	var cont [2]int
	if c0 == s0 {
		c := e
		for c < s1 && d.toks[c].low == "," {
			c++
		}
		cont = d.contentAfter(si, c)
	} else {
		cont = d.contentBefore(si, c0)
	}
	if cont[0] >= cont[1] {
		return
	}
	d.add(pending{src: [2]int{i + 1, e}, cue: [2]int{c0, i + 1}, cont: cont, rel: RelAssert, sent: si})
}

// refusal matches a refusal to comment starting at token i and returns the
// end of its cue.
func (d *doc) refusal(si, i int) (int, bool) {
	s1 := d.sents[si][1]
	w := func(k int) string {
		if k < s1 {
			return d.toks[k].low
		}
		return ""
	}
	k := i
	if (w(k) == "had" || w(k) == "has" || w(k) == "have") && w(k+1) == "no" {
		if w(k+2) == "comment" {
			return k + 3, true
		}
		if w(k+2) == "immediate" && w(k+3) == "comment" {
			return k + 4, true
		}
		return 0, false
	}
	switch w(k) {
	case "declined", "refused", "declines", "refuses":
		if w(k+1) == "to" && (w(k+2) == "comment" || w(k+2) == "respond" || w(k+2) == "answer") {
			return d.commentTail(k+3, s1), true
		}
		if w(k+1) == "comment" {
			return k + 2, true
		}
		return 0, false
	case "did", "does", "do", "could", "would", "was", "were", "is", "are", "has", "have", "had", "can":
	default:
		return 0, false
	}
	k++
	if w(k) != "not" && w(k) != "n't" {
		return 0, false
	}
	k++
	if w(k) == "immediately" {
		k++
	}
	switch w(k) {
	case "able", "available":
		if w(k+1) == "to" && w(k+2) == "comment" {
			return d.commentTail(k+3, s1), true
		}
		if w(k+1) == "for" && w(k+2) == "comment" {
			return k + 3, true
		}
		return 0, false
	case "be":
		if w(k+1) == "reached" && w(k+2) == "for" && w(k+3) == "comment" {
			return k + 4, true
		}
		return 0, false
	case "comment":
		return d.commentTail(k+1, s1), true
	}
	if refusalVerbs[w(k)] {
		// "did not reply to requests for comment", "did not respond to a request"
		for j := k + 1; j < s1 && j-k < 8; j++ {
			if d.toks[j].low == "comment" || d.toks[j].low == "request" || d.toks[j].low == "requests" || d.toks[j].low == "questions" || d.toks[j].low == "inquiries" || d.toks[j].low == "messages" || d.toks[j].low == "calls" {
				return d.commentTail(j+1, s1), true
			}
			if isBoundary(&d.toks[j]) {
				break
			}
		}
		if k+1 >= s1 || isTrailingPunct(d.toks[k+1].low) {
			return k + 1, true
		}
	}
	return 0, false
}

// commentTail extends a refusal cue over "for comment", "on the record".
func (d *doc) commentTail(k, s1 int) int {
	for _, w := range [...]string{"for", "comment", "on", "the", "record"} {
		if k < s1 && d.toks[k].low == w {
			k++
		}
	}
	return k
}

// refusalIn finds a refusal inside a content span ("it was not able to
// comment"), when it is the whole clause.
func (d *doc) refusalIn(cont [2]int) (int, int, bool) {
	k0 := d.tokAt(cont[0]) // the first token at or after the content's start
	for k := k0; k < len(d.toks); k++ {
		t := &d.toks[k]
		if t.start >= cont[1] || k-k0 > 2 {
			break
		}
		if j, ok := d.refusal(t.sent, k); ok {
			return k, j, true
		}
	}
	return 0, 0, false
}

// tokAt returns the index of the token starting at byte b.
func (d *doc) tokAt(b int) int {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.toks[m].start < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// addRefusal records a refusal with cue tokens [i, j) and its subject (a
// list of parties) before i.
func (d *doc) addRefusal(si, i, j int) {
	s0 := d.sents[si][0]
	c0 := d.skipAuxBack(s0, i)
	b := d.listBack(s0, c0)
	if b == c0 {
		return
	}
	e := d.toks[j-1].end
	d.add(pending{src: [2]int{b, c0}, cue: [2]int{c0, j}, cont: [2]int{e, e}, rel: RelNoComment, sent: si})
}

// listBack scans back from end over a subject that may be a list with
// commas ("A and B, C and D").
func (d *doc) listBack(s0, end int) int {
	b := d.npBack(s0, end)
	for b > s0+1 && d.toks[b-1].low == "," && b < end {
		hasAnd := false
		for k := b; k < end; k++ {
			if d.toks[k].low == "and" || d.toks[k].low == "or" {
				hasAnd = true
			}
		}
		if !hasAnd {
			break
		}
		p := d.npBack(s0, b-1)
		if p >= b-1 || b-1-p > 10 {
			break
		}
		b = p
	}
	return b
}

// caveat records "could not be independently verified" as a caveat on the
// claim just before it.
func (d *doc) caveat(si int) {
	s0, s1 := d.sents[si][0], d.sents[si][1]
	maybe := false
	for k := s0; k < s1; k++ {
		if w := d.toks[k].low; strings.HasPrefix(w, "verif") || strings.HasPrefix(w, "confirm") {
			maybe = true
			break
		}
	}
	if !maybe {
		return
	}
	st := d.toks[s0].start
	sentText := strings.ToLower(d.text[st:d.toks[s1-1].end])
	for _, p := range caveatPhrases {
		at := strings.Index(sentText, p)
		if at < 0 {
			continue
		}
		c0 := d.tokAt(st + at)
		c1 := d.tokAt(st + at + len(p))
		if c1 <= c0 || c1 > s1 {
			return
		}
		// what it could not verify is found once the sentence's own
		// claims are (caveatContent)
		src := news.Source{Kind: news.SrcOutlet, Text: d.outlet, Count: 1}
		d.out = append(d.out, pending{src: [2]int{c0, c0}, cue: [2]int{c0, c1}, rel: RelCaveat, source: src, sent: si})
		for k := c0; k < c1; k++ {
			d.used[k] = true
		}
		return
	}
}

// caveatContent gives sentence si's caveat what it could not verify: the
// last claim of this sentence or the one before, up to the caveat ("the
// military said it killed 33, but the figure could not be verified");
// else, when the caveat's sentence opens with what it doubts ("The claim
// could not be verified", "Reuters could not independently verify the
// toll"), the sentence before; else the caveat's sentence up to it.
func (d *doc) caveatContent(si int) {
	ci := -1
	for i := len(d.out) - 1; i >= 0 && d.out[i].sent >= si; i-- { // claims come in sentence order
		if p := &d.out[i]; p.rel == RelCaveat && p.sent == si && p.cont[0] >= p.cont[1] {
			ci = i
			break
		}
	}
	if ci < 0 {
		return
	}
	cv := &d.out[ci]
	s0 := d.sents[si][0]
	at := d.toks[cv.cue[0]].start
	for i := len(d.out) - 1; i >= 0; i-- {
		p := &d.out[i]
		if p.rel == RelCaveat || p.rel == RelNoComment || p.sent < si-1 || p.sent > si || p.cont[0] >= p.cont[1] {
			continue
		}
		cont := p.cont
		if cont[0] < at && at <= cont[1] {
			// the caveat inside the claim: both end at the clause before
			cont[1] = d.clauseEndBefore(cv.cue[0], cont[0])
			p.cont[1] = cont[1]
		}
		if cont[0] < cont[1] && cont[1] <= at {
			cv.cont = cont
			return
		}
	}
	if si > 0 && cv.cue[0]-s0 <= 6 {
		prev := d.sents[si-1]
		cv.cont = [2]int{d.toks[prev[0]].start, d.toks[prev[1]-1].end}
		return
	}
	cv.cont = [2]int{d.toks[s0].start, d.toks[d.clauseEndTok(cv.cue[0], s0)].start}
}

// clauseEndBefore returns the byte end of the clause before token k: up to
// the last comma, semicolon or dash between from (a byte offset) and k.
func (d *doc) clauseEndBefore(k, from int) int {
	j := d.clauseEndTok(k, d.tokAt(from))
	if j <= 0 {
		return from
	}
	return d.toks[j-1].end
}

// clauseEndTok returns the index of the last comma, semicolon or dash
// before token k and after token s0, or k when there is none.
func (d *doc) clauseEndTok(k, s0 int) int {
	for j := k - 1; j > s0; j-- {
		switch d.toks[j].low {
		case ",", ";", "—", "–":
			return j
		}
	}
	return k
}

// dropNested removes attributions whose cue lies inside another's content:
// a claim reported inside a claim is the outer source's.
func (d *doc) dropNested() {
	out := d.out[:0]
	for i, p := range d.out {
		cb := d.tokBytes(p.cue)
		nested := false
		for j, q := range d.out {
			if p.rel == RelCaveat {
				break // "..., but the figure could not be verified" doubts the claim it is in
			}
			if i != j && q.rel != RelCaveat && q.rel != RelConfirm && q.cont[0] <= cb[0] && cb[1] <= q.cont[1] && q.cont[0] < q.cont[1] {
				nested = true
				break
			}
		}
		if !nested {
			out = append(out, p)
		}
	}
	d.out = out
}

func (d *doc) add(p pending) {
	for k := p.cue[0]; k < p.cue[1] && k < len(d.used); k++ {
		d.used[k] = true
	}
	for k := p.src[0]; k < p.src[1] && k < len(d.used); k++ {
		d.used[k] = true
	}
	d.out = append(d.out, p)
}

// continuations attributes a quotation that opens a sentence and has no
// cue of its own to the speaker of the attribution just before it, in the
// same or the previous paragraph: "“...,” he said. “...”".
func (d *doc) continuations() {
	if len(d.quotes) == 0 {
		return
	}
	var extra []pending
	covered := func(b [2]int) bool {
		for _, p := range d.out {
			if p.cont[0] <= b[0] && b[1] <= p.cont[1] {
				return true
			}
		}
		return false
	}
	for qi := range d.quotes {
		r := d.quotes[qi]
		if r.used {
			continue
		}
		t0 := &d.toks[r.t0]
		if d.sents[t0.sent][0] != r.t0 {
			continue // a quotation inside a sentence: a phrase, not a statement
		}
		b := [2]int{t0.start, d.toks[r.t1].end}
		if covered(b) {
			continue
		}
		// the last attribution before it
		var prev *pending
		for k := range d.out {
			p := &d.out[k]
			if p.cont[1] <= b[0] && p.rel != RelNoComment && p.rel != RelCaveat && p.src[0] < p.src[1] {
				if prev == nil || p.cont[1] >= prev.cont[1] {
					prev = p
				}
			}
		}
		if prev == nil || t0.para-d.toks[prev.cue[0]].para > 1 {
			continue
		}
		// nothing but the attribution's own sentence between them
		if t0.sent-prev.sent > 2 {
			continue
		}
		extra = append(extra, pending{src: prev.src, cue: prev.cue, cont: b, rel: prev.rel, sent: t0.sent, continuing: true})
	}
	d.out = append(d.out, extra...)
}

func (d *doc) sortPending() {
	// insertion sort by content start: attributions are few per article
	for i := 1; i < len(d.out); i++ {
		for j := i; j > 0 && less(&d.out[j], &d.out[j-1]); j-- {
			d.out[j], d.out[j-1] = d.out[j-1], d.out[j]
		}
	}
}

func less(a, b *pending) bool {
	if a.sent != b.sent {
		return a.sent < b.sent
	}
	return a.cue[0] < b.cue[0]
}
