package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds a place name to the key the gazetteer indexes it under:
// lower case, diacritics removed, apostrophes dropped, other punctuation as
// spaces, runs of spaces collapsed, a leading "the" dropped and "st" as a
// first word spelt "saint". "Dnipropetrovs’k", "DNIPROPETROVSK" and
// "dnipropetrovsk" all give "dnipropetrovsk"; "St.-Petersburg" gives
// "saint petersburg".
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // no leading space
	add := func(r rune) {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == 'ʻ' || r == '`' || r == '´' || r == 'ʿ' || r == 'ʾ':
			// dropped: "Karbala'" and "Karbala" are one name
		case r == '&':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("and ")
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case unicode.Is(unicode.Mn, r):
			// combining mark left by decomposition
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(s); i++ {
			add(rune(s[i]))
		}
	} else {
		var it norm.Iter
		it.InitString(norm.NFD, s)
		for !it.Done() {
			seg := it.Next()
			for len(seg) > 0 {
				r, n := utf8.DecodeRune(seg)
				seg = seg[n:]
				add(foldRune(r))
			}
		}
	}
	out := strings.TrimSuffix(b.String(), " ")
	out = strings.TrimPrefix(out, "the ")
	if strings.HasPrefix(out, "st ") {
		out = "saint " + out[3:]
	}
	return out
}

// foldRune maps letters that do not decompose in Unicode to their closest
// ASCII letter, so that "Łódź" and "Lodz" meet.
func foldRune(r rune) rune {
	switch r {
	case 'ł', 'Ł':
		return 'l'
	case 'ø', 'Ø':
		return 'o'
	case 'đ', 'Đ', 'ð':
		return 'd'
	case 'ı':
		return 'i'
	case 'ß':
		return 's'
	case 'æ', 'Æ':
		return 'a'
	case 'œ', 'Œ':
		return 'o'
	case 'þ':
		return 't'
	case 'ħ':
		return 'h'
	}
	return r
}

// isLatin reports whether a normalised name uses only ASCII letters, digits
// and spaces: the names an English text can spell.
func isLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == ' ' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			return false
		}
	}
	return s != ""
}
