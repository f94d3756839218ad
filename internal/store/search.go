package store

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// ErrBadSearch is wrapped by the errors of search queries that cannot be
// run, such as one with only excluded words.
var ErrBadSearch = errors.New("bad search query")

// ParseSearch translates a user's search query in web-search syntax into an
// SQLite FTS5 query, in which every word and phrase is quoted, so that no
// input can be read as FTS5 syntax:
//
//	drone strike            both words
//	"air defence"           the phrase
//	kyiv OR kharkiv         either ("or" in any case)
//	strike -drill           strike but not drill
//	intercept*              words starting with intercept
//
// An unbalanced quote runs to the end of the query; AND, parentheses and
// characters that are not part of words are ignored. The error wraps
// ErrBadSearch when nothing is left to look for.
func ParseSearch(q string) (string, error) {
	orig := q
	type term struct {
		text   string
		prefix bool
		not    bool
	}
	q = cleanSearch(q)
	var groups [][]term
	var cur []term
	flush := func() {
		if len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '(' || c == ')':
			i++
			continue
		}
		not := false
		if c == '-' && i+1 < len(q) && q[i+1] != ' ' {
			not = true
			i++
		}
		var t term
		if i < len(q) && q[i] == '"' {
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				t.text, i = q[i+1:], len(q)
			} else {
				t.text, i = q[i+1:i+1+end], i+2+end
			}
		} else {
			end := strings.IndexAny(q[i:], " ()\"")
			if end < 0 {
				end = len(q) - i
			}
			t.text, i = q[i:i+end], i+end
			if !not && (t.text == "AND" || strings.EqualFold(t.text, "or")) {
				if strings.EqualFold(t.text, "or") {
					flush()
				}
				continue
			}
			if strings.HasSuffix(t.text, "*") {
				t.text, t.prefix = strings.TrimRight(t.text, "*"), true
			}
		}
		t.not = not
		if strings.IndexFunc(t.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			continue // nothing the tokenizer would index
		}
		cur = append(cur, t)
	}
	flush()
	if len(groups) == 0 {
		return "", fmt.Errorf("search %q: %w: no words to look for", orig, ErrBadSearch)
	}
	quote := func(t term) string {
		s := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
		if t.prefix {
			s += "*"
		}
		return s
	}
	var out []string
	for _, g := range groups {
		var pos, neg []string
		for _, t := range g {
			if t.not {
				neg = append(neg, quote(t))
			} else {
				pos = append(pos, quote(t))
			}
		}
		if len(pos) == 0 {
			return "", fmt.Errorf("search %q: %w: excluded words need a word to look for", orig, ErrBadSearch)
		}
		e := "(" + strings.Join(pos, " AND ") + ")"
		for _, n := range neg {
			e += " NOT " + n
		}
		out = append(out, "("+e+")")
	}
	return strings.Join(out, " OR "), nil
}

// cleanSearch turns control characters (NUL ends an FTS5 string and cannot
// be sent to PostgreSQL) into spaces, and invalid UTF-8 into U+FFFD.
func cleanSearch(q string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
}
