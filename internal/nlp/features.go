package nlp

import (
	"unicode"
	"unicode/utf8"
)

// Gazetteer sources: each phrase in the gazetteer carries a bit per source
// it came from; a token inside a match gets a feature naming the source and
// its position in the match (begin, inside, last, unit).
const (
	gazCountry   = iota // GeoNames country names
	gazCity             // GeoNames cities of 15,000 people or more
	gazAdmin1           // GeoNames first-level divisions
	gazPhCountry        // Phoenix country names and synonyms
	gazPhPerson         // Phoenix officials and leaders
	gazPhOrg            // Phoenix state organisations
	gazPhArmed          // Phoenix non-state armed groups
	gazPhIntl           // Phoenix international organisations
	gazNORP             // sitrep's nationality and group lexicon
	gazWeapon           // sitrep's weapon lexicon
	gazMedia            // sitrep's news outlet list
	gazTrainPER         // names seen as entities in the training data, by type
	gazTrainORG
	gazTrainLOC
	gazTrainMISC
	numGaz

	// gazPrefix marks a phrase hash that begins a longer phrase, so that
	// matching stops as soon as no phrase can continue.
	gazPrefix = 1 << 15
)

// wordInfo is what sitrep knows of a word type from unlabelled text: its
// cluster at three granularities (0 = unknown) and how often it is written
// capitalised inside a sentence (0 unknown, 1 almost never .. 4 almost
// always).
type wordInfo struct {
	cl   [3]uint16
	caps uint8
	// noPhrase: no gazetteer phrase begins with the word (set in the
	// tagging table only, to save the phrase look-up)
	noPhrase bool
}

// lexicon holds the per-word and per-phrase tables features look up.
type lexicon struct {
	words  map[uint64]wordInfo // by lowerHash
	gaz    map[uint64]uint16   // phrase hash → gazetteer source bits
	gazMax int                 // longest phrase, in tokens

	// the same tables for tagging, built by prepare; nil while training
	wordTab *hashTab[wordInfo]
	gazTab  *phraseTab
}

// word returns what the lexicon knows of the word with lowerHash h.
func (lex *lexicon) word(h uint64) (wordInfo, bool) {
	if lex.wordTab != nil {
		return lex.wordTab.get(h)
	}
	w, ok := lex.words[h]
	return w, ok
}

// phrase returns the gazetteer bits of phrase hash h.
func (lex *lexicon) phrase(h uint64) (uint16, bool) {
	if lex.gazTab != nil {
		return lex.gazTab.get(h)
	}
	b, ok := lex.gaz[h]
	return b, ok
}

// phraseHash continues a gazetteer phrase hash with one more token.
func phraseHash(h uint64, tok string) uint64 {
	return hashByte(hashLower(h, tok), ' ')
}

// tokFeat holds the per-token hashes and flags from which features are built.
type tokFeat struct {
	word, lower, shape, short uint64
	pre, suf                  [4]uint64
	hyFirst, hyLast           uint64
	info                      wordInfo
	gaz                       [numGaz]uint8 // 0 none, 1 B, 2 I, 3 L, 4 U
	cap, allCap               bool
	docCap                    uint8 // 1: capitalised inside a sentence elsewhere in the document; 2: lower case elsewhere
	prevDoc                   uint8 // type+1 (1..4) the first pass gave this word elsewhere in the document; 0 none
}

// feature templates
const (
	fBias = iota + 1
	fWord
	fLower
	fShape
	fShort
	fPre
	fSuf
	fPrev1
	fNext1
	fPrev2
	fNext2
	fPrevShape
	fNextShape
	fBigramL
	fBigramR
	fShape3
	fInitial
	fCl0
	fCl1
	fCl2
	fPrevCl
	fNextCl
	fGaz
	fCaps
	fAllCapsSent
	fHyFirst
	fHyLast
	fPrevWordShape
	fShapeNextWord
	fDocCap
	fPrevDoc
	fPrevDocWord
	fGazWord
	fPrevPrevDoc
	fNextDoc
)

