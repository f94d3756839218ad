// Package clean turns raw documents into clean articles: the main text of a
// web page or the articles of a plain-text dump, without page furniture
// (repeated headlines, photo captions, share and subscribe widgets), with
// their metadata (title, author, date, outlet, URL, language) and a stable
// ID.
//
// Text hygiene is the same for every format: Unicode NFC, "\n" line endings,
// no control characters, single spaces; paragraphs are joined by "\n\n".
// Metadata the input carried wins over what the page says, which wins over
// the defaults in Options.
package clean

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// Errors a document can fail with, wrapped with the document's origin.
var (
	// ErrNoText is returned when nothing is left after cleaning.
	ErrNoText = errors.New("no article text")
	// ErrNoContent is returned for a web page without an article.
	ErrNoContent = errors.New("no article content found")
)

// Options are the defaults for metadata a document lacks.
type Options struct {
	Date   time.Time // publication date for documents that lack one (--date)
	Source string    // outlet for documents that lack one (--source)
}

// Cleaner turns documents into articles. It is safe for concurrent use.
type Cleaner struct {
	opts Options
	lang *langDetector
}

// New returns a Cleaner with the given defaults.
func New(opts Options) *Cleaner {
	return &Cleaner{opts: opts, lang: newLangDetector()}
}

// Clean turns one document into its articles. A text dump may hold several
// articles; an HTML page one.
//
// A document that cannot be cleaned gives a *news.Failure with stage
// "clean", naming doc.Origin (and the byte offset where there is one):
// "news.txt: clean: invalid UTF-8 at byte 1234". It wraps ErrNoText,
// ErrNoContent or *InvalidUTF8Error where they apply. A cancelled context
// is returned as it is, since it is no fault of the document.
func (c *Cleaner) Clean(ctx context.Context, doc news.Document) ([]*news.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	arts, err := c.clean(ctx, doc)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
			return nil, ctxErr
		}
		return nil, &news.Failure{Origin: doc.Origin, Stage: "clean", Err: err}
	}
	return arts, nil
}

func (c *Cleaner) clean(ctx context.Context, doc news.Document) ([]*news.Article, error) {
	if err := checkUTF8(doc.Body); err != nil {
		return nil, err
	}
	format := doc.Format
	if format == "" {
		format = sniffFormat(doc.Body)
	}
	switch format {
	case news.FormatText:
		return c.cleanText(doc)
	case news.FormatHTML:
		a, err := c.cleanHTML(ctx, doc)
		if err != nil {
			return nil, err
		}
		return []*news.Article{a}, nil
	}
	return nil, fmt.Errorf("unsupported format %q", format)
}

// sniffFormat guesses the format of a document that does not say: HTML when
// it starts like markup, text otherwise.
func sniffFormat(body []byte) news.Format {
	s := strings.TrimSpace(string(body[:min(len(body), 512)]))
	s = strings.ToLower(strings.TrimPrefix(s, "\uFEFF"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<!--", "<?xml", "<div", "<p>", "<meta"} {
		if strings.HasPrefix(s, p) {
			return news.FormatHTML
		}
	}
	return news.FormatText
}

// cleanText cleans a plain-text document: one article or a dump of several.
func (c *Cleaner) cleanText(doc news.Document) ([]*news.Article, error) {
	text := normalize(string(doc.Body))
	docTitle := normalizeParagraph(doc.Title)
	segs := splitArticles(splitUnits(text), docTitle)
	if len(segs) == 0 {
		return nil, ErrNoText
	}
	arts := make([]*news.Article, 0, len(segs))
	for i, s := range segs {
		a := &news.Article{
			Title:  s.title,
			Author: s.author,
			Text:   strings.Join(s.paras, "\n\n"),
			Origin: doc.Origin,
		}
		c.fillMeta(a, doc, pageMeta{})
		switch {
		case len(segs) == 1:
			a.ID = articleID(doc.ID, doc.URL, a.Text)
		default:
			// Several articles share the document's identity: number
			// them, or derive their IDs from their text.
			a.Origin = originPart(doc.Origin, i+1)
			if doc.ID != "" {
				a.ID = fmt.Sprintf("%s#%d", doc.ID, i+1)
			} else {
				a.ID = news.ContentID(hashKey(a.Text))
			}
		}
		arts = append(arts, a)
	}
	return arts, nil
}

// originPart names the n-th article of a document in provenance.
func originPart(origin string, n int) string {
	if strings.Contains(origin, "#") {
		return fmt.Sprintf("%s;article=%d", origin, n)
	}
	return fmt.Sprintf("%s#article=%d", origin, n)
}

// articleID is the input's own ID when it has one, else derived from the
// URL, else from the text with white space normalised.
func articleID(id, u, text string) string {
	switch {
	case id != "":
		return id
	case u != "":
		return news.ContentID(u)
	}
	return news.ContentID(hashKey(text))
}

// pageMeta is what a web page says about itself.
type pageMeta struct {
	author, siteName, canonical, language string
	published                             time.Time
}

// fillMeta sets an article's metadata: the document's own fields first, then
// the page's, then the Cleaner's defaults. An author found in the text (a
// byline) gives way to the document's; the title is the caller's business,
// since a dump's title belongs to one article only.
func (c *Cleaner) fillMeta(a *news.Article, doc news.Document, pm pageMeta) {
	a.Author = first(normalizeParagraph(doc.Author), a.Author, pm.author)
	// The canonical URL names the article better than the address it was
	// fetched from.
	a.URL = first(pm.canonical, strings.TrimSpace(doc.URL))
	a.Published = doc.Published
	if a.Published.IsZero() {
		a.Published = pm.published
	}
	if a.Published.IsZero() {
		a.Published = c.opts.Date
	}
	a.Source = first(normalizeParagraph(doc.Source), pm.siteName, c.opts.Source, hostOf(a.URL))
	a.Language = first(langTag(doc.Language), langTag(pm.language))
	if a.Language == "" {
		a.Language = c.lang.detect(a.Text)
	}
}

// langTag reduces a language tag ("en-GB", "EN_us") to its primary subtag.
func langTag(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

// hostOf returns a URL's host without "www.", as an outlet name of last
// resort.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
