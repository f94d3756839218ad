package attribution

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// seedArticles splits the seed page text into its two article bodies, each
// starting after the last repetition of its title.
func seedArticles(t testing.TB) (string, string) {
	t.Helper()
	b, err := os.ReadFile("../../clean/testdata/seed-asharq-2articles.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	const t1 = "Iran Grows New Loyalist Iraqi Militias"
	const t2 = "Ukraine to Boost Domestic Arms Production to Counter Russia's Invasion, Says Zelensky"
	i2 := strings.Index(s, t2)
	a1, a2 := s[:i2], s[i2:]
	a1 = a1[strings.LastIndex(a1, t1)+len(t1):]
	a2 = a2[strings.LastIndex(a2, t2)+len(t2):]
	return a1, a2
}

type want struct {
	text  string // the source mention as written
	kind  string
	count int
	rel   string
	name  string // Source.Text when it differs from the mention
	role  string
	party string
}

func find(attrs []news.Attribution, text string, w want) (news.Attribution, bool) {
	for _, a := range attrs {
		if text[a.Source.Start:a.Source.End] != w.text {
			continue
		}
		if w.rel != "" && a.Relation != w.rel {
			continue
		}
		return a, true
	}
	return news.Attribution{}, false
}

func check(t *testing.T, attrs []news.Attribution, text string, wants []want) {
	t.Helper()
	for _, w := range wants {
		a, ok := find(attrs, text, w)
		if !ok {
			t.Errorf("no attribution with source %q (%s)", w.text, w.rel)
			continue
		}
		s := a.Source
		if s.Kind != w.kind {
			t.Errorf("%q: kind %q, want %q", w.text, s.Kind, w.kind)
		}
		if w.count != 0 && s.Count != w.count {
			t.Errorf("%q: count %d, want %d", w.text, s.Count, w.count)
		}
		if w.name != "" && s.Text != w.name {
			t.Errorf("%q: text %q, want %q", w.text, s.Text, w.name)
		}
		if w.role != "" && s.Role != w.role {
			t.Errorf("%q: role %q, want %q", w.text, s.Role, w.role)
		}
		if w.party != "" && s.Party != w.party {
			t.Errorf("%q: party %q, want %q", w.text, s.Party, w.party)
		}
	}
}

func TestSeedArticle1(t *testing.T) {
	a1, _ := seedArticles(t)
	attrs := New(Options{}).Extract(a1, time.Date(2021, 5, 21, 0, 0, 0, 0, time.UTC))
	check(t, attrs, a1, []want{
		{text: "Reuters", kind: news.SrcOutlet, count: 1, rel: RelAssert},
		// the eight anonymous sources behind the new groups
		{text: "an Iraqi security official", kind: news.SrcAnonymous, count: 1, rel: RelAssert, role: "security official", party: "Iraqi"},
		{text: "a second Iraqi security official", kind: news.SrcAnonymous, count: 1, rel: RelConfirm},
		{text: "three commanders of larger, publicly active pro-Iranian militia groups", kind: news.SrcAnonymous, count: 3, rel: RelConfirm, role: "commander"},
		{text: "an Iraqi government official", kind: news.SrcAnonymous, count: 1, rel: RelConfirm},
		{text: "a Western diplomat", kind: news.SrcAnonymous, count: 1, rel: RelConfirm, role: "diplomat", party: "Western"},
		{text: "a Western military source", kind: news.SrcAnonymous, count: 1, rel: RelConfirm},
		// followed across sentences
		{text: "The Iraqi security officials", kind: news.SrcAnonymous, count: 2, name: "Iraqi security officials"},
		{text: "one of the Iraqi security officials", kind: news.SrcAnonymous, count: 1},
		{text: "one of the pro-Iran militia commanders", kind: news.SrcAnonymous, count: 1},
		{text: "the three militia commanders", kind: news.SrcAnonymous, count: 3},
		{text: "the Iraqi government official", kind: news.SrcAnonymous, count: 1, name: "Iraqi government official"},
		{text: "one", kind: news.SrcAnonymous, count: 1, name: "three commanders of larger, publicly active pro-Iranian militia groups"},
		{text: "General Kenneth McKenzie, head of US Central Command", kind: news.SrcPerson, count: 1, name: "Kenneth McKenzie", role: "head of US Central Command"},
		// refusals
		{text: "Iranian officials", kind: news.SrcNoComment, count: 2, rel: RelNoComment},
		{text: "representatives of the Iraqi government", kind: news.SrcNoComment, rel: RelNoComment, party: "Iraqi government"},
		{text: "the pro-Iran militia", kind: news.SrcNoComment, rel: RelNoComment},
		{text: "the US military", kind: news.SrcNoComment, rel: RelNoComment, party: "US military"},
		{text: "The US Department of State", kind: news.SrcNoComment, rel: RelNoComment, party: "US Department of State"},
	})
	// The account the five confirm is the first official's quote, and all
	// eight sources stand behind it.
	q := strings.Index(a1, "“The new factions")
	srcs := Sources(attrs, news.Span{Start: q, End: q + 20})
	if n := Corroboration(srcs); n != 8 {
		t.Errorf("sources behind the new factions quote: %d, want 8: %+v", n, srcs)
	}
	// McKenzie's claim
	m, _ := find(attrs, a1, want{text: "General Kenneth McKenzie, head of US Central Command"})
	if !strings.Contains(m.Content.Text, "significant achievements") || m.Cue.Text != "said" {
		t.Errorf("McKenzie: cue %q content %q", m.Cue.Text, m.Content.Text)
	}
	golden(t, "seed1.golden", a1, attrs)
}

func TestSeedArticle2(t *testing.T) {
	_, a2 := seedArticles(t)
	attrs := New(Options{}).Extract(a2, time.Date(2025, 7, 17, 0, 0, 0, 0, time.UTC))
	check(t, attrs, a2, []want{
		{text: "Ukrainian President Volodymyr Zelensky", kind: news.SrcPerson, name: "Volodymyr Zelensky", role: "Ukrainian President"},
		{text: "Zelensky", kind: news.SrcPerson, name: "Volodymyr Zelensky"},
		{text: "The Swiss Defense Ministry", kind: news.SrcOrg, party: "Switzerland"},
		{text: "the country’s defense ministry", kind: news.SrcOrg, party: "Russia", name: "Russia’s defense ministry"},
		{text: "the Ukrainian air force", kind: news.SrcOrg, party: "Ukraine"},
		{text: "the Ukrainian Coordination Headquarters for the Treatment of Prisoners of War", kind: news.SrcOrg},
		{text: "Russian presidential aide Vladimir Medinsky", kind: news.SrcPerson, name: "Vladimir Medinsky", role: "Russian presidential aide"},
		{text: "Rutte, the NATO chief", kind: news.SrcPerson, name: "Rutte", role: "NATO chief"},
		{text: "The AP news", kind: news.SrcOutlet},
		{text: "The US Ambassador to NATO, Matthew Whitaker", kind: news.SrcPerson, name: "Matthew Whitaker"},
		{text: "officials", kind: news.SrcAnonymous, count: 2},
	})
	// pronouns resolve to the person named before
	for _, a := range attrs {
		if a2[a.Source.Start:a.Source.End] == "he" && a.Source.Text != "Matthew Whitaker" {
			t.Errorf("%q resolved to %q", a.Cue.Text, a.Source.Text)
		}
	}
	// the 122 drones are claimed by the defence ministry
	at := strings.Index(a2, "shot down 122")
	srcs := Sources(attrs, news.Span{Start: at, End: at + 13})
	if len(srcs) != 1 || srcs[0].Party != "Russia" {
		t.Errorf("sources of the 122 drones: %+v", srcs)
	}
	golden(t, "seed2.golden", a2, attrs)
}

// golden compares a readable listing of attrs with testdata/name.
func golden(t *testing.T, name, text string, attrs []news.Attribution) {
	t.Helper()
	var b strings.Builder
	for _, a := range attrs {
		fmt.Fprintf(&b, "%s\t%s\tn=%d\t%q\trole=%q\tparty=%q\tmention=%q\n\tcue=%q\n\tcontent=%q\n",
			a.Relation, a.Source.Kind, a.Source.Count, a.Source.Text, a.Source.Role, a.Source.Party,
			text[a.Source.Start:a.Source.End], a.Cue.Text, a.Content.Text)
	}
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	w, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(w) != b.String() {
		t.Errorf("%s differs; run go test -update and review the diff:\n%s", path, b.String())
	}
}
