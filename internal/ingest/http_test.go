package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// newsServer serves feeds, pages and failures on loopback, and records the
// User-Agent of every request.
func newsServer(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var agents []string
	mux := http.NewServeMux()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.Header.Get("User-Agent"))
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	feed := func(tmpl, ctype string) http.HandlerFunc {
		b := must(os.ReadFile("testdata/in/" + tmpl))
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Write(bytes.ReplaceAll(b, []byte("{{BASE}}"), []byte(srv.URL)))
		}
	}
	mux.HandleFunc("/feed.rss", feed("feed.rss.tmpl", "application/rss+xml"))
	mux.HandleFunc("/feeds/atom", feed("feed.atom.tmpl", "text/xml; charset=utf-8"))
	mux.HandleFunc("/feed.json", feed("feed.json.tmpl", "application/feed+json"))
	mux.HandleFunc("/stories", feed("stories.jsonl", "application/x-ndjson"))
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><article><p>The full story of the summary.</p></article></body></html>")
	})
	mux.HandleFunc("/cp1251", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write([]byte("<html><body><p>\xca\xe8\xe5\xe2</p></body></html>"))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "8000")
		w.Write(bytes.Repeat([]byte("<p>x</p>"), 1000))
	})
	mux.HandleFunc("/big-stream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 100 { // no Content-Length: the limit applies while reading
			w.Write(bytes.Repeat([]byte("<p>x</p>"), 100))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7"))
	})
	return srv, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), agents...) }
}

func TestFeedsOverHTTP(t *testing.T) {
	srv, agents := newsServer(t)
	u := srv.URL
	r := read(t, []string{u + "/feed.rss", u + "/feeds/atom", u + "/feed.json"}, Options{FetchPages: true, UserAgent: "sitrep-test/1"})
	want := []string{
		u + "/feed.rss#item=1 " + u + "/full Drones hit Kharkiv",
		u + "/feed.rss#item=2 " + u + "/page Summary only",
		u + "/feeds/atom#item=1 " + u + "/full Drones hit Kharkiv",
		u + "/feeds/atom#item=2 " + u + "/page Summary only", // relative link resolved
		u + "/feed.json#item=1 " + u + "/full Drones hit Kharkiv",
		u + "/feed.json#item=2 " + u + "/page Summary only",
	}
	var got []string
	for _, d := range r.docs {
		got = append(got, d.Origin+" "+d.URL+" "+d.Title)
		if strings.HasSuffix(d.URL, "/page") && !bytes.Contains(d.Body, []byte("The full story")) {
			t.Errorf("%s: body is not the fetched page: %q", d.Origin, d.Body)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checkFailures(t, r.fails, []string{u + "/feed.rss#item=3|item page " + u + "/missing: fetch: HTTP error status: 404 Not Found"})
	// A broken sink stops the feed at once, fetches in flight or not.
	boom := errors.New("sink broken")
	n := 0
	err := Read(context.Background(), []string{u + "/feed.rss", u + "/feed.json"}, Options{FetchPages: true, UserAgent: "sitrep-test/1"},
		func(news.Document) error { n++; return boom }, func(*news.Failure) {})
	if !errors.Is(err, boom) || n != 1 {
		t.Errorf("err %v after %d documents, want %v after 1", err, n, boom)
	}
	for _, a := range agents() {
		if a != "sitrep-test/1" {
			t.Errorf("request sent User-Agent %q", a)
		}
	}
}

func TestURLInputs(t *testing.T) {
	srv, agents := newsServer(t)
	u := srv.URL
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	r := read(t, []string{
		u + "/moved", u + "/cp1251", u + "/stories", u + "/broken", u + "/nowhere", closed.URL + "/x",
		u + "/big", u + "/big-stream", u + "/slow", "ftp://example.org/x", u + "/report.pdf",
	}, Options{MaxBytes: 4000, Timeout: 300 * time.Millisecond})
	if b := decodeFeed([]byte("<rss version=\"2.0\"><channel><title>Caf\xe9</title></channel></rss>"), "application/rss+xml; charset=iso-8859-1"); !bytes.Contains(b, []byte("Café")) {
		t.Errorf("feed in a charset declared by HTTP not decoded: %q", b)
	}
	if len(r.docs) < 6 {
		t.Fatalf("got %d documents: %v; failures %v", len(r.docs), r.origins(), r.fails)
	}
	if d := r.docs[0]; d.Origin != u+"/moved" || d.URL != u+"/page" || d.Format != "html" {
		t.Errorf("redirected page: %+v", d)
	}
	if d := r.docs[1]; string(d.Body) != "<html><body><p>Киев</p></body></html>" {
		t.Errorf("windows-1251 page not decoded: %q", d.Body)
	}
	if d := r.docs[2]; d.Origin != u+"/stories:1" || d.ID != "a1" {
		t.Errorf("JSON Lines over HTTP: %+v", d)
	}
	checkFailures(t, r.fails[5:], []string{
		u + "/broken|HTTP error status: 500 Internal Server Error",
		u + "/nowhere|HTTP error status: 404 Not Found",
		closed.URL + "/x|connection refused",
		u + "/big|response of 8000 bytes is over the size limit of 4000",
		u + "/big-stream|over the size limit of 4000",
		u + "/slow|no complete response within 300ms",
		"ftp://example.org/x|only http and https URLs are fetched",
		u + "/report.pdf|binary file, not text (PDF",
	})
	for _, a := range agents() {
		if a != DefaultUserAgent {
			t.Errorf("request sent User-Agent %q, want the default", a)
		}
	}
}

func TestFeedPageLimits(t *testing.T) {
	srv, _ := newsServer(t)
	tmp := t.TempDir()
	rss := fmt.Sprintf(`<rss version="2.0"><channel><title>T</title>
<item><title>big</title><link>%[1]s/big</link><description>short</description></item>
<item><title>slow</title><link>%[1]s/slow</link><description>short</description></item>
<item><title>pdf</title><link>%[1]s/report.pdf</link><description>short</description></item>
<item><title>no link</title><description>short</description></item>
<item><title>ok</title><link>%[1]s/page</link><description>short</description></item>
</channel></rss>`, srv.URL)
	p := writeFile(t, tmp, "feed.xml", []byte(rss))
	r := read(t, []string{p}, Options{FetchPages: true, MaxBytes: 4000, Timeout: 300 * time.Millisecond})
	if len(r.docs) != 1 || r.docs[0].Origin != p+"#item=5" {
		t.Errorf("documents %v, want only item 5", r.origins())
	}
	checkFailures(t, r.fails, []string{
		p + "#item=1|over the size limit",
		p + "#item=2|no complete response within",
		p + "#item=3|content type \"application/pdf\" is not HTML",
		p + "#item=4|no http(s) link to fetch",
	})
}
