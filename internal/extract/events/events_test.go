package events

import (
	"context"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/actors"
	"github.com/sitrep-osint/sitrep/internal/extract/attribution"
	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want Number
		ok   bool
	}{
		{"64", Number{Value: 64}, true},
		{"1,000", Number{Value: 1000}, true},
		{"at least 250", Number{Value: 250, AtLeast: true}, true},
		{"at least one", Number{Value: 1, AtLeast: true}, true},
		{"almost 40%", Number{Value: 40, Approx: true, Percent: true}, true},
		{"50 percent", Number{Value: 50, Percent: true}, true},
		{"two", Number{Value: 2}, true},
		{"twenty-five", Number{Value: 25}, true},
		{"one hundred and twenty", Number{Value: 120}, true},
		{"three thousand", Number{Value: 3000}, true},
		{"2.5 million", Number{Value: 2.5e6}, true},
		{"dozens", Number{Value: 24, Max: 99, Approx: true}, true},
		{"hundreds", Number{Value: 200, Max: 999, Approx: true}, true},
		{"a dozen", Number{Value: 12, Approx: true}, true},
		{"more than 100", Number{Value: 100, AtLeast: true}, true},
		{"about 30", Number{Value: 30, Approx: true}, true},
		{"half", Number{Value: 50, Percent: true}, true},
		{"several", Number{}, false},
		{"drones", Number{}, false},
		{"", Number{}, false},
		{"64 drones", Number{}, false},
	}
	for _, tc := range tests {
		got, ok := ParseNumber(tc.in)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("ParseNumber(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"at least 250", "almost 40%", "1,000", "dozens", "twenty-five", "one hundred and twenty", "3.2%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseNumber(s)
		if !ok {
			return
		}
		if math.IsNaN(n.Value) || n.Value < 0 || n.Max != 0 && n.Max < n.Value {
			t.Fatalf("ParseNumber(%q) = %+v", s, n)
		}
	})
}

var thu = time.Date(2025, 7, 17, 0, 0, 0, 0, time.UTC)

// extractOne runs the extractor on one sentence.
func extractOne(t *testing.T, text string) []news.Event {
	t.Helper()
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x.Extract(&news.Article{ID: "t", Text: text, Published: thu})
}

// registryExtractor is an extractor that finds actors with the bundled
// actor registry, for tests of who did what.
func registryExtractor(t *testing.T) *Extractor {
	t.Helper()
	reg, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(Options{Actors: RegistryActors{Registry: reg}})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func find(evs []news.Event, sub string) *news.Event {
	for i := range evs {
		if evs[i].Subtype == sub {
			return &evs[i]
		}
	}
	return nil
}

func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		sub  string
		want map[string]float64
	}{
		{"Russia attacked Ukraine with 64 Shahed and decoy drones overnight, killing at least one person.", SubAirDrone, map[string]float64{"launched": 64, "killed": 1}},
		{"Russian air defenses shot down 122 Ukrainian drones overnight.", SubDisrupted, map[string]float64{"intercepted": 122}},
		{"Gunmen fired two armed drones at the base, wounding three soldiers.", SubAirDrone, map[string]float64{"launched": 2, "injured": 3}},
		{"Militants fired dozens of Katyusha rockets at the city on Monday.", SubShelling, map[string]float64{"launched": 24}},
		{"Russia on Thursday sent to Ukraine 1,000 bodies, the headquarters said.", SubExchange, map[string]float64{"bodies": 1000}},
		{"The Swiss Defense Ministry ordered five Patriot systems in 2022.", SubArms, map[string]float64{"systems": 5}},
		{"Police arrested 14 protesters in Baghdad on Monday.", SubArrests, map[string]float64{"detained": 14}},
		{"Ukraine's defense manufacturing accounts for almost 40% of weapons used by the military.", SubProduction, map[string]float64{"share": 40}},
		{"A car bomb exploded in Bogota on Monday, killing four people and injuring 35.", SubIED, map[string]float64{"killed": 4, "injured": 35}},
		{"A prominent journalist has been killed in a car bomb explosion in Beirut.", SubIED, map[string]float64{"killed": 1}},
		{"A Palestinian prisoner died as a result of torture in Israeli police custody.", SubAttack, map[string]float64{"killed": 1}},
		{"British aircraft using guided missiles killed 4 Iraqis in an attack on a depot in Basra.", SubAirDrone, map[string]float64{"killed": 4}},
		{"Those attacks caused no casualties, officials said on Monday in Kyiv after drones struck.", SubAirDrone, map[string]float64{"killed": 0}},
		{"The attack on the market killed at least 12 people and wounded 30, officials said, while others said 15 died.", SubAttack, map[string]float64{"killed": 12, "injured": 30}},
		// Groups joined by "and" add up; a passive after a relative clause
		// tells the subject's fate; "another 30 were wounded".
		{"On 16 November six Jesuit priests and two women who worked for them were brutally assassinated.", SubAttack, map[string]float64{"killed": 8}},
		{"TWO POLICEMEN GUARDING THE CONSULATE IN MEDELLIN WERE KILLED TODAY BY UNIDENTIFIED GUNMEN.", SubAttack, map[string]float64{"killed": 2}},
		{"At least 16 members of the patrol died and another 30 were wounded during an attack by a Shining Path column.", SubAttack, map[string]float64{"killed": 16, "injured": 30}},
		{"Shining Path members murdered 19 people, including 10 children, in a village near Huancayo.", SubAttack, map[string]float64{"killed": 19}},
		{"There was the attack on workers in which 10 workers died and 31 were injured.", SubAttack, map[string]float64{"killed": 10, "injured": 31}},
		{"On 23 September 28 bodies of alleged peasants were found near the town of Chullas.", SubAttack, map[string]float64{"killed": 28}},
	}
	for _, tc := range tests {
		ev := find(extractOne(t, tc.text), tc.sub)
		if ev == nil {
			t.Errorf("%q: no %s event", tc.text, tc.sub)
			continue
		}
		for k, v := range tc.want {
			if got, ok := ev.Quantities[k]; !ok || got != v {
				t.Errorf("%q: %s = %v (present %v), want %v; all %v", tc.text, k, got, ok, v, ev.Quantities)
			}
		}
	}
}

