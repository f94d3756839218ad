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
	rank    []uint32 // rows stored before word i of present
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
	pw.rank = make([]uint32, len(s1.present))
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
	var c uint32
	for wi, w := range pw.present {
		pw.rank[wi] = c
		c += uint32(bits.OnesCount64(w))
	}
	return &pw
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// numRows returns the number of stored rows.
func (pw *packedWeights) numRows() int { return len(pw.rows) / rowWords }

// find returns the index of row r's first word, or -1 when r is not stored.
func (pw *packedWeights) find(r uint32) int {
	w := pw.present[r>>6]
	bit := uint64(1) << (r & 63)
	if w&bit == 0 {
		return -1
	}
	return (int(pw.rank[r>>6]) + bits.OnesCount64(w&(bit-1))) * rowWords
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
