package nlp

import (
	"strings"
	"testing"
)

func TestTagCoNLL(t *testing.T) {
	m := loadTestModel(t)
	in := "-DOCSTART- -X- -X- O\n\nVladimir NNP B-NP B-PER\nPutin NNP I-NP I-PER\nvisited VBD B-VP O\nMoscow NNP B-NP B-LOC\n. . O O\n\n" +
		"-DOCSTART- -X- -X- O\n\nNATO NNP B-NP B-ORG\nmet VBD B-VP O\n\n\nin IN B-PP O\nBrussels NNP B-NP B-LOC\n"
	var out strings.Builder
	if err := m.TagCoNLL(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	inLines := strings.Split(strings.TrimSuffix(in, "\n"), "\n")
	outLines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(inLines) != len(outLines) {
		t.Fatalf("got %d lines, want %d:\n%s", len(outLines), len(inLines), out.String())
	}
	for i, l := range inLines {
		f := strings.Fields(l)
		if len(f) == 0 || f[0] == "-DOCSTART-" {
			if outLines[i] != l {
				t.Errorf("line %d: %q changed to %q", i+1, l, outLines[i])
			}
			continue
		}
		if !strings.HasPrefix(outLines[i], l+" ") {
			t.Errorf("line %d: %q lost its columns: %q", i+1, l, outLines[i])
			continue
		}
		got := strings.Fields(outLines[i])
		if pred, gold := got[len(got)-1], f[len(f)-1]; pred != gold {
			t.Errorf("line %d: %s tagged %s, want %s", i+1, f[0], pred, gold)
		}
	}
}
