package events

import (
	"strings"

	"github.com/sitrep-osint/sitrep/news"
)

// violentClass groups the classes whose mentions may refer to one attack.
func violentClass(c class) bool {
	switch c {
	case cStrike, cShell, cExplosive, cSuicide, cAttack, cKill:
		return true
	}
	return false
}

func compatibleClass(a, b class) bool {
	return a == b || violentClass(a) && violentClass(b)
}

// mergeBack merges c into the events of the previous two sentences it
// continues. An anaphor ("Those attacks caused no casualties") merges into
// every matching event of the nearest sentence that has one.
func mergeBack(cands []*cand, c *cand) bool {
	merged := false
	nearest := -1
	for i := len(cands) - 1; i >= 0; i-- {
		d := cands[i]
		if d.dropped || c.sent-d.last > 2 || c.sent == d.sent {
			continue
		}
		if nearest >= 0 && d.sent != nearest {
			break
		}
		if !compatibleClass(d.class, c.class) {
			continue
		}
		if c.anaphor {
			if c.anaName != "" && !mentions(d, c.anaName) {
				continue
			}
			if d.ev.Date != nil && c.ev.Date != nil && d.ev.Date.Value != c.ev.Date.Value {
				continue
			}
			mergeInto(d, c)
			merged = true
			nearest = d.sent
			continue
		}
		if !compatible(d, c) {
			continue
		}
		if d.ev.Subtype != c.ev.Subtype || !sameModality(d, c) {
			continue
		}
		if c.class == cArms && !(sameHead(c.ev.Weapon, d.ev.Weapon) || c.defArms && c.ev.Weapon == "" || len(c.ev.Roles["funder"]) > 0 && len(d.ev.Roles["funder"]) > 0) {
			continue
		}
		mergeInto(d, c)
		return true
	}
	return merged
}

// mentions reports whether an event's place or actors carry name.
func mentions(d *cand, name string) bool {
	if d.ev.Place != nil && strings.Contains(d.ev.Place.Name, name) {
		return true
	}
	for _, a := range []*news.ActorRef{d.ev.Actor1, d.ev.Actor2} {
		if a != nil && strings.Contains(a.Name, name) {
			return true
		}
	}
	return false
}

func sameHead(a, b string) bool {
	ha, hb := weaponHeadOf(a), weaponHeadOf(b)
	return ha != "" && ha == hb
}

func weaponHeadOf(w string) string {
	for _, t := range phraseKey(w) {
		if t == "patriot" || t == "patriots" {
			return "patriot"
		}
	}
	return ""
}

// compatible reports whether two candidates may be one event: no two
// different named actors in the same role, no two different dates.
func compatible(d, c *cand) bool {
	if !sameActor(d.ev.Actor1, c.ev.Actor1) {
		return false
	}
	if d.ev.Date != nil && c.ev.Date != nil && d.ev.Date.Value != c.ev.Date.Value {
		return false
	}
	return true
}

func sameActor(a, b *news.ActorRef) bool {
	if a == nil || b == nil {
		return true
	}
	if a.Name == b.Name {
		return true
	}
	// "Iran" and "Iran's Quds Force"; "Russia" and "Russian air defences".
	if a.Country != "" && a.Country == b.Country && (a.Kind == news.KindState || b.Kind == news.KindState) {
		return true
	}
	return false
}

// specific prefers a named organisation over a state or generic phrase.
func specific(a, b *news.ActorRef) *news.ActorRef {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	if a.Kind == news.KindState && b.Kind != news.KindState && b.Kind != news.KindPerson {
		return b
	}
	return a
}

