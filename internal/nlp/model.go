package nlp

import (
	"math"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// conllTypes are the entity types the statistical model predicts.
var conllTypes = [...]string{"PER", "ORG", "LOC", "MISC"}

// The model tags with BILOU (begin, inside, last, unit) internally, which
// separates single-token names from the edges of longer ones; Tag reports
// IOB2.
const (
	posB = iota
	posI
	posL
	posU
	numTags = 1 + 4*len(conllTypes)
)

func tagOf(typ, pos int) int { return 1 + 4*typ + pos }
func tagType(t int) int      { return (t - 1) / 4 }
func tagPos(t int) int       { return (t - 1) % 4 }

// iob2 returns the IOB2 name of BILOU tag t.
func iob2(t int) string {
	if t == 0 {
		return "O"
	}
	switch tagPos(t) {
	case posB, posU:
		return "B-" + conllTypes[tagType(t)]
	}
	return "I-" + conllTypes[tagType(t)]
}

// allowed[prev][cur] says whether cur may follow prev; prev == numTags is
// the sentence start.
var allowed = func() (a [numTags + 1][numTags]bool) {
	for prev := 0; prev <= numTags; prev++ {
		open := prev != numTags && prev != 0 && (tagPos(prev) == posB || tagPos(prev) == posI)
		for cur := 0; cur < numTags; cur++ {
			if open {
				a[prev][cur] = cur != 0 && tagType(cur) == tagType(prev) && (tagPos(cur) == posI || tagPos(cur) == posL)
			} else {
				a[prev][cur] = cur == 0 || tagPos(cur) == posB || tagPos(cur) == posU
			}
		}
	}
	return a
}()

// prevsOf[cur] lists the tags that may precede cur (numTags excluded).
var prevsOf = func() (p [numTags][]uint8) {
	for cur := 0; cur < numTags; cur++ {
		for prev := 0; prev < numTags; prev++ {
			if allowed[prev][cur] {
				p[cur] = append(p[cur], uint8(prev))
			}
		}
	}
	return p
}()

// canEnd says whether a sentence may end on tag t.
func canEnd(t int) bool { return t == 0 || tagPos(t) == posL || tagPos(t) == posU }

// transIndex gives the transition weight slots: prev*numTags+cur for
// prev in 0..numTags (numTags = start), then one end weight per tag.
const (
	transSize = (numTags+1)*numTags + numTags
	transEnd  = (numTags + 1) * numTags
)

// viterbi finds the best allowed tag sequence given emission scores
// (n×numTags) and transition weights.
func viterbi(em []float32, trans []float32, out []int, back []uint8, score []float32) {
	n := len(out)
	if n == 0 {
		return
	}
	negInf := float32(math.Inf(-1))
	cur := score[:numTags]
	next := score[numTags : 2*numTags]
	for t := 0; t < numTags; t++ {
		if allowed[numTags][t] {
			cur[t] = em[t] + trans[numTags*numTags+t]
		} else {
			cur[t] = negInf
		}
	}
	for i := 1; i < n; i++ {
		e := em[i*numTags : (i+1)*numTags]
		b := back[i*numTags : (i+1)*numTags]
		for t := 0; t < numTags; t++ {
			best, arg := negInf, 0
			for _, p8 := range prevsOf[t] {
				p := int(p8)
				if s := cur[p] + trans[p*numTags+t]; s > best {
					best, arg = s, p
				}
			}
			next[t] = best + e[t]
			b[t] = uint8(arg)
		}
		cur, next = next, cur
	}
	best, arg := negInf, 0
	for t := 0; t < numTags; t++ {
		if !canEnd(t) || cur[t] == negInf {
			continue
		}
		if s := cur[t] + trans[transEnd+t]; s > best {
			best, arg = s, t
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i*numTags+out[i]])
	}
}

// stageWeights is one pass of the tagger: quantised emission weights (in
// units of scale) and transition weights. Few of the hashed rows are ever
// non-zero, so only those are stored, contiguously, and found through a
// bitmap of present rows with a rank index: a feature never seen in
// training costs one bit test in a table small enough to stay in cache.
type stageWeights struct {
	present []uint64 // bit r set: row r is stored
	rank    []uint32 // rows stored before word i of present
	rows    []int16  // stored rows, numTags weights each
	trans   []float32
	scale   float32
}

// compactWeights builds stageWeights from a dense table.
func compactWeights(dense []int16, bits uint, trans []float32, scale float32) *stageWeights {
	n := 1 << bits
	sw := &stageWeights{present: make([]uint64, (n+63)/64), rank: make([]uint32, (n+63)/64), trans: trans, scale: scale}
	for r := 0; r < n; r++ {
		row := dense[r*numTags : (r+1)*numTags]
		for _, v := range row {
			if v != 0 {
				sw.present[r>>6] |= 1 << (r & 63)
				sw.rows = append(sw.rows, row...)
				break
			}
		}
	}
	sw.buildRank()
	return sw
}

