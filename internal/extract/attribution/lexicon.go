package attribution

import "strings"

// Relations an attribution can carry (news.Attribution.Relation).
const (
	RelAssert    = "assert"
	RelConfirm   = "confirm"
	RelDeny      = "deny"
	RelCaveat    = "caveat"
	RelNoComment = "no comment"
)

// cueClass says how a cue word takes its source and content.
type cueClass uint8

const (
	cueVerb      cueClass = iota + 1 // "X said Y", "Y, X said", "Y, said X"
	cueTell                          // "X told Reuters (that) Y": the recipient joins the cue
	cueParticle                      // "adding that Y", "saying Y": the source is the clause's subject
	cueCognition                     // "X believes Y": only with a source before it
)

type cueInfo struct {
	class cueClass
	rel   string
}

// cueWords are the single-word cues of news English: verbs of saying,
// reporting and (for cognition) believing, in the forms news copy uses.
// The list follows what reporters write and what annotated attribution
// corpora mark most often.
var cueWords = map[string]cueInfo{}

func init() {
	add := func(class cueClass, rel string, words string) {
		for _, w := range strings.Fields(words) {
			cueWords[w] = cueInfo{class, rel}
		}
	}
	add(cueVerb, RelAssert, `said says say stated added adds announced announces
		reported reports noted notes explained explains wrote writes tweeted tweets posted
		warned warns insisted insists argued argues acknowledged acknowledges admitted admits
		asserted asserts alleged alleges estimated estimates declared declares stressed stresses
		emphasized emphasised emphasizes emphasises revealed reveals disclosed predicted predicts
		suggested suggests indicated indicates replied replies responded responds urged urges
		promised promises vowed vows pledged pledges threatened threatens recalled recalls
		concluded concludes blamed blames reiterated reiterates boasted complained complains
		conceded concedes remarked commented comments observed
		accused accuses cautioned cautions mentioned mentions asked asks announces
		described describes quoted cited charged charges contended contends countered
		acknowledged wrote recounted testified testifies briefed agreed admitted signaled
		signalled hinted declared called calls show shows showed found finds criticized
		criticised criticizes praised praises endorsed endorses defended defends supported
		opposed opposes sought seeks proposed proposes questioned questions offered offers
		slammed slams attacked touted touts highlighted highlights acknowledged blasted
		mocked joked predicted recommended demanded demands welcomed welcomes condemned
		condemns backed backs`)
	add(cueVerb, RelConfirm, `confirmed confirms`)
	add(cueVerb, RelDeny, `denied denies rejected rejects dismissed dismisses disputed disputes refuted`)
	add(cueVerb, RelAssert, `claimed claims`)
	add(cueTell, RelAssert, `told tells tell informed informs`)
	add(cueParticle, RelAssert, `saying adding noting telling citing writing arguing explaining
		warning claiming insisting stressing calling describing referring announcing suggesting
		accusing urging calling criticizing praising arguing asking
		defending suggesting pointing declaring`)
	add(cueParticle, RelConfirm, `confirming`)
	add(cueParticle, RelDeny, `denying rejecting`)
	add(cueCognition, RelAssert, `seemed seems appeared appears plans wish wishes
		believe believes think thinks thought expect expects
		expected fear fears feared hope hopes hoped want wants wanted feel feels knew know
		knows doubt doubts worry worries worried`)
}

// cueAux are words that may stand between a source and its cue and join the
// cue: "has said", "also told", "later denied".
var cueAux = setOf(`has have had also later previously earlier repeatedly publicly
	reportedly separately further then again already now privately initially first
	would will could might may did does do recently once even still often himself herself all both`)

// channelNouns are what a statement was made in: "said in a statement".
var channelNouns = setOf(`statement statements post video address interview briefing tweet
	message letter report speech conference remarks release news communique communiqué
	broadcast appearance testimony op-ed column email e-mail filing note call`)

