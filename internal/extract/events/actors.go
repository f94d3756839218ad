package events

import (
	"sort"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/nlp"
	"github.com/sitrep-osint/sitrep/news"
)

// ActorMention is an actor found in text: its byte range in the text
// searched and the actor it names.
type ActorMention struct {
	Start, End int
	Ref        news.ActorRef
}

// Actors finds actor mentions in text. The actor registry of
// internal/actors satisfies it through a small adapter; the extractor falls
// back to a built-in dictionary of common conflict actors so that it works
// even when the registry and the NER stage are weak or absent.
type Actors interface {
	FindActors(text string, at time.Time) []ActorMention
}

// country is a state with the names, demonyms and metonyms news uses for it.
type country struct {
	code, name string
	names      []string // "Ukraine", "Kyiv" (capitals stand for governments)
	demonyms   []string // "Ukrainian", "Ukrainians"
}

var countries = []country{
	{"UA", "Ukraine", []string{"Ukraine", "Kyiv", "Kiev"}, []string{"Ukrainian", "Ukrainians"}},
	{"RU", "Russia", []string{"Russia", "Moscow", "Kremlin", "Russian Federation"}, []string{"Russian", "Russians"}},
	{"US", "United States", []string{"United States", "US", "U.S.", "USA", "America", "Washington", "Pentagon", "White House"}, []string{"American", "Americans", "US-led", "U.S.-led"}},
	{"IR", "Iran", []string{"Iran", "Tehran"}, []string{"Iranian", "Iranians"}},
	{"IQ", "Iraq", []string{"Iraq", "Baghdad"}, []string{"Iraqi", "Iraqis"}},
	{"SY", "Syria", []string{"Syria", "Damascus"}, []string{"Syrian", "Syrians"}},
	{"LB", "Lebanon", []string{"Lebanon", "Beirut"}, []string{"Lebanese"}},
	{"IL", "Israel", []string{"Israel", "Jerusalem", "Tel Aviv"}, []string{"Israeli", "Israelis"}},
	{"PS", "Palestine", []string{"Palestine", "Gaza", "West Bank"}, []string{"Palestinian", "Palestinians"}},
	{"SA", "Saudi Arabia", []string{"Saudi Arabia", "Riyadh"}, []string{"Saudi", "Saudis"}},
	{"YE", "Yemen", []string{"Yemen", "Sanaa"}, []string{"Yemeni", "Yemenis"}},
	{"TR", "Turkey", []string{"Turkey", "Türkiye", "Ankara"}, []string{"Turkish", "Turks"}},
	{"CN", "China", []string{"China", "Beijing"}, []string{"Chinese"}},
	{"GB", "United Kingdom", []string{"United Kingdom", "UK", "Britain", "London"}, []string{"British", "Briton", "Britons"}},
	{"DE", "Germany", []string{"Germany", "Berlin"}, []string{"German", "Germans"}},
	{"FR", "France", []string{"France", "Paris"}, []string{"French"}},
	{"CH", "Switzerland", []string{"Switzerland", "Bern"}, []string{"Swiss"}},
	{"FI", "Finland", []string{"Finland", "Helsinki"}, []string{"Finnish"}},
	{"DK", "Denmark", []string{"Denmark", "Copenhagen"}, []string{"Danish"}},
	{"SE", "Sweden", []string{"Sweden", "Stockholm"}, []string{"Swedish"}},
	{"NO", "Norway", []string{"Norway", "Oslo"}, []string{"Norwegian"}},
	{"NL", "Netherlands", []string{"Netherlands", "Holland", "The Hague"}, []string{"Dutch"}},
	{"CA", "Canada", []string{"Canada", "Ottawa"}, []string{"Canadian", "Canadians"}},
	{"PL", "Poland", []string{"Poland", "Warsaw"}, []string{"Polish"}},
	{"BY", "Belarus", []string{"Belarus", "Minsk"}, []string{"Belarusian"}},
	{"KP", "North Korea", []string{"North Korea", "Pyongyang"}, []string{"North Korean", "North Koreans"}},
	{"AF", "Afghanistan", []string{"Afghanistan", "Kabul"}, []string{"Afghan", "Afghans"}},
	{"PK", "Pakistan", []string{"Pakistan", "Islamabad"}, []string{"Pakistani", "Pakistanis"}},
	{"IN", "India", []string{"India", "New Delhi"}, []string{"Indian"}},
	{"EG", "Egypt", []string{"Egypt", "Cairo"}, []string{"Egyptian", "Egyptians"}},
	{"LY", "Libya", []string{"Libya", "Tripoli"}, []string{"Libyan", "Libyans"}},
	{"SD", "Sudan", []string{"Sudan", "Khartoum"}, []string{"Sudanese"}},
	{"SO", "Somalia", []string{"Somalia", "Mogadishu"}, []string{"Somali", "Somalis"}},
	{"ML", "Mali", []string{"Mali", "Bamako"}, []string{"Malian"}},
	{"NG", "Nigeria", []string{"Nigeria", "Abuja"}, []string{"Nigerian", "Nigerians"}},
	{"ET", "Ethiopia", []string{"Ethiopia", "Addis Ababa"}, []string{"Ethiopian"}},
	{"CD", "DR Congo", []string{"Democratic Republic of Congo", "DR Congo", "Congo", "Kinshasa"}, []string{"Congolese"}},
	{"JO", "Jordan", []string{"Jordan", "Amman"}, []string{"Jordanian"}},
	{"QA", "Qatar", []string{"Qatar", "Doha"}, []string{"Qatari"}},
	{"AE", "United Arab Emirates", []string{"United Arab Emirates", "UAE", "Abu Dhabi"}, []string{"Emirati"}},
	{"CO", "Colombia", []string{"Colombia", "Bogota"}, []string{"Colombian"}},
	{"SV", "El Salvador", []string{"El Salvador", "San Salvador"}, []string{"Salvadoran", "Salvadorans"}},
	{"PE", "Peru", []string{"Peru", "Lima"}, []string{"Peruvian"}},
	{"GT", "Guatemala", []string{"Guatemala"}, []string{"Guatemalan"}},
	{"HN", "Honduras", []string{"Honduras", "Tegucigalpa"}, []string{"Honduran"}},
	{"NI", "Nicaragua", []string{"Nicaragua", "Managua"}, []string{"Nicaraguan"}},
	{"MM", "Myanmar", []string{"Myanmar", "Burma"}, []string{"Burmese"}},
	{"GE", "Georgia", []string{"Georgia", "Tbilisi"}, []string{"Georgian"}},
	{"AM", "Armenia", []string{"Armenia", "Yerevan"}, []string{"Armenian"}},
	{"AZ", "Azerbaijan", []string{"Azerbaijan", "Baku"}, []string{"Azerbaijani"}},
	{"JP", "Japan", []string{"Japan", "Tokyo"}, []string{"Japanese"}},
	{"KR", "South Korea", []string{"South Korea", "Seoul"}, []string{"South Korean"}},
	{"IT", "Italy", []string{"Italy", "Rome"}, []string{"Italian"}},
	{"ES", "Spain", []string{"Spain", "Madrid"}, []string{"Spanish"}},
	{"HU", "Hungary", []string{"Hungary", "Budapest"}, []string{"Hungarian"}},
	{"RO", "Romania", []string{"Romania", "Bucharest"}, []string{"Romanian"}},
	{"MA", "Morocco", []string{"Morocco", "Rabat"}, []string{"Moroccan", "Moroccans"}},
	{"DZ", "Algeria", []string{"Algeria", "Algiers"}, []string{"Algerian", "Algerians"}},
	{"TN", "Tunisia", []string{"Tunisia", "Tunis"}, []string{"Tunisian"}},
	{"RS", "Serbia", []string{"Serbia", "Belgrade"}, []string{"Serbian", "Serb", "Serbs", "Serbians"}},
	{"BA", "Bosnia and Herzegovina", []string{"Bosnia", "Sarajevo", "Bosnia and Herzegovina"}, []string{"Bosnian", "Bosnians"}},
	{"HR", "Croatia", []string{"Croatia", "Zagreb"}, []string{"Croatian", "Croats"}},
	{"SI", "Slovenia", []string{"Slovenia", "Ljubljana"}, []string{"Slovenian"}},
	{"XK", "Kosovo", []string{"Kosovo", "Pristina"}, []string{"Kosovar", "Kosovars"}},
	{"AL", "Albania", []string{"Albania", "Tirana"}, []string{"Albanian", "Albanians"}},
	{"ME", "Montenegro", []string{"Montenegro", "Podgorica"}, []string{"Montenegrin"}},
	{"VN", "Vietnam", []string{"Vietnam", "Hanoi"}, []string{"Vietnamese"}},
	{"KH", "Cambodia", []string{"Cambodia", "Phnom Penh"}, []string{"Cambodian", "Cambodians"}},
	{"TH", "Thailand", []string{"Thailand", "Bangkok"}, []string{"Thai"}},
	{"ID", "Indonesia", []string{"Indonesia", "Jakarta"}, []string{"Indonesian"}},
	{"PH", "Philippines", []string{"Philippines", "Manila", "Phillippines"}, []string{"Filipino", "Philippine"}},
	{"LK", "Sri Lanka", []string{"Sri Lanka", "Colombo"}, []string{"Sri Lankan"}},
	{"MZ", "Mozambique", []string{"Mozambique", "Maputo"}, []string{"Mozambican"}},
	{"LR", "Liberia", []string{"Liberia", "Monrovia"}, []string{"Liberian", "Liberians"}},
	{"SL", "Sierra Leone", []string{"Sierra Leone", "Freetown"}, []string{"Sierra Leonean"}},
	{"GN", "Guinea", []string{"Guinea", "Conakry"}, []string{"Guinean"}},
	{"CI", "Ivory Coast", []string{"Ivory Coast", "Côte d'Ivoire", "Abidjan"}, []string{"Ivorian"}},
	{"BI", "Burundi", []string{"Burundi", "Bujumbura"}, []string{"Burundian"}},
	{"RW", "Rwanda", []string{"Rwanda", "Kigali"}, []string{"Rwandan"}},
	{"UG", "Uganda", []string{"Uganda", "Kampala"}, []string{"Ugandan"}},
	{"KE", "Kenya", []string{"Kenya", "Nairobi"}, []string{"Kenyan"}},
	{"TZ", "Tanzania", []string{"Tanzania", "Dodoma"}, []string{"Tanzanian"}},
	{"ZW", "Zimbabwe", []string{"Zimbabwe", "Harare"}, []string{"Zimbabwean"}},
	{"ZA", "South Africa", []string{"South Africa", "Pretoria"}, []string{"South African"}},
	{"TD", "Chad", []string{"Chad", "N'Djamena"}, []string{"Chadian"}},
	{"NE", "Niger", []string{"Niger", "Niamey"}, []string{"Nigerien"}},
	{"BF", "Burkina Faso", []string{"Burkina Faso", "Ouagadougou"}, []string{"Burkinabe"}},
	{"CM", "Cameroon", []string{"Cameroon", "Yaounde"}, []string{"Cameroonian"}},
	{"CF", "Central African Republic", []string{"Central African Republic", "Bangui"}, []string{"Central African"}},
	{"SS", "South Sudan", []string{"South Sudan", "Juba"}, []string{"South Sudanese"}},
	{"ER", "Eritrea", []string{"Eritrea", "Asmara"}, []string{"Eritrean"}},
	{"MX", "Mexico", []string{"Mexico", "Mexico City"}, []string{"Mexican", "Mexicans"}},
	{"VE", "Venezuela", []string{"Venezuela", "Caracas"}, []string{"Venezuelan"}},
	{"CU", "Cuba", []string{"Cuba", "Havana"}, []string{"Cuban"}},
	{"BR", "Brazil", []string{"Brazil", "Brasilia"}, []string{"Brazilian"}},
	{"HT", "Haiti", []string{"Haiti", "Port-au-Prince"}, []string{"Haitian"}},
	{"TW", "Taiwan", []string{"Taiwan", "Taipei"}, []string{"Taiwanese"}},
	{"BD", "Bangladesh", []string{"Bangladesh", "Dhaka"}, []string{"Bangladeshi"}},
	{"NP", "Nepal", []string{"Nepal", "Kathmandu"}, []string{"Nepalese", "Nepali"}},
	{"KW", "Kuwait", []string{"Kuwait"}, []string{"Kuwaiti"}},
	{"BH", "Bahrain", []string{"Bahrain", "Manama"}, []string{"Bahraini"}},
	{"OM", "Oman", []string{"Oman", "Muscat"}, []string{"Omani"}},
	{"PT", "Portugal", []string{"Portugal", "Lisbon"}, []string{"Portuguese"}},
	{"GR", "Greece", []string{"Greece", "Athens"}, []string{"Greek"}},
	{"CY", "Cyprus", []string{"Cyprus", "Nicosia"}, []string{"Cypriot"}},
	{"BE", "Belgium", []string{"Belgium", "Brussels"}, []string{"Belgian"}},
	{"AT", "Austria", []string{"Austria", "Vienna"}, []string{"Austrian"}},
	{"CZ", "Czech Republic", []string{"Czech Republic", "Czechia", "Prague"}, []string{"Czech"}},
	{"LT", "Lithuania", []string{"Lithuania", "Vilnius"}, []string{"Lithuanian"}},
	{"LV", "Latvia", []string{"Latvia", "Riga"}, []string{"Latvian"}},
	{"EE", "Estonia", []string{"Estonia", "Tallinn"}, []string{"Estonian"}},
	{"MD", "Moldova", []string{"Moldova", "Chisinau"}, []string{"Moldovan"}},
	{"KZ", "Kazakhstan", []string{"Kazakhstan", "Astana"}, []string{"Kazakh"}},
	{"TJ", "Tajikistan", []string{"Tajikistan", "Dushanbe"}, []string{"Tajik"}},
	{"FJ", "Fiji", []string{"Fiji", "Suva"}, []string{"Fijian"}},
	{"MR", "Mauritania", []string{"Mauritania", "Nouakchott"}, []string{"Mauritanian"}},
	{"SN", "Senegal", []string{"Senegal", "Dakar"}, []string{"Senegalese"}},
	{"GM", "Gambia", []string{"Gambia", "Banjul"}, []string{"Gambian"}},
	{"HK", "Hong Kong", []string{"Hong Kong"}, []string{}},
}

