// Command benchcorpus writes a synthetic news corpus in JSON Lines for
// measuring sitrep's throughput: articles of about 4 KB made of sentences
// drawn from the bundled Voice of America stories, one in ten a lightly
// edited copy of an earlier one (as syndicated wire copy is), so that the
// near-duplicate path is exercised too.
//
//	go run ./tools/benchcorpus -n 10000 > /tmp/corpus.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/demo"
)

type story struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

func main() {
	n := flag.Int("n", 10000, "articles to write")
	size := flag.Int("size", 4000, "approximate article length in bytes")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := run(*n, *size, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "benchcorpus:", err)
		os.Exit(1)
	}
}

func run(n, size int, seed uint64) error {
	stories, err := demo.Stories()
	if err != nil {
		return err
	}
	var sentences, titles []string
	for _, s := range stories {
		titles = append(titles, s.Title)
		for _, sen := range strings.SplitAfter(s.Text, ". ") {
			if len(sen) > 40 {
				sentences = append(sentences, strings.TrimSpace(sen))
			}
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	outlets := []string{"Reuters", "AP", "AFP", "VOA", "Kyiv Independent", "Al Jazeera", "BBC", "Asharq Al-Awsat"}
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var written []story
	base := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		var s story
		if i > 0 && i%10 == 0 {
			// A syndicated copy: another outlet, a new headline, one
			// sentence dropped and a boilerplate line added.
			s = written[rng.IntN(len(written))]
			paras := strings.Split(s.Text, "\n\n")
			if len(paras) > 2 {
				k := 1 + rng.IntN(len(paras)-1)
				paras = append(paras[:k], paras[k+1:]...)
			}
			s.Text = strings.Join(paras, "\n\n") + "\n\nReporting by staff; editing by the desk."
			s.Title = "UPDATE 1-" + s.Title
		} else {
			var b strings.Builder
			for b.Len() < size {
				if b.Len() > 0 {
					if rng.IntN(3) == 0 {
						b.WriteString("\n\n")
					} else {
						b.WriteByte(' ')
					}
				}
				b.WriteString(sentences[rng.IntN(len(sentences))])
			}
			s.Text = b.String()
			s.Title = titles[rng.IntN(len(titles))]
		}
		s.ID = fmt.Sprintf("bench-%06d", i)
		s.URL = fmt.Sprintf("https://news.example/%06d", i)
		s.Source = outlets[rng.IntN(len(outlets))]
		s.Published = base.Add(time.Duration(i) * time.Minute).Format(time.RFC3339)
		written = append(written, s)
		if err := enc.Encode(s); err != nil {
			return err
		}
	}
	return w.Flush()
}
