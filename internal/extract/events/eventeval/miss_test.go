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
		if gold == "" {
			continue
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
