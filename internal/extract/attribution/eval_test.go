package attribution

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

func TestScore(t *testing.T) {
	text := "He said it rained."
	gold := []news.Span{{Start: 8, End: 18}}
	tests := []struct {
		pred         []news.Span
		exact, overl int
	}{
		{[]news.Span{{Start: 8, End: 17}}, 1, 1}, // trailing period trimmed
		{[]news.Span{{Start: 11, End: 17}}, 0, 1},
		{[]news.Span{{Start: 0, End: 2}}, 0, 0},
		{[]news.Span{{Start: 8, End: 12}, {Start: 13, End: 17}}, 0, 1}, // one to one
	}
	for _, tt := range tests {
		if got := score(text, tt.pred, gold, true); got.MatchP != tt.exact {
			t.Errorf("%v exact: %d, want %d", tt.pred, got.MatchP, tt.exact)
		}
		if got := score(text, tt.pred, gold, false); got.MatchP != tt.overl {
			t.Errorf("%v overlap: %d, want %d", tt.pred, got.MatchP, tt.overl)
		}
	}
}

func TestReadAnnRuneOffsets(t *testing.T) {
	text := "“Don’t,” she said."
	ann := "T1\tSource 9 12\tshe\nT2\tCue 13 17\tsaid\nT3\tContent 0 7;7 8\t“Don’t,”\nE1\tAttribution:T2 Source:T1\n"
	dir := polnearDir(t, map[string]string{"text/a.txt": text, "attributions/a_x1.ann": ann})
	gold := loadGold(t, dir)
	g := gold[0]
	if got := text[g.Sources[0].Start:g.Sources[0].End]; got != "she" {
		t.Errorf("source %q", got)
	}
	if got := text[g.Cues[0].Start:g.Cues[0].End]; got != "said" {
		t.Errorf("cue %q", got)
	}
	if got := text[g.Content[0].Start:g.Content[0].End]; got != "“Don’t,”" {
		t.Errorf("content %q", got)
	}
	if _, err := LoadPolNeAR(t.Context(), t.TempDir()); !errors.Is(err, ErrNoData) {
		t.Errorf("empty dir: %v", err)
	}
}

