package geo

import (
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

func TestNearDivision(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		text, name string
		countries  []string
		country    string // "" for no division
		admin1     string
		strong     bool
	}{
		{"Rebels attacked Perquin, Morazan, on Monday.", "Perquin", []string{"SV"}, "SV", "Morazán", true},
		{"THE ATTACK ON PERQUIN, MORAZAN DEPARTMENT, LEFT TWO DEAD.", "PERQUIN", nil, "SV", "Morazán", true},
		{"Troops clashed in Ilobasco municipality, Cabanas Department, at dawn.", "Ilobasco", []string{"SV"}, "SV", "Cabañas", true},
		{"Soldiers attacked Los Llanitos (Intibuca) last week.", "Los Llanitos", []string{"HN"}, "HN", "Intibucá Department", true},
		{"In El Centenario, El Carmen, Santander, rebels kidnapped a landowner.", "El Centenario", []string{"CO"}, "CO", "Santander", true},
		{"Fifty peasants were kidnapped in San Miguel Department.  The kidnapping took place in San Luis de la Reina.", "San Luis de la Reina", []string{"SV"}, "SV", "San Miguel", false},
		{"In Canalete, also in Cordoba, a cattleman was kidnapped.", "Canalete", []string{"CO"}, "CO", "Córdoba", false},
		// "La Paz department" without a country to settle it says nothing.
		{"Fighting near Zaragoza, La Paz department.", "Zaragoza", nil, "", "", false},
		{"Fighting near Zaragoza, La Paz department.", "Zaragoza", []string{"SV"}, "SV", "La Paz", true},
		// A list is not a container, and nothing near says nothing.
		{"Kharkiv, Sumy and Chernihiv were shelled.", "Kharkiv", []string{"UA"}, "", "", false},
		{"The State Department said Kabul was calm.", "Kabul", []string{"AF"}, "", "", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.name)
		got := g.NearDivision(tt.text, i, i+len(tt.name), tt.countries)
		if tt.country == "" {
			if got.Division != nil {
				t.Errorf("NearDivision(%q, %q) = %s, want none", tt.text, tt.name, got.Division.Name)
			}
			continue
		}
		if got.Division == nil || got.Division.Country != tt.country || got.Division.Name != tt.admin1 || got.Strong != tt.strong {
			t.Errorf("NearDivision(%q, %q) = %+v, want %s %s strong=%v", tt.text, tt.name, got.Division, tt.country, tt.admin1, tt.strong)
		}
	}
	// Out-of-range spans say nothing.
	if got := g.NearDivision("abc", 2, 9, nil); got.Division != nil {
		t.Errorf("NearDivision out of range = %+v", got)
	}
}

func TestResolveNear(t *testing.T) {
	g := gazetteer(t)
	near := func(text, name string, cs []string) Hints {
		i := strings.Index(text, name)
		return Hints{Countries: cs, Near: g.NearDivision(text, i, i+len(name), cs)}
	}
	// A village the gazetteer lacks, in a department the text names: the
	// department, never a town.
	h := near("THE ATTACK ON SAN LUIS DE LA REINA, SAN MIGUEL DEPARTMENT.", "SAN LUIS DE LA REINA", []string{"SV"})
	if _, ok := g.Resolve("SAN LUIS DE LA REINA", h); ok {
		t.Fatalf("an unknown village resolved")
	}
	p, ok := g.fallback(h.Near, h.Countries, "")
	if !ok || p.Precision != news.PrecisionAdmin1 || p.Country != "SV" || p.Admin1 != "San Miguel" {
		t.Errorf("fallback = %+v, want San Miguel, SV at admin1", p)
	}
	// Granada, Antioquia is not Granada, Meta (the only Colombian Granada
	// of 15,000 people or more).
	h = near("Rebels burned the town hall of Granada, Antioquia, on Sunday.", "Granada", []string{"CO"})
	if p, ok := g.Resolve("Granada", h); ok {
		t.Errorf("Granada, Antioquia resolved to %s, %s", p.Resolved, p.Admin1)
	}
	// A Salvadoran article's Zaragoza is not Spain's.
	h = near("GUERRILLAS ATTACKED ZARAGOZA, LA PAZ DEPARTMENT.", "ZARAGOZA", []string{"SV"})
	if p, ok := g.Resolve("ZARAGOZA", h); ok && p.Country != "SV" {
		t.Errorf("Zaragoza, La Paz resolved to %s, %s", p.Resolved, p.Country)
	}
	// A small namesake abroad is doubted; a capital or a big city is not.
	if p, ok := g.Resolve("Molina", Hints{Countries: []string{"CL"}}); ok && p.Country != "CL" {
		t.Errorf("Molina in a Chilean report resolved to %s, %s", p.Resolved, p.Country)
	}
	if p, ok := g.Resolve("Geneva", Hints{Countries: []string{"UA"}}); !ok || p.Country != "CH" {
		t.Errorf("Geneva in a Ukrainian report = %s, %s, %v; want Switzerland", p.Resolved, p.Country, ok)
	}
	if p, ok := g.Resolve("Jericho", Hints{Countries: []string{"IL"}, Others: []string{"West Bank"}}); !ok || p.Country != "PS" {
		t.Errorf("Jericho with the West Bank named = %s, %s, %v; want PS", p.Resolved, p.Country, ok)
	}
}