// clauseOpeners strip from the front of a source noun phrase.
var clauseOpeners = setOf(`but and meanwhile however also separately earlier later now yet so
	still instead thus moreover furthermore additionally then indeed in addition`)

// determiners that open a noun phrase.
var determiners = setOf(`the a an this that these those its his her their our my your some
	several many any each every both all another`)

// numberWords maps spelled-out numbers to their value.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "twenty": 20, "dozen": 12, "a dozen": 12,
	"both": 2, "pair": 2, "couple": 2,
}

// ordinals ("a second official") make a description stand for one person.
var ordinals = setOf(`second third fourth fifth sixth seventh eighth ninth tenth another other`)

// roleNouns head descriptions of people: anonymous sources when no name
// goes with them ("an Iraqi security official"), roles when one does.
var roleNouns = setOf(`official officials source sources commander commanders diplomat diplomats
	spokesman spokeswoman spokesperson spokespeople spokesmen aide aides adviser advisers
	advisor advisors analyst analysts expert experts witness witnesses resident residents
	officer officers soldier soldiers fighter fighters member members leader leaders minister
	ministers secretary president chief chiefs head director directors ambassador envoy envoys
	general generals lawmaker lawmakers legislator legislators representative representatives
	investigator investigators prosecutor prosecutors activist activists medic medics doctor
	doctors journalist journalists correspondent people person insider insiders observer
	observers monitor monitors negotiator negotiators mediator mediators governor mayor
	commissioner colonel lieutenant captain sergeant militant militants politician politicians
	staffer staffers operative operatives strategist strategists supporter supporters critic
	critics researcher researchers scholar scholars academic academics employee employees worker
	workers survivor survivors relative relatives chairman chairwoman chair deputy premier
	counterpart agent agents pilot pilots rebel rebels contractor contractors manager managers
	executive executives engineer engineers guard guards commentator commentators veteran
	veterans candidate candidates nominee founder organizer organizers organiser organisers
	man men woman women someone somebody individuals individual parent parents mother father
	student students teacher teachers delegate delegates senator senators congressman
	congresswoman congressmen speaker admiral marshal attorney lawyer lawyers judge judges
	specialist specialists consultant consultants planner planners staff`)

// orgHeads head descriptions of organisations.
var orgHeads = setOf(`ministry ministries government governments military militaries army armies
	navy force forces police headquarters command council department office agency committee
	group groups militia militias party parties embassy administration kremlin pentagon
	service services corps brigade brigades battalion unit units authority authorities coalition
	alliance movement organisation organization commission parliament court cabinet presidency
	campaign company companies firm firms bank union un nato eu idf regime mission centre center
	institute foundation network observatory watchdog federation association team guard
	directorate bureau secretariat senate congress house assembly council junta hamas
	watch nations cross crescent borders fund programme society university tribunal forum
	republic kingdom emirate jihad
	hezbollah taliban houthis wagner isis isil daesh fsb sbu gur cia fbi irgc ukraine russia
	iran iraq israel switzerland china syria turkey lebanon yemen germany france britain
	washington moscow kyiv kiev tehran beijing baghdad jerusalem damascus ankara london paris
	berlin brussels operator operators manufacturer`)

// documentHeads head descriptions of documents and statements.
var documentHeads = setOf(`statement statements report reports document documents communique
	communiqué video videos post posts letter letters filing memo tweet tweets transcript
	assessment assessments bulletin release study survey poll polls analysis data figures
	records update updates announcement message notice decree indictment complaint estimate
	estimates account accounts footage images photos photographs report cable cables
	testimony emails email survey records review investigation audit ` + documentNameWords)

// documentNames end the names of documents ("the Next Generation Artificial
// Intelligence Development Plan said", "the National Security Strategy
// says"): a name that ends with one is a document, not a person. Each
// heads a document's description too.
var documentNames = setOf(documentNameWords)

const documentNameWords = `plan plans strategy act accord agreement treaty resolution declaration
	charter constitution doctrine report review assessment statement communique communiqué`