// TestPolNeAR reports scores on a PolNeAR split when ATTR_POLNEAR names
// one (e.g. ../shared/data/attribution/polnear/train); with ATTR_MISSES
// set it prints the gold cues it missed, most frequent first.
func TestPolNeAR(t *testing.T) {
	dir := os.Getenv("ATTR_POLNEAR")
	if dir == "" {
		t.Skip("ATTR_POLNEAR not set")
	}
	gold := loadGold(t, dir)
	x := New(Options{BroadCues: os.Getenv("ATTR_BROAD") != ""})
	if m := testModel(t); m != nil {
		x.model = m
	}
	if m := testCueModel(t); m != nil {
		x.cues = m
	}
	if os.Getenv("ATTR_CUEMODEL") == "none" {
		x.cues = nil
	}
	r, err := Evaluate(t.Context(), x, gold)
	if err != nil {
		t.Fatal(err)
	}
	for k, n := range SpanNames {
		fmt.Printf("%-8s exact P %.3f R %.3f F1 %.3f   overlap P %.3f R %.3f F1 %.3f  (pred %d gold %d)\n", n,
			r.Exact[k].P(), r.Exact[k].R(), r.Exact[k].F1(), r.Overlap[k].P(), r.Overlap[k].R(), r.Overlap[k].F1(), r.Overlap[k].Pred, r.Overlap[k].Gold)
	}
	if os.Getenv("ATTR_MISSES") == "" {
		return
	}
	k := SpanCue
	if v := os.Getenv("ATTR_KIND"); v == "source" {
		k = SpanSource
	} else if v == "content" {
		k = SpanContent
	}
	missed, spurious := map[string]int{}, map[string]int{}
	for _, g := range gold {
		pred := PredictedSpans(x.Extract(g.Text, time.Time{}))
		golds := [3][]news.Span{g.Sources, g.Cues, g.Content}[k]
		for _, gs := range golds {
			hit := false
			for _, p := range pred[k] {
				if p.Overlaps(gs) {
					hit = true
				}
			}
			if !hit {
				missed[short(g.Text[gs.Start:gs.End])]++
				if w := os.Getenv("ATTR_SHOW"); w != "" && g.Text[gs.Start:gs.End] == w {
					fmt.Printf("MISSED %q\n", g.Text[max(0, gs.Start-150):min(len(g.Text), gs.End+80)])
				}
			}
		}
		for _, p := range pred[k] {
			hit := false
			for _, gs := range golds {
				if p.Overlaps(gs) {
					hit = true
				}
			}
			if !hit {
				spurious[short(g.Text[p.Start:p.End])]++
				if w := os.Getenv("ATTR_SHOW"); w != "" && g.Text[p.Start:p.End] == w {
					fmt.Printf("SPURIOUS %q\n", g.Text[max(0, p.Start-150):min(len(g.Text), p.End+80)])
				}
			}
		}
	}
	dump := func(name string, m map[string]int) {
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range m {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		fmt.Println(name)
		for i := 0; i < len(l) && i < 60; i++ {
			fmt.Printf("  %4d %q\n", l[i].v, l[i].k)
		}
	}
	dump("missed", missed)
	dump("spurious", spurious)
}

func short(s string) string {
	if len(s) > 60 {
		return s[:60]
	}
	return s
}

// taggerOnly returns the tagger's spans alone, for comparing it with the
// combined extractor.
func taggerOnly(m *model, text string) [3][]news.Span {
	d := &doc{text: text}
	var out [3][]news.Span
	if !d.patterns() {
		return out
	}
	sp := tagSpans(d.tag(m))
	for k := range 3 {
		for _, r := range sp[k] {
			b := d.tokBytes(r)
			out[k] = append(out[k], news.Span{Start: b[0], End: b[1]})
		}
	}
	return out
}

func TestPolNeARTaggerOnly(t *testing.T) {
	dir := os.Getenv("ATTR_POLNEAR")
	if dir == "" {
		t.Skip("ATTR_POLNEAR not set")
	}
	gold := loadGold(t, dir)
	m, err := loadModel()
	if err != nil {
		t.Skip(err)
	}
	if tm := testModel(t); tm != nil {
		m = tm
	}
	var ov [3]PRF
	for _, g := range gold {
		pred := taggerOnly(m, g.Text)
		golds := [3][]news.Span{g.Sources, g.Cues, g.Content}
		for k := range 3 {
			ov[k].add(score(g.Text, pred[k], golds[k], false))
		}
	}
	for k, n := range SpanNames {
		fmt.Printf("tagger only %-8s overlap P %.3f R %.3f F1 %.3f\n", n, ov[k].P(), ov[k].R(), ov[k].F1())
	}
}

// loadGold reads a PolNeAR split; ATTR_HOLDOUT=N keeps only its last N
// articles (those trainattrib --holdout N left out).
func loadGold(t *testing.T, dir string) []GoldArticle {
	gold, err := LoadPolNeAR(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := strconv.Atoi(os.Getenv("ATTR_HOLDOUT")); n > 0 && n < len(gold) {
		gold = gold[len(gold)-n:]
	}
	return gold
}

// testModel reads the model file ATTR_MODEL names (e.g. one trained with
// trainattrib --holdout), or returns nil when it is unset.
func testModel(t *testing.T) *model { return testModelFile(t, "ATTR_MODEL", readModel) }

// testCueModel reads the cue model file ATTR_CUEMODEL names, or returns
// nil when it is unset; ATTR_CUEMODEL=none runs without a detector.
func testCueModel(t *testing.T) *cueModel { return testModelFile(t, "ATTR_CUEMODEL", readCueModel) }

func testModelFile[T any](t *testing.T, env string, read func(io.Reader) (*T, error)) *T {
	p := os.Getenv(env)
	if p == "" || p == "none" {
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := read(f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestPolNeARCueDetector scores the cue detector's spans alone.
func TestPolNeARCueDetector(t *testing.T) {
	dir := os.Getenv("ATTR_POLNEAR")
	if dir == "" {
		t.Skip("ATTR_POLNEAR not set")
	}
	gold := loadGold(t, dir)
	m := testCueModel(t)
	if m == nil {
		t.Skip("ATTR_CUEMODEL not set")
	}
	var ov, ex PRF
	scoreDetector(m, gold, &ov, &ex)
	fmt.Printf("cue detector exact P %.3f R %.3f F1 %.3f   overlap P %.3f R %.3f F1 %.3f\n", ex.P(), ex.R(), ex.F1(), ov.P(), ov.R(), ov.F1())
}

// TestCueCV cross-validates the cue detector on a PolNeAR split
// (ATTR_CV=folds): each fold is scored by a model trained on the others.
func TestCueCV(t *testing.T) {
	dir := os.Getenv("ATTR_POLNEAR")
	folds, _ := strconv.Atoi(os.Getenv("ATTR_CV"))
	if dir == "" || folds < 2 {
		t.Skip("ATTR_POLNEAR or ATTR_CV not set")
	}
	gold, err := LoadPolNeAR(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	epochs, _ := strconv.Atoi(os.Getenv("ATTR_EPOCHS"))
	models, _ := strconv.Atoi(os.Getenv("ATTR_MODELS"))
	var ov, ex PRF
	for f := range folds {
		var tr, te []GoldArticle
		for i, g := range gold {
			if i%folds == f {
				te = append(te, g)
			} else {
				tr = append(tr, g)
			}
		}
		var buf bytes.Buffer
		if err := TrainCues(tr, TrainOptions{Epochs: epochs, Seed: 1, Models: models}, &buf); err != nil {
			t.Fatal(err)
		}
		m, err := readCueModel(&buf)
		if err != nil {
			t.Fatal(err)
		}
		scoreDetector(m, te, &ov, &ex)
	}
	fmt.Printf("cue detector CV exact P %.3f R %.3f F1 %.3f   overlap P %.3f R %.3f F1 %.3f\n", ex.P(), ex.R(), ex.F1(), ov.P(), ov.R(), ov.F1())
}

// scoreDetector adds the overlap and exact scores of the cue detector's
// own spans on gold to ov and ex.
func scoreDetector(m *cueModel, gold []GoldArticle, ov, ex *PRF) {
	for _, g := range gold {
		d := &doc{text: g.Text}
		if !d.patterns() {
			continue
		}
		var pred []news.Span
		for _, r := range d.cueSpans(d.detectCues(m, d.ruleTags(), true)) {
			b := d.tokBytes(r)
			pred = append(pred, news.Span{Start: b[0], End: b[1]})
		}
		ov.add(score(g.Text, pred, g.Cues, false))
		ex.add(score(g.Text, pred, g.Cues, true))
	}
}

func TestAgreement(t *testing.T) {
	text := "She said it rained. He said it snowed."
	both := "T1\tSource 0 3\tShe\nT2\tCue 4 8\tsaid\nT3\tContent 9 18\tit rained\n" +
		"T4\tSource 20 22\tHe\nT5\tCue 23 27\tsaid\nT6\tContent 28 37\tit snowed\n"
	one := "T1\tSource 0 3\tShe\nT2\tCue 4 8\tsaid\nT3\tContent 9 18\tit rained\n"
	dir := polnearDir(t, map[string]string{
		"text/a.txt": text, "text/b.txt": text,
		"attributions/a_x1.ann": both, "attributions/a_x2.ann": one, "attributions/b_x1.ann": one,
	})

	gold, err := LoadPolNeAR(t.Context(), dir)
	if err != nil || len(gold) != 2 || len(gold[0].Cues) != 2 {
		t.Fatalf("LoadPolNeAR: %d articles, err %v; want 2, the first annotation of a", len(gold), err)
	}
	multi, err := LoadPolNeARAnnotators(t.Context(), dir)
	if err != nil || len(multi) != 1 || len(multi[0]) != 2 || multi[0][0].Name != "a" {
		t.Fatalf("LoadPolNeARAnnotators: %v, err %v; want article a with 2 annotations", multi, err)
	}
	r, err := Agreement(t.Context(), multi)
	if err != nil {
		t.Fatal(err)
	}
	// x2 against x1: 1 of 2 cues found, all found right; x1 against x2 the
	// other way round. Micro-averaged: 2 matches of 3 predicted, 3 gold.
	if c := r.Overlap[SpanCue]; c.Pred != 3 || c.Gold != 3 || c.MatchP != 2 || c.MatchG != 2 {
		t.Errorf("cue agreement %+v, want 2 of 3 both ways", c)
	}
	if r.Articles != 2 {
		t.Errorf("%d scorings, want 2 (each annotation against the other)", r.Articles)
	}
	x := New(Options{})
	r, err = EvaluateAll(t.Context(), x, multi)
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Overlap[SpanCue]; c.Gold != 3 || c.MatchG != 3 || r.Articles != 2 {
		t.Errorf("sitrep against both annotations: %+v over %d, want all 3 gold cues found over 2", c, r.Articles)
	}
}

// polnearDir writes a PolNeAR split (text/ and attributions/) of the given
// files, by path relative to the split, and returns its directory.
func polnearDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
