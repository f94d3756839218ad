package nlp

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand"
	"path/filepath"
	"time"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// DataDir holds ner/conll2003/{train,dev}.txt, gazetteer/, actors/phoenix/
	// and unlabelled/ (default ../shared/data).
	DataDir string
	// Epochs is the most passes over the training data per stage (default
	// 18); the epoch that scores best on dev is kept.
	Epochs int
	// Seed fixes shuffling and clustering (default 1).
	Seed int64
	// Out, when set, is where the model file is written.
	Out string
	// Log receives progress lines (default: discarded).
	Log io.Writer
	// Bits is log2 of the number of weight-table rows (default 20).
	Bits uint
	// GMB adds the Groningen Meaning Bank sentences to the training data.
	GMB bool
	// NoStage2 skips the document-level second pass.
	NoStage2 bool
	// Folds is the number of folds used to give the second pass realistic
	// first-pass predictions on the training data (default 2).
	Folds int
}

// Report describes a training run.
type Report struct {
	TrainTokens, DevTokens int
	Stage1Epochs           int
	Stage2Epochs           int
	Stage1                 Scores // dev scores of the first pass alone
	Dev                    Scores // dev scores of the final model
	ModelBytes             int
	Duration               time.Duration
}

// trainSent is a training sentence with its features and gold BILOU tags.
type trainSent struct {
	feats []uint32 // all tokens' feature rows
	offs  []int32  // token i's rows are feats[offs[i]:offs[i+1]]
	gold  []int
}

// perceptron is an averaged structured perceptron over BILOU tags with
// integer weights (exact and reproducible averaging).
type perceptron struct {
	w  []int32
	u  []int64
	tr []int32
	tu []int64
	c  int64
}

func newPerceptron(bits uint) *perceptron {
	n := (1 << bits) * numTags
	return &perceptron{w: make([]int32, n), u: make([]int64, n), tr: make([]int32, transSize), tu: make([]int64, transSize), c: 1}
}

func (p *perceptron) decode(s *trainSent, out []int, em []float32, back []uint8, score []float32, trans []float32) {
	n := len(s.gold)
	for i := 0; i < n; i++ {
		var acc [numTags]int32
		for _, r := range s.feats[s.offs[i]:s.offs[i+1]] {
			row := p.w[int(r)*numTags : int(r)*numTags+numTags]
			for t := range acc {
				acc[t] += row[t]
			}
		}
		for t := range acc {
			em[i*numTags+t] = float32(acc[t])
		}
	}
	for k := range trans {
		trans[k] = float32(p.tr[k])
	}
	viterbi(em[:n*numTags], trans, out[:n], back[:n*numTags], score)
}

func (p *perceptron) update(s *trainSent, pred []int) {
	n := len(s.gold)
	c := p.c
	prevG, prevP := numTags, numTags
	for i := 0; i < n; i++ {
		g, q := s.gold[i], pred[i]
		if g != q {
			for _, r := range s.feats[s.offs[i]:s.offs[i+1]] {
				b := int(r) * numTags
				p.w[b+g]++
				p.u[b+g] += c
				p.w[b+q]--
				p.u[b+q] -= c
			}
		}
		if g != q || prevG != prevP {
			p.tr[prevG*numTags+g]++
			p.tu[prevG*numTags+g] += c
			p.tr[prevP*numTags+q]--
			p.tu[prevP*numTags+q] -= c
		}
		prevG, prevP = g, q
	}
	if prevG != prevP {
		p.tr[transEnd+prevG]++
		p.tu[transEnd+prevG] += c
		p.tr[transEnd+prevP]--
		p.tu[transEnd+prevP] -= c
	}
}

