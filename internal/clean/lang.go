package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// langDetector guesses an article's language from its text: the script
// first (Arabic, Cyrillic, Hebrew, CJK ...), then, within Latin and Arabic
// and Cyrillic scripts, letters and function words peculiar to one language.
// It covers the languages conflict news mostly comes in, costs a few
// microseconds on the first kilobytes of an article and is read-only after
// construction, so one detector serves all goroutines.
type langDetector struct {
	// words maps a lower-case function word to the bit set of the Latin
	// languages (indexes into latinLangs) it belongs to.
	words map[string]uint32
}

// latinLangs lists the Latin-script languages told apart by function words,
// each with its most frequent short words. Words shared by several languages
// count for each of them; the distinctive ones decide.
var latinLangs = []struct {
	code  string
	words string
}{
	{"en", "the of and to in is that for on was with as by at from it his he she said are were has have be an which this their not who they will been had its would after also but"},
	{"fr", "le la les des et est un une du dans que qui pour pas sur au avec ce il elle sont été aux ses leur par mais cette ont selon plus lors"},
	{"es", "el la los las del y en que un una por con para es se no su al lo como más pero sus fue ha este esta según entre sobre"},
	{"pt", "o a os as do da dos das e em que um uma para com não por se no na foi ao mais pelo pela é também disse nos"},
	{"de", "der die das und ist nicht ein eine den dem des mit von zu auf für sich im sie es auch bei wurde werden hat sind nach"},
	{"it", "il la le di e che un una per con non del della dei sono è nel alla gli anche ha si da dopo stato"},
	{"nl", "de het een en van in is dat op te met voor niet zijn aan er ook bij door werd heeft naar"},
	{"tr", "ve bir bu da de ile için olarak çok daha olan gibi ama sonra kadar ise değil ne şu olduğunu"},
	{"id", "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke oleh ada telah kata"},
	{"pl", "i w na z się nie do to że jest o jak po za ale od przez jego są został"},
	{"sv", "och i att det som en på är av för med till den har inte om ett var"},
}

func newLangDetector() *langDetector {
	d := &langDetector{words: make(map[string]uint32, 300)}
	for i, l := range latinLangs {
		for _, w := range strings.Fields(l.words) {
			d.words[w] |= 1 << i
		}
	}
	return d
}

// detectSample is how much text the detector reads: enough for a reliable
// guess on news prose, little enough to keep detection cheap.
const detectSample = 1024

// detect returns the ISO 639-1 code of text's language, or "" when the text
// gives too little evidence.
func (d *langDetector) detect(text string) string {
	if len(text) > detectSample {
		cut := detectSample
		for cut < len(text) && !isBoundary(text[cut]) {
			cut++
		}
		text = text[:cut]
	}
	var latin, arabic, cyrillic, hebrew, greek, han, kana, hangul, deva, other int
	var persian, urdu, ukr, serb, ruOnly int
	for _, r := range text {
		switch {
		case r < 0x80:
			if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
				latin++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Arabic, r):
			arabic++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
				persian++
			case 'ے', 'ں', 'ٹ', 'ڈ', 'ڑ', 'ھ':
				urdu++
			}
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			switch unicode.ToLower(r) {
			case 'і', 'ї', 'є', 'ґ':
				ukr++
			case 'ђ', 'ћ', 'џ', 'љ', 'њ', 'ј':
				serb++
			case 'ы', 'э', 'ё':
				ruOnly++
			}
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Devanagari, r):
			deva++
		case unicode.IsLetter(r):
			other++
		}
	}
	total := latin + arabic + cyrillic + hebrew + greek + han + kana + hangul + deva + other
	if total < 10 {
		return ""
	}
	major := func(n int) bool { return n*2 > total }
	switch {
	case major(arabic):
		switch {
		case urdu*100 > arabic:
			return "ur"
		case persian*100 > arabic*2:
			return "fa"
		}
		return "ar"
	case major(cyrillic):
		switch {
		case ukr*100 > cyrillic && ukr > ruOnly:
			return "uk"
		case serb*100 > cyrillic:
			return "sr"
		}
		return "ru"
	case major(hebrew):
		return "he"
	case major(greek):
		return "el"
	case kana > 0 && major(kana+han):
		return "ja"
	case major(han):
		return "zh"
	case major(hangul):
		return "ko"
	case major(deva):
		return "hi"
	case major(latin):
		return d.detectLatin(text)
	}
	return ""
}

// detectLatin scores Latin-script text by its function words.
func (d *langDetector) detectLatin(text string) string {
	var scores [32]int
	var buf [16]byte
	words := 0
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		start = -1
		words++
		if len(w) > len(buf) {
			return
		}
		// Lower-case into buf: function words are short, and most are ASCII.
		n := 0
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
		}
		set, ok := d.words[string(buf[:n])]
		if !ok && w[0] >= utf8.RuneSelf {
			set, ok = d.words[strings.ToLower(w)]
		}
		if !ok {
			return
		}
		for i := range latinLangs {
			if set&(1<<i) != 0 {
				scores[i]++
			}
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				if start < 0 {
					start = i
				}
			} else {
				flush(i)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
		i += n
	}
	flush(len(text))
	best, second := -1, 0
	for i := range latinLangs {
		if best < 0 || scores[i] > scores[best] {
			if best >= 0 {
				second = scores[best]
			}
			best = i
		} else if scores[i] > second {
			second = scores[i]
		}
	}
	// Demand some evidence: a few function words, and a clear winner.
	if scores[best] < 2 || scores[best]*10 < words || scores[best] == second {
		return ""
	}
	return latinLangs[best].code
}

func isBoundary(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t'
}
