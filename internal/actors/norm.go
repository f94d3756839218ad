package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text or alias as the registry compares it: folded
// to lower case without accents, possessive "'s" and periods of
// abbreviations dropped, British and American spellings made one.
type token struct {
	Norm       string
	Start, End int  // byte range in the original text
	Upper      bool // every letter was upper case ("US", "IS")
	Cap        bool // the first letter was upper case
	// Gap is set when punctuation other than a hyphen or a possessive
	// separates the token from the one before: a mention never spans a
	// gap ("Iran, officials").
	Gap bool

	ns, ne int // the normal form's range in tokenize's buffer
}

// spellings maps variant spellings to the one the registry indexes, so
// that "defense" and "defence" or "organization" and "organisation" match.
var spellings = map[string]string{
	"defense":       "defence",
	"defenses":      "defences",
	"organization":  "organisation",
	"organizations": "organisations",
	"centre":        "center",
	"programme":     "program",
	"labour":        "labor",
}

// spellFirst holds the first letters of spellings' keys, a cheap filter
// before the map lookup.
var spellFirst = func() (m [256]bool) {
	for k := range spellings {
		m[k[0]] = true
	}
	return m
}()

// isApostrophe reports whether r is one of the apostrophes news text uses.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '`', '\u00b4', '\u2032':
		return true
	}
	return false
}

// fold lowers r and strips the diacritics of common Latin letters.
func fold(r rune) rune {
	r = unicode.ToLower(r)
	if r < 0xC0 {
		return r
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	return r
}

var foldTable = func() map[rune]rune {
	groups := map[rune]string{
		'a': "àáâãäåāăą",
		'c': "çćĉċč",
		'd': "ďđ",
		'e': "èéêëēĕėęě",
		'g': "ĝğġģ",
		'h': "ĥħ",
		'i': "ìíîïĩīĭįı",
		'j': "ĵ",
		'k': "ķ",
		'l': "ĺļľŀł",
		'n': "ñńņňŉ",
		'o': "òóôõöøōŏő",
		'r': "ŕŗř",
		's': "śŝşšș",
		't': "ţťŧț",
		'u': "ùúûüũūŭůűų",
		'w': "ŵ",
		'y': "ýÿŷ",
		'z': "źżž",
	}
	m := make(map[rune]rune)
	for base, vs := range groups {
		for _, v := range vs {
			m[v] = base
		}
	}
	return m
}()

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits s into tokens with byte offsets. Letters and digits make
// words; an apostrophe followed by "s" and a non-letter ends a possessive
// and is dropped; an apostrophe inside a word is dropped ("Ta'ziyah");
// periods inside abbreviations ("U.S.") are dropped; everything else
// separates words.
func tokenize(s string) []token {
	toks, _ := tokenizeInto(make([]token, 0, len(s)/6+1), make([]byte, 0, len(s)), s)
	return toks
}

// tokenizeInto is tokenize appending to toks, with buf as room for the
// normal forms (both may be reused buffers, emptied); it returns the
// tokens and buf as grown, to be reused.
func tokenizeInto(toks []token, buf []byte, s string) ([]token, []byte) {
	// Normal forms go into one buffer, turned into one string at the end,
	// so that a text costs a few allocations rather than one per word.
	start, nstart := -1, 0
	upper, hasLetter, cap := true, false, false
	gap, abbrev := false, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		var respelt string
		if n := len(buf) - nstart; n >= 6 && n <= 13 && spellFirst[buf[nstart]] {
			respelt = spellings[string(buf[nstart:])]
		}
		toks = append(toks, token{Norm: respelt, Start: start, End: end,
			Upper: upper && hasLetter, Cap: cap, Gap: gap, ns: nstart, ne: len(buf)})
		start = -1
		upper, hasLetter, cap = true, false, false
		gap, abbrev = false, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			// Fast path for the common case: lower-case ASCII.
			if start < 0 {
				start, nstart = i, len(buf)
			}
			if c >= 'a' {
				hasLetter, upper = true, false
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			if start < 0 {
				start, nstart = i, len(buf)
				cap = unicode.IsUpper(r)
			}
			if unicode.IsLetter(r) {
				hasLetter = true
				if !unicode.IsUpper(r) {
					upper = false
				}
			}
			buf = utf8.AppendRune(buf, fold(r))
			i += size
			continue
		case isApostrophe(r) && start >= 0:
			next, nsize := utf8.DecodeRuneInString(s[i+size:])
			if next == 's' || next == 'S' {
				after, _ := utf8.DecodeRuneInString(s[i+size+nsize:])
				if i+size+nsize >= len(s) || !isWordRune(after) {
					// Possessive: the word ends before the apostrophe.
					flush(i)
					i += size + nsize
					continue
				}
			}
			if isWordRune(next) {
				i += size // inner apostrophe: "Ta'ziyah"
				continue
			}
			flush(i)
			i += size
			continue
		case isApostrophe(r) && start < 0:
			i += size
			continue
		case r == '.' && start >= 0 && abbrevPeriod(s, i, start):
			abbrev = true
			i += size
			continue
		}
		wasAbbrev := abbrev && start >= 0
		if r == '.' && wasAbbrev {
			flush(i + 1) // "U.S." keeps its last period
		} else {
			flush(i)
		}
		// The period closing "U.S." is part of the word, not a break.
		if !unicode.IsSpace(r) && r != '-' && r != '\u2010' && r != '\u2011' && !(r == '.' && wasAbbrev) {
			gap = true
		}
		i += size
	}
	flush(len(s))
	all := string(buf)
	for i := range toks {
		if toks[i].Norm == "" {
			toks[i].Norm = all[toks[i].ns:toks[i].ne]
		}
	}
	return toks, buf[:0]
}

