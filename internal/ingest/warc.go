package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"

	"github.com/sitrep-osint/sitrep/news"
)

// WARC files are read by sitrep's own small reader rather than a WARC
// library, for three reasons: it goes on after a corrupt or truncated
// record (resynchronising on the next gzip member or "WARC/" line), it never
// holds more than Options.MaxBytes of a record in memory, and it reports
// each record by number and byte offset. It reads WARC 0.17 to 1.1, plain
// or gzip-compressed (one member per record, as the standard recommends, or
// the whole file in one stream).

const (
	maxWARCLine   = 64 << 10 // a version or header line
	maxWARCHeader = 1 << 20  // all header lines of a record
	httpHeadPeek  = 64 << 10 // bytes read to decide whether an oversized record matters
)

// warcState is one WARC file's reading state.
type warcState struct {
	origin string
	recNo  int // records seen so far, good or bad
}

func (w *warcState) recOrigin() string { return fmt.Sprintf("%s#record=%d", w.origin, w.recNo) }

// warc reads a WARC file from br, gzip-compressed when gz.
func (r *reader) warc(ctx context.Context, origin string, br *bufio.Reader, gz bool) error {
	w := &warcState{origin: origin}
	if !gz {
		s := &warcStream{br: br}
		stop, broken := r.warcRecords(ctx, w, s, func(off int64) string { return fmt.Sprintf("at byte %d", off) })
		if stop != nil {
			return stop
		}
		if broken != nil {
			return r.failErr(ctx, w.origin, fmt.Errorf("read at byte %d: %w", s.off, broken))
		}
		return nil
	}
	cr := &countingReader{r: br}
	var zr *gzip.Reader
	var mbr *bufio.Reader
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		member := cr.n
		if _, err := br.Peek(1); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return r.failErr(ctx, w.origin, fmt.Errorf("read at byte %d: %w", member, err))
		}
		var err error
		if zr == nil {
			zr, err = gzip.NewReader(cr)
		} else {
			err = zr.Reset(cr)
		}
		if err != nil {
			w.recNo++
			if ferr := r.failErr(ctx, w.recOrigin(), fmt.Errorf("gzip member at byte %d: %w", member, gzipError(err, cr.n))); ferr != nil {
				return ferr
			}
			if !resyncGzip(cr) {
				return nil
			}
			continue
		}
		zr.Multistream(false)
		if mbr == nil {
			mbr = bufio.NewReaderSize(zr, 64<<10)
		} else {
			mbr.Reset(zr)
		}
		s := &warcStream{br: mbr}
		where := func(off int64) string {
			if off == 0 {
				return fmt.Sprintf("in gzip member at byte %d", member)
			}
			return fmt.Sprintf("at byte %d of gzip member at byte %d", off, member)
		}
		before := w.recNo
		stop, broken := r.warcRecords(ctx, w, s, where)
		if stop != nil {
			return stop
		}
		if broken == nil {
			continue
		}
		if w.recNo == before { // broken before its first record began
			w.recNo++
		}
		if ferr := r.failErr(ctx, w.recOrigin(), fmt.Errorf("%s: %w", where(s.off), gzipError(broken, cr.n))); ferr != nil {
			return ferr
		}
		if !resyncGzip(cr) {
			return nil
		}
	}
}

// resyncGzip skips to the next gzip member header; it reports false at the
// end of the input.
func resyncGzip(cr *countingReader) bool {
	br := cr.r
	for {
		b, _ := br.Peek(3)
		if len(b) < 3 {
			n, _ := br.Discard(len(b))
			cr.n += int64(n)
			return false
		}
		if isGzip(b) && cr.n > 0 {
			return true
		}
		buf, _ := br.Peek(br.Buffered())
		n := len(buf)
		if i := bytes.IndexByte(buf[1:], 0x1f); i >= 0 {
			n = i + 1
		}
		d, _ := br.Discard(n)
		cr.n += int64(d)
	}
}

// warcStream reads a WARC byte stream and counts its offset.
type warcStream struct {
	br         *bufio.Reader
	off        int64
	blockStart int64 // offset of the block being read
}

var (
	errLongLine    = errors.New("line too long")
	errPartialLine = errors.New("last line unterminated")
)

// line reads a line, returning it without its line end; err is io.EOF
// when nothing at all was left, errPartialLine for a last line without a
// line end, and any other error of the stream as it is.
func (s *warcStream) line() ([]byte, error) {
	var out []byte
	for {
		chunk, err := s.br.ReadSlice('\n')
		s.off += int64(len(chunk))
		if len(out)+len(chunk) <= maxWARCLine {
			out = append(out, chunk...)
		} else if !errors.Is(err, bufio.ErrBufferFull) && err == nil {
			return nil, errLongLine
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == nil:
			out = bytes.TrimSuffix(bytes.TrimSuffix(out, []byte("\n")), []byte("\r"))
			return out, nil
		case err == io.EOF:
			if len(out) == 0 {
				return nil, io.EOF
			}
			return out, errPartialLine
		default:
			return out, err
		}
	}
}

