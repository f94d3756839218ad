package events

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// TestLongSentence checks that one enormous sentence (a page without
// punctuation) stays fast.
func TestLongSentence(t *testing.T) {
	words := strings.Fields("Russia attacked Ukraine with 64 drones and killed 3 people in Kharkiv on Monday said the Ukrainian air force while NATO met Germany")
	var b strings.Builder
	for i := 0; i < 20000; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	x, _ := New(Options{})
	start := time.Now()
	x.Extract(&news.Article{Text: b.String(), Published: thu})
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Extract on a 20,000-word sentence took %v", d)
	}
}