func (sw *stageWeights) buildRank() {
	var c uint32
	for i, w := range sw.present {
		sw.rank[i] = c
		c += uint32(bits.OnesCount64(w))
	}
}

// row returns the weights of row r, or nil when it is zero.
func (sw *stageWeights) row(r uint32) []int16 {
	w := sw.present[r>>6]
	bit := uint64(1) << (r & 63)
	if w&bit == 0 {
		return nil
	}
	i := int(sw.rank[r>>6]) + bits.OnesCount64(w&(bit-1))
	return sw.rows[i*numTags : i*numTags+numTags : i*numTags+numTags]
}

// numRows returns the number of stored rows.
func (sw *stageWeights) numRows() int { return len(sw.rows) / numTags }

// Model is sitrep's named-entity recogniser: a first pass over each
// sentence, and a second pass that also sees what the first found elsewhere
// in the document. It is safe for concurrent use.
type Model struct {
	bits   uint
	lex    lexicon
	stage1 stageWeights
	stage2 *stageWeights
	packed *packedWeights // both passes for tagging; set by prepare
	ft     [2]*fastTrans  // both passes' transitions for tagging; set by prepare
	rules  *ruleSet
}

// scratch holds a tagging call's buffers.
type scratch struct {
	feats []uint32
	em    []float32
	acc   [numTags]int32
	back  []uint8
	score [2 * numTags]float32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// emissions fills em (n×numTags) for the analysed tokens ts.
func (m *Model) emissions(sw *stageWeights, ts []tokFeat, stage2 bool, sc *scratch) []float32 {
	fz := featurizer{bits: m.bits}
	n := len(ts)
	if cap(sc.em) < n*numTags {
		sc.em = make([]float32, n*numTags)
	}
	em := sc.em[:n*numTags]
	for i := 0; i < n; i++ {
		sc.feats = fz.features(sc.feats[:0], ts, i, stage2)
		acc := &sc.acc
		*acc = [numTags]int32{}
		for _, r := range sc.feats {
			row := sw.row(r)
			if row == nil {
				continue
			}
			for t := range acc {
				acc[t] += int32(row[t])
			}
		}
		e := em[i*numTags : (i+1)*numTags]
		for t := range acc {
			e[t] = float32(acc[t]) * sw.scale
		}
	}
	return em
}

// decode tags one analysed sentence with one pass's weights.
func (m *Model) decode(sw *stageWeights, ts []tokFeat, stage2 bool, sc *scratch, out []int) {
	em := m.emissions(sw, ts, stage2, sc)
	n := len(ts)
	if cap(sc.back) < n*numTags {
		sc.back = make([]uint8, n*numTags)
	}
	viterbi(em, sw.trans, out, sc.back[:n*numTags], sc.score[:])
}

// docBuf holds one document's tagging buffers; tagDocument takes one from
// docPool and the caller returns it when done with the tags.
type docBuf struct {
	feats  []tokFeat
	sfeats [][]tokFeat
	tags   []int
	out    [][]int
	acc2   []laneSums
	em     []float32
	back   []uint8
	rows   []uint32
	counts docTab[[len(conllTypes)]uint16]
	seen   docTab[uint8]
	words  []string   // the document's words, for entities
	wsents [][]string // words by sentence
	rules  ruleBuf
}

var docPool = sync.Pool{New: func() any { return new(docBuf) }}

// release returns b to the pool, dropping buffers grown by an unusually
// long document.
func (b *docBuf) release() {
	if cap(b.feats) > 1<<16 {
		return
	}
	docPool.Put(b)
}

// tagDocument tags every sentence of a document (BILOU tag indices).
func (m *Model) tagDocument(sents [][]string) [][]int {
	b := docPool.Get().(*docBuf)
	out := m.tagDocumentBuf(sents, b)
	res := make([][]int, len(out))
	flat := append([]int(nil), b.tags...)
	k := 0
	for i, o := range out {
		res[i] = flat[k : k+len(o) : k+len(o)]
		k += len(o)
	}
	b.release()
	return res
}

// tagDocumentBuf tags a document into b's buffers.
func (m *Model) tagDocumentBuf(sents [][]string, b *docBuf) [][]int {
	if allCapsDocument(sents) {
		sents = m.truecase(sents)
	} else {
		var tc [][]string
		for i, s := range sents {
			if m.titleCaseSentence(s) {
				if tc == nil {
					tc = append([][]string(nil), sents...)
				}
				tc[i] = m.truecase(sents[i : i+1])[0]
			}
		}
		if tc != nil {
			sents = tc
		}
	}
	total := 0
	for _, s := range sents {
		total += len(s)
	}
	b.feats = grow(b.feats, total)
	b.tags = grow(b.tags, total)
	b.acc2 = grow(b.acc2, total)
	b.sfeats = grow(b.sfeats, len(sents))
	b.out = grow(b.out, len(sents))
	feats, out := b.sfeats, b.out
	k := 0
	for i, s := range sents {
		feats[i] = b.feats[k : k+len(s) : k+len(s)]
		out[i] = b.tags[k : k+len(s) : k+len(s)]
		k += len(s)
		analyze(&m.lex, s, feats[i])
	}
	docFeaturesWith(sents, feats, &b.seen)
	pw := m.packed
	if pw == nil {
		// a model being trained: tag with the stored weights
		m.decodeStored(feats, out)
		return out
	}
	fz := featurizer{bits: m.bits}
	// one look-up per feature serves both passes: the first pass decodes
	// now, the second keeps its sums and adds its document features later
	k = 0
	for i := range sents {
		ts := feats[i]
		n := len(ts)
		b.em = grow(b.em, n*numTags)
		for j := 0; j < n; j++ {
			b.rows = fz.features(b.rows[:0], ts, j, false)
			var a1 laneSums
			pw.addBoth(b.rows, &a1, &b.acc2[k+j])
			a1.emit(b.em[j*numTags:], pw.scale[0])
		}
		m.viterbiBuf(m.ft[0], n, b, out[i])
		k += n
	}
	if m.stage2 == nil {
		return out
	}
	setPrevDocWith(feats, out, &b.counts)
	k = 0
	for i := range sents {
		ts := feats[i]
		n := len(ts)
		if quietSentence(ts, out[i]) {
			k += n
			continue
		}
		b.em = grow(b.em, n*numTags)
		for j := 0; j < n; j++ {
			a2 := &b.acc2[k+j]
			b.rows = fz.docFeatures(b.rows[:0], ts, j)
			pw.addSecond(b.rows, a2)
			a2.emit(b.em[j*numTags:], pw.scale[1])
		}
		m.viterbiBuf(m.ft[1], n, b, out[i])
		k += n
	}
	return out
}

// decodeStored tags analysed sentences with the stored int16 weights of
// both passes, for models that prepare has not laid out.
func (m *Model) decodeStored(feats [][]tokFeat, out [][]int) {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	for i := range feats {
		m.decode(&m.stage1, feats[i], false, sc, out[i])
	}
	if m.stage2 == nil {
		return
	}
	setPrevDoc(feats, out)
	for i := range feats {
		m.decode(m.stage2, feats[i], true, sc, out[i])
	}
}

// grow returns s resized to n elements, reallocating only when its
// capacity is short; the contents are not cleared.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// viterbiBuf decodes n tokens' emissions in b.em into out.
func (m *Model) viterbiBuf(ft *fastTrans, n int, b *docBuf, out []int) {
	b.back = grow(b.back, n*numTags)
	ft.viterbi(b.em[:n*numTags], out, b.back)
}

// prepare builds the packed tagging-time table.
func (m *Model) prepare() {
	m.packed = packWeights(&m.stage1, m.stage2)
	m.lex.gazTab = newPhraseTab(m.lex.gaz)
	words := make(map[uint64]wordInfo, len(m.lex.words))
	for k, w := range m.lex.words {
		_, w.noPhrase = m.lex.gazTab.get(hashByte(k, ' '))
		w.noPhrase = !w.noPhrase
		words[k] = w
	}
	m.lex.wordTab = newHashTab(words)
	m.ft[0] = newFastTrans(m.stage1.trans)
	if m.stage2 != nil {
		m.ft[1] = newFastTrans(m.stage2.trans)
	}
}

// setPrevDoc fills tokFeat.prevDoc from a first pass's tags: the type the
// first pass most often gave the same word at other places in the document.
func setPrevDoc(feats [][]tokFeat, tags [][]int) {
	setPrevDocWith(feats, tags, new(docTab[[len(conllTypes)]uint16]))
}

// setPrevDocWith is setPrevDoc counting in the table counts.
func setPrevDocWith(feats [][]tokFeat, tags [][]int, counts *docTab[[len(conllTypes)]uint16]) {
	n := 0
	for _, fs := range feats {
		n += len(fs)
	}
	counts.reset(n)
	for s := range feats {
		for i, t := range tags[s] {
			if t == 0 {
				continue
			}
			counts.ptr(feats[s][i].lower)[tagType(t)]++
		}
	}
	for s := range feats {
		for i := range feats[s] {
			f := &feats[s][i]
			f.prevDoc = 0
			c, ok := counts.get(f.lower)
			if !ok {
				continue
			}
			if t := tags[s][i]; t != 0 {
				c[tagType(t)]--
			}
			best, arg := uint16(0), -1
			for ty, n := range c {
				if n > best {
					best, arg = n, ty
				}
			}
			if arg >= 0 {
				f.prevDoc = uint8(arg + 1)
			}
		}
	}
}

// Tag returns IOB2 tags (B-PER, I-ORG, O ...) for one sentence's tokens,
// with CoNLL's four types.
func (m *Model) Tag(tokens []Token) []string {
	words := make([]string, len(tokens))
	for i, t := range tokens {
		words[i] = t.Text
	}
	tags := m.tagDocument([][]string{words})[0]
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = iob2(t)
	}
	return out
}

