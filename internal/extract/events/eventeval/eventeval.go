// Package eventeval scores sitrep's event extraction against labelled data:
// PLOVER records (sentence, event, mode, source and target actors, dead),
// MUC-4 answer keys (incident type, instrument, perpetrator organisation,
// human target type) and WikiEvents (KAIROS Conflict.Attack, Demonstrate,
// ArrestJailDetain and Contact.Meet events with their arguments).
//
// None of these uses ACLED's taxonomy, so each has a mapping from its labels
// to sitrep's sub-types (PloverSubtype, MUCSubtype, WikiSubtype); labels
// with no sitrep counterpart (PLOVER DEMAND or REJECT, MUC-4 threats) are
// left out of sub-type scores. The data stay in ../shared/data: nothing here
// embeds them.
package eventeval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/extract/events"
	"github.com/sitrep-osint/sitrep/news"
)

// Scores are the figures for one data set.
type Scores struct {
	Name string
	// Items scored for sub-type (sentences, documents or event mentions)
	// and how many of them the extractor typed right.
	Items, Correct int
	// Per sub-type counts for macro-F1.
	TP, FP, FN map[string]int
	// Roles: per role, matched / predicted / gold.
	RoleTP, RolePred, RoleGold map[string]int
	// Numbers: gold figures, and how many the extractor gave exactly.
	Numbers, NumbersExact int
	// Misses lists the items typed wrong: gold sub-type, predicted
	// sub-types and the item (a sentence, or a document's identifier).
	Misses []Miss
	// NumberMisses lists the gold figures not given exactly.
	NumberMisses []NumberMiss
}

// NumberMiss is one gold figure the extractor did not give exactly: what
// it counts, its value, the figures of that kind the extractor gave, and
// the item (a sentence, or a document's identifier).
type NumberMiss struct {
	What string
	Gold []float64 // the alternatives, any of which would be exact
	Got  []float64
	Item string
}

// number scores one gold figure, given as its alternatives (most have
// one), against the figures given.
func (s *Scores) number(what string, gold []float64, got []float64, item string) {
	s.Numbers++
	for _, g := range gold {
		if slices.Contains(got, g) {
			s.NumbersExact++
			return
		}
	}
	s.NumberMisses = append(s.NumberMisses, NumberMiss{What: what, Gold: gold, Got: got, Item: item})
}

// Miss is one item the extractor typed wrong.
type Miss struct {
	Gold string
	Pred []string
	Item string
}

func newScores(name string) *Scores {
	return &Scores{Name: name, TP: map[string]int{}, FP: map[string]int{}, FN: map[string]int{},
		RoleTP: map[string]int{}, RolePred: map[string]int{}, RoleGold: map[string]int{}}
}

// Accuracy is the share of items typed right.
func (s *Scores) Accuracy() float64 { return ratio(s.Correct, s.Items) }

// MacroF1 averages F1 over the gold sub-types.
func (s *Scores) MacroF1() float64 {
	var sum float64
	n := 0
	for _, c := range s.Classes() {
		if s.TP[c]+s.FN[c] == 0 {
			continue
		}
		sum += f1(s.TP[c], s.FP[c], s.FN[c])
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// Classes lists the sub-types seen in gold or predictions.
func (s *Scores) Classes() []string {
	m := map[string]bool{}
	for _, mm := range []map[string]int{s.TP, s.FP, s.FN} {
		for k := range mm {
			m[k] = true
		}
	}
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ClassF1 is one sub-type's F1.
func (s *Scores) ClassF1(c string) float64 { return f1(s.TP[c], s.FP[c], s.FN[c]) }

// RoleF1 is the micro-F1 over all roles.
func (s *Scores) RoleF1() float64 {
	tp, p, g := 0, 0, 0
	for r := range s.RoleGold {
		tp += s.RoleTP[r]
		g += s.RoleGold[r]
	}
	for r := range s.RolePred {
		p += s.RolePred[r]
	}
	return f1(tp, p-tp, g-tp)
}

// NumberAccuracy is the share of gold figures given exactly.
func (s *Scores) NumberAccuracy() float64 { return ratio(s.NumbersExact, s.Numbers) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	return 2 * p * r / (p + r)
}

// count adds one item with gold sub-type gold (never empty) and the
// predicted sub-types; a prediction that includes gold is correct, other
// predicted sub-types in the label set count as false positives.
func (s *Scores) count(gold string, pred []string, labels map[string]bool, item string) {
	s.Items++
	hit := false
	for _, p := range pred {
		if p == gold {
			hit = true
		}
	}
	if hit {
		s.Correct++
		s.TP[gold]++
	} else {
		s.Misses = append(s.Misses, Miss{Gold: gold, Pred: pred, Item: item})
		s.FN[gold]++
		for _, p := range pred {
			if labels[p] {
				s.FP[p]++
				break
			}
		}
	}
}

// role scores one role: gold texts, and the predicted actor or text.
func (s *Scores) role(role string, gold []string, pred string) {
	if len(gold) > 0 {
		s.RoleGold[role]++
	}
	if pred == "" {
		return
	}
	s.RolePred[role]++
	for _, g := range gold {
		if textMatch(g, pred) {
			s.RoleTP[role]++
			return
		}
	}
}

// textMatch compares an argument as written with an extracted name: any
// content word in common, or the same country.
func textMatch(gold, pred string) bool {
	gw := words(gold)
	for w := range words(pred) {
		if gw[w] {
			return true
		}
	}
	return false
}

var stop = map[string]bool{"the": true, "of": true, "a": true, "an": true, "and": true, "military": true, "forces": true, "force": true}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r >= 0x80)
	}) {
		if !stop[w] && len(w) > 1 {
			m[w] = true
			// "Burundian" and "Burundi"; "Iraqi" and "Iraq".
			for _, suf := range []string{"ian", "an", "i", "ese", "ish", "s", "y", "ia", "a"} {
				if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
					m[w[:len(w)-len(suf)]] = true
				}
			}
		}
	}
	return m
}

