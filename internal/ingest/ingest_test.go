package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// result is what one Read call produced.
type result struct {
	docs  []news.Document
	fails []*news.Failure
}

func (r result) origins() []string {
	var o []string
	for _, d := range r.docs {
		o = append(o, d.Origin)
	}
	return o
}

func read(t testing.TB, inputs []string, opts Options) result {
	t.Helper()
	var res result
	err := Read(context.Background(), inputs, opts,
		func(d news.Document) error { res.docs = append(res.docs, d); return nil },
		func(f *news.Failure) { res.fails = append(res.fails, f) })
	if err != nil {
		t.Fatalf("Read(%v): %v", inputs, err)
	}
	for _, f := range res.fails {
		if f.Stage != Stage {
			t.Errorf("failure %v: stage %q, want %q", f, f.Stage, Stage)
		}
		if f.Err == nil {
			t.Errorf("failure for %s has no error", f.Origin)
		}
	}
	return res
}

// fixture writes a feed template from testdata with {{BASE}} replaced into
// dir under name, and returns its path.
func fixture(t *testing.T, dir, tmpl, name, base string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "in", tmpl))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, bytes.ReplaceAll(b, []byte("{{BASE}}"), []byte(base)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeFile(t testing.TB, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadForms(t *testing.T) {
	tmp := t.TempDir()
	rss := fixture(t, tmp, "feed.rss.tmpl", "feed.rss", "https://news.example")
	atom := fixture(t, tmp, "feed.atom.tmpl", "feed.atom", "https://news.example")
	jsonFeed := fixture(t, tmp, "feed.json.tmpl", "feed.json", "https://news.example")
	article, _ := os.ReadFile("testdata/in/article.txt")
	gz := writeFile(t, tmp, "article.txt.gz", gzipBytes(t, article))
	gzNoExt := writeFile(t, tmp, "blob", gzipBytes(t, article))
	jsonlGz := writeFile(t, tmp, "stories.jsonl.gz", gzipBytes(t, must(os.ReadFile("testdata/in/stories.jsonl"))))
	published := time.Date(2025, 6, 3, 6, 30, 0, 0, time.UTC)

	tests := []struct {
		name   string
		inputs []string
		docs   []news.Document // fields compared: Origin, Format, ID, Title, URL, Author, Source, Published, Language
		fails  []string        // "origin|substring of the error"
		check  func(t *testing.T, r result)
	}{
		{
			name:   "plain text is one document",
			inputs: []string{"testdata/in/article.txt"},
			docs:   []news.Document{{Origin: "testdata/in/article.txt", Format: news.FormatText}},
			check: func(t *testing.T, r result) {
				if !bytes.Equal(r.docs[0].Body, article) {
					t.Errorf("body differs from the file")
				}
			},
		},
		{
			name:   "seed dump is one document",
			inputs: []string{"../clean/testdata/seed-asharq-2articles.txt"},
			docs:   []news.Document{{Origin: "../clean/testdata/seed-asharq-2articles.txt", Format: news.FormatText}},
		},
		{
			name:   "html page",
			inputs: []string{"testdata/in/page.html"},
			docs:   []news.Document{{Origin: "testdata/in/page.html", Format: news.FormatHTML}},
		},
		{
			name:   "html page in a declared latin-1 charset becomes UTF-8",
			inputs: []string{"testdata/in/page-latin1.html"},
			docs:   []news.Document{{Origin: "testdata/in/page-latin1.html", Format: news.FormatHTML}},
			check: func(t *testing.T, r result) {
				if !bytes.Contains(r.docs[0].Body, []byte("café")) {
					t.Errorf("body not decoded to UTF-8: %q", r.docs[0].Body)
				}
			},
		},
		{
			name:   "rss: full content kept, summaries fail without page fetching",
			inputs: []string{rss},
			docs: []news.Document{{Origin: rss + "#item=1", Format: news.FormatHTML, Title: "Drones hit Kharkiv",
				URL: "https://news.example/full", Author: "Olena Test", Source: "Sitrep Wire", Published: published, Language: "en"}},
			fails: []string{rss + "#item=2|page fetching is off", rss + "#item=3|page fetching is off"},
			check: func(t *testing.T, r result) {
				if !bytes.Contains(r.docs[0].Body, []byte("<p>Ukrainian air defences")) {
					t.Errorf("body is not the item's content: %.80q", r.docs[0].Body)
				}
			},
		},
		{
			name:   "atom",
			inputs: []string{atom},
			docs: []news.Document{{Origin: atom + "#item=1", Format: news.FormatHTML, Title: "Drones hit Kharkiv",
				URL: "https://news.example/full", Author: "Olena Test", Source: "Sitrep Atom", Published: published}},
			fails: []string{atom + "#item=2|only a summary"},
		},
		{
			name:   "json feed",
			inputs: []string{jsonFeed},
			docs: []news.Document{{Origin: jsonFeed + "#item=1", Format: news.FormatHTML, Title: "Drones hit Kharkiv",
				URL: "https://news.example/full", Author: "Olena Test", Source: "Sitrep JSON", Published: published}},
			fails: []string{jsonFeed + "#item=2|only a summary"},
		},
		{
			name:   "json lines: good lines kept, each bad line one failure",
			inputs: []string{"testdata/in/stories.jsonl"},
			docs: []news.Document{
				{Origin: "testdata/in/stories.jsonl:1", Format: news.FormatText, ID: "a1", Title: "Drones hit Kharkiv", URL: "https://example.org/a1",
					Author: "Olena Test", Source: "Sitrep Wire", Published: published, Language: "en"},
				{Origin: "testdata/in/stories.jsonl:3", Format: news.FormatText, ID: "42", Published: published},
				{Origin: "testdata/in/stories.jsonl:4", Format: news.FormatHTML, Published: time.Date(2025, 6, 3, 0, 0, 0, 0, time.UTC)},
				{Origin: "testdata/in/stories.jsonl:10", Format: news.FormatText, Published: published},
			},
			fails: []string{
				`testdata/in/stories.jsonl:5|no "text" or "html" field`,
				"testdata/in/stories.jsonl:6|invalid JSON",
				`testdata/in/stories.jsonl:7|unrecognised date "yesterday"`,
				"testdata/in/stories.jsonl:8|not a JSON object",
				"testdata/in/stories.jsonl:9|empty text",
			},
		},
		{
			name:   "gzip text by extension and by magic number",
			inputs: []string{gz, gzNoExt},
			docs:   []news.Document{{Origin: gz, Format: news.FormatText}, {Origin: gzNoExt, Format: news.FormatText}},
			check: func(t *testing.T, r result) {
				for _, d := range r.docs {
					if !bytes.Equal(d.Body, article) {
						t.Errorf("%s: body is not the decompressed file", d.Origin)
					}
				}
			},
		},
		{
			name:   "gzip json lines",
			inputs: []string{jsonlGz},
			check: func(t *testing.T, r result) {
				if len(r.docs) != 4 || len(r.fails) != 5 || r.docs[3].Origin != jsonlGz+":10" {
					t.Errorf("got %d documents, %d failures (%v), want 4 and 5", len(r.docs), len(r.fails), r.origins())
				}
			},
		},
		{
			name:   "directory: recursive, sorted, hidden skipped",
			inputs: []string{"testdata/in/dir"},
			docs: []news.Document{
				{Origin: "testdata/in/dir/a.txt", Format: news.FormatText},
				{Origin: "testdata/in/dir/sub/b.html", Format: news.FormatHTML},
			},
		},
		{
			name:   "bad inputs: one failure each, reading goes on",
			inputs: []string{"testdata/in/empty.txt", "testdata/in/binary.bin", "testdata/in/malformed.rss", "testdata/in/no-such-file", "testdata/in/article.txt"},
			docs:   []news.Document{{Origin: "testdata/in/article.txt", Format: news.FormatText}},
			fails: []string{
				"testdata/in/empty.txt|empty input",
				"testdata/in/binary.bin|binary file, not text",
				"testdata/in/malformed.rss|malformed feed",
				"testdata/in/no-such-file|no such file",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, tt.inputs, Options{})
			if tt.docs != nil {
				if len(r.docs) != len(tt.docs) {
					t.Fatalf("got %d documents %v, want %d; failures %v", len(r.docs), r.origins(), len(tt.docs), r.fails)
				}
				for i, want := range tt.docs {
					got := r.docs[i]
					body := got.Body
					got.Body = nil
					if !reflect.DeepEqual(got, want) {
						t.Errorf("document %d:\n got %+v\nwant %+v", i, got, want)
					}
					if len(body) == 0 {
						t.Errorf("document %d has no body", i)
					}
				}
			}
			if tt.fails != nil || tt.docs != nil {
				checkFailures(t, r.fails, tt.fails)
			}
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
}

// checkFailures compares failures with "origin|substring" patterns, in order.
func checkFailures(t *testing.T, got []*news.Failure, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d failures %v, want %d %v", len(got), got, len(want), want)
	}
	for i, w := range want {
		origin, sub, _ := strings.Cut(w, "|")
		if got[i].Origin != origin || !strings.Contains(got[i].Err.Error(), sub) {
			t.Errorf("failure %d: got %q: %v, want %q containing %q", i, got[i].Origin, got[i].Err, origin, sub)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestStdin(t *testing.T) {
	r := read(t, []string{"-"}, Options{Stdin: strings.NewReader("{\"text\": \"From a pipe.\"}\n")})
	if len(r.docs) != 1 || r.docs[0].Origin != "stdin:1" || string(r.docs[0].Body) != "From a pipe." {
		t.Errorf("got %+v, failures %v", r.docs, r.fails)
	}
	r = read(t, []string{"-"}, Options{})
	checkFailures(t, r.fails, []string{"stdin|no standard input"})
}

func TestLimitsAndCorruption(t *testing.T) {
	tmp := t.TempDir()
	article := must(os.ReadFile("testdata/in/article.txt"))
	gz := gzipBytes(t, bytes.Repeat(article, 20))
	corrupt := bytes.Clone(gz)
	for i := 200; i < 260; i++ {
		corrupt[i] ^= 0x5a
	}
	corruptPath := writeFile(t, tmp, "corrupt.txt.gz", corrupt)
	truncPath := writeFile(t, tmp, "trunc.txt.gz", gz[:len(gz)/2])
	emptyGz := writeFile(t, tmp, "empty.gz", gzipBytes(t, nil))
	pdf := writeFile(t, tmp, "report.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))
	long := writeFile(t, tmp, "long.jsonl", []byte(`{"text":"`+strings.Repeat("x", 300)+`"}`+"\n"+`{"text":"short"}`+"\n"))
	arr := writeFile(t, tmp, "array.json", []byte(`[{"text":"a"}]`))
	sitemap := writeFile(t, tmp, "sitemap.xml", []byte(`<?xml version="1.0"?><urlset><url><loc>https://x</loc></url></urlset>`))
	emptyDir := filepath.Join(tmp, "nothing")
	os.Mkdir(emptyDir, 0o755)

	r := read(t, []string{corruptPath, truncPath, emptyGz, pdf, "testdata/in/article.txt", long, arr, sitemap, emptyDir}, Options{MaxBytes: 200})
	checkFailures(t, r.fails, []string{
		corruptPath + "|corrupt gzip stream at compressed byte",
		truncPath + "|gzip stream truncated at compressed byte",
		emptyGz + "|empty input",
		pdf + "|binary file, not text (PDF",
		"testdata/in/article.txt|over the size limit",
		long + ":1|line of 311 bytes is over the size limit of 200",
		arr + "|JSON array",
		sitemap + "|not an RSS or Atom feed",
		emptyDir + "|no files",
	})
	if len(r.docs) != 1 || r.docs[0].Origin != long+":2" {
		t.Errorf("documents %v, want only %s:2", r.origins(), long)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head, name, ctype string
		want              kind
		err               string
	}{
		{head: "Plain words.\n", want: kindText},
		{head: "\xef\xbb\xbf  <!DOCTYPE html><html>", want: kindHTML},
		{head: "<p>A fragment</p>", want: kindHTML},
		{head: "<custom-element>Text</custom-element>", want: kindHTML},
		{head: "<rss version=\"2.0\"><channel>", want: kindFeed},
		{head: "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", want: kindFeed},
		{head: "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", want: kindFeed},
		{head: "<?xml version=\"1.0\"?><urlset>", err: "root <urlset>"},
		{head: "<broken", name: "x.rss", want: kindFeed},
		{head: "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", want: kindFeed},
		{head: "{\"text\": \"a\"}\n{\"text\": \"b\"}\n", want: kindJSONL},
		{head: "{\"text\": \"a\"}\n", name: "notes.txt", want: kindJSONL},
		{head: "{Update} Shelling resumed.\nMore text.\n", want: kindText},
		{head: "{\n  \"text\": \"pretty\"\n}\n", name: "a.json", want: kindJSONL},
		{head: "[{\"text\": \"a\"}]", err: "JSON array"},
		{head: "Headline\n", name: "a.jsonl", want: kindJSONL},
		{head: "not xml", ctype: "application/rss+xml", want: kindFeed},
		{head: "Text with <b>tags</b>", name: "page.html", want: kindHTML},
		{head: "Text with <b>tags</b>", name: "page.txt", want: kindText},
	}
	for _, tt := range tests {
		got, err := sniff([]byte(tt.head), tt.name, tt.ctype)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("sniff(%q, %q): err %v, want %q", tt.head, tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("sniff(%q, %q, %q) = %v, %v; want %v", tt.head, tt.name, tt.ctype, got, err, tt.want)
		}
	}
}

func TestUTF16Text(t *testing.T) {
	tmp := t.TempDir()
	p := writeFile(t, tmp, "u16.txt", []byte{0xff, 0xfe, 'H', 0, 'i', 0, ' ', 0, 0xe9, 0})
	r := read(t, []string{p}, Options{})
	if len(r.docs) != 1 || string(r.docs[0].Body) != "Hi é" || r.docs[0].Format != news.FormatText {
		t.Errorf("got %v %v", r.docs, r.fails)
	}
	var u16 []byte
	for _, c := range "\ufeff<html><body><p>Ünïcode</p></body></html>" {
		u16 = append(u16, byte(c), byte(c>>8))
	}
	p = writeFile(t, tmp, "u16.html", u16)
	r = read(t, []string{p}, Options{})
	if len(r.docs) != 1 || string(r.docs[0].Body) != "<html><body><p>Ünïcode</p></body></html>" || r.docs[0].Format != news.FormatHTML {
		t.Errorf("got %v %v", r.docs, r.fails)
	}
}

func TestEmitErrorStops(t *testing.T) {
	boom := errors.New("sink broken")
	n := 0
	err := Read(context.Background(), []string{"testdata/in/stories.jsonl", "testdata/in/article.txt"}, Options{},
		func(news.Document) error { n++; return boom }, nil)
	if !errors.Is(err, boom) || n != 1 {
		t.Errorf("err %v after %d documents, want %v after 1", err, n, boom)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Read(ctx, []string{"testdata/in/article.txt"}, Options{}, func(news.Document) error { n++; return nil }, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v", err)
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2025, 3, 14, 20, 30, 26, 0, time.UTC)
	for _, s := range []string{
		"2025-03-14T20:30:26Z", "2025-03-14T21:30:26+01:00", "2025-03-14 20:30:26Z", "2025-03-14 20:30:26",
		"2025-03-14T20:30:26.000Z", "Fri, 14 Mar 2025 20:30:26 +0000", "2025-03-14 20:30:26 +0000",
	} {
		got, err := parseDate(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	day := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2025-03-14", "2025/03/14", "14 March 2025", "March 14, 2025", "20250314"} {
		got, err := parseDate(s)
		if err != nil || !got.Equal(day) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", s, got, err, day)
		}
	}
	for _, s := range []string{"yesterday", "2025-13-01", "14/03/2025"} {
		if _, err := parseDate(s); err == nil {
			t.Errorf("parseDate(%q) succeeded", s)
		}
	}
}

// TestGolden reads every committed fixture and compares a summary of the
// documents and failures with testdata/read.golden.
func TestGolden(t *testing.T) {
	r := read(t, []string{"testdata/in"}, Options{})
	var b strings.Builder
	for _, d := range r.docs {
		fmt.Fprintf(&b, "doc %s format=%s id=%q title=%q url=%q author=%q source=%q published=%s lang=%q bytes=%d id16=%s\n",
			filepath.ToSlash(d.Origin), d.Format, d.ID, d.Title, d.URL, d.Author, d.Source, d.Published.Format(time.RFC3339), d.Language, len(d.Body), news.ContentID(string(d.Body)))
	}
	for _, f := range r.fails {
		fmt.Fprintf(&b, "fail %s: %v\n", filepath.ToSlash(f.Origin), f.Err)
	}
	golden := filepath.Join("testdata", "read.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("summary differs from %s (run go test -update after checking):\n%s", golden, b.String())
	}
}
