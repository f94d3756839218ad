// Command trainattrib trains sitrep's attribution tagger on the PolNeAR
// training split and writes the model that package attribution embeds:
//
//	go run ./internal/extract/attribution/cmd/trainattrib \
//	    --data ../shared/data --out internal/extract/attribution/model/tagger.bin.gz
//
// The model holds hashed feature weights only, no text of the corpus.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
)

func main() {
	data := flag.String("data", "../shared/data", "data directory holding attribution/polnear/{train,dev}")
	out := flag.String("out", "internal/extract/attribution/model/tagger.bin.gz", "model file to write")
	epochs := flag.Int("epochs", 8, "training passes")
	seed := flag.Int64("seed", 1, "shuffling seed")
	holdout := flag.Int("holdout", 0, "leave out the last N training articles (to measure on them)")
	flag.Parse()
	if err := run(context.Background(), *data, *out, *epochs, *seed, *holdout); err != nil {
		fmt.Fprintln(os.Stderr, "trainattrib:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, data, out string, epochs int, seed int64, holdout int) error {
	gold, err := attribution.LoadPolNeAR(ctx, filepath.Join(data, "attribution", "polnear", "train"))
	if err != nil {
		return err
	}
	if holdout > 0 && holdout < len(gold) {
		gold = gold[:len(gold)-holdout]
	}
	var buf bytes.Buffer
	if err := attribution.Train(ctx, gold, attribution.TrainOptions{Epochs: epochs, Seed: seed, Log: os.Stderr}, &buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) from %d articles\n", out, buf.Len(), len(gold))
	return nil
}