// Options say where the data are.
type Options struct {
	Data string // ../shared/data
}

// ErrNoData is returned when none of the data sets is present.
var ErrNoData = errors.New("no event data found")

// Run scores x on every data set found under opts.Data/events.
func Run(ctx context.Context, x *events.Extractor, opts Options) ([]*Scores, error) {
	dir := filepath.Join(opts.Data, "events")
	var out []*Scores
	type set struct {
		name string
		path string
		fn   func(context.Context, *events.Extractor, string) (*Scores, error)
	}
	sets := []set{
		{"PLOVER", filepath.Join(dir, "plover", "PLOVER_GSR_CAMEO.json"), Plover},
		{"MUC-4 dev", filepath.Join(dir, "muc4", "CORPORA", "dev"), MUC},
		{"MUC-4 tst1", filepath.Join(dir, "muc4", "CORPORA", "tst1"), MUC},
		{"MUC-4 tst2", filepath.Join(dir, "muc4", "CORPORA", "tst2"), MUC},
		{"WikiEvents dev", filepath.Join(dir, "wikievents", "dev.jsonl"), WikiEvents},
	}
	for _, st := range sets {
		if _, err := os.Stat(st.path); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return out, err
		}
		sc, err := st.fn(ctx, x, st.path)
		if err != nil {
			return out, fmt.Errorf("%s: %w", st.name, err)
		}
		sc.Name = st.name
		out = append(out, sc)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoData)
	}
	return out, nil
}

// ---- PLOVER ----

// PloverSubtype maps a PLOVER event and mode to a sitrep sub-type; "" when
// sitrep has no counterpart (DEMAND, REJECT, THREATEN, SANCTION ...).
// PLOVER's FIGHT "heavy-weapons" covers artillery, aircraft and armour,
// which ACLED tells apart; the record's text decides (see heavyWeapons).
func PloverSubtype(event, mode string) string {
	switch event {
	case "ASSAULT":
		switch mode {
		case "explosives":
			return events.SubIED
		case "suicide-attack":
			return events.SubSuicide
		case "sexual":
			return events.SubSexual
		}
		return events.SubAttack // assassinate, beat, primitive, torture
	case "FIGHT":
		switch mode {
		case "heavy-weapons":
			return events.SubShelling
		case "explosives":
			return events.SubIED
		case "assassinate":
			return events.SubAttack
		case "deport":
			return ""
		}
		return events.SubArmedClash // firearms, other, unspecified
	case "PROTEST":
		switch mode {
		case "riot", "riot-spon":
			return events.SubViolentDemo
		}
		return events.SubPeaceful // demonstrations, strikes, hunger strikes, obstruction
	case "COERCE":
		switch mode {
		case "arrest", "detain":
			return events.SubArrests
		case "destroy", "confiscate":
			return events.SubLooting
		}
	case "AGREE":
		return events.SubAgreement
	case "CONSULT":
		return events.SubMeeting
	}
	return ""
}

