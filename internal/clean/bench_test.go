package clean

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/cputime"

	"github.com/sitrep-osint/sitrep/news"
)

var pagesDir = flag.String("pages", "", "directory of saved web pages (*.html) for BenchmarkCleanHTMLPages")

type voaStory struct {
	ID, URL, Title, Author, Published, Text string
}

func loadVOA(tb testing.TB) []voaStory {
	tb.Helper()
	f, err := os.Open("testdata/voa-sample.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []voaStory
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var s voaStory
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// paragraphs cuts a story's running text into paragraphs of three
// sentences, as pages lay it out.
func paragraphs(text string) []string {
	var paras []string
	var cur []string
	for _, s := range strings.SplitAfter(text, ". ") {
		cur = append(cur, strings.TrimSpace(s))
		if len(cur) == 3 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	return paras
}

// textDoc lays a story out as scraped page text: headline twice, a caption
// twice, widget lines, paragraphs separated by blank lines.
func textDoc(s voaStory) news.Document {
	var b strings.Builder
	cap := "Rescue workers at the scene of the strike. (AP Photo/Staff)"
	b.WriteString(s.Title + "\n\n" + cap + "\n" + cap + "\nTT\n20\n\n" + s.Title + "\n\n")
	for i, p := range paragraphs(s.Text) {
		b.WriteString(p + "\n\n")
		if i == 2 {
			b.WriteString("Read more: Other stories from the region\n\n")
		}
	}
	return news.Document{Origin: s.ID, Format: news.FormatText, Body: []byte(b.String())}
}

// htmlDoc lays a story out as a news web page with navigation, share
// buttons, related links and a footer.
func htmlDoc(s voaStory) news.Document {
	e := html.EscapeString
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>` + e(s.Title) + ` | VOA</title>
<link rel="canonical" href="` + e(s.URL) + `"><meta property="og:site_name" content="Voice of America">
<meta name="author" content="` + e(s.Author) + `"><meta property="article:published_time" content="` + e(s.Published) + `">
<script>window.dataLayer = [];</script><style>body{font-family:sans-serif}</style></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/middle-east">Middle East</a></li><li><a href="/africa">Africa</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main><article><h1>` + e(s.Title) + `</h1><div class="byline">By ` + e(s.Author) + `</div>
<figure><img src="/img/1.jpg"><figcaption>Rescue workers at the scene. (AP Photo/Staff)</figcaption></figure><div class="body">`)
	for i, p := range paragraphs(s.Text) {
		b.WriteString("<p>" + e(p) + "</p>\n")
		if i == 2 {
			b.WriteString(`<div class="share"><a href="#">Share</a> <a href="#">Email</a></div>`)
		}
	}
	b.WriteString(`</div></article><section class="comments"><h3>Comments</h3><p>Be the first to comment.</p></section></main>
<aside><h3>Related</h3><ul><li><a href="/a">Story one about the region</a></li><li><a href="/b">Story two about the conflict</a></li><li><a href="/c">Story three</a></li></ul></aside>
<footer><p>© 2025 Voice of America</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer></body></html>`)
	return news.Document{Origin: s.ID, Format: news.FormatHTML, Body: []byte(b.String()), URL: s.URL}
}

// TestBenchDocs checks that the benchmark inputs clean as intended, so the
// benchmarks measure the real path.
func TestBenchDocs(t *testing.T) {
	c := New(Options{})
	for _, s := range loadVOA(t)[:4] {
		for _, doc := range []news.Document{textDoc(s), htmlDoc(s)} {
			a := cleanOne(t, c, doc)
			first := paragraphs(s.Text)[0]
			if a.Title != s.Title || !strings.HasPrefix(a.Text, first) {
				t.Errorf("%s %s: title %q, text %.80q", doc.Origin, doc.Format, a.Title, a.Text)
			}
			for _, bad := range []string{"AP Photo", "Read more", "Share", "Related", "©"} {
				if strings.Contains(a.Text, bad) {
					t.Errorf("%s %s: %q left in text", doc.Origin, doc.Format, bad)
				}
			}
			if doc.Format == news.FormatHTML && (a.URL != s.URL || a.Source != "Voice of America" || a.Published.IsZero()) {
				t.Errorf("%s: url %q source %q published %v", doc.Origin, a.URL, a.Source, a.Published)
			}
		}
	}
}

func benchClean(b *testing.B, docs []news.Document) {
	c := New(Options{})
	ctx := context.Background()
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Body))
	}
	b.SetBytes(bytes / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Process()
	i := 0
	for b.Loop() {
		if _, err := c.Clean(ctx, docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	reportRates(b, cputime.Process()-cpu0)
}

// reportRates reports documents per second of wall time and, where the
// system tells, per second of CPU time: on a busy machine the first
// measures the wait for a core too, the second the cost of the work.
func reportRates(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "docs/cpu-s")
	}
}

// BenchmarkCleanText cleans ~4 KB scraped-text articles.
func BenchmarkCleanText(b *testing.B) {
	var docs []news.Document
	for _, s := range loadVOA(b) {
		docs = append(docs, textDoc(s))
	}
	benchClean(b, docs)
}

// BenchmarkCleanHTML extracts articles from web pages, reading the
// publication date from the page.
func BenchmarkCleanHTML(b *testing.B) {
	var docs []news.Document
	for _, s := range loadVOA(b) {
		docs = append(docs, htmlDoc(s))
	}
	benchClean(b, docs)
}

// BenchmarkCleanHTMLDated is BenchmarkCleanHTML for pages whose input
// already gave the date (a feed item, a WARC record with metadata), so no
// date search runs.
func BenchmarkCleanHTMLDated(b *testing.B) {
	var docs []news.Document
	for _, s := range loadVOA(b) {
		d := htmlDoc(s)
		d.Published = d.Published.AddDate(2025, 0, 0)
		docs = append(docs, d)
	}
	benchClean(b, docs)
}

// BenchmarkDetectLanguage measures language detection alone.
func BenchmarkDetectLanguage(b *testing.B) {
	d := newLangDetector()
	stories := loadVOA(b)
	b.ResetTimer()
	cpu0 := cputime.Process()
	i := 0
	for b.Loop() {
		if d.detect(stories[i%len(stories)].Text) != "en" {
			b.Fatal("not en")
		}
		i++
	}
	reportRates(b, cputime.Process()-cpu0)
}

// BenchmarkCleanHTMLPages cleans saved real-world pages from the directory
// given with -pages (skipped without it); pages that are not UTF-8 are left
// out. It reports the share of pages an article was extracted from.
func BenchmarkCleanHTMLPages(b *testing.B) {
	if *pagesDir == "" {
		b.Skip("no -pages directory")
	}
	files, err := filepath.Glob(filepath.Join(*pagesDir, "*.html"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s: %v", *pagesDir, err)
	}
	var docs []news.Document
	var size int64
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if utf8.Valid(body) {
			docs = append(docs, news.Document{Origin: f, Format: news.FormatHTML, Body: body})
			size += int64(len(body))
		}
	}
	c := New(Options{})
	ctx := context.Background()
	b.SetBytes(size / int64(len(docs)))
	b.ResetTimer()
	cpu0 := cputime.Process()
	i, ok := 0, 0
	for b.Loop() {
		if _, err := c.Clean(ctx, docs[i%len(docs)]); err == nil {
			ok++
		}
		i++
	}
	reportRates(b, cputime.Process()-cpu0)
	b.ReportMetric(100*float64(ok)/float64(b.N), "extracted-%")
}

// TestConcurrentUse cleans texts and pages from several goroutines with one
// Cleaner; run with -race it checks that the Cleaner is safe to share.
func TestConcurrentUse(t *testing.T) {
	c := New(Options{})
	stories := loadVOA(t)[:6]
	want := make([]string, len(stories))
	for i, s := range stories {
		want[i] = cleanOne(t, c, htmlDoc(s)).Text
	}
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			for i, s := range stories {
				arts, err := c.Clean(context.Background(), htmlDoc(s))
				if err == nil && arts[0].Text != want[i] {
					err = fmt.Errorf("goroutine %d, story %d: different text", g, i)
				}
				if err == nil {
					_, err = c.Clean(context.Background(), textDoc(s))
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
