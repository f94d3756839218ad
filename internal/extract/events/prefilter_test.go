package events

import (
	"testing"

	"github.com/sitrep-osint/sitrep/internal/nlp"
)

// mayTrigger must never reject a text one of whose tokens is a trigger
// word: it only saves the tokenising of sentences that hold none.
func checkMayTrigger(t *testing.T, text string) {
	if mayTrigger(text) {
		return
	}
	for _, tok := range nlp.Tokenize(text) {
		if _, ok := triggers[normTok(tok.Text)]; ok {
			t.Fatalf("mayTrigger(%q) = false, but token %q is a trigger word", text, tok.Text)
		}
	}
}

func TestMayTrigger(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The minister said on Monday that talks would go on.", true}, // "talks"
		{"Prices rose by 3.2% in the second quarter.", false},
		{"A GUN-BATTLE ERUPTED NEAR THE BORDER", true},
		{"Fighters’ sit-in outside the ministry", true},
		{"Russia’s economy grew.", false},
		{"", false},
	} {
		if got := mayTrigger(tc.text); got != tc.want {
			t.Errorf("mayTrigger(%q) = %v, want %v", tc.text, got, tc.want)
		}
		checkMayTrigger(t, tc.text)
	}
	for _, a := range seedArticles(t) {
		for _, ts := range nlp.TokenizeSentences(a.Text) {
			checkMayTrigger(t, a.Text[ts[0].Start:ts[len(ts)-1].End])
		}
	}
}

func FuzzMayTrigger(f *testing.F) {
	for _, s := range []string{"They attacked the base.", "gun-battle", "Cease-fire", "nothing here", "ATTACKS."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkMayTrigger(t, s) })
}
