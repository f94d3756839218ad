package events

import (
	"github.com/sitrep-osint/sitrep/internal/extract/timex"
	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

// followUp reads a sentence that reports no event of its own for the
// casualties of the violent event told just before it: "Two people were
// injured." after "Guerrillas detonated a bomb at a bank". A figure is
// added for a kind the event has no figure of yet, or for more victims
// ("ten other people were also injured"); a follow-up never overrides what
// the event's own sentence gave. The sentence becomes one of the event's
// mentions. A toll told further on ("the number of victims is 59") goes
// to the article's one violent event, when it has only one.
func (x *Extractor) followUp(a *news.Article, idx int, sp news.Span, abs []nlp.Token, sc *scratch, cands []*cand) {
	text := a.Text[sp.Start:sp.End]
	if !mayCasualty(text) {
		return
	}
	d := recentViolent(cands, idx)
	if d == nil && mayToll(text) {
		d = soleViolent(cands, idx)
	}
	if d == nil {
		return
	}
	if abs == nil {
		abs = sc.tokensIn(a, sp)
	}
	s := sc.sentence()
	s.idx, s.span, s.text = idx, sp, a.Text[sp.Start:sp.End]
	ntoks, _ := s.fill(abs, sc)
	for _, m := range timex.Find(s.text, sp.Start) {
		ts, te := tokRange(ntoks, m.Start-sp.Start, m.End-sp.Start)
		if ts >= 0 {
			s.times = append(s.times, timeAt{s: ts, e: te, m: m})
		}
	}
	findSources(s)
	added := false
	// "Ten other people were also injured": more victims, kept beside the
	// event's own figure (its quantities keep the most conservative one).
	more := anyWord(s.low, "other", "others", "more", "another", "also", "additional")
	for _, f := range findFigures(s, hit{}, d) {
		if (f.What != "killed" && f.What != "injured") || hasFigureOf(d.ev.Figures, f.What) && !more {
			continue
		}
		if len(s.sources) > 0 {
			f.Source = s.sources[0].Text
		}
		d.ev.Figures = append(d.ev.Figures, f)
		added = true
	}
	if added {
		d.spans = append(d.spans, sp)
		d.last = idx
	}
}

// recentViolent returns the violent event told in one of the two
// sentences before sentence idx, the latest one, or nil.
func recentViolent(cands []*cand, idx int) *cand {
	for i := len(cands) - 1; i >= 0; i-- {
		d := cands[i]
		if d.dropped {
			continue
		}
		if idx-d.last > 2 {
			return nil
		}
		if violentClass(d.class) && d.last < idx && d.ev.Modality != news.ModHistorical {
			return d
		}
	}
	return nil
}

// soleViolent returns the one violent event of today's news told before
// sentence idx, or nil when there is none or more than one.
func soleViolent(cands []*cand, idx int) *cand {
	var out *cand
	for _, d := range cands {
		if d.dropped || !violentClass(d.class) || d.last >= idx || d.ev.Modality == news.ModHistorical {
			continue
		}
		if out != nil {
			return nil
		}
		out = d
	}
	return out
}

// mayToll reports whether text may give a death toll: "toll" or "number
// of".
func mayToll(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if eqFold(text[i:i+4], "toll") || i+9 <= len(text) && eqFold(text[i:i+9], "number of") {
			return true
		}
	}
	return false
}

func hasFigureOf(fs []news.Figure, what string) bool {
	for _, f := range fs {
		if f.What == what {
			return true
		}
	}
	return false
}

// mayCasualty reports whether text may tell of people killed or hurt: a
// cheap look at the raw text before it is tokenised.
func mayCasualty(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		switch text[i] | 0x20 {
		case 'k', 'i', 'w', 'd', 'h', 'v':
			w := text[i : i+4]
			if eqFold(w, "kill") || eqFold(w, "inju") || eqFold(w, "woun") || eqFold(w, "died") || eqFold(w, "dead") || eqFold(w, "hurt") || eqFold(w, "vict") {
				return true
			}
		}
	}
	return false
}

// eqFold compares an ASCII string to a lower-case one, ignoring case.
func eqFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		if s[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}