type ploverRecord struct {
	ID     string          `json:"id"`
	Event  string          `json:"event"`
	Mode   string          `json:"mode"`
	Text   string          `json:"text"`
	Date   string          `json:"date"`
	Dead   json.RawMessage `json:"dead"`
	Injure json.RawMessage `json:"injured"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// actorTexts reads PLOVER's source or target: a list of actors with
// actorText, or a plain string.
func actorTexts(raw json.RawMessage) []string {
	var list []struct {
		ActorText string `json:"actorText"`
	}
	if json.Unmarshal(raw, &list) == nil {
		var out []string
		for _, a := range list {
			if a.ActorText != "" {
				out = append(out, a.ActorText)
			}
		}
		return out
	}
	var s string
	if json.Unmarshal(raw, &s) == nil && s != "" {
		return []string{s}
	}
	return nil
}

// count reads a PLOVER count, written as a number or a string.
func plCount(raw json.RawMessage) (float64, bool) {
	var f float64
	if json.Unmarshal(raw, &f) == nil {
		return f, true
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		return v, err == nil
	}
	return 0, false
}

// Plover scores sentence-level sub-types, source/target roles and dead and
// injured counts on the PLOVER gold standard records.
func Plover(ctx context.Context, x *events.Extractor, path string) (*Scores, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var recs []ploverRecord
	if err := json.Unmarshal(raw, &recs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	labels := map[string]bool{}
	for _, r := range recs {
		if st := PloverSubtype(r.Event, r.Mode); st != "" {
			labels[st] = true
		}
	}
	sc := newScores("PLOVER")
	for _, r := range recs {
		gold := PloverSubtype(r.Event, r.Mode)
		if gold == "" || r.Text == "" {
			continue
		}
		if r.Event == "FIGHT" && r.Mode == "heavy-weapons" {
			gold = heavyWeapons(r.Text)
		}
		if r.Event == "AGREE" && !mutualAgreement(r.Text) {
			continue
		}
		pub, _ := time.Parse("2006-01-02", r.Date)
		evs := x.Extract(&news.Article{ID: r.ID, Text: r.Text, Published: pub})
		sc.count(gold, subtypes(evs), labels, r.Text)
		best := pick(evs, gold)
		var a1, a2 string
		if best != nil {
			a1, a2 = actorText(best.Actor1), actorText(best.Actor2)
		}
		sc.role("source", actorTexts(r.Source), a1)
		sc.role("target", actorTexts(r.Target), a2)
		for what, raw := range map[string]json.RawMessage{"killed": r.Dead, "injured": r.Injure} {
			g, ok := plCount(raw)
			if !ok {
				continue
			}
			var got []float64
			if best != nil {
				if v, ok := best.Quantities[what]; ok {
					got = append(got, v)
				}
			}
			sc.number(what, []float64{g}, got, r.Text)
		}
	}
	return sc, ctx.Err()
}

// tells reports whether event e is told in sentence sp: its evidence or
// one of its other mentions.
func tells(e news.Event, sp news.Span) bool {
	if e.Evidence.Start < sp.End && sp.Start < e.Evidence.End {
		return true
	}
	for _, m := range e.Mentions {
		if m.Start < sp.End && sp.Start < m.End {
			return true
		}
	}
	return false
}

func actorText(a *news.ActorRef) string {
	if a == nil {
		return ""
	}
	return a.Name
}

func subtypes(evs []news.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Subtype)
	}
	return out
}

// pick returns the event of sub-type gold, or the first event.
func pick(evs []news.Event, gold string) *news.Event {
	for i := range evs {
		if evs[i].Subtype == gold {
			return &evs[i]
		}
	}
	if len(evs) > 0 {
		return &evs[0]
	}
	return nil
}

// mutualAgreement reports whether a PLOVER AGREE record tells of an
// agreement between parties, which is what ACLED's Agreement codes; AGREE
// also holds unilateral offers and promises ("Portugal will support
// Turkey's efforts", "Syria has offered its troops"), which sitrep does not
// code as events and which are left out of the scores.
func mutualAgreement(text string) bool {
	l := strings.ToLower(text)
	for _, w := range []string{"agree", "accord", "deal", "ceasefire", "cease-fire", "truce", "treaty", "pact", "signed", "signing", "consensus", "accepted", "memorandum"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// heavyWeapons types a PLOVER heavy-weapons fight by what its sentence
// names: shelling, artillery, mortars or rockets make a
// Shelling/artillery/missile attack, then aircraft an Air/drone strike,
// then missiles or tanks a Shelling/artillery/missile attack, and anything
// else (an offensive, "fierce fighting") an Armed clash.
func heavyWeapons(text string) string {
	l := strings.ToLower(text)
	for _, w := range []string{"shell", "artillery", "mortar", "rocket"} {
		if strings.Contains(l, w) {
			return events.SubShelling
		}
	}
	for _, w := range []string{"aircraft", "helicopter", "warplane", "jet", "air strike", "airstrike", "air raid", "bomber", "drone"} {
		if strings.Contains(l, w) {
			return events.SubAirDrone
		}
	}
	for _, w := range []string{"missile", "tank"} {
		if strings.Contains(l, w) {
			return events.SubShelling
		}
	}
	return events.SubArmedClash
}

// ---- MUC-4 ----

// MUCSubtype maps a MUC-4 incident type, instrument type and human target
// type to a sitrep sub-type; "" for incidents sitrep does not code as
// events (threats, forced work stoppages).
func MUCSubtype(incident, instrument, humType string) string {
	inc := strings.TrimSpace(incident)
	switch {
	case strings.HasPrefix(inc, "BOMBING"):
		return events.SubIED
	case strings.HasPrefix(inc, "KIDNAPPING"):
		return events.SubAbduction
	case strings.HasPrefix(inc, "ARSON"), strings.HasPrefix(inc, "ROBBERY"):
		return events.SubLooting
	case strings.HasPrefix(inc, "MURDER"):
		return events.SubAttack
	case strings.HasPrefix(inc, "ATTACK"):
		ins := strings.ToUpper(instrument)
		switch {
		case strings.Contains(ins, "MORTAR"), strings.Contains(ins, "ROCKET"), strings.Contains(ins, "MISSILE"), strings.Contains(ins, "ARTILLERY"):
			return events.SubShelling
		case strings.Contains(ins, "GRENADE"):
			return events.SubGrenade
		case strings.Contains(ins, "BOMB"), strings.Contains(ins, "DYNAMITE"), strings.Contains(ins, "EXPLOSIVE"):
			return events.SubIED
		}
		// A former or retired officer is no combatant.
		if ht := strings.ReplaceAll(strings.ToUpper(humType), "FORMER ACTIVE MILITARY", "FORMER"); strings.Contains(ht, "ACTIVE MILITARY") && !strings.Contains(ht, "CIVILIAN") {
			return events.SubArmedClash
		}
		return events.SubAttack
	}
	return ""
}

type mucTemplate struct {
	doc, incident, instrument, humType, stage string
	perps                                     []string
	instruments, targets                      []string
	counts                                    map[string][]float64 // human target → numbers, in key order
	effects                                   map[string][]string  // human target → DEATH, INJURY ..., in key order
}

// figures returns the template's gold numbers: the number of each human
// target whose effect is death (killed) or injury (injured). Counts of one
// are left out (they are named victims, seldom written as a number). Each
// gold figure is a list of alternatives, any of which is exact.
//
// Two groups may share a description ("16: PATROL", "30: PATROL" with
// "DEATH: PATROL", "INJURY: PATROL"): counts and effects of one
// description pair in key order. A description with one count and several
// effects (5 people, some killed and some hurt) says neither figure, so it
// is left out. A description with several counts and one effect ("12:
// STUDENT LEADERS", "5: STUDENT LEADERS", "DEATH: STUDENT LEADERS", for
// twelve kidnapped of whom five were found murdered) does not say which
// count the effect is of: it gives one figure whose alternatives are the
// counts.
func (t mucTemplate) figures() map[string][][]float64 {
	out := map[string][][]float64{}
	add := func(eff string, alts []float64) {
		var keep []float64
		for _, n := range alts {
			if n >= 2 {
				keep = append(keep, n)
			}
		}
		if len(keep) == 0 {
			return
		}
		switch eff {
		case "DEATH":
			out["killed"] = append(out["killed"], keep)
		case "INJURY":
			out["injured"] = append(out["injured"], keep)
		}
	}
	for desc, ns := range t.counts {
		effs := t.effects[desc]
		switch {
		case len(effs) == len(ns):
			for i, n := range ns {
				add(effs[i], []float64{n})
			}
		case len(effs) == 1:
			add(effs[0], ns)
		}
	}
	return out
}

// mucStrings reads the quoted strings of a MUC slot value (`"MORTAR" /
// "MORTARS"`, `? "TERRORIST"`, `"PEASANTS": "CIVILIANS"`), none for "-"
// and "*".
func mucStrings(v string) []string {
	var out []string
	for {
		a := strings.Index(v, "\"")
		if a < 0 {
			return out
		}
		b := strings.Index(v[a+1:], "\"")
		if b < 0 {
			return out
		}
		if t := strings.TrimSpace(v[a+1 : a+1+b]); t != "" {
			out = append(out, t)
		}
		v = v[a+b+2:]
	}
}

// slotPair splits a MUC value `50: "PEASANTS"` into its key and quoted
// description.
func slotPair(v string) (string, string, bool) {
	k, d, ok := strings.Cut(v, ":")
	if !ok {
		return "", "", false
	}
	d = strings.Trim(strings.TrimSpace(d), "\"")
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(k), "?")), d, d != ""
}

