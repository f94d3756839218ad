package geo

import (
	"context"
	"os"
	"strings"
	"testing"
)

func TestEvaluateFixture(t *testing.T) {
	g := gazetteer(t)
	f, err := os.Open("testdata/labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	labels, err := ReadLabels(f, "testdata/labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	scores, err := Evaluate(context.Background(), g, "testdata/data", labels)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Score{}
	for _, s := range scores {
		got[s.Set] = s
	}
	voa, muc := got["voa"], got["muc4"]
	if voa.Mentions != len(labels) {
		t.Errorf("voa: %d mentions scored, want %d", voa.Mentions, len(labels))
	}
	if a := Accuracy(voa.CountryOK, voa.CountryN); a < 0.9 {
		t.Errorf("voa country accuracy %.2f < 0.9; misses: %v", a, voa.Misses)
	}
	if a := Accuracy(voa.Admin1OK, voa.Admin1N); voa.Admin1N == 0 || a < 0.8 {
		t.Errorf("voa admin1 accuracy %.2f (%d) < 0.8; misses: %v", a, voa.Admin1N, voa.Misses)
	}
	if a := Accuracy(voa.PointOK, voa.PointN); voa.PointN == 0 || a < 0.8 {
		t.Errorf("voa points within 25 km %.2f (%d) < 0.8; misses: %v", a, voa.PointN, voa.Misses)
	}
	// The synthetic MUC-4 key: two located templates, one with a department.
	if muc.Mentions != 2 || muc.Admin1N != 1 || muc.CountryOK != 2 || muc.Admin1OK != 1 {
		t.Errorf("muc4 = %+v, want 2 mentions, both countries and the one department right", muc)
	}
	if _, ok := got["seed"]; ok {
		t.Errorf("seed set scored without its texts")
	}
}

func TestEvaluateNoData(t *testing.T) {
	scores, err := Evaluate(context.Background(), gazetteer(t), t.TempDir(), []Label{{Set: "voa", Doc: "1", Mention: "Kabul", Precision: "point"}})
	if err != nil || len(scores) != 0 {
		t.Errorf("Evaluate on an empty directory = %v, %v; want no scores, no error", scores, err)
	}
}

func TestEmbeddedLabels(t *testing.T) {
	ls, err := EmbeddedLabels()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]map[string]bool{}
	for _, l := range ls {
		if docs[l.Set] == nil {
			docs[l.Set] = map[string]bool{}
		}
		docs[l.Set][l.Doc] = true
	}
	if n := len(docs["voa"]); n < 40 {
		t.Errorf("%d VOA stories labelled, want at least 40", n)
	}
	if len(docs["seed"]) != 2 || len(docs["plover"]) < 40 {
		t.Errorf("seed docs %d, PLOVER records %d", len(docs["seed"]), len(docs["plover"]))
	}
}

func TestReadLabelsErrors(t *testing.T) {
	for _, in := range []string{
		"voa\t1\tKabul\tAF\t\tpoint\t34.5\n",
		"voa\t1\tKabul\tAF\t\tpoint\tx\t69\n",
		"voa\t1\tKabul\tAF\t\tsomewhere\t\t\n",
		"voa\t1\t\tAF\t\tcountry\t\t\n",
	} {
		if _, err := ReadLabels(strings.NewReader(in), "in.tsv"); err == nil || !strings.Contains(err.Error(), "in.tsv: line 1") {
			t.Errorf("ReadLabels(%q) error = %v, want one naming in.tsv line 1", in, err)
		}
	}
}

func TestMucLabel(t *testing.T) {
	tests := []struct {
		slot, mention, country, admin1, precision string
	}{
		{"EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)", "SAN LUIS DE LA REINA", "SV", "SAN MIGUEL", "point"},
		{"EL SALVADOR", "EL SALVADOR", "SV", "", "country"},
		{"(EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR: SAN SALVADOR (DEPARTMENT))", "SAN SALVADOR", "SV", "", "point"},
		{"COLOMBIA: ANTIOQUIA (DEPARTMENT)", "ANTIOQUIA", "CO", "ANTIOQUIA", "admin1"},
		{"PERU: LIMA (CITY): MIRAFLORES (NEIGHBORHOOD)", "LIMA", "PE", "", "point"},
	}
	for _, tt := range tests {
		l, ok := mucLabel(tt.slot)
		if !ok || l.Mention != tt.mention || l.Country != tt.country || l.Admin1 != tt.admin1 || l.Precision != tt.precision {
			t.Errorf("mucLabel(%q) = %+v, %v", tt.slot, l, ok)
		}
	}
	for _, slot := range []string{"*", "-", "ATLANTIS: CAPITAL (CITY)"} {
		if _, ok := mucLabel(slot); ok {
			t.Errorf("mucLabel(%q) ok, want not", slot)
		}
	}
}
