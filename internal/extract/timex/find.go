package timex

import (
	"strings"
	"sync"
)

// tok is a word, number or punctuation mark of a sentence, with its byte
// range and lower-cased text.
type tok struct {
	s, e  int
	low   string
	upper bool // starts with a capital letter
	num   bool // all digits
}

// tokenize appends the tokens of s to out. Words are runs of ASCII letters
// and digits, so the sentence is lower-cased once, in ASCII, and each
// word's lower-cased form is a piece of it.
func tokenize(out []tok, s string) []tok {
	ls := asciiLower(s)
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isAlnum(c):
			j := i
			for j < len(s) && isAlnum(s[j]) {
				j++
			}
			w := s[i:j]
			t := tok{s: i, e: j, low: ls[i:j], upper: c >= 'A' && c <= 'Z', num: true}
			for k := 0; k < len(w); k++ {
				if w[k] < '0' || w[k] > '9' {
					t.num = false
					break
				}
			}
			out = append(out, t)
			i = j
		case c < 0x80:
			out = append(out, tok{s: i, e: i + 1, low: s[i : i+1]})
			i++
		default:
			// A multi-byte rune (dashes, quotes): one token.
			j := i + 1
			for j < len(s) && s[j]&0xC0 == 0x80 {
				j++
			}
			out = append(out, tok{s: i, e: j, low: s[i:j]})
			i = j
		}
	}
	return out
}

// asciiLower returns s with its ASCII capitals lower-cased, s itself when
// it has none.
func asciiLower(s string) string {
	k := 0
	for k < len(s) && (s[k] < 'A' || s[k] > 'Z') {
		k++
	}
	if k == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:k])
	for ; k < len(s); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// tokPool holds token buffers for Find, which runs concurrently in the
// pipeline and keeps no token once it returns.
var tokPool = sync.Pool{New: func() any { return new([]tok) }}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

var (
	prepWords = set("in", "on", "since", "by", "until", "till", "from", "before", "after", "during", "through", "starting")
	partWords = set("early", "late", "mid")
	relWords  = set("last", "this", "next", "past", "coming", "previous")
	unitWords = set("day", "days", "week", "weeks", "month", "months", "year", "years")
	dayParts  = set("night", "morning", "afternoon", "evening")
	dashes    = set("-", "–", "—", "/")
	fixed     = set("overnight", "tonight", "today", "yesterday", "tomorrow")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func isYear(t tok) bool {
	if !t.num || len(t.low) != 4 {
		return false
	}
	return t.low[:2] == "19" || t.low[:2] == "20" || t.low[:2] == "18"
}

func isDayNum(t tok) bool {
	w := t.low
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if len(w) > 2 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-2]
			break
		}
	}
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != "0" && w != "00"
}

// isMonth reports whether t names a month as written in news: capitalised,
// full names, or abbreviations when a day number follows.
func isMonth(ts []tok, i int) bool {
	t := ts[i]
	if !t.upper {
		return false
	}
	if _, ok := months[t.low]; !ok {
		return false
	}
	if len(t.low) > 3 || t.low == "may" {
		return true
	}
	j := i + 1
	if j < len(ts) && ts[j].low == "." {
		j++
	}
	return j < len(ts) && isDayNum(ts[j])
}

func isAbbrev(w string) bool {
	return len(w) <= 4 && w != "may" && w != "june" && w != "july"
}

func isNumWord(t tok) bool {
	if t.num {
		return len(t.low) <= 4
	}
	_, ok := numWords[t.low]
	return ok
}

// isDecade reports whether w names a decade: "1860s", "1990s".
func isDecade(w string) bool {
	if len(w) != 5 || w[4] != 's' || w[3] != '0' || w[0] < '1' || w[0] > '2' {
		return false
	}
	for k := 1; k < 4; k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
	}
	return true
}

