// Command sourceshapes counts the attribution sources in `sitrep extract`
// output whose shape shows they are wrong, so that changes to source
// typing can be measured on news that has no gold for it (docs/attribution.md,
// "Sources in conflict news"):
//
//	go run ./cmd/sitrep extract -q --date 2025-03-20 ../shared/data/unlabelled/voa_stories.jsonl > /tmp/out.jsonl
//	go run ./tools/sourceshapes /tmp/out.jsonl
//
// The shapes are deliberately crude: a country typed as a person, a source
// holding another claim's report verb, a party that is the whole source,
// and a lone lower-case word that names no one. Each count is an upper
// bound on one kind of error, not a score; errors that leave a plausible
// text (a pronoun resolved to the wrong person, a name with the wrong
// kind) do not show, and need reading.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/sitrep-osint/sitrep/news"
)

// speakers are lone lower-case words that do name who speaks.
var speakers = fields(`officials analysts experts residents witnesses sources police
	authorities diplomats critics activists observers lawmakers militants rebels officers
	troops soldiers villagers survivors locals he she they it we you i official source
	spokesman spokeswoman spokesperson ministry government group army military committee
	agency report statement study survey poll data court prosecutors organization
	organisation office campaign council commission party administration department`)

var reportVerb = regexp.MustCompile(`\b(said|says|told)\b`)

func fields(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sourceshapes EXTRACT-OUTPUT.jsonl")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "sourceshapes:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	counts := map[string]int{}
	examples := map[string][]string{}
	claims := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		var a news.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		for _, at := range a.Attributions {
			claims++
			for _, shape := range shapes(at.Source) {
				counts[shape]++
				if len(examples[shape]) < 5 {
					examples[shape] = append(examples[shape], fmt.Sprintf("%q (%s)", at.Source.Text, at.Cue.Text))
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Printf("%d claims\n", claims)
	names := make([]string, 0, len(counts))
	for k := range counts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Printf("%-26s %4d  e.g. %s\n", k, counts[k], strings.Join(examples[k], ", "))
	}
	return nil
}

// shapes names the wrong shapes of source s.
func shapes(s news.Source) []string {
	var out []string
	switch s.Kind {
	case "", news.SrcNoComment:
		return nil
	}
	words := strings.Fields(s.Text)
	if (s.Kind == news.SrcAnonymous || s.Kind == news.SrcOrg) && len(words) == 1 && s.Text == strings.ToLower(s.Text) && !speakers[s.Text] {
		out = append(out, "lone word")
	}
	if reportVerb.MatchString(s.Text) {
		out = append(out, "holds a report verb")
	}
	if s.Party != "" && s.Party == s.Text && s.Kind == news.SrcAnonymous {
		out = append(out, "party is the source")
	}
	if s.Kind == news.SrcPerson && s.Role == "" && s.Actor != nil && s.Actor.Kind != "" && s.Actor.Kind != "person" {
		// a person who resolves to a body without a role that speaks for it
		out = append(out, "person is a "+s.Actor.Kind)
	}
	return out
}
