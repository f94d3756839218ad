package attribution

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// TestForms holds one sentence per form: the source mention, its kind,
// count, role and party, the cue and the relation.
func TestForms(t *testing.T) {
	tests := []struct {
		text                       string
		mention, kind, cue, rel    string
		count                      int
		name, role, party, content string
	}{
		{text: "Russia launched 40 drones overnight, Mykola Oleshchuk, Ukraine's air force chief, said on Telegram.",
			mention: "Mykola Oleshchuk, Ukraine's air force chief", kind: news.SrcPerson, cue: "said", rel: RelAssert, count: 1,
			name: "Mykola Oleshchuk", role: "Ukraine's air force chief", content: "Russia launched 40 drones overnight"},
		{text: "Two Iraqi security officials told Reuters that the drones came from Iran.",
			mention: "Two Iraqi security officials", kind: news.SrcAnonymous, cue: "told Reuters", rel: RelAssert, count: 2,
			role: "security official", party: "Iraqi", content: "the drones came from Iran"},
		{text: "The strike killed five people, according to a Western military source.",
			mention: "a Western military source", kind: news.SrcAnonymous, cue: "according to", rel: RelAssert, count: 1,
			content: "The strike killed five people"},
		{text: "Russia's Defense Ministry said in a statement on Telegram that it had shot down 12 drones.",
			mention: "Russia's Defense Ministry", kind: news.SrcOrg, cue: "said in a statement on Telegram", rel: RelAssert, count: 1,
			party: "Russia", content: "it had shot down 12 drones"},
		{text: "The Kremlin denied that its troops had shelled the town.",
			mention: "The Kremlin", kind: news.SrcOrg, cue: "denied", rel: RelDeny, count: 1, content: "its troops had shelled the town"},
		{text: "Three commanders said the group was formed last year.",
			mention: "Three commanders", kind: news.SrcAnonymous, cue: "said", rel: RelAssert, count: 3},
		{text: "The army declined to comment.",
			mention: "The army", kind: news.SrcNoComment, cue: "declined to comment", rel: RelNoComment, party: "army"},
		{text: "The ministry did not immediately respond to a request for comment.",
			mention: "The ministry", kind: news.SrcNoComment, cue: "did not immediately respond to a request for comment", rel: RelNoComment},
		{text: "Hamas fighters crossed the border, the report said.",
			mention: "the report", kind: news.SrcDocument, cue: "said", rel: RelAssert, count: 1, content: "Hamas fighters crossed the border"},
		{text: "The town fell on Monday, reported Reuters.",
			mention: "Reuters", kind: news.SrcOutlet, cue: "reported", rel: RelAssert, count: 1, content: "The town fell on Monday"},
		{text: "“We will respond,” he said.",
			mention: "he", kind: news.SrcAnonymous, cue: "said", rel: RelAssert, count: 1, content: "“We will respond,”"},
		{text: "As reported by Reuters, the base was hit twice.",
			mention: "Reuters", kind: news.SrcOutlet, cue: "As reported by", rel: RelAssert, content: "the base was hit twice"},
		{text: "Officials say the convoy was ambushed.",
			mention: "Officials", kind: news.SrcAnonymous, cue: "say", rel: RelAssert, count: 2, content: "the convoy was ambushed",
			role: "official", party: "-"},
		// a country speaks as a state, also in several words
		{text: "The United States said it would resume cooperation with Ukraine.",
			mention: "The United States", kind: news.SrcOrg, cue: "said", rel: RelAssert, count: 1,
			name: "United States", party: "United States", content: "it would resume cooperation with Ukraine"},
		// a place in the role is not part of the name
		{text: "U.N. Resident Coordinator for Myanmar Andrew Kirkwood said the security forces have arrested at least 2,400 people.",
			mention: "U.N. Resident Coordinator for Myanmar Andrew Kirkwood", kind: news.SrcPerson, cue: "said", rel: RelAssert, count: 1,
			name: "Andrew Kirkwood", role: "U.N. Resident Coordinator for Myanmar"},
		// particles and articles inside names
		{text: "European Commission President Ursula von der Leyen has argued the bloc needs more money.",
			mention: "European Commission President Ursula von der Leyen", kind: news.SrcPerson, cue: "has argued", rel: RelAssert,
			name: "Ursula von der Leyen", role: "European Commission President"},
		{text: "The talks failed, al-Bunni said.",
			mention: "al-Bunni", kind: news.SrcPerson, cue: "said", rel: RelAssert, name: "al-Bunni", content: "The talks failed"},
		{text: "Al-Shabab claimed responsibility for the blast.",
			mention: "Al-Shabab", kind: news.SrcOrg, cue: "claimed responsibility for", rel: RelAssert, content: "the blast"},
		// a subject with an apposition between dashes
		{text: "Al-Sharaa — leader of the Islamist Hayat Tahrir al-Sham — said after the ceremony that he hoped the document would mark a new history.",
			mention: "Al-Sharaa", kind: news.SrcPerson, cue: "said", rel: RelAssert, name: "Al-Sharaa"},
		// claims of responsibility
		{text: "The BLA took credit for attacking a military vehicle.",
			mention: "The BLA", kind: news.SrcOrg, cue: "took credit for", rel: RelAssert, name: "BLA", content: "attacking a military vehicle"},
		// a role of an organisation is a person of it
		{text: "A spokesperson for the U.S. State Department told VOA that the ship was sanctioned.",
			mention: "A spokesperson for the U.S. State Department", kind: news.SrcAnonymous, cue: "told VOA", rel: RelAssert, count: 1,
			role: "spokesperson", party: "U.S. State Department"},
		{text: "Two told Reuters the base was hit.",
			mention: "Two", cue: "told Reuters", rel: RelAssert, kind: news.SrcAnonymous, count: 2},
		// a country or an organisation "of" somewhere is no person
		{text: "The Democratic Republic of Congo said the rebels had withdrawn.",
			mention: "The Democratic Republic of Congo", kind: news.SrcOrg, cue: "said", rel: RelAssert, name: "Democratic Republic of Congo"},
		{text: "Islamic Jihad of Palestine said it fired rockets.",
			mention: "Islamic Jihad of Palestine", kind: news.SrcOrg, cue: "said", rel: RelAssert},
		// "be" and a state or "quoted": the subject speaks
		{text: "Putin was quoted as saying the war would go on.",
			mention: "Putin", cue: "was quoted", rel: RelAssert, kind: news.SrcOrg},
		{text: "Officials are worried that the truce will fail.",
			mention: "Officials", kind: news.SrcAnonymous, cue: "are worried", rel: RelAssert, content: "the truce will fail"},
		// a pronoun is not the object named before it
		{text: "Asked about Vladimir Putin, he said the war would end.",
			mention: "he", kind: news.SrcAnonymous, cue: "said", rel: RelAssert, name: "he"},
		{text: "Ships were hit in the Red Sea. He said the navy would respond.",
			mention: "He", kind: news.SrcAnonymous, cue: "said", rel: RelAssert, name: "He"},
		{text: "Another said: “We no longer meet.”",
			mention: "Another", kind: news.SrcAnonymous, cue: "said", rel: RelAssert, count: 1},
		{text: "Somalia's ambassador to Kenya, Mohamud Ahmed Nur, accuses Kenya of politicizing refugee affairs.",
			mention: "Somalia's ambassador to Kenya, Mohamud Ahmed Nur", kind: news.SrcPerson, cue: "accuses", rel: RelAssert,
			name: "Mohamud Ahmed Nur", role: "Somalia's ambassador to Kenya", content: "Kenya of politicizing refugee affairs"},
		// a full name, then where the person is from
		{text: "The report is out, Sirio Canos-Donnay from the Spanish National Research Council told VOA.",
			mention: "Sirio Canos-Donnay from the Spanish National Research Council", kind: news.SrcPerson, cue: "told VOA", rel: RelAssert,
			name: "Sirio Canos-Donnay", role: "Spanish National Research Council"},
		{text: "John Smith of Human Rights Watch said the strike killed 12.",
			mention: "John Smith of Human Rights Watch", kind: news.SrcPerson, cue: "said", rel: RelAssert,
			name: "John Smith", role: "Human Rights Watch"},
		// "Un" is a name, "UN" the United Nations; a proper name is one body
		{text: "North Korean leader Kim Jong Un asked for more shells.",
			mention: "North Korean leader Kim Jong Un", kind: news.SrcPerson, cue: "asked", rel: RelAssert,
			name: "Kim Jong Un", role: "North Korean leader"},
		{text: "Doctors Without Borders said the hospital was hit.",
			mention: "Doctors Without Borders", kind: news.SrcOrg, cue: "said", rel: RelAssert, count: 1},
		{text: "Western governments said the vote was flawed.",
			mention: "Western governments", kind: news.SrcOrg, cue: "said", rel: RelAssert, count: 2},
		// a pronoun with no source before it: the person last named
		{text: "Lauren McGowan works in a bar in the nearby city of Cessnock. “Everyone is a bit on edge,” she said.",
			mention: "she", kind: news.SrcPerson, cue: "said", rel: RelAssert, name: "Lauren McGowan"},
		{text: "When Naveeda Khoshbo published her book, she received praise. “It was the first time,” she said.",
			mention: "she", kind: news.SrcPerson, cue: "said", rel: RelAssert, name: "Naveeda Khoshbo"},
		{text: "Jimmy Lai founded Apple Daily. Lai, founder of the Apple Daily newspaper in Hong Kong, faces trial. He rejects the charges.",
			mention: "He", kind: news.SrcPerson, cue: "rejects", rel: RelDeny},
		// a short clause after the cue is its content, not what precedes
		{text: "In the operation that lasted more than 30 hours, the Pakistan military said it killed 33 BLA terrorists.",
			mention: "the Pakistan military", kind: news.SrcOrg, cue: "said", rel: RelAssert, content: "it killed 33 BLA terrorists"},
		// a participle's subject, an article name included
		{text: "Iraqi Prime Minister Mohammed Shia al-Sudani was first to share word of the strike, announcing on social media Friday that the intelligence service eliminated him.",
			mention: "Iraqi Prime Minister Mohammed Shia al-Sudani", kind: news.SrcPerson, cue: "announcing", rel: RelAssert,
			name: "Mohammed Shia al-Sudani", role: "Iraqi Prime Minister"},
		// a clause before the pronoun is not part of the subject
		{text: "Michel Barnier, too, was a strong advocate of Schengen and during Brexit negotiations he emphasized that the four freedoms are indivisible.",
			mention: "he", kind: news.SrcPerson, cue: "emphasized", rel: RelAssert, name: "Michel Barnier"},
		// a clause before "and" is not the subject
		{text: "The Pakistan army was on high alert and the military said it killed 12 militants.",
			mention: "the military", kind: news.SrcOrg, cue: "said", rel: RelAssert},
		// a full name takes any description between commas, and the
		// quotation before it is this source's, not the last speaker's
		{text: "“China is two to three months behind,” Jeffrey Towson, owner of Beijing-based TechMoat Consulting, told VOA.",
			mention: "Jeffrey Towson, owner of Beijing-based TechMoat Consulting", kind: news.SrcPerson, cue: "told VOA", rel: RelAssert, count: 1,
			name: "Jeffrey Towson", role: "owner of Beijing-based TechMoat Consulting", content: "“China is two to three months behind,”"},
		{text: "“China has the most elaborate AI strategy,” Rogier Creemers, assistant professor in Modern Chinese Studies at Leiden University in the Netherlands, told VOA.",
			mention: "Rogier Creemers, assistant professor in Modern Chinese Studies at Leiden University in the Netherlands", kind: news.SrcPerson, cue: "told VOA", rel: RelAssert,
			name: "Rogier Creemers", role: "assistant professor in Modern Chinese Studies at Leiden University in the Netherlands"},
		{text: "“Alpha,” Ann Lee told VOA.\n\n“Bravo,” Jeffrey Towson, the owner of a consultancy, said.",
			mention: "Jeffrey Towson, the owner of a consultancy", kind: news.SrcPerson, cue: "said", rel: RelAssert,
			name: "Jeffrey Towson", role: "owner of a consultancy", content: "“Bravo,”"},
		// a named plan or strategy is a document, not a person
		{text: "The government's Next Generation Artificial Intelligence Development Plan said that AI would be adopted across different sectors.",
			mention: "The government's Next Generation Artificial Intelligence Development Plan", kind: news.SrcDocument, cue: "said", rel: RelAssert, count: 1},
		{text: "The National Security Strategy said that China is the main threat.",
			mention: "The National Security Strategy", kind: news.SrcDocument, cue: "said", rel: RelAssert},
		// a heading run into its sentence is not the participle's subject
		{text: "He said it was good. Communist Party control Chinese President Xi Jinping recently convened a meeting with heads of private companies, calling on them to work harder.",
			mention: "Chinese President Xi Jinping", kind: news.SrcPerson, cue: "calling", rel: RelAssert, name: "Xi Jinping", role: "Chinese President"},
		// an aside is not a description
		{text: "“We will stay,” Jeffrey Towson, on Tuesday, said.",
			mention: "Jeffrey Towson", kind: news.SrcPerson, cue: "said", rel: RelAssert, name: "Jeffrey Towson", role: "-"},
		// a report verb ends the subject of the next cue
		{text: "Abdi says she replied that she was not al-Shabab.",
			mention: "she", kind: news.SrcAnonymous, cue: "replied", rel: RelAssert, name: "she", content: "she was not al-Shabab"},
	}
	x := New(Options{})
	for _, tt := range tests {
		attrs := x.Extract(tt.text, time.Time{})
		var a *news.Attribution
		for i := range attrs {
			if tt.text[attrs[i].Source.Start:attrs[i].Source.End] == tt.mention {
				a = &attrs[i]
				break
			}
		}
		if a == nil {
			t.Errorf("%q: no source %q in %+v", tt.text, tt.mention, attrs)
			continue
		}
		s := a.Source
		if s.Kind != tt.kind || a.Cue.Text != tt.cue || a.Relation != tt.rel {
			t.Errorf("%q: kind %q cue %q rel %q, want %q %q %q", tt.text, s.Kind, a.Cue.Text, a.Relation, tt.kind, tt.cue, tt.rel)
		}
		if tt.count != 0 && s.Count != tt.count {
			t.Errorf("%q: count %d, want %d", tt.text, s.Count, tt.count)
		}
		if tt.name != "" && s.Text != tt.name {
			t.Errorf("%q: name %q, want %q", tt.text, s.Text, tt.name)
		}
		if tt.role == "-" && s.Role != "" {
			t.Errorf("%q: role %q, want none", tt.text, s.Role)
		}
		if tt.role != "" && tt.role != "-" && s.Role != tt.role {
			t.Errorf("%q: role %q, want %q", tt.text, s.Role, tt.role)
		}
		if tt.party == "-" && s.Party != "" {
			t.Errorf("%q: party %q, want none", tt.text, s.Party)
		}
		if tt.party != "" && tt.party != "-" && s.Party != tt.party {
			t.Errorf("%q: party %q, want %q", tt.text, s.Party, tt.party)
		}
		if tt.content != "" && a.Content.Text != tt.content {
			t.Errorf("%q: content %q, want %q", tt.text, a.Content.Text, tt.content)
		}
	}
}

