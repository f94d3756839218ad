package actors

import (
	"strings"

	"github.com/sitrep-osint/sitrep/news"
)

// A generic actor stands for a part of a state that news describes rather
// than names: "Iraqi police" is Police Forces of Iraq, "Russian officials"
// the Government of Russia. The registry makes one of each for every state
// (ID "<country>-<suffix>", e.g. "iq-cop") unless a data file defines it.
type generic struct {
	Suffix string
	Kind   string
	Name   string // with %s for the country's name
	Title  string // what a person's role in it is called
}

var generics = []generic{
	{"gov", news.KindGovernment, "Government of %s", "government"},
	{"mil", news.KindStateForces, "Military Forces of %s", "military"},
	{"cop", news.KindStateForces, "Police Forces of %s", "police"},
	{"sec", news.KindStateForces, "Security Forces of %s", "security forces"},
	{"spy", news.KindStateForces, "Intelligence Services of %s", "intelligence"},
	{"leg", news.KindGovernment, "Legislature of %s", "legislature"},
	{"jud", news.KindGovernment, "Judiciary of %s", "judiciary"},
	{"reb", news.KindRebels, "Rebel Groups (%s)", "rebel"},
	{"opp", news.KindOtherOrg, "Opposition (%s)", "opposition"},
	{"uaf", news.KindUnknownArmed, "Unidentified Armed Group (%s)", "armed group"},
	{"cvl", news.KindCivilians, "Civilians (%s)", "civilian"},
	{"med", news.KindMedia, "Media (%s)", "media"},
	{"bus", news.KindPrivateSector, "Private Sector (%s)", "business"},
	{"ngo", news.KindOtherOrg, "Non-Governmental Organisations (%s)", "non-governmental organisation"},
}

func genericBySuffix(suffix string) (generic, bool) {
	for _, g := range generics {
		if g.Suffix == suffix {
			return g, true
		}
	}
	return generic{}, false
}

// CAMEOGeneric maps a CAMEO agent code ("GOV", "MIL", "COP", "GOVMIL",
// "REBMUS"; a code may chain several three-letter agents) to the suffix
// of the generic actor it describes and that actor's kind. ok is false for
// codes that name no part of a state ("ELI", former officials).
func CAMEOGeneric(code string) (suffix, kind string, ok bool) {
	code = strings.TrimPrefix(code, "~")
	if strings.Contains(code, "SPY") {
		code = "SPY"
	}
	if len(code) < 3 {
		return "", "", false
	}
	switch code[:3] {
	case "GOV":
		suffix = "gov"
	case "MIL":
		suffix = "mil"
	case "COP":
		suffix = "cop"
	case "SEC":
		suffix = "sec"
	case "SPY":
		suffix = "spy"
	case "LEG":
		suffix = "leg"
	case "JUD":
		suffix = "jud"
	case "REB", "INS", "IMG":
		suffix = "reb"
	case "OPP", "PTY":
		suffix = "opp"
	case "UAF", "CRM", "SEP":
		suffix = "uaf"
	case "MED":
		suffix = "med"
	case "BUS", "MNC":
		suffix = "bus"
	case "NGO", "HRI", "ENV", "NGM":
		suffix = "ngo"
	case "CVL", "PPL", "REF", "AGR", "EDU", "LAB", "HLH", "REL", "CHR", "MUS", "JEW", "HIN", "BUD", "RAD", "DEV":
		suffix = "cvl"
	default:
		return "", "", false
	}
	g, _ := genericBySuffix(suffix)
	return suffix, g.Kind, true
}

// GenericSuffixes lists the suffixes of the generic actors every state
// gets ("gov", "mil", "cop", ...).
func GenericSuffixes() []string {
	out := make([]string, len(generics))
	for i, g := range generics {
		out[i] = g.Suffix
	}
	return out
}
