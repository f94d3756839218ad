package actors

import (
	"sync"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// Match is one actor mention found in a text; Start and End are byte
// offsets into it.
type Match struct {
	Actor      *Actor
	Start, End int
	Text       string
}

// Find scans text for actor mentions, longest match first, left to right,
// without overlaps. It walks a token trie of every alias, so its cost
// grows with the text, not with the number of aliases. A match needs one
// capitalised word (so "the senate" is not the US Senate) and upper case
// where an alias is a short acronym. A country followed by a description
// the registry knows ("Russia's air defences", "Iraqi police") is one
// match for the description's actor, as is a country before one of its
// named actors ("Iran's Quds Force", "the Ukrainian Coordination
// Headquarters for the Treatment of Prisoners of War").
func (r *Registry) Find(text string) []Match {
	return r.FindAt(text, time.Time{})
}

// FindAt is Find for a text of a given date, which decides between people
// who share a name.
func (r *Registry) FindAt(text string, at time.Time) []Match {
	tb := findPool.Get().(*findBuf)
	toks, buf := tokenizeInto(tb.toks[:0], tb.buf[:0], text)
	defer tb.put(toks, buf)
	r.tries()
	var out []Match
	for i := 0; i < len(toks); {
		end, a := r.matchAt(toks, i, at)
		if a == nil {
			i++
			continue
		}
		if a.Kind == news.KindState && end < len(toks) && !toks[end].Gap && !proAnti(toks, i) {
			if e2, a2 := r.extend(toks, end, a, at); a2 != nil {
				end, a = e2, a2
			}
		}
		// A title before a name is the person: "Ukrainian President
		// Volodymyr Zelensky", "British Defense Secretary John Healey".
		if titleKind(a) && end < len(toks) && !toks[end].Gap {
			if e2, p := r.matchAt(toks, end, at); p != nil && p.Kind == news.KindPerson && p.Country == a.Country {
				end, a = e2, p
			}
		}
		out = append(out, Match{Actor: a, Start: toks[i].Start, End: toks[end-1].End, Text: text[toks[i].Start:toks[end-1].End]})
		i = end
	}
	return out
}

// findBuf holds the token and normal-form buffers of FindAt and Resolve
// between calls: the actors and events stages run them on every article.
type findBuf struct {
	toks []token
	buf  []byte
}

var findPool = sync.Pool{New: func() any { return new(findBuf) }}

// put returns the buffers to the pool, emptied so that they hold no text;
// very long texts' buffers are let go.
func (tb *findBuf) put(toks []token, buf []byte) {
	if cap(toks) > 1<<16 || cap(buf) > 1<<20 {
		return
	}
	clear(toks)
	tb.toks, tb.buf = toks[:0], buf[:0]
	findPool.Put(tb)
}

// matchAt returns the longest alias match starting at token i.
func (r *Registry) matchAt(toks []token, i int, at time.Time) (int, *Actor) {
	bestEnd := -1
	var best *Actor
	r.trie.walk(toks, i, func(end int, key string) {
		span := toks[i:end]
		if !capitalised(span) {
			return
		}
		var cand *Actor
		candScore := 0
		for _, e := range r.exact[key] {
			if !caseOK(e, span) {
				continue
			}
			// A lone first or last name from the generated data
			// ("Albert", "Hassan") names too many people to match
			// in running text; curated surnames ("Zelensky") do.
			if len(span) == 1 && e.a.Kind == news.KindPerson && e.a.rank < rankCurated {
				continue
			}
			if s := score(e.a, "", at); cand == nil || s > candScore || s == candScore && e.a.ID < cand.ID {
				cand, candScore = e.a, s
			}
		}
		if cand != nil {
			bestEnd, best = end, cand
		}
	})
	return bestEnd, best
}

// extend continues a country match with what follows it: a description
// of one of its parts, or a named actor of that country.
func (r *Registry) extend(toks []token, i int, state *Actor, at time.Time) (int, *Actor) {
	bestEnd := -1
	var best *Actor
	r.tails.walk(toks, i, func(end int, key string) {
		if a := r.rel[key][state.Country]; a != nil {
			bestEnd, best = end, a
			if a.rank >= rankCurated {
				return
			}
		}
		// As in Resolve, a generic description beats the generated data.
		if suffix, ok := r.agents[key]; ok {
			if a, ok := r.byID[state.ID+"-"+suffix]; ok {
				bestEnd, best = end, a
			}
		}
	})
	if end, a := r.matchAt(toks, i, at); a != nil && a.Kind != news.KindState && a.Kind != news.KindPerson && a.Country == state.Country && end >= bestEnd {
		return end, a
	}
	return bestEnd, best
}

// proAnti reports whether the country at token i is the object of "pro-"
// or "anti-" ("pro-Iran militias" are not Iran's).
func proAnti(toks []token, i int) bool {
	if i == 0 || toks[i].Gap {
		return false
	}
	p := toks[i-1].Norm
	return (p == "pro" || p == "anti") && toks[i].Start-toks[i-1].End == 1
}

// titleKind reports whether a match may be a title before a person's
// name: an office, a government or a state.
func titleKind(a *Actor) bool {
	switch a.Kind {
	case news.KindGovernment, news.KindState, news.KindStateForces:
		return true
	}
	return false
}

// capitalised reports whether a span has a word that begins upper case.
func capitalised(span []token) bool {
	for _, t := range span {
		if t.Cap {
			return true
		}
	}
	return false
}
