package events

import "strings"

// class is what a trigger word says happened, before the sentence decides
// the sub-type (a generic "attack" with drones is an Air/drone strike).
type class uint8

const (
	cNone      class = iota
	cStrike          // air or drone strike, bombing (sub-type from the weapon)
	cShell           // shelling, rocket and missile fire
	cExplosive       // IEDs, roadside bombs, blasts
	cSuicide         // suicide bombings
	cAttack          // "attacked", "attacks": typed by weapon and target
	cKill            // "killed", "shot dead": typed by victims when nothing else is said
	cIntercept       // shot down, intercepted, defused
	cClash           // armed clashes, fighting
	cCapture         // captured, seized control
	cRecapture       // recaptured, liberated
	cWithdraw        // withdrew, handed over control
	cAbduct          // abducted, kidnapped
	cSexual          // sexual violence
	cArrest          // arrested, detained
	cProtest         // protests, demonstrations
	cRiot            // riots, violent demonstrations
	cMob             // mob violence
	cAgree           // agreements, ceasefires
	cGroup           // forming, splitting, recruiting armed groups
	cBase            // base or headquarters established
	cLoot            // looting, property destruction
	cArms            // arms transfers
	cTrain           // military training
	cProduce         // defence production
	cExchange        // prisoner and body exchanges
	cMeet            // meetings, talks, summits
	nClasses
)

// trig is one trigger phrase.
type trig struct {
	class  class
	words  []string
	noun   bool   // a noun ("attacks"), which may refer back ("those attacks")
	weak   bool   // needs its context nouns (a weapon, a group, bodies ...)
	status string // arms transfer status the verb implies
}

