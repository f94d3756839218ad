package eventeval

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/extract/events"
	"github.com/sitrep-osint/sitrep/news"
)

func TestPloverMisses(t *testing.T) {
	if os.Getenv("MISSES") == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile("/work/shared/data/events/plover/PLOVER_GSR_CAMEO.json")
	var recs []ploverRecord
	json.Unmarshal(raw, &recs)
	x, _ := events.New(events.Options{})
	for _, r := range recs {
		gold := PloverSubtype(r.Event, r.Mode)
		if gold == "" || r.Event == "AGREE" && !mutualAgreement(r.Text) {
			continue
		}
		if r.Event == "FIGHT" && r.Mode == "heavy-weapons" {
			gold = heavyWeapons(r.Text)
		}
		pub, _ := time.Parse("2006-01-02", r.Date)
		evs := x.Extract(&news.Article{Text: r.Text, Published: pub})
		ok := false
		for _, e := range evs {
			if e.Subtype == gold {
				ok = true
			}
		}
		if !ok {
			fmt.Printf("%s | %v | %s\n", gold, subtypes(evs), r.Text)
		}
	}
}

func TestMUCMisses(t *testing.T) {
	if os.Getenv("MUCMISSES") == "" {
		t.Skip()
	}
	dir := "/work/shared/data/events/muc4/CORPORA/dev"
	ents, _ := os.ReadDir(dir)
	docs := map[string]string{}
	var tmpls []mucTemplate
	for _, e := range ents {
		p := dir + "/" + e.Name()
		if len(e.Name()) > 4 && e.Name()[:4] == "key-" {
			ts, _ := readMUCKeys(p)
			tmpls = append(tmpls, ts...)
		} else {
			readMUCTexts(p, docs)
		}
	}
	x, _ := events.New(events.Options{})
	n := 0
	for _, tm := range tmpls {
		st := MUCSubtype(tm.incident, tm.instrument, tm.humType)
		if st == "" || n > 40 {
			continue
		}
		evs := x.Extract(&news.Article{Text: docs[tm.doc]})
		ok := false
		for _, e := range evs {
			if e.Subtype == st {
				ok = true
			}
		}
		if !ok {
			n++
			txt := docs[tm.doc]
			if len(txt) > 600 {
				txt = txt[:600]
			}
			fmt.Printf("%s | %s | %v\n%s\n\n", tm.doc, st, subtypes(evs), txt)
		}
	}
}

func TestWikiMisses(t *testing.T) {
	if os.Getenv("WIKIMISSES") == "" {
		t.Skip()
	}
	f, _ := os.ReadFile("/work/shared/data/events/wikievents/dev.jsonl")
	x, _ := events.New(events.Options{})
	for _, line := range splitLines(f) {
		var d wikiDoc
		if json.Unmarshal(line, &d) != nil {
			continue
		}
		spans := sentenceSpans(d)
		evs := x.Extract(&news.Article{Text: d.Text, Sentences: spans})
		for _, m := range d.Events {
			gold := WikiSubtype(m.Type)
			if gold == "" {
				continue
			}
			sp := spans[m.Trigger.Sent]
			var got []string
			for _, e := range evs {
				if e.Evidence.Start < sp.End && sp.Start < e.Evidence.End {
					got = append(got, e.Subtype)
				}
			}
			ok := false
			for _, g := range got {
				if g == gold || gold == events.SubIED && g == events.SubSuicide {
					ok = true
				}
			}
			if !ok {
				fmt.Printf("%s | %s | %v | %s\n", gold, m.Trigger.Text, got, d.Text[sp.Start:sp.End])
			}
		}
	}
}

func splitLines(b []byte) [][]byte {
	var out [][]byte
	start := 0
	for i, c := range b {
		if c == '\n' {
			out = append(out, b[start:i])
			start = i + 1
		}
	}
	return out
}

func TestPloverRoles(t *testing.T) {
	if os.Getenv("ROLES") == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile("/work/shared/data/events/plover/PLOVER_GSR_CAMEO.json")
	var recs []ploverRecord
	json.Unmarshal(raw, &recs)
	x, _ := events.New(events.Options{})
	for _, r := range recs {
		gold := PloverSubtype(r.Event, r.Mode)
		if gold == "" {
			continue
		}
		evs := x.Extract(&news.Article{Text: r.Text})
		b := pick(evs, gold)
		a1, a2 := "", ""
		if b != nil {
			a1, a2 = actorText(b.Actor1), actorText(b.Actor2)
		}
		fmt.Printf("%v -> %q | %v -> %q | %s\n", actorTexts(r.Source), a1, actorTexts(r.Target), a2, r.Text)
	}
}

func TestPloverNumbers(t *testing.T) {
	if os.Getenv("NUMS") == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile("/work/shared/data/events/plover/PLOVER_GSR_CAMEO.json")
	var recs []ploverRecord
	json.Unmarshal(raw, &recs)
	x, _ := events.New(events.Options{})
	for _, r := range recs {
		gold := PloverSubtype(r.Event, r.Mode)
		if r.Event == "FIGHT" && r.Mode == "heavy-weapons" {
			gold = heavyWeapons(r.Text)
		}
		d, ok := plCount(r.Dead)
		if !ok {
			continue
		}
		evs := x.Extract(&news.Article{Text: r.Text})
		b := pick(evs, gold)
		if b == nil || b.Quantities["killed"] != d {
			fmt.Printf("dead %v got %+v | %s\n", d, b, r.Text)
		}
	}
}
