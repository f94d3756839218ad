package geo

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/news"
)

// Stage is the pipeline stage "geo". For each article it sets Focus, the
// countries the article is mainly about (from its place entities, its
// nationality words and its actors' countries), and resolves the place of
// each event whose Place.Name extraction has set: the rest of the Place
// is filled from the gazetteer, with the article's focus, the event's
// actor countries and the article's other place names as hints. A place
// the gazetteer does not know keeps its name and, when the event's
// context names exactly one country, gets that country at country
// precision. A dateline ("KYIV (Reuters) -") says where the reporter
// filed from, not where an event happened: an event place inside it is
// dropped.
type Stage struct {
	g *Gazetteer
}

// NewStage returns the geo stage over g.
func NewStage(g *Gazetteer) *Stage { return &Stage{g: g} }

// Name returns "geo".
func (s *Stage) Name() string { return "geo" }

// Process resolves a's event places and sets a.Focus. It is safe for
// concurrent use on different articles.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	dl, dlPlace := Dateline(a.Text)
	var others []string
	for _, e := range a.Entities {
		switch e.Type {
		case news.EntLocation, news.EntGPE, news.EntFacility:
			if e.End <= dl.End && dl.End > 0 {
				continue
			}
			others = append(others, e.Text)
		}
	}
	a.Focus = s.focus(a, dlPlace, others)
	filed := s.g.datelineCountry(a.Text, dlPlace)
	shared := s.g.Context(Hints{Others: others})
	for i := range a.Events {
		ev := &a.Events[i]
		if ev.Place == nil || strings.TrimSpace(ev.Place.Name) == "" {
			continue
		}
		pl := ev.Place
		if dl.End > 0 && pl.End > 0 && pl.Start < dl.End {
			ev.Place = nil
			continue
		}
		h := shared
		h.Countries = nil
		h.Countries = appendCountry(h.Countries, actorCountry(ev.Actor2))
		h.Countries = appendCountry(h.Countries, actorCountry(ev.Actor1))
		for _, c := range a.Focus {
			h.Countries = appendCountry(h.Countries, c)
		}
		h.Kind, h.Near = "", Near{}
		if pl.End > pl.Start && pl.End <= len(a.Text) {
			h.Kind = ContextKind(a.Text, pl.Start, pl.End)
			h.Near = s.g.NearDivision(a.Text, pl.Start, pl.End, h.Countries)
		}
		p, ok := s.g.Resolve(pl.Name, h)
		if !ok {
			if fb, ok := s.g.fallback(h.Near, eventCountries(ev, a.Focus), filed); ok {
				p = fb
			}
		}
		p.Name, p.Start, p.End = pl.Name, pl.Start, pl.End
		*pl = p
	}
	return nil
}

// eventCountries returns the country an event's actors name, or failing
// them the article's focus.
func eventCountries(ev *news.Event, focus []string) []string {
	var cs []string
	cs = appendCountry(cs, actorCountry(ev.Actor1))
	cs = appendCountry(cs, actorCountry(ev.Actor2))
	if len(cs) == 0 {
		cs = focus
	}
	return cs
}

// fallback places a name the gazetteer does not know: in the first-level
// division the text puts it in, at admin1 precision ("San Luis de la
// Reina, San Miguel Department": a village of San Miguel), else in the
// context's country at country precision when the context names one
// country only, or names several but the first is where the dateline
// says the report was filed. It never invents a town.
func (g *Gazetteer) fallback(near Near, countries []string, filed string) (news.Place, bool) {
	var p news.Place
	if near.Division != nil {
		fill(&p, near.Division)
		return p, true
	}
	if len(countries) == 0 || (len(countries) > 1 && countries[0] != filed) {
		return p, false
	}
	c, ok := g.countries[countries[0]]
	if !ok {
		return p, false
	}
	fill(&p, c)
	return p, true
}

func actorCountry(a *news.ActorRef) string {
	if a == nil {
		return ""
	}
	return a.Country
}

func appendCountry(cs []string, c string) []string {
	if c == "" {
		return cs
	}
	for _, x := range cs {
		if x == c {
			return cs
		}
	}
	return append(cs, c)
}

