// Command trainattrib trains sitrep's attribution tagger and cue detector
// on the PolNeAR training split and writes the models that package
// attribution embeds:
//
//	go run ./internal/extract/attribution/cmd/trainattrib \
//	    --data ../shared/data --out internal/extract/attribution/model/tagger.bin.gz
//	go run ./internal/extract/attribution/cmd/trainattrib \
//	    --data ../shared/data --cue-out internal/extract/attribution/model/cue.bin.gz
//
// The model holds hashed feature weights only, no text of the corpus.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
)

func main() {
	data := flag.String("data", "../shared/data", "data directory holding attribution/polnear/{train,dev}")
	out := flag.String("out", "internal/extract/attribution/model/tagger.bin.gz", "model file to write")
	cueOut := flag.String("cue-out", "", "train the cue detector instead of the tagger and write it here (e.g. internal/extract/attribution/model/cue.bin.gz)")
	epochs := flag.Int("epochs", 8, "training passes")
	seed := flag.Int64("seed", 1, "shuffling seed")
	models := flag.Int("models", 4, "with --cue-out: perceptrons averaged")
	taggerModels := flag.Int("tagger-models", 4, "tagger perceptrons averaged")
	cueEpochs := flag.Int("cue-epochs", 3, "with --cue-out: training passes")
	holdout := flag.Int("holdout", 0, "leave out the last N training articles (to measure on them)")
	minCount := flag.Int("min-count", 4, "with --lexicon: least times a word is a cue")
	minShare := flag.Float64("min-share", 0.4, "with --lexicon: least share of a word's uses that are cues")
	lexicon := flag.Bool("lexicon", false, "print the words marked as cues in at least 40% of their 4+ uses, instead of training")
	flag.Parse()
	if *lexicon {
		if err := printLexicon(context.Background(), *data, *holdout, *minCount, *minShare); err != nil {
			fmt.Fprintln(os.Stderr, "trainattrib:", err)
			os.Exit(1)
		}
		return
	}
	if *cueOut != "" {
		if err := runCues(context.Background(), *data, *cueOut, *cueEpochs, *seed, *holdout, *models); err != nil {
			fmt.Fprintln(os.Stderr, "trainattrib:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(context.Background(), *data, *out, *epochs, *seed, *holdout, *taggerModels); err != nil {
		fmt.Fprintln(os.Stderr, "trainattrib:", err)
		os.Exit(1)
	}
}

// run trains the tagger.
func run(ctx context.Context, data, out string, epochs int, seed int64, holdout, models int) error {
	return trainTo(ctx, data, out, holdout, func(gold []attribution.GoldArticle, w io.Writer) error {
		return attribution.Train(ctx, gold, attribution.TrainOptions{Epochs: epochs, Seed: seed, Models: models, Log: os.Stderr}, w)
	})
}

// runCues trains the cue detector.
func runCues(ctx context.Context, data, out string, epochs int, seed int64, holdout, models int) error {
	return trainTo(ctx, data, out, holdout, func(gold []attribution.GoldArticle, w io.Writer) error {
		return attribution.TrainCues(gold, attribution.TrainOptions{Epochs: epochs, Seed: seed, Models: models, Log: os.Stderr}, w)
	})
}

// trainTo reads PolNeAR's training split less its last holdout articles,
// trains a model on it with train and writes the model to out.
func trainTo(ctx context.Context, data, out string, holdout int, train func([]attribution.GoldArticle, io.Writer) error) error {
	gold, err := attribution.LoadPolNeAR(ctx, filepath.Join(data, "attribution", "polnear", "train"))
	if err != nil {
		return err
	}
	if holdout > 0 && holdout < len(gold) {
		gold = gold[:len(gold)-holdout]
	}
	var buf bytes.Buffer
	if err := train(gold, &buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) from %d articles\n", out, buf.Len(), len(gold))
	return nil
}

// printLexicon lists the words that PolNeAR's annotators mark as (part of)
// a cue in at least minShare of their uses, at least minCount times: the
// source of the learned cues in package attribution.
func printLexicon(ctx context.Context, data string, holdout, minCount int, minShare float64) error {
	gold, err := attribution.LoadPolNeAR(ctx, filepath.Join(data, "attribution", "polnear", "train"))
	if err != nil {
		return err
	}
	if holdout > 0 && holdout < len(gold) {
		gold = gold[:len(gold)-holdout]
	}
	cue, occ := map[string]int{}, map[string]int{}
	for _, g := range gold {
		inCue := make([]bool, len(g.Text))
		for _, c := range g.Cues {
			for i := c.Start; i < c.End; i++ {
				inCue[i] = true
			}
		}
		start := -1
		for i := 0; i <= len(g.Text); i++ {
			letter := i < len(g.Text) && (g.Text[i] >= 'a' && g.Text[i] <= 'z' || g.Text[i] >= 'A' && g.Text[i] <= 'Z' || start >= 0 && (g.Text[i] == '-' || g.Text[i] == '\''))
			if letter && start < 0 {
				start = i
			}
			if !letter && start >= 0 {
				w := strings.ToLower(g.Text[start:i])
				occ[w]++
				if inCue[start] {
					cue[w]++
				}
				start = -1
			}
		}
	}
	var ws []string
	for w, n := range cue {
		if n >= minCount && float64(n) >= minShare*float64(occ[w]) {
			ws = append(ws, w)
		}
	}
	sort.Slice(ws, func(i, j int) bool { return cue[ws[i]] > cue[ws[j]] || cue[ws[i]] == cue[ws[j]] && ws[i] < ws[j] })
	for _, w := range ws {
		fmt.Printf("%s\t%d\t%d\n", w, cue[w], occ[w])
	}
	return nil
}
