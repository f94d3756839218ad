package nlp

import "math/bits"

// hashTab is a read-only open-addressing table keyed by 64-bit hashes,
// built at load for the per-token look-ups of tagging (word statistics,
// gazetteer phrases): one probe usually reads one cache line, where a Go
// map reads its control word, then the slot.
type hashTab[V any] struct {
	slots []hashSlot[V]
	shift uint
	zero  *V // the value of key 0, which marks empty slots
}

type hashSlot[V any] struct {
	key uint64
	val V
}

// newHashTab builds a table holding m's entries, at most half full.
func newHashTab[V any](m map[uint64]V) *hashTab[V] {
	size := 16
	for size < 2*len(m) {
		size <<= 1
	}
	t := &hashTab[V]{slots: make([]hashSlot[V], size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	mask := uint64(size - 1)
	for k, v := range m {
		if k == 0 {
			v := v
			t.zero = &v
			continue
		}
		i := t.home(k)
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = hashSlot[V]{k, v}
	}
	return t
}

// home is key k's first slot (Fibonacci hashing of the key).
func (t *hashTab[V]) home(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> t.shift }

// get returns the value of key k and whether it is present.
func (t *hashTab[V]) get(k uint64) (V, bool) {
	if k == 0 {
		if t.zero != nil {
			return *t.zero, true
		}
		var z V
		return z, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.home(k); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k {
			return s.val, true
		}
		if s.key == 0 {
			var z V
			return z, false
		}
	}
}

// phraseTab is the gazetteer's phrase table for tagging: each slot packs
// the upper 48 bits of a phrase hash with its 16 source bits, so the
// table is half the size of a hashTab and mostly stays in cache. A look-up
// could take a phrase whose hash shares its upper 48 bits for another in
// the same probe run: about one chance in 2^48 for each slot compared.
type phraseTab struct {
	slots []uint64
	shift uint
}

const phraseValMask = 0xffff

// newPhraseTab builds the table from m, at most half full; entries with no
// source bits are left out (they match nothing).
func newPhraseTab(m map[uint64]uint16) *phraseTab {
	size := 16
	for size < 2*len(m) {
		size <<= 1
	}
	t := &phraseTab{slots: make([]uint64, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	mask := uint64(size - 1)
	for k, v := range m {
		if v == 0 {
			continue
		}
		i := t.home(k)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = k&^phraseValMask | uint64(v)
	}
	return t
}

func (t *phraseTab) home(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> t.shift }

// get returns the source bits of phrase hash k and whether it is present.
func (t *phraseTab) get(k uint64) (uint16, bool) {
	mask := uint64(len(t.slots) - 1)
	fp := k &^ phraseValMask
	for i := t.home(k); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&^phraseValMask == fp {
			return uint16(s), true
		}
	}
}

// docTab is a scratch open-addressing table keyed by word hashes for the
// per-document counts of tagging, reused from document to document.
type docTab[V any] struct {
	keys  []uint64
	vals  []V
	shift uint
	zero  V // the value of key 0, which marks empty slots
	hasZ  bool
}

// reset empties t and sizes it for up to n keys.
func (t *docTab[V]) reset(n int) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	t.keys = grow(t.keys, size)
	t.vals = grow(t.vals, size)
	clear(t.keys)
	clear(t.vals)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	var z V
	t.zero, t.hasZ = z, false
}

// ptr returns the value of key k, adding it (zero) when absent.
func (t *docTab[V]) ptr(k uint64) *V {
	if k == 0 {
		t.hasZ = true
		return &t.zero
	}
	mask := uint64(len(t.keys) - 1)
	for i := (k * 0x9e3779b97f4a7c15) >> t.shift; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return &t.vals[i]
		case 0:
			t.keys[i] = k
			return &t.vals[i]
		}
	}
}

// get returns the value of key k and whether it is present.
func (t *docTab[V]) get(k uint64) (V, bool) {
	if k == 0 {
		return t.zero, t.hasZ
	}
	mask := uint64(len(t.keys) - 1)
	for i := (k * 0x9e3779b97f4a7c15) >> t.shift; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			var z V
			return z, false
		}
	}
}
