package events

import (
	"reflect"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/demo"
	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

// TestGivenTokens: reading the nlp stage's tokens (a.Tokens) gives the
// same events as tokenising each sentence again, on the bundled VOA
// stories.
func TestGivenTokens(t *testing.T) {
	stories, err := demo.Stories()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range stories {
		a := news.Article{ID: in.ID, Text: in.Text, Published: thu}
		a.Sentences, a.Tokens = nlp.Spans(nlp.TokenizeSentences(a.Text))
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
