package nlp

import (
	"bytes"
	_ "embed"
	"fmt"
)

// embeddedModel is the model sitrep ships, built by
// `sitrep train-ner --data ../shared/data --out internal/nlp/model/ner.bin`.
//
//go:embed model/ner.bin
var embeddedModel []byte

// Load decodes the embedded model. Each call decodes a fresh copy; callers
// load once (sync.Once) and share it, as a Model is safe for concurrent use.
func Load() (*Model, error) {
	m, err := ReadModel(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	return m, nil
}
