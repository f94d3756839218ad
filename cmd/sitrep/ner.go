package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/sitrep-osint/sitrep/internal/nlp"
)

// nerCmd tags text or CoNLL files with sitrep's named-entity model.
type nerCmd struct {
	CoNLL bool   `name:"conll" help:"Read CoNLL lines (token in the first column) and write each back with a predicted IOB2 tag (PER, ORG, LOC, MISC) appended."`
	Model string `help:"Model file to use instead of the embedded one." type:"existingfile"`
}

func loadNER(path string) (*nlp.Model, error) {
	if path != "" {
		return nlp.LoadFile(path)
	}
	return nlp.Load()
}

func (c *nerCmd) Run(g *Globals) error {
	m, err := loadNER(c.Model)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(g.stdout, 1<<16)
	if c.CoNLL {
		if err := m.TagCoNLL(g.stdin, out); err != nil {
			return err
		}
		return out.Flush()
	}
	text, err := io.ReadAll(g.stdin)
	if err != nil {
		return fmt.Errorf("ner: read stdin: %w", err)
	}
	enc := json.NewEncoder(out)
	for _, e := range m.Entities(string(text)) {
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("ner: %w", err)
		}
	}
	return out.Flush()
}

// evalNERCmd scores the named-entity model on CoNLL-2003 dev.
type evalNERCmd struct {
	Data  string `help:"Shared data directory holding ner/conll2003/dev.txt." default:"../shared/data" type:"existingdir"`
	Model string `help:"Model file to use instead of the embedded one." type:"existingfile"`
	File  string `help:"CoNLL file to score instead of dev.txt." type:"existingfile"`
}

func (c *evalNERCmd) Run(g *Globals) error {
	start := time.Now()
	m, err := loadNER(c.Model)
	if err != nil {
		return err
	}
	load := time.Since(start)
	path := c.File
	if path == "" {
		path = filepath.Join(c.Data, "ner", "conll2003", "dev.txt")
	}
	start = time.Now()
	sc, n, err := m.Evaluate(path)
	if err != nil {
		return err
	}
	tagTime := time.Since(start)
	fmt.Fprintf(g.stdout, "%s: %d tokens, entity-level scores (conlleval semantics)\n", path, n)
	if err := sc.Write(g.stdout); err != nil {
		return err
	}
	// end to end on the same words as plain text: tokenizer, sentence
	// splitter, both tagging passes and the rule layer
	text, err := nlp.CoNLLText(path)
	if err != nil {
		return err
	}
	start = time.Now()
	ents := m.Entities(text)
	e2e := time.Since(start)
	toks := len(nlp.Tokenize(text))
	fmt.Fprintf(g.stdout, "model load %s; tagging pre-tokenised: %.0f tokens/s; text to entities: %.0f tokens/s (%d tokens, %d entities)\n",
		load.Round(time.Millisecond), float64(n)/tagTime.Seconds(), float64(toks)/e2e.Seconds(), toks, len(ents))
	return nil
}
