package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/news"
)

// Sentences splits text into sentence spans (byte ranges into text, trimmed
// of surrounding white space). A sentence ends at ".", "!", "?" or "..."
// (with any closing quotes or brackets that follow) when the next token does
// not begin in lower case; titles and initials (Gen., Mr., St., No. 10, J.)
// never end one, and other abbreviations (U.S., Inc., Jan.) only before a
// typical sentence opening. A paragraph break (a blank line) always ends a
// sentence.
func Sentences(text string) []news.Span {
	toks := Tokenize(text)
	bounds := sentenceBounds(text, toks)
	spans := make([]news.Span, 0, len(bounds))
	prev := 0
	for _, b := range bounds {
		spans = append(spans, news.Span{Start: toks[prev].Start, End: toks[b-1].End})
		prev = b
	}
	return spans
}

// TokenizeSentences tokenizes text and groups the tokens by sentence. The
// sentences share one backing array.
func TokenizeSentences(text string) [][]Token {
	return new(tokBuf).tokenizeSentences(text)
}

// tokBuf holds reusable buffers for tokenizeSentences.
type tokBuf struct {
	toks   []Token
	bounds []int
	sents  [][]Token
}

// tokenizeSentences is TokenizeSentences into b's buffers: the result is
// valid until b's next use.
func (b *tokBuf) tokenizeSentences(text string) [][]Token {
	if b.toks == nil {
		b.toks = make([]Token, 0, len(text)/5+1)
	}
	b.toks = appendTokens(b.toks[:0], text)
	b.bounds = appendSentenceBounds(b.bounds[:0], text, b.toks)
	out := b.sents[:0]
	if cap(out) < len(b.bounds) {
		out = make([][]Token, 0, len(b.bounds))
	}
	prev := 0
	for _, e := range b.bounds {
		out = append(out, b.toks[prev:e:e])
		prev = e
	}
	b.sents = out
	return out
}

// reset drops b's references to a text.
func (b *tokBuf) reset() {
	clear(b.toks[:cap(b.toks)])
	clear(b.sents[:cap(b.sents)])
}

// sentenceBounds returns the exclusive end index in toks of every sentence.
func sentenceBounds(text string, toks []Token) []int {
	return appendSentenceBounds(nil, text, toks)
}

// appendSentenceBounds is sentenceBounds appending to bounds.
func appendSentenceBounds(bounds []int, text string, toks []Token) []int {
	n := len(toks)
	lineBreaks := !hardWrapped(text)
	for i := 0; i < n; i++ {
		if i+1 == n {
			bounds = append(bounds, n)
			break
		}
		gap := text[toks[i].End:toks[i+1].Start]
		if paragraphBreak(gap) {
			bounds = append(bounds, i+1)
			continue
		}
		kind := terminal(toks[i].Text)
		if kind == termNone {
			// a line of its own (a headline, a caption) ends at its newline
			if lineBreaks && strings.IndexByte(gap, '\n') >= 0 && !startsLower(toks[i+1].Text) {
				bounds = append(bounds, i+1)
			}
			continue
		}
		// absorb closing quotes and brackets that follow
		j := i
		for j+1 < n && isCloser(toks[j+1].Text) {
			g := text[toks[j].End:toks[j+1].Start]
			if strings.IndexByte(g, '\n') >= 0 || (g != "" && !isTypographicCloser(toks[j+1].Text)) {
				break
			}
			j++
		}
		if j+1 == n {
			bounds = append(bounds, n)
			break
		}
		next := toks[j+1]
		gap = text[toks[j].End:next.Start]
		if paragraphBreak(gap) || (lineBreaks && strings.IndexByte(gap, '\n') >= 0 && !startsLower(next.Text)) {
			bounds = append(bounds, j+1)
			i = j
			continue
		}
		if startsLower(next.Text) {
			i = j
			continue
		}
		switch kind {
		case termTitle:
			continue
		case termAbbr:
			if !sentenceOpener(next.Text) && !(toks[j].Text == "X." && j > 0 && (toks[j-1].Text == "on" || toks[j-1].Text == "via")) {
				// "X." after "on" is the platform ending a sentence
				// ("posted on X. Militants ..."), not an initial
				continue
			}
		}
		bounds = append(bounds, j+1)
		i = j
	}
	return bounds
}

// hardWrapped reports whether text looks wrapped at a fixed width (most
// lines 40 to 100 bytes long), in which case a single newline is only white
// space; otherwise a newline ends a headline or caption line.
func hardWrapped(text string) bool {
	lines, wrapped := 0, 0
	for len(text) > 0 {
		k := strings.IndexByte(text, '\n')
		if k < 0 {
			break
		}
		if l := len(strings.TrimSpace(text[:k])); l > 0 {
			lines++
			if l >= 40 && l <= 100 {
				wrapped++
			}
		}
		text = text[k+1:]
	}
	return lines >= 3 && wrapped*10 >= lines*7
}

const (
	termNone = iota
	termStop
	termTitle
	termAbbr
)

// terminal classifies a token as a possible sentence end.
func terminal(t string) int {
	switch t[0] {
	case '.', '!', '?':
		if strings.Trim(t, ".!?") == "" {
			return termStop
		}
	}
	if t == "\u2026" {
		return termStop
	}
	if len(t) < 2 || t[len(t)-1] != '.' {
		return termNone
	}
	w := t[:len(t)-1]
	if k, ok := abbreviations[w]; ok {
		if k == abbrTitle {
			return termTitle
		}
		return termAbbr
	}
	return termAbbr // U.S., a.m., initials (J.; "on X. The")
}

func paragraphBreak(gap string) bool {
	first := strings.IndexByte(gap, '\n')
	if first < 0 {
		return false
	}
	return strings.IndexByte(gap[first+1:], '\n') >= 0
}

func isCloser(t string) bool {
	switch t {
	case "\"", "'", "\u201d", "\u2019", ")", "]", "}", "\u00bb":
		return true
	}
	return false
}

func isTypographicCloser(t string) bool {
	switch t {
	case "\u201d", "\u2019", ")", "]", "}", "\u00bb":
		return true
	}
	return false
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

func isLetterStart(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r)
}

// sentenceOpener reports whether an upper-case word typically opens a
// sentence, which decides whether "U.S." or "Inc." ends one.
func sentenceOpener(t string) bool {
	switch t {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And",
		"In", "On", "At", "This", "That", "These", "Those", "There", "His", "Her", "Its",
		"Their", "Our", "If", "When", "While", "After", "Before", "As", "However", "Meanwhile",
		"Earlier", "Later", "Officials", "Some", "Many", "No", "Not", "So", "Yet", "Also",
		"\u201c", "\"", "(":
		return true
	}
	return false
}