// analyze fills per-token hashes for one sentence.
func analyze(lex *lexicon, words []string, out []tokFeat) {
	allCapsSent := true
	letters := 0
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'a' && c <= 'z' {
				allCapsSent = false
			}
			if c >= 'A' && c <= 'Z' {
				letters++
			}
		}
	}
	if letters < 4 {
		allCapsSent = false
	}
	for i, w := range words {
		t := &out[i]
		*t = tokFeat{}
		t.word = hashString(fnvOffset, w)
		t.lower = hashLower(fnvOffset, w)
		t.shape, t.short = shapeHashes(w)
		// prefixes and suffixes of 1..4 bytes
		h := uint64(fnvOffset)
		for k := 0; k < 4 && k < len(w); k++ {
			h = hashByte(h, w[k])
			t.pre[k] = h
		}
		h = fnvOffset
		for k := 0; k < 4 && k < len(w); k++ {
			h = hashByte(h, w[len(w)-1-k])
			t.suf[k] = h
		}
		if k := indexByte(w, '-'); k > 0 && k < len(w)-1 {
			t.hyFirst = hashLower(fnvOffset, w[:k])
			j := lastIndexByte(w, '-')
			t.hyLast = hashLower(fnvOffset, w[j+1:])
		}
		r, _ := utf8.DecodeRuneInString(w)
		t.cap = unicode.IsUpper(r)
		t.allCap = allCapsSent
		if lex != nil {
			t.info, _ = lex.word(t.lower)
		}
	}
	if lex != nil && lex.gazMax > 0 {
		for s := 0; s < len(words); s++ {
			if out[s].info.noPhrase {
				continue
			}
			h := uint64(fnvOffset)
			for l := 1; l <= lex.gazMax && s+l <= len(words); l++ {
				h = phraseHash(h, words[s+l-1])
				bits, ok := lex.phrase(h)
				if !ok {
					break
				}
				for src := 0; src < numGaz; src++ {
					if bits&(1<<src) == 0 {
						continue
					}
					if l == 1 {
						if out[s].gaz[src] == 0 {
							out[s].gaz[src] = 4
						}
						continue
					}
					out[s].gaz[src] = 1
					for k := s + 1; k < s+l-1; k++ {
						out[k].gaz[src] = 2
					}
					out[s+l-1].gaz[src] = 3
				}
			}
		}
	}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// shapeHashes returns hashes of a word's shape (X, x, d, other characters
// kept, runs capped at four) and short shape (runs collapsed).
func shapeHashes(w string) (long, short uint64) {
	long, short = fnvOffset, fnvOffset
	var last byte
	run := 0
	for i := 0; i < len(w); {
		c := w[i]
		var k byte
		size := 1
		switch {
		case c >= 'A' && c <= 'Z':
			k = 'X'
		case c >= 'a' && c <= 'z':
			k = 'x'
		case c >= '0' && c <= '9':
			k = 'd'
		case c < utf8.RuneSelf:
			k = c
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(w[i:])
			switch {
			case unicode.IsUpper(r):
				k = 'X'
			case unicode.IsLetter(r):
				k = 'x'
			case unicode.IsDigit(r):
				k = 'd'
			default:
				k = '*'
			}
		}
		i += size
		if k == last {
			run++
			if run < 4 {
				long = hashByte(long, k)
			}
			continue
		}
		last, run = k, 0
		long = hashByte(long, k)
		short = hashByte(short, k)
	}
	return long, short
}

// docFeatures fills the document-level fields: for each capitalised word,
// whether the same word is written capitalised inside a sentence, or in
// lower case, elsewhere in the document.
func docFeatures(sents [][]string, feats [][]tokFeat) {
	docFeaturesWith(sents, feats, new(docTab[uint8]))
}

// docFeaturesWith is docFeatures noting words in the table seen.
func docFeaturesWith(sents [][]string, feats [][]tokFeat, seen *docTab[uint8]) {
	const capMid, low = 1, 2
	n := 0
	for _, fs := range feats {
		n += len(fs)
	}
	seen.reset(n)
	for s, ws := range sents {
		for i, w := range ws {
			f := &feats[s][i]
			if f.allCap {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsLower(r):
				*seen.ptr(f.lower) |= low
			case i > 0 && f.cap:
				*seen.ptr(f.lower) |= capMid
			}
		}
	}
	for s := range feats {
		for i := range feats[s] {
			f := &feats[s][i]
			f.docCap, _ = seen.get(f.lower)
		}
	}
}

// featurizer turns analysed tokens into weight-table rows.
type featurizer struct {
	bits uint
}

// f returns the row of template tmpl over the hash h.
func (fz featurizer) f(tmpl uint64, h uint64) uint32 { return uint32(mix(tmpl, h) >> (64 - fz.bits)) }