// Named organisations and armed groups the dictionary knows. Kinds follow
// news.Kind*.
var orgs = []struct {
	name, kind, country string
	aliases             []string
}{
	{"Quds Force", news.KindStateForces, "IR", []string{"Quds Force", "Qods Force"}},
	{"Islamic Revolutionary Guard Corps", news.KindStateForces, "IR", []string{"IRGC", "Revolutionary Guards", "Iranian Revolutionary Guards Corps", "Islamic Revolutionary Guard Corps", "Revolutionary Guard"}},
	{"Kataib Hezbollah", news.KindPolMilitia, "IQ", []string{"Kataib Hezbollah", "Kata'ib Hezbollah", "Kataeb Hezbollah"}},
	{"Hezbollah", news.KindPolMilitia, "LB", []string{"Hezbollah", "Hizbollah", "Hizballah"}},
	{"Popular Mobilization Forces", news.KindPolMilitia, "IQ", []string{"Popular Mobilization Forces", "PMF", "Hashd al-Shaabi"}},
	{"Hamas", news.KindRebels, "PS", []string{"Hamas"}},
	{"Islamic Jihad", news.KindRebels, "PS", []string{"Islamic Jihad"}},
	{"Houthis", news.KindRebels, "YE", []string{"Houthis", "Houthi", "Ansar Allah"}},
	{"Islamic State", news.KindRebels, "", []string{"Islamic State", "ISIS", "ISIL", "Daesh", "IS"}},
	{"al-Qaeda", news.KindRebels, "", []string{"al-Qaeda", "al Qaeda", "Al-Qaida", "al-Qaida"}},
	{"al-Shabaab", news.KindRebels, "SO", []string{"al-Shabaab", "al-Shabab", "Shabaab"}},
	{"Taliban", news.KindRebels, "AF", []string{"Taliban"}},
	{"Boko Haram", news.KindRebels, "NG", []string{"Boko Haram"}},
	{"Wagner Group", news.KindExternal, "RU", []string{"Wagner Group", "Wagner"}},
	{"Rapid Support Forces", news.KindRebels, "SD", []string{"Rapid Support Forces", "RSF"}},
	{"FMLN", news.KindRebels, "SV", []string{"FMLN", "Farabundo Marti National Liberation Front"}},
	{"Shining Path", news.KindRebels, "PE", []string{"Shining Path", "Sendero Luminoso"}},
	{"FARC", news.KindRebels, "CO", []string{"FARC", "Revolutionary Armed Forces of Colombia"}},
	{"ELN", news.KindRebels, "CO", []string{"ELN", "National Liberation Army"}},
	{"NATO", news.KindIntlOrg, "", []string{"NATO", "North Atlantic Treaty Organization", "the alliance"}},
	{"United Nations", news.KindIntlOrg, "", []string{"United Nations", "UN", "U.N."}},
	{"European Union", news.KindIntlOrg, "", []string{"European Union", "EU"}},
	{"Ukraine Defense Contact Group", news.KindIntlOrg, "", []string{"Ukraine Defense Contact Group", "Ukraine Defence Contact Group", "Ramstein group"}},
	{"US Central Command", news.KindStateForces, "US", []string{"US Central Command", "U.S. Central Command", "CENTCOM"}},
	{"US Department of Defense", news.KindGovernment, "US", []string{"US Defense Department", "U.S. Defense Department", "Department of Defense", "Defense Department", "Pentagon"}},
	{"US Department of State", news.KindGovernment, "US", []string{"US Department of State", "State Department", "US State Department"}},
	{"Swiss Defence Ministry", news.KindGovernment, "CH", []string{"Swiss Defense Ministry", "Swiss Defence Ministry"}},
	{"Ukrainian Air Force", news.KindStateForces, "UA", []string{"Ukrainian air force", "Ukraine's air force"}},
	{"Russian Ministry of Defence", news.KindGovernment, "RU", []string{"Russian Defense Ministry", "Russian defence ministry", "Russia's defense ministry", "Russia's defence ministry"}},
	{"Coordination Headquarters for the Treatment of Prisoners of War", news.KindGovernment, "UA", []string{"Coordination Headquarters for the Treatment of Prisoners of War"}},
}

