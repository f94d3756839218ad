package actors

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestResolveSeedActors checks every actor the seed articles' expected
// output names (../shared/eval/seed-expected.md), as the text words it.
func TestResolveSeedActors(t *testing.T) {
	r := testRegistry(t)
	art1, art2 := day("2021-05-21"), day("2025-07-17")
	tests := []struct {
		mention, typ string
		at           time.Time
		want         string
	}{
		{"Quds Force", news.EntOrg, art1, "ir-quds"},
		{"Iran’s Quds Force", news.EntOrg, art1, "ir-quds"},
		{"Iran's Quds Force", "", art1, "ir-quds"},
		{"IRGC", news.EntOrg, art1, "ir-irgc"},
		{"Iran's Revolutionary Guards", news.EntOrg, art1, "ir-irgc"},
		{"Kataib Hezbollah", news.EntOrg, art1, "iq-kh"},
		{"Lebanon’s Hezbollah", news.EntOrg, art1, "hezbollah"},
		{"Lebanese Hezbollah", news.EntOrg, art1, "hezbollah"},
		{"Hezbollah", news.EntOrg, art1, "hezbollah"},
		{"US Central Command", news.EntOrg, art1, "us-centcom"},
		{"U.S. Central Command", news.EntOrg, art1, "us-centcom"},
		{"Kenneth McKenzie", news.EntPerson, art1, "kenneth-mckenzie"},
		{"McKenzie", news.EntPerson, art1, "kenneth-mckenzie"},
		{"Qassem Soleimani", news.EntPerson, art1, "qassem-soleimani"},
		{"Soleimani", news.EntPerson, art1, "qassem-soleimani"},
		{"Esmail Ghaani", news.EntPerson, art1, "esmail-ghaani"},
		{"US-led forces", "", art1, "us-led-coalition"},
		{"two Iraqi security officials", "", art1, "iq-sec"},
		{"Iraqi police", "", art1, "iq-cop"},
		{"the Iraqi government", news.EntOrg, art1, "iq-gov"},
		{"Iranian officials", "", art1, "ir-gov"},
		{"the US military", news.EntOrg, art1, "us-mil"},
		{"US State Department", news.EntOrg, art1, "us-state-dept"},
		{"Zelensky", news.EntPerson, art2, "volodymyr-zelensky"},
		{"Volodymyr Zelensky", news.EntPerson, art2, "volodymyr-zelensky"},
		{"Ukrainian President Volodymyr Zelensky", news.EntPerson, art2, "volodymyr-zelensky"},
		{"the Ukrainian air force", news.EntOrg, art2, "ua-mil-af"},
		{"Ukraine’s air force", "", art2, "ua-mil-af"},
		{"Russia's defence ministry", news.EntOrg, art2, "ru-mod"},
		{"Russia’s Defense Ministry", "", art2, "ru-mod"},
		{"Russian air defences", "", art2, "ru-mil-ad"},
		{"Russian air defenses", "", art2, "ru-mil-ad"},
		{"Russia's air defence", "", art2, "ru-mil-ad"},
		{"Swiss Defense Ministry", news.EntOrg, art2, "ch-mod"},
		{"US Defense Department", news.EntOrg, art2, "us-dod"},
		{"the Pentagon", news.EntOrg, art2, "us-dod"},
		{"Ukraine Defense Contact Group", news.EntOrg, art2, "udcg"},
		{"John Healey", news.EntPerson, art2, "john-healey"},
		{"British Defense Secretary John Healey", news.EntPerson, art2, "john-healey"},
		{"Boris Pistorius", news.EntPerson, art2, "boris-pistorius"},
		{"Pete Hegseth", news.EntPerson, art2, "pete-hegseth"},
		{"Mark Rutte", news.EntPerson, art2, "mark-rutte"},
		{"Vladimir Medinsky", news.EntPerson, art2, "vladimir-medinsky"},
		{"Ukrainian Coordination Headquarters for the Treatment of Prisoners of War", news.EntOrg, art2, "ua-pow-hq"},
		{"Coordination Headquarters for the Treatment of Prisoners of War", news.EntOrg, art2, "ua-pow-hq"},
		{"Russia", news.EntGPE, art2, "ru"},
		{"Ukraine", news.EntGPE, art2, "ua"},
		{"Iran", news.EntGPE, art1, "ir"},
		{"Switzerland", news.EntGPE, art2, "ch"},
		{"Iraqi", news.EntNORP, art1, "iq"},
		{"NATO", news.EntOrg, art2, "nato"},
		{"Islamic State", news.EntOrg, art2, "islamic-state"},
		{"ISIS", news.EntOrg, art2, "islamic-state"},
		{"Daesh", "", art2, "islamic-state"},
		{"Houthis", "", art2, "houthis"},
		{"Ansar Allah", news.EntOrg, art2, "houthis"},
		{"Wagner Group", news.EntOrg, art2, "wagner-group"},
		{"Popular Mobilization Forces", news.EntOrg, art2, "iq-pmf"},
		{"Islamic Resistance in Iraq", news.EntOrg, art2, "iq-iri"},
		{"Hamas", news.EntOrg, art2, "hamas"},
		{"Palestinian Islamic Jihad", news.EntOrg, art2, "pij"},
		{"al-Sudani", news.EntPerson, art2, "mohammed-shia-al-sudani"},
		{"Khamenei", news.EntPerson, art2, "ali-khamenei"},
		{"Netanyahu", news.EntPerson, art2, "benjamin-netanyahu"},
		{"Putin", news.EntPerson, art2, "vladimir-putin"},
		{"Trump", news.EntPerson, art2, "donald-trump"},
		{"THE UKRAINIAN AIR FORCE", "", art2, "ua-mil-af"},
		{"Iranian Revolutionary Guards Corps", news.EntOrg, art1, "ir-irgc"},
		{"Iranians", news.EntNORP, art1, "ir"},
		{"Houthi forces", "", art2, "houthis"},
		{"Alexus Grynkewich", news.EntPerson, art2, "alexus-grynkewich"},
		{"Xi", news.EntPerson, art2, "xi-jinping"},
		{"Kim Jong-un", news.EntPerson, art2, "kim-jong-un"},
		{"C.A.R.", news.EntOrg, art2, "cf"},
		{"President Putin", news.EntPerson, art2, "vladimir-putin"},
		{"Defense Secretary Hegseth", news.EntPerson, art2, "pete-hegseth"},
		{"The Philippines", news.EntOrg, art2, "ph"},
		{"Thai government", news.EntOrg, art2, "th-gov"},
		{"Chinese government", "", art2, "cn-gov"},
		{"the Nigerian army", news.EntOrg, art2, "ng-mil"},
		{"Turkish intelligence", news.EntOrg, art2, "tr-spy"},
		{"ISIS fighters", "", art2, "islamic-state"},
		{"Pentagon spokesman", "", art2, "us-dod"},
		{"Syria's new government", "", art2, "sy-gov"},
		{"U.N. peacekeepers", "", art2, "un-peacekeepers"},
		{"SDF", news.EntOrg, art2, "sdf"},
		{"Sali Berisha", news.EntPerson, art2, "sali-berisha"},
	}
	for _, tc := range tests {
		a, ok := r.Resolve(tc.mention, tc.typ, tc.at)
		switch {
		case !ok:
			t.Errorf("Resolve(%q, %q) found nothing, want %s", tc.mention, tc.typ, tc.want)
		case a.ID != tc.want:
			t.Errorf("Resolve(%q, %q) = %s (%s), want %s", tc.mention, tc.typ, a.ID, a.Name, tc.want)
		}
	}
}

