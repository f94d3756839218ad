package clean

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

const prose = "Russian forces struck a fuel depot near Odesa overnight, officials said on Tuesday."

func TestMetadataPrecedence(t *testing.T) {
	optDate := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	docDate := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	page := func(head string) []byte {
		return []byte(`<html lang="de"><head>` + head + `</head><body><article><p>` + prose + " " + prose + `</p><p>` + prose + `</p></article></body></html>`)
	}
	pageHead := `<title>Page title</title><meta property="og:site_name" content="Page Site"><meta name="author" content="Page Author"><meta property="article:published_time" content="2023-05-04T10:00:00Z">`
	tests := []struct {
		name                                   string
		doc                                    news.Document
		title, author, source, lang, published string
		noDefaults                             bool
	}{
		{
			name:  "text: document fields win",
			doc:   news.Document{Format: news.FormatText, Body: []byte("Headline From Text\n\nBy Text Author\n\n" + prose), Title: "Feed Title", Author: "Feed Author", Source: "Feed Outlet", Published: docDate, Language: "en-GB"},
			title: "Feed Title", author: "Feed Author", source: "Feed Outlet", lang: "en", published: "2025-06-01",
		},
		{
			name:  "text: text then options",
			doc:   news.Document{Format: news.FormatText, Body: []byte("Headline From Text\n\nBy Text Author\n\n" + prose)},
			title: "Headline From Text", author: "Text Author", source: "Options Outlet", lang: "en", published: "2024-01-01",
		},
		{
			name:  "text: host when no outlet anywhere",
			doc:   news.Document{Format: news.FormatText, Body: []byte(prose), URL: "https://www.example.org/a/1"},
			title: "", author: "", source: "example.org", lang: "en", published: "", noDefaults: true,
		},
		{
			name:  "html: document fields win over the page",
			doc:   news.Document{Format: news.FormatHTML, Body: page(pageHead), Title: "Feed Title", Author: "Feed Author", Source: "Feed Outlet", Published: docDate, Language: "en"},
			title: "Feed Title", author: "Feed Author", source: "Feed Outlet", lang: "en", published: "2025-06-01",
		},
		{
			name:  "html: page wins over options",
			doc:   news.Document{Format: news.FormatHTML, Body: page(pageHead)},
			title: "Page title", author: "Page Author", source: "Page Site", lang: "de", published: "2023-05-04",
		},
		{
			name:  "html: options when the page says nothing",
			doc:   news.Document{Format: news.FormatHTML, Body: []byte(`<html><body><article><p>` + prose + " " + prose + `</p><p>` + prose + `</p></article></body></html>`)},
			title: "", author: "", source: "Options Outlet", lang: "en", published: "2024-01-01",
		},
	}
	c := New(Options{Date: optDate, Source: "Options Outlet"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.doc.Origin = "doc"
			c := c
			if tt.noDefaults {
				c = New(Options{})
			}
			a := cleanOne(t, c, tt.doc)
			pub := ""
			if !a.Published.IsZero() {
				pub = a.Published.Format("2006-01-02")
			}
			got := []string{a.Title, a.Author, a.Source, a.Language, pub}
			want := []string{tt.title, tt.author, tt.source, tt.lang, tt.published}
			for i, field := range []string{"title", "author", "source", "language", "published"} {
				if got[i] != want[i] {
					t.Errorf("%s = %q, want %q", field, got[i], want[i])
				}
			}
			if strings.Contains(a.Text, "Headline From Text") || strings.Contains(a.Text, "By Text Author") {
				t.Errorf("headline or byline left in text: %q", a.Text)
			}
		})
	}
}

