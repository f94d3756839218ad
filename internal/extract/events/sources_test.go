package events

import (
	"context"
	"strings"
	"testing"
	"unicode"

	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
	"github.com/sitrep-osint/sitrep/news"
)

// TestSeedFormationSources checks that the formation of the new factions
// (article 1 of the seed) rests on the eight anonymous sources of
// seed-expected.md, relayed by Reuters: the quote "The new factions are
// linked directly to ..." and its confirmations are a mention of it.
func TestSeedFormationSources(t *testing.T) {
	for _, tagger := range []bool{false, true} {
		a := seedArticles(t)[0]
		if err := attribution.NewStage(attribution.New(attribution.Options{NoTagger: !tagger})).Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		x, _ := New(Options{})
		var ev *news.Event
		for _, e := range x.Extract(a) {
			if e.Subtype == SubGroup && e.Modality == news.ModReported {
				ev = &e
				break
			}
		}
		if ev == nil {
			t.Fatal("no formation event")
		}
		want := map[string]int{
			"Reuters":                 1,
			"Iraqi security official": 1, "second Iraqi security official": 1,
			"three commanders of larger, publicly active pro-Iranian militia groups": 3,
			"Iraqi government official": 1, "Western diplomat": 1, "Western military source": 1,
		}
		got := map[string]int{}
		for _, s := range ev.Sources {
			got[s.Text] = s.Count
			wantKind := news.SrcAnonymous
			if s.Text == "Reuters" {
				wantKind = news.SrcOutlet
			}
			if s.Kind != wantKind {
				t.Errorf("tagger %v: source %q is %s, want %s", tagger, s.Text, s.Kind, wantKind)
			}
		}
		if len(got) != len(want) {
			t.Errorf("tagger %v: sources %v, want %v", tagger, got, want)
		}
		for k, n := range want {
			if got[k] != n {
				t.Errorf("tagger %v: source %q count %d, want %d", tagger, k, got[k], n)
			}
		}
		if ev.Corroboration != 8 {
			t.Errorf("tagger %v: corroboration %d, want 8 (the outlet relays, it is not a ninth source)", tagger, ev.Corroboration)
		}
		// The other events keep their own sources: the training rests on
		// the Iraqi security officials alone.
		for _, e := range x.Extract(a) {
			if e.Subtype == SubTraining && (len(e.Sources) != 1 || e.Sources[0].Text != "Iraqi security officials") {
				t.Errorf("tagger %v: training sources %+v", tagger, e.Sources)
			}
		}
	}
}

func TestNewGroupsSubject(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"“The new factions are linked directly to the Iranian Revolutionary Guards Corps,” an Iraqi security official said.", true},
		{"“The new groups work in secret,” one of the officials said.", true},
		{"These new elite cells answer to Tehran.", true},
		{"The new covert groups were trained last year.", true},
		{"The new government said it would talk.", false},
		{"The new, larger groups met.", false},
		{"New groups appeared.", false},
		{"They said the new groups were behind attacks.", false},
		{"The", false},
	} {
		if got := newGroupsSubject(c.text); got != c.want {
			t.Errorf("newGroupsSubject(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestCorroboration(t *testing.T) {
	for _, c := range []struct {
		name string
		srcs []news.Source
		want int
	}{
		{"none", nil, 0},
		{"outlet alone", []news.Source{{Kind: news.SrcOutlet, Text: "Reuters", Count: 1}}, 1},
		{"outlet relays", []news.Source{{Kind: news.SrcOutlet, Text: "Reuters", Count: 1}, {Kind: news.SrcAnonymous, Text: "three commanders", Count: 3}}, 3},
		{"no count is one", []news.Source{{Kind: news.SrcPerson, Text: "Zelensky"}, {Kind: news.SrcAnonymous, Text: "officials", Count: 2}}, 3},
	} {
		if got := Corroboration(c.srcs); got != c.want {
			t.Errorf("%s: Corroboration = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestSameDescribed(t *testing.T) {
	anon := func(text, role, party string, n int) news.Source {
		return news.Source{Kind: news.SrcAnonymous, Text: text, Role: role, Party: party, Count: n}
	}
	in := []news.Source{
		anon("Iraqi security official", "security official", "Iraqi", 1),
		anon("second Iraqi security official", "security official", "Iraqi", 1),
		anon("Iraqi government official", "government official", "Iraqi", 1),
		anon("government official", "government official", "", 1),
		anon("Iraqi security officials", "security official", "Iraqi", 1),
		anon("Western diplomat", "diplomat", "Western", 1),
		anon("diplomats", "diplomat", "", 2),
	}
	var got []string
	for _, s := range sameDescribed(in) {
		got = append(got, s.Text)
	}
	want := []string{"Iraqi security official", "second Iraqi security official", "Iraqi government official", "Western diplomat", "diplomats"}
	if len(got) != len(want) {
		t.Fatalf("sameDescribed = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sameDescribed = %q, want %q", got, want)
		}
	}
}

// TestMarginalClaim: "seen by Iran" read as Iran saying "by" neither
// sources an event nor makes it Iran's claim.
func TestMarginalClaim(t *testing.T) {
	attrs := []news.Attribution{
		{Source: news.Source{Kind: news.SrcOrg, Text: "Iran"}, Content: news.TextSpan{Text: "by", Start: 10, End: 12}},
		{Source: news.Source{Kind: news.SrcOrg, Text: "BLA"}, Content: news.TextSpan{Text: "attacking", Start: 20, End: 29}},
	}
	got := claims(attrs)
	if len(got) != 1 || got[0].Source.Text != "BLA" {
		t.Errorf("claims = %+v, want the BLA claim only", got)
	}
}

// marginalRef is the plain statement of marginal: every word of the
// lower-cased content is an empty word.
func marginalRef(at news.Attribution) bool {
	if at.Content.End <= at.Content.Start {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(at.Content.Text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !emptyWords[w] {
			return false
		}
	}
	return true
}

func FuzzMarginal(f *testing.F) {
	for _, s := range []string{"by", "seen by", "The attack", "İt by", "WITH FROM", "with-them", "a\xffthe", "ＢＹ", "", "12 of"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		at := news.Attribution{Content: news.TextSpan{Start: 0, End: len(text) + 1, Text: text}}
		if got, want := marginal(at), marginalRef(at); got != want {
			t.Fatalf("marginal(%q) = %v, want %v", text, got, want)
		}
	})
}

func TestSameMention(t *testing.T) {
	tests := []struct {
		claim, clause string
		want          bool
	}{
		{"Russia’s defense ministry", "the country's defense ministry", true},
		{"Iraqi security officials", "The Iraqi security officials", true},
		{"Western diplomatic and military sources", "The Iraqi security officials and the Western sources", false},
		{"three commanders of pro-Iranian militia groups", "Iran", false},
		{"Western sources", "Iraqi security officials", false},
		{"Western sources", "the Iraqi security officials and the Western sources", false},
		{"Iraqi security officials", "the Iraqi security officials and the Western sources", true},
	}
	for _, tt := range tests {
		if got := sameMention(tt.claim, tt.clause); got != tt.want {
			t.Errorf("sameMention(%q, %q) = %v, want %v", tt.claim, tt.clause, got, tt.want)
		}
	}
}
