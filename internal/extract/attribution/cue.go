package attribution

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"strings"
)

// The cue detector labels tokens as the beginning of a cue, inside one,
// or neither (B/I/O), from the words on both sides of the token, its stem
// and suffix, the quotation state, the lexicon, what follows it in its
// clause ("that", a colon, a quotation, "to"), what precedes it (a
// pronoun, a name, a role noun) and what the patterns made of it. Unlike
// the tagger it scores every candidate token, including those the patterns
// read, and it needs no tags of earlier tokens, so it sees the right
// context as well as the left.

const (
	cueMagic    = "SRCUE002"
	cueHashBits = 17
	cueBuckets  = 1 << cueHashBits
	cueTags     = 3 // O, B, I
	cueStride   = 4
	cueFeats    = 28
)

//go:embed model/cue.bin.gz
var embeddedCueModel []byte

// cueModel holds the detector's quantised weights: weight of bucket b for
// tag t is w[b*cueStride+t] * scale.
type cueModel struct {
	w     []int16
	scale float32
	vocab hashTable[uint8] // stems that begin cues in training often enough to be scored
}

var cueModelOnce onceModel[cueModel]

// loadCueModel decodes the embedded cue model once.
func loadCueModel() (*cueModel, error) {
	return cueModelOnce.get(embeddedCueModel, "cue model", readCueModel)
}

