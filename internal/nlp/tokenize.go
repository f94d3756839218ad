// Package nlp is sitrep's language layer for news English: a tokenizer and
// sentence splitter that keep byte offsets into the article text, and a
// named-entity recogniser (an averaged perceptron trained by sitrep itself,
// embedded in the binary) with rule layers for the types event extraction
// needs beyond CoNLL's four: nationalities and groups (NORP), weapons,
// facilities, quantities and dates.
package nlp

import (
	"unicode"
	"unicode/utf8"
)

// Token is one token of an article: its text and its byte range [Start, End)
// in the article text, so that Text == text[Start:End].
type Token struct {
	Text       string
	Start, End int
}

// abbreviation kinds.
const (
	abbrNone  = iota
	abbrTitle // precedes a name or a number: never ends a sentence
	abbrOther // may end a sentence ("Inc.", "Jan.", "U.S.")
)

// abbreviations lists words that keep their period, as written in news copy.
var abbreviations = map[string]uint8{}

func init() {
	for _, w := range []string{
		"Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon", "Sen", "Sens", "Rep", "Reps",
		"Gov", "Pres", "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Adm", "Brig",
		"Cmdr", "Cdr", "Cpl", "Pvt", "Lieut", "Supt", "Insp", "Amb", "Sec", "Atty", "St", "Ste",
		"Mt", "Ft", "Fr", "Sr", "No", "Nos", "Nr", "Vol", "Art", "Sheikh", "H.E",
	} {
		abbreviations[w] = abbrTitle
	}
	for _, w := range []string{
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Dept", "Univ", "Ave", "Blvd", "Rd",
		"Calif", "Fla", "Ariz", "Conn", "Mass", "Penn", "Wash", "Tenn", "Okla",
		"vs", "etc", "approx", "est", "cf", "al", "viz", "Gov't", "govt", "p", "pp",
	} {
		abbreviations[w] = abbrOther
	}
}

// Tokenize splits news English into tokens. Words keep internal hyphens and
// apostrophes (al-Asad, Kata'ib, Shahed-136); possessives and clitics are
// split off ('s, n't); numbers keep their separators (1,000; 3.5; 2027-2028)
// and are split from units and currency ($ 1.2 bn, 40 %); abbreviations,
// titles, initials and dotted acronyms keep their periods (Gen., U.S.);
// URLs, e-mail addresses, @handles and #hashtags are one token each;
// quotes, brackets and dashes are tokens of their own.
func Tokenize(text string) []Token {
	return appendTokens(make([]Token, 0, len(text)/5+1), text)
}

func appendTokens(toks []Token, text string) []Token {
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		var r rune = rune(c)
		size := 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isSpace(r) {
			i += size
			continue
		}
		end := i + size
		switch {
		case isWordRune(r):
			end = scanWord(text, i)
		case (c == '@' || c == '#') && i+1 < n && isHandleByte(text[i+1]):
			end = i + 1
			for end < n && isHandleByte(text[end]) {
				end++
			}
		case c == '.':
			end = i + 1
			if i+1 < n && isDigit(text[i+1]) && (i == 0 || !isDigit(text[i-1])) {
				end = scanWord(text, i+1) // ".5"
			} else {
				for end < n && text[end] == '.' {
					end++
				}
			}
		case c == '-':
			for end < n && text[end] == '-' {
				end++
			}
		case c == '\'' || r == '\u2019':
			if e, ok := clitic(text, i, size); ok && len(toks) > 0 && toks[len(toks)-1].End == i {
				end = e
			}
		case c == '!' || c == '?':
			for end < n && (text[end] == '!' || text[end] == '?') {
				end++
			}
		}
		toks = append(toks, Token{Text: text[i:end], Start: i, End: end})
		i = end
	}
	return toks
}

