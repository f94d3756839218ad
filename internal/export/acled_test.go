package export

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

func TestACLEDRow(t *testing.T) {
	ua := func(iso2 string) (string, string, int, bool) {
		if iso2 == "UA" {
			return "Ukraine", "UKR", 804, true
		}
		return "", "", 0, false
	}
	recs := []Record{{
		ArticleID: "a1", Source: "Asharq Al-Awsat", URL: "https://example.org/a1",
		Published: time.Date(2025, 7, 17, 0, 0, 0, 0, time.UTC),
		Event: news.Event{
			ID: "a1-3", Type: "Explosions/Remote violence", Subtype: "Air/drone strike",
			Actor1:     &news.ActorRef{Name: "Military Forces of Russia", Kind: news.KindStateForces, Country: "RU"},
			Actor2:     &news.ActorRef{Name: "Civilians (Ukraine)", Kind: news.KindCivilians, Country: "UA"},
			Place:      &news.Place{Name: "Dnipropetrovsk region", Resolved: "Dnipropetrovsk Oblast", Country: "UA", Admin1: "Dnipropetrovsk", Lat: 48.45, Lon: 34.98, Precision: news.PrecisionAdmin1},
			Date:       &news.TimeRef{Value: "2025-07-17", Precision: news.DateDay},
			Quantities: map[string]float64{"launched": 64, "killed": 1},
			Weapon:     "Shahed", Modality: news.ModReported,
			Sources:  []news.Source{{Text: "the Ukrainian air force", Kind: news.SrcOrg}},
			Evidence: news.TextSpan{Text: "Russia attacked Ukraine with 64 Shahed and decoy drones overnight, killing at least one person."},
			Caveat:   "could not be independently verified",
		},
	}, {
		Event: news.Event{Type: "Strategic developments", Subtype: "Meeting", Date: &news.TimeRef{Value: "2025-07", Precision: news.DateMonth}, Modality: news.ModPlanned},
	}}
	rows := exportRows(t, ua, recs)
	if len(rows) != 3 || len(rows[0]) != len(ACLEDColumns) {
		t.Fatalf("want header and 2 rows of %d columns, got %d rows", len(ACLEDColumns), len(rows))
	}
	get := func(row int, col string) string {
		for i, c := range ACLEDColumns {
			if c == col {
				return rows[row][i]
			}
		}
		t.Fatalf("no column %s", col)
		return ""
	}
	want := map[string]string{
		"event_date": "2025-07-17", "year": "2025", "time_precision": "1",
		"disorder_type": "Political violence", "sub_event_type": "Air/drone strike",
		"actor1": "Military Forces of Russia", "inter1": "1", "inter2": "7", "interaction": "17",
		"civilian_targeting": "Civilian targeting", "iso": "804", "country": "Ukraine",
		"admin1": "Dnipropetrovsk", "location": "Dnipropetrovsk Oblast", "latitude": "48.4500",
		"geo_precision": "3", "fatalities": "1", "tags": "weapon: Shahed; launched: 64",
		"source": "Asharq Al-Awsat",
	}
	for col, v := range want {
		if got := get(1, col); got != v {
			t.Errorf("%s = %q, want %q", col, got, v)
		}
	}
	if n := get(1, "notes"); n == "" || !bytes.Contains([]byte(n), []byte("[sources: the Ukrainian air force]")) {
		t.Errorf("notes lack the source: %q", n)
	}
	if n := get(1, "notes"); !bytes.Contains([]byte(n), []byte("[could not be independently verified]")) {
		t.Errorf("notes lack the caveat: %q", n)
	}
	if id := get(1, "event_id_cnty"); !regexp.MustCompile(`^UKR[0-9]+$`).MatchString(id) {
		t.Errorf("event_id_cnty %q, want UKR and a number", id)
	}
	if id := get(2, "event_id_cnty"); id != "XXX1" {
		t.Errorf("event_id_cnty of an event with no ID nor country %q, want XXX1", id)
	}
	if get(2, "event_date") != "2025-07-01" || get(2, "time_precision") != "3" || get(2, "country") != "" || get(2, "fatalities") != "0" {
		t.Errorf("month-precision row wrong: %v", rows[2])
	}
}

func TestCountryCodes(t *testing.T) {
	for _, tc := range []struct {
		iso2, name, iso3 string
		num              int
	}{
		{"UA", "Ukraine", "UKR", 804},
		{"iq", "Iraq", "IRQ", 368},
		{"SA", "Saudi Arabia", "SAU", 682},
	} {
		name, iso3, num, ok := CountryCodes(tc.iso2)
		if !ok || name != tc.name || iso3 != tc.iso3 || num != tc.num {
			t.Errorf("%s: %q %q %d %v", tc.iso2, name, iso3, num, ok)
		}
	}
	if _, _, _, ok := CountryCodes("XX"); ok {
		t.Error("XX is no country")
	}
}

// TestEventIDStable: an event keeps its event_id_cnty from one export to
// the next, whatever else the export holds, and two events do not share one.
func TestEventIDStable(t *testing.T) {
	ev := func(id string) Record {
		return Record{Event: news.Event{ID: id, Type: "Battles", Subtype: "Armed clash",
			Place: &news.Place{Name: "Pokrovsk", Country: "UA"}, Modality: news.ModReported}}
	}
	export := func(recs ...Record) map[string]string {
		rows := exportRows(t, CountryCodes, recs)
		out := map[string]string{} // event ID → event_id_cnty (the first column)
		for i, row := range rows[1:] {
			out[recs[i].Event.ID] = row[0]
		}
		return out
	}
	first := export(ev("a1-0"), ev("a1-1"), ev("b7-2"))
	second := export(ev("b7-2"), ev("c3-0"), ev("a1-1"))
	if first["a1-1"] != second["a1-1"] || first["b7-2"] != second["b7-2"] {
		t.Errorf("IDs changed between exports: %v, %v", first, second)
	}
	if first["a1-0"] == first["a1-1"] || first["a1-1"] == first["b7-2"] {
		t.Errorf("two events share an ID: %v", first)
	}
}

// exportRows writes recs as ACLED CSV and reads the rows back, header first.
func exportRows(t *testing.T, country Country, recs []Record) [][]string {
	t.Helper()
	var buf bytes.Buffer
	w := NewACLED(&buf, country)
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