// forceNouns, after a demonym, make state forces ("Russian air defenses").
var forceNouns = []string{
	"air defenses", "air defences", "air defense", "air defence", "forces", "troops", "army",
	"military", "soldiers", "air force", "navy", "border guards", "police", "security forces",
	"warplanes", "jets", "aircraft", "artillery", "servicemen", "marines", "national guard",
}

// demonyms are the nationality adjectives of the dictionary ("Russian"):
// they name an actor but never a place.
var demonyms = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range countries {
		for _, d := range c.demonyms {
			m[strings.ToLower(d)] = true
		}
	}
	return m
}()

// dictActors is the built-in actor dictionary, keyed by normalised token
// sequences.
type dictActors struct {
	keys  map[string]news.ActorRef // normalised phrase → actor
	first map[string][]phrase      // first token → phrases starting with it, longest first
}

type phrase struct {
	key  string
	toks []string
}

// normTok lower-cases a token and writes apostrophes one way.
func normTok(t string) string {
	t = strings.ToLower(t)
	return strings.ReplaceAll(t, "’", "'")
}

func phraseKey(phrase string) []string {
	var out []string
	for _, t := range nlp.Tokenize(phrase) {
		out = append(out, normTok(t.Text))
	}
	return out
}

func newDictActors() *dictActors {
	d := &dictActors{keys: map[string]news.ActorRef{}, first: map[string][]phrase{}}
	add := func(p string, ref news.ActorRef) {
		toks := phraseKey(p)
		k := strings.Join(toks, " ")
		if _, ok := d.keys[k]; ok {
			return
		}
		d.keys[k] = ref
		d.first[toks[0]] = append(d.first[toks[0]], phrase{key: k, toks: toks})
	}
	for _, o := range orgs {
		ref := news.ActorRef{ID: "dict:" + o.name, Name: o.name, Kind: o.kind, Country: o.country}
		for _, a := range o.aliases {
			add(a, ref)
		}
	}
	for _, c := range countries {
		forces := news.ActorRef{ID: "dict:" + c.code + ":forces", Name: c.name + " military forces", Kind: news.KindStateForces, Country: c.code}
		for _, dm := range c.demonyms {
			for _, f := range forceNouns {
				add(dm+" "+f, forces)
			}
		}
		for _, n := range c.names {
			for _, f := range forceNouns {
				add(n+"'s "+f, forces)
			}
		}
		state := news.ActorRef{ID: "dict:" + c.code, Name: c.name, Kind: news.KindState, Country: c.code}
		for _, n := range c.names {
			add(n, state)
		}
		for _, dm := range c.demonyms {
			add(dm, state)
		}
	}
	for w := range d.first {
		ps := d.first[w]
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].toks) > len(ps[j].toks) })
	}
	return d
}

