package geo

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/news"
)

// Near is the first-level division the text around a place name puts it
// in: "Perquin, Morazan", "in Ilobasco municipality, Cabanas
// Department", or a department named earlier in the paragraph ("...
// kidnapped in San Miguel Department. The kidnapping took place in San
// Luis de la Reina"). Strong is set when the division is named in the
// place's own phrase or sentence, unset when only an earlier sentence of
// the paragraph names it.
type Near struct {
	Division *Entry
	Strong   bool
}

// divisionKinds are the words that follow ("Morazan Department") or
// lead ("the department of Morazan") a first-level division's name.
var divisionKinds = map[string]bool{
	"department": true, "departments": true, "departamento": true, "province": true, "provinces": true,
	"state": true, "intendancy": true, "oblast": true, "governorate": true, "region": true,
}

// NearDivision returns the first-level division the text puts the name at
// [start, end) in, if it names one: a division after a comma that closes
// the name's phrase ("Perquin, Morazan"), a division with its kind word
// ("Morazan Department", "department of Morazan") later in the same
// sentence within a few words, or the nearest such division earlier in
// the same sentence or paragraph. Divisions of the countries given come
// first when a name is ambiguous ("La Paz department": Bolivia, Honduras
// or El Salvador); an ambiguous name with no country to settle it says
// nothing.
func (g *Gazetteer) NearDivision(text string, start, end int, countries []string) Near {
	if start < 0 || end > len(text) || start >= end {
		return Near{}
	}
	// Read a window around the name, with wrapped lines joined ("EL
	// CARMEN,\nSANTANDER").
	lo, hi := max(0, start-700), min(len(text), end+300)
	return g.nearDivision(unwrap(text[lo:hi]), start-lo, end-lo, countries)
}

// unwrap returns s with the line breaks inside paragraphs as spaces; a
// blank line or a line opening with a space starts a paragraph and stays.
func unwrap(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '\n' && i+1 < len(b) && b[i+1] != '\n' && b[i+1] != ' ' && b[i+1] != '\r' && (i == 0 || b[i-1] != '\n') {
			b[i] = ' '
		}
	}
	return string(b)
}

func (g *Gazetteer) nearDivision(text string, start, end int, countries []string) Near {
	// "Los Llanitos (Intibuca)".
	if strings.HasPrefix(text[end:], " (") {
		if e, n := g.divisionAt(text, end+2, countries); e != nil && strings.HasPrefix(text[n:], ")") {
			return Near{Division: e, Strong: true}
		}
	}
	// "Perquin, Morazan" / "PERQUIN, MORAZAN DEPARTMENT" / "El Centenario,
	// El Carmen, Santander": up to two more names after commas.
	for i, hop := end, 0; hop < 3 && strings.HasPrefix(text[i:], ", "); hop++ {
		e, n := g.divisionAt(text, i+2, countries)
		if e == nil {
			// A town between: "El Carmen" in "El Centenario, El Carmen,".
			n = nameEnd(text, i+2)
			if n == 0 {
				break
			}
			i = n
			continue
		}
		rest := strings.TrimLeft(text[n:], " ")
		w := strings.ToLower(firstWord(rest))
		if divisionKinds[w] || rest == "" || strings.ContainsRune(".;:)\n", rune(rest[0])) ||
			(rest[0] == ',' && !strings.Contains(strings.ToLower(rest[:min(len(rest), 8)]), " and ")) {
			return Near{Division: e, Strong: true}
		}
		break
	}
	// Later in the same sentence, close by: "in Ilobasco municipality,
	// Cabanas Department".
	sentEnd := sentenceEnd(text, end)
	limit := min(sentEnd, end+80)
	if d, ok := g.kindedDivision(text, end, limit, countries, false); ok {
		return Near{Division: d.e, Strong: true}
	}
	// Earlier: the nearest in the sentence, then in the paragraph.
	sentStart := sentenceStart(text, start)
	paraStart := strings.LastIndex(text[:start], "\n\n")
	if i := strings.LastIndex(text[:start], "\n   "); i > paraStart {
		paraStart = i // MUC-4 and wire texts indent paragraphs
	}
	paraStart = max(paraStart, 0, start-400)
	before, okBefore := g.kindedDivision(text, paraStart, start, countries, true)
	if okBefore && before.start >= sentStart {
		return Near{Division: before.e, Strong: true}
	}
	// A division of the article's country named plainly in the same
	// sentence: "In Cordoba, a cattleman was kidnapped on the road of
	// Piedra Alta"; "in Canalete, also in Cordoba".
	if len(countries) > 0 {
		if e := g.plainDivision(text, sentStart, sentEnd, start, end, countries); e != nil {
			return Near{Division: e}
		}
	}
	if okBefore {
		return Near{Division: before.e}
	}
	return Near{}
}

