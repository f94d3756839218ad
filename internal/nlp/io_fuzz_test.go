package nlp

import (
	"bytes"
	"strings"
	"testing"
)

func FuzzReadModel(f *testing.F) {
	var buf bytes.Buffer
	m := &Model{bits: 10, stage1: *compactWeights(make([]int16, (1<<10)*numTags), 10, make([]float32, transSize), 1)}
	m.stage1.rows = nil
	m.lex.words = map[uint64]wordInfo{1: {cl: [3]uint16{1, 2, 3}, caps: 2}}
	m.lex.gaz = map[uint64]uint16{7: 1}
	if _, err := m.WriteTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("SITREPNR\x01\x00"))
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadModel(bytes.NewReader(b))
		if err == nil {
			m.Entities("Russian drones hit Kharkiv on Monday.")
		}
	})
}

func TestReadModelSmall(t *testing.T) {
	var buf bytes.Buffer
	dense := make([]int16, (1<<10)*numTags)
	dense[5*numTags+3] = 7
	m := &Model{bits: 10, stage1: *compactWeights(dense, 10, make([]float32, transSize), 0.5)}
	m.lex.words = map[uint64]wordInfo{}
	m.lex.gaz = map[uint64]uint16{}
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r := m2.stage1.row(5); r == nil || r[3] != 7 {
		t.Errorf("row 5 = %v, want weight 7 at tag 3", r)
	}
	if r := m2.stage1.row(6); r != nil {
		t.Errorf("row 6 = %v, want absent", r)
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n")
	f.Add("a O\nb\n")
	f.Add("x B-\n")
	f.Fuzz(func(t *testing.T, text string) {
		docs, err := readCoNLLFrom(strings.NewReader(text), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.sents {
				if len(s.words) != len(s.tags) || len(s.words) == 0 {
					t.Fatalf("sentence with %d words, %d tags", len(s.words), len(s.tags))
				}
				bilou(s.tags)
			}
		}
	})
}
