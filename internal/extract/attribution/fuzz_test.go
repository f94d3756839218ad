package attribution

import (
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

func FuzzExtract(f *testing.F) {
	a1, a2 := seedArticles(f)
	// Paragraphs of the seed articles (whole articles make the fuzzer's
	// minimisation crawl).
	for _, a := range []string{a1, a2} {
		for _, p := range strings.Split(a, "\n\n") {
			if len(p) > 80 {
				f.Add(p)
			}
		}
	}
	for _, s := range []string{
		"", "“", "”", "\"", "said", ", said", "according to", "did not reply",
		"“Unclosed quote,\n\n“still going,” he said.", "X said: “a” “b” “c",
		"The account was confirmed by a, b and c.", "He told", "one of", "one of the",
		"Officials, who declined to comment, said.", "It could not be independently verified.",
	} {
		f.Add(s)
	}
	x := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		attrs := x.Extract(text, time.Time{})
		// as in the pipeline: the nlp stage's sentences and tokens given
		sents, toks := nlp.Spans(nlp.TokenizeSentences(text))
		attrs = append(attrs, x.extract(text, time.Time{}, sents, toks)...)
		for _, a := range attrs {
			for _, sp := range []news.TextSpan{a.Cue, a.Content, {Text: text[clamp(a.Source.Start, len(text)):clamp(a.Source.End, len(text))], Start: a.Source.Start, End: a.Source.End}} {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("span [%d,%d) out of bounds of %d bytes", sp.Start, sp.End, len(text))
				}
				if text[sp.Start:sp.End] != sp.Text {
					t.Fatalf("span text %q != text[%d:%d] %q", sp.Text, sp.Start, sp.End, text[sp.Start:sp.End])
				}
				if utf8.ValidString(text) && !utf8.ValidString(text[sp.Start:sp.End]) {
					t.Fatalf("span [%d,%d) splits a character", sp.Start, sp.End)
				}
			}
		}
	})
}

func clamp(i, n int) int { return max(0, min(i, n)) }

// TestSpansValid checks every span of the seed articles against the text.
func TestSpansValid(t *testing.T) {
	a1, a2 := seedArticles(t)
	for _, opts := range []Options{{}, {BroadCues: true}, {CueDetector: true}} {
		x := New(opts)
		for _, text := range []string{a1, a2, strings.Repeat("“He said", 3)} {
			for _, a := range x.Extract(text, time.Time{}) {
				if a.Cue.Text != text[a.Cue.Start:a.Cue.End] || a.Content.Text != text[a.Content.Start:a.Content.End] {
					t.Errorf("%+v: bad span in %+v", opts, a)
				}
				if a.Source.Start > a.Source.End || a.Source.End > len(text) {
					t.Errorf("%+v: bad source span %+v", opts, a.Source)
				}
			}
		}
	}
}

// TestCueDetectorLoads checks that the embedded cue model loads and finds
// the cues of a plain sentence.
func TestCueDetectorLoads(t *testing.T) {
	m, err := loadCueModel()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc{text: "The minister said on Monday that the talks had failed."}
	if !d.patterns() {
		t.Fatal("no tokens")
	}
	spans := d.cueSpans(d.detectCues(m, d.ruleTags(), true))
	if len(spans) != 1 || d.toks[spans[0][0]].low != "said" {
		t.Errorf("cues %v, want one at \"said\"", spans)
	}
}

// BenchmarkExtract measures Extract on the seed articles (about 4 KB each
// once cleaned), reporting articles per second.
func BenchmarkExtract(b *testing.B) { benchSeed(b, New(Options{})) }