// triggerTable lists trigger phrases by class: "class flags: phrase, ...".
// Flags: n noun, w weak, s=<status>.
var triggerTable = []struct {
	class class
	flags string
	list  string
}{
	{cStrike, "", "airstrike, airstrikes, air strike, air strikes, air raid, air raids, drone strike, drone strikes, drone attack, drone attacks, bombed, bombarded, bombardment, strike, strikes"},
	{cStrike, "n", "bombing, bombings, raid, raids"},
	{cStrike, "w", "struck, hurled, hurling, threw, launched, launch, launches, launching, fired, fire, fires, hit, pounded, pounds, pounding, targeted, targeting, rained"},
	{cShell, "", "shelled, shelling, artillery fire, rocket attack, rocket attacks, missile attack, missile attacks, missile strike, missile strikes, rocket fire, mortar fire, mortar attack, mortar attacks"},
	{cExplosive, "", "roadside bombing, roadside bombings, car bombing, car bombings, roadside bomb, roadside bombs, ied, ieds, improvised explosive device, car bomb, car bombs, landmine, land mine, exploded, detonated, went off, gone off, blast, explosion, bomb attack, bomb attacks, explosive device, explosive devices, dynamited, dynamite attack, dynamite attacks, blew up, blow up, blown up, blowing up, car-bomb, car-bombs, car-bombing, car-bombings"},
	{cExplosive, "w", "planted, placed, plant, placing, planting"},
	{cExplosive, "n", "blasts, explosions"},
	{cSuicide, "", "suicide car bombing, suicide bomber, suicide bombers, suicide bombing, suicide attack, blew himself up, blew herself up"},
	{cKill, "n", "killers of, murderers of, assassins of, death of, deaths of"},
	{cAttack, "", "attacked, attacking, assaulted, stabbed, opened fire on"},
	{cAttack, "n", "shooting, shootings, gunfire, stabbing, stabbings, knife attack"},
	{cAttack, "n", "attack, attacks, assault, assaults, offensive"},
	{cKill, "", "slaying, slayings, killed, killing, kills, shot dead, massacred, massacre, executed, murdered, gunned down, assassinated, assassination, assassinations, assassinate, killings, tortured, torture, beat up, beaten, opened fire, murder, murders, murdered, riddled with bullets, shot and killed, shot to death, machinegunned, machine-gunned, shot, wounded, bodies"},
	{cIntercept, "", "shot down, shoot down, shooting down, downed, intercepted, intercept, interception"},
	{cIntercept, "w", "defused, neutralised, neutralized, destroyed"},
	{cClash, "", "clashed, clashes, clash, fighting, fought, battle, battles, firefight, firefights, gunfight, gunbattle, gun-battle, skirmish, skirmishes, gun battle, exchange of fire, exchanged fire, ambush, ambushed, repelled, repulsed, fended off, invaded"},
	{cClash, "w", "invasion"},
	{cCapture, "", "captured, seized control, took control, taken control, overran, overrun, took over, seized"},
	{cRecapture, "", "recaptured, retook, regained, liberated, regained control"},
	{cWithdraw, "", "withdrew from, handed over control, ceded, pulled out of"},
	{cAbduct, "", "abducted, kidnapped, kidnapping, kidnappings, abduction, abductions, taken hostage, took hostage, kidnap, abduct, hostage, hostages"},
	{cAbduct, "n", "disappearance of, disappearances of, forced disappearance, forced disappearances, forcibly disappeared"},
	{cSexual, "", "raped, rape, sexual violence, sexually assaulted, sexually abused"},
	{cArrest, "", "arrested, arrests, detained, detaining, rounded up, taken into custody, apprehended"},
	{cProtest, "", "hunger strike, general strike, open-ended strike, went on strike, on strike, blocked roads, blocked streets, blocked the, protest, protests, protested, protesting, protesters, protestors, demonstration, demonstrations, demonstrators, demonstrated, rally, rallies, rallied, marched, sit-in"},
	{cRiot, "", "riot, riots, rioted, rioters, rioting, torched, stone-throwing, threw stones, hurled stones"},
	{cMob, "", "mob, lynched, lynching"},
	{cAgree, "", "agreed, signed, reached a consensus, accepted"},
	{cAgree, "w", "agreement, ceasefire, cease-fire, truce, accord, peace deal, memorandum, deal"},
	{cGroup, "w", "formed, forming, form, founded, created, create, creating, split, splitting, splinter, merged, recruited, recruiting, recruit, recruitment, disbanded, pledged allegiance, hand picked, handpicked, hand-picked"},
	{cBase, "w", "established, set up, opened, built, building"},
	{cLoot, "", "looted, looting, ransacked, plundered, razed, burned down, vandalized, vandalised, set fire to, demolished, bulldozed, confiscated, torched, arson, set ablaze, burned, robbed, robbery, stole, stolen, set on fire, sets on fire, destroyed by fire, gutted by fire, burned to the ground, burnt to the ground, burnt down, set alight, went up in flames"},
	{cLoot, "n", "burning of, burnings of, torching of, looting of, sacking of"},
	{cLoot, "w", "sacked, sacking, burning"},
	{cArms, "w s=delivered", "delivered, arrived, received"},
	{cArms, "w s=in delivery", "delivery, deliveries, deliver, supplied, supply, supplies, send, sent, sending, provide, provided, providing, transfer, transfers, transferred, transferring, shipment, shipments, shipped"},
	{cArms, "w s=pledged", "pledged, pledge, promised, commitments, committed, package, donate, donated, agreed to send, funding, fund"},
	{cArms, "w s=approved", "approved, sold, sell, sale, sales, ordered, order"},
	{cArms, "w s=diverted", "diverting, diverted, divert, reprioritize, reprioritise, redirect, redirected"},
	{cArms, "w s=delayed", "delay, delayed, postponed"},
	{cArms, "w s=cancelled", "cancelled, canceled, halted, suspended"},
	{cTrain, "w", "trained, training, train, trains"},
	{cProduce, "w", "production, produce, produces, produced, producing, manufacturing, manufacture, manufactured, makes, output, factory, factories"},
	{cExchange, "w", "exchange, exchanged, swap, swapped, handed over, sent, received, returned, repatriated, released"},
	{cMeet, "", "meeting, meet, meets, met, summit, talks, held talks, negotiations, telephoned, phoned, mediation, mediate, hosted"},
	{cMeet, "w", "visited, visit, visits, welcomed, welcome"},
}