// plainDivision returns a division of one of countries named after "in"
// or a comma in text[from:to], outside the name at [start, end), nearest
// to it; nil when there is none.
func (g *Gazetteer) plainDivision(text string, from, to, start, end int, countries []string) *Entry {
	words := wordSpans(text[from:to])
	var best *Entry
	bestDist := len(text)
	for i, w := range words {
		a := from + w.Start
		if a >= start && a < end {
			continue
		}
		lead := i > 0 && strings.EqualFold(text[from+words[i-1].Start:from+words[i-1].End], "in")
		if !lead && !strings.HasSuffix(strings.TrimRight(text[from:a], " "), ",") {
			continue
		}
		e, n := g.divisionAt(text, a, countries)
		if e == nil || n > to || (n > start && a < end) || !slices.Contains(countries, e.Country) {
			continue
		}
		// The name must close its phrase: "in Cordoba," but not "in San
		// Salvador city" nor a list ("Kharkiv, Sumy and Chernihiv").
		if r := strings.TrimLeft(text[n:min(len(text), n+12)], " "); r != "" && unicode.IsLetter(rune(r[0])) && !divisionKinds[strings.ToLower(firstWord(r))] {
			if c, _ := utf8.DecodeRuneInString(r); unicode.IsUpper(c) || strings.EqualFold(firstWord(r), "and") || strings.EqualFold(firstWord(r), "or") {
				continue
			}
		}
		d := start - n
		if a >= end {
			d = a - end
		}
		if d < bestDist {
			best, bestDist = e, d
		}
	}
	return best
}

// nameEnd returns where a capitalised name of one to four words starting
// at i ends, or 0.
func nameEnd(text string, i int) int {
	words := wordSpans(text[i:min(len(text), i+60)])
	n := 0
	for k, w := range words {
		if k == 4 || (k > 0 && badSpan(text[i+words[k-1].End:i+w.Start])) {
			break
		}
		if !startsUpper(text[i+w.Start : i+w.End]) {
			break
		}
		n = i + w.End
	}
	return n
}

type divisionMention struct {
	start int
	e     *Entry
}

// isDivisionKind reports whether w is a division kind word, in any case,
// without allocating.
func isDivisionKind(w string) bool {
	if len(w) < 5 || len(w) > 12 {
		return false
	}
	switch w[0] | 0x20 {
	case 'd', 'p', 's', 'i', 'o', 'g', 'r':
	default:
		return false
	}
	for _, k := range divisionKindList {
		if len(k) == len(w) && strings.EqualFold(k, w) {
			return true
		}
	}
	return false
}

var divisionKindList = func() []string {
	out := make([]string, 0, len(divisionKinds))
	for k := range divisionKinds {
		out = append(out, k)
	}
	return out
}()

// kindedDivision returns the first (or, with last, the last) division
// named with a kind word in text[from:to].
func (g *Gazetteer) kindedDivision(text string, from, to int, countries []string, last bool) (divisionMention, bool) {
	if from >= to {
		return divisionMention{}, false
	}
	kinds := kindWordSpans(text, from, to)
	for x := range kinds {
		k := kinds[x]
		if last {
			k = kinds[len(kinds)-1-x]
		}
		// "Morazan Department": up to four words before, longest first.
		lo := max(from, k.Start-60)
		words := wordSpans(text[lo:k.Start])
		for n := min(4, len(words)); n >= 1; n-- {
			a, b := lo+words[len(words)-n].Start, lo+words[len(words)-1].End
			if badSpan(text[a:b]) || strings.TrimSpace(text[b:k.Start]) != "" {
				continue
			}
			if e := g.pickDivision(text[a:b], countries); e != nil {
				return divisionMention{start: a, e: e}, true
			}
		}
		// "the department of Morazan".
		hi := min(to, k.End+60)
		words = wordSpans(text[k.End:hi])
		if len(words) >= 2 && strings.EqualFold(text[k.End+words[0].Start:k.End+words[0].End], "of") {
			for n := min(4, len(words)-1); n >= 1; n-- {
				a, b := k.End+words[1].Start, k.End+words[n].End
				if badSpan(text[a:b]) {
					continue
				}
				if e := g.pickDivision(text[a:b], countries); e != nil {
					return divisionMention{start: k.Start, e: e}, true
				}
			}
		}
	}
	return divisionMention{}, false
}

