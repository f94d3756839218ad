package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func warcRecord(n int, typ, uri, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\n", typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: 2025-06-03T06:30:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n", n)
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func httpResponse(status, header string, body []byte) []byte {
	return append([]byte("HTTP/1.1 "+status+"\r\n"+header+"\r\n"), body...)
}

func chunked(b []byte) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		n := min(len(b), 40)
		fmt.Fprintf(&out, "%x\r\n%s\r\n", n, b[:n])
		b = b[n:]
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

// testWARC returns the records of a small crawl: three HTML pages (one
// chunked, gzip-encoded and in windows-1251) among records to skip.
func testWARC(t testing.TB) [][]byte {
	pageA := []byte("<html><head><title>A</title></head><body><p>Shelling hit Kherson on Monday.</p></body></html>")
	pageB := []byte("<html><body><p>Second page.</p></body></html>")
	cyr := []byte("<html><head><meta charset=\"windows-1251\"></head><body><p>\xca\xe8\xe5\xe2</p></body></html>") // Киев
	var gzBody bytes.Buffer
	zw := gzip.NewWriter(&gzBody)
	zw.Write(cyr)
	zw.Close()
	return [][]byte{
		warcRecord(1, "warcinfo", "", "application/warc-fields", []byte("software: sitrep-test\r\n")),
		warcRecord(2, "request", "https://news.example/a", "application/http; msgtype=request", []byte("GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n")),
		warcRecord(3, "response", "https://news.example/a", "application/http; msgtype=response",
			httpResponse("200 OK", fmt.Sprintf("Content-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n", len(pageA)), pageA)),
		warcRecord(4, "response", "https://news.example/gone", "application/http; msgtype=response",
			httpResponse("404 Not Found", "Content-Type: text/html\r\nContent-Length: 9\r\n", []byte("not found"))),
		warcRecord(5, "response", "https://news.example/logo.png", "application/http; msgtype=response",
			httpResponse("200 OK", "Content-Type: image/png\r\nContent-Length: 4\r\n", []byte("\x89PNG"))),
		warcRecord(6, "response", "https://news.example/kyiv", "application/http; msgtype=response",
			httpResponse("200 OK", "Content-Type: text/html; charset=windows-1251\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunked(gzBody.Bytes()))),
		warcRecord(7, "metadata", "https://news.example/a", "application/warc-fields", []byte("outlinks: https://news.example/b\r\n")),
		warcRecord(8, "response", "<https://news.example/b>", "application/http;msgtype=response",
			httpResponse("200 OK", "Content-Type: text/html\r\n", pageB)),
	}
}

func gzipMembers(t testing.TB, recs [][]byte) (file []byte, offsets []int) {
	var b bytes.Buffer
	for _, r := range recs {
		offsets = append(offsets, b.Len())
		zw := gzip.NewWriter(&b)
		zw.Write(r)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes(), offsets
}

func TestWARC(t *testing.T) {
	recs := testWARC(t)
	tmp := t.TempDir()
	plain := bytes.Join(recs, nil)
	gz, offsets := gzipMembers(t, recs)

	// A Content-Length 5 bytes too long in record 3.
	r3 := recs[2]
	var n int
	fmt.Sscanf(string(r3[bytes.Index(r3, []byte("Content-Length: "))+16:]), "%d", &n)
	r3 = bytes.Replace(r3, []byte(fmt.Sprintf("Content-Length: %d\r\n", n)), []byte(fmt.Sprintf("Content-Length: %d\r\n", n+5)), 1)
	badLen := bytes.Join(append([][]byte{recs[0], recs[1], r3}, recs[3:]...), nil)

	corrupt := bytes.Clone(gz)
	for j := offsets[2] + 30; j < offsets[2]+60; j++ {
		corrupt[j] ^= 0xa5
	}
	wholeGz := gzipBytes(t, plain)

	files := map[string][]byte{
		"crawl.warc":          plain,
		"crawl.warc.gz":       gz,
		"whole.warc.gz":       wholeGz,
		"corrupt.warc.gz":     corrupt,
		"truncated.warc.gz":   gz[:offsets[7]+40],
		"truncated.warc":      plain[:len(plain)-30],
		"badlen.warc":         badLen,
		"garbage-header.warc": append([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nxxxx\r\n\r\n"), plain...),
		"oversized-page.warc": plain,
		"big-image.warc": append(bytes.Clone(plain), warcRecord(9, "response", "https://news.example/map.jpg", "application/http; msgtype=response",
			httpResponse("200 OK", "Content-Type: image/jpeg\r\n", bytes.Repeat([]byte{0xff}, 100000)))...),
		"truncated-head.warc":  plain[:len(recs[0])+20],
		"not-a-record.warc.gz": append(bytes.Clone(gz), []byte("\x1f\x8b\x08garbage")...),
	}
	paths := map[string]string{}
	for name, b := range files {
		paths[name] = writeFile(t, tmp, name, b)
	}
	urls := []string{"https://news.example/a", "https://news.example/kyiv", "https://news.example/b"}
	tests := []struct {
		file  string
		opts  Options
		docs  []string // "record=N url"
		fails []string // "record=N|substring"
	}{
		{file: "crawl.warc", docs: []string{"3 " + urls[0], "6 " + urls[1], "8 " + urls[2]}},
		{file: "crawl.warc.gz", docs: []string{"3 " + urls[0], "6 " + urls[1], "8 " + urls[2]}},
		{file: "whole.warc.gz", docs: []string{"3 " + urls[0], "6 " + urls[1], "8 " + urls[2]}},
		{file: "corrupt.warc.gz", docs: []string{"6 " + urls[1], "8 " + urls[2]},
			fails: []string{fmt.Sprintf("3|gzip member at byte %d", offsets[2])}},
		{file: "truncated.warc.gz", docs: []string{"3 " + urls[0], "6 " + urls[1]},
			fails: []string{fmt.Sprintf("8|gzip member at byte %d", offsets[7])}},
		{file: "truncated.warc", docs: []string{"3 " + urls[0], "6 " + urls[1]},
			fails: []string{fmt.Sprintf("8|byte %d: record truncated", len(plain)-len(recs[7]))}},
		{file: "badlen.warc", docs: []string{"5 " + urls[1], "7 " + urls[2]},
			fails: []string{"3|does not end after its"}},
		{file: "garbage-header.warc", docs: []string{"4 " + urls[0], "7 " + urls[1], "9 " + urls[2]},
			fails: []string{"1|bad or missing Content-Length"}},
		{file: "oversized-page.warc", opts: Options{MaxBytes: 60}, docs: []string{"8 " + urls[2]},
			fails: []string{"3|over the size limit", "6|over the size limit"}},
		{file: "big-image.warc", opts: Options{MaxBytes: 100}, docs: []string{"3 " + urls[0], "6 " + urls[1], "8 " + urls[2]}},
		{file: "truncated-head.warc", fails: []string{"2|truncated in its header"}},
		{file: "not-a-record.warc.gz", docs: []string{"3 " + urls[0], "6 " + urls[1], "8 " + urls[2]},
			fails: []string{"9|gzip member at byte"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := paths[tt.file]
			r := read(t, []string{p}, tt.opts)
			var got []string
			for _, d := range r.docs {
				got = append(got, strings.TrimPrefix(d.Origin, p+"#record=")+" "+d.URL)
				if d.Format != "html" || len(d.Body) == 0 {
					t.Errorf("%s: format %q, %d bytes", d.Origin, d.Format, len(d.Body))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.docs, "\n") {
				t.Errorf("documents:\n%s\nwant:\n%s\nfailures: %v", strings.Join(got, "\n"), strings.Join(tt.docs, "\n"), r.fails)
			}
			var want []string
			for _, f := range tt.fails {
				n, sub, _ := strings.Cut(f, "|")
				want = append(want, p+"#record="+n+"|"+sub)
			}
			for _, f := range r.fails {
				t.Log(f)
			}
			checkFailures(t, r.fails, want)
		})
	}

	// The decoded page: chunked, gzip-encoded, windows-1251.
	r := read(t, []string{paths["crawl.warc.gz"]}, Options{})
	if len(r.docs) == 3 && !bytes.Contains(r.docs[1].Body, []byte("Киев")) {
		t.Errorf("page not decoded: %q", r.docs[1].Body)
	}
	if *update {
		if err := os.WriteFile(filepath.Join("testdata", "in", "crawl.warc.gz"), gz, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
