// Package demo bundles a small corpus of real conflict news so that a new
// user can see sitrep work without finding inputs first: 89 Voice of America
// stories from March 2025 (Middle East, Ukraine, Africa), which are US public
// domain. `sitrep demo` ingests them into a fresh database.
package demo

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"time"
)

// Name is how the bundled corpus is named in origins and error messages.
const Name = "demo:voa_stories.jsonl"

// VOAStories is the corpus in JSON Lines, one story per line with id, url,
// section, title, author, published, keywords and text.
//
//go:embed voa_stories.jsonl
var VOAStories []byte

// Story is one story of the corpus.
type Story struct {
	ID, URL, Title, Text string
	Published            time.Time
}

// Stories decodes the corpus, in file order.
func Stories() ([]Story, error) {
	var out []Story
	for i, line := range bytes.Split(VOAStories, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var s struct{ ID, URL, Title, Text, Published string }
		if err := json.Unmarshal(line, &s); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", Name, i+1, err)
		}
		pub, err := time.Parse("2006-01-02 15:04:05Z", s.Published)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", Name, i+1, err)
		}
		out = append(out, Story{ID: s.ID, URL: s.URL, Title: s.Title, Text: s.Text, Published: pub})
	}
	return out, nil
}
