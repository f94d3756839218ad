package clean

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/sitrep-osint/sitrep/news"
)

// cleanHTML extracts a web page's article with trafilatura, readability
// standing by as its fallback, and the page's metadata.
//
// A panic inside the extraction libraries on hostile markup is turned into
// this document's error, so that one page cannot stop a run.
func (c *Cleaner) cleanHTML(ctx context.Context, doc news.Document) (a *news.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("html extraction failed: %v", r)
		}
	}()
	root, err := html.Parse(bytes.NewReader(doc.Body))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	spaceBreaks(root)
	var pageURL *url.URL
	if u, err := url.Parse(strings.TrimSpace(doc.URL)); err == nil && u.IsAbs() && u.Host != "" {
		pageURL = u
	}
	opts := trafilatura.Options{
		OriginalURL:     pageURL,
		EnableFallback:  true,
		ExcludeComments: true,
		// htmldate reads the page's dates (meta tags, JSON-LD, URL, visible
		// dates) only when the input did not give one; its fast mode skips
		// the costly free-text search.
		HtmlDateMode: trafilatura.Fast,
	}
	if !doc.Published.IsZero() {
		opts.HtmlDateMode = trafilatura.Disabled
	}
	// Readability from codeberg.org/readeck (the maintained fork) is the
	// fallback candidate trafilatura compares its own extraction with.
	parser := readability.NewParser()
	var raNode *html.Node
	if ra, err := parser.ParseDocument(root, pageURL); err == nil && ra.Node != nil {
		raNode = ra.Node
		opts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: ra.Node}
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, ErrNoContent
	}
	md := res.Metadata

	title := first(normalizeParagraph(doc.Title), normalizeParagraph(md.Title))
	seg := cleanParagraphs(htmlParagraphs(res.ContentNode), title)
	if raNode != nil {
		// On a short page (under trafilatura's 250-character minimum for
		// an extraction) trafilatura falls back to a rough baseline that
		// glues paragraphs, and even the title, together. There the
		// readability result is the better text, unless the baseline found
		// much more (an article body in the page's JSON-LD).
		ra := cleanParagraphs(htmlParagraphs(raNode), title)
		if n := textRunes(ra.paras); n > 0 && n < 250 && hasProseText(ra.paras) && textRunes(seg.paras) <= 3*n+100 {
			seg = ra
		}
	}
	if len(seg.paras) == 0 || !hasProseText(seg.paras) {
		return nil, ErrNoContent
	}
	pm := pageMeta{
		author:    first(normalizeParagraph(md.Author), seg.author),
		canonical: canonicalURL(md.URL),
	}
	head := readHead(root)
	pm.language = head.lang
	pm.published = samePublished(md.Date, head.published)
	// Trafilatura falls back to the host name for the site name; the host
	// is sitrep's last resort, after the --source default.
	// A site name given as a link (a social-media profile) is not a name.
	if sn := normalizeParagraph(md.Sitename); sn != "" && !strings.Contains(sn, "://") &&
		!strings.EqualFold(sn, hostOf(first(md.URL, doc.URL))) &&
		!strings.EqualFold(sn, strings.TrimPrefix(hostOf(md.URL), "www.")) {
		pm.siteName = sn
	}
	a = &news.Article{
		Title:  title,
		Text:   strings.Join(seg.paras, "\n\n"),
		Origin: doc.Origin,
	}
	c.fillMeta(a, doc, pm)
	a.ID = articleID(doc.ID, a.URL, a.Text)
	return a, nil
}

// spaceBreaks puts a line break after every <br>, so that extractors that
// flatten markup to text do not glue the words on either side together.
func spaceBreaks(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && ch.DataAtom == atom.Br {
			n.InsertBefore(&html.Node{Type: html.TextNode, Data: "\n"}, ch.NextSibling)
			ch = ch.NextSibling
			continue
		}
		spaceBreaks(ch)
	}
}

// canonicalURL keeps an absolute http(s) URL, without its fragment.
func canonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !u.IsAbs() || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// cleanParagraphs applies the text filters to extracted paragraphs:
// hygiene, no captions or widget lines, each paragraph once, not the title.
func cleanParagraphs(paras []string, title string) segment {
	var seg segment
	seen := map[string]bool{}
	if title != "" {
		seen[strings.ToLower(title)] = true
	}
	for _, p := range paras {
		p = normalizeParagraph(p)
		if p == "" {
			continue
		}
		u := newUnit(p, 1, false)
		if u.caption || u.widget || seen[u.key] {
			continue
		}
		if len(seg.paras) == 0 && u.headline && !u.prose && sameHeadline(p, title) {
			continue // a variant of the headline above the text
		}
		if len(seg.paras) == 0 && isByline(p, u.words) {
			if seg.author == "" {
				seg.author = strings.TrimSpace(p[3:])
			}
			continue
		}
		seen[u.key] = true
		seg.paras = append(seg.paras, p)
	}
	return seg
}

