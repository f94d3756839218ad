package geo

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

// article builds an article whose entities are the given names' first
// occurrences in text.
func article(text string, ents map[string]string) *news.Article {
	a := &news.Article{Text: text}
	for name, typ := range ents {
		i := strings.Index(text, name)
		if i < 0 {
			panic(name)
		}
		a.Entities = append(a.Entities, news.Entity{Text: name, Type: typ, Start: i, End: i + len(name)})
	}
	return a
}

func placeAt(text, name string) *news.Place {
	i := strings.Index(text, name)
	return &news.Place{Name: name, Start: i, End: i + len(name)}
}

func TestStage(t *testing.T) {
	g := gazetteer(t)
	text := "KYIV (Reuters) - Russia attacked Ukraine with 64 drones overnight, centred on Dnipropetrovsk region, " +
		"the Ukrainian air force said. Russian air defences shot down 122 Ukrainian drones, most over Bryansk and Kursk regions. " +
		"Flights were grounded at Moscow and St. Petersburg airports."
	a := article(text, map[string]string{
		"KYIV": news.EntGPE, "Russia": news.EntGPE, "Ukraine": news.EntGPE, "Dnipropetrovsk": news.EntGPE,
		"Ukrainian": news.EntNORP, "Bryansk": news.EntGPE, "Moscow": news.EntGPE, "St. Petersburg": news.EntGPE,
	})
	a.Events = []news.Event{
		{Type: "Explosions/Remote violence", Place: placeAt(text, "KYIV")},
		{Type: "Explosions/Remote violence", Place: placeAt(text, "Dnipropetrovsk"),
			Actor1: &news.ActorRef{Name: "Russia", Country: "RU"}, Actor2: &news.ActorRef{Name: "Ukraine", Country: "UA"}},
		{Type: "Explosions/Remote violence", Place: placeAt(text, "Bryansk and Kursk regions"),
			Actor1: &news.ActorRef{Name: "Russian air defences", Country: "RU"}},
		{Type: "Strategic developments", Place: placeAt(text, "Moscow")},
		{Type: "Strategic developments", Place: &news.Place{Name: "Xyzzy Hill"}, Actor1: &news.ActorRef{Name: "Ukraine", Country: "UA"}},
		{Type: "Strategic developments"},
	}
	s := NewStage(g)
	if s.Name() != "geo" {
		t.Errorf("Name() = %q", s.Name())
	}
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if want := []string{"RU", "UA"}; !reflect.DeepEqual(a.Focus, want) {
		t.Errorf("Focus = %v, want %v", a.Focus, want)
	}
	if a.Events[0].Place != nil {
		t.Errorf("dateline resolved as an event place: %+v", a.Events[0].Place)
	}
	checks := []struct {
		i                          int
		country, admin1, precision string
	}{
		{1, "UA", "Dnipropetrovsk", news.PrecisionAdmin1},
		{2, "RU", "Bryansk Oblast", news.PrecisionAdmin1},
		{3, "RU", "Moscow", news.PrecisionPoint},
		{4, "UA", "", news.PrecisionCountry},
	}
	for _, c := range checks {
		p := a.Events[c.i].Place
		if p == nil || p.Country != c.country || p.Admin1 != c.admin1 || p.Precision != c.precision {
			t.Errorf("event %d place = %+v, want %s/%s/%s", c.i, p, c.country, c.admin1, c.precision)
		}
	}
	if p := a.Events[1].Place; p.Start != strings.Index(text, "Dnipropetrovsk") || p.Name != "Dnipropetrovsk" {
		t.Errorf("event 1 place lost its name or span: %+v", p)
	}
	if a.Events[5].Place != nil {
		t.Errorf("event without place got one")
	}
}

func TestDateline(t *testing.T) {
	tests := []struct{ text, place string }{
		{"KYIV (Reuters) - Russia attacked", "KYIV"},
		{"BEIRUT, Lebanon (AP) — Israeli strikes", "BEIRUT"},
		{"  WASHINGTON — The Pentagon said", "WASHINGTON"},
		{"AL-TANF, Syria - US forces", "AL-TANF"},
		{"NATO allies — meeting in Brussels", ""},
		{"Russia attacked Ukraine - again", ""},
		{"US troops - left", ""},
		{"KYIV\nRussia attacked - again", ""},
		{"", ""},
	}
	for _, tt := range tests {
		line, place := Dateline(tt.text)
		got := tt.text[place.Start:place.End]
		if got != tt.place || (tt.place != "" && line.End <= place.End) || (tt.place == "" && line.End != 0) {
			t.Errorf("Dateline(%q) = %v %q, want place %q", tt.text, line, got, tt.place)
		}
	}
}

