package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/sitrep-osint/sitrep/news"
)

// sniffLen is how many leading bytes decide an input's form.
const sniffLen = 8 << 10

// kind is the form of an input.
type kind int

const (
	kindText kind = iota
	kindHTML
	kindFeed
	kindJSONL
)

func (k kind) String() string {
	return [...]string{"text", "html", "feed", "jsonl"}[k]
}

// source is one byte stream to read: a file, standard input, a fetched URL,
// or the decompressed content of one of them.
type source struct {
	origin      string    // names the input in documents and failures
	r           io.Reader // the bytes
	name        string    // file path or URL, for the extension hint
	contentType string    // HTTP Content-Type, when fetched
	url         string    // the document's URL, when fetched
	gzipped     bool      // r is the decompressed content of a gzip stream
}

// stream sniffs src and reads it in the form it has.
func (r *reader) stream(ctx context.Context, src source) error {
	br := bufio.NewReaderSize(src.r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return r.failErr(ctx, src.origin, fmt.Errorf("read: %w", err))
	}
	if len(head) == 0 {
		if src.gzipped {
			return r.failf(ctx, src.origin, "empty input (gzip stream holds no data)")
		}
		return r.failf(ctx, src.origin, "empty input")
	}
	if isGzip(head) {
		if src.gzipped {
			return r.failf(ctx, src.origin, "gzip inside gzip is not read: decompress the outer layer first")
		}
		if isGzipWARC(head) {
			return r.warc(ctx, src.origin, br, true)
		}
		cr := &countingReader{r: br}
		gz, err := gzip.NewReader(cr)
		if err != nil {
			return r.failErr(ctx, src.origin, gzipError(err, cr.n))
		}
		inner := src
		inner.r = &gzipReader{gz: gz, cr: cr}
		inner.name = strings.TrimSuffix(strings.TrimSuffix(src.name, ".gz"), ".GZ")
		inner.gzipped = true
		return r.stream(ctx, inner)
	}
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return r.warc(ctx, src.origin, br, false)
	}
	if err := checkBinary(head); err != nil {
		return r.failErr(ctx, src.origin, err)
	}
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		// UTF-16 with a byte order mark: decode, then sniff the UTF-8.
		body, err := readAll(br, r.opts.MaxBytes)
		if err != nil {
			return r.failErr(ctx, src.origin, err)
		}
		inner := src
		inner.r = bytes.NewReader(decodeText(body, ""))
		return r.stream(ctx, inner)
	}
	k, err := sniff(head, src.name, src.contentType)
	if err != nil {
		return r.failErr(ctx, src.origin, err)
	}
	if k == kindJSONL {
		return r.jsonl(ctx, src.origin, br)
	}
	body, err := readAll(br, r.opts.MaxBytes)
	if err != nil {
		return r.failErr(ctx, src.origin, err)
	}
	switch k {
	case kindFeed:
		return r.feed(ctx, src, body)
	case kindHTML:
		return r.send(ctx, news.Document{
			Origin: src.origin,
			Format: news.FormatHTML,
			Body:   decodeHTML(body, src.contentType),
			URL:    src.url,
		})
	default:
		return r.send(ctx, news.Document{
			Origin: src.origin,
			Format: news.FormatText,
			Body:   decodeText(body, src.contentType),
			URL:    src.url,
		})
	}
}

// errTooLarge is wrapped by every failure for an input over Options.MaxBytes.
var errTooLarge = errors.New("over the size limit")

// readAll reads r whole, failing once it passes max bytes.
func readAll(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("input is %w of %d bytes per document", errTooLarge, max)
	}
	return b, nil
}

func isGzip(b []byte) bool { return len(b) >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 }

// isGzipWARC reports whether the gzip stream starting with head holds a
// WARC file.
func isGzipWARC(head []byte) bool {
	gz, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	var start [5]byte
	n, _ := io.ReadFull(gz, start[:])
	return string(start[:n]) == "WARC/"
}

// countingReader counts the bytes read through it. It is an io.ByteReader
// so that compress/flate reads exactly the bytes of a gzip member and no
// more, which keeps the count exact.
type countingReader struct {
	r *bufio.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// gzipReader decompresses, and says at which compressed byte a corrupt or
// truncated stream broke.
type gzipReader struct {
	gz *gzip.Reader
	cr *countingReader
}

func (g *gzipReader) Read(p []byte) (int, error) {
	n, err := g.gz.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError(err, g.cr.n)
	}
	return n, err
}

func gzipError(err error, at int64) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("gzip stream truncated at compressed byte %d: %w", at, io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("corrupt gzip stream at compressed byte %d: %w", at, err)
}

