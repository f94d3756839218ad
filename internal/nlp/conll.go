package nlp

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// TagCoNLL copies CoNLL lines from r to w, appending a predicted IOB2 tag
// (PER, ORG, LOC, MISC) to every token line, so that conlleval-style
// scoring works on any CoNLL file. The token is the first column; other
// columns are kept; blank lines and -DOCSTART- lines are copied as they
// are. A document (up to the next -DOCSTART-) is tagged as a whole so that
// the document pass sees all of it.
func (m *Model) TagCoNLL(r io.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var lines []string   // the document's lines as read
	var sents [][]string // its sentences' tokens
	var cur []string     // the current sentence
	flush := func() error {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
		tags := m.TagDocument(sents)
		s, k := 0, 0
		for _, line := range lines {
			f := strings.Fields(line)
			if len(f) == 0 || f[0] == "-DOCSTART-" {
				if len(f) == 0 && k > 0 {
					s, k = s+1, 0
				}
				if _, err := fmt.Fprintln(bw, line); err != nil {
					return err
				}
				continue
			}
			if _, err := fmt.Fprintf(bw, "%s %s\n", line, tags[s][k]); err != nil {
				return err
			}
			k++
		}
		lines, sents = lines[:0], sents[:0]
		return nil
	}
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && f[0] == "-DOCSTART-":
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
			if err := flush(); err != nil {
				return fmt.Errorf("tag conll: %w", err)
			}
		case len(f) == 0:
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
		default:
			cur = append(cur, f[0])
		}
		lines = append(lines, line)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("tag conll: line %d: %w", n+1, err)
	}
	if err := flush(); err != nil {
		return fmt.Errorf("tag conll: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tag conll: %w", err)
	}
	return nil
}
