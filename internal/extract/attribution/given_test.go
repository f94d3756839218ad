package attribution

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

// TestGivenTokens: reading the nlp stage's sentences and tokens gives the
// same attributions as tokenising the text again, on the seed articles and
// the bundled VOA stories; tokens that do not fit the text are ignored.
func TestGivenTokens(t *testing.T) {
	var texts []string
	if b, err := os.ReadFile("testdata/seed.txt"); err == nil {
		texts = append(texts, string(b))
	}
	f, err := os.Open("../../demo/voa_stories.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<22), 1<<22)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	if len(texts) < 50 {
		t.Fatalf("%d texts", len(texts))
	}
	x := New(Options{})
	pub := time.Date(2025, 3, 20, 0, 0, 0, 0, time.UTC)
	for i, text := range texts {
		sents, toks := spansOf(nlp.TokenizeSentences(text))
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

func spansOf(sents [][]nlp.Token) (ss, ts []news.Span) {
	for _, s := range sents {
		ss = append(ss, news.Span{Start: s[0].Start, End: s[len(s)-1].End})
		for _, t := range s {
			ts = append(ts, news.Span{Start: t.Start, End: t.End})
		}
	}
	return ss, ts
}
