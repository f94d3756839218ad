package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

// offline is a client that never reaches the network.
var offline = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
	return nil, errors.New("offline")
})}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// fuzzReader returns a reader whose documents and failures are checked to
// name origin.
func fuzzReader(t *testing.T, origin string) *reader {
	opts := Options{HTTPClient: offline, FetchPages: true, MaxBytes: 1 << 20}.withDefaults()
	return &reader{
		opts: opts,
		emit: func(d news.Document) error {
			if !strings.HasPrefix(d.Origin, origin) {
				t.Errorf("document origin %q does not name the input %q", d.Origin, origin)
			}
			if len(d.Body) == 0 {
				t.Errorf("%s: empty document", d.Origin)
			}
			return nil
		},
		fail: func(f *news.Failure) {
			if !strings.HasPrefix(f.Origin, origin) || f.Err == nil || f.Stage != Stage {
				t.Errorf("failure %+v does not name the input %q", f, origin)
			}
		},
	}
}

// seeds adds every fixture under testdata/in and the test WARC files.
func seeds(f *testing.F) {
	filepath.WalkDir("testdata/in", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
		return nil
	})
	recs := testWARC(f)
	f.Add(bytes.Join(recs, nil))
	gz, _ := gzipMembers(f, recs)
	f.Add(gz)
	f.Add(gz[:len(gz)/2])
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Add([]byte("{\"text\":\"a\"}\n{\"text\":1}\n\n{"))
	f.Add([]byte("<rss><channel><item><link>http://x/</link></item></channel></rss>"))
}

// FuzzStream feeds any bytes to the sniffer and the reader it picks.
func FuzzStream(f *testing.F) {
	seeds(f)
	names := []string{"in", "in.txt", "in.html", "in.jsonl", "in.rss", "in.warc", "in.gz"}
	f.Fuzz(func(t *testing.T, b []byte) {
		name := names[len(b)%len(names)]
		r := fuzzReader(t, name)
		if err := r.stream(context.Background(), source{origin: name, r: bytes.NewReader(b), name: name}); err != nil {
			t.Fatalf("stream returned %v", err)
		}
	})
}

// FuzzJSONL feeds any bytes to the JSON Lines reader.
func FuzzJSONL(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		r := fuzzReader(t, "in.jsonl")
		r.opts.MaxBytes = 256
		if err := r.jsonl(context.Background(), "in.jsonl", bufio.NewReaderSize(bytes.NewReader(b), 64)); err != nil {
			t.Fatalf("jsonl returned %v", err)
		}
	})
}

// FuzzWARC feeds any bytes to the WARC reader, plain and gzip.
func FuzzWARC(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, gz := range []bool{false, true} {
			r := fuzzReader(t, "in.warc")
			if err := r.warc(context.Background(), "in.warc", bufio.NewReader(bytes.NewReader(b)), gz); err != nil {
				t.Fatalf("warc returned %v", err)
			}
		}
	})
}

// FuzzFeed feeds any bytes to the feed reader.
func FuzzFeed(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		r := fuzzReader(t, "in.rss")
		if err := r.feed(context.Background(), source{origin: "in.rss", url: "https://news.example/feed"}, b); err != nil {
			t.Fatalf("feed returned %v", err)
		}
	})
}
