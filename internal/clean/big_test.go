package clean

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

// TestLargeDumps runs long dumps of the shapes that would make a careless
// splitter quadratic, and checks what comes out.
func TestLargeDumps(t *testing.T) {
	c := New(Options{})
	var distinct strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&distinct, "Headline Number %d Here\n\n%s\n\n\n\n", i, prose)
	}
	tests := []struct {
		name, body string
		articles   int
		err        bool
	}{
		{"same prose line", strings.Repeat(prose+"\n", 50000), 1, false},
		{"headlines and gaps", strings.Repeat("Some Headline Line Here\n\n\n\n", 50000), 0, true},
		{"separators", strings.Repeat("-----\nShort Title Line Two\n", 50000), 0, true},
		{"distinct articles", distinct.String(), 5000, false},
	}
	for _, tt := range tests {
		arts, err := c.Clean(context.Background(), news.Document{Origin: tt.name, Format: news.FormatText, Body: []byte(tt.body)})
		if (err != nil) != tt.err || len(arts) != tt.articles {
			t.Errorf("%s: %d articles, error %v; want %d", tt.name, len(arts), err, tt.articles)
		}
	}
}
