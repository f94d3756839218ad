package nlp

import (
	"context"
	"errors"
	"fmt"

	"github.com/sitrep-osint/sitrep/news"
)

// Entities finds the named entities of an article's text, with byte
// offsets: PER, ORG, LOC, MISC from the model, refined into GPE, FAC and
// NORP, plus WEAPON, QUANTITY and DATE from rules.
func (m *Model) Entities(text string) []news.Entity {
	return m.entities(text, TokenizeSentences(text))
}

func (m *Model) entities(text string, sents [][]Token) []news.Entity {
	words := make([][]string, len(sents))
	flat := make([]string, 0, 64)
	for _, s := range sents {
		for _, t := range s {
			flat = append(flat, t.Text)
		}
	}
	k := 0
	for i, s := range sents {
		words[i] = flat[k : k+len(s) : k+len(s)]
		k += len(s)
	}
	tags := m.tagDocument(words)
	var out []news.Entity
	for i, s := range sents {
		out = m.rules.apply(m, text, s, tags[i], out)
	}
	return out
}

// Stage is the pipeline stage that splits an article into sentences and
// finds its entities. It is safe for concurrent use.
type Stage struct {
	m *Model
}

// NewStage returns the nlp stage over model m (see Load).
func NewStage(m *Model) *Stage { return &Stage{m: m} }

// Name returns "nlp".
func (s *Stage) Name() string { return "nlp" }

// errNoModel reports a stage built without a model.
var errNoModel = errors.New("nlp: no model")

// Process fills a.Sentences and a.Entities from a.Text, replacing what was
// there.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.m == nil {
		return errNoModel
	}
	if a == nil {
		return fmt.Errorf("nlp: nil article")
	}
	sents := TokenizeSentences(a.Text)
	a.Sentences = make([]news.Span, len(sents))
	for i, st := range sents {
		a.Sentences[i] = news.Span{Start: st[0].Start, End: st[len(st)-1].End}
	}
	a.Entities = s.m.entities(a.Text, sents)
	return nil
}
