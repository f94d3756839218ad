package clean

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/html/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHTMLNewsPage(t *testing.T) {
	c := New(Options{Source: "default outlet"})
	a := cleanOne(t, c, news.Document{
		Origin: "news-page.html",
		Format: news.FormatHTML,
		Body:   readFixture(t, "news-page.html"),
		URL:    "https://blacksea.example/news/123",
	})
	golden(t, "html/news-page.golden.json", a)
	if a.Title != "Drones strike fuel depot near Odesa" {
		t.Errorf("title %q", a.Title)
	}
	if !strings.HasPrefix(a.Text, "Russian forces struck a fuel depot") {
		t.Errorf("text starts %q", a.Text[:min(60, len(a.Text))])
	}
	if !strings.HasSuffix(a.Text, "which said repairs were under way.") {
		t.Errorf("text ends %q", a.Text[max(0, len(a.Text)-60):])
	}
	for _, bad := range []string{"Home", "Subscribe", "stay safe everyone", "air defence shortages", "Ports reopen", "All rights reserved", "Privacy policy", "Smoke rises", "Tweet", "By Olena"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("text keeps page furniture %q", bad)
		}
	}
	if got := strings.Count(a.Text, "\n\n") + 1; got != 5 {
		t.Errorf("%d paragraphs, want 5", got)
	}
	if a.Author != "Olena Kovalenko" || a.Source != "Black Sea Monitor" || a.Language != "en" {
		t.Errorf("author %q source %q language %q", a.Author, a.Source, a.Language)
	}
	if a.URL != "https://blacksea.example/news/123" || a.ID != news.ContentID(a.URL) {
		t.Errorf("url %q id %q", a.URL, a.ID)
	}
}

func TestHTMLNoArticle(t *testing.T) {
	c := New(Options{})
	for _, body := range [][]byte{
		readFixture(t, "no-article.html"),
		[]byte(""),
		[]byte("<html><body></body></html>"),
		[]byte("<html><body><script>var x = 1;</script></body></html>"),
	} {
		_, err := c.Clean(context.Background(), news.Document{Origin: "page.html", Format: news.FormatHTML, Body: body})
		if !errors.Is(err, ErrNoContent) || !strings.HasPrefix(err.Error(), "page.html: clean: ") {
			t.Errorf("%.40q: error %v, want %v naming the origin", body, err, ErrNoContent)
		}
	}
}

func TestHTMLCanonicalDatesLang(t *testing.T) {
	c := New(Options{Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Source: "default outlet"})
	a := cleanOne(t, c, news.Document{
		Origin: "canonical-dates-lang.html",
		Format: news.FormatHTML,
		Body:   readFixture(t, "canonical-dates-lang.html"),
		URL:    "https://m.courrier-sahel.example/amp/12345?utm_source=feed",
	})
	golden(t, "html/canonical-dates-lang.golden.json", a)
	const canon = "https://www.courrier-sahel.example/afrique/mali-frappe-camp-jihadiste-2025-03-12"
	if a.URL != canon {
		t.Errorf("url %q, want the canonical %q", a.URL, canon)
	}
	if a.ID != news.ContentID(canon) {
		t.Errorf("id %q, want ContentID(canonical URL)", a.ID)
	}
	if want := time.Date(2025, 3, 12, 8, 15, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published %v, want %v from the page", a.Published, want)
	}
	if a.Language != "fr" {
		t.Errorf("language %q, want fr from <html lang>", a.Language)
	}
	if a.Source != "Le Courrier du Sahel" || a.Author != "Awa Traoré" {
		t.Errorf("source %q author %q", a.Source, a.Author)
	}
	if a.Title != "Au Sahel, l'armée malienne revendique une frappe contre un camp jihadiste" {
		t.Errorf("title %q", a.Title)
	}
	if !strings.HasPrefix(a.Text, "L'armée malienne a affirmé mercredi") || strings.Contains(a.Text, "Au Sahel, l'armée") {
		t.Errorf("text %q", a.Text[:min(80, len(a.Text))])
	}
}

// TestHTMLSniff checks that a document without a format is recognised as
// HTML by its markup.
func TestHTMLSniff(t *testing.T) {
	a := cleanOne(t, New(Options{}), news.Document{Origin: "x", Body: readFixture(t, "news-page.html")})
	if a.Title != "Drones strike fuel depot near Odesa" || strings.Contains(a.Text, "<p>") {
		t.Errorf("sniffed page: title %q text %.60q", a.Title, a.Text)
	}
}

// TestHTMLFragment covers feed items, whose content is an HTML fragment or
// even plain text rather than a page.
func TestHTMLFragment(t *testing.T) {
	c := New(Options{})
	tests := []struct {
		name, body string
		paras      int
	}{
		{"paragraphs", "<p>" + prose + "</p><p>" + prose + " Again.</p><p>" + prose + " Third.</p>", 3},
		{"one short paragraph", "<p>" + prose + "</p>", 1},
		{"inline markup", "<p>Ukrainian <b>drones</b> hit an <a href=\"/x\">oil refinery</a> in Russia's Ryazan region,<br>the regional governor said.</p><p>" + prose + "</p>", 2},
		{"plain text", prose + " " + prose, 1},
		{"byline", "<p>By Jane Doe</p><p>" + prose + "</p>", 1},
		{"double line breaks", "<div>" + prose + "<br><br>Ukrainian drones hit an oil refinery in Russia's Ryazan region, the governor said.<br>\n <br>The strike was the third this month.<br>It started a fire.</div>", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := cleanOne(t, c, news.Document{Origin: "feed#item=1", Format: news.FormatHTML, Body: []byte(tt.body), Title: "Feed Title", URL: "https://x.example/s/1"})
			if got := strings.Count(a.Text, "\n\n") + 1; got != tt.paras || strings.ContainsAny(a.Text, "<>") || strings.Contains(a.Text, ",the") || strings.Contains(a.Text, "Jane Doe") {
				t.Errorf("%d paragraphs, want %d: %q", got, tt.paras, a.Text)
			}
			if tt.name == "byline" && a.Author != "Jane Doe" {
				t.Errorf("author %q, want the byline's", a.Author)
			}
		})
	}
}
