package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A text dump is read as units: one paragraph each, as the input laid it
// out (a line, or several hard-wrapped lines joined). The splitter decides
// where articles start, which unit is each article's title, where its body
// begins, and which units are page furniture (photo captions, widget lines,
// repeated headlines) rather than text.

// unit is one paragraph candidate of a text dump.
type unit struct {
	text  string
	key   string // lower-cased text, to recognise repeats
	gap   int    // blank lines before the unit
	sep   bool   // an explicit separator (form feed, "-----") precedes it
	words int

	caption, widget, prose, headline bool
}

func newUnit(text string, gap int, sep bool) unit {
	u := unit{text: text, key: strings.ToLower(text), gap: gap, sep: sep, words: countWords(text)}
	u.caption = isCaption(text, u.words)
	u.widget = !u.caption && isWidget(text, u.key, u.words)
	u.prose = !u.caption && !u.widget &&
		(u.words >= 20 || u.words >= 5 && endsSentence(text))
	u.headline = !u.caption && !u.widget && isHeadline(text, u.words)
	return u
}

// countWords counts words: text is normalised, so words are separated by
// single spaces, except in scripts written without spaces (Chinese,
// Japanese, Thai), where every two characters count as a word.
func countWords(s string) int {
	if s == "" {
		return 0
	}
	n := strings.Count(s, " ") + 1
	dense := 0
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		for _, r := range s[i:] {
			// Thai is U+0E00–U+0E7F; kana and CJK ideographs start at U+2E80.
			if (r >= 0x0E00 && r <= 0x0E7F || r >= 0x2E80) &&
				unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) {
				dense++
			}
		}
		break
	}
	return n + dense/2
}

// splitUnits cuts normalised text into units, keeping the layout signals
// (blank lines, separators) the splitter needs.
func splitUnits(text string) []unit {
	var units []unit
	var block []string
	gap, sep := 0, false
	flush := func() {
		if len(block) == 0 {
			return
		}
		for k, p := range joinWrapped(block) {
			if k == 0 {
				units = append(units, newUnit(p, gap, sep))
			} else {
				units = append(units, newUnit(p, 0, false))
			}
		}
		block = block[:0]
		gap, sep = 0, false
	}
	for line := range strings.SplitSeq(text, "\n") {
		switch {
		case line == "":
			flush()
			gap++
		case isSeparator(line):
			flush()
			sep = true
		default:
			block = append(block, line)
		}
	}
	flush()
	return units
}

// isSeparator reports a line that only separates articles: a form feed, or
// a rule of three or more -, =, *, _, ~, # or similar characters.
func isSeparator(line string) bool {
	if line == "\f" {
		return true
	}
	n := 0
	for _, r := range line {
		switch r {
		case '-', '=', '*', '_', '~', '#', '•', '·', '—', '–', ' ':
			if r != ' ' {
				n++
			}
		default:
			return false
		}
	}
	return n >= 3
}