// TestNoClaim holds sentences with no attribution, though they have the
// words of one.
func TestNoClaim(t *testing.T) {
	for _, text := range []string{
		"No group has claimed responsibility for the attack.",
		"None of the officials said when the talks would resume.",
		"Neither China nor Thailand has explained why the men were sent back.",
		"The publisher stands accused of sedition under the security law.",
		// a participle's responsibility is its clause's subject's
		"Rebels seized the town, taking full responsibility for the offensive.",
		"The train, with roughly 450 people on board, came under attack while passing through a tunnel.",
		// passives: the subject is not who speaks
		"The two countries were to sign a deal, although that was called off after the leaders disagreed.",
		"In December, Steve Biegun, who served as the special representative for North Korea, was confirmed as the Deputy Secretary of State.",
		// an opening participle says why, not who speaks
		"Encouraged by the enthusiastic reception to its platform, China's leaders are going all out to back AI companies.",
		// a noun, and no one after the cue
		`Mhlanga, who faces two charges relating to "transmitting of data," denies the charges against him.`,
	} {
		if attrs := New(Options{}).Extract(text, time.Time{}); len(attrs) != 0 {
			t.Errorf("%q: %d claims, want none: %+v", text, len(attrs), attrs)
		}
	}
}

// TestTaggedSources checks the filters on the tagger's sources: a lone
// modifier, a clause, a negated subject cannot speak.
func TestTaggedSources(t *testing.T) {
	tests := []struct {
		text, src             string
		lone, clause, negated bool
	}{
		{"Europeans are divided over their own defense industry.", "their", true, false, false},
		{"Other U.N. reports have identified him.", "Other", true, false, false},
		{"His remarks prompted lively tweets from reporters.", "lively", true, false, false},
		{"They just wanted peace.", "just", true, false, false},
		{"The deal, although that was called off, stands.", "that was", false, true, false},
		{"No group has claimed responsibility.", "group", false, false, true},
		{"None of the officials said when.", "officials", false, false, true},
		{"The Iraqi security officials said so.", "The Iraqi security officials", false, false, false},
		{"The ruling party said so.", "The ruling party", false, true, false},
	}
	for _, tt := range tests {
		d := patternsDoc(t, tt.text)
		r := d.tokSpan(tt.src)
		if got := d.loneModifier(r); got != tt.lone {
			t.Errorf("%q: loneModifier %v, want %v", tt.src, got, tt.lone)
		}
		c := r[1] // the verb after the source, past auxiliaries
		for c+1 < len(d.toks) && detAux[d.toks[c].low] {
			c++
		}
		cue := [2]int{c, c + 1}
		if got := d.clauseFragment(r) || !d.taggedSane(cue, r); got != tt.clause {
			t.Errorf("%q: a clause %v, want %v", tt.src, got, tt.clause)
		}
		if got := d.negatedSubject(r); got != tt.negated {
			t.Errorf("%q: negatedSubject %v, want %v", tt.src, got, tt.negated)
		}
	}
}