// TestResolveNothing checks mentions that must not resolve.
func TestResolveNothing(t *testing.T) {
	r := testRegistry(t)
	for _, m := range []string{"", "   ", "us", "is", "xi", "Lai", "Jimmy Lai", "Kim", "Sahra Abdi Ahmed", "Tatiana Putin", "Gaza", "the", "three militia commanders", "a Western diplomat", "drones"} {
		for _, typ := range []string{"", news.EntPerson, news.EntOrg} {
			if a, ok := r.Resolve(m, typ, day("2025-07-17")); ok {
				t.Errorf("Resolve(%q, %q) = %s (%s), want nothing", m, typ, a.ID, a.Name)
			}
		}
	}
}

// TestKindsAndParents checks the kinds, countries and parent chains the
// seed events need.
func TestKindsAndParents(t *testing.T) {
	r := testRegistry(t)
	tests := []struct {
		id, kind, country string
		ancestors         []string
	}{
		{"ir-quds", news.KindStateForces, "IR", []string{"ir-irgc", "ir-mil", "ir"}},
		{"ua-mil-af", news.KindStateForces, "UA", []string{"ua-mil", "ua"}},
		{"ru-mil-ad", news.KindStateForces, "RU", []string{"ru-mil", "ru"}},
		{"ru-mod", news.KindGovernment, "RU", []string{"ru-gov", "ru"}},
		{"iq-kh", news.KindPolMilitia, "IQ", []string{"iq-pmf", "iq-mil", "iq"}},
		{"hezbollah", news.KindPolMilitia, "LB", nil},
		{"udcg", news.KindIntlOrg, "", nil},
		{"iq-sec", news.KindStateForces, "IQ", []string{"iq"}},
		{"ru", news.KindState, "RU", nil},
		{"john-healey", news.KindPerson, "GB", nil},
	}
	for _, tc := range tests {
		a, ok := r.Get(tc.id)
		if !ok {
			t.Errorf("Get(%q): not found", tc.id)
			continue
		}
		if a.Kind != tc.kind || a.Country != tc.country {
			t.Errorf("%s: kind %q country %q, want %q %q", tc.id, a.Kind, a.Country, tc.kind, tc.country)
		}
		var got []string
		for _, p := range r.Ancestors(a) {
			got = append(got, p.ID)
		}
		if strings.Join(got, ">") != strings.Join(tc.ancestors, ">") {
			t.Errorf("%s: ancestors %v, want %v", tc.id, got, tc.ancestors)
		}
	}
}

