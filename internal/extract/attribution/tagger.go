package attribution

import (
	_ "embed"
	"io"
	"strings"
)

// The tagger labels every token of an article as part of a source, a cue, a
// content or nothing (BIO tags), left to right, with an averaged perceptron
// over hashed features of the words around it, quotation state, the cue
// lexicon and the tags already given. It finds the long tail of cues and
// sources that the patterns do not know ("called for", "in", "endorsed");
// the patterns keep the precise, typed reading of the forms they know.

// Tags of the tagger.
const (
	tagO = iota
	tagBS
	tagIS
	tagBC
	tagIC
	tagBT
	tagIT
	nTags
)

const (
	modelMagic = "SRATTR01"
	hashBits   = 16
	nBuckets   = 1 << hashBits
	maxFeats   = 25
	stride     = 8 // int16 per bucket in memory: nTags and a pad
)

//go:embed model/tagger.bin.gz
var embeddedModel []byte

// model holds quantised weights: weight of feature bucket b for tag t is
// w[b*stride+t] * scale; rows are padded to 16 bytes so that a look-up
// touches one cache line.
type model struct {
	w     []int16
	scale float32
}

var modelOnce onceModel[model]

// loadModel decodes the embedded tagger model once.
func loadModel() (*model, error) {
	return modelOnce.get(embeddedModel, "tagger model", readModel)
}

// readModel reads the tagger's weights (see readWeights for the format).
func readModel(r io.Reader) (*model, error) {
	w, scale, err := readWeights(r, "attribution model", modelMagic, hashBits, nTags, stride, nil)
	if err != nil {
		return nil, err
	}
	return &model{w: w, scale: scale}, nil
}

// writeModel writes weights in readModel's format, quantised to int16.
func writeModel(w io.Writer, weights []float32) error {
	return writeWeights(w, modelMagic, hashBits, nTags, weights, nil)
}

// featureCtx holds per-document facts the features use.
type featureCtx struct {
	cueLeft, cueRight []int8   // distance bucket to the nearest lexicon cue in the sentence
	rule              []uint8  // what the patterns made of each token (ruleTags)
	sentQuote         []bool   // the sentence holds a quotation mark
	wh, st            []uint64 // hashes of each word and of its stem
	lex               []uint8  // cue class (low 3 bits) and pronoun/role/organisation (next 2)
}

func (d *doc) featureContext() featureCtx {
	n := len(d.toks)
	// the buffers of the document's previous article, zeroed
	fc := featureCtx{cueLeft: zeroed(d.fc.cueLeft, n), cueRight: zeroed(d.fc.cueRight, n), rule: d.ruleTags(),
		sentQuote: zeroed(d.fc.sentQuote, len(d.sents))}
	if d.ccValid {
		// the cue detector hashed every word already
		fc.wh, fc.st, fc.lex = d.cc.wh, d.cc.st, d.cc.lex
	} else {
		fc.wh, fc.st, fc.lex = zeroed(d.fc.wh, n), zeroed(d.fc.st, n), zeroed(d.fc.lex, n)
	}
	d.fc = fc
	for si, s := range d.sents {
		if !d.needsScoring(fc.rule, s) {
			continue // every token is forced: no features needed
		}
		for i := s[0]; i < s[1]; i++ {
			t := &d.toks[i]
			fc.sentQuote[si] = fc.sentQuote[si] || t.qmark
			if d.ccValid {
				continue
			}
			fc.wh[i] = hstr(fnvOffset, t.low)
			fc.lex[i] = featLex.get(fc.wh[i])
			fc.st[i] = hstr(fnvOffset, stem(t.low))
		}
		last := -1
		for i := s[0]; i < s[1]; i++ {
			fc.cueLeft[i] = distBucket(last, i)
			if fc.lex[i]&7 != 0 || d.toks[i].low == "according" {
				last = i
			}
		}
		last = -1
		for i := s[1] - 1; i >= s[0]; i-- {
			fc.cueRight[i] = distBucket(last, i)
			if fc.lex[i]&7 != 0 || d.toks[i].low == "according" {
				last = i
			}
		}
	}
	return fc
}

