package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/dedup"
	"github.com/sitrep-osint/sitrep/news"
)

// backend opens fresh, empty databases of one dialect for a test.
type backend struct {
	name   string
	newDSN func(t testing.TB) string
}

func sqliteBackend() backend {
	return backend{"sqlite", func(t testing.TB) string {
		return filepath.Join(t.TempDir(), "data", "sitrep", "sitrep.db")
	}}
}

const defaultTestPostgres = "postgres://127.0.0.1:5432/test?sslmode=disable"

// postgresBackend returns the PostgreSQL backend when the test database is
// reachable; each DSN it hands out names a new schema, dropped after the
// test, so that runs do not collide.
func postgresBackend(t testing.TB) (backend, bool) {
	dsn := os.Getenv("SITREP_TEST_POSTGRES")
	if dsn == "" {
		dsn = defaultTestPostgres
	}
	admin, err := sql.Open("pgx", dsn)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		err = admin.PingContext(ctx)
		cancel()
	}
	if err != nil {
		msg := fmt.Sprintf("PostgreSQL at %s not reachable (set SITREP_TEST_POSTGRES to another DSN): %v", dsn, err)
		if os.Getenv("SITREP_REQUIRE_POSTGRES") == "1" {
			t.Fatal(msg)
		}
		t.Log("skipping PostgreSQL: " + msg)
		return backend{}, false
	}
	t.Cleanup(func() { admin.Close() })
	return backend{"postgres", func(t testing.TB) string {
		schema := fmt.Sprintf("sitrep_test_%d_%d", os.Getpid(), rand.Uint64()>>1)
		if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
			t.Fatalf("create schema: %v", err)
		}
		t.Cleanup(func() {
			if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
				t.Errorf("drop schema %s: %v", schema, err)
			}
		})
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatalf("SITREP_TEST_POSTGRES: %v", err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}}, true
}

func backends(t *testing.T) []backend {
	bs := []backend{sqliteBackend()}
	if pg, ok := postgresBackend(t); ok {
		bs = append(bs, pg)
	}
	return bs
}

// TestStore runs the store suite against SQLite and, when reachable,
// PostgreSQL.
func TestStore(t *testing.T) {
	tests := []struct {
		name string
		fn   func(t *testing.T, b backend)
	}{
		{"MigrateAndReopen", testMigrateAndReopen},
		{"RoundTrip", testRoundTrip},
		{"IdempotentSave", testIdempotentSave},
		{"Clusters", testClusters},
		{"Search", testSearch},
		{"ArticleFilters", testArticleFilters},
		{"Events", testEvents},
		{"RepeatedEventIDs", testRepeatedEventIDs},
		{"FailedSaveLeavesNothing", testFailedSave},
		{"Batch", testBatch},
		{"Concurrent", testConcurrent},
	}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					t.Parallel()
					tc.fn(t, b)
				})
			}
		})
	}
}

func open(t testing.TB, dsn string) *Store {
	t.Helper()
	s, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// words is a vocabulary for filler text that no test searches for.
var words = strings.Fields(`alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike
november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu amber basalt cobalt
dune ember fjord granite harbour island jasper kelp lagoon meadow nectar orchard pebble quartz reef saffron
tundra umber valley willow yarrow zephyr acorn birch cedar dahlia elm fern gorse heather iris juniper`)

// filler returns n words of text that shares no 3-word shingles with other
// seeds' text.
func filler(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, seed*7+1))
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	return strings.Join(ws, " ")
}

func article(id, title, source string, published time.Time, text string) *news.Article {
	return &news.Article{ID: id, Title: title, Source: source, Published: published, URL: "https://example.com/" + id, Language: "en", Text: text}
}

func save(t *testing.T, s *Store, a *news.Article) bool {
	t.Helper()
	stored, err := s.SaveArticle(t.Context(), a, dedup.Compute(a.Text))
	if err != nil {
		t.Fatalf("SaveArticle(%q): %v", a.ID, err)
	}
	return stored
}