// Find returns the time expressions in sentence, in order, with byte
// offsets shifted by offset (the sentence's start in the article). Numbers
// that merely look like years ("2020 people", "3.2%", "$2019") are skipped.
func Find(sentence string, offset int) []Mention {
	buf := tokPool.Get().(*[]tok)
	ts := tokenize((*buf)[:0], sentence)
	defer func() {
		clear(ts) // let the sentence go
		*buf = ts[:0]
		tokPool.Put(buf)
	}()
	var out []Mention
	for i := 0; i < len(ts); {
		start, end, ok := match(sentence, ts, i)
		if !ok {
			i++
			continue
		}
		// Take a preposition, or a part ("late 2019"), in front.
		s := start
		if s > 0 && partWords[ts[s-1].low] {
			s--
		} else if s > 1 && ts[s-1].low == "-" && ts[s-2].low == "mid" {
			s -= 2
		}
		if s > 0 && prepWords[ts[s-1].low] && ts[s-1].e <= ts[s].s-1 && (len(out) == 0 || out[len(out)-1].End-offset <= ts[s-1].s) {
			s--
		}
		out = append(out, Mention{Text: sentence[ts[s].s:ts[end].e], Start: offset + ts[s].s, End: offset + ts[end].e})
		i = end + 1
	}
	return out
}

// match tries the patterns at token i; it returns the first and last token
// of the expression's core.
func match(sent string, ts []tok, i int) (int, int, bool) {
	t := ts[i]
	next := func(k int) string {
		if i+k < len(ts) {
			return ts[i+k].low
		}
		return ""
	}
	switch {
	case fixed[t.low]:
		return i, i, true
	case isDecade(t.low):
		// "the 1860s", "in the 1990s"
		if i > 0 && ts[i-1].low == "the" {
			return i - 1, i, true
		}
		return i, i, true
	case t.low == "last" && next(1) == "night":
		if i > 0 && ts[i-1].low == "late" {
			return i - 1, i + 1, true
		}
		return i, i + 1, true
	case t.low == "the" && (next(1) == "previous" || next(1) == "prior") && (next(2) == "day" || next(2) == "night"):
		// "the previous day's blasts": the day before publication
		return i, i + 2, true
	case t.low == "this" && dayParts[next(1)] && next(1) != "night":
		return i, i + 1, true
	case t.low == "earlier" && next(1) == "today":
		return i, i + 1, true
	case (relWords[t.low] || t.low == "earlier" || t.low == "later") && relWords[next(1)] && isRelUnit(next(2)):
		return i, i + 2, true
	case relWords[t.low] && isRelUnit(next(1)):
		return i, i + 1, true
	case relWords[t.low] && i+1 < len(ts) && weekdays[ts[i+1].low] != 0 || relWords[t.low] && next(1) == "sunday":
		if !ts[i+1].upper {
			return 0, 0, false
		}
		e := i + 1
		if dayParts[next(2)] {
			e++
		}
		return i, e, true
	case relWords[t.low] && i+1 < len(ts) && isMonth(ts, i+1):
		return i, i + 1, true
	case t.upper && (weekdays[t.low] != 0 || t.low == "sunday"):
		s, e := i, i
		if i > 0 && (ts[i-1].low == "late" || ts[i-1].low == "early") {
			s = i - 1
		}
		if dayParts[next(1)] {
			e++
		}
		return s, e, true
	case isMonth(ts, i):
		return matchMonth(ts, i)
	case isDayNum(t) && i+1 < len(ts):
		j := i + 1
		if ts[j].low == "of" && j+1 < len(ts) {
			j++
		}
		if isMonth(ts, j) {
			e := j
			if isAbbrev(ts[e].low) && e+1 < len(ts) && ts[e+1].low == "." {
				e++
			}
			if k := skipComma(ts, e+1); k < len(ts) && isYear(ts[k]) && yearOK(sent, ts, k, k) {
				e = k
			}
			return i, e, true
		}
		return matchSpanOrYear(sent, ts, i)
	case (t.low == "between" || t.low == "from") && i+3 < len(ts) && isYear(ts[i+1]) && (next(2) == "and" || next(2) == "to" || next(2) == "until") && isYear(ts[i+3]):
		return i, i + 3, true
	default:
		return matchSpanOrYear(sent, ts, i)
	}
}

func isRelUnit(w string) bool {
	return w == "week" || w == "weekend" || w == "month" || w == "year"
}

func skipComma(ts []tok, k int) int {
	if k < len(ts) && ts[k].low == "," {
		return k + 1
	}
	return k
}

