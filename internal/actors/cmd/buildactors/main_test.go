package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestTitleCase(t *testing.T) {
	for in, want := range map[string]string{
		"BASQUE FATHERLAND AND FREEDOM": "Basque Fatherland and Freedom",
		"ANSF":                          "ANSF",
		"UN":                            "UN",
		"IRAN":                          "Iran",
		"MR. OBAMA":                     "Mr. Obama",
		"AL-QAEDA IN IRAQ":              "Al-Qaeda in Iraq",
		"THE ISLAMIC STATE":             "The Islamic State",
		"DHKP/C":                        "DHKP/C",
	} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitParensSlugDemonym(t *testing.T) {
	if got := splitParens("Basque Fatherland and Freedom (ETA)"); len(got) != 2 || got[0] != "Basque Fatherland and Freedom" || got[1] != "ETA" {
		t.Errorf("splitParens = %q", got)
	}
	if got := slug("Kata'ib Hezbollah (KH)"); got != "kataib-hezbollah-kh" {
		t.Errorf("slug = %q", got)
	}
	for _, tc := range []struct {
		alias, country string
		want           bool
	}{{"german", "Germany", true}, {"swiss", "Switzerland", true}, {"iraqi", "Iraq", true}, {"berlin", "Germany", false}, {"sadr city", "Iraq", false}} {
		if got := demonym(tc.alias, tc.country); got != tc.want {
			t.Errorf("demonym(%q, %q) = %v", tc.alias, tc.country, got)
		}
	}
}

// TestEmbeddedDataUpToDate rebuilds the data from ../shared/data, when it
// is there, and compares it with the committed files.
func TestEmbeddedDataUpToDate(t *testing.T) {
	data := filepath.Join("..", "..", "..", "..", "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(data, "actors", "phoenix")); err != nil {
		t.Skipf("shared data not found at %s", data)
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	out := t.TempDir()
	if err := run(data, out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"phoenix.jsonl.gz", "agents.tsv", "LICENSE-phoenix.txt"} {
		got, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "data", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date: run go generate ./internal/actors", f)
		}
	}
}