// triggers indexes the table by first word.
var triggers = func() map[string][]trig {
	m := map[string][]trig{}
	for _, row := range triggerTable {
		noun, weak, status := false, false, ""
		for _, f := range strings.Fields(row.flags) {
			switch {
			case f == "n":
				noun = true
			case f == "w":
				weak = true
			case strings.HasPrefix(f, "s="):
				status = f[2:]
			}
		}
		if i := strings.Index(row.flags, "s="); i >= 0 {
			status = row.flags[i+2:]
		}
		for _, p := range strings.Split(row.list, ",") {
			ws := strings.Fields(strings.TrimSpace(p))
			if len(ws) == 0 {
				continue
			}
			t := trig{class: row.class, words: ws, noun: noun || isNounTrigger(ws), weak: weak, status: status}
			m[ws[0]] = append(m[ws[0]], t)
		}
	}
	for k, ts := range m {
		// Longest phrases first.
		for i := 1; i < len(ts); i++ {
			for j := i; j > 0 && len(ts[j].words) > len(ts[j-1].words); j-- {
				ts[j], ts[j-1] = ts[j-1], ts[j]
			}
		}
		m[k] = ts
	}
	return m
}()

func isNounTrigger(ws []string) bool {
	last := ws[len(ws)-1]
	switch last {
	case "strike", "strikes", "attack", "attacks", "bombing", "bombings", "meeting", "talks",
		"summit", "exchange", "delivery", "deliveries", "explosion", "blast", "clashes", "fighting",
		"assault", "offensive", "raid", "raids", "protests", "protest", "demonstrations", "demonstration",
		"kidnapping", "kidnappings", "abduction", "abductions", "arrests", "negotiations", "rape", "shootings", "riots",
		"explosions", "agreement", "deal", "ceasefire", "truce", "mediation":
		return true
	}
	return false
}

// weapon heads: the noun that names a weapon or platform, and what it makes
// of an attack.
var weaponHeads = map[string]class{
	"drone": cStrike, "drones": cStrike, "uav": cStrike, "uavs": cStrike, "shahed": cStrike, "shaheds": cStrike,
	"geran": cStrike, "warplane": cStrike, "warplanes": cStrike, "jets": cStrike, "aircraft": cStrike,
	"helicopter": cStrike, "helicopters": cStrike, "airstrike": cStrike, "airstrikes": cStrike, "bombers": cStrike,
	"missile": cShell, "missiles": cShell, "rocket": cShell, "rockets": cShell, "artillery": cShell,
	"shells": cShell, "mortar": cShell, "mortars": cShell, "howitzer": cShell, "howitzers": cShell,
	"katyusha": cShell, "katyushas": cShell, "grad": cShell, "iskander": cShell, "iskander-m": cShell,
	"kinzhal": cShell, "kalibr": cShell, "himars": cShell, "atacms": cShell, "scud": cShell,
	"ied": cExplosive, "ieds": cExplosive, "bomb": cExplosive, "bombs": cExplosive, "landmine": cExplosive,
	"landmines": cExplosive, "dynamite": cExplosive, "mine": cExplosive, "mines": cExplosive, "explosives": cExplosive, "car bomb": cExplosive,
	"grenade": cAttack, "grenades": cAttack,
	"patriot": cNone, "patriots": cNone, "systems": cNone, "weapons": cNone, "weaponry": cNone,
	"tanks": cNone, "f-16": cNone, "f-16s": cNone, "ammunition": cNone, "munitions": cNone,
	"arms": cNone, "equipment": cNone,
}

