package geo

import (
	"sync"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

var (
	testGaz     *Gazetteer
	testGazErr  error
	testGazOnce sync.Once
)

func gazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	testGazOnce.Do(func() { testGaz, testGazErr = Load() })
	if testGazErr != nil {
		t.Fatal(testGazErr)
	}
	return testGaz
}

func TestResolve(t *testing.T) {
	g := gazetteer(t)
	us := Hints{Countries: []string{"US"}, Others: []string{"Atlanta", "Texas"}}
	tests := []struct {
		name      string
		h         Hints
		country   string
		admin1    string
		precision string
		resolved  string // "" to skip
		lat, lon  float64
	}{
		{"Ain al-Asad air base", Hints{}, "IQ", "Al Anbar", news.PrecisionPoint, "Ain al-Asad Air Base", 33.79, 42.44},
		{"Iraq's Ain al-Asad air base", Hints{}, "IQ", "Al Anbar", news.PrecisionPoint, "Ain al-Asad Air Base", 33.79, 42.44},
		{"Erbil International Airport", Hints{}, "IQ", "Arbīl", news.PrecisionPoint, "Erbil International Airport", 36.24, 43.96},
		{"Lebanon", Hints{Countries: []string{"IQ"}}, "LB", "", news.PrecisionCountry, "Lebanon", 0, 0},
		{"Bryansk region", Hints{}, "RU", "Bryansk Oblast", news.PrecisionAdmin1, "Bryansk Oblast", 0, 0},
		{"Kursk region", Hints{}, "RU", "Kursk Oblast", news.PrecisionAdmin1, "Kursk Oblast", 0, 0},
		{"Bryansk and Kursk regions", Hints{}, "RU", "Bryansk Oblast", news.PrecisionAdmin1, "Bryansk Oblast; Kursk Oblast", 0, 0},
		{"border regions of Bryansk and Kursk", Hints{}, "RU", "Bryansk Oblast", news.PrecisionAdmin1, "", 0, 0},
		{"Kursk", Hints{Kind: HintAdmin}, "RU", "Kursk Oblast", news.PrecisionAdmin1, "Kursk Oblast", 0, 0},
		{"Kursk", Hints{}, "RU", "Kursk Oblast", news.PrecisionPoint, "Kursk", 51.73, 36.18},
		{"Dnipropetrovsk region", Hints{}, "UA", "Dnipropetrovsk", news.PrecisionAdmin1, "Dnipropetrovsk", 0, 0},
		{"Dnipropetrovsk Oblast", Hints{}, "UA", "Dnipropetrovsk", news.PrecisionAdmin1, "Dnipropetrovsk", 0, 0},
		{"Dnipro region", Hints{}, "UA", "Dnipropetrovsk", news.PrecisionAdmin1, "Dnipropetrovsk", 0, 0},
		{"Kharkov", Hints{}, "UA", "Kharkiv", news.PrecisionPoint, "", 49.98, 36.25},
		{"Moscow", Hints{}, "RU", "", news.PrecisionPoint, "", 55.75, 37.62},
		{"St. Petersburg", Hints{Countries: []string{"RU"}}, "RU", "", news.PrecisionPoint, "", 59.94, 30.31},
		{"Switzerland", Hints{}, "CH", "", news.PrecisionCountry, "Switzerland", 0, 0},
		{"Georgia", Hints{}, "GE", "", news.PrecisionCountry, "Georgia", 0, 0},
		{"Georgia", us, "US", "Georgia", news.PrecisionAdmin1, "", 0, 0},
		{"Washington", Hints{}, "US", "", news.PrecisionPoint, "", 38.90, -77.04},
		{"Washington", Hints{Countries: []string{"GB"}}, "US", "", news.PrecisionPoint, "", 38.90, -77.04},
		{"Washington state", Hints{}, "US", "Washington", news.PrecisionAdmin1, "", 0, 0},
		{"Gaza Strip", Hints{}, "PS", "Gaza Strip", news.PrecisionAdmin1, "", 0, 0},
		{"West Bank", Hints{}, "PS", "West Bank", news.PrecisionAdmin1, "", 0, 0},
		{"Crimea", Hints{}, "UA", "Crimea", news.PrecisionAdmin1, "", 0, 0},
		{"Donbas", Hints{}, "UA", "", news.PrecisionRegion, "Donbas", 0, 0},
		{"Golan Heights", Hints{}, "SY", "Quneitra", news.PrecisionAdmin2, "", 0, 0},
		{"Black Sea", Hints{}, "", "", news.PrecisionRegion, "Black Sea", 0, 0},
		{"Strait of Hormuz", Hints{}, "", "", news.PrecisionRegion, "", 0, 0},
		{"Middle East", Hints{}, "", "", news.PrecisionRegion, "", 0, 0},
		{"Sahel", Hints{}, "", "", news.PrecisionRegion, "", 0, 0},
		{"Hmeimim", Hints{}, "SY", "Latakia", news.PrecisionPoint, "", 35.40, 35.95},
		{"Incirlik", Hints{}, "TR", "Adana", news.PrecisionPoint, "", 37.00, 35.43},
		{"Tripoli", Hints{}, "LY", "", news.PrecisionPoint, "", 32.89, 13.19},
		{"Tripoli", Hints{Countries: []string{"LB"}}, "LB", "", news.PrecisionPoint, "", 34.44, 35.85},
		{"Tripoli", Hints{Others: []string{"Beirut", "Sidon"}}, "LB", "", news.PrecisionPoint, "", 34.44, 35.85},
		{"the town of Rafah", Hints{}, "PS", "Gaza Strip", news.PrecisionPoint, "", 31.3, 34.25},
		{"province of Herat", Hints{}, "AF", "Herat", news.PrecisionAdmin1, "", 0, 0},
		{"DNIPROPETROVS’K REGION", Hints{}, "UA", "Dnipropetrovsk", news.PrecisionAdmin1, "", 0, 0},
		{"Zaporizhzhia", Hints{}, "UA", "Zaporizhzhia", news.PrecisionPoint, "", 47.82, 35.19},
		{"US", Hints{}, "US", "", news.PrecisionCountry, "", 0, 0},
		{"Britain", Hints{}, "GB", "", news.PrecisionCountry, "", 0, 0},
		{"Gorazde", Hints{}, "BA", "", news.PrecisionPoint, "", 43.67, 18.98},
		{"Pokrovsk", Hints{}, "UA", "Donetsk", news.PrecisionPoint, "", 48.28, 37.18},
		{"San Miguel", Hints{Countries: []string{"SV"}}, "SV", "San Miguel", news.PrecisionPoint, "", 13.48, -88.18},
		{"Geneva", Hints{Countries: []string{"US", "RU"}}, "CH", "Geneva", news.PrecisionPoint, "", 46.20, 6.15},
		{"Donetsk People's Republic", Hints{}, "UA", "Donetsk", news.PrecisionAdmin1, "", 0, 0},
		{"Hodeidah", Hints{}, "YE", "", news.PrecisionPoint, "", 14.80, 42.95},
		{"White House", Hints{}, "US", "", news.PrecisionPoint, "", 38.90, -77.04},
	}
	for _, tt := range tests {
		p, ok := g.Resolve(tt.name, tt.h)
		if !ok {
			t.Errorf("Resolve(%q, %+v): not found", tt.name, tt.h)
			continue
		}
		if p.Country != tt.country || (tt.admin1 != "" && p.Admin1 != tt.admin1) || p.Precision != tt.precision ||
			(tt.resolved != "" && p.Resolved != tt.resolved) {
			t.Errorf("Resolve(%q, %+v) = %s/%s/%s %q, want %s/%s/%s %q", tt.name, tt.h, p.Country, p.Admin1, p.Precision, p.Resolved, tt.country, tt.admin1, tt.precision, tt.resolved)
		}
		if tt.lat != 0 && Distance(p.Lat, p.Lon, tt.lat, tt.lon) > 25 {
			t.Errorf("Resolve(%q) at %.2f,%.2f, want within 25 km of %.2f,%.2f", tt.name, p.Lat, p.Lon, tt.lat, tt.lon)
		}
	}
}

func TestResolveUnknown(t *testing.T) {
	g := gazetteer(t)
	for _, name := range []string{"", "Xyzzyville", "the", "region", "Narnia region", "   "} {
		if p, ok := g.Resolve(name, Hints{Countries: []string{"UA"}}); ok {
			t.Errorf("Resolve(%q) = %+v, want not found", name, p)
		}
	}
}
