package nlp

import (
	"math"
	"math/bits"
)

// packedWeights is the tagging-time layout of both passes' emission
// weights, built at load from the stored int16 rows.
//
// Adding the same amount to every tag's score at one token changes no
// decision, so each row is shifted to make the O weight zero and only the
// 16 other tags are kept. Those are requantised to int8 (one scale per
// pass; dev F1 is unchanged) and stored biased by +128 as bytes: a row is
// 16 bytes of the first pass and 16 of the second, 32 bytes, half a cache
// line. Sums are formed eight tags at a time in 16-bit lanes of uint64
// (even and odd bytes apart), which cannot carry across lanes for fewer
// than 257 features; the bias is taken off once per token.
type packedWeights struct {
	present []uint64 // bit r set: row r is stored
	index   []rankBlock
	rows    []uint64 // 4 words a row: words 0-1 pass one, 2-3 pass two
	scale   [2]float32
}

const (
	laneMask = 0x00ff00ff00ff00ff
	rowWords = 4
)

// packWeights builds the packed table from one or two passes.
func packWeights(s1, s2 *stageWeights) *packedWeights {
	passes := []*stageWeights{s1, s2}
	var f [2]float64
	var pw packedWeights
	for p, sw := range passes {
		f[p] = 1
		if sw == nil {
			continue
		}
		maxAbs := 0
		for i := 0; i+numTags <= len(sw.rows); i += numTags {
			row := sw.rows[i : i+numTags]
			for t := 1; t < numTags; t++ {
				if d := abs(int(row[t]) - int(row[0])); d > maxAbs {
					maxAbs = d
				}
			}
		}
		if maxAbs > 0 {
			f[p] = 127 / float64(maxAbs)
		}
		pw.scale[p] = float32(float64(sw.scale) / f[p])
	}
	pw.present = make([]uint64, len(s1.present))
	var q [2 * (numTags - 1)]byte
	for wi := range s1.present {
		union := s1.present[wi]
		if s2 != nil {
			union |= s2.present[wi]
		}
		for x := union; x != 0; x &= x - 1 {
			r := uint32(wi<<6 + bits.TrailingZeros64(x))
			nonZero := false
			for p, sw := range passes {
				var row []int16
				if sw != nil {
					row = sw.row(r)
				}
				for t := 1; t < numTags; t++ {
					v := 0
					if row != nil {
						v = int(math.Round(float64(int(row[t])-int(row[0])) * f[p]))
						v = max(-127, min(127, v))
					}
					nonZero = nonZero || v != 0
					q[p*(numTags-1)+t-1] = byte(v + 128)
				}
			}
			if !nonZero {
				continue
			}
			pw.present[wi] |= 1 << (r & 63)
			for w := 0; w < rowWords; w++ {
				var word uint64
				for b := 7; b >= 0; b-- {
					word = word<<8 | uint64(q[8*w+b])
				}
				pw.rows = append(pw.rows, word)
			}
		}
	}
	pw.index = make([]rankBlock, len(pw.present))
	var c uint64
	for wi, w := range pw.present {
		pw.index[wi] = rankBlock{w, c}
		c += uint64(bits.OnesCount64(w))
	}
	return &pw
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// rankBlock is 64 rows' presence bits with the number of rows stored
// before them, side by side so that one cache line answers a look-up.
type rankBlock struct {
	bits, rank uint64
}

// find returns the index of row r's first word, or -1 when r is not stored.
func (pw *packedWeights) find(r uint32) int {
	blk := &pw.index[r>>6]
	bit := uint64(1) << (r & 63)
	if blk.bits&bit == 0 {
		return -1
	}
	return (int(blk.rank) + bits.OnesCount64(blk.bits&(bit-1))) * rowWords
}

// laneSums holds one pass's biased sums for one token: tags 1..16 in
// 16-bit lanes (even: tags 1,3,5..; odd: tags 2,4,6..), and how many rows
// were added.
type laneSums struct {
	e0, o0, e1, o1 uint64
	n              int32
}

// addBoth adds rows to both passes' sums.
func (pw *packedWeights) addBoth(rs []uint32, a1, a2 *laneSums) {
	rows := pw.rows
	var e0, o0, e1, o1, e2, o2, e3, o3 uint64
	n := int32(0)
	for _, r := range rs {
		i := pw.find(r)
		if i < 0 {
			continue
		}
		row := (*[rowWords]uint64)(rows[i : i+rowWords])
		x0, x1, x2, x3 := row[0], row[1], row[2], row[3]
		e0 += x0 & laneMask
		o0 += x0 >> 8 & laneMask
		e1 += x1 & laneMask
		o1 += x1 >> 8 & laneMask
		e2 += x2 & laneMask
		o2 += x2 >> 8 & laneMask
		e3 += x3 & laneMask
		o3 += x3 >> 8 & laneMask
		n++
	}
	*a1 = laneSums{e0, o0, e1, o1, n}
	*a2 = laneSums{e2, o2, e3, o3, n}
}

// addSecond adds rows to the second pass's sums.
func (pw *packedWeights) addSecond(rs []uint32, a *laneSums) {
	rows := pw.rows
	for _, r := range rs {
		i := pw.find(r)
		if i < 0 {
			continue
		}
		row := (*[rowWords]uint64)(rows[i : i+rowWords])
		x2, x3 := row[2], row[3]
		a.e0 += x2 & laneMask
		a.o0 += x2 >> 8 & laneMask
		a.e1 += x3 & laneMask
		a.o1 += x3 >> 8 & laneMask
		a.n++
	}
}

// emit writes the emission scores of sums a into e (numTags floats).
func (a *laneSums) emit(e []float32, scale float32) {
	e = e[:numTags]
	bias := 128 * a.n
	e[0] = 0
	for l := 0; l < 4; l++ {
		sh := 16 * uint(l)
		e[1+2*l] = float32(int32(a.e0>>sh&0xffff)-bias) * scale
		e[2+2*l] = float32(int32(a.o0>>sh&0xffff)-bias) * scale
		e[9+2*l] = float32(int32(a.e1>>sh&0xffff)-bias) * scale
		e[10+2*l] = float32(int32(a.o1>>sh&0xffff)-bias) * scale
	}
}

// The BILOU tags a closed name (or none) may be followed by, and those
// that close one: O, B-x and U-x follow O, L-x or U-x; I-x and L-x follow
// B-x or I-x of the same type.
var (
	openers = [9]uint8{0, 1, 4, 5, 8, 9, 12, 13, 16}
	closers = [9]uint8{0, 3, 4, 7, 8, 11, 12, 15, 16}
)

// fastTrans is one pass's transition weights laid out for fastViterbi.
type fastTrans struct {
	oc    [9][9]float32               // oc[i][j]: closers[j] → openers[i]
	in    [len(conllTypes)][4]float32 // B→I, I→I, B→L, I→L
	span  float32                     // largest minus smallest of oc
	start [numTags]float32            // -Inf where a sentence cannot start
	end   [numTags]float32            // -Inf where a sentence cannot end
}

func newFastTrans(trans []float32) *fastTrans {
	ft := &fastTrans{}
	for i, t := range openers {
		for j, p := range closers {
			ft.oc[i][j] = trans[int(p)*numTags+int(t)]
		}
	}
	lo, hi := ft.oc[0][0], ft.oc[0][0]
	for i := range ft.oc {
		for _, v := range ft.oc[i] {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	ft.span = hi - lo
	for y := range conllTypes {
		b, in, l := tagOf(y, posB), tagOf(y, posI), tagOf(y, posL)
		ft.in[y] = [4]float32{trans[b*numTags+in], trans[in*numTags+in], trans[b*numTags+l], trans[in*numTags+l]}
	}
	negInf := float32(math.Inf(-1))
	for t := 0; t < numTags; t++ {
		ft.start[t], ft.end[t] = negInf, negInf
		if allowed[numTags][t] {
			ft.start[t] = trans[numTags*numTags+t]
		}
		if canEnd(t) {
			ft.end[t] = trans[transEnd+t]
		}
	}
	return ft
}

// viterbi finds the best allowed tag sequence for emissions em (n×numTags)
// into out, as viterbi does, with the transitions unrolled by kind.
func (ft *fastTrans) viterbi(em []float32, out []int, back []uint8) {
	n := len(out)
	if n == 0 {
		return
	}
	em = em[:n*numTags]
	back = back[:n*numTags]
	var cur, next [numTags]float32
	for t := range cur {
		cur[t] = em[t] + ft.start[t]
	}
	for i := 1; i < n; i++ {
		e := (*[numTags]float32)(em[i*numTags : (i+1)*numTags])
		b := (*[numTags]uint8)(back[i*numTags : (i+1)*numTags])
		// a closing tag whose score trails the best by more than the
		// spread of the transition weights cannot win; usually one or two
		// remain
		top := cur[closers[0]]
		for _, p := range closers[1:] {
			top = max(top, cur[p])
		}
		var cand [9]uint8
		var cl [9]float32
		nc := 0
		for j, p := range closers {
			if cur[p] >= top-ft.span {
				cand[nc], cl[nc] = uint8(j), cur[p]
				nc++
			}
		}
		for k, t := range openers {
			row := &ft.oc[k]
			best, arg := cl[0]+row[cand[0]], cand[0]
			for c := 1; c < nc; c++ {
				if s := cl[c] + row[cand[c]]; s > best {
					best, arg = s, cand[c]
				}
			}
			next[t] = best + e[t]
			b[t] = closers[arg]
		}
		for y := 0; y < len(conllTypes); y++ {
			bt, it, lt := 1+4*y, 2+4*y, 3+4*y
			w := &ft.in[y]
			sb, si := cur[bt]+w[0], cur[it]+w[1]
			if sb >= si {
				next[it], b[it] = sb+e[it], uint8(bt)
			} else {
				next[it], b[it] = si+e[it], uint8(it)
			}
			sb, si = cur[bt]+w[2], cur[it]+w[3]
			if sb >= si {
				next[lt], b[lt] = sb+e[lt], uint8(bt)
			} else {
				next[lt], b[lt] = si+e[lt], uint8(it)
			}
		}
		cur = next
	}
	negInf := float32(math.Inf(-1))
	best, arg := negInf, 0
	for t := 0; t < numTags; t++ {
		if s := cur[t] + ft.end[t]; s > best {
			best, arg = s, t
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i*numTags+out[i]])
	}
}