// zeroed returns b resized to n, all zero.
func zeroed[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// needsScoring reports whether the sentence s holds a token the patterns
// left unread.
func (d *doc) needsScoring(rule []uint8, s [2]int) bool {
	for i := s[0]; i < s[1]; i++ {
		if rule[i] == 0 {
			return true
		}
	}
	return false
}

// featLex maps a word to its cue class (low 3 bits), pronoun, role noun
// or organisation head (next 2 bits), keyed by the word's hash, which the
// features compute anyway: one probe of a small table per token. It is
// built in init, after the lexicons' own init functions.
var featLex hashTable[uint8]

func init() {
	m := lexBits()
	featLex = newHashTable(m)
	buildCueWordTab(m)
}

// lexBits gives every word of the lexicons its cue class (low 3 bits) and
// whether it is a pronoun (1), a role noun (2) or an organisation head (3)
// in the next 2 bits.
func lexBits() map[string]uint8 {
	m := map[string]uint8{}
	for w, c := range cueWords {
		m[w] |= uint8(c.class)
	}
	for w, n := range pronouns {
		if n > 0 {
			m[w] |= 1 << 3
		}
	}
	for w := range roleNouns {
		if m[w]>>3&3 == 0 {
			m[w] |= 2 << 3
		}
	}
	for w := range orgHeads {
		if m[w]>>3&3 == 0 {
			m[w] |= 3 << 3
		}
	}
	return m
}

// hashTable maps 64-bit word hashes to small values by open addressing.
type hashTable[V uint8 | uint16] struct {
	keys []uint64
	vals []V
	mask uint64
}

func newHashTable[V uint8 | uint16](m map[string]V) hashTable[V] {
	n := 64
	for n < 4*len(m) {
		n *= 2
	}
	t := hashTable[V]{keys: make([]uint64, n), vals: make([]V, n), mask: uint64(n - 1)}
	for w, v := range m {
		h := hstr(fnvOffset, w)
		k := h & t.mask
		for t.keys[k] != 0 {
			k = (k + 1) & t.mask
		}
		t.keys[k], t.vals[k] = h, v
	}
	return t
}

// get returns the value stored for hash h, or 0.
func (t *hashTable[V]) get(h uint64) V {
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		switch t.keys[k] {
		case h:
			return t.vals[k]
		case 0:
			return 0
		}
	}
}

func distBucket(at, i int) int8 {
	if at < 0 {
		return 0
	}
	d := at - i
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 1:
		return 1
	case d <= 3:
		return 2
	case d <= 6:
		return 3
	case d <= 12:
		return 4
	}
	return 5
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff
	h *= fnvPrime
	return h
}

func shape(s string) byte {
	if s == "" {
		return 0
	}
	c := s[0]
	switch {
	case c >= 'A' && c <= 'Z':
		if len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' {
			return 'A'
		}
		return 'X'
	case c >= 'a' && c <= 'z':
		return 'x'
	case c >= '0' && c <= '9':
		return 'd'
	case c >= 0x80:
		return 'u'
	}
	return 'p'
}

// stem strips the commonest inflections, so that "endorsed", "endorses"
// and "endorsing" share a feature.
func stem(s string) string {
	n := len(s)
	switch {
	case n > 5 && s[n-3:] == "ing":
		return s[:n-3]
	case n > 4 && (s[n-2:] == "ed" || s[n-2:] == "es"):
		return s[:n-2]
	case n > 3 && s[n-1] == 's':
		return s[:n-1]
	}
	return s
}

