package events

import (
	"strings"

	"github.com/sitrep-osint/sitrep/news"
)

// roleWords precede a person's name ("Defense Secretary John Healey",
// "counterpart Boris Pistorius").
var roleWords = set("president", "minister", "secretary", "general", "gen.", "gen", "spokesperson",
	"spokesman", "spokeswoman", "aide", "chief", "leader", "commander", "counterpart", "ambassador",
	"mastermind", "successor", "envoy", "premier", "chancellor", "adviser", "advisor", "director",
	"colonel", "col.", "lt.", "major", "maj.", "sheikh", "cleric", "mayor", "governor", "officer",
	"head", "king", "prince", "lieutenant", "captain", "sgt.", "admiral", "adm.", "senator", "rep.",
	"msgr", "monsignor", "bishop", "archbishop", "father", "judge", "dr", "mr", "mrs", "ms", "sister")

// notNames are capitalised words that begin sentences or titles, not names.
var notNames = set("the", "a", "an", "but", "and", "meanwhile", "in", "on", "at", "it", "he", "she",
	"they", "we", "i", "his", "her", "their", "last", "this", "after", "before", "under", "while",
	"with", "as", "for", "from", "no", "things", "there", "those", "these", "what", "when", "where",
	"that", "who", "our", "its", "mr.", "mrs.", "ms.", "dr.", "general", "defense", "defence",
	"secretary", "president", "minister", "supreme", "allied", "commander", "europe", "ukrainian",
	"russian", "german", "british", "us", "nato", "iraqi", "iranian", "swiss", "western", "another",
	"delivery", "patriot", "file", "photo", "according", "since", "during", "over", "all", "both",
	"some", "about", "up", "several", "many", "hundreds", "thousands", "dozens", "angry", "young", "under",
	"on", "if", "however", "then", "now", "today", "yesterday", "security", "police", "rebels", "militants")

// findPersons finds person names: PER entities when an NER stage ran, and
// otherwise two or three capitalised words after a role word or before a
// speech verb.
func findPersons(s *sentence, ents []news.Entity) []actorAt {
	var out []actorAt
	taken := func(a, b int) bool {
		for _, at := range s.actors {
			if at.s < b && a < at.e {
				return true
			}
		}
		for _, at := range out {
			if at.s < b && a < at.e {
				return true
			}
		}
		return false
	}
	for _, e := range ents {
		if e.Type != news.EntPerson || e.Start < s.span.Start || e.End > s.span.End {
			continue
		}
		a, b := -1, -1
		for i, t := range s.toks {
			if a < 0 && t.end > e.Start {
				a = i
			}
			if t.start < e.End {
				b = i + 1
			}
		}
		if a < 0 || b <= a || taken(a, b) {
			continue
		}
		ref := news.ActorRef{Name: e.Text, Kind: news.KindPerson}
		if e.Actor != nil {
			ref = *e.Actor
		}
		ref.Country = countryBefore(s, a, ref.Country)
		out = append(out, actorAt{s: a, e: b, ref: ref, person: true})
	}
	for i := 0; i < len(s.toks); i++ {
		if !capWord(s.toks[i].text) || notNames[s.low[i]] || roleWords[s.low[i]] || functionWords[s.low[i]] {
			continue
		}
		j := i
		for j < len(s.toks) && j-i < 3 && capWord(s.toks[j].text) && !notNames[s.low[j]] && !functionWords[s.low[j]] {
			j++
		}
		prev := ""
		if i > 0 {
			prev = s.low[i-1]
		}
		if j-i < 2 && !(roleWords[prev] && i > 0 && capWord(s.toks[i-1].text)) {
			continue // one word is a name only after a title ("President Obama")
		}
		next := ""
		if j < len(s.low) {
			next = s.low[j]
		}
		if !(roleWords[prev] || speechVerbs[next] || next == "," && i > 0 && roleWords[prev]) {
			continue
		}
		if taken(i, j) || isPlaceLike(s.low[j-1]) {
			continue
		}
		name := s.text[s.toks[i].start-s.span.Start : s.toks[j-1].end-s.span.Start]
		ref := news.ActorRef{Name: name, Kind: news.KindPerson}
		ref.Country = countryBefore(s, i, "")
		out = append(out, actorAt{s: i, e: j, ref: ref, person: true, possessor: j < len(s.low) && s.low[j] == "'s"})
		i = j - 1
	}
	return out
}

func capWord(t string) bool {
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	for i := 1; i < len(t); i++ {
		if t[i] >= 'a' && t[i] <= 'z' {
			return true
		}
	}
	// All capitals: an acronym ("NATO") or upper-case copy ("SAN SALVADOR").
	return true
}