// clitic reports whether an apostrophe at i (of size bytes) starts a clitic
// ('s, 're, 've, 'll, 'd, 'm) followed by a non-letter, and where it ends.
func clitic(text string, i, size int) (int, bool) {
	j := i + size
	k := j
	for k < len(text) && k-j < 3 && isASCIILetter(text[k]) {
		k++
	}
	if k == j || (k < len(text) && isLetterAt(text, k)) {
		return 0, false
	}
	switch lowerASCII(text[j:k]) {
	case "s", "re", "ve", "ll", "d", "m":
		return k, true
	}
	return 0, false
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	n := len(text)
	if hasURLPrefix(text[i:]) {
		return scanURL(text, i)
	}
	// "n't" split off from "don't" begins a word of its own.
	if e, ok := negClitic(text, i); ok {
		return e
	}
	start := i
	numeric := isDigit(text[i])
	letters := 0 // letters seen since start, for the single-letter checks
	for i < n {
		c := text[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			if numeric && !isDigit(c) && unicode.IsLetter(r) {
				// a number followed by letters: keep ordinals and decades
				// (2nd, 1990s), split units (122 mm, 1.2 bn).
				if !ordinalSuffix(text, i) {
					return i
				}
				i = skipLetters(text, i)
				return i
			}
			if unicode.IsLetter(r) {
				letters++
			}
			// "don't": stop before "n't".
			if c == 'n' || c == 'N' {
				if _, ok := negClitic(text, i); ok && i > start {
					return i
				}
			}
			i += size
			continue
		}
		next := i + size
		switch {
		case c == '\'' || r == '\u2019':
			// Kata'ib, O'Brien continue; Iran's, militias' stop.
			if next < n && isLetterAt(text, next) && i > start {
				if _, ok := clitic(text, i, size); ok {
					return i
				}
				i = next
				continue
			}
			return i
		case c == '-' || r == '\u2010' || r == '\u2011':
			if next < n && isWordStart(text, next) && i > start && !hasURLPrefix(text[next:]) {
				numeric = numeric && isDigit(text[next])
				i = next
				continue
			}
			return i
		case r == '\u2013': // en dash between numbers: 2027–2028
			if numeric && next < n && isDigit(text[next]) {
				i = next
				continue
			}
			return i
		case c == '.':
			if numeric && next < n && isDigit(text[next]) {
				i = next
				continue
			}
			// dotted acronyms and initials: U.S., a.m., J.
			if i-start == 1 || isAcronym(text[start:i]) {
				if next < n && isASCIILetter(text[next]) && (next+1 == n || text[next+1] == '.') {
					i = next
					continue
				}
				if letters >= 1 && (i-start == 1 || isAcronym(text[start:i])) && isASCIILetter(text[i-1]) {
					i = next
					// U.S.-led, U.K.-U.S.
					if i+1 < n && text[i] == '-' && isASCIILetter(text[i+1]) {
						j := i + 1
						for j+1 < n && isASCIILetter(text[j]) && text[j+1] == '.' {
							j += 2
						}
						if j-(i+1) >= 4 {
							return j
						}
						i++
						for i < n && isWordByte(text[i]) {
							i++
						}
					}
					return i
				}
			}
			if _, ok := abbreviations[text[start:i]]; ok {
				if text[start:i] == "No" || text[start:i] == "Nos" || text[start:i] == "Art" || text[start:i] == "Vol" {
					// only before a number: "No. 10"
					j := next
					for j < n && text[j] == ' ' {
						j++
					}
					if j == n || !isDigit(text[j]) {
						return i
					}
				}
				return next
			}
			return i
		case (c == ',' || c == ':' || c == '/') && numeric:
			if c == ',' {
				if next+3 <= n && isDigit(text[next]) && isDigit(text[next+1]) && isDigit(text[next+2]) && (next+3 == n || !isDigit(text[next+3])) {
					i = next
					continue
				}
				return i
			}
			if next < n && isDigit(text[next]) {
				i = next
				continue
			}
			return i
		case c == '&':
			// AT&T, S&P
			if next < n && isUpper(text[next]) && i > start && isUpper(text[i-1]) {
				i = next
				continue
			}
			return i
		case c == '@':
			// e-mail address
			if next < n && isWordByte(text[next]) {
				i = next
				for i < n && (isWordByte(text[i]) || text[i] == '.' || text[i] == '-') {
					i++
				}
				for i > next && text[i-1] == '.' {
					i--
				}
				return i
			}
			return i
		}
		return i
	}
	return i
}

// negClitic reports whether "n't" (or "n’t") starts at i and is followed by a
// non-letter.
func negClitic(text string, i int) (int, bool) {
	if i >= len(text) || (text[i] != 'n' && text[i] != 'N') {
		return 0, false
	}
	j := i + 1
	switch {
	case j < len(text) && text[j] == '\'':
		j++
	case j+3 <= len(text) && text[j:j+3] == "\u2019":
		j += 3
	default:
		return 0, false
	}
	if j >= len(text) || (text[j] != 't' && text[j] != 'T') {
		return 0, false
	}
	j++
	if j < len(text) && isLetterAt(text, j) {
		return 0, false
	}
	return j, true
}

func ordinalSuffix(text string, i int) bool {
	e := skipLetters(text, i)
	switch lowerASCII(text[i:e]) {
	case "st", "nd", "rd", "th", "s":
		return true
	}
	return false
}

func skipLetters(text string, i int) int {
	for i < len(text) && isASCIILetter(text[i]) {
		i++
	}
	return i
}

// isAcronym reports whether s is a dotted acronym in progress ("U.S", "a.m").
func isAcronym(s string) bool {
	if len(s) < 3 {
		return false
	}
	for k := 0; k < len(s); k++ {
		if k%2 == 0 {
			if !isASCIILetter(s[k]) {
				return false
			}
		} else if s[k] != '.' {
			return false
		}
	}
	return true
}

func hasURLPrefix(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.")
}

func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[k] {
			return false
		}
	}
	return true
}

// scanURL consumes a URL up to white space or a quote, without trailing
// punctuation.
func scanURL(text string, i int) int {
	start := i
	for i < len(text) {
		c := text[i]
		if c <= ' ' || c == '"' || c == '<' || c == '>' || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	for i > start+1 {
		switch text[i-1] {
		case '.', ',', ';', ':', '!', '?', ')', ']', '\'':
			i--
			continue
		}
		break
	}
	return i
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u200e' || r == '\u200f'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r)) && r != '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isWordStart(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isWordByte(c) && c != '_'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLetterAt(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

func isWordByte(c byte) bool {
	return isASCIILetter(c) || isDigit(c) || c == '_'
}

func isHandleByte(c byte) bool { return isWordByte(c) }

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isUpper(c byte) bool       { return c >= 'A' && c <= 'Z' }