// train runs epochs over sents; after each epoch eval (if set) scores the
// averaged weights and the best are kept. It returns the best weights and
// epoch.
func (p *perceptron) train(ctx context.Context, sents []*trainSent, epochs int, seed int64, log io.Writer, name string, eval func(*stageWeights) float64) (*stageWeights, int, error) {
	rng := rand.New(rand.NewSource(seed))
	maxN := 0
	for _, s := range sents {
		maxN = max(maxN, len(s.gold))
	}
	em := make([]float32, maxN*numTags)
	back := make([]uint8, maxN*numTags)
	score := make([]float32, 2*numTags)
	trans := make([]float32, transSize)
	pred := make([]int, maxN)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var best *stageWeights
	bestF, bestEpoch := -1.0, 0
	for ep := 1; ep <= epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, k := range order {
			s := sents[k]
			p.decode(s, pred, em, back, score, trans)
			for i := range s.gold {
				if pred[i] != s.gold[i] {
					p.update(s, pred)
					errs++
					break
				}
			}
			p.c++
		}
		sw := p.averaged()
		f := 0.0
		if eval != nil {
			f = eval(sw)
		}
		fmt.Fprintf(log, "%s epoch %d: %d/%d sentences wrong, dev F1 %.4f (%s)\n", name, ep, errs, len(sents), f, time.Since(start).Round(time.Millisecond))
		if eval == nil || f > bestF {
			best, bestF, bestEpoch = sw, f, ep
		}
	}
	return best, bestEpoch, nil
}