func isPlaceLike(w string) bool {
	switch w {
	case "region", "province", "city", "airport", "base", "district", "oblast", "force", "forces",
		"ministry", "department", "group", "command", "headquarters", "council", "army", "corps":
		return true
	}
	return false
}

// countryBefore reads a nationality in the few words before a person's
// name ("German counterpart", "US Defense Secretary").
func countryBefore(s *sentence, i int, def string) string {
	if def != "" {
		return def
	}
	for _, at := range s.actors {
		if at.e <= i && at.e >= i-4 && !at.person && at.ref.Kind == news.KindState {
			ok := true
			for k := at.e; k < i; k++ {
				if !roleWords[s.low[k]] && !capWord(s.toks[k].text) && s.low[k] != "presidential" && s.low[k] != "'s" {
					ok = false
				}
			}
			if ok {
				def = at.ref.Country
			}
		}
	}
	return def
}

// Generic actor phrases, by head noun: "the new groups", "gunmen",
// "protesters". They stand in for actors that have no name.
var genericHeads = map[string]string{
	"groups": news.KindUnknownArmed, "factions": news.KindUnknownArmed, "gunmen": news.KindUnknownArmed,
	"militants": news.KindUnknownArmed, "insurgents": news.KindUnknownArmed, "rebels": news.KindRebels,
	"assailants": news.KindUnknownArmed, "attackers": news.KindUnknownArmed, "jihadists": news.KindUnknownArmed,
	"protesters": news.KindProtesters, "demonstrators": news.KindProtesters, "rioters": news.KindRioters,
	"police": news.KindStateForces, "troops": news.KindStateForces, "soldiers": news.KindStateForces,
	"civilians": news.KindCivilians, "villagers": news.KindCivilians, "residents": news.KindCivilians,
	"militia": news.KindPolMilitia, "militias": news.KindPolMilitia, "cells": news.KindUnknownArmed,
	"fighters": news.KindUnknownArmed, "terrorists": news.KindUnknownArmed,
}

// stateForceWords, before "forces", make them the state's.
var stateForceWords = set("security", "government", "state", "federal", "army", "military", "police")

// genericActors finds unnamed actor phrases: a determiner or adjectives and
// a generic head ("the new covert groups", "unidentified gunmen").
func genericActors(s *sentence) []actorAt {
	var out []actorAt
	for i, w := range s.low {
		kind, ok := genericHeads[w]
		if w == "forces" && i > 0 && stateForceWords[s.low[i-1]] {
			kind, ok = news.KindStateForces, true // "security forces", "government forces"
		}
		if (w == "bombers" || w == "bomber") && i > 0 && s.low[i-1] == "suicide" {
			kind, ok = news.KindUnknownArmed, true // people, not aircraft
		}
		if !ok {
			continue
		}
		// Covered by a named actor ("Russian troops")?
		covered := false
		for _, at := range s.actors {
			if i >= at.s && i < at.e {
				covered = true
			}
		}
		if covered {
			continue
		}
		b := i
		if w == "forces" || w == "bombers" || w == "bomber" {
			b-- // the word that makes them the state's, or "suicide"
		}
		for b > 0 && b > i-4 && isModifier(s.low[b-1]) {
			b--
		}
		if b > 0 && (s.low[b-1] == "the" || s.low[b-1] == "these" || s.low[b-1] == "those") {
			b--
		}
		name := s.text[s.toks[b].start-s.span.Start : s.toks[i].end-s.span.Start]
		ref := news.ActorRef{Name: trimDet(name), Kind: kind}
		// "the country's" names no one; "Iraqi fighters" does.
		for _, at := range s.actors {
			if at.e == b && at.ref.Kind == news.KindState {
				ref.Country = at.ref.Country
			}
		}
		out = append(out, actorAt{s: b, e: i + 1, ref: ref, generic: true})
	}
	return out
}

func trimDet(s string) string {
	for _, d := range []string{"the ", "The ", "these ", "These ", "those ", "Those "} {
		s = strings.TrimPrefix(s, d)
	}
	return s
}

func isModifier(w string) bool {
	switch w {
	case "new", "covert", "armed", "unidentified", "unknown", "small", "smaller", "elite", "loyal",
		"local", "rival", "islamist", "pro-iran", "pro-iranian", "pro-government", "anti-government",
		"secret", "masked", "suspected", "shiite", "sunni", "militant", "hardline", "allied":
		return true
	}
	return false
}

// functionWords are never part of a name; in text written in capitals
// ("THE MAYOR OF THE SMALL TOWN") they would look like one.
var functionWords = set("of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from",
	"as", "who", "which", "that", "was", "were", "is", "are", "has", "have", "had", "his", "her", "their", "its",
	"he", "she", "they", "it", "this", "these", "those", "also", "not", "but", "after", "before", "during")
