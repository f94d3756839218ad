package main

import (
	"encoding/json"
	"fmt"
	"io"
)

// writeJSONLines writes one JSON object per line, without HTML escaping.
func writeJSONLines[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	return nil
}