// averaged returns the averaged weights, quantised to int16.
func (p *perceptron) averaged() *stageWeights {
	c := float64(p.c)
	avg := func(w int32, u int64) float64 { return float64(w) - float64(u)/c }
	maxAbs := 0.0
	for i := range p.w {
		if p.w[i] != 0 || p.u[i] != 0 {
			maxAbs = math.Max(maxAbs, math.Abs(avg(p.w[i], p.u[i])))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	dense := make([]int16, len(p.w))
	for i := range p.w {
		if p.w[i] != 0 || p.u[i] != 0 {
			dense[i] = int16(math.Round(avg(p.w[i], p.u[i]) / scale))
		}
	}
	trans := make([]float32, transSize)
	for i := range p.tr {
		trans[i] = float32(avg(p.tr[i], p.tu[i]))
	}
	return compactWeights(dense, bitsOf(len(p.w)/numTags), trans, float32(scale))
}

// bilou converts IOB2 tags to BILOU tag indices.
func bilou(tags []string) []int {
	out := make([]int, len(tags))
	typeIndex := func(s string) int {
		for i, t := range conllTypes {
			if t == s {
				return i
			}
		}
		return -1
	}
	for _, c := range chunksIOB2(tags) {
		ty := typeIndex(c.typ)
		if ty < 0 {
			continue
		}
		if c.end-c.start == 1 {
			out[c.start] = tagOf(ty, posU)
			continue
		}
		out[c.start] = tagOf(ty, posB)
		for i := c.start + 1; i < c.end-1; i++ {
			out[i] = tagOf(ty, posI)
		}
		out[c.end-1] = tagOf(ty, posL)
	}
	return out
}

// analyzeDocs analyses all documents' tokens with document features.
func analyzeDocs(lex *lexicon, docs []document) [][][]tokFeat {
	out := make([][][]tokFeat, len(docs))
	for d, doc := range docs {
		words := make([][]string, len(doc.sents))
		feats := make([][]tokFeat, len(doc.sents))
		for i, s := range doc.sents {
			words[i] = s.words
			feats[i] = make([]tokFeat, len(s.words))
			analyze(lex, s.words, feats[i])
		}
		docFeatures(words, feats)
		out[d] = feats
	}
	return out
}

// featurize builds training sentences from analysed documents.
func featurize(bits uint, docs []document, an [][][]tokFeat, stage2 bool) []*trainSent {
	fz := featurizer{bits: bits}
	var out []*trainSent
	for d, doc := range docs {
		for i, s := range doc.sents {
			ts := &trainSent{gold: bilou(s.tags), offs: make([]int32, 1, len(s.words)+1)}
			for k := range s.words {
				ts.feats = fz.features(ts.feats, an[d][i], k, stage2)
				ts.offs = append(ts.offs, int32(len(ts.feats)))
			}
			out = append(out, ts)
		}
	}
	return out
}

// Train trains the named-entity model on CoNLL-2003 (and, with GMB, the
// Groningen Meaning Bank), choosing epochs on the CoNLL dev set, and
// writes it to opts.Out when set.
func Train(ctx context.Context, opts TrainOptions) (*Model, Report, error) {
	start := time.Now()
	var rep Report
	if opts.DataDir == "" {
		opts.DataDir = filepath.Join("..", "shared", "data")
	}
	if opts.Epochs <= 0 {
		opts.Epochs = 18
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Bits == 0 {
		opts.Bits = 20
	}
	if opts.Folds < 2 {
		opts.Folds = 2
	}
	logf := func(format string, args ...any) { fmt.Fprintf(opts.Log, format+"\n", args...) }
	trainDocs, err := readCoNLL(filepath.Join(opts.DataDir, "ner", "conll2003", "train.txt"))
	if err != nil {
		return nil, rep, err
	}
	devDocs, err := readCoNLL(filepath.Join(opts.DataDir, "ner", "conll2003", "dev.txt"))
	if err != nil {
		return nil, rep, err
	}
	var gmbDocs []document
	if opts.GMB {
		if gmbDocs, err = readGMB(filepath.Join(opts.DataDir, "ner", "gmb", "ner_dataset.csv.zip")); err != nil {
			return nil, rep, err
		}
	}
	// unlabelled text for clusters: training words, GMB words, VOA stories
	var unl [][]string
	for _, docs := range [][]document{trainDocs, gmbDocs} {
		for _, d := range docs {
			for _, s := range d.sents {
				unl = append(unl, s.words)
			}
		}
	}
	if !opts.GMB {
		if g, err := readGMB(filepath.Join(opts.DataDir, "ner", "gmb", "ner_dataset.csv.zip")); err == nil {
			for _, d := range g {
				for _, s := range d.sents {
					unl = append(unl, s.words)
				}
			}
		} else {
			logf("no GMB text for clusters: %v", err)
		}
	}
	if texts, err := readVOA(filepath.Join(opts.DataDir, "unlabelled", "voa_stories.jsonl")); err == nil {
		for _, t := range texts {
			for _, s := range TokenizeSentences(t) {
				ws := make([]string, len(s))
				for i, tok := range s {
					ws[i] = tok.Text
				}
				unl = append(unl, ws)
			}
		}
	} else {
		logf("no VOA text for clusters: %v", err)
	}
	logf("clusters from %d unlabelled sentences", len(unl))
	m := &Model{bits: opts.Bits}
	m.lex.words = buildWordInfo(unl, opts.Seed)
	var gb gazetteerBuilder
	if err := loadGazetteers(opts.DataDir, &gb); err != nil {
		return nil, rep, err
	}
	// names from the training data, by type: each training document sees
	// the lists built without its own fold, so that the features fire on
	// training data as often as on new text; the model keeps the lists
	// built from all of it
	trainGaz := func(skip int) (map[uint64]uint16, int) {
		g := gazetteerBuilder{phrases: make(map[uint64]uint16, len(gb.phrases)), max: gb.max}
		for k, v := range gb.phrases {
			g.phrases[k] = v
		}
		for d, doc := range trainDocs {
			if skip >= 0 && d%opts.Folds == skip {
				continue
			}
			for _, s := range doc.sents {
				for _, c := range chunksIOB2(s.tags) {
					src := -1
					for ty, name := range conllTypes {
						if name == c.typ {
							src = gazTrainPER + ty
						}
					}
					if src >= 0 {
						g.addWords(s.words[c.start:c.end], src)
					}
				}
			}
		}
		return g.phrases, g.max
	}
	m.lex.gaz, m.lex.gazMax = trainGaz(-1)
	foldLex := make([]lexicon, opts.Folds)
	for f := range foldLex {
		foldLex[f].words = m.lex.words
		foldLex[f].gaz, foldLex[f].gazMax = trainGaz(f)
	}
	logf("lexicon: %d words, %d gazetteer phrases (longest %d tokens) (%s)", len(m.lex.words), len(m.lex.gaz), m.lex.gazMax, time.Since(start).Round(time.Millisecond))

	all := append(append([]document(nil), trainDocs...), gmbDocs...)
	for _, d := range all {
		for _, s := range d.sents {
			rep.TrainTokens += len(s.words)
		}
	}
	for _, d := range devDocs {
		for _, s := range d.sents {
			rep.DevTokens += len(s.words)
		}
	}
	an := make([][][]tokFeat, len(all))
	for f := range foldLex {
		var sub []document
		var idx []int
		for d := range all {
			if d%opts.Folds == f {
				sub = append(sub, all[d])
				idx = append(idx, d)
			}
		}
		for k, a := range analyzeDocs(&foldLex[f], sub) {
			an[idx[k]] = a
		}
	}
	sents := featurize(opts.Bits, all, an, false)
	logf("featurised %d sentences, %d tokens (%s)", len(sents), rep.TrainTokens, time.Since(start).Round(time.Millisecond))

	evalWith := func(stage1 *stageWeights, stage2 *stageWeights) Scores {
		mm := *m
		mm.stage1 = *stage1
		mm.stage2 = stage2
		mm.prepare()
		return mm.evaluate(devDocs)
	}
	p := newPerceptron(opts.Bits)
	sw1, ep1, err := p.train(ctx, sents, opts.Epochs, opts.Seed, opts.Log, "stage 1", func(sw *stageWeights) float64 {
		return evalWith(sw, nil).Overall.F1
	})
	if err != nil {
		return nil, rep, err
	}
	m.stage1 = *sw1
	m.prepare()
	rep.Stage1Epochs = ep1
	rep.Stage1 = m.evaluate(devDocs)
	rep.Dev = rep.Stage1
	logf("stage 1: best epoch %d, dev F1 %.4f", ep1, rep.Stage1.Overall.F1)

	if !opts.NoStage2 {
		// first-pass predictions on the training data from models that
		// did not see the document
		folds := opts.Folds
		for f := 0; f < folds; f++ {
			var rest []*trainSent
			var held []document
			var heldAn [][][]tokFeat
			idx := 0
			for d := range all {
				if d%folds == f {
					held = append(held, all[d])
					heldAn = append(heldAn, an[d])
				} else {
					rest = append(rest, sents[idx:idx+len(all[d].sents)]...)
				}
				idx += len(all[d].sents)
			}
			pf := newPerceptron(opts.Bits)
			swf, _, err := pf.train(ctx, rest, ep1, opts.Seed+int64(f)+1, opts.Log, fmt.Sprintf("fold %d/%d", f+1, folds), nil)
			if err != nil {
				return nil, rep, err
			}
			mf := &Model{bits: opts.Bits, lex: m.lex, stage1: *swf}
			sc := scratchPool.Get().(*scratch)
			for h := range held {
				tags := make([][]int, len(held[h].sents))
				for i := range held[h].sents {
					tags[i] = make([]int, len(held[h].sents[i].words))
					mf.decode(&mf.stage1, heldAn[h][i], false, sc, tags[i])
				}
				setPrevDoc(heldAn[h], tags)
			}
			scratchPool.Put(sc)
		}
		sents2 := featurize(opts.Bits, all, an, true)
		p2 := newPerceptron(opts.Bits)
		sw2, ep2, err := p2.train(ctx, sents2, opts.Epochs, opts.Seed+100, opts.Log, "stage 2", func(sw *stageWeights) float64 {
			return evalWith(sw1, sw).Overall.F1
		})
		if err != nil {
			return nil, rep, err
		}
		final := evalWith(sw1, sw2)
		logf("stage 2: best epoch %d, dev F1 %.4f", ep2, final.Overall.F1)
		if final.Overall.F1 > rep.Stage1.Overall.F1 {
			m.stage2 = sw2
			rep.Stage2Epochs = ep2
			rep.Dev = final
		} else {
			logf("stage 2 does not help; the model keeps the first pass only")
		}
	}
	m.rules = newRuleSet()
	m.prepare()
	if opts.Out != "" {
		n, err := m.writeFile(opts.Out)
		if err != nil {
			return nil, rep, err
		}
		rep.ModelBytes = n
		logf("wrote %s (%d bytes)", opts.Out, n)
	}
	rep.Duration = time.Since(start)
	return m, rep, nil
}

// bitsOf returns log2 of a power of two.
func bitsOf(n int) uint {
	b := uint(0)
	for 1<<b < n {
		b++
	}
	return b
}
