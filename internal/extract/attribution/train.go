package attribution

import (
	"context"
	"fmt"
	"io"
	"math/rand"

	"github.com/sitrep-osint/sitrep/news"
)

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int   // passes over the data (default 8)
	Seed   int64 // shuffling seed, for reproducible models
	Models int   // perceptrons averaged, trained with seeds Seed, Seed+1, ... (default 1)
	Log    io.Writer
}

// Train fits the tagger on gold articles with an averaged perceptron, the
// tags of earlier tokens being the model's own predictions (so that it
// learns to recover from its mistakes), and writes the quantised model to
// out.
func Train(ctx context.Context, gold []GoldArticle, opts TrainOptions, out io.Writer) error {
	if opts.Epochs <= 0 {
		opts.Epochs = 8
	}
	items := make([]taggerItem, 0, len(gold))
	for _, g := range gold {
		d := &doc{text: g.Text}
		if !d.patterns() {
			continue
		}
		items = append(items, taggerItem{d: d, fc: d.featureContext(), gold: goldTags(d, g)})
	}
	var sum []float32
	for m := range max(opts.Models, 1) {
		o := opts
		o.Seed += int64(m)
		avg, err := trainTagger(ctx, items, o)
		if err != nil {
			return err
		}
		if sum == nil {
			sum = avg
			continue
		}
		for k, v := range avg {
			sum[k] += v
		}
	}
	return writeModel(out, sum)
}

// taggerItem is one training article for the tagger.
type taggerItem struct {
	d    *doc
	fc   featureCtx
	gold []uint8
}

// trainTagger runs one averaged perceptron over items and returns its
// averaged weights.
func trainTagger(ctx context.Context, items []taggerItem, opts TrainOptions) ([]float32, error) {
	p := newAveraged(nBuckets, nTags)
	var f [maxFeats]uint32
	err := epochs(ctx, items, opts, "", func(it taggerItem) (errs, n int) {
		d := it.d
		p1, hist := uint8(tagO), uint8(0)
		for i := range d.toks {
			if i > 0 && d.toks[i].sent != d.toks[i-1].sent {
				hist = 0
			}
			if r, ok := d.forced(&it.fc, i); ok {
				p1, hist = r, hist|histBit(r)
				continue
			}
			k := d.features(&f, &it.fc, i, p1, hist)
			var sc [nTags]float32
			p.score(f[:k], sc[:])
			pred := legalBest(sc[:], p1)
			if p.learn(f[:k], it.gold[i], pred) {
				errs++
			}
			n++
			p1, hist = pred, hist|histBit(pred)
		}
		return errs, n
	})
	if err != nil {
		return nil, err
	}
	return p.average(), nil
}

// epochs runs opts.Epochs passes of pass over items, shuffled with
// opts.Seed before each pass, and logs each pass's token error (label
// names the model).
func epochs[T any](ctx context.Context, items []T, opts TrainOptions, label string, pass func(T) (errs, n int)) error {
	rng := rand.New(rand.NewSource(opts.Seed))
	for ep := 0; ep < opts.Epochs; ep++ {
		rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		errs, n := 0, 0
		for _, it := range items {
			if err := ctx.Err(); err != nil {
				return err
			}
			e, m := pass(it)
			errs, n = errs+e, n+m
		}
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "%sepoch %d: token error %.4f\n", label, ep+1, float64(errs)/float64(max(n, 1)))
		}
	}
	return nil
}

// goldTags labels d's tokens from g's spans; a token belongs to a span when
// it starts inside it.
func goldTags(d *doc, g GoldArticle) []uint8 {
	tags := make([]uint8, len(d.toks))
	// Contents first: a content's hull (discontinuous contents are read as
	// their hull) or a nested claim covers cues and sources, which must
	// keep their own tags.
	order := [3]int{SpanContent, SpanSource, SpanCue}
	all := [3][]news.Span{g.Sources, g.Cues, g.Content}
	for _, k := range order {
		spans := all[k]
		for _, s := range spans {
			first := true
			for i := d.tokAt(s.Start); i < len(d.toks) && d.toks[i].start < s.End; i++ {
				if first {
					tags[i] = uint8(2*k + 1)
					first = false
				} else {
					tags[i] = uint8(2*k + 2)
				}
			}
		}
	}
	return tags
}