// MUC scores document-level incident sub-types and perpetrator
// organisations on one MUC-4 set directory (texts and key-* files).
func MUC(ctx context.Context, x *events.Extractor, dir string) (*Scores, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	docs := map[string]string{}
	var tmpls []mucTemplate
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		if strings.HasPrefix(e.Name(), "key-") {
			ts, err := readMUCKeys(p)
			if err != nil {
				return nil, err
			}
			tmpls = append(tmpls, ts...)
		} else if !strings.Contains(e.Name(), "info") && !e.IsDir() {
			if err := readMUCTexts(p, docs); err != nil {
				return nil, err
			}
		}
	}
	labels := map[string]bool{}
	gold := map[string]map[string]bool{}
	perps := map[string][]string{}
	instruments := map[string][]string{}
	targets := map[string][]string{}
	nums := map[string]map[string][][]float64{}
	for _, t := range tmpls {
		if strings.Contains(t.stage, "THREAT") {
			continue
		}
		st := MUCSubtype(t.incident, t.instrument, t.humType)
		if st == "" {
			continue
		}
		for what, golds := range t.figures() {
			if nums[t.doc] == nil {
				nums[t.doc] = map[string][][]float64{}
			}
			for _, alts := range golds {
				// A count is scored once per document (several
				// templates repeat the same victims) and only when the
				// text writes it in a sentence that names the effect:
				// a count the key's authors added up ("his bodyguard
				// and driver": 2) is no number to extract, nor is the
				// number of targets of which only some died.
				alts = slices.DeleteFunc(slices.Clone(alts), func(n float64) bool { return !writesCasualty(docs[t.doc], n, what) })
				if len(alts) > 0 && !slices.ContainsFunc(nums[t.doc][what], func(g []float64) bool { return slices.Equal(g, alts) }) {
					nums[t.doc][what] = append(nums[t.doc][what], alts)
				}
			}
		}
		labels[st] = true
		if gold[t.doc] == nil {
			gold[t.doc] = map[string]bool{}
		}
		gold[t.doc][st] = true
		perps[t.doc] = append(perps[t.doc], t.perps...)
		instruments[t.doc] = append(instruments[t.doc], t.instruments...)
		targets[t.doc] = append(targets[t.doc], t.targets...)
	}
	// MUC-4 does not template clashes between guerrillas and the military
	// (TASKDOC, template-doc-part1), so an Armed clash found in a
	// document is no false positive.
	delete(labels, events.SubArmedClash)
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	sc := newScores("MUC-4")
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return sc, err
		}
		text, ok := docs[id]
		if !ok {
			continue
		}
		evs := x.Extract(&news.Article{ID: id, Text: text, Published: mucDate(text)})
		pred := subtypes(evs)
		if gold[id][events.SubShelling] && !slices.Contains(pred, events.SubShelling) && airRockets(evs) {
			// MUC-4 names the munition, not what fired it: rockets and
			// missiles fired from aircraft are an Air/drone strike in
			// ACLED's terms and answer a rocket attack of the key.
			pred = append(pred, events.SubShelling)
		}
		for st := range gold[id] {
			sc.count(st, pred, labels, id)
		}
		// Perpetrator organisation, instrument and target: those of the
		// document's first violent event.
		var a1, a2, weapon string
		for _, e := range evs {
			if events.TypeOf(e.Subtype) == events.TypeStrategic {
				continue
			}
			a1, a2, weapon = actorText(e.Actor1), actorText(e.Actor2), e.Weapon
			if a2 == "" && e.Place != nil {
				a2 = e.Place.Name
			}
			break
		}
		sc.role("perpetrator", perps[id], a1)
		sc.role("instrument", instruments[id], weapon)
		sc.role("target", targets[id], a2)
		// Numbers: a gold count is given exactly when an event of the
		// document has a figure of that kind and value.
		for what, ns := range nums[id] {
			got := figuresOf(evs, what)
			for _, alts := range ns {
				sc.number(what, alts, got, id)
			}
		}
	}
	return sc, nil
}

