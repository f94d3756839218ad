package dedup

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode"
)

const article = `Russia launched 120 drones and four ballistic missiles at Ukraine overnight, the Ukrainian air force said on Sunday, adding that air defences shot down 98 of the drones over the north, east and centre of the country.
Regional officials said at least three people were killed and 14 injured in the city of Dnipro, where a residential building caught fire after being hit. Rescue crews worked through the night to pull survivors from the rubble.
Moscow did not immediately comment. The Russian defence ministry said separately that its forces had downed 41 Ukrainian drones over the Bryansk, Kursk and Belgorod regions and over the Sea of Azov.
Kyiv has been pressing its Western partners for more air defence systems as Russia steps up its long-range strikes on energy infrastructure ahead of winter.`

// normalize is a plain implementation of the words Compute sees, joined
// by spaces, to check Compute against.
func normalize(text string) string {
	var b strings.Builder
	first := true
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' || r == 'ʼ')
	}) {
		f = strings.NewReplacer("'", "", "’", "", "ʼ", "").Replace(f)
		if f == "" {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(strings.ToLower(f))
	}
	return b.String()
}

func TestComputeShape(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		empty bool
	}{
		{"empty", "", true},
		{"punctuation only", " ,.;—!? ", true},
		{"one word", "Kyiv", false},
		{"two words", "Kyiv said", false},
		{"article", article, false},
		{"arabic", "قال مسؤولون إن ثلاثة أشخاص قتلوا في غارة", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fp := Compute(tc.text)
			if fp.Empty() != tc.empty {
				t.Fatalf("Empty() = %v, want %v", fp.Empty(), tc.empty)
			}
			if tc.empty {
				if Similarity(fp, fp) != 0 {
					t.Errorf("empty fingerprint matches itself")
				}
				return
			}
			if len(fp.Sig) != Permutations || len(fp.Bands) != Bands {
				t.Fatalf("got %d hashes, %d bands", len(fp.Sig), len(fp.Bands))
			}
			if s := Similarity(fp, fp); s != 1 {
				t.Errorf("self-similarity %v", s)
			}
		})
	}
}

func TestNormalisation(t *testing.T) {
	// Case, punctuation and apostrophes do not change the fingerprint.
	a := Compute("The army's drones hit Kharkiv, officials said.")
	b := Compute("THE ARMY’S DRONES — hit   Kharkiv officials said")
	if s := Similarity(a, b); s != 1 {
		t.Errorf("similarity %v, want 1", s)
	}
	if got, want := normalize("The army's drones — hit KHARKIV!"), "the armys drones hit kharkiv"; got != want {
		t.Errorf("normalize = %q, want %q", got, want)
	}
}

func TestSimilarity(t *testing.T) {
	paras := strings.Split(article, "\n")
	tests := []struct {
		name     string
		other    string
		min, max float64
	}{
		{"identical", article, 1, 1},
		{"boilerplate added", "Copyright 2026 The Wire. All rights reserved.\n" + article + "\nFollow us on X and Telegram for the latest news.", 0.75, 0.98},
		{"last paragraph dropped", strings.Join(paras[:3], "\n"), 0.6, 0.95},
		{"words substituted", strings.NewReplacer("launched", "fired", "Sunday", "Monday", "night", "evening").Replace(article), 0.6, 0.97},
		{"unrelated", "The central bank raised interest rates by a quarter point on Thursday, citing persistent inflation in services and a tight labour market.", 0, 0.1},
	}
	base := Compute(article)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Similarity(base, Compute(tc.other))
			if s < tc.min || s > tc.max {
				t.Errorf("similarity %.3f, want in [%.2f, %.2f]", s, tc.min, tc.max)
			}
		})
	}
	if Similarity(base, Fingerprint{Sig: base.Sig[:10]}) != 0 {
		t.Error("mismatched signature lengths compared")
	}
}

func TestBandsDependOnBandIndex(t *testing.T) {
	// A text whose signature repeats would give equal band hashes across
	// bands if the band index were not mixed in.
	fp := Compute("one two three")
	seen := map[uint64]bool{}
	for _, b := range fp.Bands {
		if seen[b] {
			t.Fatalf("band hash %x repeats", b)
		}
		seen[b] = true
	}
}

func TestIndex(t *testing.T) {
	var ix Index
	paras := strings.Split(article, "\n")
	copyA := "Copyright 2026 The Wire.\n" + article
	copyB := strings.Join(paras[:3], "\n")
	other := "The central bank raised interest rates by a quarter point on Thursday, citing persistent inflation in services and a tight labour market. Analysts had expected the move."
	steps := []struct{ id, text, want string }{
		{"a", article, "a"},
		{"o", other, "o"},
		{"b", copyA, "a"},
		{"c", copyB, "a"},
		{"a", article, "a"}, // again: unchanged
		{"e", "", "e"},      // no words: its own cluster
		{"f", "", "f"},
	}
	for _, st := range steps {
		if got := ix.Add(st.id, Compute(st.text)); got != st.want {
			t.Errorf("Add(%q) = %q, want %q", st.id, got, st.want)
		}
	}
	if ix.Len() != 6 {
		t.Errorf("Len = %d, want 6", ix.Len())
	}
}

func TestIndexConcurrent(t *testing.T) {
	ix := NewIndex()
	fp := Compute(article)
	var wg sync.WaitGroup
	clusters := make([]string, 16)
	for i := range clusters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			clusters[i] = ix.Add(fmt.Sprint("id", i), fp)
		}()
	}
	wg.Wait()
	for _, c := range clusters {
		if c != clusters[0] {
			t.Fatalf("copies of one text in clusters %q and %q", c, clusters[0])
		}
	}
}

func FuzzCompute(f *testing.F) {
	for _, s := range []string{"", article, "a b", "Don't—stop", "\xff\xfe bad utf8 \xc3", "İstanbul ǅ ß", "x\u0301y z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fp := Compute(text)
		if fp.Empty() {
			if len(fp.Bands) != 0 {
				t.Fatal("empty fingerprint has bands")
			}
			if normalize(text) != "" {
				t.Fatalf("no words found in %q, normalize gives %q", text, normalize(text))
			}
			return
		}
		if len(fp.Sig) != Permutations || len(fp.Bands) != Bands {
			t.Fatalf("got %d hashes, %d bands", len(fp.Sig), len(fp.Bands))
		}
		if Similarity(fp, fp) != 1 {
			t.Fatal("self-similarity below 1")
		}
		// The fingerprint depends only on the normalised words.
		if n := Compute(normalize(text)); Similarity(fp, n) != 1 {
			t.Fatalf("fingerprint of %q differs from that of its normal form %q", text, normalize(text))
		}
	})
}

func BenchmarkCompute(b *testing.B) {
	text := strings.Repeat(article+"\n", 6)[:4096]
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Compute(text)
	}
}
