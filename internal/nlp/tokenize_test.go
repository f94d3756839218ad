package nlp

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func tokTexts(toks []Token) string {
	s := make([]string, len(toks))
	for i, t := range toks {
		s[i] = t.Text
	}
	return strings.Join(s, "|")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Gen. Kenneth McKenzie said.", "Gen.|Kenneth|McKenzie|said|."},
		{"Lt. Col. Ivan Petrov", "Lt.|Col.|Ivan|Petrov"},
		{"the U.S. military", "the|U.S.|military"},
		{"U.S.-led forces", "U.S.-led|forces"},
		{"in St. Petersburg", "in|St.|Petersburg"},
		{"Mr. Smith of No. 10", "Mr.|Smith|of|No.|10"},
		{"said No. The", "said|No|.|The"},
		{"on Jan. 5", "on|Jan.|5"},
		{"1,000 bodies", "1,000|bodies"},
		{"almost 40% of", "almost|40|%|of"},
		{"in 2027-2028.", "in|2027-2028|."},
		{"in 2027–2028.", "in|2027–2028|."},
		{"3.5 km away", "3.5|km|away"},
		{"$1.2bn deal", "$|1.2|bn|deal"},
		{"122mm shells", "122|mm|shells"},
		{"the 1990s and 2nd", "the|1990s|and|2nd"},
		{"at 10:30 a.m. local", "at|10:30|a.m.|local"},
		{"Iran's Quds Force", "Iran|'s|Quds|Force"},
		{"Iran’s Quds Force", "Iran|’s|Quds|Force"},
		{"the militias' leaders", "the|militias|'|leaders"},
		{"Kata'ib Hezbollah and Kata’ib", "Kata'ib|Hezbollah|and|Kata’ib"},
		{"O'Brien don't can’t", "O'Brien|do|n't|ca|n’t"},
		{"they're here", "they|'re|here"},
		{"Ain al-Asad air base", "Ain|al-Asad|air|base"},
		{"Shahed-136 and Iskander-M", "Shahed-136|and|Iskander-M"},
		{"“The new factions,” he said", "“|The|new|factions|,|”|he|said"},
		{`"Quote" here`, `"|Quote|"|here`},
		{"setbacks - above all — and – too -- x", "setbacks|-|above|all|—|and|–|too|--|x"},
		{"see https://example.com/a?b=1. Next", "see|https://example.com/a?b=1|.|Next"},
		{"www.reuters.com, @AP_Politics #Ukraine", "www.reuters.com|,|@AP_Politics|#Ukraine"},
		{"mail press@nato.int now", "mail|press@nato.int|now"},
		{"wait... what?!", "wait|...|what|?!"},
		{"AT&T and S&P", "AT&T|and|S&P"},
		{"Müller in Kyiv", "Müller|in|Kyiv"},
		{"F-16s, MiG-29", "F-16s|,|MiG-29"},
		{"a 20-year-old man", "a|20-year-old|man"},
		{"", ""},
		{"  \n\n ", ""},
	}
	for _, tt := range tests {
		got := tokTexts(Tokenize(tt.in))
		if got != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Gen. Kenneth McKenzie spoke. He left.", []string{"Gen. Kenneth McKenzie spoke.", "He left."}},
		{"Flights were grounded in St. Petersburg. Drones fell.", []string{"Flights were grounded in St. Petersburg.", "Drones fell."}},
		{"He lives at No. 10 Downing Street. Yes.", []string{"He lives at No. 10 Downing Street.", "Yes."}},
		{"The U.S. military said so. The U.S. Army agreed.", []string{"The U.S. military said so.", "The U.S. Army agreed."}},
		{"It was J. R. Smith. Then it ended.", []string{"It was J. R. Smith.", "Then it ended."}},
		{"“They left.” The account was confirmed.", []string{"“They left.”", "The account was confirmed."}},
		{"\"We don't know,\" one said. \"Go.\" Next.", []string{"\"We don't know,\" one said.", "\"Go.\"", "Next."}},
		{"Is it? yes it is! Really.", []string{"Is it? yes it is!", "Really."}},
		{"Headline without stop\n\nBody starts here. And ends.", []string{"Headline without stop", "Body starts here.", "And ends."}},
		{"Caption line\nBody starts here.", []string{"Caption line", "Body starts here."}},
		{"e.g. this one stays. Done", []string{"e.g. this one stays.", "Done"}},
		{"Talks began on Jan. 5 in Geneva.", []string{"Talks began on Jan. 5 in Geneva."}},
		{"He said in a statement posted on X. Militants attacked a train.", []string{"He said in a statement posted on X.", "Militants attacked a train."}},
		{"The report was written by J. Smith in Kabul.", []string{"The report was written by J. Smith in Kabul."}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(tt.in) {
			got = append(got, tt.in[s.Start:s.End])
		}
		if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestHardWrappedNewlines(t *testing.T) {
	text := strings.Repeat("the quick brown fox jumps over the lazy dog and keeps\nRunning across the field until the sun goes down there\n", 3)
	if n := len(Sentences(text)); n != 1 {
		t.Errorf("hard-wrapped text: got %d sentences, want 1", n)
	}
}

func TestTokenizeSentencesShareTokens(t *testing.T) {
	text := "Russia attacked. Ukraine said so.\n\nNew paragraph"
	sents := TokenizeSentences(text)
	if len(sents) != 3 {
		t.Fatalf("got %d sentences, want 3", len(sents))
	}
	all := Tokenize(text)
	k := 0
	for _, s := range sents {
		for _, tok := range s {
			if tok != all[k] {
				t.Fatalf("token %d: %+v != %+v", k, tok, all[k])
			}
			k++
		}
	}
	if k != len(all) {
		t.Fatalf("sentences hold %d tokens, Tokenize %d", k, len(all))
	}
}

func checkTokens(t *testing.T, text string) {
	toks := Tokenize(text)
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %+v out of order or bounds (prev end %d, len %d)", i, tok, prev, len(text))
		}
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d text %q != %q", i, tok.Text, text[tok.Start:tok.End])
		}
		if utf8.ValidString(text) && strings.TrimSpace(tok.Text) == "" {
			t.Fatalf("token %d is white space: %q", i, tok.Text)
		}
		prev = tok.End
	}
	prev = 0
	for i, s := range Sentences(text) {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("sentence %d %+v out of order or bounds", i, s)
		}
		prev = s.End
	}
	n := 0
	for _, s := range TokenizeSentences(text) {
		if len(s) == 0 {
			t.Fatal("empty sentence")
		}
		n += len(s)
	}
	if n != len(toks) {
		t.Fatalf("sentences hold %d tokens, want %d", n, len(toks))
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Gen. Kenneth McKenzie, head of U.S. Central Command, said.",
		"Iran’s IRGC and Kata'ib Hezbollah fired 1,000 rockets (40%) in 2027–2028.",
		"“We don’t know,” he said... www.x.com @a #b a@b.c $1.2bn 3.5km",
		"n't 'sn't .5 .. -- -1 U.S.-led a.m. No. 5 St.\n\nX",
		"\xff\xfe'\u2019n\u2019t", "'", "’", "n’", ".", "A.", "a.b.c.", "1,00", "1,000,0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text)
	})
}

func TestTokenizeMore(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a joint U.K.-U.S. military base", "a|joint|U.K.-U.S.|military|base"},
		{"posted on X. The", "posted|on|X.|The"},
	}
	for _, tt := range tests {
		if got := tokTexts(Tokenize(tt.in)); got != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
	if n := len(Sentences("He posted it on X. The post was deleted.")); n != 2 {
		t.Errorf("initial before The: got %d sentences, want 2", n)
	}
}