// figuresOf lists the values of the figures of one kind in evs.
func figuresOf(evs []news.Event, what string) []float64 {
	var out []float64
	for _, e := range evs {
		for _, f := range e.Figures {
			if f.What == what {
				out = append(out, f.Value)
			}
		}
	}
	return out
}

// mucDateline matches the date of a MUC-4 dateline: "BOGOTA, 8 DEC 89
// (DPA) --".
var mucDateline = regexp.MustCompile(`\b(\d{1,2}) (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) (\d{2})\b`)

// mucDate reads the publication date of a MUC-4 message from its
// dateline, so that the message's dates resolve as its readers read them;
// the zero time when it has none.
func mucDate(text string) time.Time {
	m := mucDateline.FindStringSubmatch(text[:min(len(text), 200)])
	if m == nil {
		return time.Time{}
	}
	t, err := time.Parse("2 Jan 06", m[1]+" "+m[2][:1]+strings.ToLower(m[2][1:])+" "+m[3])
	if err != nil {
		return time.Time{}
	}
	return t
}

// readMUCTexts reads a MUC text file: documents start with a line
// "DEV-MUC3-0001 (NOSC)" (upper-case identifier and a source in brackets);
// the first paragraph (dateline and header) is left out.
func readMUCTexts(path string, docs map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var id string
	var b strings.Builder
	flush := func() {
		if id != "" {
			docs[id] = strings.TrimSpace(b.String())
		}
		b.Reset()
	}
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) > 0 && isMUCID(f[0]) && (len(f) == 1 || strings.HasPrefix(f[1], "(")) && !strings.HasPrefix(line, " ") {
			flush()
			id = f[0]
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	flush()
	return sc.Err()
}