// textRunes counts the characters of paragraphs.
func textRunes(paras []string) int {
	n := 0
	for _, p := range paras {
		n += utf8.RuneCountInString(p)
	}
	return n
}

// sameHeadline reports whether line is a variant of the title: most of its
// words are the title's ("Coronavirus: New York ramps up mass burials amid
// outbreak" for "New York ramps up mass burials amid virus outbreak").
func sameHeadline(line, title string) bool {
	if title == "" {
		return false
	}
	tw := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(title), notLetterOrDigit) {
		tw[w] = true
	}
	n, shared := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(line), notLetterOrDigit) {
		n++
		if tw[w] {
			shared++
		}
	}
	return n > 0 && shared*10 >= n*7
}

func notLetterOrDigit(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// hasProseText reports whether at least one paragraph reads like prose; a
// page of links and labels has no article.
func hasProseText(paras []string) bool {
	for _, p := range paras {
		if newUnit(p, 1, false).prose {
			return true
		}
	}
	return false
}

// blockTags are the elements whose text stands as its own paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Tr: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dd: true,
	atom.Dt: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Main: true, atom.Figure: true, atom.Figcaption: true, atom.Hr: true,
	atom.Body: true, atom.Html: true, atom.Aside: true, atom.Details: true, atom.Summary: true,
	atom.Address: true,
}

// brMark stands for a <br> while a paragraph is collected.
const brMark = "\x00"

// htmlParagraphs renders extracted content as paragraphs: one per block
// element, inline markup flattened. Two line breaks in a row (<br><br>)
// end a paragraph; one is a space.
func htmlParagraphs(n *html.Node) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		s := cur.String()
		cur.Reset()
		if !strings.Contains(s, brMark) {
			if s = strings.TrimSpace(s); s != "" {
				paras = append(paras, s)
			}
			return
		}
		for _, p := range splitBreaks(s) {
			if p = strings.TrimSpace(strings.ReplaceAll(p, brMark, " ")); p != "" {
				paras = append(paras, p)
			}
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch tagOf(n) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			case atom.Td, atom.Th:
				cur.WriteByte(' ')
			case atom.Br:
				cur.WriteString(brMark)
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[tagOf(n)]
		if block {
			flush()
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return paras
}

// splitBreaks cuts collected text where two line breaks follow each other
// with only white space between.
func splitBreaks(s string) []string {
	var out []string
	start, last := 0, -1 // last: index of the previous mark, if only space since
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0:
			if last >= 0 {
				out = append(out, s[start:last])
				start = i + 1
				last = -1
				continue
			}
			last = i
		case s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r':
		default:
			last = -1
		}
	}
	return append(out, s[start:])
}

// tagOf returns an element's tag; extractors build elements with only a
// name, so the atom is looked up when missing.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// headInfo is what a page's head declares beyond trafilatura's metadata.
type headInfo struct {
	lang      string    // html lang, else Content-Language or og:locale
	published time.Time // full timestamp of a publication-time meta element
}

// publishedMeta names meta elements that carry a publication timestamp.
var publishedMeta = map[string]bool{
	"article:published_time": true, "og:published_time": true, "datepublished": true,
	"pubdate": true, "publishdate": true, "publish-date": true, "dc.date.issued": true,
	"parsely-pub-date": true, "sailthru.date": true,
}

// readHead reads the page's declared language and publication timestamp.
// htmldate, which finds the date, keeps the day only; when the meta element
// it most likely read agrees on the day, sitrep keeps its time of day too.
func readHead(root *html.Node) headInfo {
	var lang, meta string
	var pub time.Time
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				lang = first(attr(n, "lang"), attr(n, "xml:lang"))
			case atom.Meta:
				if meta == "" && (strings.EqualFold(attr(n, "http-equiv"), "content-language") ||
					strings.EqualFold(attr(n, "property"), "og:locale") ||
					strings.EqualFold(attr(n, "name"), "language")) {
					meta = attr(n, "content")
				}
				name := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				if pub.IsZero() && publishedMeta[name] {
					pub = parseTimestamp(attr(n, "content"))
				}
			case atom.Body:
				return true // metadata lives in the head
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if walk(ch) {
				return true
			}
		}
		return false
	}
	walk(root)
	return headInfo{lang: first(langTag(lang), langTag(meta)), published: pub}
}

// parseTimestamp reads the timestamp layouts meta elements use; it returns
// the zero time for anything else.
func parseTimestamp(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// samePublished returns the more precise of two readings of a page's
// publication time: the timestamp when it falls on htmldate's day.
func samePublished(day, stamp time.Time) time.Time {
	if day.IsZero() || stamp.IsZero() {
		return day
	}
	y1, m1, d1 := day.Date()
	y2, m2, d2 := stamp.Date()
	if y1 == y2 && m1 == m2 && d1 == d2 {
		return stamp
	}
	return day
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}