// armsNouns make a transfer or production trigger count.
var armsNouns = set("weapons", "weapon", "arms", "weaponry", "systems", "patriot", "patriots", "ammunition",
	"munitions", "missiles", "missile", "tanks", "jets", "f-16", "f-16s", "drones", "howitzers", "shells",
	"equipment", "air defense", "air defence", "military aid", "military support", "military assistance", "security assistance", "himars", "atacms", "artillery",
	"interceptors", "launchers", "rockets")

// groupNouns make a forming or splitting trigger a group change.
var groupNouns = set("group", "groups", "faction", "factions", "militia", "militias", "cells", "cell",
	"brigade", "brigades", "battalion", "battalions", "unit", "units", "movement", "fighters",
	"operatives", "recruits", "wing", "offshoot", "coalition", "organisation", "organization")

// baseNouns make an establishing trigger a base.
var baseNouns = set("base", "bases", "headquarters", "outpost", "outposts", "garrison", "camp", "camps", "airbase")

// exchangeNouns make a handing-over trigger an exchange.
var exchangeNouns = set("bodies", "prisoners", "pows", "captives", "hostages", "detainees", "remains", "prisoner")

// forceNounsSet are what training is given to.
var trainees = set("them", "fighters", "forces", "troops", "soldiers", "pilots", "recruits", "personnel",
	"militiamen", "officers", "army", "cadets", "groups", "were", "was", "been")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Speech verbs mark who says so; their subjects are sources, not actors.
var speechVerbs = set("said", "says", "say", "told", "reported", "announced", "added", "stated",
	"claimed", "confirmed", "denied", "according", "noted", "warned", "insisted", "acknowledged")

// Modality cues.
var (
	planCues     = set("will", "would", "'ll", "plans", "plan", "planned", "planning", "aims", "aim", "intends", "intend", "scheduled", "expected", "set", "going", "shall", "must", "keen", "seeks", "wants", "prepares", "preparing", "preparations")
	possibleCues = set("may", "might", "could", "suspected", "possibly", "likely", "apparently", "allegedly", "probably", "feared", "believed")
	negCues      = set("not", "n't", "never", "no", "without", "neither", "nor")
	denyCues     = set("denied", "denies", "deny", "denying", "rejected", "reject", "rejects", "rejecting", "dismissed", "refuted", "refutes")
	// thingNouns, after a demonym, name a country's things or places,
	// which do not act: "a Pakistani train", "Russian territory".
	thingNouns = set("train", "trains", "ship", "ships", "vessel", "vessels", "tanker", "tankers", "airliner", "airliners",
		"bus", "buses", "town", "towns", "city", "cities", "village", "villages", "border", "borders", "territory", "soil",
		"province", "provinces", "region", "regions", "airspace", "waters", "port", "ports", "capital", "embassy", "consulate",
		"passengers", "citizens", "nationals", "civilians", "hostages", "workers", "tourists")
	claimCues = set("claimed", "claims", "claim")
)