func stats(t *testing.T, s *Store) Stats {
	t.Helper()
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

var day = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

func testMigrateAndReopen(t *testing.T, b backend) {
	dsn := b.newDSN(t)
	s, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	save(t, s, article("a1", "Title", "Wire", day, filler(1, 80)))
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s = open(t, dsn) // migrations already applied: nothing to do
	if got := stats(t, s); got.Articles != 1 {
		t.Fatalf("after reopen: %d articles, want 1", got.Articles)
	}
	if _, err := s.Article(t.Context(), "a1"); err != nil {
		t.Fatalf("after reopen: %v", err)
	}
	if _, err := s.Article(t.Context(), "missing"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Article(missing) = %v, want news.ErrNotFound", err)
	}
}

// fullArticle has every field the store keeps set.
func fullArticle() *news.Article {
	text := "Russia launched 120 drones at Ukraine overnight, the air force said. Three people were killed in Dnipro, officials said. " + filler(2, 60)
	russia := &news.ActorRef{ID: "RUS-MIL", Name: "Russian Armed Forces", Kind: news.KindStateForces, Country: "RU"}
	ukraine := &news.ActorRef{Name: "Ukraine", Kind: news.KindState, Country: "UA"}
	src := news.Source{Text: "the air force", Kind: news.SrcOrg, Count: 1, Actor: ukraine, Cue: "said", Start: 52, End: 65}
	return &news.Article{
		ID: "full", Title: "Russia launches 120 drones", URL: "https://example.com/full", Source: "Wire",
		Published: time.Date(2026, 3, 14, 11, 30, 15, 123456789, time.FixedZone("EET", 2*3600)),
		Language:  "en", Text: text, Author: "A. Reporter", Origin: "dump.txt#record=3",
		Cluster: "ignored", Focus: []string{"UA", "RU"},
		Sentences: []news.Span{{Start: 0, End: 70}, {Start: 71, End: 121}},
		Entities: []news.Entity{
			{Text: "Russia", Type: news.EntGPE, Start: 0, End: 6, Actor: russia},
			{Text: "Dnipro", Type: news.EntGPE, Start: 100, End: 106},
		},
		Events: []news.Event{
			{
				Type: "Explosions/Remote violence", Subtype: "Air/drone strike",
				Actor1: russia, Actor2: ukraine, AssocActors: []news.ActorRef{},
				Place:      &news.Place{Name: "Dnipro", Resolved: "Dnipro", Country: "UA", Admin1: "Dnipropetrovsk", Lat: 48.45, Lon: 34.98, Precision: news.PrecisionPoint, GeonameID: 709930, Start: 100, End: 106},
				Date:       &news.TimeRef{Value: "2026-03-13", Precision: news.DateDay, Text: "overnight"},
				Quantities: map[string]float64{"launched": 120, "killed": 3},
				Figures:    []news.Figure{{What: "launched", Value: 120, Text: "120 drones", Start: 16, End: 26, Source: "the air force"}},
				Weapon:     "Shahed", Modality: news.ModReported,
				Sources:       []news.Source{src},
				Evidence:      news.TextSpan{Text: "Russia launched 120 drones at Ukraine overnight, the air force said.", Start: 0, End: 70},
				Roles:         map[string][]news.ActorRef{"target": {*ukraine}},
				Corroboration: 1, Caveat: "could not be independently verified",
			},
			{ID: "given-id", Type: "Strategic developments", Subtype: "Other", Modality: news.ModClaimed},
		},
		Attributions: []news.Attribution{{Source: src, Cue: news.TextSpan{Text: "said", Start: 66, End: 70}, Content: news.TextSpan{Text: "Russia launched 120 drones", Start: 0, End: 26}, Relation: "assert"}},
	}
}

func testRoundTrip(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	a := fullArticle()
	if !save(t, s, a) {
		t.Fatal("first save reported not stored")
	}
	if a.Cluster != "full" {
		t.Errorf("Cluster = %q, want the article's own ID", a.Cluster)
	}
	if a.Events[0].ID != "full-0" || a.Events[1].ID != "given-id" {
		t.Errorf("event IDs = %q, %q; want full-0 (generated) and given-id (kept)", a.Events[0].ID, a.Events[1].ID)
	}
	got, err := s.Article(t.Context(), "full")
	if err != nil {
		t.Fatal(err)
	}
	want := *a
	want.Published = a.Published.UTC().Truncate(time.Microsecond) // stored in UTC, to the microsecond
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, &want)
	}
	// An article with nothing extracted comes back with nothing.
	bare := &news.Article{ID: "bare"}
	if !save(t, s, bare) {
		t.Fatal("bare article not stored")
	}
	got, err = s.Article(t.Context(), "bare")
	if err != nil {
		t.Fatal(err)
	}
	if want := (&news.Article{ID: "bare", Cluster: "bare"}); !reflect.DeepEqual(got, want) {
		t.Errorf("bare article: got %+v, want %+v", got, want)
	}
	if _, err := s.SaveArticle(t.Context(), &news.Article{Text: "no id"}, dedup.Fingerprint{}); err == nil {
		t.Error("article without ID saved")
	}
}