func matchMonth(ts []tok, i int) (int, int, bool) {
	e := i
	if isAbbrev(ts[i].low) && i+1 < len(ts) && ts[i+1].low == "." {
		e++
	}
	// Month day[, year]
	if e+1 < len(ts) && isDayNum(ts[e+1]) && (e+2 >= len(ts) || ts[e+2].low != "%") {
		e++
		if k := skipComma(ts, e+1); k < len(ts) && isYear(ts[k]) {
			e = k
		}
		return i, e, true
	}
	// Month year
	if k := skipComma(ts, e+1); k < len(ts) && isYear(ts[k]) {
		return i, k, true
	}
	// A bare month needs a cue in front: "in April", "late May".
	if i > 0 {
		p := ts[i-1].low
		if prepWords[p] || partWords[p] || p == "-" && i > 1 && ts[i-2].low == "mid" {
			return i, e, true
		}
	}
	return 0, 0, false
}

func matchSpanOrYear(sent string, ts []tok, i int) (int, int, bool) {
	t := ts[i]
	next := func(k int) string {
		if i+k < len(ts) {
			return ts[i+k].low
		}
		return ""
	}
	// within six months, in two weeks, over the next three years
	if t.low == "within" || t.low == "in" || t.low == "over" || t.low == "for" {
		j := i + 1
		if next(1) == "the" {
			j++
		}
		if j < len(ts) && (ts[j].low == "first" || ts[j].low == "next" || ts[j].low == "coming" || ts[j].low == "past" || ts[j].low == "last") {
			j++
		}
		if j+1 < len(ts) && isNumWord(ts[j]) && unitWords[ts[j+1].low] && (ts[j].low != "a" || j == i+1) {
			return i, j + 1, true
		}
	}
	// three days ago
	if isNumWord(t) && unitWords[next(1)] && (next(2) == "ago" || next(2) == "earlier" || next(2) == "later") && !(t.low == "a" && next(2) != "ago") {
		return i, i + 2, true
	}
	if isYear(t) {
		// 2025-07-17
		if i+4 < len(ts) && ts[i+1].low == "-" && ts[i+3].low == "-" && ts[i+2].num && len(ts[i+2].low) == 2 && ts[i+4].num && len(ts[i+4].low) == 2 {
			if yearOK(sent, ts, i, i+4) {
				return i, i + 4, true
			}
		}
		e := i
		if i+2 < len(ts) && dashes[ts[i+1].low] && ts[i+2].num && (len(ts[i+2].low) == 4 && isYear(ts[i+2]) || len(ts[i+2].low) == 2) {
			e = i + 2
		}
		if yearOK(sent, ts, i, e) {
			return i, e, true
		}
	}
	return 0, 0, false
}

// yearOK rejects numbers that look like years but are amounts: "3.2%",
// "$2019", "2,000", "2020 people".
func yearOK(sent string, ts []tok, s, e int) bool {
	bs, be := ts[s].s, ts[e].e
	if be < len(sent) {
		c := sent[be]
		if c == '%' || (c == '.' || c == ',') && be+1 < len(sent) && sent[be+1] >= '0' && sent[be+1] <= '9' {
			return false
		}
		rest := sent[be:]
		if strings.HasPrefix(rest, " per cent") || strings.HasPrefix(rest, " percent") {
			return false
		}
	}
	if bs > 0 {
		c := sent[bs-1]
		if c == '$' || c == '#' || c == '.' || c == ',' && bs > 1 && sent[bs-2] >= '0' && sent[bs-2] <= '9' {
			return false
		}
		if c == '-' && bs > 1 && sent[bs-2] >= '0' && sent[bs-2] <= '9' {
			return false
		}
	}
	if s == e && e+1 < len(ts) && countNouns[ts[e+1].low] {
		return false
	}
	return true
}

// countNouns follow numbers that count things, never years.
var countNouns = set("people", "troops", "soldiers", "fighters", "drones", "missiles", "rockets",
	"shells", "bodies", "prisoners", "civilians", "men", "women", "children", "homes", "houses",
	"km", "kilometres", "kilometers", "miles", "tons", "tonnes", "dollars", "units", "refugees",
	"persons", "residents", "members", "of")
