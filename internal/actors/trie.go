package actors

import "strings"

// trie is a token trie over alias keys: each edge is one normalised word,
// and a node that ends a key remembers it. Edges live in one map keyed by
// (node, word ID), which keeps a registry of some 100,000 aliases compact.
type trie struct {
	vocab map[string]uint32
	edges map[uint64]uint32
	term  []string // node → the key it ends, or ""
}

func newTrie() *trie {
	return &trie{vocab: map[string]uint32{}, edges: map[uint64]uint32{}, term: []string{""}}
}

// add inserts a key (words separated by single spaces).
func (t *trie) add(key string) {
	node := uint32(0)
	rest := key
	for rest != "" {
		w := rest
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		id, ok := t.vocab[w]
		if !ok {
			id = uint32(len(t.vocab))
			t.vocab[w] = id
		}
		e := uint64(node)<<32 | uint64(id)
		next, ok := t.edges[e]
		if !ok {
			next = uint32(len(t.term))
			t.term = append(t.term, "")
			t.edges[e] = next
		}
		node = next
	}
	if node != 0 {
		t.term[node] = key
	}
}

// step follows the edge for word w from node.
func (t *trie) step(node uint32, w string) (uint32, bool) {
	id, ok := t.vocab[w]
	if !ok {
		return 0, false
	}
	next, ok := t.edges[uint64(node)<<32|uint64(id)]
	return next, ok
}

// walk calls fn(j, key) for each j > i, shortest first, where toks[i:j]
// is a key.
func (t *trie) walk(toks []token, i int, fn func(end int, key string)) {
	node := uint32(0)
	for j := i; j < len(toks); j++ {
		if j > i && toks[j].Gap {
			return
		}
		next, ok := t.step(node, toks[j].Norm)
		if !ok {
			return
		}
		node = next
		if k := t.term[node]; k != "" {
			fn(j+1, k)
		}
	}
}
