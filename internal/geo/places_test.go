package geo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

func TestLoadExtra(t *testing.T) {
	dir := t.TempDir()
	tsv := "# my places\n" +
		"Camp Xyzzy\tbase\tIQ\tAl Anbar\t33.10\t42.20\t0\tXyzzy camp;FOB Xyzzy\n" +
		"Plughville\tcity\tUA\tKharkiv\t49.5\t36.5\t1200\n" +
		"Kharkiv oblast north\talias\tUA\tKharkiv\n"
	jsonl := `{"name":"Zorkmid Ridge","kind":"area","country":"SY","admin1":"Idlib","lat":35.9,"lon":36.6,"aliases":["the Zorkmid"]}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "a.tsv"), []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "places")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "b.jsonl"), []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "notes.txt"), []byte("not a place file"), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := Load(filepath.Join(dir, "a.tsv"), sub)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, country, admin1, precision string }{
		{"FOB Xyzzy", "IQ", "Al Anbar", news.PrecisionPoint},
		{"Plughville", "UA", "Kharkiv", news.PrecisionPoint},
		{"Kharkiv Oblast North", "UA", "Kharkiv", news.PrecisionAdmin1},
		{"Zorkmid", "SY", "Idlib", news.PrecisionAdmin2},
	}
	for _, tt := range tests {
		p, ok := g.Resolve(tt.name, Hints{})
		if !ok || p.Country != tt.country || p.Admin1 != tt.admin1 || p.Precision != tt.precision {
			t.Errorf("Resolve(%q) = %+v, %v", tt.name, p, ok)
		}
		if ok && p.Precision == news.PrecisionPoint && p.GeonameID != 0 {
			t.Errorf("user place %q has geonameid %d", tt.name, p.GeonameID)
		}
	}
	if e := g.Best("Camp Xyzzy", Hints{}); e == nil || e.ID >= 0 {
		t.Errorf("user entry ID = %+v, want negative", e)
	}
}

func TestLoadExtraErrors(t *testing.T) {
	tests := []struct{ file, body, want string }{
		{"k.tsv", "Foo\tvillage\tIQ\t\t1\t2\n", `line 1: kind "village"`},
		{"c.tsv", "\n#c\nFoo\tcity\tIRQ\t\t1\t2\n", `line 3: country "IRQ"`},
		{"l.tsv", "Foo\tcity\tIQ\t\t91\t2\n", "out of range"},
		{"n.tsv", "Foo\tcity\tIQ\t\tnorth\t2\n", "not numbers"},
		{"m.tsv", "Foo\tcity\tIQ\n", "no lat and lon"},
		{"a.tsv", "Foo\talias\tIQ\tNowhere\n", "no such entry"},
		{"j.jsonl", "{\"name\":\"Foo\",\"kind\":\"city\"\n", "line 1"},
		{"e.tsv", "\tcity\tIQ\t\t1\t2\n", "empty"},
	}
	for _, tt := range tests {
		p := filepath.Join(t.TempDir(), tt.file)
		if err := os.WriteFile(p, []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("Load(%s) error = %v, want one naming the file and %q", tt.file, err, tt.want)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.tsv")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Dnipropetrovs’k", "dnipropetrovsk"},
		{"DNIPROPETROVSK", "dnipropetrovsk"},
		{"St.-Petersburg", "saint petersburg"},
		{"the Gaza Strip", "gaza strip"},
		{"Łódź", "lodz"},
		{"Karbalāʼ", "karbala"},
		{"  Bosnia & Herzegovina ", "bosnia and herzegovina"},
		{"Ain al-Asad", "ain al asad"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzReadPlaces(f *testing.F) {
	f.Add("Camp X\tbase\tIQ\tAl Anbar\t33.1\t42.2\t0\tA;B\n", false)
	f.Add("Kharkov\talias\tUA\tKharkiv\n", false)
	f.Add("Iraqi\tdemonym\tIQ\n", false)
	f.Add(`{"name":"Z","kind":"area","country":"SY","lat":35.9,"lon":36.6}`+"\n", true)
	f.Add("x\talias\t\t\t\t\t\t\t709929\n", false)
	f.Fuzz(func(t *testing.T, in string, jsonl bool) {
		g := newGazetteer(16)
		if err := g.readPlaces(strings.NewReader(in), "fuzz", jsonl); err != nil {
			if !strings.Contains(err.Error(), "fuzz") {
				t.Errorf("error %v does not name the input", err)
			}
			return
		}
		for _, e := range g.entries {
			if e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 || e.ID >= 0 {
				t.Errorf("bad entry %+v", e)
			}
			g.Resolve(e.Name, Hints{})
		}
	})
}

func FuzzResolve(f *testing.F) {
	g := gazetteer(f)
	f.Add("Bryansk and Kursk regions", "RU", "Moscow", "admin")
	f.Add("Iraq's Ain al-Asad air base", "", "", "")
	f.Add("border regions of Bryansk and Kursk", "UA", "Kyiv", "")
	f.Add("’s ", "", "", "city")
	f.Fuzz(func(t *testing.T, name, country, other, kind string) {
		p, ok := g.Resolve(name, Hints{Countries: []string{country}, Others: []string{other, name}, Kind: kind})
		if !ok {
			return
		}
		if _, known := precisionRank[p.Precision]; !known || p.Name != name || p.Resolved == "" {
			t.Errorf("Resolve(%q) = %+v", name, p)
		}
	})
}

func TestUserPlaces(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	if got := UserPlaces(); got != nil {
		t.Errorf("UserPlaces() = %v without a places directory", got)
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		t.Skip(err)
	}
	dir = filepath.Join(dir, "sitrep", "places")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mine.tsv"), []byte("Outpost Frobozz\tbase\tSY\t\t35\t38\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := UserPlaces()
	if len(got) != 1 || got[0] != dir {
		t.Fatalf("UserPlaces() = %v, want [%s]", got, dir)
	}
	g, err := Load(got...)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := g.Resolve("Outpost Frobozz", Hints{}); !ok {
		t.Error("user place not found")
	}
	base, _ := Load()
	if _, ok := base.Resolve("Outpost Frobozz", Hints{}); ok {
		t.Error("user place leaked into the shared embedded gazetteer")
	}
}