// Counted nouns, by what a figure with them counts.
var (
	// propertyNouns are what arson and looting befall, for the verbs that
	// need them ("sacked two pharmacies", not "the minister was sacked").
	propertyNouns = set("pharmacies", "pharmacy", "stores", "store", "shops", "shop", "houses", "house", "homes",
		"home", "buildings", "building", "offices", "office", "buses", "bus", "vehicles", "vehicle", "cars", "car",
		"trucks", "truck", "warehouses", "warehouse", "churches", "church", "mosques", "mosque", "schools", "school",
		"markets", "market", "banks", "bank", "village", "villages", "town", "crops", "fields", "farms", "property")
	peopleNouns = set("people", "person", "persons", "civilians", "civilian", "soldiers", "soldier", "troops",
		"men", "women", "children", "residents", "servicemen", "militants", "fighters", "policemen",
		"police", "officers", "officer", "villagers", "workers", "members", "protesters", "demonstrators",
		"others", "individuals", "militiamen", "insurgents", "rebels", "guards", "youths", "leaders", "commanders",
		"students", "journalists", "guerrillas", "peacekeepers", "pilgrims", "refugees", "migrants", "worshippers",
		"passengers", "policemen", "gunmen", "boys", "girls", "farmers", "teenagers", "victims", "americans",
		"terrorists", "attackers", "assailants", "jihadists", "extremists", "combatants", "paramilitaries",
		"peasants", "inhabitants", "priests", "nuns", "jesuits", "campesinos", "bystanders", "hostages",
		"bodyguards", "escorts", "missionaries", "citizens", "employees", "officials", "maids", "seamen",
		"sailors", "judges", "miners", "nationals", "tourists", "doctors", "nurses", "patients",
		"brothers", "sons", "daughters", "sisters", "relatives", "wives", "minors", "infants", "babies",
		"babies", "activists", "teachers", "followers", "supporters", "newsmen", "reporters", "agents", "personnel", "staff", "crew", "troopers")
	// singular people nouns, for "a soldier was killed" (one).
	personNouns = set("soldier", "civilian", "journalist", "prisoner", "man", "woman", "child", "policeman",
		"officer", "person", "commander", "leader", "member", "worker", "student", "boy", "girl", "guard", "adult",
		"fighter", "militant", "activist", "teenager", "resident", "farmer", "villager", "official")
	projectileNouns = set("drones", "drone", "missiles", "missile", "rockets", "rocket", "shells", "shahed",
		"shaheds", "uavs", "uav", "projectiles", "bombs", "mortars", "decoys", "decoy")
	systemNouns = set("systems", "system", "launchers", "tanks", "jets", "aircraft", "howitzers", "vehicles",
		"batteries", "patriots", "f-16s", "helicopters")
	killVerbs = set("killed", "killing", "kills", "dead", "died", "deaths", "death", "fatalities", "lives", "toll", "slain",
		"assassinated", "murdered", "executed", "massacred", "kill", "killings", "murder", "murders", "massacre",
		"assassination", "slaughtered", "slaying", "slayings")
	injureVerbs = set("injured", "injuring", "wounded", "wounding", "hurt", "injuries", "wounds", "wound", "injury", "injure", "maimed")
	detainVerbs = set("arrested", "detained", "detaining", "arresting", "custody", "rounded")
	abductVerbs = set("abducted", "kidnapped", "hostage", "hostages", "seized")
	hitVerbs    = set("hit", "struck", "reached", "got")
)

// defusedObjects are what "defused" needs to be an interception of explosives.
var defusedObjects = set("bomb", "bombs", "ied", "ieds", "device", "devices", "explosives", "mine", "mines", "landmine", "landmines")

// bodiesFound are the verbs that make bodies a killing ("28 bodies were found").
var bodiesFound = set("found", "discovered", "dumped", "recovered", "unearthed", "exhumed")

// bodiesExchanged are the words of bodies handed over, an exchange, not a killing.
var bodiesExchanged = set("exchange", "exchanged", "handed", "received", "repatriated", "returned", "swap", "handover", "transferred")

// crowdWords make "rally" a protest.
var crowdWords = set("protesters", "supporters", "thousands", "hundreds", "against", "demonstrators")

// protestActs make a mention of protesters a protest event.
var protestActs = set("gathered", "marched", "took", "rallied", "chanted", "blocked", "dispersed", "disperse", "fired", "tear", "clashed", "killed", "arrested")

// signedDocs make "signed" an agreement.
var signedDocs = set("agreement", "deal", "accord", "ceasefire", "truce", "memorandum", "treaty")

// offensiveStarts make "invasion" an event ("mounted its invasion").
var offensiveStarts = set("launched", "mounted", "began", "begun", "started", "ordered")

// capturedPlaces make "seized" a territorial change.
var capturedPlaces = set("control", "town", "village", "city", "territory", "district", "area", "base", "positions", "airport")

// interceptVerbs make projectiles counted near them intercepted.
var interceptVerbs = set("shot", "intercepted", "downed", "destroyed", "neutralised", "neutralized")
