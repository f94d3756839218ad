package nlp

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// chunk is an entity in a tag sequence: [start, end) token indices.
type chunk struct {
	typ        string
	start, end int
}

// chunksIOB2 extracts entities from IOB2 (or IOB1) tags with conlleval's
// rules: a chunk starts at B-X, or at I-X after anything but X.
func chunksIOB2(tags []string) []chunk {
	var out []chunk
	cur := -1
	curType := ""
	for i := 0; i <= len(tags); i++ {
		t := "O"
		if i < len(tags) {
			t = tags[i]
		}
		typ, begin := "", false
		if t != "O" && len(t) > 2 {
			typ = t[2:]
			begin = t[0] == 'B' || typ != curType
		}
		if cur >= 0 && (t == "O" || begin) {
			out = append(out, chunk{curType, cur, i})
			cur, curType = -1, ""
		}
		if t != "O" && cur < 0 {
			cur, curType = i, typ
		}
	}
	return out
}

// Score is precision, recall and F1 for one entity type or overall.
type Score struct {
	Type       string
	TP, FP, FN int
	P, R, F1   float64
}

func (s *Score) finish() {
	if s.TP+s.FP > 0 {
		s.P = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.R = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
}

// Scores are entity-level scores, conlleval style: an entity counts only
// when its type and both boundaries match.
type Scores struct {
	Overall Score
	ByType  []Score
}

// scorer accumulates entity matches over sentences.
type scorer struct {
	byType map[string]*Score
}

func (s *scorer) add(gold, pred []string) {
	if s.byType == nil {
		s.byType = map[string]*Score{}
	}
	get := func(t string) *Score {
		sc := s.byType[t]
		if sc == nil {
			sc = &Score{Type: t}
			s.byType[t] = sc
		}
		return sc
	}
	g := chunksIOB2(gold)
	p := chunksIOB2(pred)
	gs := map[chunk]bool{}
	for _, c := range g {
		gs[c] = true
	}
	for _, c := range p {
		if gs[c] {
			get(c.typ).TP++
			delete(gs, c)
		} else {
			get(c.typ).FP++
		}
	}
	for c := range gs {
		get(c.typ).FN++
	}
}

func (s *scorer) scores() Scores {
	var out Scores
	out.Overall.Type = "overall"
	var types []string
	for t := range s.byType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		sc := *s.byType[t]
		sc.finish()
		out.ByType = append(out.ByType, sc)
		out.Overall.TP += sc.TP
		out.Overall.FP += sc.FP
		out.Overall.FN += sc.FN
	}
	out.Overall.finish()
	return out
}

// Write prints the scores as a table.
func (s Scores) Write(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "%-8s %7s %7s %7s %6s %6s %6s\n", "type", "P", "R", "F1", "TP", "FP", "FN"); err != nil {
		return err
	}
	for _, sc := range append(append([]Score(nil), s.ByType...), s.Overall) {
		if _, err := fmt.Fprintf(w, "%-8s %7.4f %7.4f %7.4f %6d %6d %6d\n", sc.Type, sc.P, sc.R, sc.F1, sc.TP, sc.FP, sc.FN); err != nil {
			return err
		}
	}
	return nil
}

// evaluate tags every document and scores it against the gold tags.
func (m *Model) evaluate(docs []document) Scores {
	var sc scorer
	for _, d := range docs {
		words := make([][]string, len(d.sents))
		for i, s := range d.sents {
			words[i] = s.words
		}
		pred := m.TagDocument(words)
		for i, s := range d.sents {
			sc.add(s.tags, pred[i])
		}
	}
	return sc.scores()
}

// Evaluate scores m on a CoNLL-format file (entity level, conlleval
// semantics) and returns the scores and the number of tokens.
func (m *Model) Evaluate(path string) (Scores, int, error) {
	docs, err := readCoNLL(path)
	if err != nil {
		return Scores{}, 0, err
	}
	n := 0
	for _, d := range docs {
		for _, s := range d.sents {
			n += len(s.words)
		}
	}
	return m.evaluate(docs), n, nil
}

// CoNLLText reads a CoNLL file and returns its words as plain text: tokens
// joined by spaces, one sentence a line, a blank line between documents.
func CoNLLText(path string) (string, error) {
	docs, err := readCoNLL(path)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, d := range docs {
		for _, s := range d.sents {
			b.WriteString(strings.Join(s.words, " "))
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}