// TestFigureParts covers casualties told in a sentence of their own, asides
// between a count and its verb, additive groups, and breakdowns, which are
// kept as parts and never counted into the quantities.
func TestFigureParts(t *testing.T) {
	type part struct {
		what  string
		value float64
	}
	tests := []struct {
		text  string
		sub   string
		want  map[string]float64
		parts []part
	}{
		{"A bomb exploded at the police station in Bogota on Monday. Two people were injured.", SubIED, map[string]float64{"injured": 2}, nil},
		{"A car bomb exploded in Bogota on Monday, killing four people. The police said six people were killed.", SubIED, map[string]float64{"killed": 4}, nil},
		{"A military spokesman said one civilian was killed and five other people, including a policeman, were injured by a grenade thrown at a patrol car.", SubGrenade, map[string]float64{"killed": 1, "injured": 5}, nil},
		{"Guerrillas killed the mayor of the small town of Hostigal, as well as two peasants, the press reported.", SubAttack, map[string]float64{"killed": 3}, nil},
		{"Shining Path members murdered 19 people, including 10 children, in a village near Huancayo.", SubAttack, map[string]float64{"killed": 19}, []part{{"killed", 10}}},
		{"One soldier was killed and six more persons were injured, including three newsmen, in an attack on a helicopter.", SubAttack, map[string]float64{"killed": 1, "injured": 6}, []part{{"injured", 3}}},
		{"There was fierce fighting in Zacatecoluca today and 13 bodies were seen on the streets; eight guerrillas, four soldiers, and a civilian.", SubArmedClash, map[string]float64{"bodies": 13}, []part{{"killed", 8}, {"killed", 4}}},
		{"Rebels killed five soldiers in an attack in Kharkiv; three civilians were wounded in Kherson.", SubAttack, map[string]float64{"killed": 5, "injured": 3}, nil},
		{"The officer was involved in the murder of six Jesuits and their two maids.", SubAttack, map[string]float64{"killed": 8}, nil},
		{"Larios rejected the charges of masterminding the killing of the six Jesuits, five of whom were Spaniards, and two women.", SubAttack, map[string]float64{"killed": 8}, []part{{"killed", 5}}},
		{"Six Jesuits (five Spaniards and one Salvadoran) and two women were killed in San Salvador by a group of men in uniform.", SubAttack, map[string]float64{"killed": 8}, []part{{"killed", 5}, {"killed", 1}}},
		{"MAOIST GUERRILLAS HAVE KILLED THE MAYOR OF THE SMALL TOWN OF HOSTIGAL, AS WELL AS TWO PEASANTS, THE LOCAL PRESS REPORTED TODAY.", SubAttack, map[string]float64{"killed": 3}, nil},
		{"The army has not ruled out that the killers of the six Jesuit priests were soldiers.", SubAttack, map[string]float64{"killed": 6}, nil},
		{"The bishop said the names of the persons reportedly involved in the six Jesuits' slaying were revealed in San Salvador.", SubAttack, map[string]float64{"killed": 6}, nil},
		{"Two policemen who were acting as her bodyguards and a private citizen were wounded in the attack on the senator's car.", SubAttack, map[string]float64{"injured": 2}, nil},
		{"On 11 February, one adult and four minors were killed and 16 others were wounded when an air force helicopter strafed a camp.", SubAirDrone, map[string]float64{"killed": 5, "injured": 16}, nil},
		{"A bomb exploded at the police station in Medellin on Monday, injuring eight people. The police said that 10 other people were also injured.", SubIED, map[string]float64{"injured": 8}, nil},
		{"They are suspected of the assassination of the rector Ignacio Ellacuria, five other Jesuits, and two women in San Salvador.", SubAttack, map[string]float64{"killed": 7}, nil},
		{"A bomb exploded under a bus in Lima on Monday. According to radio reports 12 soldiers were injured in the attack.", SubIED, map[string]float64{"injured": 12}, nil},
		{"An airliner exploded in midair near Bogota on Monday, and rescue teams recovered 107 bodies of the victims.", SubIED, map[string]float64{"killed": 107}, nil},
		{"Officials said the death toll had risen to at least 63 from Saturday's bomb blast outside a girls' school in Kabul.", SubIED, map[string]float64{"killed": 63}, nil},
		{"A suicide bomber detonated her explosive devices near a military convoy in Kalat, killing at least one security worker and injuring four others.", SubSuicide, map[string]float64{"killed": 1, "injured": 4}, nil},
		{"Security sources said a Pakistani military operation near Sibi rescued 190 passengers and killed 30 terrorists on Wednesday.", SubArmedClash, map[string]float64{"killed": 30}, nil},
		{"Security sources said gunmen in Bolan were holding hostages in three different places on Wednesday.", SubAbduction, map[string]float64{}, nil},
		{"The general said 18 off-duty military and paramilitary Frontier Corps personnel, three railway staff and five civilian passengers were among those killed in the attack on the train.", SubAttack, map[string]float64{"killed": 26}, nil},
		{"The nine U.S. soldiers from Palmerola base were on a recreational visit and were wounded when a homemade bomb exploded.", SubIED, map[string]float64{"injured": 9}, nil},
		{"A homemade bomb exploded in La Ceiba. Seven of the nine soldiers were wounded, three of the soldiers are in grave condition.", SubIED, map[string]float64{"injured": 7}, []part{{"injured", 3}}},
		{"They said the recent kidnapping of 12 student leaders, out of which 5 were later found murdered, was carried out by the army.", SubAbduction, map[string]float64{"abducted": 12, "killed": 5}, nil},
		{"Since 21 August, when the campaign of kidnappings and murders began, of the 16 members of the board, three were murdered, seven are still missing.", SubAttack, map[string]float64{"killed": 3}, nil},
		{"A car bomb exploded outside the police headquarters in Bogota on Wednesday. The authorities also confirmed that the number of victims is 59 and not 62.", SubIED, map[string]float64{"killed": 59}, nil},
		{"A car bomb exploded outside the police headquarters in Bogota on Wednesday. The number of dead has risen to 12.", SubIED, map[string]float64{"killed": 12}, nil},
		{"A car bomb exploded outside the police headquarters in Bogota on Wednesday. The bus was bought by a man from Medellin. He used false documents. Two suspects were released. The number of victims is 59.", SubIED, map[string]float64{"killed": 59}, nil},
	}
	for _, tc := range tests {
		ev := find(extractOne(t, tc.text), tc.sub)
		if ev == nil {
			t.Errorf("%q: no %s event", tc.text, tc.sub)
			continue
		}
		if !maps.Equal(ev.Quantities, tc.want) {
			t.Errorf("%q: quantities %v, want %v", tc.text, ev.Quantities, tc.want)
		}
		var parts []part
		for _, f := range ev.Figures {
			if f.Part {
				parts = append(parts, part{f.What, f.Value})
			}
		}
		if !slices.Equal(parts, tc.parts) {
			t.Errorf("%q: parts %v, want %v", tc.text, parts, tc.parts)
		}
	}
}

