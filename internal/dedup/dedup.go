// Package dedup finds near-duplicate articles (syndicated wire copies with a
// new headline, a paragraph added or dropped, a few words changed) with
// MinHash signatures over 3-word shingles and locality-sensitive hashing in
// bands, so that a new article is compared only with the few stored ones that
// share a band.
//
// The signature parameters (shingle size, permutations, band layout, hash
// seeds) are part of sitrep's stored data: signatures computed by one version
// are compared with those stored by another, so changing them means
// recomputing every stored signature.
package dedup

import (
	"math"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Signature layout: Bands × Rows of the Permutations minimum hashes form the
// LSH bands (the last two serve only Similarity). With 42 bands of 3 rows, a
// pair whose Jaccard similarity is s shares at least one band with
// probability 1-(1-s³)⁴², which is 0.996 at s=0.5, 0.68 at 0.3 and 0.04 at
// 0.1: the candidate step misses almost nothing at or above Threshold, and
// Similarity then drops the extra candidates.
const (
	Permutations = 128
	Bands        = 42
	Rows         = 3
	ShingleWords = 3
)

// Threshold is the estimated Jaccard similarity of 3-word shingles at and
// above which two articles are near-duplicates. docs/store.md has the
// measurement behind it.
const Threshold = 0.5

// Fingerprint is an article's MinHash signature and its LSH band hashes.
// A text with no words has an empty fingerprint, which matches nothing.
type Fingerprint struct {
	// Sig holds Permutations minimum hashes.
	Sig []uint32
	// Bands holds one hash per LSH band, the band index mixed in, so that
	// equal band values mean equal rows in the same band.
	Bands []uint64
}

// Empty reports whether fp was computed from a text without words.
func (fp Fingerprint) Empty() bool { return len(fp.Sig) == 0 }

// hash parameters of the permutations: h_i(x) = (a_i·x + b_i) >> 32 over
// 64-bit words, a multiply-shift family; a_i odd.
var permA, permB [Permutations]uint64

func init() {
	s := uint64(0x5173_7265_7064_6564) // fixed: stored signatures depend on it
	for i := range Permutations {
		permA[i] = splitmix(&s) | 1
		permB[i] = splitmix(&s)
	}
}

func splitmix(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	return mix64(*s)
}

// mix64 is the splitmix64 finaliser: a bijection that spreads every input
// bit over the whole word.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// words returns the FNV-1a hash of each normalised word of text: lower case,
// letters and digits only; apostrophes are dropped inside a word ("don't" is
// "dont"), every other character separates words.
func words(text string) []uint64 {
	out := make([]uint64, 0, len(text)/6)
	h, n := uint64(fnvOffset), 0
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r == '\'' || r == '’' || r == 'ʼ':
			continue
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			r = unicode.ToLower(r)
		default:
			if n > 0 {
				out = append(out, h)
				h, n = fnvOffset, 0
			}
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
			h = (h ^ uint64(b)) * fnvPrime
		}
		n++
	}
	if n > 0 {
		out = append(out, h)
	}
	return out
}

// Compute returns the fingerprint of text: the MinHash of its 3-word
// shingles (the whole word sequence when it has fewer than three words).
func Compute(text string) Fingerprint {
	ws := words(text)
	if len(ws) == 0 {
		return Fingerprint{}
	}
	var sig [Permutations]uint32
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	nsh := len(ws) - ShingleWords + 1
	if nsh < 1 {
		nsh = 1
	}
	for i := range nsh {
		x := uint64(0)
		for j := i; j < i+ShingleWords && j < len(ws); j++ {
			x = mix64(x*31 + ws[j])
		}
		for p := range sig {
			if v := uint32((permA[p]*x + permB[p]) >> 32); v < sig[p] {
				sig[p] = v
			}
		}
	}
	fp := Fingerprint{Sig: sig[:], Bands: make([]uint64, Bands)}
	for b := range Bands {
		h := mix64(uint64(b) + 0x9e3779b97f4a7c15)
		for _, v := range sig[b*Rows : (b+1)*Rows] {
			h = mix64(h ^ uint64(v))
		}
		fp.Bands[b] = h
	}
	return fp
}

// Similarity estimates the Jaccard similarity of the shingle sets behind a
// and b: the share of permutations whose minimum hashes agree. Empty or
// mismatched fingerprints have similarity 0.
func Similarity(a, b Fingerprint) float64 {
	if len(a.Sig) == 0 || len(a.Sig) != len(b.Sig) {
		return 0
	}
	same := 0
	for i, v := range a.Sig {
		if v == b.Sig[i] {
			same++
		}
	}
	return float64(same) / float64(len(a.Sig))
}

// Index clusters fingerprints in memory, for runs without a database
// (`sitrep extract`). It is safe for concurrent use.
type Index struct {
	mu    sync.Mutex
	bands map[uint64][]int // band hash → entries
	byID  map[string]int
	items []entry
}

type entry struct {
	id, cluster string
	fp          Fingerprint
}

// NewIndex returns an empty index. The zero Index is also ready to use.
func NewIndex() *Index { return &Index{} }

// Add records id with its fingerprint and returns its cluster: the cluster
// of the earliest added article it is a near-duplicate of (Similarity ≥
// Threshold), or id itself. Adding an id again returns its cluster and
// changes nothing.
func (ix *Index) Add(id string, fp Fingerprint) (cluster string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.byID == nil {
		ix.byID = make(map[string]int)
		ix.bands = make(map[uint64][]int)
	}
	if i, ok := ix.byID[id]; ok {
		return ix.items[i].cluster
	}
	best := -1
	if !fp.Empty() {
		seen := make(map[int]bool)
		for _, b := range fp.Bands {
			for _, i := range ix.bands[b] {
				if seen[i] {
					continue
				}
				seen[i] = true
				if (best < 0 || i < best) && Similarity(fp, ix.items[i].fp) >= Threshold {
					best = i
				}
			}
		}
	}
	cluster = id
	if best >= 0 {
		cluster = ix.items[best].cluster
	}
	n := len(ix.items)
	ix.items = append(ix.items, entry{id: id, cluster: cluster, fp: fp})
	ix.byID[id] = n
	if !fp.Empty() {
		for _, b := range fp.Bands {
			ix.bands[b] = append(ix.bands[b], n)
		}
	}
	return cluster
}

// Len returns the number of articles added.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.items)
}