// joinWrapped turns the lines of one block (lines not separated by a blank
// line) into paragraphs. Lines are separate paragraphs unless the block
// looks hard-wrapped: its longest line is 40 to 100 characters, no two lines
// are equal, and most lines end mid-sentence. In a wrapped block a line much
// shorter than the longest ends its paragraph.
func joinWrapped(lines []string) []string {
	if len(lines) < 2 {
		return lines
	}
	maxLen := 0
	for _, l := range lines {
		maxLen = max(maxLen, utf8.RuneCountInString(l))
	}
	if maxLen < 40 || maxLen > 100 {
		return lines
	}
	open := 0
	for i, l := range lines[:len(lines)-1] {
		if l == lines[i+1] || isCaption(l, countWords(l)) {
			return lines
		}
		if !endsSentence(l) {
			open++
		}
	}
	if open*2 < len(lines)-1 {
		return lines
	}
	var out []string
	cur := ""
	for _, l := range lines {
		if cur == "" {
			cur = l
		} else {
			cur += " " + l
		}
		if utf8.RuneCountInString(l)*5 < maxLen*3 {
			out = append(out, cur)
			cur = ""
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// endsSentence reports text that ends like a sentence, closing quotes and
// brackets allowed.
func endsSentence(s string) bool {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '!', '?', '…', '。', '！', '？', '؟', '۔', '।', '॥':
			return true
		case '"', '\'', '”', '’', '»', ')', ']', '」', '』', '）', '“', '‘':
			s = s[:len(s)-n]
			continue
		}
		return false
	}
	return false
}

// isHeadline reports a line that can be a title: 2 to 30 words, starting
// with a capital, digit or quote, not ending like a clause (".", ",", ";",
// ":"), and not a byline.
func isHeadline(s string, words int) bool {
	if words < 2 || words > 30 || len(s) > 300 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“‘'«", first) &&
		!(unicode.IsLetter(first) && !unicode.IsLower(first)) { // scripts without case
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', ',', ';', ':':
		return false
	}
	return !isByline(s, words)
}

// isByline reports "By Jane Doe"-style author lines.
func isByline(s string, words int) bool {
	return words <= 8 && len(s) > 3 && strings.EqualFold(s[:3], "by ") &&
		!endsSentence(s) && startsUpper(s[3:])
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// captionParen matches a photo credit in brackets at the end of a line:
// "(Asharq Al-Awsat)", "(AFP)", "(AP Photo/Efrem Lukatsky)".
var captionParen = regexp.MustCompile(`\(([^()]{1,60})\)\s*$`)

// captionCredit matches a credit written out at the end of a line: "File
// Photo/The AP", "Photo: Reuters", "Photograph by ...", "© AFP".
var captionCredit = regexp.MustCompile(`(?i)(\b(photo|photos|photograph|picture|image|credit|file photo)\s*(:|/|©|\bby\b)[^.!?]{0,60}|©[^.!?]{0,50})$`)

// creditWords name photo agencies and credit markers; a bracket at the end
// of a line that holds one of them is a credit.
var creditWords = regexp.MustCompile(`(?i)\b(afp|reuters|ap|epa|getty|anadolu|xinhua|sana|irna|wafa|tass|sputnik|ria|asharq al-awsat|spa|wam|upi|dpa|ansa|bloomberg|shutterstock|alamy|pool|handout|isna|tasnim|fars|mehr|kyodo|yonhap|kcna|nurphoto|sopa|sipa|zuma|abaca|belga|anp|ukrinform|photo|photos|file|via|courtesy|press service|social media|telegram)\b|/`)

// isCaption reports a photo caption: a line of at most 60 words that ends
// with a photo credit.
func isCaption(s string, words int) bool {
	if words > 60 {
		return false
	}
	if words <= 40 && hasFoldPrefix(s, captionPrefixes) {
		return true
	}
	tail := s
	if len(tail) > 120 {
		cut := len(tail) - 120
		for cut < len(tail) && !utf8.RuneStart(tail[cut]) {
			cut++
		}
		tail = tail[cut:]
	}
	if strings.HasSuffix(tail, ")") {
		if m := captionParen.FindStringSubmatch(tail); m != nil && creditWords.MatchString(m[1]) {
			return true
		}
	}
	return mayHaveCredit(tail) && captionCredit.MatchString(tail)
}

// mayHaveCredit is a cheap test that spares most lines the credit pattern.
func mayHaveCredit(s string) bool {
	if strings.Contains(s, "©") {
		return true
	}
	for i := 0; i+5 <= len(s); i++ {
		switch s[i] | 0x20 {
		case 'p', 'i', 'c', 'f':
			w := strings.ToLower(s[i:min(len(s), i+7)])
			if strings.HasPrefix(w, "photo") || strings.HasPrefix(w, "picture") ||
				strings.HasPrefix(w, "image") || strings.HasPrefix(w, "credit") || strings.HasPrefix(w, "file") {
				return true
			}
		}
	}
	return false
}

// captionPrefixes open the caption and credit lines some sites print as
// text ("Image source, Getty Images", "Image caption, Rescuers ...").
var captionPrefixes = []string{
	"image source,", "image caption,", "media caption,", "video caption,", "photo caption",
	"caption:", "photo:", "picture:", "image:", "photograph:", "photo credit", "image credit",
}

// hasFoldPrefix reports whether s starts with one of the lower-case
// prefixes, ignoring case.
func hasFoldPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// widgetLines are whole lines that page widgets leave in scraped text.
var widgetLines = map[string]bool{}

// widgetPrefixes start lines of page furniture (sharing, subscription,
// navigation, copyright); they count only on short lines.
var widgetPrefixes = []string{
	"read more:", "read also:", "also read:", "see also:", "related:", "subscribe to ", "subscribe now",
	"sign up for ", "sign up to ", "follow us ", "follow us:", "click here", "all rights reserved",
	"copyright ", "© ", "download our app", "download the app", "join our ", "tags:", "topics:",
	"keywords:", "updated:", "last updated", "published:", "share this", "share on ", "listen to this article",
	"you may also like", "don't miss", "don’t miss", "more from ", "more on this", "advertisement",
}

func init() {
	for _, l := range []string{
		"share", "share this", "share this article", "print", "email", "e-mail", "comments", "comment",
		"related", "related articles", "related news", "related topics", "advertisement", "most read",
		"most popular", "trending", "recommended", "copy link", "link copied", "listen", "back to top",
		"skip to content", "skip to main content", "loading", "loading...", "more", "menu", "search", "home",
		"next", "previous", "next article", "previous article", "read more", "read also", "also read",
		"see also", "sponsored", "sponsored content", "font size", "text size", "subscribe", "sign up",
		"log in", "login", "register", "newsletter", "follow us", "whatsapp", "telegram", "facebook", "twitter",
		"linkedin", "reddit", "x", "print this article", "email this article", "view comments",
	} {
		widgetLines[l] = true
	}
}

// isWidget reports page furniture: lines without letters ("20", "|"),
// lines of one or two words that are not a sentence ("TT", "Share"), and
// short lines starting like sharing, subscription or copyright notices.
func isWidget(s, key string, words int) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = true
			break
		}
	}
	if !letters {
		return true
	}
	if words <= 2 && !endsSentence(s) && !strings.HasSuffix(s, ":") {
		return true
	}
	if words > 15 {
		return false
	}
	if widgetLines[strings.TrimRight(key, " .:!|»>›")] {
		return true
	}
	if words <= 6 && strings.HasSuffix(key, " ago") {
		return true // "2 hours ago", "Updated 5 minutes ago"
	}
	for _, p := range widgetPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// segment is one article found in a text dump.