func TestFigureSources(t *testing.T) {
	evs := extractOne(t, "The attack on the market killed at least 12 people, officials said. Rebels said 15 died in the attack on the market.")
	ev := find(evs, SubAttack)
	if ev == nil {
		t.Fatal("no attack")
	}
	if ev.Quantities["killed"] != 12 {
		t.Errorf("killed = %v, want the conservative 12", ev.Quantities["killed"])
	}
	got := map[float64]string{}
	for _, f := range ev.Figures {
		got[f.Value] = f.Source
	}
	if got[12] != "officials" || got[15] != "Rebels" {
		t.Errorf("figure sources %v, want 12 from officials and 15 from Rebels", got)
	}
}

func TestDozensKeepsRange(t *testing.T) {
	ev := find(extractOne(t, "Militants fired dozens of Katyusha rockets at the city on Monday."), SubShelling)
	if ev == nil || len(ev.Figures) == 0 {
		t.Fatal("no figure")
	}
	f := ev.Figures[0]
	if f.Value != 24 || f.Max != 99 || !f.Approx {
		t.Errorf("dozens = %+v, want 24..99 approx", f)
	}
}

func TestWeapons(t *testing.T) {
	tests := []struct{ text, sub, weapon string }{
		{"Russia attacked Ukraine with 64 Shahed and decoy drones overnight.", SubAirDrone, "Shahed and decoy drones"},
		{"Russia fired Iskander-M ballistic missiles at Kharkiv on Monday.", SubShelling, "Iskander-M ballistic missiles"},
		{"Militants fired Katyusha rockets at the Green Zone on Monday.", SubShelling, "Katyusha rockets"},
		{"The groups attacked Erbil airport in April using drones laden with explosives.", SubAirDrone, "drones laden with explosives"},
		{"A roadside bomb exploded near a convoy in Kandahar on Monday.", SubIED, "roadside bomb"},
		// In text written in capitals every word looks like a name.
		{"THE SHINING PATH TERRORISTS HURLED EXPLOSIVES AT A MARKET IN HUARAZ, INJURING 15 PEOPLE.", SubIED, "EXPLOSIVES"},
	}
	for _, tc := range tests {
		ev := find(extractOne(t, tc.text), tc.sub)
		if ev == nil {
			t.Errorf("%q: no %s event", tc.text, tc.sub)
			continue
		}
		if ev.Weapon != tc.weapon {
			t.Errorf("%q: weapon %q, want %q", tc.text, ev.Weapon, tc.weapon)
		}
	}
}

