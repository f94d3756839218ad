package nlp

import (
	"math/rand"
	"testing"
)

func TestHashTables(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	words := map[uint64]wordInfo{0: {caps: 1}}
	gaz := map[uint64]uint16{12345: 1}
	for i := 0; i < 5000; i++ {
		words[rng.Uint64()] = wordInfo{cl: [3]uint16{uint16(i), 1, 2}, caps: uint8(i % 5)}
		gaz[rng.Uint64()] = uint16(1 + rng.Intn(1<<16-1))
	}
	wt, gt := newHashTab(words), newPhraseTab(gaz)
	for k, v := range words {
		if got, ok := wt.get(k); !ok || got != v {
			t.Fatalf("word %x: %v %v, want %v", k, got, ok, v)
		}
	}
	for k, v := range gaz {
		if got, ok := gt.get(k); !ok || got != v {
			t.Fatalf("phrase %x: %v %v, want %v", k, got, ok, v)
		}
	}
	for i := 0; i < 5000; i++ {
		k := rng.Uint64()
		if _, ok := wt.get(k); ok != (words[k] != wordInfo{}) {
			t.Fatalf("word %x found in the table, not in the map", k)
		}
		if _, ok := gt.get(k); ok != (gaz[k] != 0) {
			t.Fatalf("phrase %x found in the table, not in the map", k)
		}
	}
}
