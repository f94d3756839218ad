package nlp

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// labelled is a sentence with gold IOB2 tags.
type labelled struct {
	words []string
	tags  []string
}

// document is a run of sentences that belong together (a CoNLL document,
// from one -DOCSTART- to the next).
type document struct {
	sents []labelled
}

// readCoNLL reads a CoNLL-2003 style file: one token per line, the token in
// the first column and its IOB tag in the last; blank lines end sentences;
// -DOCSTART- lines start documents.
func readCoNLL(path string) ([]document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	defer f.Close()
	return readCoNLLFrom(f, path)
}

// readCoNLLFrom reads CoNLL lines from r; name labels errors.
func readCoNLLFrom(r io.Reader, path string) ([]document, error) {
	var docs []document
	var cur document
	var sent labelled
	flushSent := func() {
		if len(sent.words) > 0 {
			cur.sents = append(cur.sents, sent)
			sent = labelled{}
		}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.sents) > 0 {
			docs = append(docs, cur)
			cur = document{}
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flushSent()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want a token and a tag, got %q", path, line, sc.Text())
		}
		tag := fields[len(fields)-1]
		if tag != "O" && (len(tag) < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') {
			return nil, fmt.Errorf("%s:%d: bad tag %q", path, line, tag)
		}
		sent.words = append(sent.words, fields[0])
		sent.tags = append(sent.tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	flushDoc()
	return docs, nil
}

// gmbTypes maps Groningen Meaning Bank tags onto CoNLL's types; "" drops
// the entity (dates are found by rules, not by the model).
var gmbTypes = map[string]string{
	"geo": "LOC", "gpe": "MISC", "nat": "MISC", "per": "PER", "org": "ORG",
	"eve": "MISC", "art": "MISC", "tim": "",
}

// readGMB reads the GMB NER CSV (latin-1) from its zip archive, as
// documents of up to 20 sentences each.
func readGMB(path string) ([]document, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("read gmb: %w", err)
	}
	defer zr.Close()
	if len(zr.File) == 0 {
		return nil, fmt.Errorf("read gmb: %s: empty archive", path)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		return nil, fmt.Errorf("read gmb: %w", err)
	}
	defer rc.Close()
	cr := csv.NewReader(latin1Reader{bufio.NewReader(rc)})
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	var docs []document
	var cur document
	var sent labelled
	rec := 0
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		rec++
		if err != nil {
			return nil, fmt.Errorf("%s: record %d: %w", path, rec, err)
		}
		if rec == 1 || len(fields) < 4 {
			continue
		}
		if fields[0] != "" && len(sent.words) > 0 {
			cur.sents = append(cur.sents, sent)
			sent = labelled{}
			if len(cur.sents) == 20 {
				docs = append(docs, cur)
				cur = document{}
			}
		}
		tag := fields[3]
		if tag != "O" {
			typ, ok := gmbTypes[strings.TrimPrefix(strings.TrimPrefix(tag, "B-"), "I-")]
			if !ok || typ == "" {
				tag = "O"
			} else {
				tag = tag[:2] + typ
			}
		}
		sent.words = append(sent.words, fields[1])
		sent.tags = append(sent.tags, tag)
	}
	if len(sent.words) > 0 {
		cur.sents = append(cur.sents, sent)
	}
	if len(cur.sents) > 0 {
		docs = append(docs, cur)
	}
	return docs, nil
}

// latin1Reader decodes ISO 8859-1 into UTF-8.
type latin1Reader struct{ r *bufio.Reader }

func (l latin1Reader) Read(p []byte) (int, error) {
	n := 0
	for n+2 <= len(p) {
		c, err := l.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		if c < utf8.RuneSelf {
			p[n] = c
			n++
			continue
		}
		n += utf8.EncodeRune(p[n:], rune(c))
	}
	return n, nil
}