func TestModality(t *testing.T) {
	tests := []struct{ text, sub, want string }{
		{"Russia attacked Ukraine with drones overnight.", SubAirDrone, news.ModReported},
		{"Russia will launch drones at Kyiv on Monday, the ministry warned.", SubAirDrone, news.ModPlanned},
		{"Ukraine plans to strike Russian airfields with drones next week.", SubAirDrone, news.ModPlanned},
		{"Iran may have fired missiles at the base on Monday.", SubShelling, news.ModPossible},
		{"Russia did not attack Kyiv with drones overnight.", SubAirDrone, news.ModNegated},
		{"Moscow denied that its drones struck the hospital on Monday.", SubAirDrone, news.ModDenied},
		{"He was killed last year by a US drone strike.", SubAirDrone, news.ModHistorical},
		{"Since 2009, hundreds of people have been killed in car bombings in the province.", SubIED, news.ModHistorical},
		{"China's presence in Russia remains several times smaller than that of Europe before Russia invaded Ukraine.", SubArmedClash, news.ModHistorical},
		{"Rebels attacked the base before dawn on Monday.", SubArmedClash, news.ModReported},
		{"Rubio said the United States hopes to resolve the pause in aid to Ukraine during talks Tuesday with Ukrainian officials in Jeddah.", SubMeeting, news.ModPlanned},
		{"On Tuesday, Rubio will join national security adviser Mike Waltz for the Jeddah talks with Ukrainian officials.", SubMeeting, news.ModPlanned},
		{"Russia said it plans to strike Ukrainian airfields with drones.", SubAirDrone, news.ModPlanned},
		{"Russian air defenses shot down 122 Ukrainian drones overnight, the Russian defence ministry said.", SubDisrupted, news.ModClaimed},
		{"Gunmen stormed the train in Bolan on Tuesday. The spokesperson said no passengers were killed during the operation.", SubAttack, news.ModNegated},
		{"Villagers in Boni say that if you are seen in the forest, you can be killed.", SubAttack, news.ModPossible},
		{"The army sealed border areas where rebels pass through when attacked by government troops in Bocaranga.", SubArmedClash, news.ModPossible},
		{"Ships carrying Iranian missile parts in the Gulf are at risk of interception by the US Navy.", SubDisrupted, news.ModPossible},
		{"There was no sign of the Golbon being intercepted by the US Navy in the Gulf on its voyage.", SubDisrupted, news.ModNegated},
		{"No one should be detained at Guantanamo Bay without charge, the senator said.", SubArrests, news.ModNegated},
		{"There is frustration in Ankara over President Barack Obama's failure to sell U.S. Patriot missiles to Turkey.", SubArms, news.ModNegated},
		{"Few know whether China transfers components for Russia's missiles to Moscow.", SubArms, news.ModPossible},
		{"Villagers in Boni say that if you are seen in the forest, you can still be killed.", SubAttack, news.ModPossible},
		{"Nigeria is seeing a wave of kidnappings of school children by criminal gangs seeking huge ransoms.", SubAbduction, news.ModHistorical},
		{"The separatist group has been fighting a deadly insurgency against the Pakistani state in Balochistan.", SubArmedClash, news.ModHistorical},
	}
	for _, tc := range tests {
		ev := find(extractOne(t, tc.text), tc.sub)
		if ev == nil {
			t.Errorf("%q: no %s event", tc.text, tc.sub)
			continue
		}
		if ev.Modality != tc.want {
			t.Errorf("%q: modality %q, want %q", tc.text, ev.Modality, tc.want)
		}
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		text, sub      string
		actor1, actor2 string
		roles          map[string]string // role → first name
	}{
		{"Russia attacked Ukraine with 64 drones overnight.", SubAirDrone, "Russia", "Ukraine", nil},
		{"Russian air defenses shot down 122 Ukrainian drones overnight.", SubDisrupted, "Russia military forces", "Ukraine", nil},
		{"Washington is diverting a Swiss order for Patriot air defense systems to help Ukraine.", SubArms, "United States", "Ukraine", map[string]string{"supplier": "United States", "recipient": "Ukraine"}},
		{"British Defense Secretary John Healey said Thursday he and his German counterpart Boris Pistorius will chair a meeting of the Ukraine Defense Contact Group on Monday.", SubMeeting, "Ukraine Defense Contact Group", "", map[string]string{"chair": "John Healey"}},
		{"Advisors from Iran's IRGC trained at least 250 fighters in Lebanon in 2020.", SubTraining, "Islamic Revolutionary Guard Corps", "fighters", map[string]string{"trainer": "Islamic Revolutionary Guard Corps"}},
		{"He said there were commitments from Germany, Finland and Canada to fund weapons for Ukraine.", SubArms, "", "Ukraine", map[string]string{"funder": "Germany"}},
		{"Passengers of a Pakistani train held hostage in Balochistan province described their ordeal on Wednesday as the military killed 33 terrorists.", SubAbduction, "", "", nil},
		{"Russia pounded Ukrainian cities with hundreds of drones on Tuesday.", SubAirDrone, "Russia", "Ukraine", nil},
		{"Assad was ousted in December 2024 but violence began March 6 in Syria's coastal region, where security forces clashed with fighters loyal to the former president.", SubArmedClash, "security forces", "fighters", nil},
	}
	for _, tc := range tests {
		ev := find(extractOne(t, tc.text), tc.sub)
		if ev == nil {
			t.Errorf("%q: no %s event", tc.text, tc.sub)
			continue
		}
		if name(ev.Actor1) != tc.actor1 || name(ev.Actor2) != tc.actor2 {
			t.Errorf("%q: actors %q / %q, want %q / %q", tc.text, name(ev.Actor1), name(ev.Actor2), tc.actor1, tc.actor2)
		}
		for role, want := range tc.roles {
			if len(ev.Roles[role]) == 0 || ev.Roles[role][0].Name != want {
				t.Errorf("%q: role %s = %v, want %q first", tc.text, role, ev.Roles[role], want)
			}
		}
	}
}

// TestNoAgentFromOtherClause: an attack told by a noun, or by a
// participle after its noun, takes no agent from another clause of the
// sentence, and stays an event.
func TestNoAgentFromOtherClause(t *testing.T) {
	tests := []struct {
		text, sub string
		what      string
		n         float64
		date      string
	}{
		{"The Taliban leader on Sunday praised the withdrawal of U.S. and NATO troops, as officials in Kabul raised the death toll to more than 60 from the previous day's multiple blasts outside a girls' school.",
			SubIED, "killed", 60, "2025-07-16"},
		{"Many Nigerians are expressing relief after more than 270 schoolgirls kidnapped in northwestern Zamfara state were freed by their captors Tuesday.",
			SubAbduction, "abducted", 270, ""},
	}
	for _, tc := range tests {
		ev := find(extractOne(t, tc.text), tc.sub)
		if ev == nil {
			t.Errorf("%q: no %s event", tc.text, tc.sub)
			continue
		}
		if ev.Actor1 != nil {
			t.Errorf("%q: actor1 %q from another clause", tc.text, ev.Actor1.Name)
		}
		if ev.Quantities[tc.what] != tc.n {
			t.Errorf("%q: quantities %v, want %s %v", tc.text, ev.Quantities, tc.what, tc.n)
		}
		if tc.date != "" && (ev.Date == nil || ev.Date.Value != tc.date) {
			t.Errorf("%q: date %+v, want %s", tc.text, ev.Date, tc.date)
		}
	}
	if ev := find(extractOne(t, "Gunmen kidnapped 20 students in Kaduna on Friday."), SubAbduction); ev == nil || ev.Actor1 == nil {
		t.Errorf("active voice lost its actor: %+v", ev)
	}
}

// TestPassiveVictim: the victims of "were killed" are its subject, not a
// person named earlier in the sentence.
func TestPassiveVictim(t *testing.T) {
	text := "U.N. Secretary-General Antonio Guterres strongly condemned the continuing brutality of the Myanmar military, as at least eight anti-coup demonstrators were killed Friday in the town of Aungban."
	evs := registryExtractor(t).Extract(&news.Article{ID: "t", Text: text, Published: thu})
	if len(evs) == 0 {
		t.Fatal("no event")
	}
	for _, ev := range evs {
		if ev.Actor2 != nil && strings.Contains(ev.Actor2.Name, "Guterres") {
			t.Errorf("%s: victim %q", ev.Subtype, ev.Actor2.Name)
		}
	}
}

func name(a *news.ActorRef) string {
	if a == nil {
		return ""
	}
	return a.Name
}