func TestIDRules(t *testing.T) {
	c := New(Options{})
	text := "Headline Here\n\n" + prose
	byText := news.ContentID(prose)
	tests := []struct {
		name string
		doc  news.Document
		want string
	}{
		{"input ID", news.Document{Format: news.FormatText, Body: []byte(text), ID: "voa-8011115", URL: "https://x.example/a"}, "voa-8011115"},
		{"URL", news.Document{Format: news.FormatText, Body: []byte(text), URL: "https://x.example/a"}, news.ContentID("https://x.example/a")},
		{"text", news.Document{Format: news.FormatText, Body: []byte(text)}, byText},
		{"text, other white space", news.Document{Format: news.FormatText, Body: []byte("Headline Here\r\n\r\n\r\n  " + strings.ReplaceAll(prose, " ", " \t ") + "  \r\n")}, byText},
		{"html canonical over document URL", news.Document{Format: news.FormatHTML, URL: "https://x.example/amp/1",
			Body: []byte(`<html><head><link rel="canonical" href="https://x.example/story/1"></head><body><article><p>` + prose + " " + prose + `</p><p>` + prose + `</p></article></body></html>`)},
			news.ContentID("https://x.example/story/1")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.doc.Origin = "doc"
			if got := cleanOne(t, c, tt.doc).ID; got != tt.want {
				t.Errorf("ID %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHygiene(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\nb\rc\n", "a\nb\nc\n"},
		{"  two   spaces\there  ", "two spaces here"},
		{"no\u00a0break\u2003em", "no break em"},
		{"bell\x07 and nul\x00 go", "bell and nul go"},
		{"\ufeffbom, zero\u200bwidth, soft\u00adhyphen", "bom, zerowidth, softhyphen"},
		{"e\u0301te\u0301", "été"},                               // NFC
		{"“quotes” — and – dashes’", "“quotes” — and – dashes’"}, // kept as they are
		{"para\u2029next", "para\n\nnext"},
		{"zwnj\u200ckept", "zwnj\u200ckept"},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSingleArticleTitle(t *testing.T) {
	c := New(Options{})
	tests := []struct {
		name, body, title, text string
	}{
		{"headline first line", "Drone Attack Hits Kharkiv Power Plant\n\n" + prose, "Drone Attack Hits Kharkiv Power Plant", prose},
		{"headline no blank line", "Drone Attack Hits Kharkiv Power Plant\n" + prose, "Drone Attack Hits Kharkiv Power Plant", prose},
		{"no headline", prose + "\n\n" + prose + " Again.", "", prose + "\n\n" + prose + " Again."},
		{"paragraph kept once", prose + "\n\n" + prose, "", prose},
		{"hard-wrapped", "Drone Attack Hits Kharkiv\n\nRussian forces struck a fuel depot near Odesa overnight,\nofficials said on Tuesday, adding that two workers were\ninjured in the attack.\n\nA second paragraph follows here, and it is short.",
			"Drone Attack Hits Kharkiv", "Russian forces struck a fuel depot near Odesa overnight, officials said on Tuesday, adding that two workers were injured in the attack.\n\nA second paragraph follows here, and it is short."},
		{"captions and widgets", "Drone Attack Hits Kharkiv\n\nSmoke over the plant. (AP Photo/Efrem Lukatsky)\nShare\nRead more: Kyiv braces for winter\n\n" + prose + "\n\nAdvertisement\n\nRescuers at the site. Photo: Reuters\n\nThe plant supplies heat to 100,000 homes.",
			"Drone Attack Hits Kharkiv", prose + "\n\nThe plant supplies heat to 100,000 homes."},
		{"short note", "Kyiv under air raid alert.", "", "Kyiv under air raid alert."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := cleanOne(t, c, news.Document{Origin: "doc", Format: news.FormatText, Body: []byte(tt.body)})
			if a.Title != tt.title || a.Text != tt.text {
				t.Errorf("got title %q text %q\nwant title %q text %q", a.Title, a.Text, tt.title, tt.text)
			}
		})
	}
}

func TestSplitSeparators(t *testing.T) {
	body := "First Story Headline Here\n\n" + prose + "\n\n-----\n\nSecond Story Headline Here\n\n" + prose + " Second.\n\f\nThird Story Headline Here\n\n" + prose + " Third."
	arts := cleanAll(t, New(Options{}), news.Document{Origin: "dump.txt", Format: news.FormatText, Body: []byte(body), ID: "d"})
	if len(arts) != 3 {
		t.Fatalf("%d articles, want 3", len(arts))
	}
	for i, w := range []string{"First", "Second", "Third"} {
		if a := arts[i]; a.Title != w+" Story Headline Here" || a.ID != "d#"+string(rune('1'+i)) || a.Origin != "dump.txt#article="+string(rune('1'+i)) {
			t.Errorf("article %d: title %q id %q origin %q", i+1, a.Title, a.ID, a.Origin)
		}
	}
}

func TestLanguage(t *testing.T) {
	d := newLangDetector()
	tests := []struct{ text, want string }{
		{prose, "en"},
		{"L'armée malienne a affirmé mercredi avoir détruit un camp de combattants dans la région de Mopti.", "fr"},
		{"El ejército colombiano dijo que los rebeldes atacaron una base militar en la frontera con Venezuela.", "es"},
		{"Die ukrainische Armee hat nach eigenen Angaben in der Nacht mehrere russische Drohnen abgeschossen.", "de"},
		{"O exército disse que os rebeldes atacaram uma base militar na fronteira com a Venezuela e não houve mortos.", "pt"},
		{"Российские войска нанесли удар по объектам энергетики в Одессе, сообщили местные власти.", "ru"},
		{"Російські війська завдали удару по об'єктах енергетики в Одесі, повідомили місцеві влада і військові.", "uk"},
		{"قال الجيش الإسرائيلي إنه قصف مواقع لحزب الله في جنوب لبنان الليلة الماضية.", "ar"},
		{"ارتش اسرائیل گفت که مواضع حزب\u200cالله را در جنوب لبنان بمباران کرده است و این حمله چند کشته داشت.", "fa"},
		{"צה\"ל תקף הלילה מטרות של חיזבאללה בדרום לבנון, כך נמסר.", "he"},
		{"乌克兰空军表示，俄罗斯夜间发射了数十架无人机。", "zh"},
		{"12 34 56", ""},
	}
	for _, tt := range tests {
		if got := d.detect(tt.text); got != tt.want {
			t.Errorf("detect(%.40q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSplitBylineDateline(t *testing.T) {
	body := "Drone Attack Hits Kharkiv Power Plant\n\n" + prose + "\n\n" + prose + " More.\n\n" +
		"Heat Returns To Parts Of The City\n\n" + prose + " Subheading follows.\n\n" +
		"Sudan Army Says It Retook Key Town\n\nBy Jane Doe\n\nKHARTOUM (Reuters) - The army said on Friday it had retaken the town after weeks of fighting.\n\n" +
		"Ceasefire Talks Resume In Geneva\n\nGENEVA — Delegations from both sides met on Monday for a new round of talks, the United Nations said.\n"
	arts := cleanAll(t, New(Options{}), news.Document{Origin: "dump.txt", Format: news.FormatText, Body: []byte(body)})
	var titles []string
	for _, a := range arts {
		titles = append(titles, a.Title)
	}
	want := []string{"Drone Attack Hits Kharkiv Power Plant", "Sudan Army Says It Retook Key Town", "Ceasefire Talks Resume In Geneva"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Fatalf("titles %q, want %q", titles, want)
	}
	if !strings.Contains(arts[0].Text, "\n\nHeat Returns To Parts Of The City\n\n") {
		t.Errorf("subheading lost or split off: %q", arts[0].Text)
	}
	if arts[1].Author != "Jane Doe" || !strings.HasPrefix(arts[1].Text, "KHARTOUM (Reuters)") {
		t.Errorf("article 2: author %q text %.40q", arts[1].Author, arts[1].Text)
	}
}

func TestHashKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"  a  b\n\nc\t", "a b c"},
		{"\u00a0x\u2003y\u3000", "x y"},
		{"é ü", "é ü"},
	} {
		if got := hashKey(tt.in); got != tt.want || got != strings.Join(strings.Fields(tt.in), " ") {
			t.Errorf("hashKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestOtherSiteLayouts checks the text cleaner on layouts other than the
// seed's: captions written as "Image source, ..." lines, relative times,
// an agency byline and dateline.
func TestOtherSiteLayouts(t *testing.T) {
	body := "Israel strikes Beirut suburb after rocket fire\n\n2 hours ago\n\nShare\n\nSave\n\nJane Doe\nMiddle East correspondent\n\n" +
		"Image source, Getty Images\n\nImage caption, Smoke rises over Beirut's southern suburbs\n\n" +
		"Israel's military said it struck a Hezbollah drone store in Beirut's southern suburbs on Friday, hours after rockets were fired from Lebanon.\n\n" +
		"Image source, Reuters\n\nImage caption, Residents inspect the damage\n\n" +
		"Lebanon's health ministry said two people were killed in the strike, the first on the capital since the ceasefire.\n\n" +
		"Related Topics\n\nIsrael\n\nLebanon\n"
	a := cleanOne(t, New(Options{}), news.Document{Origin: "bbc.txt", Format: news.FormatText, Body: []byte(body)})
	want := "Israel's military said it struck a Hezbollah drone store in Beirut's southern suburbs on Friday, hours after rockets were fired from Lebanon.\n\n" +
		"Lebanon's health ministry said two people were killed in the strike, the first on the capital since the ceasefire."
	if a.Title != "Israel strikes Beirut suburb after rocket fire" || a.Text != want {
		t.Errorf("title %q\ntext %q", a.Title, a.Text)
	}
}

// TestScriptsWithoutSpaces checks that Chinese and Japanese paragraphs,
// which have no spaces between words, count as text.
func TestScriptsWithoutSpaces(t *testing.T) {
	tests := []struct{ name, title, body, lang string }{
		{"chinese", "乌克兰称击落俄罗斯无人机", "乌克兰空军星期四表示，俄罗斯夜间向乌克兰发射了六十四架无人机，其中大部分被击落。\n\n当地官员说，袭击造成至少一人死亡，多处能源设施受损。", "zh"},
		{"japanese", "ウクライナ、ロシアの無人機を撃墜", "ウクライナ空軍は木曜日、ロシアが夜間に無人機六十四機を発射し、その大半を撃墜したと発表した。\n\n地元当局によると、攻撃で少なくとも一人が死亡した。", "ja"},
		{"arabic", "الجيش الإسرائيلي يقصف جنوب لبنان", "قال الجيش الإسرائيلي إنه قصف مواقع لحزب الله في جنوب لبنان الليلة الماضية.\n\nهل تتوسع المواجهة بين الطرفين في الأيام المقبلة؟", "ar"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := cleanOne(t, c, news.Document{Origin: tt.name, Format: news.FormatText, Body: []byte(tt.title + "\n\n" + tt.body)})
			if a.Title != tt.title || a.Text != tt.body || a.Language != tt.lang {
				t.Errorf("title %q language %q text %q", a.Title, a.Language, a.Text)
			}
			page := "<html><head><title>" + tt.title + "</title></head><body><article><h1>" + tt.title + "</h1><p>" +
				strings.ReplaceAll(tt.body, "\n\n", "</p><p>") + "</p></article></body></html>"
			h := cleanOne(t, c, news.Document{Origin: tt.name + ".html", Format: news.FormatHTML, Body: []byte(page)})
			if h.Text != tt.body {
				t.Errorf("html text %q", h.Text)
			}
		})
	}
}