func (s *warcStream) discard(n int64) (int64, error) {
	var done int64
	for done < n {
		chunk := n - done
		if chunk > 1<<30 {
			chunk = 1 << 30
		}
		d, err := s.br.Discard(int(chunk))
		done += int64(d)
		s.off += int64(d)
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// resync skips lines up to the next one starting "WARC/"; it reports false
// at the end of the stream or on a read error.
func (s *warcStream) resync() bool {
	for {
		b, err := s.br.Peek(5)
		if string(b) == "WARC/" {
			return true
		}
		if err != nil {
			return false
		}
		if _, err := s.line(); err != nil && !errors.Is(err, errLongLine) {
			return false
		}
	}
}

// isEOF reports whether err means the stream ended early.
func isEOF(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// warcRecords reads the records of one stream. stop is an error that ends
// the run (ctx, emit); broken is a read error of the stream itself (corrupt
// compressed data) that the caller reports. Problems with single records
// are reported here, and reading goes on with the next record.
func (r *reader) warcRecords(ctx context.Context, w *warcState, s *warcStream, where func(int64) string) (stop, broken error) {
	report := func(err error) error { return r.failErr(ctx, w.recOrigin(), err) }
	for {
		if err := ctx.Err(); err != nil {
			return err, nil
		}
		start := s.off
		ver, err := s.line()
		switch {
		case err == io.EOF:
			return nil, nil
		case errors.Is(err, errPartialLine) && len(bytes.TrimSpace(ver)) == 0:
			return nil, nil
		case err != nil && !errors.Is(err, errLongLine) && !errors.Is(err, errPartialLine):
			return nil, err
		}
		if len(bytes.TrimSpace(ver)) == 0 && err == nil {
			continue // blank lines between records
		}
		w.recNo++
		if err != nil || !bytes.HasPrefix(ver, []byte("WARC/")) {
			if ferr := report(fmt.Errorf("%s: expected a WARC/1.x version line, found %q", where(start), abbrev(string(ver), 40))); ferr != nil {
				return ferr, nil
			}
			if !s.resync() {
				return nil, readErr(s)
			}
			continue
		}
		h, err := readWARCHeader(s)
		if err != nil {
			if !isEOF(err) && !errors.Is(err, errLongLine) && !errors.Is(err, errBigHeader) {
				return nil, err
			}
			if isEOF(err) {
				err = errors.New("record truncated in its header")
			}
			if ferr := report(fmt.Errorf("%s: %w", where(start), err)); ferr != nil {
				return ferr, nil
			}
			if !s.resync() {
				return nil, readErr(s)
			}
			continue
		}
		length, err := strconv.ParseInt(strings.TrimSpace(h.Get("Content-Length")), 10, 64)
		if err != nil || length < 0 {
			if ferr := report(fmt.Errorf("%s: bad or missing Content-Length %q", where(start), h.Get("Content-Length"))); ferr != nil {
				return ferr, nil
			}
			if !s.resync() {
				return nil, readErr(s)
			}
			continue
		}
		want := strings.EqualFold(strings.TrimSpace(h.Get("WARC-Type")), "response") &&
			strings.HasPrefix(strings.ToLower(strings.TrimSpace(h.Get("Content-Type"))), "application/http")
		var block []byte
		var skipErr error // set when a wanted record cannot be read whole
		if want {
			block, skipErr, err = r.readBlock(s, length)
			if err != nil {
				if !isEOF(err) {
					return nil, err
				}
				got := s.off - s.blockStart
				if ferr := report(fmt.Errorf("%s: record truncated: its block has %d of %d bytes", where(start), got, length)); ferr != nil {
					return ferr, nil
				}
				return nil, nil
			}
		} else if got, err := s.discard(length); err != nil {
			if !isEOF(err) {
				return nil, err
			}
			if ferr := report(fmt.Errorf("%s: record truncated: its block has %d of %d bytes", where(start), got, length)); ferr != nil {
				return ferr, nil
			}
			return nil, nil
		}
		// A record ends with two CRLFs; anything else means Content-Length
		// was wrong and the block is not to be trusted.
		end, _ := s.br.Peek(4)
		switch {
		case string(end) == "\r\n\r\n":
			s.discard(4)
		case len(end) == 0, string(end) == "\r\n", string(end) == "\n\n", string(end) == "\n":
			s.discard(int64(len(end))) // lenient at the end of the stream
		case bytes.HasPrefix(end, []byte("\n\n")):
			s.discard(2)
		default:
			if ferr := report(fmt.Errorf("%s: record does not end after its %d-byte block (found %q): wrong Content-Length?", where(start), length, end)); ferr != nil {
				return ferr, nil
			}
			if !s.resync() {
				return nil, readErr(s)
			}
			continue
		}
		if !want {
			continue
		}
		if errors.Is(skipErr, errNotPage) {
			continue
		}
		if skipErr != nil {
			if ferr := report(fmt.Errorf("%s: %w", where(start), skipErr)); ferr != nil {
				return ferr, nil
			}
			continue
		}
		doc, ok, err := httpPage(block, r.opts.MaxBytes)
		if err != nil {
			if ferr := report(fmt.Errorf("%s: %w", where(start), err)); ferr != nil {
				return ferr, nil
			}
			continue
		}
		if !ok {
			continue
		}
		doc.Origin = w.recOrigin()
		doc.URL = strings.Trim(strings.TrimSpace(h.Get("WARC-Target-URI")), "<>")
		if err := r.send(ctx, doc); err != nil {
			return err, nil
		}
	}
}

// readErr returns the stream's read error after a failed resync, or nil
// at its clean end.
func readErr(s *warcStream) error {
	if _, err := s.br.Peek(1); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

var errBigHeader = errors.New("record header over 1 MiB")

// readWARCHeader reads header lines up to the blank line that ends them.
func readWARCHeader(s *warcStream) (http.Header, error) {
	h := http.Header{}
	size := 0
	last := ""
	for {
		l, err := s.line()
		if err != nil {
			if err == io.EOF || errors.Is(err, errPartialLine) {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if len(l) == 0 {
			return h, nil
		}
		size += len(l)
		if size > maxWARCHeader {
			return nil, errBigHeader
		}
		if (l[0] == ' ' || l[0] == '\t') && last != "" { // continuation
			vs := h[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(string(l))
			continue
		}
		k, v, ok := strings.Cut(string(l), ":")
		if !ok {
			continue // tolerated: not a field
		}
		last = http.CanonicalHeaderKey(strings.TrimSpace(k))
		h.Add(last, strings.TrimSpace(v))
	}
}

// errNotPage marks a response record that is not a 200 HTML page.
var errNotPage = errors.New("not an HTML page")

// readBlock reads a response record's block of n bytes. It reads the HTTP
// head first, so that records which are not a 200 HTML page (errNotPage)
// and pages over the size limit (skip says so) are read past without being
// held in memory. err is a read error of the stream.
func (r *reader) readBlock(s *warcStream, n int64) (block []byte, skip, err error) {
	s.blockStart = s.off
	head := make([]byte, min(n, httpHeadPeek))
	m, err := io.ReadFull(s.br, head)
	s.off += int64(m)
	if err != nil {
		return nil, nil, err
	}
	resp, herr := http.ReadResponse(bufio.NewReader(bytes.NewReader(head)), nil)
	switch {
	case herr == nil && (resp.StatusCode != http.StatusOK || !isPageType(resp.Header.Get("Content-Type"))):
		skip = errNotPage
	case n > r.opts.MaxBytes+httpHeadPeek:
		skip = fmt.Errorf("response of %d bytes is %w of %d bytes per document", n, errTooLarge, r.opts.MaxBytes)
	}
	if skip != nil {
		if _, err := s.discard(n - int64(m)); err != nil {
			return nil, nil, err
		}
		return nil, skip, nil
	}
	block = make([]byte, n)
	copy(block, head)
	k, err := io.ReadFull(s.br, block[m:])
	s.off += int64(k)
	return block, nil, err
}

// isPageType reports whether a Content-Type is an HTML page's.
func isPageType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// httpPage reads the HTML page of an HTTP response held in a WARC block;
// ok is false for responses that are not a 200 HTML page.
func httpPage(block []byte, max int64) (doc news.Document, ok bool, err error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return doc, false, fmt.Errorf("bad HTTP response in record: %w", err)
	}
	defer resp.Body.Close()
	ct := resp.Header.Get("Content-Type")
	if resp.StatusCode != http.StatusOK || !isPageType(ct) {
		return doc, false, nil
	}
	body, err := readAll(resp.Body, max)
	if err != nil && !errors.Is(err, errTooLarge) && len(resp.TransferEncoding) > 0 {
		// Some crawlers store the body de-chunked but keep the header.
		if i := bytes.Index(block, []byte("\r\n\r\n")); i >= 0 {
			body, err = block[i+4:], nil
		}
	}
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return doc, false, errors.New("HTTP body truncated (shorter than its Content-Length)")
		}
		return doc, false, fmt.Errorf("HTTP body: %w", err)
	}
	body, err = decodeContent(body, resp.Header.Get("Content-Encoding"), max)
	if err != nil {
		return doc, false, err
	}
	return news.Document{Format: news.FormatHTML, Body: decodeHTML(body, ct)}, true, nil
}

// decodeContent undoes an HTTP Content-Encoding.
func decodeContent(body []byte, encoding string, max int64) ([]byte, error) {
	var zr io.Reader
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity", "none":
		return body, nil
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("HTTP body (Content-Encoding gzip): %w", err)
		}
		zr = gz
	case "deflate":
		if z, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			zr = z
		} else {
			zr = flate.NewReader(bytes.NewReader(body))
		}
	case "br":
		zr = brotli.NewReader(bytes.NewReader(body))
	default:
		return nil, fmt.Errorf("HTTP body: unsupported Content-Encoding %q", encoding)
	}
	out, err := readAll(zr, max)
	if err != nil {
		return nil, fmt.Errorf("HTTP body (Content-Encoding %s): %w", encoding, err)
	}
	return out, nil
}