// benchSeed runs x on the seed articles in turn, reporting bytes, CPU time
// and articles per second.
func benchSeed(b *testing.B, x *Extractor) {
	a1, a2 := seedArticles(b)
	b.SetBytes(int64(len(a1)+len(a2)) / 2)
	b.ReportAllocs()
	reportCPU(b, func(i int) {
		if i%2 == 0 {
			x.Extract(a1, time.Time{})
		} else {
			x.Extract(a2, time.Time{})
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

type fakeResolver map[string]*news.ActorRef

func (f fakeResolver) Resolve(m, typ string, at time.Time) (*news.ActorRef, bool) {
	r, ok := f[m]
	return r, ok
}

func TestResolverMarksParties(t *testing.T) {
	_, a2 := seedArticles(t)
	res := fakeResolver{
		"Ukrainian air force": {Name: "Military Forces of Ukraine: Air Force", Kind: news.KindStateForces, Country: "UA"},
		"AP news":             {Name: "Associated Press", Kind: news.KindMedia},
	}
	attrs := New(Options{Resolver: res}).Extract(a2, time.Date(2025, 7, 17, 0, 0, 0, 0, time.UTC))
	var party, media bool
	for _, a := range attrs {
		if a.Source.Text == "Ukrainian air force" && a.Source.Actor != nil {
			party = true
		}
		if a.Source.Text == "AP news" && a.Source.Actor != nil {
			media = true
		}
	}
	if !party {
		t.Error("the Ukrainian air force is a party to the war: Source.Actor not set")
	}
	if media {
		t.Error("an outlet is not a party: Source.Actor set")
	}
}

func TestStage(t *testing.T) {
	_, a2 := seedArticles(t)
	st := NewStage(New(Options{}))
	if st.Name() != "attribution" {
		t.Fatal(st.Name())
	}
	a := &news.Article{Text: a2}
	if err := st.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Attributions) < 10 {
		t.Errorf("%d attributions", len(a.Attributions))
	}
}

// BenchmarkExtractPatterns measures the patterns alone, without the tagger.
func BenchmarkExtractPatterns(b *testing.B) { benchSeed(b, New(Options{NoTagger: true})) }

// BenchmarkTokenize measures the tokenizer and sentence splitter of
// internal/nlp on the same articles: the share of Extract that reading the
// text costs.
func BenchmarkTokenize(b *testing.B) {
	a1, a2 := seedArticles(b)
	b.SetBytes(int64(len(a1)+len(a2)) / 2)
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			nlp.TokenizeSentences(a1)
		} else {
			nlp.TokenizeSentences(a2)
		}
	}
}

// TestConcurrentExtract runs one Extractor from several goroutines, as the
// pipeline does (run with -race).
func TestConcurrentExtract(t *testing.T) {
	a1, a2 := seedArticles(t)
	x := New(Options{})
	want := len(x.Extract(a1, time.Time{}))
	done := make(chan int)
	for g := 0; g < 4; g++ {
		go func(g int) {
			n := 0
			for i := 0; i < 5; i++ {
				if g%2 == 0 {
					n = len(x.Extract(a1, time.Time{}))
				} else {
					x.Extract(a2, time.Time{})
					n = want
				}
			}
			done <- n
		}(g)
	}
	for g := 0; g < 4; g++ {
		if n := <-done; n != want {
			t.Errorf("concurrent run found %d attributions, want %d", n, want)
		}
	}
}

// reportCPU runs f b.N times on one locked thread and reports its CPU time
// per run as "cpu-ns/op" beside the usual wall time.
func reportCPU(b *testing.B, f func(i int)) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	c0 := threadCPU()
	for i := 0; i < b.N; i++ {
		f(i)
	}
	if c1 := threadCPU(); c1 > 0 {
		b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
	}
}

// TestResolverSpeaksFor resolves a source through the body it speaks for
// when it does not resolve itself: a person's role, an anonymous source's
// affiliation, a capital's country.
func TestResolverSpeaksFor(t *testing.T) {
	taliban := &news.ActorRef{Name: "Taliban", Kind: news.KindRebels, Country: "AF"}
	china := &news.ActorRef{Name: "China", Kind: news.KindState, Country: "CN"}
	res := fakeResolver{"Taliban spokesman": taliban, "Taliban": taliban, "China": china, "Chinese": china}
	tests := []struct{ text, source, actor string }{
		{"The crash killed the crew, Taliban spokesman Zabihullah Mujahid said.", "Zabihullah Mujahid", "Taliban"},
		{"Taliban officials said the convoy was hit.", "Taliban officials", "Taliban"},
		{"Beijing denies the allegations.", "Beijing", "China"},
		{"The talks failed, analyst Jane Roe said.", "Jane Roe", ""},
		{"Chinese researchers said the talks failed.", "Chinese researchers", ""},
		{"A Chinese opposition leader said the talks failed.", "Chinese opposition leader", ""},
	}
	x := New(Options{Resolver: res})
	for _, tt := range tests {
		attrs := x.Extract(tt.text, time.Time{})
		found := false
		for _, a := range attrs {
			if a.Source.Text != tt.source {
				continue
			}
			found = true
			got := ""
			if a.Source.Actor != nil {
				got = a.Source.Actor.Name
			}
			if got != tt.actor {
				t.Errorf("%q: %s speaks for %q, want %q", tt.text, tt.source, got, tt.actor)
			}
		}
		if !found {
			t.Errorf("%q: no source %q in %+v", tt.text, tt.source, attrs)
		}
	}
}