// focus weighs the countries an article names: a place entity counts 1
// for its country, a nationality word or an actor 0.5; the dateline
// counts 1. Countries with at least half the top weight are the focus,
// at most three, heaviest first.
func (s *Stage) focus(a *news.Article, dlPlace news.Span, others []string) []string {
	w := map[string]float64{}
	for _, o := range others {
		if e := s.g.Best(o, Hints{}); e != nil && e.Country != "" {
			w[e.Country]++
		}
	}
	if dlPlace.End > 0 {
		if e := s.g.Best(a.Text[dlPlace.Start:dlPlace.End], Hints{}); e != nil && e.Country != "" {
			w[e.Country]++
		}
	}
	for _, e := range a.Entities {
		if e.Actor != nil && e.Actor.Country != "" {
			w[e.Actor.Country] += 0.5
			continue
		}
		if e.Type == news.EntNORP {
			if c, ok := s.g.demonym(Normalize(e.Text)); ok {
				w[c] += 0.5
			}
		}
	}
	for i := range a.Events {
		for _, ac := range []*news.ActorRef{a.Events[i].Actor1, a.Events[i].Actor2} {
			if c := actorCountry(ac); c != "" {
				w[c] += 0.5
			}
		}
	}
	if len(a.Entities) == 0 {
		s.g.textCountryWeights(a.Text, w)
	}
	return topCountries(w)
}

func topCountries(w map[string]float64) []string {
	type cw struct {
		c string
		w float64
	}
	var list []cw
	var max float64
	for c, x := range w {
		list = append(list, cw{c, x})
		if x > max {
			max = x
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].w != list[j].w {
			return list[i].w > list[j].w
		}
		return list[i].c < list[j].c
	})
	var out []string
	for _, x := range list {
		if x.w < max/2 || len(out) == 3 {
			break
		}
		out = append(out, x.c)
	}
	return out
}

// TextCountries returns the countries a text names most, by its dateline
// place ("SAN SALVADOR, 3 JAN 90 --"), country names and nationality words
// (see Stage for the weighting): the focus of an article that has no
// entities yet. It reads names word by word, so it needs no NER; in
// all-capital text it ignores two-letter names ("US").
func (g *Gazetteer) TextCountries(text string) []string {
	w := map[string]float64{}
	if _, pl := Dateline(text); pl.End > 0 {
		if c := g.datelineCountry(text, pl); c != "" {
			w[c]++
		}
	}
	g.textCountryWeights(text, w)
	return topCountries(w)
}

// datelineCountry returns the country of a dateline's place (see
// Dateline), or "".
func (g *Gazetteer) datelineCountry(text string, place news.Span) string {
	if place.End <= place.Start || place.End > len(text) {
		return ""
	}
	if e := g.Best(text[place.Start:place.End], Hints{}); e != nil {
		return e.Country
	}
	return ""
}

// textCountryWeights adds the weights of the country names and
// nationality words of text to w.
func (g *Gazetteer) textCountryWeights(text string, w map[string]float64) {
	upper := isUpperText(text)
	words := wordSpans(text)
	for i := 0; i < len(words); i++ {
		if !startsUpper(text[words[i].Start:words[i].End]) {
			continue
		}
		first := Normalize(text[words[i].Start:words[i].End])
		most := g.firstWords[first]
		if most == 0 && strings.HasSuffix(first, "s") {
			most = g.firstWords[first[:len(first)-1]]
		}
		if most == 0 {
			continue
		}
		for n := min(most, len(words)-i); n >= 1; n-- {
			if n > 1 && words[i+n-1].Start-words[i+n-2].End > 2 {
				continue
			}
			raw := text[words[i].Start:words[i+n-1].End]
			if upper && len(raw) <= 2 {
				continue
			}
			k := Normalize(raw)
			if c, ok := g.countryOf(k); ok {
				w[c]++
				i += n - 1
				break
			}
			if c, ok := g.demonym(k); ok {
				w[c] += 0.5
				i += n - 1
				break
			}
		}
	}
}

// demonym returns the country of a normalised nationality word, singular
// or plural ("Iraqi", "Iraqis").
func (g *Gazetteer) demonym(k string) (string, bool) {
	if c, ok := g.demonyms[k]; ok {
		return c, true
	}
	if strings.HasSuffix(k, "s") {
		c, ok := g.demonyms[k[:len(k)-1]]
		return c, ok
	}
	return "", false
}

func isUpperText(s string) bool {
	var up, low int
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
		if up+low > 2000 {
			break
		}
	}
	return up > 4*low
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// wordSpans returns the byte spans of the words of s: runs of letters,
// digits, apostrophes, periods inside abbreviations and hyphens.
func wordSpans(s string) []news.Span {
	var out []news.Span
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '-' || r == '.' || r == '\'' || r == '’') && start >= 0)
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			out = append(out, trimWord(s, start, i))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, trimWord(s, start, len(s)))
	}
	return out
}