// mergeInto folds src into dst: missing fields filled, figures, roles and
// sources added.
func mergeInto(dst, src *cand) {
	d, s := &dst.ev, &src.ev
	if src.sent > dst.last {
		dst.last = src.sent
	}
	dst.spans = append(dst.spans, src.spans...)
	defer cleanAssoc(d)
	if src.anaphor && src.class != cMeet {
		// "Those attacks caused no casualties": figures, place and
		// sources; the actors of a back-reference are not the event's.
		if d.Place == nil {
			d.Place = s.Place
		}
		// "The attack, carried out with rocket launchers": the weapon
		// the reference names types an event told without one.
		if d.Weapon == "" && s.Weapon != "" && weaponClass(s.Weapon) != cNone {
			d.Weapon = s.Weapon
			if (d.Subtype == SubAttack || d.Subtype == SubArmedClash && dst.class == cAttack) && violentSub(s.Subtype) {
				d.Subtype, d.Type = s.Subtype, s.Type
			}
		}
		d.Figures = append(d.Figures, s.Figures...)
		addSources(dst, src)
		return
	}
	d.Actor1 = specific(d.Actor1, s.Actor1)
	if d.Subtype == SubMeeting && s.Actor1 != nil && s.Actor1.Kind == news.KindIntlOrg {
		if d.Actor1 != nil && d.Actor1 != s.Actor1 && d.Actor1.Kind == news.KindPerson {
			setRole(d, "chair", *d.Actor1)
		}
		d.Actor1 = s.Actor1
	}
	if d.Actor2 == nil {
		d.Actor2 = s.Actor2
	}
	if d.Place == nil {
		d.Place = s.Place
	}
	if d.Date == nil {
		d.Date = s.Date
	}
	if d.Weapon == "" {
		d.Weapon = s.Weapon
	}
	if statusRank(s.Status) > statusRank(d.Status) {
		d.Status = s.Status
	}
	d.Figures = append(d.Figures, s.Figures...)
	for _, r := range s.AssocActors {
		if !dupRef(d.AssocActors, r) && (d.Actor1 == nil || r.Name != d.Actor1.Name) && (d.Actor2 == nil || r.Name != d.Actor2.Name) {
			d.AssocActors = append(d.AssocActors, r)
		}
	}
	for role, refs := range s.Roles {
		setRole(d, role, refs...)
	}
	if d.Modality == news.ModReported && s.Modality == news.ModClaimed {
		d.Modality = news.ModClaimed
	}
	addSources(dst, src)
}

func addSources(dst, src *cand) {
	for _, x := range src.srcs {
		dup := false
		for _, y := range dst.srcs {
			if x.Text == y.Text {
				dup = true
			}
		}
		if !dup {
			dst.srcs = append(dst.srcs, x)
		}
	}
}

// mergeArticle merges repeated mentions across the article of events that
// are told more than once (a group forming, a training, production
// targets, a meeting): same sub-type and modality, compatible actors and
// dates.
func mergeArticle(cands []*cand) []*cand {
	for i, c := range cands {
		if c.dropped {
			continue
		}
		switch c.ev.Subtype {
		case SubGroup, SubTraining, SubProduction, SubMeeting:
		default:
			continue
		}
		for _, d := range cands[i+1:] {
			if d.dropped || d.ev.Subtype != c.ev.Subtype || d.ev.Modality != c.ev.Modality || !compatible(c, d) {
				continue
			}
			if c.ev.Subtype == SubMeeting && (c.ev.Date == nil) != (d.ev.Date == nil) {
				continue
			}
			mergeInto(c, d)
			d.dropped = true
		}
	}
	return cands
}

// sameModality reports whether two mentions hold the event the same way;
// a claim and a report agree, and so do an arms transfer that is under
// way and what the supplier says it will do about it.
func sameModality(d, c *cand) bool {
	a, b := d.ev.Modality, c.ev.Modality
	if a == b || a == news.ModClaimed && b == news.ModReported || b == news.ModClaimed && a == news.ModReported {
		return true
	}
	return c.class == cArms && (a == news.ModPlanned || b == news.ModPlanned) && (a == news.ModReported || b == news.ModReported)
}

// cleanAssoc removes associated actors that hold a main role.
func cleanAssoc(d *news.Event) {
	out := d.AssocActors[:0]
	for _, r := range d.AssocActors {
		if d.Actor1 != nil && r.Name == d.Actor1.Name || d.Actor2 != nil && r.Name == d.Actor2.Name {
			continue
		}
		out = append(out, r)
	}
	d.AssocActors = out
}

// violentSub reports whether sub is a sub-type of remote violence that a
// weapon named later decides: shelling and air strikes. (A bomb or grenade
// named after an attack is as often one used in it as the attack itself.)
func violentSub(sub string) bool {
	switch sub {
	case SubShelling, SubAirDrone:
		return true
	}
	return false
}