// TestEmbeddedDataConsistent checks that every parent and role
// organisation in the embedded data names an actor.
func TestEmbeddedDataConsistent(t *testing.T) {
	r := testRegistry(t)
	bad := 0
	for _, a := range r.All() {
		if a.Parent != "" {
			if _, ok := r.Get(a.Parent); !ok {
				t.Errorf("%s: parent %q is not an actor", a.ID, a.Parent)
				bad++
			}
		}
		for _, ro := range a.Roles {
			if ro.Org == "" {
				continue
			}
			if _, ok := r.Get(ro.Org); !ok {
				t.Errorf("%s: role %q in %q, which is not an actor", a.ID, ro.Title, ro.Org)
				bad++
			}
		}
		if bad > 20 {
			t.Fatal("too many errors")
		}
	}
}

// TestDatedRoles checks that roles follow the article's date.
func TestDatedRoles(t *testing.T) {
	r := testRegistry(t)
	obama, _ := r.Get("barack-obama")
	if len(obama.RolesAt(day("2012-06-01"))) == 0 {
		t.Error("Obama holds no role in 2012")
	}
	if rs := obama.RolesAt(day("2020-06-01")); len(rs) != 0 {
		t.Errorf("Obama holds %v in 2020", rs)
	}
	tests := []struct {
		mention string
		at      string
		want    string
	}{
		{"the US president", "2012-06-01", "barack-obama"},
		{"the US president", "2020-06-01", "donald-trump"},
		{"the American president", "2022-06-01", "joe-biden"},
		{"the U.S. president", "2025-07-17", "donald-trump"},
		{"NATO secretary general", "2020-06-01", "jens-stoltenberg"},
		{"NATO's secretary-general", "2025-07-17", "mark-rutte"},
		{"the British defence secretary", "2025-07-17", "john-healey"},
		{"the German defence minister", "2025-07-17", "boris-pistorius"},
		{"the US defense secretary", "2025-07-17", "pete-hegseth"},
		{"the US defense secretary", "2022-03-01", "lloyd-austin"},
		{"Russia's defence minister", "2020-01-01", "sergei-shoigu"},
		{"Russia's defence minister", "2025-01-01", "andrei-belousov"},
		{"Iraqi prime minister", "2021-05-21", "mustafa-al-kadhimi"},
		{"Iraqi prime minister", "2025-07-17", "mohammed-shia-al-sudani"},
		{"Iran's supreme leader", "2025-07-17", "ali-khamenei"},
		{"Russian president", "2010-01-01", "dmitry-medvedev"},
	}
	for _, tc := range tests {
		a, ok := r.Resolve(tc.mention, "", day(tc.at))
		switch {
		case !ok:
			t.Errorf("Resolve(%q, %s) found nothing, want %s", tc.mention, tc.at, tc.want)
		case a.ID != tc.want:
			t.Errorf("Resolve(%q, %s) = %s, want %s", tc.mention, tc.at, a.ID, tc.want)
		}
	}
	// Quds Force commanders: Soleimani until his death, Ghaani after.
	for at, want := range map[string]string{"2019-06-01": "qassem-soleimani", "2021-05-21": "esmail-ghaani"} {
		if a, ok := r.Resolve("the Quds Force commander", "", day(at)); !ok || a.ID != want {
			t.Errorf("Quds Force commander at %s = %v, want %s", at, a, want)
		}
	}
}

