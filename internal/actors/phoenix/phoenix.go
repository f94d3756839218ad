// Package phoenix reads the PETRARCH/Phoenix CAMEO actor and agent
// dictionaries (TABARI format), from which sitrep seeds its actor registry.
//
// An actor dictionary is a list of entries: a name line, alias lines
// beginning with '+', and code lines in brackets, optionally dated:
//
//	BARACK_OBAMA
//	+PRESIDENT_OBAMA_
//		[USAELI 780101-000101]
//		[USAGOV >090120]
//
// Underscores stand for spaces; '#' starts a comment. Dates are YYMMDD or
// YYYYMMDD, with "a-b" a range, ">a" from a and "<b" until b.
package phoenix

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Entry is one actor entry of a dictionary.
type Entry struct {
	Names   []string // the name line first, then the aliases, as written (underscores kept)
	Codes   []Code
	Comment string // the entry's comments, joined by "; "
	Line    int    // line number of the name line
}

// Code is one CAMEO code of an entry, with its validity when dated.
// From and To are YYYY-MM-DD or empty.
type Code struct {
	Code     string
	From, To string
}

// ParseActors reads an actor dictionary. name is used in error messages.
func ParseActors(r io.Reader, name string) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var out []Entry
	var cur *Entry
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Text()
		text, comment := splitComment(raw)
		trimmed := strings.TrimSpace(text)
		if trimmed == "" {
			if cur != nil {
				cur.addComment(comment)
			}
			continue
		}
		switch {
		case trimmed[0] == '+':
			if cur == nil {
				return out, fmt.Errorf("%s:%d: alias before any entry", name, line)
			}
			alias, codes, err := splitCodes(trimmed[1:])
			if err != nil {
				return out, fmt.Errorf("%s:%d: %w", name, line, err)
			}
			if alias != "" {
				cur.Names = append(cur.Names, alias)
			}
			cur.Codes = append(cur.Codes, codes...)
		case trimmed[0] == '[':
			if cur == nil {
				return out, fmt.Errorf("%s:%d: code before any entry", name, line)
			}
			_, codes, err := splitCodes(trimmed)
			if err != nil {
				return out, fmt.Errorf("%s:%d: %w", name, line, err)
			}
			cur.Codes = append(cur.Codes, codes...)
		default:
			nm, codes, err := splitCodes(trimmed)
			if err != nil {
				return out, fmt.Errorf("%s:%d: %w", name, line, err)
			}
			out = append(out, Entry{Names: []string{nm}, Codes: codes, Comment: comment, Line: line})
			cur = &out[len(out)-1]
			continue
		}
		cur.addComment(comment)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return out, nil
}

func (e *Entry) addComment(c string) {
	switch {
	case c == "":
	case e.Comment == "":
		e.Comment = c
	default:
		e.Comment += "; " + c
	}
}

// splitComment cuts a line at its first '#'.
func splitComment(s string) (text, comment string) {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i], strings.TrimSpace(s[i+1:])
	}
	return s, ""
}

// splitCodes separates the text before the first '[' from the bracketed
// codes that follow it.
func splitCodes(s string) (string, []Code, error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return strings.TrimSpace(s), nil, nil
	}
	head := strings.TrimSpace(s[:i])
	var codes []Code
	rest := s[i:]
	for {
		open := strings.IndexByte(rest, '[')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], ']')
		if end < 0 {
			// The dictionaries hold a few typos such as "[~ENV}": read
			// to the end of the line.
			if c, ok := parseCode(strings.TrimRight(rest[open+1:], "}) ")); ok {
				codes = append(codes, c)
			}
			break
		}
		if c, ok := parseCode(rest[open+1 : open+end]); ok {
			codes = append(codes, c)
		}
		rest = rest[open+end+1:]
	}
	return head, codes, nil
}

// parseCode parses "USAGOV 090120-170120", "USAGOV >090120", "IGOUNO".
// Codes without letters ("---") are dropped; malformed dates are ignored
// and the code kept undated.
func parseCode(s string) (Code, bool) {
	f := strings.Fields(s)
	if len(f) == 0 || !strings.ContainsAny(f[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return Code{}, false
	}
	c := Code{Code: f[0]}
	if len(f) > 1 {
		d := f[1]
		switch {
		case strings.HasPrefix(d, ">"):
			c.From = Date(d[1:])
		case strings.HasPrefix(d, "<"):
			c.To = Date(d[1:])
		default:
			if a, b, ok := strings.Cut(d, "-"); ok {
				c.From, c.To = Date(a), Date(b)
			}
		}
	}
	return c, true
}

// Date converts a dictionary date (YYMMDD or YYYYMMDD) to YYYY-MM-DD, or
// "" when it is malformed. Two-digit years below 30 are 20xx: the
// dictionaries date from 2014.
func Date(s string) string {
	for _, r := range s {
		if r < '0' || r > '9' {
			return ""
		}
	}
	var y, m, d int
	switch len(s) {
	case 6:
		y, _ = strconv.Atoi(s[:2])
		if y < 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:6])
	case 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
	default:
		return ""
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// Agent is one generic agent phrase ("POLICE_OFFICER [~COP]") with its
// CAMEO agent code (without the '~') and its explicit plurals.
type Agent struct {
	Phrase  string
	Plurals []string
	Code    string
}

// ParseAgents reads an agents dictionary, expanding its substitution sets
// ("!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON").
func ParseAgents(r io.Reader, name string) ([]Agent, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	sets := map[string][]string{}
	var out []Agent
	line := 0
	for sc.Scan() {
		line++
		text, _ := splitComment(sc.Text())
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		if text[0] == '!' {
			if k, v, ok := strings.Cut(text, "="); ok && strings.Count(strings.TrimSpace(k), "!") == 2 {
				var vals []string
				for _, x := range strings.Split(v, ",") {
					if x = strings.TrimSpace(x); x != "" {
						vals = append(vals, x)
					}
				}
				sets[strings.TrimSpace(k)] = vals
				continue
			}
		}
		head, codes, err := splitCodes(text)
		if err != nil {
			return out, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if len(codes) == 0 || !strings.HasPrefix(codes[0].Code, "~") || head == "" {
			continue
		}
		code := strings.TrimPrefix(codes[0].Code, "~")
		var plurals []string
		if i := strings.IndexByte(head, '{'); i >= 0 {
			j := strings.IndexByte(head[i:], '}')
			if j < 0 {
				return out, fmt.Errorf("%s:%d: unclosed '{'", name, line)
			}
			plurals = append(plurals, strings.Fields(head[i+1:i+j])...)
			head = strings.TrimSpace(head[:i] + head[i+j+1:])
		}
		for _, phrase := range expand(head, sets, 0) {
			out = append(out, Agent{Phrase: phrase, Plurals: plurals, Code: code})
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return out, nil
}

// maxExpansions bounds what one agent line may expand to.
const maxExpansions = 256

// expand replaces the first substitution set named in s by each of its
// values, recursively, up to four sets deep.
func expand(s string, sets map[string][]string, depth int) []string {
	i := strings.IndexByte(s, '!')
	if depth >= 4 {
		i = -1
	}
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}
	}
	key := s[i : i+j+2]
	vals, ok := sets[key]
	if !ok {
		return []string{s[:i] + s[i+j+2:]}
	}
	var out []string
	for _, v := range vals {
		out = append(out, expand(s[:i]+v+s[i+j+2:], sets, depth+1)...)
		if len(out) >= maxExpansions {
			break
		}
	}
	return out
}

// Words turns a dictionary name into words: underscores become spaces and
// trailing or doubled separators go.
func Words(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}