func testIdempotentSave(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	a := fullArticle()
	save(t, s, a)
	before := stats(t, s)
	again := fullArticle()
	again.Title = "Changed title"
	again.Events = append(again.Events, news.Event{Type: "Battles"})
	if save(t, s, again) {
		t.Error("second save of the same ID reported stored")
	}
	if again.Cluster != "full" {
		t.Errorf("second save: Cluster = %q, want the stored cluster", again.Cluster)
	}
	if after := stats(t, s); after != before {
		t.Errorf("second save changed the counts: %+v → %+v", before, after)
	}
	got, err := s.Article(t.Context(), "full")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || len(got.Events) != 2 {
		t.Errorf("second save changed the article: title %q, %d events", got.Title, len(got.Events))
	}
}

func testClusters(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	orig := filler(10, 300)
	ws := strings.Fields(orig)
	// A syndicated copy: boilerplate added, the last fifth dropped, a few
	// words changed.
	edited := append([]string{"Copyright", "2026", "Wire", "Services."}, ws[:240]...)
	edited[50], edited[120], edited[200] = "changed", "words", "here"
	steps := []struct {
		id, text, want string
	}{
		{"orig", orig, "orig"},
		{"other", filler(11, 300), "other"},
		{"copy", strings.Join(edited, " "), "orig"},
		{"copy-of-copy", strings.Join(edited[:200], " ") + " Reporting by the desk.", "orig"},
		{"empty", "", "empty"},
		{"empty2", "", "empty2"}, // texts without words match nothing
	}
	for i, st := range steps {
		a := article(st.id, st.id, "Wire", day.Add(time.Duration(i)*time.Hour), st.text)
		save(t, s, a)
		if a.Cluster != st.want {
			t.Errorf("%s: Cluster = %q, want %q", st.id, a.Cluster, st.want)
		}
		got, err := s.Article(t.Context(), st.id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Cluster != st.want {
			t.Errorf("%s: stored cluster %q, want %q", st.id, got.Cluster, st.want)
		}
	}
	list, err := s.Articles(t.Context(), ArticleQuery{Cluster: "orig"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("cluster orig lists %d articles, want 3", len(list))
	}
	for _, r := range list {
		if r.ClusterSize != 3 {
			t.Errorf("%s: ClusterSize %d, want 3", r.ID, r.ClusterSize)
		}
	}
	if st := stats(t, s); st.Clusters != 4 || st.Articles != 6 {
		t.Errorf("stats %+v, want 6 articles in 4 clusters", st)
	}
}

func ids(list []ArticleSummary) string {
	var out []string
	for _, r := range list {
		out = append(out, r.ID)
	}
	return strings.Join(out, " ")
}

func testSearch(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	for i, a := range []*news.Article{
		article("drones", "Drone attack on Kyiv", "Wire", day, "Russia launched drones at Kyiv overnight; air defence shot down most of them. "+filler(20, 40)),
		article("missiles", "Missile strike on Kharkiv", "Wire", day, "Ballistic missiles hit Kharkiv, killing two. "+filler(21, 40)),
		article("talks", "Ceasefire talks in Istanbul", "Wire", day, "Negotiators met in Istanbul to discuss a ceasefire and prisoner exchanges. "+filler(22, 40)),
	} {
		a.Published = day.Add(time.Duration(i) * time.Hour)
		save(t, s, a)
	}
	tests := []struct {
		query, want string
		bad         bool
	}{
		{"drones", "drones", false},
		{"drone", "drones", false}, // stemmed
		{"KHARKIV", "missiles", false},
		{`"air defence"`, "drones", false},
		{`"defence air"`, "", false},
		{"kyiv OR istanbul", "talks drones", false},
		{"kyiv or istanbul", "talks drones", false},
		{"attack -ceasefire", "drones", false},
		{"kharkiv drones", "", false},
		{`"unbalanced`, "", false},
		{`"ceasefire talks`, "talks", false},
		{"AND OR", "", true},
		{"-drones", "", true},
		{"", "talks missiles drones", false}, // no search: everything
		{"*", "", true},
		{`NEAR(kyiv drones) title:kyiv ^kyiv {x} col:* '`, "", false},
		{`drones"; DROP TABLE articles; --`, "", false},
		{"drones\x00\xff", "drones", false},
	}
	for _, tc := range tests {
		list, err := s.Articles(t.Context(), ArticleQuery{Search: tc.query})
		if tc.bad {
			if !errors.Is(err, ErrBadSearch) {
				t.Errorf("search %q: err %v, want ErrBadSearch", tc.query, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("search %q: %v", tc.query, err)
			continue
		}
		if got := ids(list); got != tc.want {
			t.Errorf("search %q = [%s], want [%s]", tc.query, got, tc.want)
		}
	}
	if st := stats(t, s); st.Articles != 3 {
		t.Errorf("%d articles after searching, want 3", st.Articles)
	}
}

func testArticleFilters(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	for i, src := range []string{"Reuters", "AP", "reuters", "AFP", ""} {
		a := article(fmt.Sprint("a", i), "t", src, day.AddDate(0, 0, i), filler(uint64(30+i), 50))
		save(t, s, a)
	}
	save(t, s, article("undated", "t", "Reuters", time.Time{}, filler(40, 50)))
	tests := []struct {
		q    ArticleQuery
		want string
	}{
		{ArticleQuery{}, "a4 a3 a2 a1 a0 undated"},
		{ArticleQuery{Source: "REUTERS"}, "a2 a0 undated"},
		{ArticleQuery{Since: day.AddDate(0, 0, 2)}, "a4 a3 a2"},
		{ArticleQuery{Until: day.AddDate(0, 0, 2)}, "a1 a0"},
		{ArticleQuery{Since: day.AddDate(0, 0, 1), Until: day.AddDate(0, 0, 3), Source: "reuters"}, "a2"},
		{ArticleQuery{Limit: 2}, "a4 a3"},
		{ArticleQuery{Limit: 2, Offset: 2}, "a2 a1"},
		{ArticleQuery{Offset: 4}, "a0 undated"},
	}
	for _, tc := range tests {
		list, err := s.Articles(t.Context(), tc.q)
		if err != nil {
			t.Fatalf("%+v: %v", tc.q, err)
		}
		if got := ids(list); got != tc.want {
			t.Errorf("%+v = [%s], want [%s]", tc.q, got, tc.want)
		}
	}
	list, err := s.Articles(t.Context(), ArticleQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := ArticleSummary{ID: "a4", Title: "t", URL: "https://example.com/a4", Language: "en", Cluster: "a4", Published: day.AddDate(0, 0, 4), ClusterSize: 1}
	if len(list) != 1 || list[0] != want {
		t.Errorf("summary %+v, want %+v", list, want)
	}
	if st := stats(t, s); st.Sources != 3 {
		t.Errorf("%d sources, want 3 (Reuters, AP, AFP)", st.Sources)
	}
}

// testRepeatedEventIDs: an extractor that gives two events of one article
// the same ID must not cost the article; the repeat is named by position.
func testRepeatedEventIDs(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	a := article("rep", "Strikes", "AP", day, filler(70, 60))
	a.Events = []news.Event{
		{ID: "same", Type: "Explosions/Remote violence", Subtype: "Air/drone strike"},
		{ID: "same", Type: "Explosions/Remote violence", Subtype: "Air/drone strike"},
	}
	if !save(t, s, a) {
		t.Fatal("article not stored")
	}
	evs, err := s.Events(context.Background(), EventQuery{ArticleID: "rep"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range evs {
		got = append(got, e.ID)
	}
	sort.Strings(got)
	if strings.Join(got, " ") != "rep-1 same" {
		t.Fatalf("event IDs %v, want [rep-1 same]", got)
	}
}

func testEvents(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	a := fullArticle()
	save(t, s, a)
	other := article("other", "Clashes", "AP", day.AddDate(0, 0, 5), filler(50, 60))
	other.Events = []news.Event{
		{Type: "Battles", Subtype: "Armed clash", Actor1: &news.ActorRef{Name: "Wagner Group", Country: "RU"}, Actor2: &news.ActorRef{Name: "Malian Armed Forces", Country: "ML"}, Place: &news.Place{Name: "Kidal", Country: "ML"}, Date: &news.TimeRef{Value: "2026-04", Precision: news.DateMonth}},
		{Type: "Battles", Subtype: "Armed clash"}, // no date: the article's day
	}
	save(t, s, other)
	tests := []struct {
		q    EventQuery
		want string
	}{
		{EventQuery{}, "other-0 other-1 given-id full-0"},
		{EventQuery{Type: "battles"}, "other-0 other-1"},
		{EventQuery{Subtype: "AIR/DRONE STRIKE"}, "full-0"},
		{EventQuery{Actor: "russian armed"}, "full-0"},
		{EventQuery{Actor: "forces"}, "other-0 full-0"},
		{EventQuery{Actor: "%"}, ""},
		{EventQuery{Country: "ua"}, "full-0"},
		{EventQuery{Since: time.Date(2026, 3, 19, 0, 0, 0, 0, time.UTC)}, "other-0 other-1"},
		{EventQuery{Since: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}, "other-1 given-id"},
		{EventQuery{Until: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)}, "full-0"},
		{EventQuery{ArticleID: "full"}, "given-id full-0"},
		{EventQuery{Limit: 1, Offset: 1}, "other-1"},
	}
	for _, tc := range tests {
		evs, err := s.Events(t.Context(), tc.q)
		if err != nil {
			t.Fatalf("%+v: %v", tc.q, err)
		}
		var got []string
		for _, e := range evs {
			got = append(got, e.ID)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%+v = [%s], want [%s]", tc.q, strings.Join(got, " "), tc.want)
		}
	}
	evs, err := s.Events(t.Context(), EventQuery{ArticleID: "full", Type: a.Events[0].Type})
	if err != nil {
		t.Fatal(err)
	}
	want := StoredEvent{Event: a.Events[0], ArticleID: "full", ArticleTitle: a.Title, ArticleURL: a.URL, ArticleSource: a.Source, Published: a.Published.UTC().Truncate(time.Microsecond)}
	if len(evs) != 1 || !reflect.DeepEqual(evs[0], want) {
		t.Errorf("stored event:\n got %+v\nwant %+v", evs, want)
	}
	if st := stats(t, s); st.Events != 4 || st.Entities != 2 || st.Attributions != 1 {
		t.Errorf("stats %+v, want 4 events, 2 entities, 1 attribution", st)
	}
	// An article with more events than one statement takes.
	many := article("many", "t", "Wire", day, filler(51, 60))
	for range 2500 {
		many.Events = append(many.Events, news.Event{Type: "Protests"})
	}
	save(t, s, many)
	if evs, err := s.Events(t.Context(), EventQuery{ArticleID: "many"}); err != nil || len(evs) != 2500 || evs[2499].ID != "many-2499" {
		t.Errorf("article with 2500 events: %d stored, %v", len(evs), err)
	}
}

func testFailedSave(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	// An event ID that another article's event holds violates the events'
	// primary key after the article row has been written.
	holder := article("holder", "t", "Wire", day, filler(63, 100))
	holder.Events = []news.Event{{ID: "taken", Type: "Battles"}}
	save(t, s, holder)
	bad := fullArticle()
	bad.Events[1].ID = "taken"
	if _, err := s.SaveArticle(t.Context(), bad, dedup.Compute(bad.Text)); err == nil {
		t.Fatal("article with another article's event ID saved")
	}
	if bad.Events[0].ID != "" || bad.Cluster != "ignored" {
		t.Errorf("failed save changed the article: event ID %q, cluster %q", bad.Events[0].ID, bad.Cluster)
	}
	// A context cancelled in the middle of the transaction.
	ctx, cancel := context.WithCancel(t.Context())
	s.afterArticleInsert = cancel
	a := fullArticle()
	if _, err := s.SaveArticle(ctx, a, dedup.Compute(a.Text)); err == nil {
		t.Fatal("save with a cancelled context succeeded")
	}
	s.afterArticleInsert = nil
	if _, err := s.Article(t.Context(), "full"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("after failed saves: Article = %v, want not found", err)
	}
	if st := stats(t, s); st.Articles != 1 || st.Events != 1 || st.Clusters != 1 {
		t.Errorf("failed saves left more than the holder: %+v", st)
	}
	// The store still works, and the article saves in full.
	if !save(t, s, fullArticle()) {
		t.Error("save after failures: not stored")
	}
	if st := stats(t, s); st.Articles != 2 || st.Events != 3 {
		t.Errorf("after a good save: %+v", st)
	}
}

func testBatch(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	orig := filler(60, 200)
	batch := []*news.Article{
		article("b0", "t", "Wire", day, orig),
		article("b1", "t", "Wire", day, filler(61, 200)),
		article("b2", "t", "Wire", day, "Copyright Wire. "+orig),
		article("b0", "t", "Wire", day, orig), // repeated in the batch
	}
	batch[0].Events = []news.Event{{ID: "b0-strike", Type: "Battles"}}
	fps := make([]dedup.Fingerprint, len(batch))
	for i, a := range batch {
		fps[i] = dedup.Compute(a.Text)
	}
	stored, err := s.SaveArticles(t.Context(), batch, fps)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(stored) != "[true true true false]" {
		t.Errorf("stored = %v", stored)
	}
	if batch[2].Cluster != "b0" || batch[3].Cluster != "b0" {
		t.Errorf("clusters %q %q, want b0", batch[2].Cluster, batch[3].Cluster)
	}
	// One bad article fails the whole batch.
	bad := fullArticle()
	bad.Events[1].ID = batch[0].Events[0].ID // another article's event
	next := []*news.Article{article("b3", "t", "Wire", day, filler(62, 100)), bad}
	if _, err := s.SaveArticles(t.Context(), next, []dedup.Fingerprint{dedup.Compute(next[0].Text), {}}); err == nil || !strings.Contains(err.Error(), `"full"`) {
		t.Errorf("bad batch: err %v, want an error naming article \"full\"", err)
	}
	if st := stats(t, s); st.Articles != 3 {
		t.Errorf("%d articles after a failed batch, want 3", st.Articles)
	}
	if _, err := s.SaveArticles(t.Context(), next, nil); err == nil {
		t.Error("batch without fingerprints saved")
	}
}

func testConcurrent(t *testing.T, b backend) {
	s := open(t, b.newDSN(t))
	const workers, each = 4, 10
	shared := article("shared", "t", "Wire", day, filler(70, 200))
	story := filler(71, 200) // each worker saves its own syndicated copy
	var mu sync.Mutex
	sharedStored := 0
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				a := article(fmt.Sprintf("w%d-%d", w, i), "t", "Wire", day, filler(uint64(1000+w*each+i), 150))
				a.Events = []news.Event{{Type: "Battles"}}
				if _, err := s.SaveArticle(t.Context(), a, dedup.Compute(a.Text)); err != nil {
					errs <- err
					return
				}
				if i == each/3 {
					cp := article(fmt.Sprintf("copy-%d", w), "t", "Wire", day, fmt.Sprintf("Copyright Outlet %d. ", w)+story)
					own := article(fmt.Sprintf("w%d-extra", w), "t", "Wire", day, filler(uint64(2000+w), 150))
					if _, err := s.SaveArticles(t.Context(), []*news.Article{own, cp}, []dedup.Fingerprint{dedup.Compute(own.Text), dedup.Compute(cp.Text)}); err != nil {
						errs <- err
						return
					}
				}
				if i == each/2 {
					c := *shared
					ok, err := s.SaveArticle(t.Context(), &c, dedup.Compute(c.Text))
					if err != nil {
						errs <- err
						return
					}
					if ok {
						mu.Lock()
						sharedStored++
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent save: %v", err)
	}
	if sharedStored != 1 {
		t.Errorf("the shared article was stored %d times, want once", sharedStored)
	}
	if st := stats(t, s); st.Articles != workers*each+2*workers+1 || st.Events != workers*each {
		t.Errorf("stats %+v, want %d articles and %d events", st, workers*each+2*workers+1, workers*each)
	}
	// The copies saved concurrently form one cluster.
	clusters := map[string]int{}
	for w := range workers {
		a, err := s.Article(t.Context(), fmt.Sprintf("copy-%d", w))
		if err != nil {
			t.Fatal(err)
		}
		clusters[a.Cluster]++
	}
	if len(clusters) != 1 {
		t.Errorf("concurrent copies of one story in clusters %v, want one", clusters)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(t.Context(), ""); err == nil {
		t.Error("empty path opened")
	}
	if _, err := Open(t.Context(), filepath.Join(t.TempDir(), "x?mode=ro")); err == nil {
		t.Error("path with ? opened")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(t.Context(), filepath.Join(file, "sitrep.db")); err == nil {
		t.Error("path under a file opened")
	}
	if err := os.WriteFile(file, []byte("this is not a database, just some bytes in a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(t.Context(), file); err == nil {
		t.Error("a file that is not SQLite opened")
	}
}

func TestDefaultPath(t *testing.T) {
	home := func() (string, error) { return "/home/ana", nil }
	noHome := func() (string, error) { return "", errors.New("$HOME is not defined") }
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	tests := []struct {
		goos   string
		getenv func(string) string
		home   func() (string, error)
		want   string
	}{
		{"linux", env(), home, "/home/ana/.local/share/sitrep/sitrep.db"},
		{"linux", env("XDG_DATA_HOME", "/data"), home, "/data/sitrep/sitrep.db"},
		{"linux", env("XDG_DATA_HOME", "relative"), home, "/home/ana/.local/share/sitrep/sitrep.db"},
		{"freebsd", env(), home, "/home/ana/.local/share/sitrep/sitrep.db"},
		{"darwin", env(), home, "/home/ana/Library/Application Support/sitrep/sitrep.db"},
		{"darwin", env("XDG_DATA_HOME", "/xdg"), home, "/xdg/sitrep/sitrep.db"},
		{"windows", env("LocalAppData", `C:\Users\ana\AppData\Local`), home, filepath.Join(`C:\Users\ana\AppData\Local`, "sitrep", "sitrep.db")},
		{"linux", env(), noHome, ""},
		{"windows", env(), home, ""},
	}
	for _, tc := range tests {
		got, err := defaultPath(tc.goos, tc.getenv, tc.home)
		if (err != nil) != (tc.want == "") || got != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.goos, got, err, tc.want)
		}
	}
	t.Setenv("XDG_DATA_HOME", "/tmp/xdg")
	if p, err := DefaultPath(); err != nil || (p != "/tmp/xdg/sitrep/sitrep.db" && os.Getenv("LocalAppData") == "") {
		t.Errorf("DefaultPath() = %q, %v", p, err)
	}
}

// TestOpenConcurrentlyOnANewFile: several commands started at once on a new
// SQLite database must not both create its tables.
func TestOpenConcurrentlyOnANewFile(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("new%d.db", round))
		errs := make(chan error, 4)
		for range 4 {
			go func() {
				s, err := Open(context.Background(), path)
				if err == nil {
					err = s.Close()
				}
				errs <- err
			}()
		}
		for range 4 {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}