func TestDatelineIsNoPlace(t *testing.T) {
	ev := find(extractOne(t, "KYIV, Ukraine (AP) — Russia attacked Ukraine with 64 drones overnight, officials said."), SubAirDrone)
	if ev == nil {
		t.Fatal("no strike")
	}
	if ev.Place != nil {
		t.Errorf("place %q: the dateline is where the story was filed, not where the strike hit", ev.Place.Name)
	}
	if ev.Actor1 == nil || ev.Actor1.Name != "Russia" {
		t.Errorf("actor1 %v", ev.Actor1)
	}
}

func TestNothingInvented(t *testing.T) {
	for _, text := range []string{
		"The weather in Kyiv was sunny on Monday.",
		"They were hit by divisions after his death.",
		"Iran has developed techniques to strike its foes, such as armed drones.",
		"Meetings and communications between us have reduced.",
		"Inflation rose 3.2% in 2020.",
		"With treatment, he has regained control over his health.",
		"Malawi avoided a hit from Dikeledi but was struck by Chido in December.",
		"Bosnia needs this situation defused immediately.",
		"The United States hopes a ceasefire between Russia and Ukraine can be reached soon.",
		"What began as a plea for reform was met with staggering brutality.",
		"The coach was sacked on Monday after the club's third defeat.",
		"Residents complained of a burning smell near the factory on Tuesday.",
		"The coalition believes millions of dogs are killed for their meat annually.",
		"Trump also attacked The Wall Street Journal newspaper for refusing to support his tariff plans.",
		"Trump also attacked The Wall Street Journal newspaper, the country's leading business publication, for refusing to support his tariff plans.",
		"Tencent Games issued a limited play order for minors during the holiday.",
		"For the eight Uyghurs still in Thai custody, “the danger is not passed yet,” agreed Polat Sayim.",
		"He agreed with President Joe Biden's recent remark that the U.S. is on the move again.",
		"A college student in Beijing said she agreed with officials' concerns about the new law.",
		"Everybody in Yangon knows somebody who has been arrested.",
		"The European Union welcomed the decision of the court on Monday.",
		"An offensive launched by forces in Puntland earlier this month has met with surprising success.",
		"More than 2.8 million Chinese tourists visited Vietnam from January through July this year.",
		"With support from the UK government, the WFP has prepositioned food supplies, emergency kits and operational equipment in Malawi.",
		"In late January, Burkina Faso, Mali and Niger withdrew from ECOWAS and created a confederation.",
		"After the regime ceded to a full democracy, Jakarta yielded control of educational policy to regional governments.",
		"The United States announced it would cease military aid to Ukraine after the Oval Office clash between Trump and Zelensky.",
		"That pause has real consequences for Ukrainians who are fighting for their freedom and for democracy.",
		"The Red Cross in Ghazni said five people had likely been killed in the crash of the plane on Monday.",
		"An intelligence aircraft crashed in the Sado Khelo area of Ghazni today, resulting in all crew members killed.",
		"The application that Malaysia and Vietnam made ten years ago met with opposition from China.",
		"The United States will exert maximum pressure on Iran in order to prevent it from acquiring nuclear weapons.",
		"The buyer, a member of the Medellin cartel, was instructed by his bosses in Bogota to keep the receipts.",
		"North Korea said it conducted a crucial test on Friday at its Sohae Satellite Launching Ground, the site of its long-range missile launch.",
		"North Korea test-fired two ballistic missiles into the sea on Monday.",
		"A provincial spokesperson said security forces, a rescue train and ambulances had been dispatched to Bolan.",
		"Suicide bombers are wearing suicide jackets in Bolan, security sources said.",
		"",
	} {
		if evs := extractOne(t, text); len(evs) != 0 {
			t.Errorf("%q: got %d events, want none: %+v", text, len(evs), evs[0])
		}
	}
}

// TestConcurrent runs one Extractor on many goroutines, as the pipeline
// does (go test -race finds shared state).
func TestConcurrent(t *testing.T) {
	x, _ := New(Options{})
	arts := seedArticles(t)
	want := len(x.Extract(arts[1]))
	done := make(chan int)
	for range 4 {
		go func() {
			a := *arts[1]
			done <- len(x.Extract(&a))
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent Extract gave %d events, want %d", got, want)
		}
	}
}

func TestStage(t *testing.T) {
	x, _ := New(Options{})
	st := NewStage(x)
	if st.Name() != "events" {
		t.Errorf("Name() = %q", st.Name())
	}
	a := &news.Article{Text: "Russia attacked Ukraine with 64 drones overnight.", Published: thu}
	if err := st.Process(t.Context(), a); err != nil || len(a.Events) != 1 {
		t.Fatalf("Process: %v, %d events", err, len(a.Events))
	}
	a2 := &news.Article{Text: "Nothing happened."}
	if err := st.Process(t.Context(), a2); err != nil || a2.Events == nil {
		t.Errorf("Process on a quiet article: %v, events %v (want empty, not nil)", err, a2.Events)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Russia attacked Ukraine with 64 Shahed and decoy drones overnight, killing at least one person, the Ukrainian air force reported.")
	f.Add("The Iraqi security officials said the new groups were behind attacks against US-led forces at Ain al-Asad air base this month, Erbil International Airport in April and against Saudi Arabia in January.")
	f.Add("“We must reach 50% within six months,” he said. Those attacks, the, ,, killed")
	f.Add("A bomb exploded in Bogota on Monday. Ten other people [not identified] were also injured; two -- both children -- died.")
	f.Add("MURDERED 19 PEOPLE, INCLUDING 10 CHILDREN; EIGHT GUERRILLAS, FOUR SOLDIERS (FIVE OF WHOM), AND THE OTHER TWO. SET THEM ON")
	f.Add("the killers of the six Jesuits, five of whom were Spaniards, and their two maids; the death toll had risen to at least 63")
	f.Add("A BOMB EXPLODED. SEVEN OF THE NINE SOLDIERS WERE WOUNDED, THREE OF THE; no one was, the number of victims is 59 and not the 1990s, kidnapping of 12 of which 5 were later found")
	x, _ := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text, Published: thu}
		evs := x.Extract(a)
		// as in the pipeline: the nlp stage's sentences and tokens given
		a.Sentences, a.Tokens = nlp.Spans(nlp.TokenizeSentences(text))
		evs = append(evs, x.Extract(a)...)
		for _, ev := range evs {
			if ev.Evidence.Start < 0 || ev.Evidence.End > len(text) || text[ev.Evidence.Start:ev.Evidence.End] != ev.Evidence.Text {
				t.Fatalf("bad evidence %+v", ev.Evidence)
			}
			for _, fg := range ev.Figures {
				if fg.Start < 0 || fg.End > len(text) || text[fg.Start:fg.End] != fg.Text {
					t.Fatalf("bad figure %+v", fg)
				}
			}
			for _, m := range ev.Mentions {
				if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
			}
			if ev.Place != nil && (ev.Place.Start < 0 || ev.Place.End > len(text) || text[ev.Place.Start:ev.Place.End] != ev.Place.Name) {
				t.Fatalf("bad place %+v", ev.Place)
			}
			if ev.Type == "" || ev.Subtype == "" || ev.Modality == "" || !strings.Contains(taxonomy, "|"+ev.Subtype+"|") {
				t.Fatalf("bad typing %q/%q/%q", ev.Type, ev.Subtype, ev.Modality)
			}
		}
	})
}

