package events

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

// TestGivenTokens: reading the nlp stage's tokens (a.Tokens) gives the
// same events as tokenising each sentence again, on the bundled VOA
// stories.
func TestGivenTokens(t *testing.T) {
	f, err := os.Open("../../demo/voa_stories.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<22), 1<<22)
	n := 0
	for sc.Scan() {
		var in struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			t.Fatal(err)
		}
		a := news.Article{ID: in.ID, Text: in.Text, Published: thu}
		for _, s := range nlp.TokenizeSentences(a.Text) {
			a.Sentences = append(a.Sentences, news.Span{Start: s[0].Start, End: s[len(s)-1].End})
			for _, tk := range s {
				a.Tokens = append(a.Tokens, news.Span{Start: tk.Start, End: tk.End})
			}
		}
		with := x.Extract(&a)
		toks := a.Tokens
		a.Tokens = nil
		without := x.Extract(&a)
		if !reflect.DeepEqual(with, without) {
			t.Fatalf("article %s: %d events with the nlp stage's tokens, %d without", a.ID, len(with), len(without))
		}
		a.Tokens = append(toks, news.Span{Start: len(a.Text), End: len(a.Text) + 3}) // does not fit: ignored
		if got := x.Extract(&a); !reflect.DeepEqual(got, without) {
			t.Fatalf("article %s: tokens outside the text were read", a.ID)
		}
		n++
	}
	if n < 50 {
		t.Fatalf("%d stories", n)
	}
}
