package attribution

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// TestLexiconPrecision prints, for each cue word the patterns use, how
// often its cues match a gold cue on a PolNeAR split (ATTR_POLNEAR).
func TestLexiconPrecision(t *testing.T) {
	dir := os.Getenv("ATTR_LEXSTAT")
	if dir == "" {
		t.Skip("ATTR_LEXSTAT not set")
	}
	gold := loadGold(t, dir)
	x := New(Options{NoTagger: true})
	hit, all := map[string]int{}, map[string]int{}
	for _, g := range gold {
		for _, a := range x.Extract(g.Text, time.Time{}) {
			if a.Relation == RelCaveat {
				continue
			}
			w := strings.ToLower(a.Cue.Text)
			if i := strings.LastIndexByte(w, ' '); i >= 0 && !strings.HasPrefix(w, "according") {
				w = w[i+1:]
			}
			all[w]++
			c := news.Span{Start: a.Cue.Start, End: a.Cue.End}
			for _, gc := range g.Cues {
				if gc.Overlaps(c) {
					hit[w]++
					break
				}
			}
		}
	}
	var ws []string
	for w := range all {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool { return all[ws[i]]-hit[ws[i]] > all[ws[j]]-hit[ws[j]] })
	for _, w := range ws {
		if all[w]-hit[w] >= 3 {
			fmt.Printf("%-20s %4d/%4d %.2f\n", w, hit[w], all[w], float64(hit[w])/float64(all[w]))
		}
	}
}
