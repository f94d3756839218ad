package clean

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// InvalidUTF8Error reports a body that is not valid UTF-8. Offset is the
// byte offset of the first invalid byte in the document's body.
type InvalidUTF8Error struct {
	Offset int
}

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at byte %d", e.Offset)
}

// checkUTF8 returns an *InvalidUTF8Error naming the first invalid byte of b.
func checkUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return &InvalidUTF8Error{Offset: i}
		}
		i += n
	}
	return nil
}

// normalize applies sitrep's text hygiene to a whole body: Unicode NFC, "\n"
// line endings, no control or invisible formatting characters, every run of
// horizontal white space turned into one space and lines trimmed. Line
// structure is kept (paragraph and line breaks matter to the splitter); a
// form feed becomes a line holding only "\f", which the splitter treats as an
// explicit article separator. Typographic quotes and dashes are kept as they
// are.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	lineStart := true // nothing but spaces written since the last newline
	pendingSpace := false
	prevCR := false
	for i := 0; i < len(s); {
		// Printable ASCII, the bulk of most news, takes the short way.
		if c := s[i]; c > ' ' && c < 0x7f {
			if pendingSpace {
				b.WriteByte(' ')
				pendingSpace = false
			}
			b.WriteByte(c)
			lineStart, prevCR = false, false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == '\n' && prevCR {
			prevCR = false
			continue // the "\n" of "\r\n"
		}
		prevCR = r == '\r'
		switch {
		case r == '\n' || r == '\u2028':
			b.WriteByte('\n')
			lineStart, pendingSpace = true, false
		case r == '\r':
			b.WriteByte('\n')
			lineStart, pendingSpace = true, false
		case r == '\u2029':
			b.WriteString("\n\n")
			lineStart, pendingSpace = true, false
		case r == '\f':
			b.WriteString("\n\f\n")
			lineStart, pendingSpace = true, false
		case r == '\t' || unicode.IsSpace(r):
			if !lineStart {
				pendingSpace = true
			}
		case dropRune(r):
			// skip
		default:
			if pendingSpace {
				b.WriteByte(' ')
				pendingSpace = false
			}
			b.WriteRune(r)
			lineStart = false
		}
	}
	// NFC last, so that marks brought together by dropped characters
	// are composed too.
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// dropRune reports characters removed by hygiene: C0/C1 controls and the
// invisible characters that only get in the way of matching (byte order mark,
// zero-width space, soft hyphen, word joiner). Joiners (ZWJ, ZWNJ) carry
// meaning in Persian and Arabic script and are kept.
func dropRune(r rune) bool {
	if unicode.IsControl(r) {
		return true
	}
	switch r {
	case '\uFEFF', '\u200B', '\u00AD', '\u2060', utf8.RuneError:
		return true
	}
	return false
}

// normalizeParagraph turns a piece of text into one paragraph: hygiene and
// all white space (line breaks included) folded into single spaces.
func normalizeParagraph(s string) string {
	return strings.Join(strings.Fields(normalize(s)), " ")
}

// hashKey is the text an article's content ID is derived from: white-space
// differences (line endings, runs of spaces, paragraph breaks) do not change
// it.
func hashKey(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false // a space is pending
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(text[i-n : i])
	}
	return b.String()
}
