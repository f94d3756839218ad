package clean

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sitrep-osint/sitrep/news"
)

// checkOutput holds the invariants of every cleaning result: a failure is
// one of the known errors with a valid offset; a success is non-empty,
// valid, normalised text whose paragraphs come from the input.
func checkOutput(t *testing.T, body []byte, arts []*news.Article, err error, fromInput bool) {
	t.Helper()
	if err != nil {
		var ue *InvalidUTF8Error
		if errors.As(err, &ue) {
			if ue.Offset < 0 || ue.Offset >= len(body) || !utf8.Valid(body[:ue.Offset]) {
				t.Fatalf("bad offset %d for %q", ue.Offset, body)
			}
			if r, n := utf8.DecodeRune(body[ue.Offset:]); r != utf8.RuneError || n != 1 {
				t.Fatalf("byte %d of %q is not invalid", ue.Offset, body)
			}
		}
		if !strings.HasPrefix(err.Error(), "fuzz: clean: ") {
			t.Fatalf("error %q does not name the origin", err)
		}
		return
	}
	if len(arts) == 0 {
		t.Fatal("no articles and no error")
	}
	flat := hashKey(normalize(string(body)))
	for _, a := range arts {
		for _, s := range []string{a.Text, a.Title, a.Author, a.Source, a.ID} {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
				t.Fatalf("invalid or unnormalised output %q", s)
			}
		}
		if a.Text == "" || a.ID == "" {
			t.Fatalf("empty text or ID: %+v", a)
		}
		if strings.ContainsAny(a.Title, "\n\r") {
			t.Fatalf("title with a line break: %q", a.Title)
		}
		seen := map[string]bool{}
		for _, p := range strings.Split(a.Text, "\n\n") {
			if p == "" || p != strings.TrimSpace(p) || strings.ContainsAny(p, "\n\r\t\x00") || strings.Contains(p, "  ") {
				t.Fatalf("malformed paragraph %q in %q", p, a.Text)
			}
			if seen[strings.ToLower(p)] {
				t.Fatalf("paragraph twice: %q", p)
			}
			seen[strings.ToLower(p)] = true
			if fromInput && !strings.Contains(flat, p) {
				t.Fatalf("paragraph %q not in input %q", p, body)
			}
		}
	}
}

func FuzzCleanText(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed-asharq-2articles.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("Headline Here\n\n" + prose + "\n\nCaption. (AFP)\nTT\n20\n\n" + prose))
	f.Add([]byte("A\r\nB\r\n\r\n\f-----\n\u2029x\u00ad\u200b"))
	f.Add([]byte("Kyiv \xe2\x80 said"))
	f.Add([]byte("e\x00\u0301 \u0301"))
	c := New(Options{})
	f.Fuzz(func(t *testing.T, body []byte) {
		arts, err := c.Clean(context.Background(), news.Document{Origin: "fuzz", Format: news.FormatText, Body: body})
		checkOutput(t, body, arts, err, true)
	})
}

func FuzzCleanHTML(f *testing.F) {
	for _, name := range []string{"news-page.html", "no-article.html", "canonical-dates-lang.html"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte("<p>" + prose + "</p><p>" + prose + "</p>"))
	f.Add([]byte("<html><body><article><h1>T</h1><p>" + prose + "<br>x<table><tr><td>1</td></tr></table></p></article>"))
	f.Add([]byte("<html lang=\"\xff\">"))
	c := New(Options{})
	f.Fuzz(func(t *testing.T, body []byte) {
		arts, err := c.Clean(context.Background(), news.Document{Origin: "fuzz", Format: news.FormatHTML, Body: body, URL: "https://example.org/a"})
		checkOutput(t, body, arts, err, false)
		if err == nil && len(arts) != 1 {
			t.Fatalf("%d articles from one page", len(arts))
		}
	})
}
