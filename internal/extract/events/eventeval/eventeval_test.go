package eventeval

import (
	"context"
	"errors"
	"os"
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
