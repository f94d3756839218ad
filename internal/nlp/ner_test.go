package nlp

import (
	"bufio"
	"context"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

var (
	testModelOnce sync.Once
	testModel     *Model
	testModelErr  error
)

func loadTestModel(t testing.TB) *Model {
	t.Helper()
	testModelOnce.Do(func() { testModel, testModelErr = Load() })
	if testModelErr != nil {
		t.Fatal(testModelErr)
	}
	return testModel
}

// parseMarkup strips [TYPE words] markup and returns the text with the
// entities' byte spans.
func parseMarkup(line string) (string, []news.Entity) {
	var b strings.Builder
	var ents []news.Entity
	for i := 0; i < len(line); {
		if line[i] == '[' {
			sp := strings.IndexByte(line[i:], ' ')
			end := strings.IndexByte(line[i:], ']')
			typ := line[i+1 : i+sp]
			words := line[i+sp+1 : i+end]
			start := b.Len()
			b.WriteString(words)
			ents = append(ents, news.Entity{Text: words, Type: typ, Start: start, End: b.Len()})
			i += end + 1
			continue
		}
		b.WriteByte(line[i])
		i++
	}
	return b.String(), ents
}

// goldTags gives IOB2 tags for tokens from entity spans.
func goldTags(toks []Token, ents []news.Entity) []string {
	tags := make([]string, len(toks))
	for i, t := range toks {
		tags[i] = "O"
		for _, e := range ents {
			if t.Start >= e.Start && t.End <= e.End {
				if t.Start == e.Start {
					tags[i] = "B-" + e.Type
				} else {
					tags[i] = "I-" + e.Type
				}
			}
		}
	}
	return tags
}

func TestNERFixture(t *testing.T) {
	m := loadTestModel(t)
	f, err := os.Open("testdata/ner_fixture.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var words [][]string
	var gold [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		text, ents := parseMarkup(line)
		toks := Tokenize(text)
		ws := make([]string, len(toks))
		for i, tk := range toks {
			ws[i] = tk.Text
		}
		words = append(words, ws)
		gold = append(gold, goldTags(toks, ents))
	}
	if len(words) < 30 {
		t.Fatalf("fixture has %d sentences, want at least 30", len(words))
	}
	var s scorer
	for i, pred := range m.TagDocument(words) {
		s.add(gold[i], pred)
		if testing.Verbose() {
			for k := range pred {
				if pred[k] != gold[i][k] {
					t.Logf("%s: got %s want %s", words[i][k], pred[k], gold[i][k])
				}
			}
		}
	}
	sc2 := s.scores()
	t.Logf("fixture entity F1 %.3f (P %.3f R %.3f)", sc2.Overall.F1, sc2.Overall.P, sc2.Overall.R)
	const floor = 0.88
	if sc2.Overall.F1 < floor {
		t.Errorf("fixture entity F1 %.3f below floor %.2f", sc2.Overall.F1, floor)
	}

	// the same document in capitals throughout
	upper := make([][]string, len(words))
	for i, ws := range words {
		upper[i] = make([]string, len(ws))
		for k, w := range ws {
			upper[i][k] = strings.ToUpper(w)
		}
	}
	var su scorer
	for i, pred := range m.TagDocument(upper) {
		su.add(gold[i], pred)
	}
	scu := su.scores()
	t.Logf("fixture in capitals: entity F1 %.3f (P %.3f R %.3f)", scu.Overall.F1, scu.Overall.P, scu.Overall.R)
	const capsFloor = 0.75
	if scu.Overall.F1 < capsFloor {
		t.Errorf("fixture in capitals: entity F1 %.3f below floor %.2f", scu.Overall.F1, capsFloor)
	}
}

func TestSeedEntities(t *testing.T) {
	b, err := os.ReadFile("../clean/testdata/seed-asharq-2articles.txt")
	if err != nil {
		t.Fatal(err)
	}
	m := loadTestModel(t)
	got := map[string]map[string]bool{}
	for _, e := range m.Entities(string(b)) {
		if string(b[e.Start:e.End]) != e.Text {
			t.Fatalf("entity %+v does not match its span", e)
		}
		if got[e.Text] == nil {
			got[e.Text] = map[string]bool{}
		}
		got[e.Text][e.Type] = true
	}
	want := []struct{ text, typ string }{
		{"Kenneth McKenzie", "PER"}, {"Qassem Soleimani", "PER"}, {"Esmail Ghaani", "PER"},
		{"Volodymyr Zelensky", "PER"}, {"John Healey", "PER"}, {"Boris Pistorius", "PER"},
		{"Pete Hegseth", "PER"}, {"Mark Rutte", "PER"}, {"Vladimir Medinsky", "PER"},
		{"Quds Force", "ORG"}, {"IRGC", "ORG"}, {"Kataib Hezbollah", "ORG"}, {"Hezbollah", "ORG"},
		{"Reuters", "ORG"}, {"NATO", "ORG"}, {"US Central Command", "ORG"},
		{"Ukraine Defense Contact Group", "ORG"}, {"Swiss Defense Ministry", "ORG"},
		{"Iraq", "GPE"}, {"Iran", "GPE"}, {"Lebanon", "GPE"}, {"Saudi Arabia", "GPE"},
		{"Ukraine", "GPE"}, {"Russia", "GPE"}, {"Switzerland", "GPE"}, {"Bryansk", "GPE"},
		{"Kursk", "GPE"}, {"Moscow", "GPE"}, {"St. Petersburg", "GPE"}, {"Dnipropetrovsk", "GPE"},
		{"Germany", "GPE"}, {"Canada", "GPE"},
		{"Ain al-Asad air base", "FAC"}, {"Erbil International Airport", "FAC"},
		{"Patriot systems", "WEAPON"}, {"Shahed", "WEAPON"}, {"drones laden with explosives", "WEAPON"},
		{"Iranian", "NORP"}, {"Iraqi", "NORP"}, {"Shiite", "NORP"}, {"pro-Iran", "NORP"},
		{"Ukrainian", "NORP"}, {"Western", "NORP"}, {"Russian", "NORP"}, {"Swiss", "NORP"},
		{"at least 250 fighters", "QUANTITY"}, {"almost 40%", "QUANTITY"}, {"1,000 bodies", "QUANTITY"},
		{"five Patriot systems", "QUANTITY"}, {"at least one person", "QUANTITY"},
		{"overnight", "DATE"}, {"on Monday", "DATE"}, {"last year", "DATE"}, {"in late 2019", "DATE"},
		{"this month", "DATE"},
	}
	for _, w := range want {
		if !got[w.text][w.typ] {
			t.Errorf("seed: %q not found as %s (found as %v)", w.text, w.typ, got[w.text])
		}
	}
}

func TestStage(t *testing.T) {
	m := loadTestModel(t)
	st := NewStage(m)
	if st.Name() != "nlp" {
		t.Errorf("Name() = %q", st.Name())
	}
	a := &news.Article{Text: "Russian drones hit Kharkiv overnight. Mayor Ihor Terekhov said 12 people were hurt.\n\nThe attack began at 2 a.m."}
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Sentences) != 3 {
		t.Errorf("got %d sentences, want 3", len(a.Sentences))
	}
	// the tokens later stages read instead of tokenising again
	var want []news.Span
	for _, s := range TokenizeSentences(a.Text) {
		for _, tk := range s {
			want = append(want, news.Span{Start: tk.Start, End: tk.End})
		}
	}
	if !slices.Equal(a.Tokens, want) {
		t.Errorf("Tokens %v, want %v", a.Tokens, want)
	}
	found := map[string]string{}
	for _, e := range a.Entities {
		found[e.Text] = e.Type
	}
	for text, typ := range map[string]string{"Kharkiv": "GPE", "Ihor Terekhov": "PER", "Russian": "NORP", "12 people": "QUANTITY", "overnight": "DATE"} {
		if found[text] != typ {
			t.Errorf("%q: got type %q, want %s (all: %v)", text, found[text], typ, found)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.Process(ctx, &news.Article{Text: "x"}); err == nil {
		t.Error("Process with a cancelled context: want an error")
	}
	if err := NewStage(nil).Process(context.Background(), &news.Article{}); err == nil {
		t.Error("Process without a model: want an error")
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := loadTestModel(t)
	var buf strings.Builder
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("model: %d bytes", buf.Len())
	m2, err := ReadModel(strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	text := "General Kenneth McKenzie, head of US Central Command, said in April that Iran had made progress."
	a, b := m.Entities(text), m2.Entities(text)
	if len(a) != len(b) {
		t.Fatalf("round trip changed entities: %v vs %v", a, b)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("entity %d: %+v vs %+v", i, a[i], b[i])
		}
	}
	for _, bad := range []string{"", "SITREPNR", "NOTAMODEL\x01\x00", "SITREPNR\x09\x00"} {
		if _, err := ReadModel(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadModel(%q): want an error", bad)
		}
	}
}

func TestTagIOB2(t *testing.T) {
	m := loadTestModel(t)
	toks := Tokenize("Vladimir Putin met Xi Jinping in Moscow.")
	tags := m.Tag(toks)
	want := []string{"B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O"}
	if strings.Join(tags, " ") != strings.Join(want, " ") {
		t.Errorf("Tag = %v, want %v", tags, want)
	}
}

func TestChunksIOB2(t *testing.T) {
	tests := []struct {
		tags string
		want []chunk
	}{
		{"B-PER I-PER O B-LOC", []chunk{{"PER", 0, 2}, {"LOC", 3, 4}}},
		{"I-ORG I-ORG B-ORG", []chunk{{"ORG", 0, 2}, {"ORG", 2, 3}}},
		{"B-PER I-LOC", []chunk{{"PER", 0, 1}, {"LOC", 1, 2}}},
		{"O O", nil},
	}
	for _, tt := range tests {
		got := chunksIOB2(strings.Fields(tt.tags))
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.tags, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: got %v, want %v", tt.tags, got, tt.want)
			}
		}
	}
}

func FuzzEntities(f *testing.F) {
	m := loadTestModel(f)
	f.Add("Russian drones hit Kharkiv overnight, killing at least 3 people on Monday.")
	f.Add("in late 2019 almost 40% of 1,000 $1.2bn five Patriot systems mid-July last May 5")
	f.Fuzz(func(t *testing.T, text string) {
		prev := -1
		for _, e := range m.Entities(text) {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad entity %+v", e)
			}
			if e.Start < prev {
				t.Fatalf("entities out of order at %+v", e)
			}
			prev = e.Start
		}
	})
}

func TestConcurrentEntities(t *testing.T) {
	m := loadTestModel(t)
	text := "Russian drones hit Kharkiv overnight. Mayor Ihor Terekhov said 12 people were hurt.\n\nNATO met in Brussels on Monday."
	want := m.Entities(text)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				got := m.Entities(text)
				if len(got) != len(want) {
					errs <- "entity count differs"
					return
				}
				for k := range got {
					if got[k] != want[k] {
						errs <- "entity differs"
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestSpansFit(t *testing.T) {
	text := "Drones hit Kyiv. Two died."
	ss, ts := Spans(TokenizeSentences(text))
	if !SpansFit(text, ss, ts) {
		t.Fatalf("the nlp stage's own spans do not fit: %v %v", ss, ts)
	}
	bad := []struct {
		name   string
		ss, ts []news.Span
		text   string
	}{
		{"token past the text", ss, append(append([]news.Span{}, ts...), news.Span{Start: len(text), End: len(text) + 3}), text},
		{"token outside its sentence", ss[:1], ts, text},
		{"tokens out of order", ss, append([]news.Span{ts[1], ts[0]}, ts[2:]...), text},
		{"no tokens", ss, nil, text},
		{"invalid UTF-8", []news.Span{{Start: 0, End: 3}}, []news.Span{{Start: 0, End: 3}}, "a\xffb"},
	}
	for _, tc := range bad {
		if SpansFit(tc.text, tc.ss, tc.ts) {
			t.Errorf("%s: fits", tc.name)
		}
	}
}
