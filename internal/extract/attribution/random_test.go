package attribution

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

// TestRandomEditsTerminate runs Extract on thousands of edited slices of the
// seed text and fails if one does not return promptly.
func TestRandomEditsTerminate(t *testing.T) {
	a1, a2 := seedArticles(t)
	src := a1 + a2
	r := rand.New(rand.NewSource(1))
	x := New(Options{})
	for n := 0; n < 3000; n++ {
		i := r.Intn(len(src))
		j := i + r.Intn(300)
		if j > len(src) {
			j = len(src)
		}
		b := []byte(src[i:j])
		for m := 0; m < 5 && len(b) > 0; m++ {
			k := r.Intn(len(b))
			switch r.Intn(3) {
			case 0:
				b[k] = byte(r.Intn(128))
			case 1:
				b = append(b[:k], b[k+1:]...)
			case 2:
				b = append(b[:k], append([]byte{"“”\",.:"[r.Intn(6)]}, b[k:]...)...)
			}
		}
		s := strings.ToValidUTF8(string(b), "")
		done := make(chan bool)
		go func() { x.Extract(s, time.Time{}); close(done) }()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("hang on %q", s)
		}
	}
}
