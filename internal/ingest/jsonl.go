package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// jsonRecord is one JSON Lines object. Only text (or html) is required.
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	URL       string          `json:"url"`
	Published json.RawMessage `json:"published"`
	Source    string          `json:"source"`
	Author    string          `json:"author"`
	Language  string          `json:"language"`
}

// jsonl reads JSON Lines: one document per object. A bad line is one
// failure, "input:LINE: ...", and reading goes on. Lines are bounded by
// Options.MaxBytes.
func (r *reader) jsonl(ctx context.Context, origin string, br *bufio.Reader) error {
	var buf []byte
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, size, err := readLine(br, r.opts.MaxBytes, buf[:0])
		buf = b
		if err != nil && !errors.Is(err, io.EOF) {
			return r.failf(ctx, fmt.Sprintf("%s:%d", origin, line), "read: %w", err)
		}
		eof := err != nil
		lineOrigin := fmt.Sprintf("%s:%d", origin, line)
		switch {
		case size > r.opts.MaxBytes:
			if ferr := r.failf(ctx, lineOrigin, "line of %d bytes is %w of %d bytes per document", size, errTooLarge, r.opts.MaxBytes); ferr != nil {
				return ferr
			}
		case len(bytes.TrimSpace(b)) > 0:
			doc, err := parseJSONLine(b)
			if err != nil {
				if ferr := r.failErr(ctx, lineOrigin, err); ferr != nil {
					return ferr
				}
				break
			}
			doc.Origin = lineOrigin
			if err := r.send(ctx, doc); err != nil {
				return err
			}
		}
		if eof {
			return nil
		}
	}
}

// readLine reads one line (without its "\n" or "\r\n") into buf, keeping
// at most max bytes of it; size is the line's full length, so a line over
// max is read past but not kept. err is io.EOF at the end of the input.
func readLine(br *bufio.Reader, max int64, buf []byte) (line []byte, size int64, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if size <= max+2 { // +2: the line end
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
			size--
			if n := len(buf); n > 0 && buf[n-1] == '\n' {
				buf = buf[:n-1]
				if n := len(buf); n > 0 && buf[n-1] == '\r' {
					buf = buf[:n-1]
					size--
				}
			}
		}
		if size > max {
			buf = buf[:0]
		}
		return buf, size, err
	}
}

// parseJSONLine turns one JSON Lines object into a document.
func parseJSONLine(b []byte) (news.Document, error) {
	b = bytes.TrimPrefix(b, utf8BOM)
	var rec jsonRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return news.Document{}, fmt.Errorf("invalid JSON at byte %d of the line: %w", se.Offset, err)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if te.Field == "" {
				return news.Document{}, fmt.Errorf("not a JSON object: found a JSON %s", te.Value)
			}
			return news.Document{}, fmt.Errorf("field %q: expected a %s, found a JSON %s", te.Field, te.Type, te.Value)
		}
		return news.Document{}, fmt.Errorf("invalid JSON: %w", err)
	}
	doc := news.Document{
		Title:    strings.TrimSpace(rec.Title),
		URL:      strings.TrimSpace(rec.URL),
		Source:   strings.TrimSpace(rec.Source),
		Author:   strings.TrimSpace(rec.Author),
		Language: strings.TrimSpace(rec.Language),
	}
	switch {
	case rec.Text != nil && strings.TrimSpace(*rec.Text) != "":
		doc.Format, doc.Body = news.FormatText, []byte(*rec.Text)
	case rec.HTML != nil && strings.TrimSpace(*rec.HTML) != "":
		doc.Format, doc.Body = news.FormatHTML, []byte(*rec.HTML)
	case rec.Text != nil || rec.HTML != nil:
		return news.Document{}, errors.New("empty text")
	default:
		return news.Document{}, errors.New(`no "text" or "html" field`)
	}
	id, err := jsonID(rec.ID)
	if err != nil {
		return news.Document{}, err
	}
	doc.ID = id
	if doc.Published, err = jsonTime(rec.Published); err != nil {
		return news.Document{}, err
	}
	return doc, nil
}

// jsonID accepts a string or a number as an identifier.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("field \"id\": %w", err)
		}
		return strings.TrimSpace(s), nil
	}
	if _, err := strconv.ParseFloat(string(raw), 64); err == nil {
		return string(raw), nil
	}
	return "", fmt.Errorf("field \"id\": expected a string or a number, found %s", abbrev(string(raw), 40))
}

// jsonTime accepts a date string in the forms of dateLayouts, or a Unix
// time in seconds (or milliseconds, when it is that large).
func jsonTime(raw json.RawMessage) (time.Time, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return time.Time{}, nil
	}
	if raw[0] != '"' {
		f, err := strconv.ParseFloat(string(raw), 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("field \"published\": expected a date string or a Unix time, found %s", abbrev(string(raw), 40))
		}
		if f > 1e11 || f < -1e11 { // milliseconds
			return time.UnixMilli(int64(f)).UTC(), nil
		}
		return time.Unix(int64(f), 0).UTC(), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, fmt.Errorf("field \"published\": %w", err)
	}
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	t, err := parseDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("field \"published\": %w", err)
	}
	return t, nil
}

// dateLayouts are the date forms JSON Lines producers write; a time
// without a zone is taken as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999Z0700",
	"2006-01-02 15:04:05.999999999 Z07:00",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"2006-01-02 15:04:05.999999999 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// parseDate parses s in one of dateLayouts.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q (use RFC 3339, e.g. 2006-01-02T15:04:05Z)", abbrev(s, 60))
}

func abbrev(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xc0 != 0x80 }
