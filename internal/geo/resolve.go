package geo

import (
	"math"
	"slices"
	"strings"

	"github.com/sitrep-osint/sitrep/news"
)

// Hints is what the text around a place name says about it.
type Hints struct {
	// Countries are the article's focus or the event's countries (ISO
	// 3166 alpha-2), most relevant first.
	Countries []string
	// Others are the other place names in the article.
	Others []string
	// Kind is what the context words make the place: "admin" for region,
	// oblast, province, governorate ("Kursk region"); "city" for city,
	// town, village; empty when nothing says.
	Kind string
	// Near is the first-level division the text puts the place in (see
	// NearDivision): candidates inside it come first, and a town the
	// text puts in a division of another country is not believed.
	Near Near

	// ctx, when set, is what Others say, computed once for all the places
	// of an article (see Stage).
	ctx *placeContext
}

// Context kinds for Hints.Kind.
const (
	HintAdmin = "admin"
	HintCity  = "city"
)

// kindWords are the words around a name that say what kind of place it is.
var kindWords = map[string]string{
	"region": HintAdmin, "regions": HintAdmin, "oblast": HintAdmin, "oblasts": HintAdmin,
	"province": HintAdmin, "provinces": HintAdmin, "governorate": HintAdmin, "governorates": HintAdmin,
	"state": HintAdmin, "department": HintAdmin, "departement": HintAdmin, "krai": HintAdmin, "kray": HintAdmin,
	"district": HintAdmin, "districts": HintAdmin, "county": HintAdmin,
	"city": HintCity, "town": HintCity, "village": HintCity, "villages": HintCity, "towns": HintCity,
	"cities": HintCity, "municipality": HintCity, "port": HintCity, "capital": HintCity,
}

// KindWord returns the hint kind a context word gives ("region" → "admin",
// "town" → "city"), or "".
func KindWord(w string) string { return kindWords[strings.ToLower(w)] }

// leadWords are dropped from the front of a name: "border regions of
// Bryansk and Kursk", "the town of Rafah", "southern Lebanon".
var leadWords = map[string]bool{
	"the": true, "of": true, "in": true, "at": true, "near": true, "border": true, "areas": true, "area": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"north": true, "south": true, "east": true, "west": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "occupied": true, "besieged": true, "frontline": true, "outskirts": true,
}

// Resolve returns the place that name most likely denotes given the hints,
// with the precision its kind allows: a country name resolves to the
// country, a first-level division to admin1, a city, base or airport to a
// point, a sea or multi-country region to region. ok is false when the
// gazetteer knows no such name: Resolve never guesses a town.
//
// Names that list places ("Bryansk and Kursk regions") resolve to the
// first listed place, with Resolved naming them all.
func (g *Gazetteer) Resolve(name string, h Hints) (news.Place, bool) {
	p := news.Place{Name: name}
	e, all := g.resolve(name, h)
	if e == nil {
		return p, false
	}
	fill(&p, e)
	if len(all) > 1 {
		names := make([]string, len(all))
		for i, x := range all {
			names[i] = x.Name
		}
		p.Resolved = strings.Join(names, "; ")
	}
	return p, true
}

// Best returns the entry Resolve would choose for name, or nil.
func (g *Gazetteer) Best(name string, h Hints) *Entry {
	e, _ := g.resolve(name, h)
	return e
}

func fill(p *news.Place, e *Entry) {
	p.Resolved = e.Name
	p.Country = e.Country
	p.Admin1 = e.Admin1
	if e.Kind == KindCountry {
		p.Admin1 = ""
	}
	p.Lat = math.Round(e.Lat*1e5) / 1e5
	p.Lon = math.Round(e.Lon*1e5) / 1e5
	p.Precision = kinds[e.Kind]
	if e.ID > 0 {
		p.GeonameID = e.ID
	}
}

