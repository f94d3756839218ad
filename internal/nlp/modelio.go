package nlp

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
)

// The model file: the 8-byte magic, a little-endian uint16 format version,
// then a gzip stream holding the hash-table size, each pass's scale,
// transition weights and non-zero weight rows (row index deltas as
// uvarints, numTags int16 each), the word table (clusters and
// capitalisation) and the gazetteer phrase hashes.
const (
	modelMagic   = "SITREPNR"
	modelVersion = 1
)

// errBadModel reports a model file sitrep cannot read.
var errBadModel = errors.New("bad model file")

// WriteTo writes the model in its binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	if _, err := io.WriteString(cw, modelMagic); err != nil {
		return cw.n, err
	}
	if err := binary.Write(cw, binary.LittleEndian, uint16(modelVersion)); err != nil {
		return cw.n, err
	}
	zw, err := gzip.NewWriterLevel(cw, gzip.DefaultCompression)
	if err != nil {
		return cw.n, err
	}
	bw := bufio.NewWriter(zw)
	le := binary.LittleEndian
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, le, v)
		}
	}
	var vb [binary.MaxVarintLen64]byte
	scratchBuf := make([]byte, 0, 64)
	uvar := func(v uint64) {
		if err == nil {
			_, err = bw.Write(vb[:binary.PutUvarint(vb[:], v)])
		}
	}
	stages := []*stageWeights{&m.stage1}
	if m.stage2 != nil {
		stages = append(stages, m.stage2)
	}
	put([3]uint8{uint8(m.bits), uint8(numTags), uint8(len(stages))})
	for _, sw := range stages {
		put(sw.scale)
		put(sw.trans)
		put(uint32(sw.numRows()))
		prev := 0
		for r := 0; r < 1<<m.bits; r++ {
			row := sw.row(uint32(r))
			if row == nil {
				continue
			}
			uvar(uint64(r - prev))
			prev = r
			b := scratchBuf[:0]
			for _, v := range row {
				b = le.AppendUint16(b, uint16(v))
			}
			if err == nil {
				_, err = bw.Write(b)
			}
		}
	}
	keys := make([]uint64, 0, len(m.lex.words))
	for k := range m.lex.words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	put(uint32(len(keys)))
	for _, k := range keys {
		wi := m.lex.words[k]
		b := le.AppendUint64(scratchBuf[:0], k)
		for _, c := range wi.cl {
			b = le.AppendUint16(b, c)
		}
		b = append(b, wi.caps)
		if err == nil {
			_, err = bw.Write(b)
		}
	}
	keys = keys[:0]
	for k := range m.lex.gaz {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	put(uint32(len(keys)))
	for _, k := range keys {
		b := le.AppendUint16(le.AppendUint64(scratchBuf[:0], k), m.lex.gaz[k])
		if err == nil {
			_, err = bw.Write(b)
		}
	}
	put(uint8(m.lex.gazMax))
	if err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// writeFile writes the model to path atomically and returns its size.
func (m *Model) writeFile(path string) (int, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, fmt.Errorf("write model: %w", err)
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return 0, fmt.Errorf("write model: %w", err)
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, fmt.Errorf("write model: %w", err)
	}
	return int(n), nil
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	var hdr [len(modelMagic) + 2]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, fmt.Errorf("read model header: %w", err)
	}
	if string(hdr[:len(modelMagic)]) != modelMagic {
		return nil, fmt.Errorf("read model: %w: magic %q", errBadModel, hdr[:len(modelMagic)])
	}
	if v := binary.LittleEndian.Uint16(hdr[len(modelMagic):]); v != modelVersion {
		return nil, fmt.Errorf("read model: %w: version %d, want %d", errBadModel, v, modelVersion)
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	le := binary.LittleEndian
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, le, v)
		}
	}
	var head [3]uint8
	get(&head)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if head[0] < 10 || head[0] > 24 || int(head[1]) != numTags || head[2] < 1 || head[2] > 2 {
		return nil, fmt.Errorf("read model: %w: header %v", errBadModel, head)
	}
	m := &Model{bits: uint(head[0])}
	rows := 1 << m.bits
	for s := 0; s < int(head[2]); s++ {
		sw := &stageWeights{trans: make([]float32, transSize), present: make([]uint64, (rows+63)/64), rank: make([]uint32, (rows+63)/64)}
		get(&sw.scale)
		get(sw.trans)
		var nz uint32
		get(&nz)
		if err != nil {
			return nil, fmt.Errorf("read model: stage %d: %w", s+1, err)
		}
		if int(nz) > rows {
			return nil, fmt.Errorf("read model: %w: %d rows of %d", errBadModel, nz, rows)
		}
		r := -1
		buf := make([]byte, 2*numTags)
		sw.rows = make([]int16, 0, min(int(nz), 1<<18)*numTags)
		for k := 0; k < int(nz); k++ {
			d, e := binary.ReadUvarint(br)
			if e != nil {
				return nil, fmt.Errorf("read model: stage %d row %d: %w", s+1, k, e)
			}
			if k == 0 {
				r = 0
			} else if d == 0 {
				return nil, fmt.Errorf("read model: %w: row %d repeated", errBadModel, r)
			}
			r += int(d)
			if r >= rows {
				return nil, fmt.Errorf("read model: %w: row %d out of range", errBadModel, r)
			}
			if _, e := io.ReadFull(br, buf); e != nil {
				return nil, fmt.Errorf("read model: stage %d row %d: %w", s+1, k, e)
			}
			sw.present[r>>6] |= 1 << (r & 63)
			for t := 0; t < numTags; t++ {
				sw.rows = append(sw.rows, int16(le.Uint16(buf[2*t:])))
			}
		}
		sw.buildRank()
		if math.IsNaN(float64(sw.scale)) {
			return nil, fmt.Errorf("read model: %w: scale", errBadModel)
		}
		if s == 0 {
			m.stage1 = *sw
		} else {
			m.stage2 = sw
		}
	}
	var n uint32
	get(&n)
	if err != nil {
		return nil, fmt.Errorf("read model: words: %w", err)
	}
	m.lex.words = make(map[uint64]wordInfo, min(n, 1<<16))
	buf := make([]byte, 8+6+1)
	for k := 0; k < int(n); k++ {
		if _, err := io.ReadFull(br, buf); err != nil {
			return nil, fmt.Errorf("read model: word %d: %w", k, err)
		}
		m.lex.words[le.Uint64(buf)] = wordInfo{cl: [3]uint16{le.Uint16(buf[8:]), le.Uint16(buf[10:]), le.Uint16(buf[12:])}, caps: buf[14]}
	}
	get(&n)
	if err != nil {
		return nil, fmt.Errorf("read model: gazetteer: %w", err)
	}
	m.lex.gaz = make(map[uint64]uint16, min(n, 1<<18))
	buf = buf[:10]
	for k := 0; k < int(n); k++ {
		if _, err := io.ReadFull(br, buf); err != nil {
			return nil, fmt.Errorf("read model: gazetteer phrase %d: %w", k, err)
		}
		m.lex.gaz[le.Uint64(buf)] = le.Uint16(buf[8:])
	}
	var gm uint8
	get(&gm)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	m.lex.gazMax = int(gm)
	m.rules = newRuleSet()
	m.prepare()
	return m, nil
}

// LoadFile reads a model file.
func LoadFile(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	m, err := ReadModel(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
