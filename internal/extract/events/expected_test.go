package events

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
	"github.com/sitrep-osint/sitrep/news"
)

// want is one event of ../shared/eval/seed-expected.md: the fields an
// analyst checks. Empty fields are not checked.
type want struct {
	sub      string
	actor1   string
	actor2   string
	place    string
	date     string // value[..end]/precision
	qty      map[string]float64
	weapon   string
	modality string
	status   string
	role     string         // role=name
	evidence string         // a phrase of the evidence sentence
	sources  map[string]int // source text → count, all of them
	corrob   int
}

func dateOf(ev news.Event) string {
	if ev.Date == nil {
		return ""
	}
	if ev.Date.End != "" {
		return ev.Date.Value + ".." + ev.Date.End + "/" + ev.Date.Precision
	}
	return ev.Date.Value + "/" + ev.Date.Precision
}

func matches(ev news.Event, w want) bool {
	if ev.Subtype != w.sub {
		return false
	}
	if w.evidence != "" && !strings.Contains(ev.Evidence.Text, w.evidence) {
		return false
	}
	return true
}

// TestSeedExpected holds every event of seed-expected.md with its
// sub-type, actors, numbers, date and modality, and checks that nothing
// is invented: every event found is one of the expected ones or one of the
// known extra events a careful analyst would also code.
func TestSeedExpected(t *testing.T) {
	x, _ := New(Options{})
	arts := seedArticles(t)
	wants := [][]want{{
		{sub: SubGroup, actor1: "Quds Force", modality: news.ModReported, evidence: "hand picked hundreds",
			// Eight anonymous sources, relayed from Reuters.
			sources: map[string]int{"Reuters": 1, "Iraqi security official": 1, "second Iraqi security official": 1,
				"three commanders of larger, publicly active pro-Iranian militia groups": 3,
				"Iraqi government official": 1, "Western diplomat": 1, "Western military source": 1},
			corrob: 8},
		{sub: SubTraining, role: "trainer=Islamic Revolutionary Guard Corps", place: "Lebanon", date: "2020/year", qty: map[string]float64{"fighters": 250}, modality: news.ModReported, evidence: "were trained last year"},
		{sub: SubAirDrone, actor2: "United States military forces", place: "Ain al-Asad air base", date: "2021-05/month", weapon: "drones laden with explosives", qty: map[string]float64{"killed": 0}, modality: news.ModReported, evidence: "Ain al-Asad"},
		{sub: SubAirDrone, place: "Erbil International Airport", date: "2021-04/month", weapon: "drones laden with explosives", modality: news.ModReported, evidence: "Erbil International Airport"},
		{sub: SubAirDrone, actor2: "Saudi Arabia", date: "2021-01/month", weapon: "drones laden with explosives", modality: news.ModReported, evidence: "Saudi Arabia"},
		{sub: SubAirDrone, actor1: "United States", actor2: "Qassem Soleimani", date: "2020/year", modality: news.ModHistorical, evidence: "Soleimani"},
		{sub: SubPeaceful, date: "2019/year", modality: news.ModHistorical, evidence: "mass demonstrations"},
		{sub: SubGroup, actor1: "Iran", date: "2005..2007/year", modality: news.ModHistorical, evidence: "2005-2007"},
	}, {
		{sub: SubProduction, actor1: "Ukraine", qty: map[string]float64{"share": 40}, modality: news.ModReported, evidence: "almost 40%"},
		{sub: SubProduction, actor1: "Ukraine", qty: map[string]float64{"share": 50}, date: "2026-01/month", modality: news.ModPlanned, evidence: "within six months"},
		{sub: SubArms, actor2: "Ukraine", weapon: "Patriot", status: "diverted", date: "2027..2028/year", qty: map[string]float64{"systems": 5}, role: "recipient=Ukraine", modality: news.ModReported, evidence: "diverting a Swiss order"},
		{sub: SubDisrupted, actor1: "Russia military forces", actor2: "Ukraine", place: "Bryansk", date: "2025-07-17/day", qty: map[string]float64{"intercepted": 122}, modality: news.ModClaimed, evidence: "shot down 122"},
		{sub: SubAirDrone, actor1: "Russia", actor2: "Ukraine", place: "Dnipropetrovsk region", date: "2025-07-17/day", qty: map[string]float64{"launched": 64, "killed": 1}, weapon: "Shahed and decoy drones", modality: news.ModReported, evidence: "64 Shahed"},
		{sub: SubExchange, actor1: "Russia", actor2: "Ukraine", date: "2025-07-17/day", qty: map[string]float64{"bodies": 1000, "received": 19}, evidence: "1,000 bodies"},
		{sub: SubMeeting, actor1: "Ukraine Defense Contact Group", date: "2025-07-21/day", modality: news.ModPlanned, role: "chair=John Healey", evidence: "chair a meeting"},
		{sub: SubArms, status: "pledged", role: "funder=Germany", evidence: "funding from allies"},
	}}
	// Events beyond seed-expected.md that are right and may be found.
	extra := [][]want{{
		{sub: SubIED, evidence: "roadside bomb attacks"},
	}, {
		{sub: SubAirDrone, evidence: "pounds Ukrainian cities"},
		{sub: SubArms, evidence: "promised US-made weapons"},
		{sub: SubArms, evidence: "weapons transfers to Ukraine"},
	}}
	ax := attribution.NewStage(attribution.New(attribution.Options{}))
	for i, a := range arts {
		// The attribution stage runs first, as in the pipeline: events
		// take their sources from its claims.
		if err := ax.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		evs := x.Extract(a)
		used := make([]bool, len(evs))
		for _, w := range wants[i] {
			found := false
			for j, ev := range evs {
				if used[j] || !matches(ev, w) {
					continue
				}
				found = true
				used[j] = true
				check(t, ev, w)
				break
			}
			if !found {
				t.Errorf("article %d: no %s event with %q", i+1, w.sub, w.evidence)
			}
		}
		for j, ev := range evs {
			if used[j] {
				continue
			}
			ok := false
			for _, w := range extra[i] {
				if matches(ev, w) {
					ok = true
				}
			}
			if !ok {
				t.Errorf("article %d: unexpected %s event in %q", i+1, ev.Subtype, ev.Evidence.Text)
			}
		}
	}
}

