package nlp

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/news"
)

// Entities finds the named entities of an article's text, with byte
// offsets: PER, ORG, LOC, MISC from the model, refined into GPE, FAC and
// NORP, plus WEAPON, QUANTITY and DATE from rules.
func (m *Model) Entities(text string) []news.Entity {
	return m.entities(text, TokenizeSentences(text))
}

func (m *Model) entities(text string, sents [][]Token) []news.Entity {
	b := docPool.Get().(*docBuf)
	defer b.release()
	total := 0
	for _, s := range sents {
		total += len(s)
	}
	b.words = grow(b.words, total)
	b.wsents = grow(b.wsents, len(sents))
	k := 0
	for i, s := range sents {
		w := b.words[k : k+len(s) : k+len(s)]
		for j, t := range s {
			w[j] = t.Text
		}
		b.wsents[i] = w
		k += len(s)
	}
	tags := m.tagDocumentBuf(b.wsents, b)
	var out []news.Entity
	for i, s := range sents {
		out = m.rules.apply(m, text, s, tags[i], out, &b.rules)
	}
	// the pooled buffers must not keep the article's text alive
	clear(b.words[:cap(b.words)])
	clear(b.rules.lw[:cap(b.rules.lw)])
	clear(b.wsents[:cap(b.wsents)])
	return out
}

// Spans returns the byte ranges of tokenised sentences and of their
// tokens, in order: what the nlp stage leaves in news.Article's Sentences
// and Tokens for later stages.
func Spans(sents [][]Token) (sentences, tokens []news.Span) {
	sentences = make([]news.Span, len(sents))
	n := 0
	for i, st := range sents {
		sentences[i] = news.Span{Start: st[0].Start, End: st[len(st)-1].End}
		n += len(st)
	}
	tokens = make([]news.Span, 0, n)
	for _, st := range sents {
		for _, t := range st {
			tokens = append(tokens, news.Span{Start: t.Start, End: t.End})
		}
	}
	return sentences, tokens
}

// SpansFit reports whether sentences and tokens, as Spans makes them, fit
// text: valid UTF-8, sentences in order and inside it, tokens in order and
// each inside a sentence. Later stages read such spans instead of
// tokenising again, and tokenise themselves when they do not fit.
func SpansFit(text string, sentences, tokens []news.Span) bool {
	if len(sentences) == 0 || len(tokens) == 0 || !utf8.ValidString(text) {
		return false
	}
	prev, k := 0, 0
	for _, sp := range sentences {
		if sp.Start < prev || sp.End > len(text) || sp.Start >= sp.End {
			return false
		}
		for ; k < len(tokens) && tokens[k].Start < sp.End; k++ {
			t := tokens[k]
			if t.Start < sp.Start || t.End > sp.End || t.Start >= t.End || k > 0 && t.Start < tokens[k-1].End {
				return false
			}
		}
		prev = sp.End
	}
	return k == len(tokens)
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

var tokPool = sync.Pool{New: func() any { return new(tokBuf) }}

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
	tb := tokPool.Get().(*tokBuf)
	defer func() {
		tb.reset()
		if cap(tb.toks) <= 1<<16 {
			tokPool.Put(tb)
		}
	}()
	sents := tb.tokenizeSentences(a.Text)
	a.Sentences, a.Tokens = Spans(sents)
	a.Entities = s.m.entities(a.Text, sents)
	return nil
}