func isMUCID(s string) bool {
	if strings.Count(s, "-") < 2 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// readMUCKeys reads answer-key templates ("0.  MESSAGE: ID  DEV-MUC3-0001
// (NCCOSC)" ... "24. HUM TGT: TOTAL NUMBER").
func readMUCKeys(path string) ([]mucTemplate, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []mucTemplate
	var cur *mucTemplate
	slot := ""
	for sc.Scan() {
		line := sc.Text()
		name, val := line, ""
		if len(line) > 36 {
			name, val = line[:36], strings.TrimSpace(line[36:])
		}
		name = strings.TrimSpace(name)
		if i := strings.Index(name, "."); i > 0 && i < 4 {
			slot = strings.TrimSpace(name[i+1:])
		} else if name != "" {
			continue
		}
		switch slot {
		case "MESSAGE: ID":
			id := val
			if k := strings.Index(id, " "); k > 0 {
				id = id[:k]
			}
			out = append(out, mucTemplate{doc: id})
			cur = &out[len(out)-1]
		case "INCIDENT: TYPE":
			if cur != nil && cur.incident == "" {
				cur.incident = val
			}
		case "INCIDENT: STAGE OF EXECUTION":
			if cur != nil {
				cur.stage += val
			}
		case "INCIDENT: INSTRUMENT TYPE":
			if cur != nil {
				cur.instrument += " " + val
			}
		case "HUM TGT: TYPE":
			if cur != nil {
				cur.humType += " " + val
			}
		case "HUM TGT: NUMBER":
			if k, d, ok := slotPair(val); ok && cur != nil {
				if n, err := strconv.ParseFloat(k, 64); err == nil {
					if cur.counts == nil {
						cur.counts = map[string][]float64{}
					}
					cur.counts[d] = append(cur.counts[d], n)
				}
			}
		case "HUM TGT: EFFECT OF INCIDENT":
			if k, d, ok := slotPair(val); ok && cur != nil {
				if cur.effects == nil {
					cur.effects = map[string][]string{}
				}
				cur.effects[d] = append(cur.effects[d], k)
			}
		case "INCIDENT: INSTRUMENT ID":
			if cur != nil {
				cur.instruments = append(cur.instruments, mucStrings(val)...)
			}
		case "PHYS TGT: ID", "HUM TGT: DESCRIPTION", "HUM TGT: NAME":
			if cur != nil {
				cur.targets = append(cur.targets, mucStrings(val)...)
			}
		case "PERP: ORGANIZATION ID":
			if cur != nil && val != "-" && val != "*" {
				for _, p := range strings.Split(val, "/") {
					p = strings.Trim(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "?")), "\"")
					if p != "" {
						cur.perps = append(cur.perps, p)
					}
				}
			}
		}
	}
	return out, sc.Err()
}

// ---- WikiEvents ----

