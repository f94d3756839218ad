package attribution

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sync"
)

// The tagger and the cue detector keep their weights in one file format:
// gzip of a header (magic, hash bits and tags as uint32, scale as float32,
// entry count as uint32), then one entry per non-zero bucket (bucket as
// uint32, tags int16 weights), all little endian; the weight of bucket b
// for tag t is w[b*stride+t] * scale in memory. A model may append its own
// data after the entries (the cue detector's vocabulary).

type weightsHeader struct {
	Magic      [8]byte
	Bits, Tags uint32
	Scale      float32
	N          uint32
}

// readWeights reads a model file named what: its header and entries into
// rows of stride int16 (stride >= tags), then, when rest is set, the data
// the model appends, from the same decompressed stream.
func readWeights(r io.Reader, what, magic string, bits, tags, stride int, rest func(io.Reader) error) ([]int16, float32, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", what, err)
	}
	defer zr.Close()
	w, scale, err := readEntries(zr, what, magic, bits, tags, stride)
	if err == nil && rest != nil {
		err = rest(zr)
	}
	if err != nil {
		return nil, 0, err
	}
	return w, scale, nil
}

func readEntries(r io.Reader, what, magic string, bits, tags, stride int) ([]int16, float32, error) {
	var hdr weightsHeader
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return nil, 0, fmt.Errorf("%s: header: %w", what, err)
	}
	if string(hdr.Magic[:]) != magic || hdr.Bits != uint32(bits) || hdr.Tags != uint32(tags) {
		return nil, 0, fmt.Errorf("%s: unknown format %q bits %d tags %d", what, hdr.Magic[:], hdr.Bits, hdr.Tags)
	}
	buckets := uint32(1) << bits
	if hdr.N > buckets {
		return nil, 0, fmt.Errorf("%s: %d entries", what, hdr.N)
	}
	w := make([]int16, int(buckets)*stride)
	row := make([]int16, tags)
	for i := uint32(0); i < hdr.N; i++ {
		var b uint32
		if err := binary.Read(r, binary.LittleEndian, &b); err != nil {
			return nil, 0, fmt.Errorf("%s: entry %d: %w", what, i, err)
		}
		if err := binary.Read(r, binary.LittleEndian, row); err != nil {
			return nil, 0, fmt.Errorf("%s: entry %d: %w", what, i, err)
		}
		if b >= buckets {
			return nil, 0, fmt.Errorf("%s: entry %d: bucket %d", what, i, b)
		}
		copy(w[int(b)*stride:], row)
	}
	return w, hdr.Scale, nil
}

// writeWeights quantises weights (buckets × tags, bucket-major) to int16
// with one scale and writes them gzipped in readWeights' format, followed
// by extra (already encoded, may be nil).
func writeWeights(w io.Writer, magic string, bits, tags int, weights []float32, extra []byte) error {
	maxAbs := float32(0)
	for _, v := range weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var body bytes.Buffer
	n := 0
	row := make([]int16, tags)
	for b := 0; b < 1<<bits; b++ {
		nz := false
		for t := 0; t < tags; t++ {
			row[t] = int16(math.Round(float64(weights[b*tags+t] / scale)))
			nz = nz || row[t] != 0
		}
		if nz {
			binary.Write(&body, binary.LittleEndian, uint32(b)) // a bytes.Buffer does not fail
			binary.Write(&body, binary.LittleEndian, row)
			n++
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	hdr := weightsHeader{Bits: uint32(bits), Tags: uint32(tags), Scale: scale, N: uint32(n)}
	copy(hdr.Magic[:], magic)
	if err := binary.Write(zw, binary.LittleEndian, hdr); err != nil {
		return err
	}
	if _, err := zw.Write(body.Bytes()); err != nil {
		return err
	}
	if _, err := zw.Write(extra); err != nil {
		return err
	}
	return zw.Close()
}

// onceModel decodes an embedded model the first time it is needed.
type onceModel[T any] struct {
	once sync.Once
	m    *T
	err  error
}

// get decodes data with read once and returns the model, or why it could
// not be read (what names it in the error).
func (o *onceModel[T]) get(data []byte, what string, read func(io.Reader) (*T, error)) (*T, error) {
	o.once.Do(func() {
		if len(data) == 0 {
			o.err = fmt.Errorf("attribution: no embedded %s", what)
			return
		}
		o.m, o.err = read(bytes.NewReader(data))
	})
	return o.m, o.err
}

// averaged is an averaged perceptron over hashed feature buckets × tags,
// with the lazy sums that averaging needs.
type averaged struct {
	tags  int
	w     []float32
	total []float32 // sum of each weight over time
	stamp []int32   // when each weight last changed
	step  int32
}

func newAveraged(buckets, tags int) *averaged {
	return &averaged{tags: tags, w: make([]float32, buckets*tags), total: make([]float32, buckets*tags),
		stamp: make([]int32, buckets*tags), step: 1}
}

// score adds the weights of features f to sc, one score per tag.
func (p *averaged) score(f []uint32, sc []float32) {
	for _, b := range f {
		for t := 0; t < p.tags; t++ {
			sc[t] += p.w[int(b)*p.tags+t]
		}
	}
}

// learn counts one scored token: when pred is not gold it moves the
// weights of features f towards gold and away from pred, and reports the
// error.
func (p *averaged) learn(f []uint32, gold, pred uint8) bool {
	wrong := pred != gold
	if wrong {
		for _, b := range f {
			p.add(b, gold, 1)
			p.add(b, pred, -1)
		}
	}
	p.step++
	return wrong
}

func (p *averaged) add(b uint32, t uint8, v float32) {
	k := int(b)*p.tags + int(t)
	p.total[k] += float32(p.step-p.stamp[k]) * p.w[k]
	p.stamp[k] = p.step
	p.w[k] += v
}

// average returns the weights averaged over all steps so far.
func (p *averaged) average() []float32 {
	avg := make([]float32, len(p.w))
	for k := range p.w {
		avg[k] = (p.total[k] + float32(p.step-p.stamp[k])*p.w[k]) / float32(p.step)
	}
	return avg
}