// TagDocument returns IOB2 tags for the sentences of one document, given as
// words; the second pass uses what the first found across the document.
func (m *Model) TagDocument(sents [][]string) [][]string {
	tags := m.tagDocument(sents)
	out := make([][]string, len(tags))
	for i, ts := range tags {
		out[i] = make([]string, len(ts))
		for j, t := range ts {
			out[i][j] = iob2(t)
		}
	}
	return out
}

// allCapsDocument reports whether a document is written in capitals
// throughout (wire copy of old, telex, some feeds): nine letters in ten
// upper case, and enough letters to tell.
func allCapsDocument(sents [][]string) bool {
	upper, letters := 0, 0
	for _, s := range sents {
		for _, w := range s {
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c >= 'A' && c <= 'Z' {
					upper++
					letters++
				} else if c >= 'a' && c <= 'z' {
					letters++
				}
			}
		}
	}
	return letters >= 40 && upper*10 >= letters*9
}

// titleCaseSentence reports whether a sentence is a headline written in
// title case: at least four words of four letters or more, all
// capitalised, and at least two of them (a third or more) words that news
// copy mostly writes in lower case ("Grows", "Boost", "Says"), which tells
// a headline from a list of names.
func (m *Model) titleCaseSentence(s []string) bool {
	long, common := 0, 0
	for _, w := range s {
		if len(w) < 4 || !isLetterStart(w) {
			continue
		}
		long++
		if !isCapitalised(w) || isAllUpper(w) && len(w) > 4 {
			return false
		}
		if info, ok := m.lex.word(lowerHash(w)); ok && info.caps > 0 && info.caps <= 2 {
			common++
		}
	}
	return long >= 4 && common >= 2 && common*3 >= long
}

