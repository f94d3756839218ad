package events

import (
	"strconv"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/nlp"
)

// Number is a number as news writes it: "at least 250", "almost 40%",
// "dozens", "two", "1,000". Vague counts keep a range (Value to Max) and
// are never turned into a single invented figure.
type Number struct {
	Value   float64
	Max     float64 // upper bound of a range or vague count; 0 when exact
	AtLeast bool    // "at least", "more than", "over"
	Approx  bool    // "about", "almost", "dozens"
	Percent bool    // "40%", "40 percent", "half"
}

var units = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19,
}

var tens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "mn": 1e6,
}

// vague counts: value, max.
var vague = map[string][2]float64{
	"dozens":    {24, 99},
	"scores":    {40, 99},
	"hundreds":  {200, 999},
	"thousands": {2000, 9999},
	"tens":      {20, 99},
}

// qualifiers before a number: at-least or approximate.
var qualifiers = []struct {
	words   []string
	atLeast bool
}{
	{[]string{"at", "least"}, true},
	{[]string{"more", "than"}, true},
	{[]string{"no", "fewer", "than"}, true},
	{[]string{"no", "less", "than"}, true},
	{[]string{"over"}, true},
	{[]string{"upwards", "of"}, true},
	{[]string{"up", "to"}, false},
	{[]string{"as", "many", "as"}, false},
	{[]string{"about"}, false},
	{[]string{"around"}, false},
	{[]string{"nearly"}, false},
	{[]string{"almost"}, false},
	{[]string{"roughly"}, false},
	{[]string{"approximately"}, false},
	{[]string{"some"}, false},
	{[]string{"an", "estimated"}, false},
	{[]string{"close", "to"}, false},
}

// parseNumber reads a number starting at token i of low (lower-cased
// tokens); it returns the number and the index after it.
func parseNumber(low []string, i int) (Number, int, bool) {
	var n Number
	start := i
	for _, q := range qualifiers {
		if hasSeq(low, i, q.words) {
			n.AtLeast = q.atLeast
			n.Approx = !q.atLeast
			i += len(q.words)
			break
		}
	}
	j, ok := parseCore(low, i, &n)
	if !ok {
		return Number{}, start, false
	}
	switch {
	case j < len(low) && (low[j] == "%" || low[j] == "percent"):
		n.Percent = true
		j++
	case hasSeq(low, j, []string{"per", "cent"}):
		n.Percent = true
		j += 2
	}
	return n, j, true
}

func hasSeq(low []string, i int, seq []string) bool {
	if i+len(seq) > len(low) {
		return false
	}
	for k, w := range seq {
		if low[i+k] != w {
			return false
		}
	}
	return true
}

// parseCore reads digits, spelled numbers or vague counts.
func parseCore(low []string, i int, n *Number) (int, bool) {
	if i >= len(low) {
		return i, false
	}
	w := low[i]
	if v, ok := vague[w]; ok {
		if i+1 < len(low) && low[i+1] == "of" || i+1 < len(low) && isNounish(low[i+1]) {
			n.Value, n.Max, n.Approx = v[0], v[1], true
			return i + 1, true
		}
		return i, false
	}
	if w == "half" {
		n.Value, n.Percent = 50, true
		return i + 1, true
	}
	if (w == "a" || w == "one") && i+1 < len(low) && low[i+1] == "dozen" {
		n.Value, n.Approx = 12, true
		return i + 2, true
	}
	if w == "dozen" {
		n.Value = 12
		return i + 1, true
	}
	if v, ok := parseDigits(w); ok {
		j := i + 1
		if j < len(low) {
			if m, ok := scales[low[j]]; ok {
				v *= m
				j++
			}
		}
		n.Value = v
		return j, true
	}
	// spelled: "twenty-five", "one hundred", "three thousand"
	v, j, ok := spelled(low, i)
	if !ok {
		return i, false
	}
	n.Value = v
	return j, true
}

func isNounish(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	return c >= 'a' && c <= 'z'
}

func parseDigits(w string) (float64, bool) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	s := strings.ReplaceAll(w, ",", "")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

func spelled(low []string, i int) (float64, int, bool) {
	total, cur := 0.0, 0.0
	j := i
	seen := false
	for j < len(low) {
		w := low[j]
		if v, ok := units[w]; ok {
			cur += v
		} else if v, ok := tens[w]; ok {
			cur += v
		} else if a, b, ok := strings.Cut(w, "-"); ok && tens[a] > 0 && units[b] > 0 {
			cur += tens[a] + units[b]
		} else if m, ok := scales[w]; ok && seen {
			if m == 100 {
				cur *= 100
			} else {
				total += cur * m
				cur = 0
			}
		} else if w == "and" && seen && j+1 < len(low) && (units[low[j+1]] > 0 || tens[low[j+1]] > 0) && j > i && scales[low[j-1]] > 0 {
			// "one hundred and twenty"
		} else {
			break
		}
		seen = true
		j++
	}
	if !seen {
		return 0, i, false
	}
	return total + cur, j, true
}

// ParseNumber parses a whole number phrase ("at least 250", "almost 40%",
// "dozens", "two", "1,000"). It reports false unless the phrase is one
// number and nothing else.
func ParseNumber(phrase string) (Number, bool) {
	toks := nlp.Tokenize(phrase)
	low := make([]string, len(toks))
	for i, t := range toks {
		low[i] = strings.ToLower(t.Text)
	}
	if len(low) == 0 {
		return Number{}, false
	}
	// A vague count needs no noun when it is the whole phrase.
	if len(low) == 1 {
		if v, ok := vague[low[0]]; ok {
			return Number{Value: v[0], Max: v[1], Approx: true}, true
		}
	}
	n, j, ok := parseNumber(low, 0)
	if !ok || j != len(low) {
		return Number{}, false
	}
	return n, true
}