var (
	hStart  = hashString(fnvOffset, "<s>")
	hEnd    = hashString(fnvOffset, "</s>")
	hStart2 = hashString(fnvOffset, "<s2>")
	hEnd2   = hashString(fnvOffset, "</s2>")
)

// features appends the rows of token i's features to dst.
func (fz featurizer) features(dst []uint32, ts []tokFeat, i int, stage2 bool) []uint32 {
	t := &ts[i]
	p1l, p1s, p1c := hStart, hStart, uint64(0xffff)
	n1l, n1s, n1c := hEnd, hEnd, uint64(0xffff)
	p2l, n2l := hStart2, hEnd2
	if i > 0 {
		p := &ts[i-1]
		p1l, p1s, p1c = p.lower, p.short, uint64(p.info.cl[1])
	}
	if i > 1 {
		p2l = ts[i-2].lower
	}
	if i+1 < len(ts) {
		n := &ts[i+1]
		n1l, n1s, n1c = n.lower, n.short, uint64(n.info.cl[1])
	}
	if i+2 < len(ts) {
		n2l = ts[i+2].lower
	}
	dst = append(dst,
		fz.f(fBias, 0),
		fz.f(fWord, t.word),
		fz.f(fLower, t.lower),
		fz.f(fShape, t.shape),
		fz.f(fShort, t.short),
		fz.f(fPrev1, p1l),
		fz.f(fNext1, n1l),
		fz.f(fPrev2, p2l),
		fz.f(fNext2, n2l),
		fz.f(fPrevShape, p1s),
		fz.f(fNextShape, n1s),
		fz.f(fBigramL, mix(p1l, t.lower)),
		fz.f(fBigramR, mix(t.lower, n1l)),
		fz.f(fShape3, mix(mix(p1s, t.short), n1s)),
		fz.f(fPrevWordShape, mix(p1l, t.short)),
		fz.f(fShapeNextWord, mix(t.short, n1l)),
		fz.f(fPrevCl, p1c),
		fz.f(fNextCl, n1c),
	)
	for k := 0; k < 4; k++ {
		if t.pre[k] == 0 {
			break
		}
		dst = append(dst, fz.f(fPre+uint64(k)<<8, t.pre[k]), fz.f(fSuf+uint64(k)<<8, t.suf[k]))
	}
	if i == 0 {
		dst = append(dst, fz.f(fInitial, t.short))
	}
	if t.info.cl[0] != 0 {
		dst = append(dst,
			fz.f(fCl0, uint64(t.info.cl[0])),
			fz.f(fCl1, uint64(t.info.cl[1])),
			fz.f(fCl2, uint64(t.info.cl[2])))
	}
	capBit := uint64(0)
	if t.cap {
		capBit = 1
	}
	if i == 0 {
		capBit |= 2
	}
	dst = append(dst, fz.f(fCaps, uint64(t.info.caps)<<4|capBit))
	if t.allCap {
		dst = append(dst, fz.f(fAllCapsSent, t.short), fz.f(fAllCapsSent+1<<8, uint64(t.info.caps)))
	}
	if t.hyFirst != 0 {
		dst = append(dst, fz.f(fHyFirst, t.hyFirst), fz.f(fHyLast, t.hyLast))
	}
	for src := 0; src < numGaz; src++ {
		if g := t.gaz[src]; g != 0 {
			dst = append(dst, fz.f(fGaz, uint64(src)<<4|uint64(g)))
		}
	}
	if t.cap || t.allCap {
		dst = append(dst, fz.f(fDocCap, uint64(t.docCap)<<2|capBit))
	}
	if stage2 {
		dst = fz.docFeatures(dst, ts, i)
	}
	return dst
}

// docFeatures appends the rows of the features only the document pass
// has: what the first pass found for the word, and its neighbours,
// elsewhere in the document.
func (fz featurizer) docFeatures(dst []uint32, ts []tokFeat, i int) []uint32 {
	t := &ts[i]
	dst = append(dst, fz.f(fPrevDoc, uint64(t.prevDoc)), fz.f(fPrevDocWord, mix(uint64(t.prevDoc), t.short)))
	pd, nd := uint64(9), uint64(9)
	if i > 0 {
		pd = uint64(ts[i-1].prevDoc)
	}
	if i+1 < len(ts) {
		nd = uint64(ts[i+1].prevDoc)
	}
	return append(dst, fz.f(fPrevPrevDoc, pd<<4|uint64(t.prevDoc)), fz.f(fNextDoc, nd<<4|uint64(t.prevDoc)))
}