// TestRoleActiveAt checks date bounds of every precision.
func TestRoleActiveAt(t *testing.T) {
	tests := []struct {
		from, to, at string
		want         bool
	}{
		{"2024-10-01", "", "2024-09-30", false},
		{"2024-10-01", "", "2024-10-01", true},
		{"2024-07", "", "2024-07-01", true},
		{"2024-07", "", "2024-06-30", false},
		{"", "2020-01-03", "2020-01-03", true},
		{"", "2020-01-03", "2020-01-04", false},
		{"1998", "2020", "2020-12-31", true},
		{"1998", "2020", "2021-01-01", false},
		{"", "", "1900-01-01", true},
	}
	for _, tc := range tests {
		r := Role{Title: "x", From: tc.from, To: tc.to}
		if got := r.ActiveAt(day(tc.at)); got != tc.want {
			t.Errorf("Role{%q,%q}.ActiveAt(%s) = %v, want %v", tc.from, tc.to, tc.at, got, tc.want)
		}
	}
}

// TestUserFiles checks that user files add, replace and remove actors.
func TestUserFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.jsonl": `# local actors
{"id":"local-militia","name":"Local Defence Militia","aliases":["LDM","Local Defense Militia"],"kind":"identity militia","country":"ML"}
{"id":"iq-kh","name":"Kataib Hezbollah (KH)","aliases":["Kataib Hezbollah"],"kind":"rebel group","country":"IQ","parent":"iq-iri"}
`,
		"b.jsonl": `{"id":"hamas","remove":true}
{"id":"associated-press","merge":true,"aliases":["A.P. wire"],"notes":"US news agency"}
{"id":"nobody-here","merge":true,"aliases":["Ghost"]}
`,
		"ignored.txt": `not json`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if a, ok := r.Resolve("Local Defense Militia", news.EntOrg, time.Time{}); !ok || a.ID != "local-militia" {
		t.Errorf("user actor: got %v", a)
	}
	if a, ok := r.Resolve("LDM", "", time.Time{}); !ok || a.ID != "local-militia" {
		t.Errorf("user acronym: got %v", a)
	}
	a, ok := r.Resolve("Kataib Hezbollah", news.EntOrg, time.Time{})
	if !ok || a.Name != "Kataib Hezbollah (KH)" || a.Kind != news.KindRebels || a.Parent != "iq-iri" {
		t.Errorf("override: got %+v", a)
	}
	if _, ok := r.Get("hamas"); ok {
		t.Error("removed actor hamas is still there")
	}
	ap, ok := r.Resolve("A.P. wire", "", time.Time{})
	if !ok || ap.ID != "associated-press" || ap.Kind != news.KindMedia || ap.Notes != "US news agency" || !slices.Contains(ap.Aliases, "AP") {
		t.Errorf("merge: got %+v", ap)
	}
	if _, ok := r.Get("nobody-here"); ok {
		t.Error("a merge entry without a target and without name and kind became an actor")
	}
	// A single file works as well as a directory; a bad line is an error
	// naming the file and line.
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("{\"id\":\"x\",\"name\":\"X\",\"kind\":\"state\"}\n{\"id\":\"y\",\"name\":\"Y\",\"kind\":\"warlord\"}\n"), 0o644)
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") || !strings.Contains(err.Error(), "warlord") {
		t.Errorf("bad file: err = %v, want one naming bad.jsonl:2", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.jsonl")); err == nil {
		t.Error("missing file: no error")
	}
}

// TestStage checks the pipeline stage on entities of an article.
func TestStage(t *testing.T) {
	r := testRegistry(t)
	s := NewStage(r)
	if s.Name() != "actors" {
		t.Errorf("Name() = %q", s.Name())
	}
	a := &news.Article{Published: day("2025-07-17"), Entities: []news.Entity{
		{Text: "Pete Hegseth", Type: news.EntPerson},
		{Text: "Ukrainian air force", Type: news.EntOrg},
		{Text: "Russia", Type: news.EntGPE},
		{Text: "64", Type: news.EntQuantity},
		{Text: "Nobody Knowsky", Type: news.EntPerson},
		{Text: "Kyiv", Type: news.EntGPE, Actor: &news.ActorRef{Name: "kept"}},
	}}
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	want := []string{"pete-hegseth", "ua-mil-af", "ru", "", "", ""}
	for i, e := range a.Entities {
		got := ""
		if e.Actor != nil {
			got = e.Actor.ID
		}
		if got != want[i] {
			t.Errorf("entity %q: actor %q, want %q", e.Text, got, want[i])
		}
	}
	if a.Entities[5].Actor.Name != "kept" {
		t.Error("an entity's existing actor was replaced")
	}
	if ref := a.Entities[1].Actor; ref.Kind != news.KindStateForces || ref.Country != "UA" || ref.Name != "Military Forces of Ukraine: Air Force" {
		t.Errorf("ref = %+v", ref)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, a); err == nil {
		t.Error("cancelled context: no error")
	}
}

// TestSearch checks ranking of Search.
func TestSearch(t *testing.T) {
	r := testRegistry(t)
	got := r.Search("quds force")
	if len(got) == 0 || got[0].ID != "ir-quds" {
		t.Fatalf("Search(quds force) first = %v", got)
	}
	if got := r.Search("ir-irgc"); len(got) == 0 || got[0].ID != "ir-irgc" {
		t.Errorf("Search by ID: %v", got)
	}
	if got := r.Search("zzzzqqq"); len(got) != 0 {
		t.Errorf("Search(nonsense) = %d actors", len(got))
	}
}

// TestConcurrentUse runs Find and Resolve from several goroutines on a
// fresh registry, whose tries are built on first use (run with -race).
func TestConcurrentUse(t *testing.T) {
	r := New([]Actor{
		{ID: "xx", Name: "Examplia", Aliases: []string{"Examplian"}, Kind: news.KindState, Country: "XX"},
		{ID: "xx-mil-af", Name: "Military Forces of Examplia: Air Force", Aliases: []string{"Examplian air force"}, Kind: news.KindStateForces, Country: "XX", Parent: "xx-mil"},
	})
	done := make(chan []Match)
	for range 4 {
		go func() {
			r.Resolve("Examplia's air forces", "", time.Time{})
			done <- r.Find("The Examplian air force said")
		}()
	}
	for range 4 {
		if ms := <-done; len(ms) != 1 || ms[0].Actor.ID != "xx-mil-af" || ms[0].Text != "Examplian air force" {
			t.Errorf("Find = %+v", ms)
		}
	}
	if a, ok := r.Resolve("Examplia's air forces", "", time.Time{}); !ok || a.ID != "xx-mil-af" {
		t.Errorf("Resolve = %v", a)
	}
	if _, ok := r.Get("xx-mil"); !ok {
		t.Error("New made no generic actors for the state")
	}
}