// outlets are news organisations that appear as sources ("reported Reuters").
var outlets = setOf(`reuters ap afp bloomberg cnn bbc tass ria interfax ukrinform xinhua irna
	tasnim fars isna mehr anadolu yonhap kyodo axios politico nbc abc cbs fox msnbc npr
	al-jazeera aljazeera al-arabiya alarabiya sana wafa dpa efe ansa kyiv-independent
	asharq al-awsat haaretz ynet kan ria-novosti sputnik rt wsj`)

// outletPhrases are multiword outlet names, lower case.
var outletPhrases = []string{
	"associated press", "agence france-presse", "agence france presse", "new york times",
	"washington post", "wall street journal", "financial times", "the guardian", "al jazeera",
	"al arabiya", "asharq al-awsat", "kyiv independent", "times of israel", "jerusalem post",
	"state media", "state television", "state tv", "state news agency", "news agency",
	"ria novosti", "the telegraph", "the economist", "the times", "sky news", "the ap",
}

// outletHeads head descriptions of outlets ("the news agency", "state media").
var outletHeads = setOf(`newspaper newspapers daily broadcaster broadcasters channel tv television
	radio outlet outlets media news magazine website agency`)

// demonyms maps nationality adjectives to the country they name.
var demonyms = map[string]string{
	"russian": "Russia", "ukrainian": "Ukraine", "iranian": "Iran", "iraqi": "Iraq",
	"swiss": "Switzerland", "american": "United States", "us": "United States",
	"u.s.": "United States", "british": "United Kingdom", "uk": "United Kingdom",
	"german": "Germany", "french": "France", "israeli": "Israel", "syrian": "Syria",
	"lebanese": "Lebanon", "turkish": "Turkey", "chinese": "China", "saudi": "Saudi Arabia",
	"yemeni": "Yemen", "palestinian": "Palestine", "sudanese": "Sudan", "egyptian": "Egypt",
	"jordanian": "Jordan", "kurdish": "Kurdistan", "afghan": "Afghanistan",
	"pakistani": "Pakistan", "indian": "India", "polish": "Poland", "belarusian": "Belarus",
	"finnish": "Finland", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
	"dutch": "Netherlands", "canadian": "Canada", "italian": "Italy", "spanish": "Spain",
	"japanese": "Japan", "korean": "Korea", "qatari": "Qatar", "emirati": "United Arab Emirates",
	"libyan": "Libya", "malian": "Mali", "nigerian": "Nigeria", "somali": "Somalia",
	"ethiopian": "Ethiopia", "congolese": "Congo", "western": "", "european": "",
}

// countries are one-word country names (GeoNames' list, less names that
// are more often a person's or a US state's: Chad, Georgia, Jersey), as
// sources ("Ukraine said"), in possessives ("Russia's defense ministry")
// and as words that are never part of a person's name.
var countries = setOf(`afghanistan albania algeria andorra angola argentina armenia
	australia austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize
	benin bhutan bolivia botswana brazil britain brunei bulgaria burundi cambodia cameroon
	canada chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti
	dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia
	gaza germany ghana greece grenada guatemala guinea guinea-bissau guyana haiti honduras
	hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
	kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
	libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
	mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
	mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway oman
	pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania
	russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
	sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
	tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican
	venezuela vietnam yemen zambia zimbabwe`)

// countryPhrases are country names of several words, lower case, each
// word a token.
var countryPhrases = setOf(strings.Join([]string{
	"united_states united_kingdom united_arab_emirates south_korea north_korea south_africa",
	"south_sudan ivory_coast burkina_faso sierra_leone saudi_arabia sri_lanka new_zealand",
	"costa_rica el_salvador czech_republic dominican_republic central_african_republic",
	"equatorial_guinea north_macedonia papua_new_guinea cabo_verde cape_verde timor_leste",
	"east_timor democratic_republic_of_the_congo democratic_republic_of_congo",
	"republic_of_the_congo bosnia_and_herzegovina trinidad_and_tobago hong_kong",
	"solomon_islands marshall_islands western_sahara the_netherlands",
}, " "))

