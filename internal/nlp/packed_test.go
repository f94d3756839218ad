package nlp

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

// TestFastViterbi checks the unrolled decoder against the general one on
// random emissions and transitions.
func TestFastViterbi(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	trans := make([]float32, transSize)
	for trial := 0; trial < 200; trial++ {
		for i := range trans {
			trans[i] = float32(rng.NormFloat64())
		}
		ft := newFastTrans(trans)
		n := 1 + rng.Intn(30)
		em := make([]float32, n*numTags)
		for i := range em {
			em[i] = float32(rng.NormFloat64() * float64(1+10*(trial%4)))
		}
		want, got := make([]int, n), make([]int, n)
		var score [2 * numTags]float32
		viterbi(em, trans, want, make([]uint8, n*numTags), score[:])
		ft.viterbi(em, got, make([]uint8, n*numTags))
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: fast viterbi %v, want %v", trial, got, want)
		}
	}
}

// TestPackedSums checks that the packed table's lane sums give the stored
// weights relative to O, within the int8 quantisation step.
func TestPackedSums(t *testing.T) {
	m := loadTestModel(t)
	pw := m.packed
	var rs []uint32
	for r := uint32(0); len(rs) < 60; r++ {
		if m.stage1.row(r) != nil && m.stage2.row(r) != nil {
			rs = append(rs, r)
		}
	}
	var a1, a2 laneSums
	pw.addBoth(rs, &a1, &a2)
	var e1, e2 [numTags]float32
	a1.emit(e1[:], pw.scale[0])
	a2.emit(e2[:], pw.scale[1])
	for p, sw := range []*stageWeights{&m.stage1, m.stage2} {
		got := [][numTags]float32{e1, e2}[p]
		var want [numTags]float64
		for _, r := range rs {
			row := sw.row(r)
			for tg := range want {
				want[tg] += float64(int(row[tg])-int(row[0])) * float64(sw.scale)
			}
		}
		tol := float64(len(rs)) * float64(pw.scale[p])
		for tg := range want {
			if d := float64(got[tg]) - want[tg]; d > tol || d < -tol {
				t.Errorf("pass %d tag %d: sum %.3f, want %.3f (±%.3f)", p+1, tg, got[tg], want[tg], tol)
			}
		}
	}
}

// TestStageConcurrent runs the stage on different articles from several
// goroutines at once: its pooled buffers must not leak between articles.
func TestStageConcurrent(t *testing.T) {
	m := loadTestModel(t)
	st := NewStage(m)
	raw, err := os.ReadFile("testdata/voa_sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(string(raw), "\n\n")
	var texts []string
	for i := 0; i+3 <= len(paras) && len(texts) < 12; i += 3 {
		texts = append(texts, strings.Join(paras[i:i+3], "\n\n"))
	}
	want := make([][]news.Entity, len(texts))
	for i, tx := range texts {
		want[i] = m.Entities(tx)
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(texts))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < 5; r++ {
				for i := range texts {
					k := (i + g) % len(texts)
					a := &news.Article{Text: texts[k]}
					if err := st.Process(context.Background(), a); err != nil {
						errs <- err.Error()
						return
					}
					if !slices.Equal(a.Entities, want[k]) {
						errs <- fmt.Sprintf("text %d: entities differ when run concurrently", k)
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestStoredWeightsAgree tags the VOA sample with the stored int16 weights
// (the path a model in training takes) and with the packed table: the
// requantisation may move a rare tag, no more.
func TestStoredWeightsAgree(t *testing.T) {
	m := loadTestModel(t)
	raw, err := os.ReadFile("testdata/voa_sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	var sents [][]string
	for _, s := range TokenizeSentences(string(raw)) {
		var ws []string
		for _, tk := range s {
			ws = append(ws, tk.Text)
		}
		sents = append(sents, ws)
	}
	stored := *m
	stored.packed = nil
	a, b := m.TagDocument(sents), stored.TagDocument(sents)
	n, diff := 0, 0
	for i := range a {
		for j := range a[i] {
			n++
			if a[i][j] != b[i][j] {
				diff++
			}
		}
	}
	t.Logf("%d of %d tags differ", diff, n)
	if diff*200 > n {
		t.Errorf("%d of %d tags differ between stored and packed weights", diff, n)
	}
}