func TestIsDigits(t *testing.T) {
	for s, want := range map[string]bool{"2,400": true, "12": true, ",": false, "": false, "two": false, "1a": false} {
		if got := isDigits(s); got != want {
			t.Errorf("isDigits(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestInvertedSpeaker checks which phrases after a cue can be its source.
func TestInvertedSpeaker(t *testing.T) {
	text := "They reiterated the claim, a charge Afghan officials rejected, said Reuters, said a spokesman, according to court documents and one."
	d := patternsDoc(t, text)
	for src, want := range map[string]bool{"charge Afghan": false, "a charge Afghan": false, "a spokesman": true, "Reuters": true, "court documents": true, "one": true} {
		if got := d.invertedSpeaker(d.tokSpan(src)); got != want {
			t.Errorf("%q: %v, want %v", src, got, want)
		}
	}
}

// TestParticipleIsNoInvertedSource: in "Hamas, accused by Israel of
// killing ..., denied" the phrase after "accused" is no speaker ("by Israel
// of killing three hostages"); Hamas denies.
func TestParticipleIsNoInvertedSource(t *testing.T) {
	text := "Hamas, accused by Israel of killing three hostages, denied the charge on Monday."
	deny := false
	for _, a := range New(Options{}).Extract(text, time.Time{}) {
		if strings.HasPrefix(a.Source.Text, "by ") {
			t.Errorf("a preposition speaks: %+v", a)
		}
		deny = deny || a.Source.Text == "Hamas" && a.Relation == RelDeny
	}
	if !deny {
		t.Error("no denial by Hamas")
	}
}

// TestDashIsNoSpeaker checks that a dash is never a source.
func TestDashIsNoSpeaker(t *testing.T) {
	text := "The attack — the deadliest this year — said nothing about the talks, officials said."
	for _, a := range New(Options{}).Extract(text, time.Time{}) {
		if strings.Trim(a.Source.Text, "—– ") == "" && a.Source.Text != "" {
			t.Errorf("a dash speaks: %+v", a)
		}
	}
}

// TestWholeName checks that a tagged source cut inside a name is widened
// to the whole name and its title, and no further.
func TestWholeName(t *testing.T) {
	tests := []struct{ text, src, cue, want string }{
		{"Iraqi Prime Minister Mohammed Shia al-Sudani was first to share word of the strike.", "Minister Mohammed", "to share",
			"Iraqi Prime Minister Mohammed Shia al-Sudani"},
		{"Other U.N. intelligence reports have identified him.", "Other", "have identified", "Other"},
		{"The envoy said so.", "envoy", "said", "envoy"},
	}
	for _, tt := range tests {
		d := patternsDoc(t, tt.text)
		r := d.wholeName(d.tokSpan(tt.src), d.tokSpan(tt.cue))
		b := d.tokBytes(r)
		if got := tt.text[b[0]:b[1]]; got != tt.want {
			t.Errorf("%q: %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestTaggedCues checks the filters on the tagger's cues: passives and
// words that say nothing are no cue.
func TestTaggedCues(t *testing.T) {
	tests := []struct {
		text, cue       string
		passive, sayNot bool
	}{
		{"An emergency was declared in the city.", "was declared", true, false},
		{"He is expected to win.", "expected", true, false},
		{"The trial was originally estimated to last 80 days.", "originally estimated", true, false},
		{"The militia said it was ready.", "said", false, false},
		{"Officials almost agreed.", "almost", false, true},
		{"Pilots for the airline walked out.", "for", false, true},
		{"Critics voiced support for the plan.", "support", false, false},
	}
	for _, tt := range tests {
		d := patternsDoc(t, tt.text)
		c := d.tokSpan(tt.cue)
		if got := d.passiveCue(c); got != tt.passive {
			t.Errorf("%q: passiveCue %v, want %v", tt.cue, got, tt.passive)
		}
		if got := !d.taggedSane(c, [2]int{0, 1}); got != tt.sayNot {
			t.Errorf("%q: says nothing %v, want %v", tt.cue, got, tt.sayNot)
		}
	}
}

// TestCaveatContent: a caveat doubts the claim in its own sentence or the
// one before, or the sentence before when it opens with what it doubts.
func TestCaveatContent(t *testing.T) {
	tests := []struct{ text, content string }{
		{"The military said it killed 33 militants, but the figure could not be independently verified.", "it killed 33 militants"},
		{"Hamas said Israeli strikes killed 40 people on Monday.\n\nIn Syria, militants ambushed an army convoy near Palmyra on Wednesday, killing 12 soldiers. Reuters could not independently verify the death toll.",
			"In Syria, militants ambushed an army convoy near Palmyra on Wednesday, killing 12 soldiers."},
	}
	for _, tt := range tests {
		found := false
		for _, a := range New(Options{}).Extract(tt.text, time.Time{}) {
			if a.Relation == RelCaveat {
				found = true
				if a.Content.Text != tt.content {
					t.Errorf("%q: caveat on %q, want %q", tt.text, a.Content.Text, tt.content)
				}
			}
		}
		if !found {
			t.Errorf("%q: no caveat", tt.text)
		}
	}
}

func TestCaveat(t *testing.T) {
	text := "The militia said it had downed a US drone. The claim could not be independently verified."
	attrs := New(Options{}).Extract(text, time.Time{})
	for _, a := range attrs {
		if a.Relation == RelCaveat {
			if a.Content.Text != "it had downed a US drone" || a.Source.Kind != news.SrcOutlet {
				t.Errorf("caveat on %q by %+v", a.Content.Text, a.Source)
			}
			return
		}
	}
	t.Errorf("no caveat in %+v", attrs)
}

func TestSourcesGroupNotCountedTwice(t *testing.T) {
	text := "The militia is growing, an Iraqi security official said. A second Iraqi security official said the militia is growing. The militia is growing, the Iraqi security officials said."
	attrs := New(Options{NoTagger: true}).Extract(text, time.Time{})
	srcs := Sources(attrs, news.Span{Start: 0, End: len(text)})
	if n := Corroboration(srcs); n != 2 {
		t.Errorf("corroboration %d, want 2: %+v", n, srcs)
	}
}

// patternsDoc reads text with the patterns, as the tests of single rules
// need it.
func patternsDoc(t *testing.T, text string) *doc {
	t.Helper()
	d := &doc{text: text}
	if !d.patterns() {
		t.Fatalf("%q: no tokens", text)
	}
	return d
}

// tokSpan returns the token range of the first occurrence of sub in the
// document's text.
func (d *doc) tokSpan(sub string) [2]int {
	i := strings.Index(d.text, sub)
	r := [2]int{d.tokAt(i), d.tokAt(i)}
	for r[1] < len(d.toks) && d.toks[r[1]].end <= i+len(sub) {
		r[1]++
	}
	return r
}

func TestRoleBody(t *testing.T) {
	for _, tt := range []struct{ role, body string }{
		{"head of US Central Command", "US Central Command"},
		{"director general of the Pakistani military's media wing Inter Services Public Relations", "Pakistani military"},
		// a country's association is not the country
		{"president of Cameroon's Interprofessional Association of Poultry Farmers", "Cameroon's Interprofessional Association of Poultry Farmers"},
		{"Taliban spokesman", ""},
		// nothing before the possessive (text with doubled spaces)
		{"head of  's men", "'s men"},
	} {
		if got := roleBody(tt.role); got != tt.body {
			t.Errorf("roleBody(%q) = %q, want %q", tt.role, got, tt.body)
		}
	}
}

// TestRoleSpeaksForBody checks that a person with an official role "of" a
// party speaks for it when the name itself resolves to no one.
func TestRoleSpeaksForBody(t *testing.T) {
	res := fakeResolver{"Pakistani military": {Name: "Military Forces of Pakistan", Kind: news.KindStateForces, Country: "PK"}}
	text := "Ahmed Sharif Chaudhry, director general of the Pakistani military's media wing, said the army killed 33 militants."
	attrs := New(Options{Resolver: res}).Extract(text, time.Time{})
	if len(attrs) == 0 || attrs[0].Source.Actor == nil || attrs[0].Source.Actor.Name != "Military Forces of Pakistan" {
		t.Fatalf("want the source to speak for the Pakistani military: %+v", attrs)
	}
}
