package actors

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// TestFindSeedGolden runs Find over the seed articles and compares the
// matches with testdata/seed.find.golden (rewrite with -update).
func TestFindSeedGolden(t *testing.T) {
	r := testRegistry(t)
	text, err := os.ReadFile("../clean/testdata/seed-asharq-2articles.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, m := range r.Find(string(text)) {
		if string(text[m.Start:m.End]) != m.Text {
			t.Errorf("match %q: offsets [%d,%d) cover %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		fmt.Fprintf(&b, "%d\t%d\t%s\t%s\t%s\n", m.Start, m.End, m.Text, m.Actor.ID, m.Actor.Name)
	}
	golden := "testdata/seed.find.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("Find over the seed articles changed; diff against %s:\n%s", golden, got)
	}
}
