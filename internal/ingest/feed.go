package ingest

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/sitrep-osint/sitrep/news"
)

// pageFetchers is how many feed item pages are fetched at once.
const pageFetchers = 4

// feedItem is one item's document, ready when done is closed.
type feedItem struct {
	doc  news.Document
	err  error
	done chan struct{}
}

// feed reads an RSS, Atom or JSON feed: one document per item, with the
// item's own content when it is the full article (at least
// Options.MinFeedText characters of text), else the item's page when
// Options.FetchPages. An item with only a summary yields a failure, not a
// document: a summary is not an article. Pages are fetched pageFetchers at
// a time; documents and failures still come in item order.
func (r *reader) feed(ctx context.Context, src source, body []byte) error {
	body = decodeFeed(body, src.contentType)
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return r.failf(ctx, src.origin, "malformed feed: %v", err)
	}
	items := make([]*feedItem, 0, len(feed.Items))
	var fetch []*feedItem // items whose page is to be fetched
	var summary []int     // their summary's length
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		fi := &feedItem{done: make(chan struct{})}
		items = append(items, fi)
		fi.doc = news.Document{
			Origin:   fmt.Sprintf("%s#item=%d", src.origin, i+1),
			Format:   news.FormatHTML,
			Title:    strings.TrimSpace(it.Title),
			URL:      resolveLink(src.url, it.Link),
			Author:   itemAuthor(it),
			Source:   strings.TrimSpace(feed.Title),
			Language: feed.Language,
		}
		switch {
		case it.PublishedParsed != nil:
			fi.doc.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			fi.doc.Published = it.UpdatedParsed.UTC()
		}
		content := it.Content
		n := textLen(content)
		if d := textLen(it.Description); d > n {
			content, n = it.Description, d
		}
		if n >= r.opts.MinFeedText {
			fi.doc.Body = []byte(content)
			close(fi.done)
			continue
		}
		fetch = append(fetch, fi)
		summary = append(summary, n)
	}

	fctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	wg.Add(1)
	go func() {
		defer wg.Done()
		sem := make(chan struct{}, pageFetchers)
		for k, fi := range fetch {
			select {
			case sem <- struct{}{}:
			case <-fctx.Done():
				for _, rest := range fetch[k:] {
					rest.err = fctx.Err()
					close(rest.done)
				}
				return
			}
			wg.Add(1)
			go func(fi *feedItem, n int) {
				defer wg.Done()
				defer func() { <-sem }()
				fi.err = r.itemPage(fctx, &fi.doc, n)
				close(fi.done)
			}(fi, summary[k])
		}
	}()

	for _, fi := range items {
		select {
		case <-fi.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if fi.err != nil {
			if ferr := r.failErr(ctx, fi.doc.Origin, fi.err); ferr != nil {
				return ferr
			}
			continue
		}
		if err := r.send(ctx, fi.doc); err != nil {
			return err
		}
	}
	return nil
}

// itemPage fetches the page of a feed item that carries only a summary of
// n characters into doc.Body.
func (r *reader) itemPage(ctx context.Context, doc *news.Document, n int) error {
	link := doc.URL
	switch {
	case !r.opts.FetchPages:
		return fmt.Errorf("item %q carries only a summary (%d characters of text) and page fetching is off", link, n)
	case !isURL(link):
		return fmt.Errorf("item carries only a summary (%d characters of text) and no http(s) link to fetch (link %q)", n, link)
	}
	f, err := r.get(ctx, link, "text/html, application/xhtml+xml;q=0.9, */*;q=0.1")
	if err != nil {
		return fmt.Errorf("item page %s: %w", link, err)
	}
	if !isHTMLType(f.contentType) {
		return fmt.Errorf("item page %s: content type %q is not HTML", link, f.contentType)
	}
	doc.Body = decodeHTML(f.body, f.contentType)
	return nil
}

// resolveLink makes an item's link absolute against the feed's URL.
func resolveLink(base, link string) string {
	link = strings.TrimSpace(link)
	if base == "" || link == "" || isURL(link) {
		return link
	}
	b, err := url.Parse(base)
	if err != nil {
		return link
	}
	l, err := url.Parse(link)
	if err != nil {
		return link
	}
	return b.ResolveReference(l).String()
}

func itemAuthor(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && it.Author != nil {
		return strings.TrimSpace(it.Author.Name)
	}
	return strings.Join(names, ", ")
}

// textLen counts the characters of text in an HTML fragment (or plain
// text), white space excluded.
func textLen(s string) int {
	if s == "" {
		return 0
	}
	n := 0
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				skip++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				for _, c := range string(z.Text()) {
					if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != utf8.RuneError {
						n++
					}
				}
			}
		}
	}
}