// truecase rewrites an all-capitals document as news is usually written,
// so that the model's case features work: a word goes to lower case when
// unlabelled text mostly writes it so, and otherwise (names, unknown
// words, sentence starts) to a capital and lower case.
func (m *Model) truecase(sents [][]string) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = make([]string, len(s))
		for j, w := range s {
			lw := strings.ToLower(w)
			info, known := m.lex.word(lowerHash(w))
			switch {
			case lw == w:
				out[i][j] = w
			case j > 0 && known && info.caps > 0 && info.caps <= 2:
				out[i][j] = lw
			case known && info.caps == 0 && info.cl[0] != 0 && j > 0:
				out[i][j] = lw // frequent enough to cluster, never seen inside a sentence capitalised
			case !known && j > 0 && m.lowerParts(lw):
				out[i][j] = lw // "re-education", "knock-out"
			default:
				out[i][j] = titleCase(lw)
			}
		}
	}
	return out
}

// lowerParts reports whether a hyphenated word's parts are all words
// mostly written in lower case.
func (m *Model) lowerParts(lw string) bool {
	if strings.IndexByte(lw, '-') < 0 {
		return false
	}
	for _, p := range strings.Split(lw, "-") {
		info, ok := m.lex.word(lowerHash(p))
		if !ok || info.caps == 0 || info.caps > 2 {
			return false
		}
	}
	return true
}

// titleCase upper-cases the first letter of w.
func titleCase(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(r)) + w[size:]
}

// quietSentence reports whether the document pass may keep the first
// pass's tags: the first pass found no name in the sentence and none of its
// words was tagged elsewhere in the document, so no document feature
// fires. (On CoNLL-2003 dev this skips one sentence in six and changes F1
// by +0.0001; on news stories about one in thirty.)
func quietSentence(ts []tokFeat, tags []int) bool {
	for j := range ts {
		if tags[j] != 0 || ts[j].prevDoc != 0 {
			return false
		}
	}
	return true
}
