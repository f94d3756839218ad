package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/sitrep-osint/sitrep/internal/store"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// sitrep runs the command line in-process and returns its exit status,
// standard output and standard error.
func sitrep(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const seedFixture = "../../internal/clean/testdata/seed-asharq-2articles.txt"

func TestIngestListShowIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	code, out, errs := sitrep(t, "", "--db", db, "-q", "ingest", "--date", "2025-07-17", "--source", "Asharq Al-Awsat", seedFixture)
	if code != 0 {
		t.Fatalf("ingest exit %d: %s %s", code, out, errs)
	}
	code, out, _ = sitrep(t, "", "--db", db, "articles", "--json")
	if code != 0 {
		t.Fatalf("articles exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 articles, got %d:\n%s", len(lines), out)
	}
	var first struct {
		ID     string `json:"id"`
		Title  string `json:"title"`
		Source string `json:"source"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Source != "Asharq Al-Awsat" || first.ID == "" {
		t.Fatalf("bad article: %+v", first)
	}
	// Again: nothing new is stored.
	code, out, _ = sitrep(t, "", "--db", db, "ingest", "--date", "2025-07-17", "--source", "Asharq Al-Awsat", seedFixture)
	if code != 0 || !strings.Contains(out, "0 new, 2 already stored") {
		t.Fatalf("re-ingest exit %d: %s", code, out)
	}
	code, out, _ = sitrep(t, "", "--db", db, "show", first.ID)
	if code != 0 || !strings.Contains(out, first.Title) || !strings.Contains(out, "Asharq Al-Awsat") {
		t.Fatalf("show exit %d:\n%s", code, out)
	}
	code, out, _ = sitrep(t, "", "--db", db, "articles", "--search", "Patriot")
	if code != 0 || !strings.Contains(out, "Ukraine to Boost") || strings.Contains(out, "Militias") {
		t.Fatalf("search exit %d:\n%s", code, out)
	}
	code, _, errs = sitrep(t, "", "--db", db, "show", "nope")
	if code != 2 || !strings.Contains(errs, `no article with ID "nope"`) {
		t.Fatalf("show of a missing ID: exit %d, %s", code, errs)
	}
}

func TestIngestBadInputsBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat("A good article about shelling in Kharkiv. ", 100)))
	zw.Close()
	corrupt := gz.Bytes()[:gz.Len()/2]
	good := write("good.txt", []byte("Shelling hits Kharkiv\n\nRussian forces shelled Kharkiv overnight, killing two people, the regional governor said."))
	bad := []string{
		write("corrupt.txt.gz", corrupt),
		write("empty.txt", nil),
		write("binary.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe}),
		write("invalid.txt", []byte("Headline\n\nText with a bad byte \xff here.")),
		write("bad.jsonl", []byte("{\"text\": \"fine article text about a strike in Gaza.\"}\n{not json\n")),
		filepath.Join(dir, "missing.txt"),
	}
	db := filepath.Join(dir, "s.db")
	code, out, errs := sitrep(t, "", append([]string{"--db", db, "ingest"}, append(bad, good)...)...)
	if code != 1 {
		t.Fatalf("want exit 1 when some inputs fail, got %d\n%s\n%s", code, out, errs)
	}
	for _, name := range []string{"corrupt.txt.gz", "empty.txt", "binary.bin", "invalid.txt", "bad.jsonl:2", "missing.txt"} {
		if !strings.Contains(errs, name) {
			t.Errorf("no error line names %s:\n%s", name, errs)
		}
	}
	_, out, _ = sitrep(t, "", "--db", db, "articles", "--json")
	if n := strings.Count(out, "\n"); n != 2 {
		t.Fatalf("want the 2 good articles stored, got %d:\n%s", n, out)
	}
}

func TestExtractContract(t *testing.T) {
	in := `{"id":"own-7","title":"Drones hit Odesa","text":"Russia attacked Odesa with drones overnight, officials said.","url":"https://example.org/odesa","published":"2025-07-17T06:00:00Z","source":"Example"}` + "\n"
	code, out, errs := sitrep(t, in, "-q", "extract", "-")
	if code != 0 {
		t.Fatalf("extract exit %d: %s", code, errs)
	}
	var a map[string]any
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"id", "title", "url", "source", "published", "language", "text", "entities", "events", "attributions"} {
		if _, ok := a[k]; !ok {
			t.Errorf("output lacks %q: %s", k, out)
		}
	}
	if a["id"] != "own-7" || a["published"] != "2025-07-17T06:00:00Z" {
		t.Errorf("id or published wrong: %v %v", a["id"], a["published"])
	}
	var art news.Article
	if err := json.Unmarshal([]byte(out), &art); err != nil {
		t.Fatal(err)
	}
	for _, e := range art.Entities {
		if art.Text[e.Start:e.End] != e.Text {
			t.Errorf("entity %q has offsets %d-%d covering %q", e.Text, e.Start, e.End, art.Text[e.Start:e.End])
		}
	}
}

// TestExtractClaimsPatterns checks extract's --claims: the rules alone find
// the seed's attributions, no more than with the tagger, and a value that
// is not a way of reading claims is refused by name.
func TestExtractClaimsPatterns(t *testing.T) {
	count := func(args ...string) int {
		t.Helper()
		code, out, errs := sitrep(t, "", append([]string{"-q", "extract", "--date", "2021-06-01"}, append(args, seedFixture)...)...)
		if code != 0 {
			t.Fatalf("extract %v exit %d: %s", args, code, errs)
		}
		n := 0
		for line := range strings.Lines(out) {
			var a news.Article
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				t.Fatal(err)
			}
			n += len(a.Attributions)
		}
		return n
	}
	full, patterns := count(), count("--claims", "patterns")
	// the tagger only adds claims the rules miss (two on the seed with the
	// models of 2026-11-24; retraining moves that, so it is not asserted)
	if patterns < 20 || patterns > full {
		t.Errorf("--claims patterns found %d claims, full %d: want at least 20 and no more than full", patterns, full)
	}
	code, _, errs := sitrep(t, "", "-q", "extract", "--claims", "fast", seedFixture)
	if code == 0 || !strings.Contains(errs, "--claims") {
		t.Errorf("--claims fast: exit %d, stderr %q; want an error naming --claims", code, errs)
	}
}

func TestExportACLED(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errs := sitrep(t, "", "--db", db, "-q", "ingest", "--date", "2025-07-17", seedFixture); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	code, out, errs := sitrep(t, "", "--db", db, "export", "--format", "acled-csv")
	if code != 0 {
		t.Fatalf("export exit %d: %s", code, errs)
	}
	code, evOut, errs := sitrep(t, "", "--db", db, "events", "--json", "--type", "Air/drone strike")
	if code != 0 {
		t.Fatalf("events exit %d: %s", code, errs)
	}
	var ev map[string]any
	if err := json.Unmarshal([]byte(strings.SplitN(evOut, "\n", 2)[0]), &ev); err != nil {
		t.Fatalf("events --json: %v\n%s", err, evOut)
	}
	for _, k := range []string{"type", "subtype", "actor1", "evidence", "article_id", "published"} {
		if _, ok := ev[k]; !ok {
			t.Errorf("events --json lacks %q: %v", k, ev)
		}
	}
	if ev["subtype"] != "Air/drone strike" {
		t.Errorf("--type filter: got %v", ev["subtype"])
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if len(rows) == 0 || rows[0][0] != "event_id_cnty" {
		t.Fatalf("no ACLED header: %v", rows)
	}
}

// TestIngestInterrupted cancels an ingest part-way, as Ctrl-C does, while
// its input is stalled, and checks that every finished article was stored
// whole and that ingesting again completes the job without duplicates.
func TestIngestInterrupted(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 600 {
		lines = append(lines, fmt.Sprintf(`{"id":"a%d","title":"Story %d","text":"Report number %d: shelling was reported near the front line, officials said. %s"}`,
			i, i, i, strings.Repeat(fmt.Sprintf("Paragraph about event %d. ", i), 8)))
	}
	corpus := filepath.Join(dir, "c.jsonl")
	if err := os.WriteFile(corpus, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "s.db")
	st0, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st0.Close()
	// The first 300 articles arrive, then the input stalls.
	pr, pw := io.Pipe()
	defer pw.Close()
	go io.WriteString(pw, strings.Join(lines[:300], "\n")+"\n")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		defer cancel()
		for range 1000 {
			time.Sleep(10 * time.Millisecond)
			st, err := store.Open(context.Background(), db)
			if err != nil {
				continue
			}
			s, _ := st.Stats(context.Background())
			st.Close()
			if s.Articles >= 256 {
				return
			}
		}
	}()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"--db", db, "ingest", "-"}, pr, &out, &errb)
	if code != 130 {
		t.Fatalf("want exit 130 after interruption, got %d: %s", code, errb.String())
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	s1, _ := st.Stats(context.Background())
	st.Close()
	if s1.Articles < 256 || s1.Articles > 300 {
		t.Fatalf("interrupted run stored %d articles, want 256 to 300", s1.Articles)
	}
	code, stdout, errs := sitrep(t, "", "--db", db, "ingest", corpus)
	if code != 0 {
		t.Fatalf("resume exit %d: %s", code, errs)
	}
	want := fmt.Sprintf("%d new, %d already stored", 600-s1.Articles, s1.Articles)
	if !strings.Contains(stdout, want) {
		t.Fatalf("resume: want %q in %s", want, stdout)
	}
}

// TestNearDuplicatesShareACluster: a wire story republished by another
// outlet with small edits is stored, not thrown away, and linked to the
// first copy's cluster, which sitrep articles shows.
func TestNearDuplicatesShareACluster(t *testing.T) {
	story := strings.Repeat("Russian forces launched 64 drones at Ukraine overnight, the air force said, and air defences shot down 50 of them over several regions. ", 3) +
		"Officials in Dnipropetrovsk said one person was killed and several buildings were damaged. The attack was the latest in a series of strikes on the region this month."
	edited := strings.Replace(story, "one person was killed", "at least one person was killed", 1) + " Reporting by our correspondent."
	in := fmt.Sprintf(`{"id":"wire-1","title":"Russia attacks Ukraine with drones","source":"Reuters","text":%q}`+"\n"+
		`{"id":"copy-1","title":"Russian drones hit Ukraine","source":"Kyiv Post","text":%q}`+"\n"+
		`{"id":"other","title":"Floods in Kenya","source":"AP","text":"Heavy rains flooded parts of Nairobi on Monday, officials said, displacing hundreds of families across three districts."}`+"\n", story, edited)
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errs := sitrep(t, in, "--db", db, "-q", "ingest", "--no-extract", "-"); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	_, out, _ := sitrep(t, "", "--db", db, "articles", "--json")
	clusters := map[string]string{}
	sizes := map[string]float64{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a map[string]any
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		clusters[a["id"].(string)] = a["cluster"].(string)
		sizes[a["id"].(string)] = a["cluster_size"].(float64)
	}
	if len(clusters) != 3 || clusters["copy-1"] != "wire-1" || clusters["wire-1"] != "wire-1" || clusters["other"] != "other" {
		t.Fatalf("clusters %v", clusters)
	}
	if sizes["copy-1"] != 2 || sizes["other"] != 1 {
		t.Fatalf("cluster sizes %v", sizes)
	}
	if _, table, _ := sitrep(t, "", "--db", db, "articles"); !strings.Contains(table, "wire-1 (2)") {
		t.Fatalf("the table does not show the cluster:\n%s", table)
	}
}

func TestEvalAttributionAgreement(t *testing.T) {
	data := t.TempDir()
	dir := filepath.Join(data, "attribution", "polnear", "dev")
	for _, d := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "She said it rained. He said it snowed."
	both := "T1\tSource 0 3\tShe\nT2\tCue 4 8\tsaid\nT3\tContent 9 18\tit rained\n" +
		"T4\tSource 20 22\tHe\nT5\tCue 23 27\tsaid\nT6\tContent 28 37\tit snowed\n"
	files := map[string]string{
		"text/a.txt":            text,
		"attributions/a_x1.ann": both,
		"attributions/a_x2.ann": both,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := sitrep(t, "", "-q", "eval", "attribution", "--data", data, "--agreement")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"PolNeAR dev: 1 articles, 2 gold attributions",
		"the 1 articles with several annotators",
		"sitrep scored against each annotation",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The two annotations are the same: the annotators agree fully.
	i := strings.Index(out, "several annotators")
	if i < 0 || !strings.Contains(out[i:], "cue  overlap  1.000  1.000  1.000") {
		t.Errorf("annotators' cue agreement is not 1.000:\n%s", out)
	}
}

// TestShowWhoSaysSo checks that show lists each event's sources with their
// count, and the claims with their speakers, refusals and confirmations.
func TestShowWhoSaysSo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if code, out, errs := sitrep(t, "", "--db", db, "-q", "ingest", "--date", "2025-07-17", seedFixture); code != 0 {
		t.Fatalf("ingest exit %d: %s %s", code, out, errs)
	}
	code, out, _ := sitrep(t, "", "--db", db, "articles", "--search", "Militias", "--json")
	var art struct {
		ID string `json:"id"`
	}
	if code != 0 || json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &art) != nil {
		t.Fatalf("articles exit %d:\n%s", code, out)
	}
	code, out, errs := sitrep(t, "", "--db", db, "show", "--claims", art.ID)
	if code != 0 {
		t.Fatalf("show exit %d: %s", code, errs)
	}
	for _, want := range []string{
		// the formation of the new groups: eight anonymous sources and Reuters
		"who says so: Reuters (outlet); Iraqi security official (anonymous",
		"Western military source (anonymous) — 8 sources",
		"Western diplomat (anonymous) confirmed: ",
		"The US Department of State: was not able to comment",
		"Kenneth McKenzie (head of US Central Command) said: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
}