// WikiSubtype maps a KAIROS event type to a sitrep sub-type. Conflict.Attack.Unspecified
// has no single counterpart (it may be a clash, a strike or an attack on
// civilians) and is scored for detection and roles only ("*violent*").
func WikiSubtype(kairos string) string {
	switch kairos {
	case "Conflict.Attack.DetonateExplode":
		return events.SubIED
	case "Conflict.Attack.Unspecified":
		return "*violent*"
	case "Conflict.Demonstrate.Unspecified":
		return events.SubPeaceful
	case "Conflict.Demonstrate.DemonstrateWithViolence":
		return events.SubViolentDemo
	case "Justice.ArrestJailDetain.Unspecified":
		return events.SubArrests
	case "Contact.Contact.Meet":
		return events.SubMeeting
	}
	return ""
}

type wikiDoc struct {
	DocID     string          `json:"doc_id"`
	Text      string          `json:"text"`
	Sentences [][]interface{} `json:"sentences"`
	Events    []struct {
		Type    string `json:"event_type"`
		Trigger struct {
			Text string `json:"text"`
			Sent int    `json:"sent_idx"`
		} `json:"trigger"`
		Args []struct {
			Role string `json:"role"`
			Text string `json:"text"`
		} `json:"arguments"`
	} `json:"event_mentions"`
}

