package events

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// seedArticles splits the seed page text into its two articles by their
// titles, dropping the repeated headline, caption and widget lines, as the
// cleaner would.
func seedArticles(t testing.TB) []*news.Article {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "clean", "testdata", "seed-asharq-2articles.txt"))
	if err != nil {
		t.Fatal(err)
	}
	titles := []string{
		"Iran Grows New Loyalist Iraqi Militias",
		"Ukraine to Boost Domestic Arms Production to Counter Russia's Invasion, Says Zelensky",
	}
	pubs := []time.Time{
		time.Date(2021, 5, 21, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 7, 17, 0, 0, 0, 0, time.UTC),
	}
	text := string(raw)
	second := strings.Index(text, titles[1])
	parts := []string{text[:second], text[second:]}
	var out []*news.Article
	for i, p := range parts {
		var paras []string
		seen := map[string]bool{}
		for _, para := range strings.Split(p, "\n\n") {
			para = strings.TrimSpace(para)
			if para == "" || para == titles[i] || seen[para] {
				continue
			}
			// Captions and widget lines are short and carry no sentence end.
			if !(strings.HasSuffix(para, ".") || strings.HasSuffix(para, "”") || strings.HasSuffix(para, "\"")) || strings.Contains(para, "(Asharq Al-Awsat)") || strings.Contains(para, "File Photo") {
				continue
			}
			seen[para] = true
			paras = append(paras, para)
		}
		out = append(out, &news.Article{
			ID: titles[i], Title: titles[i], Published: pubs[i], Source: "Asharq Al-Awsat",
			Language: "en", Text: strings.Join(paras, "\n\n"),
		})
	}
	return out
}

// brief is an event as the golden file holds it: what an analyst checks.
type brief struct {
	Subtype  string              `json:"subtype"`
	Actor1   string              `json:"actor1,omitempty"`
	Actor2   string              `json:"actor2,omitempty"`
	Assoc    []string            `json:"assoc,omitempty"`
	Roles    map[string][]string `json:"roles,omitempty"`
	Place    string              `json:"place,omitempty"`
	Date     string              `json:"date,omitempty"`
	Qty      map[string]float64  `json:"quantities,omitempty"`
	Weapon   string              `json:"weapon,omitempty"`
	Modality string              `json:"modality"`
	Status   string              `json:"status,omitempty"`
	Sources  []string            `json:"sources,omitempty"`
	Evidence string              `json:"evidence"`
}

func briefOf(ev news.Event) brief {
	b := brief{Subtype: ev.Subtype, Weapon: ev.Weapon, Modality: ev.Modality, Status: ev.Status, Qty: ev.Quantities}
	if ev.Actor1 != nil {
		b.Actor1 = ev.Actor1.Name
	}
	if ev.Actor2 != nil {
		b.Actor2 = ev.Actor2.Name
	}
	for _, a := range ev.AssocActors {
		b.Assoc = append(b.Assoc, a.Name)
	}
	for r, refs := range ev.Roles {
		if b.Roles == nil {
			b.Roles = map[string][]string{}
		}
		for _, a := range refs {
			b.Roles[r] = append(b.Roles[r], a.Name)
		}
	}
	if ev.Place != nil {
		b.Place = ev.Place.Name
	}
	if ev.Date != nil {
		b.Date = ev.Date.Value + "/" + ev.Date.Precision
		if ev.Date.End != "" {
			b.Date = ev.Date.Value + ".." + ev.Date.End + "/" + ev.Date.Precision
		}
	}
	for _, s := range ev.Sources {
		b.Sources = append(b.Sources, s.Text)
	}
	b.Evidence = ev.Evidence.Text
	if len(b.Evidence) > 80 {
		b.Evidence = b.Evidence[:80]
	}
	return b
}

func TestSeedGolden(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all [][]brief
	for _, a := range seedArticles(t) {
		var bs []brief
		for _, ev := range x.Extract(a) {
			if ev.Evidence.Text != a.Text[ev.Evidence.Start:ev.Evidence.End] {
				t.Errorf("evidence offsets %d-%d do not cover %q", ev.Evidence.Start, ev.Evidence.End, ev.Evidence.Text)
			}
			bs = append(bs, briefOf(ev))
		}
		all = append(all, bs)
	}
	got, _ := json.MarshalIndent(all, "", "  ")
	golden := filepath.Join("testdata", "seed.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
		t.Errorf("events differ from %s (run go test -update and review the diff)", golden)
	}
}