// capitals speak for their governments as sources ("Beijing denies the
// allegations"): capital, lower case, to the country the resolver knows.
var capitals = map[string]string{
	"moscow": "Russia", "kyiv": "Ukraine", "kiev": "Ukraine", "washington": "United States",
	"beijing": "China", "tehran": "Iran", "ankara": "Turkey", "damascus": "Syria",
	"baghdad": "Iraq", "beirut": "Lebanon", "riyadh": "Saudi Arabia", "cairo": "Egypt",
	"pyongyang": "North Korea", "seoul": "South Korea", "tokyo": "Japan", "taipei": "Taiwan",
	"islamabad": "Pakistan", "new delhi": "India", "kabul": "Afghanistan", "minsk": "Belarus",
	"london": "United Kingdom", "paris": "France", "berlin": "Germany", "brussels": "Belgium",
	"khartoum": "Sudan", "addis ababa": "Ethiopia", "nairobi": "Kenya", "mogadishu": "Somalia",
	"bamako": "Mali", "niamey": "Niger", "ouagadougou": "Burkina Faso", "kinshasa": "Democratic Republic of the Congo",
	"kigali": "Rwanda", "abuja": "Nigeria", "tripoli": "Libya", "sanaa": "Yemen", "doha": "Qatar",
	"abu dhabi": "United Arab Emirates", "caracas": "Venezuela", "havana": "Cuba", "naypyitaw": "Myanmar",
	"hanoi": "Vietnam", "manila": "Philippines", "jakarta": "Indonesia", "baku": "Azerbaijan", "yerevan": "Armenia",
	"tbilisi": "Georgia", "warsaw": "Poland", "budapest": "Hungary", "amman": "Jordan",
}

// subordinators open clauses; capitalised at a sentence's start they are
// not a name's first word ("When Naveeda Khoshbo published").
var subordinators = setOf(`when while after before as since if although though because unless
	until once where whether despite`)

// placeHeads end the names of places, which are not people ("the Chagos
// Islands").
var placeHeads = setOf(`islands island province region valley strip peninsula`)

// nameParticles join the words of a name in lower case ("Ursula von der
// Leyen", "Abu Mohammed al-Jolani" is one token).
var nameParticles = setOf(`von van der den de da di du del della dos bin ibn al el le la`)

// arabicGroupNames are organisations and outlets whose names look like a
// person's with an article ("al-Shabab").
var arabicGroupNames = setOf(`al-shabab al-shabaab al-qaeda al-qaida al-nusra al-aqsa al-quds
	al-sham al-jazeera al-arabiya al-monitor al-ahram al-mayadeen al-manar al-hayat`)

// personTitles precede names ("Gen. Alexus Grynkewich").
var personTitles = setOf(`president prime minister secretary gen. gen general lt. col. adm.
	admiral sen. senator rep. gov. governor mr. mrs. ms. dr. ambassador commander chief
	spokesman spokeswoman spokesperson sheikh king prince pope chancellor mayor judge
	ayatollah maj. capt. sgt. brig. lt col maj capt colonel major captain foreign defense
	defence deputy vice first lady queen emir crown interior supreme allied`)

// pronouns that refer back to an earlier source.
var pronouns = map[string]int{ // value: 1 singular, 2 plural
	"he": 1, "she": 1, "it": 1, "they": 2, "we": 2, "i": 1, "one": 1, "another": 1,
}

// refusal verbs and objects: "did not reply to requests for comment".
var refusalVerbs = setOf(`reply respond return answer comment`)

// caveatPhrases mark a claim as unverified.
var caveatPhrases = []string{
	"could not be independently verified", "could not independently verify",
	"could not be verified", "cannot be independently verified", "has not been verified",
	"could not immediately be verified", "could not be independently confirmed",
	"was not possible to verify", "were not possible to verify", "unable to verify",
	"unable to independently verify", "not be independently confirmed",
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