// features fills f with the feature buckets of token i given the
// previous tag, and returns how many there are.
func (d *doc) features(f *[maxFeats]uint32, fc *featureCtx, i int, p1, hist uint8) int {
	t := &d.toks[i]
	si := t.sent
	s0, s1 := d.sents[si][0], d.sents[si][1]
	w0 := fc.wh[i]
	wm1, wm2, wp1, wp2 := hStart, hStart, hEnd, hEnd
	cm1, cp1 := uint64(0), uint64(0)
	if i-1 >= s0 {
		wm1, cm1 = fc.wh[i-1], uint64(fc.lex[i-1]&7)
		if i-2 >= s0 {
			wm2 = fc.wh[i-2]
		}
	}
	if i+1 < s1 {
		wp1, cp1 = fc.wh[i+1], uint64(fc.lex[i+1]&7)
		if i+2 < s1 {
			wp2 = fc.wh[i+2]
		}
	}
	wm3, wp3 := hStart, hEnd
	shm1, shp1 := byte(0), byte(0)
	if i-1 >= s0 {
		shm1 = shape(d.toks[i-1].text)
	}
	if i+1 < s1 {
		shp1 = shape(d.toks[i+1].text)
	}
	if i-3 >= s0 {
		wm3 = fc.wh[i-3]
	}
	if i+3 < s1 {
		wp3 = fc.wh[i+3]
	}
	q := quoteState(t)
	cls := uint64(fc.lex[i] & 7)
	pr := uint64(fc.lex[i] >> 3)
	P1 := uint64(p1)
	cl, cr := uint64(fc.cueLeft[i]), uint64(fc.cueRight[i])
	pos := d.clausePos(i, s0, s1, false)
	r := uint64(fc.rule[i])
	rp, rn := uint64(0), uint64(0)
	if i > 0 {
		rp = uint64(fc.rule[i-1])
	}
	if i+1 < len(fc.rule) {
		rn = uint64(fc.rule[i+1])
	}
	sq := uint64(0)
	if fc.sentQuote[si] {
		sq = 1
	}
	hs := [...]uint64{
		mix(1, 0, 0),
		mix(3, wm1, 0),
		mix(5, wm2, 0),
		mix(6, wp2, 0),
		mix(7, wm1, w0),
		mix(8, w0, wp1),
		mix(10, uint64(shape(t.text)), P1),
		mix(13, w0, P1),
		mix(14, q, P1),
		mix(15, cls, P1),
		mix(16, cl, P1),
		mix(18, pos, P1),
		mix(19, cm1, cp1),
		mix(20, wm1, P1),
		mix(22, pr, P1),
		mix(23, q<<8|cl<<4|cr, 0),
		mix(26, rp<<8|r<<4|rn, 0),
		mix(28, sq<<8|q, P1),
		mix(30, fc.st[i], P1),
		mix(31, fc.st[i], wp1),
		mix(32, wm3, 0),
		mix(33, wp3, 0),
		mix(34, uint64(shm1)<<16|uint64(shape(t.text))<<8|uint64(shp1), P1),
		mix(35, fc.st[i], sq<<8|q),
		mix(40, uint64(hist), P1),
	}
	for k, h := range hs {
		f[k] = uint32(h>>20) & (nBuckets - 1)
	}
	return len(hs)
}

const (
	hStart uint64 = 0x9e3779b97f4a7c15 // the word before a sentence
	hEnd   uint64 = 0xc2b2ae3d27d4eb4f // the word after it
)

// mix combines a template ID and two values into a feature hash.
func mix(id, a, b uint64) uint64 {
	h := id*0x9e3779b97f4a7c15 ^ a
	h *= 0xbf58476d1ce4e5b9
	h ^= b + 0x94d049bb133111eb + h>>29
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// tag labels the document's tokens with the model.
func (d *doc) tag(m *model) []uint8 {
	fc := d.featureContext()
	d.tags = zeroed(d.tags, len(d.toks))
	tags := d.tags
	var f [maxFeats]uint32
	var sc [nTags]int32
	p1, hist := uint8(tagO), uint8(0)
	for i := range d.toks {
		if i > 0 && d.toks[i].sent != d.toks[i-1].sent {
			hist = 0
		}
		if r, ok := d.forced(&fc, i); ok {
			tags[i] = r
			p1, hist = r, hist|histBit(r)
			continue
		}
		n := d.features(&f, &fc, i, p1, hist)
		sc = [nTags]int32{}
		for _, b := range f[:n] {
			w := (*[stride]int16)(m.w[int(b)*stride:])
			sc[0] += int32(w[0])
			sc[1] += int32(w[1])
			sc[2] += int32(w[2])
			sc[3] += int32(w[3])
			sc[4] += int32(w[4])
			sc[5] += int32(w[5])
			sc[6] += int32(w[6])
		}
		best := legalBest(sc[:], p1)
		tags[i] = best
		p1, hist = best, hist|histBit(best)
	}
	return tags
}

// histBit is the bit a tag sets in the sentence history that the features
// read: 1 a source, 2 a cue, 4 a content seen so far in the sentence.
func histBit(t uint8) uint8 {
	if t == tagO {
		return 0
	}
	return 1 << ((t - 1) / 2)
}

// forced reports the tag of token i when the tagger need not score it:
// tokens the patterns already read keep the patterns' reading (fill only
// adds spans on free tokens, so scoring them would be wasted). The model
// is trained the same way.
func (d *doc) forced(fc *featureCtx, i int) (uint8, bool) {
	if r := fc.rule[i]; r != 0 {
		best := 2*r - 1
		if i > 0 && fc.rule[i-1] == r && d.toks[i-1].sent == d.toks[i].sent {
			best++
		}
		return best, true
	}
	return 0, false
}

// legalBest picks the best-scoring tag. (Any tag may follow any other: an
// I- tag after another kind starts a span, which lets the tagger recover
// from a missed B- tag.)
func legalBest[T int32 | float32](sc []T, prev uint8) uint8 {
	_ = prev
	best := uint8(0)
	for t := uint8(1); t < nTags; t++ {
		if sc[t] > sc[best] {
			best = t
		}
	}
	return best
}

// tagSpans turns tags into token ranges by kind (SpanSource, SpanCue,
// SpanContent).
func tagSpans(tags []uint8) [3][][2]int { return appendTagSpans([3][][2]int{}, tags) }

// appendTagSpans is tagSpans appending to out's slices.
func appendTagSpans(out [3][][2]int, tags []uint8) [3][][2]int {
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == tagO {
			i++
			continue
		}
		k := int(t-1) / 2
		j := i + 1
		for j < len(tags) && tags[j] == uint8(2*k+2) {
			j++
		}
		out[k] = append(out[k], [2]int{i, j})
		i = j
	}
	return out
}