// lowerAliases may be written in lower case ("the alliance").
var lowerAliases = map[string]bool{"the alliance": true}

// upperOnly are aliases that are ordinary words unless written in capitals.
var upperOnly = map[string]bool{"us": true, "un": true, "eu": true, "uk": true, "is": true}

// FindActors implements Actors over the dictionary: the longest phrase at
// each token, capitalised as names are.
func (d *dictActors) FindActors(text string, _ time.Time) []ActorMention {
	toks := nlp.Tokenize(text)
	norm := make([]string, len(toks))
	for i, t := range toks {
		norm[i] = normTok(t.Text)
	}
	return d.find(toks, norm)
}

// find matches the dictionary over tokens and their normalised forms.
func (d *dictActors) find(toks []nlp.Token, norm []string) []ActorMention {
	var out []ActorMention
	for i := 0; i < len(toks); i++ {
		cands := d.first[norm[i]]
		if len(cands) == 0 {
			continue
		}
		for _, p := range cands {
			n := len(p.toks)
			if i+n > len(toks) || !hasSeq(norm, i, p.toks) {
				continue
			}
			first := toks[i].Text
			if first[0] >= 'a' && first[0] <= 'z' && !lowerAliases[p.key] {
				continue
			}
			if upperOnly[p.key] && first != strings.ToUpper(first) {
				continue
			}
			out = append(out, ActorMention{Start: toks[i].Start, End: toks[i+n-1].End, Ref: d.keys[p.key]})
			i += n - 1
			break
		}
	}
	return out
}
