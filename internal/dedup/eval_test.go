package dedup

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

var voaPath = flag.String("voa", "../../../shared/data/unlabelled/voa_stories.jsonl",
	"VOA stories (JSON Lines with a text field) for TestEvalSyndicated; the test skips when absent")

// sentences splits a story into rough sentences, enough to build edits.
func sentences(text string) []string {
	var out []string
	for len(text) > 0 {
		i := strings.Index(text, ". ")
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+1])
		text = text[i+2:]
	}
	return out
}

// paragraphs groups sentences three by three.
func paragraphs(text string) []string {
	ss := sentences(text)
	var out []string
	for i := 0; i < len(ss); i += 3 {
		out = append(out, strings.Join(ss[i:min(i+3, len(ss))], " "))
	}
	return out
}

var boilerplate = []string{
	"Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
	"Follow us on X, Facebook and Telegram for the latest updates. Sign up for our daily newsletter.",
	"(Reporting by staff; Editing by the world desk)",
	"Some information for this report came from Reuters and Agence France-Presse.",
}

// edit is one syndicated-style change to a story; other is an unrelated
// story it may borrow from.
type edit struct {
	name string
	fn   func(r *rand.Rand, text, other string) string
}

func substitute(r *rand.Rand, text string, share float64, vocab []string) string {
	ws := strings.Fields(text)
	for i := range ws {
		if r.Float64() < share {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
	}
	return strings.Join(ws, " ")
}

var vocab = strings.Fields("officials said reported according Monday Tuesday forces attack people killed government capital region statement spokesman week country military security")

var edits = []edit{
	{"boilerplate added", func(r *rand.Rand, text, _ string) string {
		return boilerplate[r.IntN(2)] + " " + text + " " + boilerplate[2+r.IntN(2)]
	}},
	{"paragraph dropped", func(r *rand.Rand, text, _ string) string {
		ps := paragraphs(text)
		i := r.IntN(len(ps))
		return strings.Join(slices.Delete(ps, i, i+1), " ")
	}},
	{"paragraph added", func(r *rand.Rand, text, other string) string {
		ps := paragraphs(text)
		add := paragraphs(other)[0]
		i := r.IntN(len(ps) + 1)
		return strings.Join(slices.Insert(ps, i, add), " ")
	}},
	{"5% words substituted", func(r *rand.Rand, text, _ string) string { return substitute(r, text, 0.05, vocab) }},
	{"first two thirds only", func(_ *rand.Rand, text, _ string) string {
		ss := sentences(text)
		return strings.Join(ss[:len(ss)*2/3], " ")
	}},
	{"all of the above but trimming", func(r *rand.Rand, text, other string) string {
		ps := paragraphs(text)
		i := r.IntN(len(ps))
		ps = slices.Delete(ps, i, i+1)
		ps = slices.Insert(ps, r.IntN(len(ps)+1), paragraphs(other)[0])
		return boilerplate[0] + " " + substitute(r, strings.Join(ps, " "), 0.03, vocab) + " " + boilerplate[3]
	}},
}

// TestEvalSyndicated measures how well Similarity and the LSH bands find
// syndicated copies of VOA stories and keep unrelated stories apart; the
// figures go into docs/store.md. Run with -v to see them.
func TestEvalSyndicated(t *testing.T) {
	f, err := os.Open(*voaPath)
	if err != nil {
		t.Skipf("VOA stories not available: %v", err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for line := 1; sc.Scan(); line++ {
		var s struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("%s:%d: %v", *voaPath, line, err)
		}
		if len(strings.Fields(s.Text)) >= 100 {
			texts = append(texts, s.Text)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	fps := make([]Fingerprint, len(texts))
	for i, s := range texts {
		fps[i] = Compute(s)
	}
	type pair struct {
		edit  string
		story int
		fp    Fingerprint
	}
	var copies []pair
	for i, s := range texts {
		for _, e := range edits {
			other := texts[(i+1+r.IntN(len(texts)-1))%len(texts)]
			copies = append(copies, pair{e.name, i, Compute(e.fn(r, s, other))})
		}
	}

	thresholds := []float64{0.3, 0.4, 0.5, 0.6, 0.7}
	t.Logf("%d stories, %d syndicated copies (%d edits each), %d unrelated pairs", len(texts), len(copies), len(edits), len(texts)*(len(texts)-1)/2)
	// Similarity alone, at several thresholds.
	perEdit := map[string][]float64{}
	for _, c := range copies {
		perEdit[c.edit] = append(perEdit[c.edit], Similarity(fps[c.story], c.fp))
	}
	// Unrelated pairs, as they are and with the same outlet boilerplate
	// added to both (a common source of false matches among short texts).
	var unrelated, sameOutlet []float64
	outlet := make([]Fingerprint, len(texts))
	for i, s := range texts {
		outlet[i] = Compute(boilerplate[0] + " " + s + " " + boilerplate[1] + " " + boilerplate[3])
	}
	for i := range fps {
		for j := i + 1; j < len(fps); j++ {
			unrelated = append(unrelated, Similarity(fps[i], fps[j]))
			sameOutlet = append(sameOutlet, Similarity(outlet[i], outlet[j]))
		}
	}
	for _, e := range edits {
		sims := perEdit[e.name]
		slices.Sort(sims)
		t.Logf("%-32s similarity min %.2f median %.2f", e.name, sims[0], sims[len(sims)/2])
	}
	slices.Sort(unrelated)
	slices.Sort(sameOutlet)
	t.Logf("%-32s similarity max %.2f median %.2f", "unrelated pairs", unrelated[len(unrelated)-1], unrelated[len(unrelated)/2])
	t.Logf("%-32s similarity max %.2f median %.2f", "unrelated, same boilerplate", sameOutlet[len(sameOutlet)-1], sameOutlet[len(sameOutlet)/2])
	for _, th := range thresholds {
		tp, fn, fp, fpOutlet := 0, 0, 0, 0
		for _, sims := range perEdit {
			for _, s := range sims {
				if s >= th {
					tp++
				} else {
					fn++
				}
			}
		}
		for i, s := range unrelated {
			if s >= th {
				fp++
			}
			if sameOutlet[i] >= th {
				fpOutlet++
			}
		}
		t.Logf("threshold %.1f: recall %d/%d = %.3f, false pairs %d (%d with shared boilerplate), precision %.3f", th, tp, tp+fn, float64(tp)/float64(tp+fn), fp, fpOutlet, float64(tp)/float64(tp+fp))
	}

	// The index end to end: originals first, then every copy.
	var ix Index
	for i := range texts {
		ix.Add(fmt.Sprint("s", i), fps[i])
	}
	found, wrong := 0, 0
	for k, c := range copies {
		switch ix.Add(fmt.Sprint("c", k), c.fp) {
		case fmt.Sprint("s", c.story):
			found++
		default:
			wrong++
		}
	}
	// Candidate pairs: how many unrelated originals share a band.
	cand := 0
	for i := range fps {
		for j := i + 1; j < len(fps); j++ {
			for b := range Bands {
				if fps[i].Bands[b] == fps[j].Bands[b] {
					cand++
					break
				}
			}
		}
	}
	merged := 0
	for i := range texts {
		if c := ix.Add(fmt.Sprint("s", i), fps[i]); c != fmt.Sprint("s", i) {
			merged++
		}
	}
	t.Logf("index (threshold %.1f): %d/%d copies joined their story's cluster, %d did not; %d originals merged; %d unrelated pairs share a band", Threshold, found, len(copies), wrong, merged, cand)
	if rec := float64(found) / float64(len(copies)); rec < 0.95 {
		t.Errorf("index recall %.3f below 0.95", rec)
	}
	if merged > 0 {
		t.Errorf("%d unrelated stories merged", merged)
	}
}