// fill adds the attributions whose cue the tagger found and the patterns
// did not: each tagged cue with the tagged source nearest it in its
// sentence and the tagged content nearest it (after it first), or else the
// rest of the sentence after the cue.
func (d *doc) fill(tags []uint8, broad bool) {
	sp := appendTagSpans([3][][2]int{d.spans[0][:0], d.spans[1][:0], d.spans[2][:0]}, tags)
	sp[SpanContent] = d.mergeContent(sp[SpanContent])
	d.spans = sp
	d.taken = boolBuf(d.taken, len(d.toks))
	taken := d.taken
	for _, p := range d.out {
		for _, r := range [][2]int{p.src, p.cue} {
			for k := r[0]; k < r[1] && k < len(taken); k++ {
				taken[k] = true
			}
		}
		if p.cont[0] < p.cont[1] {
			for k := d.tokAt(p.cont[0]); k < len(d.toks) && d.toks[k].start < p.cont[1]; k++ {
				taken[k] = true
			}
		}
	}
	free := func(r [2]int) bool {
		for k := r[0]; k < r[1]; k++ {
			if taken[k] {
				return false
			}
		}
		return true
	}
	// the tagger's cues, then the cue detector's
	nTagged := len(sp[SpanCue])
	cues := append(sp[SpanCue], d.detected...)
	if broad {
		// the detector's cues only, unfiltered (Options.BroadCues)
		nTagged, cues = 0, d.detected
	}
	for ci, c := range cues {
		if !free(c) {
			continue
		}
		fromDetector := ci >= nTagged
		si := d.toks[c[0]].sent
		// source: nearest in the sentence, before the cue first
		src := [2]int{c[0], c[0]}
		best := 1 << 30
		for _, s := range sp[SpanSource] {
			if d.toks[s[0]].sent != si || !free(s) {
				continue
			}
			dist := c[0] - s[1]
			if s[0] >= c[1] {
				dist = s[0] - c[1] + 2 // after the cue: a little further
			}
			if dist >= 0 && dist < best {
				best, src = dist, s
			}
		}
		// content: the nearest, after the cue first, within a sentence
		var cont [2]int
		best = 1 << 30
		for _, s := range sp[SpanContent] {
			if !free(s) {
				continue
			}
			dist := s[0] - c[1]
			if s[1] <= c[0] {
				dist = c[0] - s[1] + 3
			}
			if dist < 0 || abs(d.toks[s[0]].sent-si) > 1 && abs(d.toks[s[1]-1].sent-si) > 1 {
				continue
			}
			if dist < best {
				best, cont = dist, s
			}
		}
		if cont[0] >= cont[1] {
			// no tagged content: the rest of the sentence after the cue
			e := d.sents[si][1]
			for e > c[1] && isTrailingPunct(d.toks[e-1].low) {
				e--
			}
			r := [2]int{c[1], e}
			if r[0] < r[1] && free(r) {
				cont = r
			}
		}
		if fromDetector && src[0] >= src[1] {
			src = d.subjectOf(c)
		}
		if fromDetector && cont[0] >= cont[1] {
			cont = d.contentOf(c)
		}
		if fromDetector && !broad && !d.detectedPlausible(c, src, cont) {
			continue
		}
		if !fromDetector && !d.taggedSane(c, src) {
			continue
		}
		if src[0] < src[1]-1 && src[1] == c[0] && aspectVerbs[d.toks[c[0]-1].low] && strings.HasSuffix(d.toks[c[0]].low, "ing") {
			// "groups began issuing claims": the aspect verb joins the cue
			src[1]--
			c[0]--
		}
		if hadSrc := src[0] < src[1]; !fromDetector && !d.plausible(&src, c) {
			if !hadSrc {
				continue
			}
			// a source opening with a preposition is not the source, but
			// the cue stands ("in her speech")
			src = [2]int{c[0], c[0]}
		}
		if !fromDetector && src[0] >= c[1] && !d.invertedSpeaker(src) {
			src = [2]int{c[0], c[0]} // "reiterated the claim ..., a charge Afghan ..."
		}
		if !fromDetector && d.openingParticiple(c) {
			continue // "Encouraged by the reception, China's leaders ...": a participle opening the sentence, no claim
		}
		if !fromDetector && subordinators[d.prevLow(c[0])] && strings.HasSuffix(d.toks[c[0]].low, "ing") && cueWords[d.toks[c[0]].low].class == 0 {
			continue // "while passing through a tunnel": no one speaks ("while insisting" does)
		}
		if !fromDetector && src[0] < src[1] {
			src = d.wholeName(src, c)
		}
		if !fromDetector && src[0] < src[1] && d.clauseFragment(src) {
			continue // "was killed", "the government exploits the": a clause, not a speaker
		}
		if src[0] < src[1] && d.negatedSubject(src) {
			continue // "No group has claimed": nobody says so
		}
		if !fromDetector && d.passiveCue(c) {
			// "Paris was accused", "he is expected": the subject of a
			// passive is not who speaks; the claim stands with no source
			src = [2]int{c[0], c[0]}
		}
		if !fromDetector && d.loneModifier(src) {
			continue // "their", "’s", "other": a word of a phrase, not who speaks
		}
		if !fromDetector && cont[1]-cont[0] == 1 && functionWords[d.toks[cont[0]].low] {
			continue // "Iran seen by": a preposition says nothing
		}
		for _, r := range [][2]int{c, src, cont} {
			for k := r[0]; k < r[1]; k++ {
				taken[k] = true
			}
		}
		rel := cueWords[d.toks[c[1]-1].low].rel
		if rel == "" {
			rel = RelAssert
		}
		d.out = append(d.out, pending{src: src, cue: c, cont: d.tokBytes(cont), rel: rel, sent: si, tagged: true})
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// plausible filters the tagger's guesses: a cue word that is not an
// adverb; a source that does not start with a preposition, or, with no
// source, a cue the lexicon knows or a verb form ("clarified",
// "considering"). A source the tagger cut short at its determiner ("the",
// "many") is extended up to the cue.
func (d *doc) plausible(src *[2]int, cue [2]int) bool {
	last := d.toks[cue[1]-1].low
	if cue[1]-cue[0] == 1 && strings.HasSuffix(last, "ly") {
		return false
	}
	if src[0] >= src[1] {
		if cueWords[last].class != 0 {
			return true
		}
		verbForm := len(last) > 4 && (strings.HasSuffix(last, "ed") || strings.HasSuffix(last, "ing"))
		// only where no subject can be missing: at the sentence's start
		// ("Asked about ...") or after a comma ("..., considering ...")
		s0 := d.sents[d.toks[cue[0]].sent][0]
		return verbForm && (cue[0] == s0 || d.toks[cue[0]-1].low == ",")
	}
	switch d.toks[src[0]].low {
	case "in", "on", "at", "for", "of", "to", "with", "by", "from", "into", "about":
		return false
	}
	if src[1]-src[0] == 1 && src[1] < cue[0] && (determiners[d.toks[src[0]].low] || d.toks[src[0]].low == "only") {
		e := src[1]
		for e < cue[0] && e-src[0] < 7 && !isBoundary(&d.toks[e]) {
			e++
		}
		if e == cue[0] {
			src[1] = e
		}
	}
	return true
}

// mergeContent joins content pieces the tagger split at a punctuation mark
// or a quotation mark ("“We will,” and “we must”").
func (d *doc) mergeContent(spans [][2]int) [][2]int {
	if len(spans) < 2 {
		return spans
	}
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		gapOK := s[0]-last[1] <= 2 && d.toks[s[0]].para == d.toks[last[1]-1].para
		for k := last[1]; gapOK && k < s[0]; k++ {
			t := &d.toks[k]
			if !(t.qmark || isTrailingPunct(t.low) || t.low == "—" || t.low == "-") {
				gapOK = false
			}
		}
		if gapOK {
			last[1] = s[1]
			continue
		}
		out = append(out, s)
	}
	return out
}

// aspectVerbs before a tagged -ing cue belong to the cue, not the source.
var aspectVerbs = setOf(`began begin begins started start starts continued continue continues kept keep
	keeps stopped resumed`)

// taggedSane rejects the tagger's guesses that cannot be claims: a cue
// of auxiliaries and pronouns only ("it", "has been"), or a source
// with no word but function words and numbers ("which in 2022").
func (d *doc) taggedSane(c, src [2]int) bool {
	empty := true
	for k := c[0]; k < c[1]; k++ {
		w := d.toks[k].low
		empty = empty && (detAux[w] || pronouns[w] > 0 || w == "been" || determiners[w] || functionWords[w] || timeWords[w] || w == "now" || w == "almost")
	}
	if empty {
		return false
	}
	if src[0] < src[1] {
		// a clause, not a speaker: "that was (called off)", "one should not"
		last := d.toks[src[1]-1].low
		if detAux[last] || last == "not" || last == "n't" {
			return false
		}
	}
	digits := false
	for k := src[0]; k < src[1]; k++ {
		w := d.toks[k].low
		if w == "" {
			continue
		}
		if w[0] >= '0' && w[0] <= '9' {
			digits = true
			continue
		}
		if numberWords[w] > 0 {
			digits = true
			continue
		}
		if !(w[0] >= 'a' && w[0] <= 'z' || w[0] >= 0x80) || determiners[w] || isBoundary(&d.toks[k]) || functionWords[w] {
			continue
		}
		return true
	}
	return !digits
}

// negatedSubject reports whether the subject src is negated: it is, or
// follows, "no", "none", "nobody" or "neither" ("None of the officials").
func (d *doc) negatedSubject(src [2]int) bool {
	k := src[0]
	if negators[d.toks[k].low] {
		return true
	}
	s0 := d.sents[d.toks[k].sent][0]
	// "No group", "None of the officials", "Neither China nor Thailand"
	for j := k - 1; j >= s0 && k-j <= 4; j-- {
		w := d.toks[j].low
		if negators[w] {
			return true
		}
		if w != "of" && w != "nor" && !determiners[w] && !d.toks[j].cap {
			break
		}
	}
	return false
}

var negators = setOf(`no none nobody neither`)

// invertedSpeaker reports whether a source after its cue can be one: it
// opens with a name, a pronoun or a number ("said Reuters", "said one"),
// or its head is a role, organisation, document or outlet ("said a
// spokesman", "according to court documents"); not "a charge Afghan
// officials".
func (d *doc) invertedSpeaker(src [2]int) bool {
	t := &d.toks[src[0]]
	if t.cap || pronouns[t.low] > 0 || numberWords[t.low] > 0 {
		return true
	}
	h := singular(d.head(src)) // "said a spokesman", "according to court documents"
	return roleNouns[h] || orgHeads[h] || documentHeads[h] || outletHeads[h] || documentHeads[h+"s"]
}

// prevLow is the lower-case word before token k in its sentence, or "".
func (d *doc) prevLow(k int) string {
	if k == 0 || d.toks[k-1].sent != d.toks[k].sent {
		return ""
	}
	return d.toks[k-1].low
}

// wholeName extends a tagged source that is part of a name to the whole
// name and the capitalised title before it: "Minister Mohammed" in "Iraqi
// Prime Minister Mohammed Shia al-Sudani was first to share" becomes the
// whole phrase. It does not reach into the cue c.
func (d *doc) wholeName(src, c [2]int) [2]int {
	s0, s1 := d.sents[d.toks[src[0]].sent][0], d.sents[d.toks[src[0]].sent][1]
	name := func(k int) bool { // a word of a name, not an acronym ("U.N.")
		return d.nameWord[k] && strings.ToUpper(d.toks[k].text) != d.toks[k].text
	}
	if !name(src[1]-1) || src[1]-src[0] == 1 && src[0] == s0 {
		return src // "Other" opening a sentence is no name
	}
	inCue := func(k int) bool { return k >= c[0] && k < c[1] }
	e := src[1]
	for e < s1 && !inCue(e) && name(e) {
		e++
	}
	b := src[0]
	for b > s0 && !inCue(b-1) {
		t := &d.toks[b-1]
		if !t.cap || !(titleWord(t.low) || countries[t.low] || name(b-1) && b-1 > s0) {
			break // a capitalised first word is a name only when it is a title ("Other U.N.")
		}
		b--
	}
	return [2]int{b, e}
}

// passiveCue reports whether the cue c is a passive: a form of "be" and a
// participle ("was accused", "is expected").
func (d *doc) passiveCue(c [2]int) bool {
	// the first word of the cue that is no adverb or form of "be"
	p := c[0]
	for p+1 < c[1] && (mannerAdverb(&d.toks[p]) || beForms[d.toks[p].low]) {
		p++
	}
	// a form of "be" before it, past adverbs: "was (originally) estimated"
	k := p - 1
	for k >= 0 && d.toks[k].sent == d.toks[p].sent && mannerAdverb(&d.toks[k]) {
		k--
	}
	if k < 0 || d.toks[k].sent != d.toks[p].sent || !beForms[d.toks[k].low] {
		return false
	}
	return passiveParticiple(&d.toks[p])
}

// openingParticiple reports whether the cue c is one -ed word opening its
// sentence or clause with "by" after it: "Encouraged by ...", "Backed by
// ...", which say why the subject acts, not that anyone speaks.
func (d *doc) openingParticiple(c [2]int) bool {
	if c[1]-c[0] != 1 || !strings.HasSuffix(d.toks[c[0]].low, "ed") || c[1] >= len(d.toks) || d.toks[c[1]].low != "by" {
		return false
	}
	s0 := d.sents[d.toks[c[0]].sent][0]
	return c[0] == s0 || d.toks[c[0]-1].low == ","
}

// passiveParticiple reports whether t, after a form of "be", makes a
// passive whose subject does not speak: "accused", "expected", "told"; not
// "quoted" ("Putin was quoted as saying"), not a state its subject is in
// ("worried", "concerned"), not "indeed" or a name.
func passiveParticiple(t *tok) bool {
	w := t.low
	if t.cap || statePassives[w] {
		return false
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed") && w != "indeed" || irregularParticiples[w]
}

// statePassives are participles whose subject holds the view or speaks.
var statePassives = setOf(`quoted worried concerned convinced determined pleased disappointed
	alarmed frustrated satisfied encouraged surprised prepared committed opposed agreed
	dismayed troubled relieved confident`)

var beForms = setOf(`is are was were been being be stands stand stood`)

var irregularParticiples = setOf(`told said known seen shown thought held given taken brought
	written spoken made found`)

// loneModifier reports whether src is one word that cannot name a speaker
// by itself: a determiner or possessive ("their", "’s"), "other",
// "following", "itself", a quotation mark or an adverb ("lively", "just").
func (d *doc) loneModifier(src [2]int) bool {
	if src[1]-src[0] != 1 {
		return false
	}
	t := &d.toks[src[0]]
	w := t.low
	return determiners[w] || w == "'s" || w == "’s" || w == "other" || w == "following" || w == "itself" ||
		t.qmark || mannerAdverb(t) || !t.cap && loneAdverbs[w]
}

// loneAdverbs are adverbs that a tagger may read as a source.
var loneAdverbs = setOf(`just seldom never often also still even only already`)

// functionWords are prepositions and conjunctions that name no one.
var functionWords = setOf(`in on at by for of to with from into about and or but as than after before during since`)

// clausePos codes where token i stands in its sentence [s0, s1) for the
// features: first (1), after a comma (2), last (3) and, with beforeComma,
// before a comma (4); 0 elsewhere.
func (d *doc) clausePos(i, s0, s1 int, beforeComma bool) uint64 {
	switch {
	case i == s0:
		return 1
	case d.toks[i-1].low == ",":
		return 2
	case i+1 == s1:
		return 3
	case beforeComma && i+1 < s1 && d.toks[i+1].low == ",":
		return 4
	}
	return 0
}

// quoteState codes a token's place in quotation for the features: inside
// a quotation (1), a quotation mark (2), an opening one (4).
func quoteState(t *tok) uint64 {
	q := uint64(0)
	if t.q >= 0 {
		q = 1
	}
	if t.qmark {
		q += 2
		if isOpenQuote(t.text) {
			q += 4
		}
	}
	return q
}
