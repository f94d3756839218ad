package attribution

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
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

var tagNames = [nTags]string{"O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CNT", "I-CNT"}

const (
	modelMagic = "SRATTR01"
	hashBits   = 19
	nBuckets   = 1 << hashBits
	maxFeats   = 32
)

//go:embed model/tagger.bin.gz
var embeddedModel []byte

// model holds quantised weights: weight of feature bucket b for tag t is
// w[b*nTags+t] * scale.
type model struct {
	w     []int16
	scale float32
}

var (
	modelOnce sync.Once
	modelVal  *model
	modelErr  error
)

// loadModel decodes the embedded tagger model once.
func loadModel() (*model, error) {
	modelOnce.Do(func() {
		if len(embeddedModel) == 0 {
			modelErr = errors.New("attribution: no embedded tagger model")
			return
		}
		modelVal, modelErr = readModel(bytes.NewReader(embeddedModel))
	})
	return modelVal, modelErr
}

// readModel reads the tagger's file format: gzip of magic, bits and tags
// (uint32 each), scale (float32), entry count (uint32), then entries of
// bucket (uint32) and nTags int16 weights, all little endian.
func readModel(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	defer zr.Close()
	var hdr struct {
		Magic      [8]byte
		Bits, Tags uint32
		Scale      float32
		N          uint32
	}
	if err := binary.Read(zr, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("attribution model: header: %w", err)
	}
	if string(hdr.Magic[:]) != modelMagic || hdr.Bits != hashBits || hdr.Tags != nTags {
		return nil, fmt.Errorf("attribution model: unknown format %q bits %d tags %d", hdr.Magic[:], hdr.Bits, hdr.Tags)
	}
	if hdr.N > nBuckets {
		return nil, fmt.Errorf("attribution model: %d entries", hdr.N)
	}
	m := &model{w: make([]int16, nBuckets*nTags), scale: hdr.Scale}
	var e struct {
		B uint32
		W [nTags]int16
	}
	for i := uint32(0); i < hdr.N; i++ {
		if err := binary.Read(zr, binary.LittleEndian, &e); err != nil {
			return nil, fmt.Errorf("attribution model: entry %d: %w", i, err)
		}
		if e.B >= nBuckets {
			return nil, fmt.Errorf("attribution model: entry %d: bucket %d", i, e.B)
		}
		copy(m.w[int(e.B)*nTags:], e.W[:])
	}
	return m, nil
}