const taxonomy = "|Armed clash|Government regains territory|Non-state actor overtakes territory|Chemical weapon|Air/drone strike|Suicide bomb|Shelling/artillery/missile attack|Remote explosive/landmine/IED|Grenade|Sexual violence|Attack|Abduction/forced disappearance|Peaceful protest|Protest with intervention|Excessive force against protesters|Violent demonstration|Mob violence|Agreement|Arrests|Change to group/activity|Disrupted weapons use|Headquarters or base established|Looting/property destruction|Non-violent transfer of territory|Other|Arms transfer|Military training|Defence production|Exchange|Meeting|"

func TestSubtypes(t *testing.T) {
	tests := []struct{ text, sub string }{
		{"Ukrainian troops recaptured the village of Robotyne on Tuesday.", SubGovRegains},
		{"Islamic State militants captured the town of Palmyra on Wednesday.", SubNSAOvertake},
		{"Rebels and government troops clashed near Goma on Sunday.", SubArmedClash},
		{"Gunmen abducted 20 students from a school in Kaduna on Friday.", SubAbduction},
		{"Police arrested 14 protesters in Baghdad on Monday.", SubArrests},
		{"Thousands of people protested in Tbilisi on Sunday against the new law.", SubPeaceful},
		{"Police fired tear gas to disperse protesters in Nairobi on Tuesday.", SubIntervened},
		{"Rioters torched shops in Dhaka on Monday.", SubViolentDemo},
		{"Iraqi President Saddam Hussein arrived in Amman on a previously unannounced visit on Wednesday.", SubMeeting},
		{"The Japanese prime minister arrived in Hanoi on a three-day visit on Monday.", SubMeeting},
		{"President Francois Mitterand gave a warm welcome on Thursday to South African leader F.W. de Klerk in Paris.", SubMeeting},
		{"President Emmanuel Macron welcomed President Joe Biden to the Elysee Palace on Saturday.", SubMeeting},
		{"Militants of the Baloch Liberation Army attacked a passenger train near Sibi on Tuesday.", SubAttack},
		{"Two vehicles of the Red Cross were attacked in the Mejicanos sector on Friday. One of them was totally destroyed by fire.", SubLooting},
		{"The town hall in Ayacucho was burned to the ground on Friday.", SubLooting},
		{"Protesters clashed with security forces in Caracas on Sunday.", SubViolentDemo},
		{"During the siege, soldiers shot dead two militants in Beledweyne on Tuesday.", SubArmedClash},
		{"The Pakistani military completed a rescue operation near Sibi and killed 33 terrorists on Wednesday.", SubArmedClash},
		{"Chaudhry said snipers killed suicide bombers near Bolan before forces advanced to clear the train.", SubArmedClash},
		{"Security sources in Quetta said 16 terrorists had been killed on Wednesday.", SubArmedClash},
		{"Rebels blew up an oil pipeline near Arauca on Monday.", SubIED},
		{"About 500 homes in the capital were destroyed by bomb strikes and missile bombardment by Salvadoran aircraft on Monday.", SubAirDrone},
		{"In Anta the terrorists set two schools and several houses on fire on Monday.", SubLooting},
		{"Gunmen killed 300 cattle and two herders in Benue state on Monday.", SubAttack},
		{"Rebels attacked the town for hours with mortars on Monday.", SubShelling},
		{"The terrorists placed a charge of dynamite under a bus in Lima on Monday.", SubIED},
		{"Three strong explosions occurred last night in Medellin.", SubIED},
		{"The army is responsible for the disappearance of the two citizens in Medellin on Monday.", SubAbduction},
		{"Government sources in Tonacatepeque said that the guerrillas sacked two pharmacies and several stores on Monday.", SubLooting},
		{"Shining Path began celebrating its anniversary in Lima last week by burning 11 state transport company buses.", SubLooting},
		{"Guerrillas attacked a national police post in San Salvador on Monday. The attack, carried out with rocket launchers and rifles, began at 0600.", SubShelling},
		{"The guerrillas held several ambassadors hostage in the embassy on Monday.", SubAbduction},
		{"The M-19 stole 5,000 weapons from a military garrison in Bogota on Monday.", SubLooting},
		{"Gunmen machinegunned the helicopter as it was landing in Medellin on Monday, wounding two passengers.", SubAttack},
		{"A U.S. citizen was shot last night when unidentified individuals tried to enter his residence.", SubAttack},
		{"A group of subversives conducted an attack on the Armed Forces training center, which was also the target of rebel mortar fire.", SubShelling},
		{"A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday, killing five soldiers.", SubSuicide},
		{"A roadside bomb exploded near a convoy in Kandahar on Monday.", SubIED},
		{"Israel and Hamas agreed to a ceasefire on Wednesday.", SubAgreement},
		{"Russia and Ukraine exchanged 150 prisoners of war on Friday.", SubExchange},
		{"The militants established a new base near the border in March.", SubBase},
		{"The group recruited hundreds of fighters in Idlib last year.", SubGroup},
		{"Soldiers looted shops in the market of Juba on Saturday.", SubLooting},
		{"Russian air defenses intercepted 30 missiles over Belgorod overnight.", SubDisrupted},
		{"Germany delivered two IRIS-T air defense systems to Ukraine in October.", SubArms},
	}
	for _, tc := range tests {
		evs := extractOne(t, tc.text)
		if find(evs, tc.sub) == nil {
			var got []string
			for _, e := range evs {
				got = append(got, e.Subtype)
			}
			t.Errorf("%q: no %s event (got %v)", tc.text, tc.sub, got)
		}
	}
}