type segment struct {
	title  string
	author string
	paras  []string
}

// splitArticles finds the articles in a text dump and cleans each: title,
// body paragraphs in order, each once, without captions, widget lines or
// repeated headlines. docTitle, when set, is the title the input carried
// for a single article.
func splitArticles(units []unit, docTitle string) []segment {
	starts := findStarts(units)
	// Lines other than prose that recur in several articles of one dump
	// are the site's furniture (a slogan, a section label), not text.
	var shared map[string]bool
	if len(starts) > 1 {
		seen := map[string]int{}
		shared = map[string]bool{}
		for k, s := range starts {
			e := len(units)
			if k+1 < len(starts) {
				e = starts[k+1]
			}
			inThis := map[string]bool{}
			for _, u := range units[s:e] {
				if !u.prose && !inThis[u.key] {
					inThis[u.key] = true
					seen[u.key]++
					if seen[u.key] > 1 {
						shared[u.key] = true
					}
				}
			}
		}
	}
	var segs []segment
	for k, s := range starts {
		e := len(units)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		t := ""
		if len(starts) == 1 {
			t = docTitle
		}
		seg := cleanSegment(units[s:e], t, shared)
		if len(seg.paras) > 0 {
			segs = append(segs, seg)
		}
	}
	return segs
}

// findStarts returns the indexes of the units that start articles. The first
// unit starts one; later, a unit after an explicit separator starts one, and
// so does a headline-like unit that is repeated within the next few lines
// with only furniture between (sites print the headline twice), or follows
// a wider gap than paragraphs usually have, or is followed by a byline or a
// dateline. Such a headline needs prose before it and after it, so that a
// subheading is not taken for a new article.
func findStarts(units []unit) []int {
	if len(units) == 0 {
		return nil
	}
	gaps := map[int]int{}
	for _, u := range units[1:] {
		if u.prose {
			gaps[u.gap]++
		}
	}
	typical, most := 1, 0
	for g, n := range gaps {
		if n > most || n == most && g < typical {
			typical, most = g, n
		}
	}
	// Running counts of prose and of text units, so that "is there any
	// between a and b" costs nothing on long dumps.
	proseN := make([]int, len(units)+1)
	textN := make([]int, len(units)+1)
	for i, u := range units {
		proseN[i+1], textN[i+1] = proseN[i], textN[i]
		if u.prose {
			proseN[i+1]++
		}
		if !u.widget && !u.caption {
			textN[i+1]++
		}
	}
	starts := []int{0}
	for i := 1; i < len(units); i++ {
		u := units[i]
		cur := starts[len(starts)-1]
		if u.sep {
			if textN[i] > textN[cur] {
				starts = append(starts, i)
			}
			continue
		}
		if !u.headline || u.key == units[cur].key {
			continue
		}
		if !repeatedSoon(units, i) && u.gap <= typical && !bylineSoon(units, i) {
			continue
		}
		if strings.HasSuffix(units[i-1].text, ":") {
			continue // a list follows its introduction
		}
		if proseN[i] > proseN[cur] && proseFollows(units, i) {
			starts = append(starts, i)
		}
	}
	return starts
}

