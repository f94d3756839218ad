// Package export writes sitrep's events in formats analysts already load,
// starting with ACLED's CSV columns, so that sitrep's data can sit beside
// ACLED's in the same spreadsheet, notebook or dashboard.
package export

import (
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// Record is one event with the article it was found in.
type Record struct {
	Event     news.Event
	ArticleID string
	Source    string // outlet
	URL       string
	Published time.Time
}

// Country names a country for the export: its English name, ISO 3166
// alpha-3 code and numeric code, looked up by alpha-2 code.
type Country func(iso2 string) (name, iso3 string, numeric int, ok bool)

// ACLEDColumns are the columns of ACLED's export files, in their order.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
	"event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
	"actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location",
	"latitude", "longitude", "geo_precision", "source", "source_scale",
	"notes", "fatalities", "tags", "timestamp",
}

// ACLEDWriter writes events as ACLED CSV rows.
type ACLEDWriter struct {
	w       *csv.Writer
	country Country
	seq     map[string]int // per-country running number for events without an ID
	header  bool
}

// NewACLED returns a writer of ACLED CSV to w; country may be nil, in which
// case country names and alpha-3 codes are left as the alpha-2 code.
func NewACLED(w io.Writer, country Country) *ACLEDWriter {
	return &ACLEDWriter{w: csv.NewWriter(w), country: country, seq: map[string]int{}}
}

// Write writes one event (and the header before the first).
func (x *ACLEDWriter) Write(r Record) error {
	if !x.header {
		x.header = true
		if err := x.w.Write(ACLEDColumns); err != nil {
			return fmt.Errorf("write csv header: %w", err)
		}
	}
	if err := x.w.Write(x.row(r)); err != nil {
		return fmt.Errorf("write csv row for event %s: %w", r.Event.ID, err)
	}
	return nil
}

// Flush writes any buffered rows and reports a write error.
func (x *ACLEDWriter) Flush() error {
	if !x.header {
		x.header = true
		if err := x.w.Write(ACLEDColumns); err != nil {
			return err
		}
	}
	x.w.Flush()
	return x.w.Error()
}

// eventIDCnty is the ACLED event_id_cnty of a stored event: the country's
// alpha-3 code and a number derived from the event's ID, so that an event
// keeps its identifier from one export to the next and analysts can join
// exports on it. It is "" for an event without an ID (not stored).
func eventIDCnty(prefix, eventID string) string {
	if eventID == "" {
		return ""
	}
	h := fnv.New64a()
	h.Write([]byte(eventID))
	return prefix + strconv.FormatUint(h.Sum64()%1_000_000_000, 10)
}

func (x *ACLEDWriter) row(r Record) []string {
	e := r.Event
	// The country is where the event happened; an event without a resolved
	// place gets none rather than a guess from its actors.
	iso2 := ""
	if e.Place != nil {
		iso2 = e.Place.Country
	}
	countryName, iso3, numeric := iso2, iso2, 0
	if iso2 != "" && x.country != nil {
		if n, i3, num, ok := x.country(iso2); ok {
			countryName, iso3, numeric = n, i3, num
		}
	}
	prefix := iso3
	if prefix == "" {
		prefix = "XXX"
	}
	id := eventIDCnty(prefix, e.ID)
	if id == "" {
		x.seq[prefix]++
		id = fmt.Sprintf("%s%d", prefix, x.seq[prefix])
	}

	date, year, precision := "", "", ""
	if e.Date != nil && e.Date.Value != "" {
		date, precision = acledDate(e.Date)
		year = e.Date.Value[:min(4, len(e.Date.Value))]
	} else if !r.Published.IsZero() {
		date, year, precision = r.Published.UTC().Format("2006-01-02"), strconv.Itoa(r.Published.UTC().Year()), "1"
	}

	inter1, inter2 := interCode(e.Actor1), interCode(e.Actor2)
	interaction := ""
	if inter1 > 0 {
		a, b := inter1, inter2
		if b > 0 && b < a {
			a, b = b, a
		}
		interaction = strconv.Itoa(a*10 + b)
	}
	civ := ""
	if e.Actor2 != nil && e.Actor2.Kind == news.KindCivilians {
		civ = "Civilian targeting"
	}
	var admin1, location, lat, lon, geoPrec string
	if p := e.Place; p != nil {
		admin1, location = p.Admin1, p.Resolved
		if location == "" {
			location = p.Name
		}
		if p.Lat != 0 || p.Lon != 0 {
			lat, lon = strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64)
		}
		geoPrec = geoPrecision(p.Precision)
	}
	fatal := "0"
	if k, ok := e.Quantities["killed"]; ok {
		fatal = strconv.FormatFloat(k, 'f', -1, 64)
	}
	isoNum := ""
	if numeric > 0 {
		isoNum = strconv.Itoa(numeric)
	}
	return []string{
		id, date, year, precision, disorderType(e.Type),
		e.Type, e.Subtype, actorName(e.Actor1), assocNames(e.AssocActors, 0), codeStr(inter1),
		actorName(e.Actor2), assocNames(e.AssocActors, 1), codeStr(inter2), interaction, civ,
		isoNum, "", countryName, admin1, "", "", location,
		lat, lon, geoPrec, r.Source, "",
		notes(r, e), fatal, tags(e), strconv.FormatInt(r.Published.Unix(), 10),
	}
}