// resolve parses name into its parts and resolves each; it returns the
// first part's entry and all of them.
func (g *Gazetteer) resolve(name string, h Hints) (*Entry, []*Entry) {
	key := Normalize(name)
	if key == "" {
		return nil, nil
	}
	// The whole name first: "Erbil International Airport", "Moscow region".
	if c := g.byKey[key]; len(c) > 0 {
		e := g.choose(c, h, key)
		return e, nil
	}
	// "Iraq's Ain al-Asad air base": the owner is a country hint.
	if i, j := possessive(name); i > 0 {
		if c, ok := g.countryOf(Normalize(name[:i])); ok {
			h.Countries = append([]string{c}, h.Countries...)
			return g.resolve(name[j:], h)
		}
	}
	words := strings.Fields(key)
	// Kind words at either end set the kind; lead words are dropped.
	for len(words) > 1 {
		if k := kindWords[words[len(words)-1]]; k != "" {
			if h.Kind == "" {
				h.Kind = k
			}
			words = words[:len(words)-1]
			continue
		}
		break
	}
	for len(words) > 1 {
		if k := kindWords[words[0]]; k != "" {
			if h.Kind == "" {
				h.Kind = k
			}
			words = words[1:]
			continue
		}
		if leadWords[words[0]] {
			words = words[1:]
			continue
		}
		break
	}
	// Lists: "Bryansk and Kursk", "Kharkiv, Sumy and Chernihiv".
	var parts [][]string
	start := 0
	for i, w := range words {
		if w == "and" || w == "or" {
			if i > start {
				parts = append(parts, words[start:i])
			}
			start = i + 1
		}
	}
	parts = append(parts, words[start:])
	var all []*Entry
	for _, pw := range parts {
		if len(pw) == 0 {
			continue
		}
		k := strings.Join(pw, " ")
		c := g.byKey[k]
		if len(c) == 0 && len(pw) > 1 && kindWords[pw[len(pw)-1]] != "" {
			c = g.byKey[strings.Join(pw[:len(pw)-1], " ")]
		}
		if len(c) == 0 {
			continue
		}
		if e := g.choose(c, h, k); e != nil {
			all = append(all, e)
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	if len(parts) == 1 {
		return all[0], nil
	}
	return all[0], all
}

// possessive returns the end of X and the start of Y in a name "X's Y",
// or zeros.
func possessive(name string) (int, int) {
	for _, sep := range []string{"'s ", "’s "} {
		if i := strings.Index(name, sep); i > 0 {
			return i, i + len(sep)
		}
	}
	return 0, 0
}

// countryOf returns the ISO2 code of a country name.
func (g *Gazetteer) countryOf(key string) (string, bool) {
	for _, e := range g.byKey[key] {
		if e.Kind == KindCountry {
			return e.Country, true
		}
	}
	return "", false
}

// placeContext sums what the other place names of an article say about
// countries and first-level divisions: each name's candidates share one
// vote.
type placeContext struct {
	votes
	// per keeps each name's own votes, to take them out when that name
	// itself is resolved.
	per map[string]*votes
}

type votes struct {
	country map[string]float64
	admin1  map[string]float64
	// divisions counts the first-level divisions named, by country:
	// "Texas" and "Florida" make "Georgia" the state.
	divisions map[string]float64
}

func newVotes() votes {
	return votes{country: make(map[string]float64, 8), admin1: make(map[string]float64, 8), divisions: make(map[string]float64, 4)}
}

// context adds up the votes of h.Others but self; with keepPer, it counts
// self too and keeps every name's votes apart.
func (g *Gazetteer) context(h Hints, self string, keepPer bool) *placeContext {
	if len(h.Others) == 0 {
		return nil
	}
	ctx := &placeContext{votes: newVotes()}
	if keepPer {
		ctx.per = make(map[string]*votes, len(h.Others))
	}
	seen := make(map[string]bool, len(h.Others))
	for _, o := range h.Others {
		k := Normalize(o)
		if k == "" || k == self || seen[k] {
			continue
		}
		seen[k] = true
		c := g.byKey[k]
		if len(c) == 0 || len(c) > 30 {
			continue
		}
		var own *votes
		if keepPer {
			v := newVotes()
			own = &v
			ctx.per[k] = own
		}
		add := func(m map[string]float64, key string, w float64, ownm map[string]float64) {
			m[key] += w
			if own != nil {
				ownm[key] += w
			}
		}
		// Weight candidates by their prior, so that "Paris" votes France.
		var sum float64
		for _, e := range c {
			sum += e.prior
		}
		for _, e := range c {
			w := e.prior / sum
			var oc, oa, od map[string]float64
			if own != nil {
				oc, oa, od = own.country, own.admin1, own.divisions
			}
			if e.Country != "" {
				// A country named in passing ("the U.S.", "Canada") says less
				// about where the article's places are than a town does.
				if e.Kind == KindCountry {
					add(ctx.country, e.Country, 0.4*w, oc)
				} else {
					add(ctx.country, e.Country, w, oc)
				}
			}
			if e.Admin1 != "" && e.Kind != KindAdmin1 {
				add(ctx.admin1, e.Country+"\x00"+e.Admin1, w, oa)
			} else if e.Kind == KindAdmin1 {
				add(ctx.admin1, e.Country+"\x00"+e.Name, w, oa)
				add(ctx.divisions, e.Country, w, od)
			}
		}
	}
	return ctx
}

// Context precomputes what hints.Others say, so that resolving many
// places of one article reads them once. The returned hints are used
// like h.
func (g *Gazetteer) Context(h Hints) Hints {
	h.ctx = g.context(h, "", true)
	return h
}

// prior is how likely news means an entry before context: countries
// first, then regions and seas, then divisions and cities by population,
// national capitals ahead of other cities.
func prior(e *Entry) float64 {
	return math.Exp(score(e, Hints{}))
}

func score(e *Entry, h Hints) float64 {
	var s float64
	switch e.Kind {
	case KindCountry:
		s = 13 // ahead of a capital of the same name: Mexico, Guatemala, Panama
	case KindRegion, KindSea:
		s = 8
	case KindBase, KindAirport, KindSite, KindArea:
		s = 7
	case KindAdmin1, KindAdmin2:
		// Behind a city of the same name ("Basra", "Lagos", "Kursk") unless
		// the context says region.
		s = 6
	default:
		// Population, and how many names the world has for the place: a
		// proxy for how often news mentions it (Geneva, Switzerland has
		// dozens; Geneva, Illinois a few).
		s = math.Log10(float64(e.Population)+1) + 0.6*math.Log(1+float64(len(e.Aliases)))
		if e.Capital {
			s += 2.5
		} else if e.Seat {
			s += 0.5
		}
	}
	switch h.Kind {
	case HintAdmin:
		switch e.Kind {
		case KindAdmin1, KindAdmin2, KindArea, KindRegion:
			s += 6
		case KindCountry:
			s -= 2
		default:
			s -= 3
		}
	case HintCity:
		switch e.Kind {
		case KindCity:
			s += 4
		case KindCountry:
			s -= 6
		default:
			s -= 3
		}
	}
	return s
}

// ubiquitous are the countries international news names in most
// articles, whatever the place: that an article names them says little
// about where a place is.
var ubiquitous = map[string]bool{"US": true, "GB": true, "RU": true, "CN": true, "FR": true, "DE": true}

// choose picks the best of a name's candidates.
func (g *Gazetteer) choose(c []*Entry, h Hints, key string) *Entry {
	if len(c) == 1 && h.Kind != HintAdmin && ((c[0].Kind != KindCity && c[0].Kind != KindAdmin1) || (len(h.Countries) == 0 && h.Near.Division == nil)) {
		return c[0]
	}
	var ctx *placeContext
	var self *votes
	if h.ctx != nil {
		ctx, self = h.ctx, h.ctx.per[key]
	} else {
		ctx = g.context(h, key, false)
	}
	var best *Entry
	bestScore := math.Inf(-1)
	pref := g.prefer[key]
	hasCountry := false
	for _, e := range c {
		hasCountry = hasCountry || e.Kind == KindCountry
	}
	for _, e := range c {
		// A town named like a country ("Venezuela", Cuba) is meant only
		// when the text says town.
		if hasCountry && e.Kind == KindCity && h.Kind != HintCity {
			continue
		}
		s := score(e, h)
		if e == pref {
			s += 3
		}
		for i, hc := range h.Countries {
			if strings.EqualFold(hc, e.Country) {
				b := 3.5
				if i > 0 {
					b = 2.5
				}
				if ubiquitous[e.Country] {
					b /= 2
				}
				s += b
				break
			}
		}
		if ctx != nil {
			a := e.Admin1
			if e.Kind == KindAdmin1 {
				a = e.Name
			}
			vc, va, vd := ctx.country[e.Country], ctx.admin1[e.Country+"\x00"+a], ctx.divisions[e.Country]
			if self != nil {
				vc -= self.country[e.Country]
				va -= self.admin1[e.Country+"\x00"+a]
				vd -= self.divisions[e.Country]
			}
			b := 2.5 * math.Min(vc, 2)
			if ubiquitous[e.Country] {
				b /= 2
			}
			s += b
			s += 3 * math.Min(va, 2)
			if e.Kind == KindAdmin1 {
				s += 2 * math.Min(vd, 2)
			}
		}
		if d := h.Near.Division; d != nil && e.Country == d.Country {
			switch {
			case e == d || (e.Kind != KindAdmin1 && Normalize(e.Admin1) == Normalize(d.Name)):
				if h.Near.Strong {
					s += 4
				} else {
					s += 2.5
				}
			case e.Kind != KindCountry:
				s += 1
			}
		}
		if s > bestScore || (s == bestScore && best != nil && e.ID > 0 && e.ID < best.ID) {
			best, bestScore = e, s
		}
	}
	if best != nil && g.doubtful(best, h, ctx, self, key) {
		return nil
	}
	// "Kursk region" where only the city is known: its division.
	if h.Kind == HintAdmin && best != nil && best.Kind == KindCity && best.Admin1 != "" {
		if a := g.admin1[best.Country+"\x00"+Normalize(best.Admin1)]; a != nil {
			return a
		}
	}
	return best
}

// doubtful reports whether the chosen town is more likely a namesake of a
// place the gazetteer lacks: the text puts it in a division of another
// country ("Zaragoza, La Paz Department" is not Zaragoza, Spain), or it is
// a small town (under 100,000, not a capital) outside every country the
// article is about and no other place of the article is in its country
// ("Molina" in a report from Chile is not Molina de Segura, Spain).
func (g *Gazetteer) doubtful(e *Entry, h Hints, ctx *placeContext, self *votes, key string) bool {
	if e.Kind == KindAdmin1 && h.Kind != HintAdmin {
		// "Boqueron, between Pajarito and Yopal, in Casanare Department"
		// is not Boquerón, Paraguay.
		d := h.Near.Division
		return d != nil && h.Near.Strong && d.Country != e.Country
	}
	if e.Kind != KindCity {
		return false
	}
	if d := h.Near.Division; d != nil && h.Near.Strong {
		// "Granada, Antioquia" is not Granada, Meta: a small town in
		// another division of the same country is a namesake too.
		if d.Country != e.Country || (e.Population < 100000 && !e.Capital && Normalize(e.Admin1) != Normalize(d.Name)) {
			return true
		}
	}
	// A capital, a big city or a town the world has many names for
	// (Geneva, Jericho) is what news means.
	if len(h.Countries) == 0 || e.Capital || e.Population >= 500000 || len(e.Aliases) >= 15 {
		return false
	}
	for _, c := range h.Countries {
		if c == e.Country {
			return false
		}
	}
	if e.Population >= 100000 {
		// A bigger town is doubted only when its name is shared by towns
		// of several countries, none of them the article's: "San
		// Antonio", "Santa Maria", "Zaragoza" in a report from El
		// Salvador are more likely villages the gazetteer lacks.
		c := g.byKey[key]
		if len(c) < 3 {
			return false
		}
		for _, x := range c {
			if slices.Contains(h.Countries, x.Country) {
				return false
			}
		}
	}
	if ctx != nil {
		v := ctx.country[e.Country]
		if self != nil {
			v -= self.country[e.Country]
		}
		if v >= 0.5 {
			return false
		}
	}
	return true
}

// Distance returns the great-circle distance in kilometres between two
// points given in degrees.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