// kindWordSpans returns the spans of the division kind words in
// text[from:to], scanning letters without splitting the rest into words.
func kindWordSpans(text string, from, to int) []news.Span {
	var out []news.Span
	for i := from; i < to; {
		if !isASCIILetter(text[i]) {
			i++
			continue
		}
		j := i
		for j < to && isASCIILetter(text[j]) {
			j++
		}
		if (i == 0 || !isWordByte(text[i-1])) && (j == len(text) || !isWordByte(text[j])) && isDivisionKind(text[i:j]) {
			out = append(out, news.Span{Start: i, End: j})
		}
		i = j
	}
	return out
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// divisionAt returns the division whose name starts at text[i:] (one to
// four words, longest first) and where its name ends.
func (g *Gazetteer) divisionAt(text string, i int, countries []string) (*Entry, int) {
	words := wordSpans(text[i:min(len(text), i+60)])
	for n := min(4, len(words)); n >= 1; n-- {
		b := i + words[n-1].End
		if n > 1 && badSpan(text[i:b]) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsUpper(r) {
			return nil, 0
		}
		if e := g.pickDivision(text[i:b], countries); e != nil {
			// "Panama" and "Guatemala" are departments too, but named
			// alone they are the country.
			if _, ok := g.countryOf(Normalize(text[i:b])); ok && !divisionKinds[strings.ToLower(firstWord(strings.TrimLeft(text[b:], " ")))] {
				return nil, 0
			}
			return e, b
		}
	}
	return nil, 0
}

// pickDivision returns the first-level division called name, preferring
// the given countries; nil when there is none or several and no country
// settles it.
func (g *Gazetteer) pickDivision(name string, countries []string) *Entry {
	var ds []*Entry
	for _, e := range g.byKey[Normalize(name)] {
		if e.Kind == KindAdmin1 {
			ds = append(ds, e)
		}
	}
	if len(ds) == 0 {
		return nil
	}
	for _, c := range countries {
		for _, e := range ds {
			if e.Country == c {
				return e
			}
		}
	}
	if len(ds) == 1 && len(countries) == 0 {
		return ds[0]
	}
	return nil
}

// sentenceEnd returns the end of the sentence that contains i: the next
// full stop followed by a space or line break, or a blank line.
func sentenceEnd(text string, i int) int {
	for j := i; j < len(text); j++ {
		switch text[j] {
		case '.', '?', '!':
			if j+1 == len(text) || text[j+1] == ' ' || text[j+1] == '\n' {
				// Not after an initial or abbreviation ("U.S.", "St.").
				if j >= 2 && text[j-2] != ' ' && text[j-2] != '.' {
					return j
				}
			}
		case '\n':
			if j+1 < len(text) && (text[j+1] == '\n' || text[j+1] == ' ') {
				return j
			}
		}
	}
	return len(text)
}

// sentenceStart returns the start of the sentence that contains i.
func sentenceStart(text string, i int) int {
	for j := i - 1; j > 0; j-- {
		switch text[j] {
		case '.', '?', '!':
			if text[j+1] == ' ' || text[j+1] == '\n' {
				if j >= 2 && text[j-2] != ' ' && text[j-2] != '.' {
					return j + 1
				}
			}
		case '\n':
			if text[j+1] == '\n' || text[j+1] == ' ' {
				return j + 1
			}
		}
	}
	return 0
}

// badSpan reports whether a run of words crosses punctuation or a
// paragraph, so cannot be one name.
func badSpan(s string) bool {
	return strings.ContainsAny(s, ".,;:()") || strings.Contains(s, "\n\n") || strings.Contains(s, "\n ")
}
