package attribution

import (
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/demo"
	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

// TestGivenTokens: reading the nlp stage's sentences and tokens gives the
// same attributions as tokenising the text again, on the seed articles and
// the bundled VOA stories; tokens that do not fit the text are ignored.
func TestGivenTokens(t *testing.T) {
	var texts []string
	if b, err := os.ReadFile("../../clean/testdata/seed-asharq-2articles.txt"); err == nil {
		texts = append(texts, string(b))
	}
	stories, err := demo.Stories()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		texts = append(texts, s.Text)
	}
	if len(texts) < 50 {
		t.Fatalf("%d texts", len(texts))
	}
	x := New(Options{})
	pub := time.Date(2025, 3, 20, 0, 0, 0, 0, time.UTC)
	for i, text := range texts {
		sents, toks := nlp.Spans(nlp.TokenizeSentences(text))
		want := x.Extract(text, pub)
		if got := x.extract(text, pub, sents, toks); !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d: with given tokens %d attributions, want %d", i, len(got), len(want))
		}
		// tokens of another text are not read
		bad := []news.Span{{Start: 0, End: len(text) + 5}}
		if got := x.extract(text, pub, []news.Span{{Start: 0, End: len(text)}}, bad); !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d: tokens outside the text were read", i)
		}
	}
}