func TestMUCLabel(t *testing.T) {
	tests := []struct {
		slot, mention, country, admin1, precision string
	}{
		{"EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)", "SAN LUIS DE LA REINA", "SV", "SAN MIGUEL", "point"},
		{"EL SALVADOR: SAN SALVADOR (CITY)", "SAN SALVADOR", "SV", "", "point"},
		{"EL SALVADOR", "EL SALVADOR", "SV", "", "country"},
		{"EL SALVADOR: EASTERN SAN MIGUEL (DEPARTMENT)", "EASTERN SAN MIGUEL", "SV", "SAN MIGUEL", "admin1"},
		// Peru's provinces lie inside departments.
		{"PERU: SAN MARTIN (DEPARTMENT): MARISCAL CACERES (PROVINCE): UCHIZA (TOWN)", "UCHIZA", "PE", "SAN MARTIN", "point"},
		{"PERU: LA MAR (PROVINCE): CHINCHIPE (VILLAGE)", "CHINCHIPE", "PE", "", "point"},
		{"ECUADOR: CARCHI (PROVINCE): TULCAN (CITY)", "TULCAN", "EC", "CARCHI", "point"},
		{"EL SALVADOR: USULUTAN (CITY", "USULUTAN", "SV", "", "point"},
		{"(EL SALVADOR: USULUTAN (CITY)) / (EL SALVADOR: USULUTAN (DEPARTMENT))", "USULUTAN", "SV", "", "point"},
	}
	for _, tt := range tests {
		l, ok := mucLabel(tt.slot)
		if !ok || l.Mention != tt.mention || l.Country != tt.country || l.Admin1 != tt.admin1 || l.Precision != tt.precision {
			t.Errorf("mucLabel(%q) = %q %s %q %s, want %q %s %q %s", tt.slot, l.Mention, l.Country, l.Admin1, l.Precision, tt.mention, tt.country, tt.admin1, tt.precision)
		}
	}
}

func FuzzNearDivision(f *testing.F) {
	g := gazetteer(f)
	f.Add("Perquin, Morazan Department.", 0, 7, "SV")
	f.Add("IN CANALETE, ALSO IN CORDOBA,\nA CATTLEMAN", 3, 11, "CO")
	f.Add("the department of", 4, 14, "")
	f.Fuzz(func(t *testing.T, text string, start, end int, country string) {
		near := g.NearDivision(text, start, end, []string{country})
		if near.Division != nil && near.Division.Kind != KindAdmin1 {
			t.Errorf("NearDivision gave a %s", near.Division.Kind)
		}
		if i, j := 0, len(text); j > 0 {
			g.NearDivision(text, i, j, nil)
		}
	})
}