// TestCapitalsNoAcronyms: in wire copy written in capitals, short common
// words are not actor acronyms ("IS" is not the Islamic State).
func TestCapitalsNoAcronyms(t *testing.T) {
	text := "IT IS KNOWN THAT GUERRILLAS ATTACKED A BUS NEAR SAN SALVADOR ON MONDAY, KILLING FOUR PEASANTS."
	for _, ev := range extractOne(t, text) {
		for _, a := range append([]*news.ActorRef{ev.Actor1, ev.Actor2}, refs(ev.AssocActors)...) {
			if a != nil && strings.Contains(a.Name, "Islamic State") {
				t.Errorf("%s: actor %q from the word IS", ev.Subtype, a.Name)
			}
		}
	}
}

func refs(as []news.ActorRef) []*news.ActorRef {
	out := make([]*news.ActorRef, len(as))
	for i := range as {
		out[i] = &as[i]
	}
	return out
}

// TestMentions: an event lists the article's other sentences that tell
// of it, in text order, without its evidence sentence.
func TestMentions(t *testing.T) {
	text := "A bomb exploded at the police station in Bogota on Monday. The mayor condemned it. Two people were injured."
	ev := find(extractOne(t, text), SubIED)
	if ev == nil {
		t.Fatal("no IED event")
	}
	if len(ev.Mentions) != 1 || ev.Mentions[0].Text != "Two people were injured." || text[ev.Mentions[0].Start:ev.Mentions[0].End] != ev.Mentions[0].Text {
		t.Errorf("mentions %+v, want the casualty sentence", ev.Mentions)
	}
}

func TestSameSide(t *testing.T) {
	ru := &news.ActorRef{Name: "Military Forces of Russia", Kind: news.KindStateForces, Country: "RU"}
	tests := []struct {
		src, a *news.ActorRef
		want   bool
	}{
		{&news.ActorRef{Name: "Ministry of Defence of Russia", Kind: news.KindGovernment, Country: "RU"}, ru, true},
		{&news.ActorRef{Name: "Vladimir Putin", Kind: news.KindPerson, Country: "RU"}, ru, true},
		{&news.ActorRef{Name: "Security Forces of Somalia", Kind: news.KindStateForces, Country: "SO"}, &news.ActorRef{Name: "Al-Shabaab", Kind: news.KindRebels, Country: "SO"}, false},
		{&news.ActorRef{Name: "Al-Shabaab", Kind: news.KindRebels, Country: "SO"}, &news.ActorRef{Name: "Al-Shabaab", Kind: news.KindRebels, Country: "SO"}, true},
		{&news.ActorRef{Name: "Government of Ukraine", Kind: news.KindGovernment, Country: "UA"}, ru, false},
	}
	for _, tc := range tests {
		if got := sameSide(tc.src, tc.a); got != tc.want {
			t.Errorf("sameSide(%s, %s) = %v, want %v", tc.src.Name, tc.a.Name, got, tc.want)
		}
	}
}

// A sentence in capitals is one event, not one per dated part: its case
// names no targets.
func TestCapitalsNotSplit(t *testing.T) {
	evs := extractOne(t, "THE CAR BOMB ATTACK ON MONDAY IN BOGOTA HAD BEEN PLANNED SINCE LAST SEPTEMBER.")
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1: %+v", len(evs), evs)
	}
	if evs[0].Modality != news.ModReported {
		t.Errorf("modality %s, want reported", evs[0].Modality)
	}
}

// Acts named in charges, trends and long wars are no news of the day:
// whatever events they give are historical.
func TestBackgroundMentions(t *testing.T) {
	for _, text := range []string{
		"Police in Port-au-Prince said he was charged with robbing trucks, raping, kidnapping and attacking motorists on the highway.",
		"He was accused of attacking a police patrol in Cap-Haitien.",
		"He was also charged with robbing trucks loaded with merchandise, raping, kidnapping and attacking motorists on National Highway #1, which links Port-au-Prince and cities to the north.",
		"Nigeria is seeing a wave of kidnappings of school children by criminal gangs seeking huge ransoms.",
		"That agreement in Dayton ended an ethnically rooted war that lasted more than three years and killed 100,000 people.",
	} {
		for _, ev := range extractOne(t, text) {
			if ev.Modality != news.ModHistorical {
				t.Errorf("%q: %s is %s, want historical", text, ev.Subtype, ev.Modality)
			}
		}
	}
}

// A definite reference far from the one attack an article tells is that
// attack told again: one event, with the reference among its mentions.
func TestLateReference(t *testing.T) {
	text := "A parcel bomb exploded outside a bakery in Lyon on Friday, injuring 13 people. The city's mayor cut short a trip. Shops reopened on Saturday. Police cordoned off the street for hours. No group had yet claimed responsibility for the explosion."
	evs := extractOne(t, text)
	var violent []string
	for _, ev := range evs {
		if TypeOf(ev.Subtype) != TypeStrategic {
			violent = append(violent, ev.Subtype)
		}
	}
	if len(violent) != 1 {
		t.Fatalf("got violent events %v, want one", violent)
	}
	ev := find(evs, SubIED)
	if ev == nil || len(ev.Mentions) != 1 || !strings.Contains(ev.Mentions[0].Text, "the explosion") {
		t.Errorf("event %+v: want the late reference among its mentions", ev)
	}
}

