package eventeval

import (
	"context"
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/extract/events"
)

func TestMappings(t *testing.T) {
	tests := []struct{ got, want string }{
		{PloverSubtype("ASSAULT", "explosives"), events.SubIED},
		{PloverSubtype("FIGHT", "heavy-weapons"), events.SubShelling},
		{PloverSubtype("PROTEST", "riot"), events.SubViolentDemo},
		{PloverSubtype("COERCE", "arrest"), events.SubArrests},
		{PloverSubtype("DEMAND", ""), ""},
		{MUCSubtype("BOMBING", "", ""), events.SubIED},
		{MUCSubtype("ATTACK", " MORTAR: \"MORTAR\"", ""), events.SubShelling},
		{MUCSubtype("ATTACK", "", " ACTIVE MILITARY: \"SOLDIERS\""), events.SubArmedClash},
		{MUCSubtype("KIDNAPPING", "", ""), events.SubAbduction},
		{WikiSubtype("Conflict.Attack.DetonateExplode"), events.SubIED},
		{WikiSubtype("Life.Die.Unspecified"), ""},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("case %d: %q, want %q", i, tc.got, tc.want)
		}
	}
}

func TestMUCStrings(t *testing.T) {
	got := mucStrings(`? "MORTAR" / "MORTARS"`)
	if len(got) != 2 || got[0] != "MORTAR" || got[1] != "MORTARS" {
		t.Errorf("mucStrings = %q", got)
	}
	if got := mucStrings("-"); len(got) != 0 {
		t.Errorf("mucStrings(-) = %q", got)
	}
}

func TestMUCFigures(t *testing.T) {
	tests := []struct {
		name string
		t    mucTemplate
		want map[string][][]float64
	}{
		{"paired in key order", mucTemplate{counts: map[string][]float64{"PATROL": {16, 30}}, effects: map[string][]string{"PATROL": {"DEATH", "INJURY"}}},
			map[string][][]float64{"killed": {{16}}, "injured": {{30}}}},
		{"several counts, one effect: alternatives", mucTemplate{counts: map[string][]float64{"LEADERS": {12, 5}}, effects: map[string][]string{"LEADERS": {"DEATH"}}},
			map[string][][]float64{"killed": {{12, 5}}}},
		{"one count, several effects: none", mucTemplate{counts: map[string][]float64{"PEOPLE": {5}}, effects: map[string][]string{"PEOPLE": {"DEATH", "INJURY"}}},
			map[string][][]float64{}},
		{"one is a named victim", mucTemplate{counts: map[string][]float64{"MAYOR": {1}}, effects: map[string][]string{"MAYOR": {"DEATH"}}},
			map[string][][]float64{}},
	}
	for _, tc := range tests {
		if got := tc.t.figures(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	s := newScores("t")
	s.number("killed", []float64{12, 5}, []float64{3, 5}, "doc")
	s.number("killed", []float64{16}, []float64{3}, "doc")
	if s.Numbers != 2 || s.NumbersExact != 1 || len(s.NumberMisses) != 1 || s.NumberMisses[0].Gold[0] != 16 {
		t.Errorf("numbers %d exact %d misses %+v", s.Numbers, s.NumbersExact, s.NumberMisses)
	}
}

func TestMUCDate(t *testing.T) {
	for text, want := range map[string]string{
		"BOGOTA, 8 DEC 89 (DPA) -- [TEXT] THE CAR BOMB ATTACK": "1989-12-08",
		"SAN SALVADOR, 14 JAN 90 (ACAN-EFE) -- [TEXT] MSGR":    "1990-01-14",
		"[TEXT] NO DATELINE HERE":                              "0001-01-01",
	} {
		if got := mucDate(text).Format("2006-01-02"); got != want {
			t.Errorf("%q: %s, want %s", text, got, want)
		}
	}
}

func TestScores(t *testing.T) {
	s := newScores("t")
	labels := map[string]bool{"A": true, "B": true}
	s.count("A", []string{"A"}, labels, "one")
	s.count("A", []string{"B"}, labels, "two")
	s.count("B", nil, labels, "three")
	if len(s.Misses) != 2 || s.Misses[0].Item != "two" {
		t.Errorf("misses %+v", s.Misses)
	}
	if s.Accuracy() != 1.0/3 || s.TP["A"] != 1 || s.FP["B"] != 1 || s.FN["B"] != 1 {
		t.Errorf("scores %+v", s)
	}
	// F1(A) = 2/3 (P 1, R 1/2); F1(B) = 0.
	if got := s.MacroF1(); got < 0.333 || got > 0.334 {
		t.Errorf("macro-F1 = %v, want 1/3", got)
	}
	s.role("source", []string{"Burundian militiamen"}, "Burundi")
	s.role("source", []string{"Hamas"}, "Israel")
	if s.RoleTP["source"] != 1 || s.RolePred["source"] != 2 {
		t.Errorf("roles %+v %+v", s.RoleTP, s.RolePred)
	}
}

// TestRunShared scores the shared data when it is present (skipped on
// machines without ../shared/data).
func TestRunShared(t *testing.T) {
	dir := "../../../../../shared/data"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("shared data not present")
	}
	if testing.Short() {
		t.Skip("short")
	}
	x, _ := events.New(events.Options{})
	scores, err := Run(context.Background(), x, Options{Data: dir})
	if err != nil && !errors.Is(err, ErrNoData) {
		t.Fatal(err)
	}
	for _, s := range scores {
		if s.Items == 0 {
			t.Errorf("%s: nothing scored", s.Name)
		}
	}
}