// Magic numbers of binary formats analysts are likely to pass by mistake,
// with the advice the failure gives.
var binaryMagic = []struct {
	magic, what string
}{
	{"%PDF-", "PDF document, not text: convert it to text or HTML first"},
	{"PK\x03\x04", "zip archive: unpack it first"},
	{"BZh", "bzip2-compressed file: only gzip is read, recompress or decompress it"},
	{"\xfd7zXZ\x00", "xz-compressed file: only gzip is read, recompress or decompress it"},
	{"\x28\xb5\x2f\xfd", "zstd-compressed file: only gzip is read, recompress or decompress it"},
	{"\xd0\xcf\x11\xe0", "Microsoft Office document, not text: convert it to text first"},
}

// errBinary is wrapped by the failure for an input that is not text.
var errBinary = errors.New("binary file, not text")

// checkBinary fails for input that is not text: a known binary format, NUL
// bytes, or many control characters. Text in UTF-16 with a byte order mark
// is text. Invalid UTF-8 is not rejected here (the cleaner reports it).
func checkBinary(head []byte) error {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, []byte(m.magic)) {
			return fmt.Errorf("%w (%s)", errBinary, m.what)
		}
	}
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return nil
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", errBinary, i)
	}
	ctl := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			ctl++
		}
	}
	if ctl*20 > len(head) { // over 5% control characters
		return fmt.Errorf("%w (%d control characters in the first %d bytes)", errBinary, ctl, len(head))
	}
	return nil
}

var jsonFeedVersion = regexp.MustCompile(`"version"\s*:\s*"https?://jsonfeed\.org/version/`)

// sniff decides the form of text input from its first bytes; the name's
// extension and the HTTP media type settle what the content leaves open.
func sniff(head []byte, name, contentType string) (kind, error) {
	b := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	ext := strings.ToLower(path.Ext(namePath(name)))
	mt, _, _ := mime.ParseMediaType(contentType)
	feedHint := ext == ".rss" || ext == ".atom" || ext == ".xml" || ext == ".rdf" ||
		strings.Contains(mt, "rss") || strings.Contains(mt, "atom") || strings.Contains(mt, "rdf") ||
		mt == "application/feed+json" || mt == "text/xml" || mt == "application/xml"
	switch {
	case len(b) > 0 && b[0] == '<':
		switch gofeed.DetectFeedType(bytes.NewReader(b)) {
		case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
			return kindFeed, nil
		}
		if looksHTML(b) {
			return kindHTML, nil
		}
		if root, ok := xmlRoot(b); ok && bytes.HasPrefix(b, []byte("<?xml")) {
			return 0, fmt.Errorf("XML document with root <%s>, not an RSS or Atom feed", abbrev(root, 40))
		}
		if feedHint || bytes.HasPrefix(b, []byte("<?xml")) {
			return kindFeed, nil // the feed parser says what is wrong
		}
		return kindHTML, nil
	case len(b) > 0 && b[0] == '{':
		if jsonFeedVersion.Match(b) || (mt == "application/feed+json" && !bytes.Contains(b, []byte("\n{"))) {
			return kindFeed, nil
		}
		if ext == ".jsonl" || ext == ".ndjson" || ext == ".json" {
			return kindJSONL, nil
		}
		// Text that merely starts with a brace stays text: JSON Lines
		// starts with a whole object on one line.
		if first, _, ok := bytes.Cut(b, []byte("\n")); ok && !json.Valid(bytes.TrimSpace(first)) {
			return kindText, nil
		}
		return kindJSONL, nil
	case len(b) > 0 && b[0] == '[':
		return 0, errors.New("JSON array: sitrep reads JSON Lines (one object per line) and JSON Feed")
	}
	switch {
	case ext == ".jsonl" || ext == ".ndjson":
		return kindJSONL, nil
	case feedHint:
		return kindFeed, nil
	case (ext == ".html" || ext == ".htm" || ext == ".xhtml" || mt == "text/html") && looksHTML(b):
		return kindHTML, nil
	}
	return kindText, nil
}

// namePath returns the path part of a URL, or name itself.
func namePath(name string) string {
	if isURL(name) {
		if u, err := url.Parse(name); err == nil {
			return u.Path
		}
	}
	return name
}

// htmlTag matches the tags of HTML pages and fragments.
var htmlTag = regexp.MustCompile(`(?i)<!doctype html|<(html|head|body|meta|title|div|p|article|section|main|br|hr|span|a|b|i|em|strong|h[1-6]|table|ul|ol|li|img|script|style|link|figure|header|footer|nav)[\s>/]`)

// looksHTML reports whether b has the tags of an HTML page or fragment.
func looksHTML(b []byte) bool {
	if len(b) > 2048 {
		b = b[:2048]
	}
	return htmlTag.Match(b)
}

// xmlRoot returns the name of the root element of an XML document, ok
// only when it was found before any syntax error.
func xmlRoot(b []byte) (string, bool) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for i := 0; i < 64; i++ {
		tok, err := d.Token()
		if err != nil {
			return "", false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local, true
		}
	}
	return "", false
}