// readCueModel reads the cue detector's weights (see readWeights), then
// the vocabulary's size (uint32) and its stem hashes (uint64), little
// endian.
func readCueModel(r io.Reader) (*cueModel, error) {
	const what = "attribution cue model"
	m := &cueModel{}
	var err error
	m.w, m.scale, err = readWeights(r, what, cueMagic, cueHashBits, cueTags, cueStride, func(zr io.Reader) error {
		var nv uint32
		if err := binary.Read(zr, binary.LittleEndian, &nv); err != nil {
			return fmt.Errorf("%s: vocabulary: %w", what, err)
		}
		if nv > 1<<20 {
			return fmt.Errorf("%s: vocabulary of %d", what, nv)
		}
		hs := make([]uint64, nv)
		if err := binary.Read(zr, binary.LittleEndian, hs); err != nil {
			return fmt.Errorf("%s: vocabulary: %w", what, err)
		}
		m.vocab = newHashSet(hs)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// newHashSet returns a hashTable holding 1 for each of hs.
func newHashSet(hs []uint64) hashTable[uint8] {
	n := 64
	for n < 4*len(hs) {
		n *= 2
	}
	t := hashTable[uint8]{keys: make([]uint64, n), vals: make([]uint8, n), mask: uint64(n - 1)}
	for _, h := range hs {
		k := h & t.mask
		for t.keys[k] != 0 && t.keys[k] != h {
			k = (k + 1) & t.mask
		}
		t.keys[k], t.vals[k] = h, 1
	}
	return t
}

// writeCueModel writes weights (cueBuckets × cueTags) and the vocabulary
// in readCueModel's format, the weights quantised to int16.
func writeCueModel(w io.Writer, weights []float32, vocab []uint64) error {
	var extra bytes.Buffer
	binary.Write(&extra, binary.LittleEndian, uint32(len(vocab))) // a bytes.Buffer does not fail
	binary.Write(&extra, binary.LittleEndian, vocab)
	return writeWeights(w, cueMagic, cueHashBits, cueTags, weights, extra.Bytes())
}

// cueCtx holds the per-article facts the detector's features read.
type cueCtx struct {
	wh, st []uint64 // hashes of each word and of its stem
	lex    []uint8  // featLex class of each word
	rule   []uint8  // ruleTags
	right  []uint8  // what follows in the clause (right*)
	sent   []uint8  // per sentence: 1 title case, 2 holds a quotation mark, 4 the patterns found a cue
	code   []uint16 // cueWordTab code of each word
}

// What follows a token in its clause.
const (
	rightNone = iota
	rightThat1
	rightThatFar
	rightColon
	rightQuote
	rightTo
	rightCommaQuote
	rightBy
	rightPrep
)

// What precedes a token, past auxiliaries and adverbs.
const (
	leftStart = iota
	leftPronoun
	leftRole
	leftOrg
	leftName
	leftWho
	leftComma
	leftQuote
	leftDet
	leftAux
	leftOther
)

// Word codes of cueWordTab: bits 0-3 what the word is to a cue before it
// (cw*), bits 4-6 what it is to a cue after it (left*), bit 7 an
// auxiliary or adverb that may stand between a source and its cue; the
// high byte is featLex's value for the word.
const (
	cwThat = iota + 1
	cwColon
	cwTo
	cwComma
	cwBy
	cwPrep
	cwStop
	cwAux = 1 << 7
)

// cueWordTab maps a word's hash to its code: one probe per token. It is
// built by tagger.go's init, after the lexicons' own init functions.
var cueWordTab hashTable[uint16]

func buildCueWordTab(lex map[string]uint8) {
	m := map[string]uint16{}
	set := func(words string, v uint16) {
		for _, w := range strings.Fields(words) {
			m[w] |= v
		}
	}
	set("that", cwThat)
	set(":", cwColon)
	set("to", cwTo)
	set(",", cwComma)
	set("by", cwBy)
	set("about of on for with", cwPrep)
	set(". ; ? !", cwStop)
	for w := range outletHeads {
		m[w] |= leftOrg << 4
	}
	for w := range documentHeads {
		m[w] |= leftOrg << 4
	}
	for w := range orgHeads {
		m[w] = m[w]&^(7<<4) | leftOrg<<4
	}
	for w := range roleNouns {
		m[w] = m[w]&^(7<<4) | leftRole<<4
	}
	for w, n := range pronouns {
		if n > 0 {
			m[w] = m[w]&^(7<<4) | leftPronoun<<4
		}
	}
	for w := range determiners {
		if m[w]>>4&7 == 0 {
			m[w] |= leftDet << 4
		}
	}
	for _, w := range []string{"to", "of", "in"} {
		if m[w]>>4&7 == 0 {
			m[w] |= leftDet << 4
		}
	}
	for _, w := range []string{"who", "which"} {
		m[w] = m[w]&^(7<<4) | leftWho<<4
	}
	for w := range cueAux {
		m[w] |= cwAux
	}
	// featLex's value (lex) in the high byte, so that one probe gives both
	for w, v := range lex {
		m[w] |= uint16(v) << 8
	}
	cueWordTab = newHashTable(m)
}

// cueContext computes cueCtx for d's tokens; rule is d.ruleTags(). With
// all false it skips the sentences whose every token the patterns read
// (no claim can start there).
func (d *doc) cueContext(rule []uint8, all bool) cueCtx {
	n := len(d.toks)
	cc := cueCtx{wh: zeroed(d.cc.wh, n), st: zeroed(d.cc.st, n), lex: zeroed(d.cc.lex, n),
		rule: rule, right: zeroed(d.cc.right, n), sent: zeroed(d.cc.sent, len(d.sents)), code: zeroed(d.cc.code, n)}
	d.cc = cc
	d.ccValid = true
	for si, s := range d.sents {
		if !all && !d.needsScoring(rule, s) {
			continue
		}
		for i := s[0]; i < s[1]; i++ {
			t := &d.toks[i]
			h := hstr(fnvOffset, t.low)
			cc.wh[i] = h
			code := cueWordTab.get(h)
			cc.code[i] = code & 0xff
			cc.lex[i] = uint8(code >> 8)
			st := stem(t.low)
			if len(st) == len(t.low) {
				cc.st[i] = h
			} else {
				cc.st[i] = hstr(fnvOffset, st)
			}
		}
		f := uint8(0)
		if s[1]-s[0] <= 40 && d.toks[s[0]].cap && d.titleCase(si) {
			f |= 1 // headlines are short
		}
		for i := s[0]; i < s[1]; i++ {
			t := &d.toks[i]
			if t.qmark {
				f |= 2
			}
			if rule[i] == 2 {
				f |= 4
			}
		}
		cc.sent[si] = f
		// what follows: one backward pass keeps the nearest marker
		next, at := uint8(rightNone), -1
		for i := s[1] - 1; i >= s[0]; i-- {
			r := rightNone
			if at >= 0 && at-i <= 6 {
				r = int(next)
				if next == rightThatFar && at == i+1 {
					r = rightThat1
				}
			}
			cc.right[i] = uint8(r)
			// token i as the marker for the tokens before it
			t := &d.toks[i]
			code := cc.code[i] & 15
			var m uint8 = 255
			switch {
			case code == cwThat:
				m = rightThatFar
			case code == cwColon:
				m = rightColon
			case t.qmark && isOpenQuote(t.text):
				m = rightQuote
			case code == cwComma && i+1 < s[1] && d.toks[i+1].qmark:
				m = rightCommaQuote
			case code == cwComma || code == cwStop:
				m = rightNone
			}
			if m != 255 {
				next, at = m, i
			}
		}
		// markers that count only right after the token
		for i := s[0]; i+1 < s[1]; i++ {
			t := &d.toks[i+1]
			switch cc.code[i+1] & 15 {
			case cwTo:
				cc.right[i] = rightTo
			case cwBy:
				cc.right[i] = rightBy
			case cwPrep:
				cc.right[i] = rightPrep
			default:
				if t.low == "\"" {
					cc.right[i] = rightQuote
				}
			}
		}
	}
	return cc
}

// leftOf says what precedes token i, past auxiliaries and adverbs.
func (d *doc) leftOf(cc *cueCtx, i, s0 int) uint8 {
	j := i - 1
	aux := false
	for j >= s0 && cc.code[j]&cwAux != 0 && i-j < 4 {
		j--
		aux = true
	}
	if j < s0 {
		if aux {
			return leftAux
		}
		return leftStart
	}
	t := &d.toks[j]
	if c := uint8(cc.code[j] >> 4 & 7); c != 0 && c != leftDet {
		return c
	}
	switch {
	case cc.code[j]&15 == cwComma:
		return leftComma
	case t.qmark:
		return leftQuote
	case cc.code[j]>>4&7 == leftDet:
		return leftDet
	case t.cap && j > s0:
		return leftName
	case aux:
		return leftAux
	}
	return leftOther
}

// cueFeatures fills f with the feature buckets of token i and returns how
// many there are.
func (d *doc) cueFeatures(f *[cueFeats]uint32, cc *cueCtx, i int) int {
	t := &d.toks[i]
	si := t.sent
	s0, s1 := d.sents[si][0], d.sents[si][1]
	w0, st0 := cc.wh[i], cc.st[i]
	wm1, wm2, wm3, wp1, wp2, wp3 := hStart, hStart, hStart, hEnd, hEnd, hEnd
	lm1, lp1 := uint64(0), uint64(0)
	shm1, shp1 := uint64(0), uint64(0)
	rm1, rp1 := uint64(0), uint64(0)
	if i-1 >= s0 {
		wm1, lm1, shm1, rm1 = cc.wh[i-1], uint64(cc.lex[i-1]), uint64(shape(d.toks[i-1].text)), uint64(cc.rule[i-1])
		if i-2 >= s0 {
			wm2 = cc.wh[i-2]
			if i-3 >= s0 {
				wm3 = cc.wh[i-3]
			}
		}
	}
	if i+1 < s1 {
		wp1, lp1, shp1, rp1 = cc.wh[i+1], uint64(cc.lex[i+1]), uint64(shape(d.toks[i+1].text)), uint64(cc.rule[i+1])
		if i+2 < s1 {
			wp2 = cc.wh[i+2]
			if i+3 < s1 {
				wp3 = cc.wh[i+3]
			}
		}
	}
	q := quoteState(t)
	sh0 := uint64(shape(t.text))
	lx := uint64(cc.lex[i])
	r0 := uint64(cc.rule[i])
	right, left := uint64(cc.right[i]), uint64(d.leftOf(cc, i, s0))
	suf := t.low
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	hsuf := hstr(fnvOffset, suf)
	sf := uint64(cc.sent[si])
	pos := d.clausePos(i, s0, s1, true)
	hs := [cueFeats]uint64{
		mix(1, 0, 0),
		mix(2, w0, 0),
		mix(3, st0, 0),
		mix(4, wm1, 0),
		mix(5, wp1, 0),
		mix(6, wm2, 0),
		mix(7, wp2, 0),
		mix(8, wm3, 0),
		mix(9, wp3, 0),
		mix(10, wm1, w0),
		mix(11, w0, wp1),
		mix(12, hsuf, sh0),
		mix(13, shm1<<16|sh0<<8|shp1, 0),
		mix(14, q, sf&2),
		mix(15, lx, 0),
		mix(16, lm1<<8|lp1, 0),
		mix(17, rm1<<8|r0<<4|rp1, 0),
		mix(18, st0, r0),
		mix(19, st0, right),
		mix(20, st0, left),
		mix(21, right<<8|left, lx),
		mix(22, pos, lx),
		mix(23, sf&1<<8|sh0, pos),
		mix(24, st0, q),
		mix(25, hsuf, right<<8|left),
		mix(28, sf&4<<8|r0, right),
		mix(29, right<<8|left, r0<<4|q),
		mix(30, hsuf, pos<<8|sh0),
	}
	for k, h := range hs {
		f[k] = uint32(h>>20) & (cueBuckets - 1)
	}
	return len(hs)
}

// cueCandidate reports whether token i may be (part of) a cue, and so is
// scored: a colon, a word whose stem begins cues in training (vocab), a
// verb form, or any word right after a cue token (prevCue).
func (d *doc) cueCandidate(cc *cueCtx, vocab *hashTable[uint8], i int, prevCue bool) bool {
	t := &d.toks[i]
	if t.low == "" {
		return false
	}
	if c := t.low[0]; !(c >= 'a' && c <= 'z' || c >= 0x80 && !t.qmark && t.low != "—" && t.low != "–") {
		return t.low == ":"
	}
	return prevCue && i > 0 && d.toks[i-1].sent == t.sent || vocab.get(cc.st[i]) != 0 || verbLike(t.low)
}

// detectCues labels d's tokens B/I/O (0, 1, 2) with m. With all false it scores only the tokens
// the patterns left unread: a cue elsewhere could not be used.
func (d *doc) detectCues(m *cueModel, rule []uint8, all bool) []uint8 {
	cc := d.cueContext(rule, all)
	tags := zeroed(d.cueTags, len(d.toks))
	d.cueTags = tags
	var f [cueFeats]uint32
	for i := range d.toks {
		if !all && (rule[i] != 0 || cc.wh[i] == 0) || !d.cueCandidate(&cc, &m.vocab, i, i > 0 && tags[i-1] != 0) {
			continue
		}
		n := d.cueFeatures(&f, &cc, i)
		var s0, s1, s2 int32
		for _, b := range f[:n] {
			w := (*[cueStride]int16)(m.w[int(b)*cueStride:])
			s0 += int32(w[0])
			s1 += int32(w[1])
			s2 += int32(w[2])
		}
		best := max(s1, s2)
		switch {
		case best <= s0:
		case s1 >= s2:
			tags[i] = 1
		case !all && i > 0 && rule[i-1] != 0:
			// inside a span the patterns read, which scoring every token
			// would have continued
		default:
			tags[i] = 2
		}
	}
	return tags
}

// cueSpans turns the detector's tags into token ranges within sentences.
func (d *doc) cueSpans(tags []uint8) [][2]int { return d.appendCueSpans(nil, tags) }

// appendCueSpans is cueSpans appending to out.
func (d *doc) appendCueSpans(out [][2]int, tags []uint8) [][2]int {
	for i := 0; i < len(tags); {
		if tags[i] == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == 2 && d.toks[j].sent == d.toks[i].sent {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// TrainCues fits the cue detector on gold articles with an averaged
// perceptron over every candidate token and writes the quantised model.
// With Models > 1 it averages the weights of that many perceptrons
// trained in different orders (seeds Seed, Seed+1, ...).
func TrainCues(gold []GoldArticle, opts TrainOptions, out io.Writer) error {
	models := max(opts.Models, 1)
	vocab := cueVocab(gold)
	var avg []float32
	for k := range models {
		o := opts
		o.Seed += int64(k)
		w := trainCueWeights(gold, o, vocab)
		if avg == nil {
			avg = w
			continue
		}
		for i, v := range w {
			avg[i] += v
		}
	}
	return writeCueModel(out, avg, vocab)
}

// vocabShare is the least share of a stem's uses that begin a cue for the
// stem to be in the detector's vocabulary.
const vocabShare = 0.02

// cueVocab returns the hashes of the stems that begin a gold cue in at
// least vocabShare of their uses, sorted.
func cueVocab(gold []GoldArticle) []uint64 {
	begins, uses := map[uint64]int{}, map[uint64]int{}
	for _, g := range gold {
		d := &doc{text: g.Text}
		if !d.patterns() {
			continue
		}
		gt := goldTags(d, g)
		for i := range d.toks {
			h := hstr(fnvOffset, stem(d.toks[i].low))
			uses[h]++
			if gt[i] == tagBC {
				begins[h]++
			}
		}
	}
	var out []uint64
	for h, n := range begins {
		if float64(n) >= vocabShare*float64(uses[h]) {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}

// trainCueWeights returns the averaged perceptron's weights.
func trainCueWeights(gold []GoldArticle, opts TrainOptions, vocabList []uint64) []float32 {
	vocab := newHashSet(vocabList)
	if opts.Epochs <= 0 {
		opts.Epochs = 3
	}
	type item struct {
		d    *doc
		cc   cueCtx
		gold []uint8
	}
	items := make([]item, 0, len(gold))
	for _, g := range gold {
		d := &doc{text: g.Text}
		if !d.patterns() {
			continue
		}
		rule := append([]uint8(nil), d.ruleTags()...)
		cc := d.cueContext(rule, true)
		d.cc = cueCtx{}
		gt := goldTags(d, g)
		ct := make([]uint8, len(gt))
		for i, t := range gt {
			switch t {
			case tagBC:
				ct[i] = 1
			case tagIC:
				ct[i] = 2
			}
		}
		items = append(items, item{d: d, cc: cc, gold: ct})
	}
	p := newAveraged(cueBuckets, cueTags)
	var f [cueFeats]uint32
	epochs(context.Background(), items, opts, "cue ", func(it item) (errs, n int) {
		d := it.d
		for i := range d.toks {
			if !d.cueCandidate(&it.cc, &vocab, i, i > 0 && it.gold[i-1] != 0) {
				continue
			}
			k := d.cueFeatures(&f, &it.cc, i)
			var sc [cueTags]float32
			p.score(f[:k], sc[:])
			pred := uint8(0)
			for t := uint8(1); t < cueTags; t++ {
				if sc[t] > sc[pred] {
					pred = t
				}
			}
			if p.learn(f[:k], it.gold[i], pred) {
				errs++
			}
			n++
		}
		return errs, n
	}) // a background context is never done
	return p.average()
}

// subjectOf finds the source of a detected cue c: the noun phrase before
// it (past auxiliaries), or after it when a comma or quotation mark
// precedes the cue ("..., said one"). It returns an empty range at c[0]
// when there is none.
func (d *doc) subjectOf(c [2]int) [2]int {
	si := d.toks[c[0]].sent
	s0, s1 := d.sents[si][0], d.sents[si][1]
	before := d.skipAuxBack(s0, c[0])
	if before > s0 && (d.toks[before-1].low == "," || d.toks[before-1].qmark) {
		if a, ok := d.appositive(s0, before); ok {
			return a
		}
		e := d.npForward(c[1], s1)
		if e > c[1] && e-c[1] <= 6 {
			return [2]int{c[1], e}
		}
		return [2]int{c[0], c[0]}
	}
	if b := d.npBack(s0, before); b < before {
		switch d.toks[b].low {
		case "in", "on", "at", "for", "of", "to", "with", "by", "from", "into", "about":
			return [2]int{c[0], c[0]}
		}
		return [2]int{b, before}
	}
	return [2]int{c[0], c[0]}
}

// contentOf finds the content of a detected cue: the clause after it, or
// the clause before it when the cue closes the sentence.
func (d *doc) contentOf(c [2]int) [2]int {
	si := d.toks[c[0]].sent
	if r := d.contentAfter(si, c[1]); r[0] < r[1] {
		return d.tokRange(r)
	}
	if r := d.contentBefore(si, c[0]); r[0] < r[1] {
		return d.tokRange(r)
	}
	return [2]int{}
}

// tokRange returns the tokens that byte range b covers.
func (d *doc) tokRange(b [2]int) [2]int {
	k := d.tokAt(b[0])
	e := k
	for e < len(d.toks) && d.toks[e].start < b[1] {
		e++
	}
	return [2]int{k, e}
}

// detectedPlausible filters the detector's cues before they become
// claims. The detector learns PolNeAR's broad notion of attribution
// (stances: "favored", "sided with"); in conflict reporting the same
// shapes are mostly acts ("Canada imposed new tariffs"), so a detected
// cue must have a person-like source or none, and neither the cue nor its
// source nor its content may look like a fragment.
func (d *doc) detectedPlausible(c, src, cont [2]int) bool {
	last := d.toks[c[1]-1].low
	known := cueWords[last].class != 0
	switch {
	case c[1]-c[0] == 1 && detAux[last]:
		return false // "has", "looks"
	case !known && (cueAux[last] || len(last) > 4 && last[len(last)-2:] == "ly"):
		return false // "recently", "abruptly"
	case c[1]-c[0] == 1 && !known && !verbLike(last):
		return false // "keen"
	case cont[1]-cont[0] == 1 && !d.toks[cont[0]].cap:
		return false // "looks to drive the"
	case !d.verbIn(c):
		return false // "has since"
	case src[0] >= src[1]:
		// no source: as for the tagger's cues, a lexicon word or a verb
		// form where no subject can be missing
		return d.plausible(&src, c)
	case !d.hasLetters(src) || detAux[d.toks[src[1]-1].low]:
		return false // "2022 ordered", "Ukraine is keen"
	case !d.speakerLike(src) || !d.personLike(src) || d.clauseFragment(src):
		return false // "uncertainty grows about", "Those attacks caused no casualties but alarmed"
	}
	return true
}

// detAux are verbs that are no cue by themselves.
var detAux = setOf(`has have had is are was were be been being do does did will would can could
	may might must shall should get gets got looks look grows grow keeps keep goes go`)

// hasLetters reports whether a token of r starts with a letter.
func (d *doc) hasLetters(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		if c := d.toks[k].low; c != "" && (c[0] >= 'a' && c[0] <= 'z' || c[0] >= 0x80) {
			return true
		}
	}
	return false
}

// verbLike reports whether w has a verb's inflection.
func verbLike(w string) bool {
	n := len(w)
	return n > 3 && (w[n-2:] == "ed" || w[n-1] == 's' && w[n-2] != 's' || n > 4 && w[n-3:] == "ing")
}

// speakerLike reports whether the phrase r can name who speaks: it holds
// a pronoun, a role, organisation, outlet or document noun, a relative
// pronoun or a capitalised word other than a determiner.
func (d *doc) speakerLike(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		t := &d.toks[k]
		c := d.cc.code[k]
		if c>>4&7 != 0 && c>>4&7 != leftDet || t.cap && !determiners[t.low] && !clauseOpeners[t.low] {
			return true
		}
	}
	return false
}

// personLike reports whether the phrase r names a person: a personal
// pronoun, a role noun ("officials"), "who", a full name (two name words)
// or a surname the article gives in full elsewhere.
func (d *doc) personLike(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		t := &d.toks[k]
		switch c := d.cc.code[k] >> 4 & 7; {
		case c == leftPronoun && t.low != "it" && t.low != "its":
			return true
		case c == leftRole || t.low == "who":
			return true
		}
		if d.nameWord[k] && !orgHeads[t.low] && (k+1 < r[1] && d.nameWord[k+1] && !orgHeads[d.toks[k+1].low] || d.names[t.low]) {
			return true // "Marco Rubio", not "Liberation Army" or "Taliban"
		}
	}
	return false
}

// clauseFragment reports whether the phrase r is a piece of a clause
// rather than a noun phrase: it holds a lower-case past or present
// participle, or ends in a function word.
func (d *doc) clauseFragment(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		w := d.toks[k].low
		if !d.toks[k].cap && len(w) > 4 && (w[len(w)-2:] == "ed" || w[len(w)-3:] == "ing") {
			return true
		}
	}
	switch d.toks[r[1]-1].low {
	case "to", "not", "and", "or", "but", "the", "a", "an", "of", "in", "on", "at", "for", "with", "what":
		return true
	}
	return false
}

// verbIn reports whether a word of c is a verb form or a lexicon cue.
func (d *doc) verbIn(c [2]int) bool {
	for k := c[0]; k < c[1]; k++ {
		if w := d.toks[k].low; verbLike(w) || cueWords[w].class != 0 {
			return true
		}
	}
	return false
}