// acledDate gives ACLED's event_date and time_precision (1 day, 2 week,
// 3 month or coarser) for a resolved date.
func acledDate(t *news.TimeRef) (string, string) {
	v := t.Value
	switch len(v) {
	case 10:
		if t.Precision == news.DateWeek {
			return v, "2"
		}
		return v, "1"
	case 7:
		return v + "-01", "3"
	case 4:
		return v + "-01-01", "3"
	}
	return v, "3"
}

func disorderType(eventType string) string {
	switch eventType {
	case "Battles", "Explosions/Remote violence", "Violence against civilians":
		return "Political violence"
	case "Protests", "Riots":
		return "Demonstrations"
	case "Strategic developments":
		return "Strategic developments"
	}
	return ""
}

// interCode maps an actor kind to ACLED's inter codes.
func interCode(a *news.ActorRef) int {
	if a == nil {
		return 0
	}
	switch a.Kind {
	case news.KindStateForces, news.KindGovernment, news.KindState:
		return 1
	case news.KindRebels:
		return 2
	case news.KindPolMilitia, news.KindUnknownArmed:
		return 3
	case news.KindIdMilitia:
		return 4
	case news.KindRioters:
		return 5
	case news.KindProtesters:
		return 6
	case news.KindCivilians:
		return 7
	case news.KindExternal, news.KindIntlOrg:
		return 8
	}
	return 8
}

func codeStr(c int) string {
	if c == 0 {
		return ""
	}
	return strconv.Itoa(c)
}

func actorName(a *news.ActorRef) string {
	if a == nil {
		return ""
	}
	return a.Name
}

// assocNames lists associated actors split between the two sides the way
// ACLED does: with only actor lists, all associated actors go with actor 1.
func assocNames(as []news.ActorRef, side int) string {
	if side != 0 {
		return ""
	}
	names := make([]string, 0, len(as))
	for _, a := range as {
		names = append(names, a.Name)
	}
	return strings.Join(names, "; ")
}

func geoPrecision(p string) string {
	switch p {
	case news.PrecisionPoint:
		return "1"
	case news.PrecisionAdmin2:
		return "2"
	case "":
		return ""
	}
	return "3"
}

// notes is ACLED's free-text description: the evidence sentence, who says
// so, the modality, and the report's caveat ("could not be independently
// verified").
func notes(r Record, e news.Event) string {
	var b strings.Builder
	b.WriteString(strings.Join(strings.Fields(e.Evidence.Text), " "))
	if len(e.Sources) > 0 {
		var who []string
		for _, s := range e.Sources {
			if s.Kind == news.SrcNoComment {
				continue
			}
			who = append(who, s.Text)
		}
		if len(who) > 0 {
			fmt.Fprintf(&b, " [sources: %s]", strings.Join(who, "; "))
		}
	}
	if e.Modality != "" && e.Modality != news.ModReported {
		fmt.Fprintf(&b, " [%s]", e.Modality)
	}
	if e.Caveat != "" {
		fmt.Fprintf(&b, " [%s]", e.Caveat)
	}
	if r.URL != "" {
		fmt.Fprintf(&b, " <%s>", r.URL)
	}
	return b.String()
}

// tags carries what ACLED has no column for: the weapon and other figures.
func tags(e news.Event) string {
	var t []string
	if e.Weapon != "" {
		t = append(t, "weapon: "+e.Weapon)
	}
	keys := make([]string, 0, len(e.Quantities))
	for k := range e.Quantities {
		if k != "killed" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		t = append(t, fmt.Sprintf("%s: %s", k, strconv.FormatFloat(e.Quantities[k], 'f', -1, 64)))
	}
	if e.Status != "" {
		t = append(t, "status: "+e.Status)
	}
	return strings.Join(t, "; ")
}
