package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
	"github.com/sitrep-osint/sitrep/news"
)

// Corroboration is the number of people and bodies an event rests on: the
// sum of the counts of its sources (attribution.Corroboration), the outlet
// left out when it relays other sources. "Reuters reported, citing eight
// anonymous sources" rests on eight witnesses; Reuters is the channel that
// carried them, not a ninth, and counting it would rank a relayed account
// above the same account told first-hand. An outlet that reports on its own
// authority, with no one else named, is the one source and counts one.
func Corroboration(srcs []news.Source) int {
	var others []news.Source
	for _, s := range srcs {
		if s.Kind != news.SrcOutlet {
			others = append(others, s)
		}
	}
	if len(others) == 0 {
		return attribution.Corroboration(srcs)
	}
	return attribution.Corroboration(others)
}

// claims returns the attributions that can vouch for an event: a content
// made only of function words ("seen by Iran" read as Iran saying "by") is
// a misreading of a passive, not a claim, and must neither source an event
// nor make it a party's claim.
func claims(attrs []news.Attribution) []news.Attribution {
	for i, at := range attrs {
		if !marginal(at) {
			continue
		}
		out := append([]news.Attribution(nil), attrs[:i]...)
		for _, at := range attrs[i+1:] {
			if !marginal(at) {
				out = append(out, at)
			}
		}
		return out
	}
	return attrs
}

func marginal(at news.Attribution) bool {
	if at.Content.End <= at.Content.Start {
		return false // refusals carry no content; attribution.Sources drops them
	}
	// The words of the lower-cased content, runs of letters and digits,
	// compared without allocating: every empty word is short ASCII, so a
	// word that is longer or holds another rune is not empty.
	var buf [8]byte
	n, long := 0, false
	for _, r := range at.Content.Text {
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if n > 0 || long {
				if long || !emptyWords[string(buf[:n])] {
					return false
				}
			}
			n, long = 0, false
			continue
		}
		if long {
			continue
		}
		if r >= utf8.RuneSelf || n == len(buf) {
			long = true
			continue
		}
		buf[n] = byte(r)
		n++
	}
	if n > 0 || long {
		if long || !emptyWords[string(buf[:n])] {
			return false
		}
	}
	return true
}

var emptyWords = set("a", "an", "the", "by", "of", "to", "in", "on", "at", "as", "for", "with", "from",
	"it", "he", "she", "they", "we", "i", "you", "this", "that", "so", "and", "or", "but")

// eventSources returns who vouches for an event: the sources of the claims
// whose content covers any sentence that mentions it (attribution.Sources
// over them all, so that a group and its members count once), each source
// with the largest number the article gives it ("one of the three
// commanders" is one of the three), then the reporting clauses of
// sentences the attribution stage found no claim for. cl is
// claims(a.Attributions).
func eventSources(a *news.Article, c *cand, cl []news.Attribution) []news.Source {
	var attrs []news.Attribution
	keys := map[string]bool{}
	most := map[string]int{}
	for _, at := range cl {
		for _, sp := range c.spans {
			if at.Content.Start < sp.End && sp.Start < at.Content.End {
				k := srcKey(at.Source)
				keys[k] = true
				most[k] = max(most[k], at.Source.Count)
				attrs = append(attrs, at)
				break
			}
		}
	}
	for i := range attrs {
		attrs[i].Source.Count = most[srcKey(attrs[i].Source)]
	}
	out := sameDescribed(attribution.Sources(attrs, news.Span{Start: 0, End: len(a.Text)}))
	for _, x := range c.srcs {
		k := srcKey(x)
		if i := indexSource(out, k); i >= 0 {
			if out[i].Actor == nil {
				out[i].Actor = x.Actor // the sentence knew whose source it is
			}
			continue
		}
		if keys[k] || indexSource(out, k) >= 0 {
			continue // a source the rules above folded into another
		}
		out = append(out, x)
	}
	return out
}

func srcKey(s news.Source) string { return s.Kind + "\x00" + strings.ToLower(s.Text) }

func indexSource(srcs []news.Source, k string) int {
	for i, s := range srcs {
		if srcKey(s) == k {
			return i
		}
	}
	return -1
}

// sameDescribed drops an anonymous source told again with less detail: "a
// government official" after "an Iraqi government official" is the same
// person, and "one of the Iraqi security officials" (a plural description
// standing for one person) is one of the Iraqi security officials already
// listed one by one.
func sameDescribed(srcs []news.Source) []news.Source {
	out := srcs[:0]
	for _, s := range srcs {
		if s.Kind == news.SrcAnonymous && s.Count <= 1 && s.Role != "" {
			dup := false
			for _, o := range srcs {
				if o.Kind != news.SrcAnonymous || o.Count > 1 || o.Role != s.Role || plural(o) {
					continue
				}
				if s.Party == "" && o.Party != "" || plural(s) && o.Party == s.Party {
					dup = true
				}
			}
			if dup {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// plural reports whether a source's description names several people
// ("Iraqi security officials") while its role names one.
func plural(s news.Source) bool {
	t := strings.ToLower(s.Text)
	return strings.HasSuffix(t, "s") && !strings.HasSuffix(s.Role, "s") && strings.HasSuffix(t, s.Role+"s")
}

// newGroupsSubject reports whether a sentence opens on a definite
// description of newly formed groups ("The new factions are linked ...",
// "“The new groups work in secret ..."): it speaks of the groups a formation
// told before created.
func newGroupsSubject(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n“\"'‘(")
	// The first five words are all it reads.
	var buf [5]string
	ws := buf[:0]
	for w := range strings.FieldsSeq(t) {
		ws = append(ws, w)
		if len(ws) == len(buf) {
			break
		}
	}
	if len(ws) < 3 {
		return false
	}
	switch strings.ToLower(ws[0]) {
	case "the", "these", "those":
	default:
		return false
	}
	if strings.ToLower(ws[1]) != "new" {
		return false
	}
	for k := 2; k < len(ws) && k < 5; k++ {
		w := strings.ToLower(strings.TrimRight(ws[k], ",;:”\"'’"))
		if groupNouns[w] {
			return true
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' {
				return false
			}
		}
		if len(w) != len(strings.ToLower(ws[k])) {
			return false // punctuation ended the phrase before a group noun
		}
	}
	return false
}

// attachRefs adds to an event of group formation each later sentence that
// tells no event of its own and whose subject is the new groups ("The new
// factions are linked directly to the IRGC," an official said): it is a
// mention of the formation, so the claims covering it, and the
// confirmations of those claims, vouch for the formation too. The nearest
// formation before the sentence takes it.
func attachRefs(cands []*cand, refs []news.Span) {
	for _, r := range refs {
		own := false
		var best *cand
		bestAt := -1
		for _, c := range cands {
			at := -1
			for _, sp := range c.spans {
				if sp.Start < r.End && r.Start < sp.End {
					own = true
				}
				if sp.Start < r.Start {
					at = max(at, sp.Start)
				}
			}
			if c.dropped || c.ev.Subtype != SubGroup || c.ev.Modality == news.ModNegated || c.ev.Modality == news.ModDenied || at < 0 {
				continue
			}
			if at > bestAt {
				best, bestAt = c, at
			}
		}
		if !own && best != nil {
			best.spans = append(best.spans, r)
		}
	}
}