func trimWord(s string, start, end int) news.Span {
	for end > start+1 && (s[end-1] == '-' || s[end-1] == '\'') {
		end--
	}
	// Keep the period of "U.S." but not a sentence's full stop.
	if end > start+1 && s[end-1] == '.' && !strings.Contains(s[start:end-1], ".") {
		end--
	}
	if strings.HasSuffix(s[start:end], "’s") || strings.HasSuffix(s[start:end], "'s") {
		if strings.HasSuffix(s[start:end], "’s") {
			end -= len("’s")
		} else {
			end -= 2
		}
	}
	return news.Span{Start: start, End: end}
}

// ContextKind reads the words just before and after the span [start, end)
// of text for what kind of place it names: "Kursk region", "the town of
// Rafah", "Herat province" give "admin" or "city"; "" when they say
// nothing.
func ContextKind(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	after := strings.TrimLeft(text[end:min(len(text), end+24)], " ")
	if w := firstWord(after); w != "" {
		if k := KindWord(w); k != "" {
			return k
		}
	}
	before := strings.TrimRight(text[max(0, start-24):start], " ")
	if containerAt(text, start, end) {
		return HintAdmin
	}
	if strings.HasSuffix(strings.ToLower(before), " of") || strings.ToLower(before) == "of" {
		b := strings.TrimSpace(before[:len(before)-2])
		if i := strings.LastIndexAny(b, " \n\t"); i >= 0 {
			b = b[i+1:]
		}
		return KindWord(b)
	}
	return ""
}

// notPlaces are capitalised words that precede a comma without being a
// place: "On Monday, Moscow said".
var notPlaces = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"meanwhile": true, "however": true, "yesterday": true, "today": true, "also": true, "instead": true, "still": true,
}

// containerAt reports whether the name at [start, end) follows a place and
// a comma and closes the phrase: "Charlevoix, Quebec, brought",
// "Quetta, Balochistan." – the name of the place's province or country.
// In a list ("Kharkiv, Sumy and Chernihiv", "Kyiv, Lviv, Odesa") it is not.
func containerAt(text string, start, end int) bool {
	if start < 3 || end > len(text) || start >= end || text[start-2:start] != ", " {
		return false
	}
	if m := text[start:end]; strings.ToUpper(m) == m {
		return false // all-capital text ("MEDELLIN, ITAGUI, ...") says nothing
	}
	prev := text[max(0, start-40) : start-2]
	i := strings.LastIndexFunc(prev, func(r rune) bool { return !(unicode.IsLetter(r) || r == '-' || r == '\'' || r == '’' || r == '.') })
	w := prev[i+1:]
	if w == "" || !startsUpper(w) || notPlaces[strings.ToLower(w)] {
		return false
	}
	rest := text[end:]
	switch {
	case rest == "" || rest[0] == '.' || rest[0] == ';' || rest[0] == ':' || rest[0] == ')' || rest[0] == '\n':
		return true
	case rest[0] == ',':
		r := strings.TrimLeft(rest[1:], " ")
		c, _ := utf8.DecodeRuneInString(r)
		return r != "" && unicode.IsLower(c) && !strings.HasPrefix(r, "and ") && !strings.HasPrefix(r, "or ")
	}
	return false
}

func firstWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

// Dateline returns the span of an article's dateline, "KYIV (Reuters) -"
// or "BEIRUT, Lebanon (AP) —", and of the place it names ("KYIV",
// "BEIRUT"); empty spans when the text opens without one. The place of a
// dateline is where the reporter filed from.
func Dateline(text string) (line, place news.Span) {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t') {
		i++
	}
	limit := min(len(text), i+120)
	// The place: upper-case words up to a comma, a parenthesis or the dash.
	j := i
	letters := 0
	for j < limit {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case unicode.IsLower(r) || r == '\n' || unicode.IsDigit(r):
			return news.Span{}, news.Span{}
		case unicode.IsUpper(r):
			letters++
		case r == ',' || r == '(' || r == '—' || r == '–' || (r == '-' && j+1 < len(text) && text[j+1] == ' '):
			goto placeEnd
		}
		j += n
	}
	return news.Span{}, news.Span{}
placeEnd:
	place = news.Span{Start: i, End: j}
	for place.End > place.Start && text[place.End-1] == ' ' {
		place.End--
	}
	if letters < 3 {
		return news.Span{}, news.Span{}
	}
	// Then an optional ", Country, date" and "(Agency)", and the dash.
	for k := j; k < limit; {
		r, n := utf8.DecodeRuneInString(text[k:])
		if r == '\n' {
			break
		}
		if r == '—' || r == '–' || (r == '-' && k+1 < len(text) && (text[k+1] == ' ' || text[k+1] == '-')) {
			end := k + n
			for end < len(text) && (text[end] == '-' || text[end] == ' ') {
				end++
			}
			return news.Span{Start: i, End: end}, place
		}
		k += n
	}
	return news.Span{}, news.Span{}
}