// abbrevPeriod reports whether the period at i continues an abbreviation
// such as "U.S." or "U.N.": the word so far is single letters joined by
// periods, and a single letter follows.
func abbrevPeriod(s string, i, start int) bool {
	word := s[start:i]
	for k, r := range word {
		if k%2 == 1 && r != '.' || k%2 == 0 && !unicode.IsLetter(r) {
			return false
		}
	}
	if len(word)%2 != 1 {
		return false
	}
	r, size := utf8.DecodeRuneInString(s[i+1:])
	if !unicode.IsLetter(r) {
		return false
	}
	after, _ := utf8.DecodeRuneInString(s[i+1+size:])
	return i+1+size >= len(s) || !isWordRune(after)
}

// normKey returns the comparison key of a name or mention: its tokens'
// normal forms joined by single spaces.
func normKey(s string) string {
	return joinToks(tokenize(s))
}

func joinToks(toks []token) string {
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].Norm
	}
	n := len(toks) - 1
	for _, t := range toks {
		n += len(t.Norm)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}

// plurals returns the regular plural forms of a key's last word, so that
// descriptions ("air defences", "security officials") match their
// singular entries.
func plurals(key string) []string {
	i := strings.LastIndexByte(key, ' ')
	head, last := key[:i+1], key[i+1:]
	if len(last) < 3 {
		return nil
	}
	var out []string
	switch {
	case strings.HasSuffix(last, "y") && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		out = append(out, head+last[:len(last)-1]+"ies")
	case strings.HasSuffix(last, "s") || strings.HasSuffix(last, "x") || strings.HasSuffix(last, "ch") || strings.HasSuffix(last, "sh"):
		out = append(out, head+last+"es")
	case strings.HasSuffix(last, "man"):
		out = append(out, head+last[:len(last)-3]+"men")
	default:
		out = append(out, head+last+"s")
	}
	return out
}

// NormKey returns the key under which the registry compares a name or a
// mention: lower case, accents, possessives, articles' case and
// abbreviation periods removed, words joined by single spaces.
func NormKey(s string) string { return normKey(s) }