// WikiEvents scores event mentions: the extractor's events in the
// mention's sentence must include the mapped sub-type (for unspecified
// attacks, any violent event); roles Attacker → actor1, Target and Victim →
// actor2, Place → place, Instrument and ExplosiveDevice → weapon.
func WikiEvents(ctx context.Context, x *events.Extractor, path string) (*Scores, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := newScores("WikiEvents")
	labels := map[string]bool{events.SubIED: true, events.SubPeaceful: true, events.SubViolentDemo: true, events.SubArrests: true, events.SubMeeting: true}
	rd := bufio.NewScanner(f)
	rd.Buffer(make([]byte, 1<<22), 1<<22)
	line := 0
	for rd.Scan() {
		line++
		if err := ctx.Err(); err != nil {
			return sc, err
		}
		var d wikiDoc
		if err := json.Unmarshal(rd.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		spans := sentenceSpans(d)
		evs := x.Extract(&news.Article{ID: d.DocID, Text: d.Text, Sentences: spans})
		for _, m := range d.Events {
			gold := WikiSubtype(m.Type)
			if gold == "" || m.Trigger.Sent < 0 || m.Trigger.Sent >= len(spans) {
				continue
			}
			if gold == events.SubMeeting && !meetingWord(m.Trigger.Text) {
				// Contact.Contact.Meet also marks testimony and questions
				// in court ("said", "asked", "told jurors"): not meetings.
				continue
			}
			sp := spans[m.Trigger.Sent]
			var in []news.Event
			for _, e := range evs {
				if tells(e, sp) {
					in = append(in, e)
				}
			}
			var pred []string
			for _, e := range in {
				st := e.Subtype
				if gold == "*violent*" && events.TypeOf(st) != events.TypeStrategic && events.TypeOf(st) != events.TypeProtests {
					st = gold
				}
				if gold == events.SubIED && st == events.SubSuicide {
					st = gold
				}
				pred = append(pred, st)
			}
			sc.count(gold, pred, labels, d.Text[sp.Start:sp.End])
			best := pick(in, gold)
			roles := map[string][]string{}
			for _, a := range m.Args {
				switch a.Role {
				case "Attacker", "Killer", "Injurer", "Demonstrator", "Jailer":
					roles["actor1"] = append(roles["actor1"], a.Text)
				case "Target", "Victim", "Detainee":
					roles["actor2"] = append(roles["actor2"], a.Text)
				case "Place":
					roles["place"] = append(roles["place"], a.Text)
				case "Instrument", "ExplosiveDevice":
					roles["weapon"] = append(roles["weapon"], a.Text)
				}
			}
			if best == nil {
				for r, g := range roles {
					sc.role(r, g, "")
				}
				continue
			}
			place := ""
			if best.Place != nil {
				place = best.Place.Name
			}
			for r, p := range map[string]string{"actor1": actorText(best.Actor1), "actor2": actorText(best.Actor2), "place": place, "weapon": best.Weapon} {
				sc.role(r, roles[r], p)
			}
		}
	}
	return sc, rd.Err()
}

// meetingWord reports whether a WikiEvents trigger names a meeting.
func meetingWord(t string) bool {
	l := strings.ToLower(t)
	for _, w := range []string{"meet", "met", "talk", "summit", "visit", "conference", "negotiat", "dinner", "lunch"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// sentenceSpans finds WikiEvents' sentences (each given with its text) in
// the document text, in order; their own character offsets drift from the
// text and are not used.
func sentenceSpans(d wikiDoc) []news.Span {
	var out []news.Span
	cur := 0
	for _, s := range d.Sentences {
		txt := ""
		if len(s) > 1 {
			txt, _ = s[1].(string)
		}
		txt = strings.TrimSpace(txt)
		if txt == "" {
			out = append(out, news.Span{Start: cur, End: cur})
			continue
		}
		k := strings.Index(d.Text[cur:], txt)
		if k < 0 {
			out = append(out, news.Span{Start: cur, End: cur})
			continue
		}
		out = append(out, news.Span{Start: cur + k, End: cur + k + len(txt)})
		cur += k + len(txt)
	}
	return out
}

// spelledNumbers are the number words MUC-4 texts use for small counts.
var spelledNumbers = map[float64][]string{2: {"TWO"}, 3: {"THREE"}, 4: {"FOUR"}, 5: {"FIVE"}, 6: {"SIX"}, 7: {"SEVEN"},
	8: {"EIGHT"}, 9: {"NINE"}, 10: {"TEN"}, 11: {"ELEVEN"}, 12: {"TWELVE", "DOZEN"}, 13: {"THIRTEEN"}, 14: {"FOURTEEN"},
	15: {"FIFTEEN"}, 16: {"SIXTEEN"}, 17: {"SEVENTEEN"}, 18: {"EIGHTEEN"}, 19: {"NINETEEN"}, 20: {"TWENTY"},
	30: {"THIRTY"}, 40: {"FORTY"}, 50: {"FIFTY"}, 100: {"HUNDRED"}}

// effectWords are, per figure kind, the word stems that say a number
// counts the dead or the hurt.
var effectWords = map[string][]string{
	"killed":  {"KILL", "DEAD", "DIED", "DEATH", "MURDER", "ASSASSINAT", "MASSACR", "BODIES", "SLAIN", "SLAY", "EXECUT", "VICTIMS", "LIVES", "CORPSES"},
	"injured": {"WOUND", "INJUR", "HURT"},
}

// writesCasualty reports whether text writes n in a sentence that says
// what it counts (a death or an injury word): MUC-4's HUM TGT: NUMBER
// counts the targets of an incident, and its effect may concern only some
// of them ("the bus was transporting 24 members of the escort regiment"
// with seven killed), so a count whose sentence names no such effect is
// not a casualty figure the text gives.
func writesCasualty(text string, n float64, what string) bool {
	up := strings.ToUpper(text)
	for _, a := range numberAt(up, n) {
		start := strings.LastIndex(up[:a], ". ")
		if k := strings.LastIndex(up[:a], ".\n"); k > start {
			start = k
		}
		end := len(up)
		if k := strings.Index(up[a:], ". "); k >= 0 {
			end = a + k
		}
		if k := strings.Index(up[a:], ".\n"); k >= 0 && a+k < end {
			end = a + k
		}
		sent := up[max(start, 0):end]
		for _, w := range effectWords[what] {
			if strings.Contains(sent, w) {
				return true
			}
		}
	}
	return false
}

// numberAt returns the offsets in the upper-cased text up where n is
// written as a word of its own: in digits, with or without thousands
// separators, or spelled out.
func numberAt(up string, n float64) []int {
	digits := strconv.FormatFloat(n, 'f', -1, 64)
	forms := []string{digits}
	if len(digits) > 3 {
		forms = append(forms, digits[:len(digits)-3]+","+digits[len(digits)-3:])
	}
	forms = append(forms, spelledNumbers[n]...)
	var out []int
	for _, f := range forms {
		for i := 0; ; {
			k := strings.Index(up[i:], f)
			if k < 0 {
				break
			}
			a, b := i+k, i+k+len(f)
			if (a == 0 || !numberByte(up, a-1)) && (b == len(up) || !numberByte(up, b)) {
				out = append(out, a)
			}
			i = b
		}
	}
	return out
}

// numberByte reports whether text[i] continues a word or number: a letter,
// a digit, or a separator between digits ("70,000", "3.5").
func numberByte(text string, i int) bool {
	c := text[i]
	if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
		return true
	}
	return (c == ',' || c == '.') && i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// airRockets reports whether an Air/drone strike among evs fired rockets
// or missiles, by its sentence.
func airRockets(evs []news.Event) bool {
	for _, e := range evs {
		if e.Subtype != events.SubAirDrone {
			continue
		}
		t := strings.ToUpper(e.Evidence.Text)
		if strings.Contains(t, "ROCKET") || strings.Contains(t, "MISSILE") {
			return true
		}
	}
	return false
}