func TestContextKind(t *testing.T) {
	tests := []struct{ text, name, want string }{
		{"drones over Kursk region overnight", "Kursk", HintAdmin},
		{"in the town of Rafah on Friday", "Rafah", HintCity},
		{"the province of Herat", "Herat", HintAdmin},
		{"Herat province", "Herat", HintAdmin},
		{"strikes on Kharkiv overnight", "Kharkiv", ""},
		{"Kursk", "Kursk", ""},
		{"The G7 talks in Charlevoix, Quebec, brought together ministers", "Quebec", HintAdmin},
		{"north from Quetta, Balochistan.", "Balochistan", HintAdmin},
		{"offices in Washington, New York and San Francisco", "New York", ""},
		{"strikes on Kharkiv, Sumy and Chernihiv", "Sumy", ""},
		{"In April, Kyiv, Lviv and Odesa were hit", "Kyiv", ""},
		{"On Monday, Moscow said", "Moscow", ""},
		{"On Monday, Moscow.", "Moscow", ""},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.name)
		if got := ContextKind(tt.text, i, i+len(tt.name)); got != tt.want {
			t.Errorf("ContextKind(%q, %q) = %q, want %q", tt.text, tt.name, got, tt.want)
		}
	}
}

func TestTextCountries(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Iraqi officials said Iran trained fighters in Lebanon. Iraq's government did not reply. Iraqi militias.", []string{"IQ", "IR", "LB"}},
		{"Iraqi officials said Iraq, Iraq and Iraq; Iran once.", []string{"IQ"}},
		{"THE SALVADORAN ARMY SAID THE FMLN ATTACKED US IN EL SALVADOR.", []string{"SV"}},
		{"no countries here", nil},
	}
	for _, tt := range tests {
		if got := g.TextCountries(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("TextCountries(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func FuzzStage(f *testing.F) {
	s := NewStage(gazetteer(f))
	f.Add("KYIV (Reuters) - Drones hit Kharkiv region.", "Kharkiv", 25, 32)
	f.Add("BEIRUT, Lebanon (AP) — Strikes on Dahiyeh", "BEIRUT", 0, 6)
	f.Add("", "x", -3, 900)
	f.Add("IN EL CENTENARIO, EL CARMEN,\nSANTANDER, REBELS STRUCK.", "EL CENTENARIO", 3, 16)
	f.Add("Clashes near Los Llanitos (Intibuca", "Los Llanitos", 13, 25)
	f.Fuzz(func(t *testing.T, text, place string, start, end int) {
		a := &news.Article{Text: text,
			Entities: []news.Entity{{Text: place, Type: news.EntGPE, Start: start, End: end}, {Text: "Iraqi", Type: news.EntNORP}},
			Events:   []news.Event{{Place: &news.Place{Name: place, Start: start, End: end}}, {}},
		}
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if p := a.Events[0].Place; p != nil && p.Precision != "" {
			if _, ok := precisionRank[p.Precision]; !ok || p.Name != place {
				t.Errorf("place %+v", p)
			}
		}
		Dateline(text)
	})
}

func TestStageVillageInDivision(t *testing.T) {
	g := gazetteer(t)
	text := "SAN SALVADOR, 3 JAN 90 -- ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED BY TERRORISTS IN SAN MIGUEL\nDEPARTMENT.  THE MASS KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN LUIS DE LA REINA.  " +
		"TROOPS LATER CLASHED WITH REBELS IN ZARAGOZA, LA PAZ DEPARTMENT."
	a := &news.Article{Text: text, Events: []news.Event{
		{Type: "Violence against civilians", Place: placeAt(text, "SAN LUIS DE LA REINA")},
		{Type: "Battles", Place: placeAt(text, "ZARAGOZA")},
	}}
	if err := NewStage(g).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if want := []string{"SV"}; !reflect.DeepEqual(a.Focus, want) {
		t.Errorf("Focus = %v, want %v (from the dateline)", a.Focus, want)
	}
	for i, want := range []string{"San Miguel", "La Paz"} {
		p := a.Events[i].Place
		if p == nil || p.Country != "SV" || p.Admin1 != want || p.Precision != news.PrecisionAdmin1 {
			t.Errorf("event %d place = %+v, want %s, SV at admin1", i, p, want)
		}
	}
}