func check(t *testing.T, ev news.Event, w want) {
	t.Helper()
	tag := w.sub + " (" + w.evidence + ")"
	if w.actor1 != "" && name(ev.Actor1) != w.actor1 {
		t.Errorf("%s: actor1 %q, want %q", tag, name(ev.Actor1), w.actor1)
	}
	if w.actor2 != "" && name(ev.Actor2) != w.actor2 {
		t.Errorf("%s: actor2 %q, want %q", tag, name(ev.Actor2), w.actor2)
	}
	if w.place != "" && (ev.Place == nil || ev.Place.Name != w.place) {
		t.Errorf("%s: place %+v, want %q", tag, ev.Place, w.place)
	}
	if w.date != "" && dateOf(ev) != w.date {
		t.Errorf("%s: date %q, want %q", tag, dateOf(ev), w.date)
	}
	for k, v := range w.qty {
		if got, ok := ev.Quantities[k]; !ok || got != v {
			t.Errorf("%s: %s = %v (present %v), want %v", tag, k, got, ok, v)
		}
	}
	if w.weapon != "" && ev.Weapon != w.weapon {
		t.Errorf("%s: weapon %q, want %q", tag, ev.Weapon, w.weapon)
	}
	if w.modality != "" && ev.Modality != w.modality {
		t.Errorf("%s: modality %q, want %q", tag, ev.Modality, w.modality)
	}
	if w.status != "" && ev.Status != w.status {
		t.Errorf("%s: status %q, want %q", tag, ev.Status, w.status)
	}
	if w.sources != nil {
		got := map[string]int{}
		for _, s := range ev.Sources {
			got[s.Text] = s.Count
		}
		if len(got) != len(w.sources) {
			t.Errorf("%s: sources %v, want %v", tag, got, w.sources)
		}
		for k, n := range w.sources {
			if got[k] != n {
				t.Errorf("%s: source %q count %d, want %d", tag, k, got[k], n)
			}
		}
	}
	if w.corrob != 0 && ev.Corroboration != w.corrob {
		t.Errorf("%s: corroboration %d, want %d", tag, ev.Corroboration, w.corrob)
	}
	if w.role != "" {
		r, n, _ := strings.Cut(w.role, "=")
		ok := false
		for _, a := range ev.Roles[r] {
			if a.Name == n {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: role %s = %v, want %q among them", tag, r, ev.Roles[r], n)
		}
	}
}