// A strike's object may be its place: "struck Kharkiv", "shelled the
// towns of Nikopol and Marhanets", "hit Gaza City"; a country is the
// target, not the place.
func TestObjectPlace(t *testing.T) {
	tests := []struct{ text, sub, place string }{
		{"Russian drones struck Kharkiv and Odesa overnight, killing three people.", SubAirDrone, "Kharkiv"},
		{"Russian forces shelled the towns of Nikopol and Marhanets on Monday.", SubShelling, "Nikopol"},
		{"Israeli airstrikes hit Gaza City and Khan Younis on Tuesday, killing at least 20 people.", SubAirDrone, "Gaza City"},
		{"Russia attacked Ukraine with 64 drones overnight.", SubAirDrone, ""},
	}
	for _, tc := range tests {
		ev := find(extractOne(t, tc.text), tc.sub)
		if ev == nil {
			t.Errorf("%q: no %s event", tc.text, tc.sub)
			continue
		}
		got := ""
		if ev.Place != nil {
			got = ev.Place.Name
		}
		if got != tc.place {
			t.Errorf("%q: place %q, want %q", tc.text, got, tc.place)
		}
	}
}

// "Blocked the sale" is no protest; "blocked the road" is.
func TestBlockedWhat(t *testing.T) {
	if ev := find(extractOne(t, "Trump blocked the Turkish sale of the jets over concerns about their stealth technology."), SubPeaceful); ev != nil {
		t.Errorf("a blocked sale read as a protest: %+v", ev)
	}
	if find(extractOne(t, "Farmers blocked the highway to the airport in Nairobi on Monday."), SubPeaceful) == nil {
		t.Errorf("a blocked highway is a protest")
	}
}

// TestSpeakerAsAgent: a party that says "it" or "its forces" did something
// is the one that did it, and the event is its claim.
func TestSpeakerAsAgent(t *testing.T) {
	x := registryExtractor(t)
	res := fakePartyResolver{
		"Pakistan military": {Name: "Military Forces of Pakistan", Kind: news.KindStateForces, Country: "PK"},
		"Afghan army chief": {Name: "Military Forces of Afghanistan", Kind: news.KindStateForces, Country: "AF"},
	}
	ax := attribution.NewStage(attribution.New(attribution.Options{Resolver: res}))
	tests := []struct{ text, actor1 string }{
		{"In the operation that lasted more than 30 hours, the Pakistan military said it killed 33 BLA terrorists.", "Military Forces of Pakistan"},
		{"The Afghan army chief said on Saturday his forces had also killed 1,000 Taliban fighters.", "Military Forces of Afghanistan"},
		// not a passive, not a pronoun that does not agree, not civilians
		{"The Pakistan military said its troops were ambushed in North Waziristan on Monday.", ""},
		{"Gunmen attacked a checkpoint on Monday. The Pakistan military said they killed two soldiers.", ""},
		{"A US airstrike hit a port on Tuesday. The Pakistan military said it killed 12 civilians.", ""},
	}
	for _, tt := range tests {
		a := &news.Article{ID: "t", Text: tt.text, Published: thu}
		if err := ax.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		evs := x.Extract(a)
		found := tt.actor1 == ""
		for _, ev := range evs {
			if tt.actor1 == "" {
				if ev.Actor1 != nil && strings.HasPrefix(ev.Actor1.Name, "Military Forces of Pakistan") {
					t.Errorf("%q: %s by the speaker, who did not act", tt.text, ev.Subtype)
				}
				continue
			}
			if ev.Actor1 != nil && ev.Actor1.Name == tt.actor1 {
				found = true
				if ev.Modality != news.ModClaimed {
					t.Errorf("%q: %s by %s is %q, want claimed", tt.text, ev.Subtype, tt.actor1, ev.Modality)
				}
			}
		}
		if !found {
			t.Errorf("%q: no event by %s in %+v", tt.text, tt.actor1, evs)
		}
	}
}

// fakePartyResolver resolves sources from a map, for tests that need a
// party behind a claim.
type fakePartyResolver map[string]*news.ActorRef

func (f fakePartyResolver) Resolve(m, typ string, at time.Time) (*news.ActorRef, bool) {
	r, ok := f[m]
	return r, ok
}

// TestCaveat: the report's "could not be independently verified" stays
// with the event whose claim it qualifies.
func TestCaveatOnEvent(t *testing.T) {
	text := "Hamas said Israeli strikes killed 40 people in Gaza City on Monday.\n\n" +
		"The militia said it had shot down a US drone over Yemen on Monday. The claim could not be independently verified. Separately, talks resumed in Oman on Tuesday."
	a := &news.Article{ID: "t", Text: text, Published: thu}
	if err := attribution.NewStage(attribution.New(attribution.Options{})).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ev := range x.Extract(a) {
		switch {
		case strings.Contains(ev.Evidence.Text, "drone"):
			found = true
			if ev.Caveat != "could not be independently verified" {
				t.Errorf("%s: caveat %q", ev.Subtype, ev.Caveat)
			}
		case ev.Caveat != "":
			t.Errorf("%s (%q) has the drone claim's caveat", ev.Subtype, ev.Evidence.Text)
		}
	}
	if !found {
		t.Fatal("no event for the drone")
	}
}

// TestAccusedActs: in "X accuses Y of killing", Y killed, not X.
func TestAccusedActs(t *testing.T) {
	tests := []struct{ text, sub, actor1 string }{
		{"Ukraine accused Russia of shelling Kharkiv on Monday.", SubShelling, "Russia"},
		{"The C.A.R. accuses the rebel group of killing, maiming and looting in the villages.", SubLooting, ""},
		// passives and appositions: the accused is the subject
		{"Russia was accused of shelling a hospital in Kharkiv on Monday.", SubShelling, "Russia"},
	}
	for _, tt := range tests {
		ev := find(extractOne(t, tt.text), tt.sub)
		if ev == nil {
			t.Errorf("%q: no %s", tt.text, tt.sub)
			continue
		}
		if got := name(ev.Actor1); got != tt.actor1 {
			t.Errorf("%q: actor1 %q, want %q", tt.text, got, tt.actor1)
		}
	}
}
