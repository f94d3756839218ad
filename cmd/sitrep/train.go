package main

import (
	"fmt"

	"github.com/sitrep-osint/sitrep/internal/nlp"
)

// trainNERCmd trains the named-entity model that sitrep embeds.
type trainNERCmd struct {
	Data     string `help:"Shared data directory (ner/conll2003, gazetteer, actors/phoenix, unlabelled)." default:"../shared/data" type:"existingdir"`
	Out      string `help:"Where to write the model." default:"internal/nlp/model/ner.bin" type:"path"`
	Epochs   int    `help:"Most passes over the training data per stage; the best on dev is kept." default:"18"`
	Seed     int64  `help:"Seed for shuffling and clustering." default:"1"`
	GMB      bool   `name:"gmb" help:"Add the Groningen Meaning Bank to the training data."`
	NoStage2 bool   `name:"no-stage2" help:"Train the sentence pass only, without the document pass."`
}

func (c *trainNERCmd) Run(g *Globals) error {
	_, rep, err := nlp.Train(g.Context(), nlp.TrainOptions{
		DataDir: c.Data, Out: c.Out, Epochs: c.Epochs, Seed: c.Seed, GMB: c.GMB, NoStage2: c.NoStage2, Log: g.stderr,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "trained on %d tokens in %s; model %s (%d bytes); epochs %d + %d\nfirst pass on dev:\n",
		rep.TrainTokens, rep.Duration.Round(1e9), c.Out, rep.ModelBytes, rep.Stage1Epochs, rep.Stage2Epochs)
	if err := rep.Stage1.Write(g.stdout); err != nil {
		return err
	}
	fmt.Fprintln(g.stdout, "final model on dev:")
	return rep.Dev.Write(g.stdout)
}
