package clean

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// cleaned holds the fields of an article that cleaning sets, so that golden
// files do not change with the fields later stages add.
type cleaned struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
	Language  string    `json:"language"`
	Author    string    `json:"author"`
	Origin    string    `json:"origin"`
	Text      string    `json:"text"`
}

func cleanedOf(arts ...*news.Article) []cleaned {
	out := make([]cleaned, len(arts))
	for i, a := range arts {
		out[i] = cleaned{a.ID, a.Title, a.URL, a.Source, a.Published, a.Language, a.Author, a.Origin, a.Text}
	}
	return out
}

// golden compares the cleaned fields of arts, as indented JSON, with
// testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, arts ...*news.Article) {
	t.Helper()
	b, err := json.MarshalIndent(cleanedOf(arts...), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(b) {
		t.Errorf("%s differs from the output; run go test -update and review the diff\ngot:\n%s", path, b)
	}
}

func cleanOne(t *testing.T, c *Cleaner, doc news.Document) *news.Article {
	t.Helper()
	arts, err := c.Clean(context.Background(), doc)
	if err != nil {
		t.Fatalf("Clean(%s): %v", doc.Origin, err)
	}
	if len(arts) != 1 {
		t.Fatalf("Clean(%s): %d articles, want 1", doc.Origin, len(arts))
	}
	return arts[0]
}

func TestSeedDump(t *testing.T) {
	body, err := os.ReadFile("testdata/seed-asharq-2articles.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{Source: "Asharq Al-Awsat", Date: time.Date(2025, 7, 17, 0, 0, 0, 0, time.UTC)})
	arts, err := c.Clean(context.Background(), news.Document{Origin: "seed-asharq-2articles.txt", Format: news.FormatText, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "seed-asharq-2articles.golden.json", arts...)
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	want := []struct{ title, first, last string }{
		{
			"Iran Grows New Loyalist Iraqi Militias",
			"Iran has hand picked hundreds of trusted fighters from among the cadres",
			"cells that proved particularly effective at deploying sophisticated bombs to pierce US armor.",
		},
		{
			"Ukraine to Boost Domestic Arms Production to Counter Russia's Invasion, Says Zelensky",
			"A new Ukrainian government approved Thursday will race to expand domestic arms production",
			"The exchange was part of a deal reached at direct peace talks last May and June that produced few other agreements between the sides.",
		},
	}
	src := string(body)
	for i, a := range arts {
		w := want[i]
		if a.Title != w.title {
			t.Errorf("article %d: title %q, want %q", i+1, a.Title, w.title)
		}
		if !strings.HasPrefix(a.Text, w.first) {
			t.Errorf("article %d: text starts %q, want %q", i+1, a.Text[:min(len(a.Text), 80)], w.first)
		}
		if !strings.HasSuffix(a.Text, w.last) {
			t.Errorf("article %d: text ends %q, want %q", i+1, a.Text[max(0, len(a.Text)-80):], w.last)
		}
		if a.Source != "Asharq Al-Awsat" || a.Language != "en" || a.Published.IsZero() {
			t.Errorf("article %d: source %q language %q published %v", i+1, a.Source, a.Language, a.Published)
		}
		seen := map[string]bool{}
		for _, p := range strings.Split(a.Text, "\n\n") {
			if seen[p] {
				t.Errorf("article %d: paragraph twice: %q", i+1, p)
			}
			seen[p] = true
			for _, bad := range []string{"(Asharq Al-Awsat)", "File Photo/The AP"} {
				if strings.Contains(p, bad) {
					t.Errorf("article %d: caption kept: %q", i+1, p)
				}
			}
			if p == "TT" || p == "20" || p == a.Title {
				t.Errorf("article %d: furniture kept: %q", i+1, p)
			}
			if !strings.Contains(src, p) {
				t.Errorf("article %d: paragraph not in the input: %q", i+1, p)
			}
		}
	}
	// Every line of prose in the input is in exactly one article.
	all := arts[0].Text + "\n\n" + arts[1].Text
	for line := range strings.SplitSeq(src, "\n") {
		if len(strings.Fields(line)) >= 8 && !strings.Contains(line, "(Asharq Al-Awsat)") &&
			line != arts[0].Title && line != arts[1].Title && !strings.Contains(all, line) {
			t.Errorf("input paragraph lost: %q", line)
		}
	}
	if !strings.Contains(arts[1].Text, "\n\nIn other developments:\n\n") {
		t.Errorf("list introduction lost from article 2")
	}
	if arts[0].ID == arts[1].ID {
		t.Errorf("both articles have ID %s", arts[0].ID)
	}
}

func TestErrors(t *testing.T) {
	c := New(Options{})
	tests := []struct {
		name   string
		doc    news.Document
		target error
		msg    string
	}{
		{"invalid utf8", news.Document{Origin: "a.txt", Format: news.FormatText, Body: []byte("Russia said\xff that")}, nil, "a.txt: clean: invalid UTF-8 at byte 11"},
		{"truncated rune", news.Document{Origin: "b.txt", Format: news.FormatText, Body: []byte("Kyiv \xe2\x80")}, nil, "b.txt: clean: invalid UTF-8 at byte 5"},
		{"empty", news.Document{Origin: "c.txt", Format: news.FormatText, Body: []byte("  \n\n\t")}, ErrNoText, "c.txt: clean: no article text"},
		{"furniture only", news.Document{Origin: "d.txt", Format: news.FormatText, Body: []byte("TT\n20\nShare\n")}, ErrNoText, "d.txt: clean: no article text"},
		{"controls only", news.Document{Origin: "e.txt", Format: news.FormatText, Body: []byte("\x00\x01\x02")}, ErrNoText, "e.txt: clean: no article text"},
		{"unknown format", news.Document{Origin: "f.pdf", Format: "pdf", Body: []byte("x")}, nil, `f.pdf: clean: unsupported format "pdf"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Clean(context.Background(), tt.doc)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.msg {
				t.Errorf("error %q, want %q", err, tt.msg)
			}
			if tt.target != nil && !errors.Is(err, tt.target) {
				t.Errorf("error %v is not %v", err, tt.target)
			}
		})
	}
	var ue *InvalidUTF8Error
	_, err := c.Clean(context.Background(), news.Document{Origin: "g", Format: news.FormatHTML, Body: []byte("<p>ok</p>\xc3")})
	if !errors.As(err, &ue) || ue.Offset != 9 {
		t.Errorf("html invalid UTF-8: %v, want offset 9", err)
	}
	var f *news.Failure
	if !errors.As(err, &f) || f.Origin != "g" || f.Stage != "clean" {
		t.Errorf("error %#v is not a clean failure of g", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Clean(ctx, news.Document{Origin: "h", Format: news.FormatText, Body: []byte("Russia attacked Kyiv overnight with drones.")}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
}

func cleanAll(t *testing.T, c *Cleaner, doc news.Document) []*news.Article {
	t.Helper()
	arts, err := c.Clean(context.Background(), doc)
	if err != nil {
		t.Fatalf("Clean(%s): %v", doc.Origin, err)
	}
	return arts
}