// writeModel writes weights in readModel's format, quantised to int16.
func writeModel(w io.Writer, weights []float32) error {
	maxAbs := float32(0)
	for _, v := range weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	type entry struct {
		B uint32
		W [nTags]int16
	}
	var entries []entry
	for b := 0; b < nBuckets; b++ {
		var e entry
		nz := false
		for t := 0; t < nTags; t++ {
			q := int16(math.Round(float64(weights[b*nTags+t] / scale)))
			e.W[t] = q
			if q != 0 {
				nz = true
			}
		}
		if nz {
			e.B = uint32(b)
			entries = append(entries, e)
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	hdr := struct {
		Magic      [8]byte
		Bits, Tags uint32
		Scale      float32
		N          uint32
	}{Bits: hashBits, Tags: nTags, Scale: scale, N: uint32(len(entries))}
	copy(hdr.Magic[:], modelMagic)
	if err := binary.Write(zw, binary.LittleEndian, hdr); err != nil {
		return err
	}
	if err := binary.Write(zw, binary.LittleEndian, entries); err != nil {
		return err
	}
	return zw.Close()
}

// featureCtx holds per-document facts the features use.
type featureCtx struct {
	cueLeft, cueRight []int8  // distance bucket to the nearest lexicon cue in the sentence
	rule              []uint8 // what the patterns made of each token (ruleTags)
	sentQuote         []bool  // the sentence holds a quotation mark
}

func (d *doc) featureContext() featureCtx {
	n := len(d.toks)
	fc := featureCtx{cueLeft: make([]int8, n), cueRight: make([]int8, n), rule: d.ruleTags(), sentQuote: make([]bool, len(d.sents))}
	for i := range d.toks {
		if d.toks[i].qmark {
			fc.sentQuote[d.toks[i].sent] = true
		}
	}
	for _, s := range d.sents {
		last := -1
		for i := s[0]; i < s[1]; i++ {
			fc.cueLeft[i] = distBucket(last, i)
			if cueWords[d.toks[i].low].class != 0 || d.toks[i].low == "according" {
				last = i
			}
		}
		last = -1
		for i := s[1] - 1; i >= s[0]; i-- {
			fc.cueRight[i] = distBucket(last, i)
			if cueWords[d.toks[i].low].class != 0 || d.toks[i].low == "according" {
				last = i
			}
		}
	}
	return fc
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

func hbyte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	h *= fnvPrime
	return h
}

func tmpl(id byte) uint64 { return hbyte(fnvOffset, id) }

func (d *doc) word(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(d.toks) {
		return "</s>"
	}
	return d.toks[i].low
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

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// features fills f with the feature buckets of token i given the two
// previous tags, and returns how many there are.
func (d *doc) features(f *[maxFeats]uint32, fc *featureCtx, i int, p1, p2 uint8) int {
	t := &d.toks[i]
	si := t.sent
	s0, s1 := d.sents[si][0], d.sents[si][1]
	wm1, wm2, wp1, wp2 := d.word(i-1), d.word(i-2), d.word(i+1), d.word(i+2)
	if i-1 < s0 {
		wm1, wm2 = "<s>", "<s>"
	} else if i-2 < s0 {
		wm2 = "<s>"
	}
	if i+1 >= s1 {
		wp1, wp2 = "</s>", "</s>"
	} else if i+2 >= s1 {
		wp2 = "</s>"
	}
	q := byte(0)
	if t.q >= 0 {
		q = 1
	}
	if t.qmark {
		q += 2
		if isOpenQuote(t.text) {
			q += 4
		}
	}
	cls := byte(cueWords[t.low].class)
	n := 0
	add := func(h uint64) {
		f[n] = uint32(h) & (nBuckets - 1)
		n++
	}
	add(tmpl(1))
	add(hstr(tmpl(2), t.low))
	add(hstr(tmpl(3), wm1))
	add(hstr(tmpl(4), wp1))
	add(hstr(tmpl(5), wm2))
	add(hstr(tmpl(6), wp2))
	add(hstr(hstr(tmpl(7), wm1), t.low))
	add(hstr(hstr(tmpl(8), t.low), wp1))
	add(hstr(tmpl(9), suffix(t.low, 3)))
	add(hbyte(hbyte(tmpl(10), shape(t.text)), p1))
	add(hbyte(tmpl(11), p1))
	add(hbyte(hbyte(tmpl(12), p1), p2))
	add(hstr(hbyte(tmpl(13), p1), t.low))
	add(hbyte(hbyte(tmpl(14), q), p1))
	add(hbyte(hbyte(tmpl(15), cls), p1))
	add(hbyte(hbyte(tmpl(16), byte(fc.cueLeft[i])), p1))
	add(hbyte(hbyte(tmpl(17), byte(fc.cueRight[i])), p1))
	pos := byte(0)
	switch {
	case i == s0:
		pos = 1
	case d.toks[i-1].low == ",":
		pos = 2
	case i+1 == s1:
		pos = 3
	}
	add(hbyte(hbyte(tmpl(18), pos), p1))
	add(hbyte(hbyte(tmpl(19), byte(cueWords[wm1].class)), byte(cueWords[wp1].class)))
	add(hstr(hbyte(tmpl(20), p1), wm1))
	add(hstr(tmpl(21), suffix(t.low, 2)))
	pr := byte(0)
	if pronouns[t.low] > 0 {
		pr = 1
	} else if roleNouns[t.low] {
		pr = 2
	} else if orgHeads[t.low] {
		pr = 3
	}
	add(hbyte(hbyte(tmpl(22), pr), p1))
	add(hbyte(hbyte(hbyte(tmpl(23), q), byte(fc.cueLeft[i])), byte(fc.cueRight[i])))
	add(hstr(hstr(tmpl(24), wm1), wp1))
	r := fc.rule[i]
	rp, rn := uint8(0), uint8(0)
	if i > 0 {
		rp = fc.rule[i-1]
	}
	if i+1 < len(fc.rule) {
		rn = fc.rule[i+1]
	}
	add(hbyte(hbyte(tmpl(25), r), p1))
	add(hbyte(hbyte(hbyte(tmpl(26), rp), r), rn))
	add(hstr(hbyte(tmpl(27), r), t.low))
	sq := byte(0)
	if fc.sentQuote[si] {
		sq = 1
	}
	add(hbyte(hbyte(hbyte(tmpl(28), sq), q), p1))
	add(hstr(hstr(hbyte(tmpl(29), p1), wm1), t.low))
	return n
}

// tag labels the document's tokens with the model.
func (d *doc) tag(m *model) []uint8 {
	fc := d.featureContext()
	tags := make([]uint8, len(d.toks))
	var f [maxFeats]uint32
	var sc [nTags]int32
	p1, p2 := uint8(tagO), uint8(tagO)
	for i := range d.toks {
		n := d.features(&f, &fc, i, p1, p2)
		sc = [nTags]int32{}
		for _, b := range f[:n] {
			w := m.w[int(b)*nTags : int(b)*nTags+nTags]
			for t := range sc {
				sc[t] += int32(w[t])
			}
		}
		best := legalBest(sc[:], p1)
		tags[i] = best
		p2, p1 = p1, best
	}
	return tags
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
func tagSpans(tags []uint8) [3][][2]int {
	var out [3][][2]int
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
// sentence and the tagged content nearest it (after it first).
func (d *doc) fill(tags []uint8) {
	sp := tagSpans(tags)
	taken := make([]bool, len(d.toks))
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
	for _, c := range sp[SpanCue] {
		if !free(c) {
			continue
		}
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
		if cont[0] >= cont[1] || !d.plausible(src, c) {
			continue
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

// plausible filters the tagger's guesses: a cue needs a source that is a
// noun phrase (not "who", not "in 2022") unless it is a participle of the
// lexicon ("..., saying"), and a cue word that is not a bare modifier.
func (d *doc) plausible(src, cue [2]int) bool {
	if src[0] >= src[1] {
		// no source: only a cue the lexicon knows ("Asked about ...",
		// "..., saying")
		return cueWords[d.toks[cue[1]-1].low].class != 0 || cue[1]-cue[0] >= 2 && !d.toks[cue[0]].cap
	}
	first := d.toks[src[0]].low
	switch first {
	case "who", "which", "that", "whose", "in", "on", "at", "for", "of", "to", "with", "by", "from":
		return false
	}
	ok := false
	for k := src[0]; k < src[1]; k++ {
		t := &d.toks[k]
		if t.cap || pronouns[t.low] > 0 || roleNouns[t.low] || orgHeads[t.low] || documentHeads[t.low] || outletHeads[t.low] || len(t.low) > 3 && strings.HasSuffix(t.low, "s") {
			ok = true
		}
	}
	return ok
}