// repeatedSoon reports whether units[i] appears again within the next few
// units with nothing but furniture between.
func repeatedSoon(units []unit, i int) bool {
	for j := i + 1; j < len(units) && j <= i+12; j++ {
		if units[j].key == units[i].key {
			return true
		}
		if units[j].prose || units[j].sep {
			return false
		}
	}
	return false
}

// bylineSoon reports whether units[i] is followed, before any other text,
// by a byline ("By Jane Doe") or by a paragraph opening with a dateline
// ("KYIV (Reuters) -"): the way an article, not a subheading, begins.
func bylineSoon(units []unit, i int) bool {
	for j := i + 1; j < len(units) && j <= i+4; j++ {
		u := units[j]
		if isByline(u.text, u.words) || u.prose && dateline.MatchString(u.text) {
			return true
		}
		if u.prose || u.sep {
			return false
		}
	}
	return false
}

// dateline matches the place (and agency) that opens a wire story:
// "KYIV (Reuters) -", "BEIRUT —", "WASHINGTON, D.C. –".
var dateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .,'’-]{2,40}(\([^()]{1,30}\))?\s*[—–-]+\s`)

// proseFollows reports whether a paragraph of prose follows units[i] before
// the next separator.
func proseFollows(units []unit, i int) bool {
	for j := i + 1; j < len(units) && j <= i+20; j++ {
		if units[j].sep {
			return false
		}
		if units[j].prose && units[j].key != units[i].key {
			return true
		}
	}
	return false
}

// cleanSegment picks one article's title and body. The head (the units
// before the first paragraph of prose that is not printed twice) holds the
// title and page furniture; the body keeps every paragraph once, in order,
// without captions and widget lines.
func cleanSegment(us []unit, docTitle string, shared map[string]bool) segment {
	var seg segment
	count := make(map[string]int, len(us))
	for _, u := range us {
		count[u.key]++
	}
	body := -1
	before := map[string]bool{}
	for i, u := range us {
		if u.prose && !(i+1 < len(us) && us[i+1].key == u.key) && !before[u.key] {
			body = i
			break
		}
		before[u.key] = true
	}
	head := us
	if body >= 0 {
		head = us[:body]
	}
	seen := map[string]bool{}
	if docTitle != "" {
		seg.title = docTitle
	} else {
		// The headline is the line the page printed twice, or else the
		// first line when it looks like one.
		for _, u := range head {
			if u.headline && count[u.key] > 1 {
				seg.title = u.text
				break
			}
		}
		if seg.title == "" && len(us) > 0 && us[0].headline && (body != 0) {
			seg.title = us[0].text
		}
	}
	if seg.title != "" {
		seen[strings.ToLower(seg.title)] = true
	}
	for _, u := range head {
		if seg.author == "" && isByline(u.text, u.words) {
			seg.author = strings.TrimSpace(u.text[3:])
		}
	}
	if body < 0 {
		// No prose at all (a short note): keep what is not furniture after
		// the title.
		body = 0
		if seg.title != "" && len(us) > 0 && us[0].key == strings.ToLower(seg.title) {
			body = 1
		}
	}
	for _, u := range us[body:] {
		if u.caption || u.widget || seen[u.key] || shared[u.key] || isByline(u.text, u.words) {
			continue
		}
		seen[u.key] = true
		seg.paras = append(seg.paras, u.text)
	}
	return seg
}
