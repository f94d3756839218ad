// Package news is sitrep's core model: the article as it moves through the
// pipeline, and what is extracted from it (entities, events, attributions,
// places, dates), each pointing back to the text by byte offsets.
//
// It imports nothing of sitrep's and only the standard library, so that every
// stage, the store and the server can share it. The JSON field names of
// Article, Entity, Event and Attribution are sitrep's public output contract
// (`sitrep extract` writes them): change them only with a migration path.
package news

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is returned by lookups (store, registries) that find nothing.
var ErrNotFound = errors.New("not found")

// Document is a raw document as read from an input, before cleaning. One
// input (a text dump, a feed, a WARC file, a JSON Lines file) may yield many.
type Document struct {
	// Origin names where the document came from, for error messages and
	// provenance: a file path or URL, with the record number or byte offset
	// inside it where there is one (e.g. "news.warc.gz#record=12").
	Origin string
	// Format says how Body is to be cleaned.
	Format Format
	// Body is the document's bytes as read (HTML, plain text, ...).
	Body []byte
	// Metadata the input carried (a feed item, a JSON Lines object, WARC
	// headers, command-line flags). Zero values mean unknown; the cleaner
	// fills what it can from the body.
	ID        string // the input's own identifier, kept as the article ID
	URL       string
	Title     string
	Author    string
	Source    string // outlet, e.g. "Reuters"
	Published time.Time
	Language  string
}

// Format is the kind of body a Document carries.
type Format string

// Document formats known to the cleaner.
const (
	FormatText Format = "text" // plain text: one article, or a dump of several
	FormatHTML Format = "html" // a web page
)

// Article is one news article: clean text, metadata, and everything the
// pipeline extracts from it. Offsets in all spans are byte offsets into Text.
type Article struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
	Language  string    `json:"language"`
	Text      string    `json:"text"`

	Author string `json:"author,omitempty"`
	// Origin is where the article was read from (see Document.Origin).
	Origin string `json:"origin,omitempty"`
	// Cluster is the ID of the first stored article of the near-duplicate
	// cluster this one belongs to (itself when it is the first).
	Cluster string `json:"cluster,omitempty"`
	// Focus lists the ISO 3166 alpha-2 codes of the countries the article
	// is mainly about.
	Focus []string `json:"focus,omitempty"`

	Sentences []Span `json:"-"`
	// Tokens are the article's word tokens as the nlp stage found them,
	// in order, each inside one of Sentences, so that later stages need
	// not tokenise the text again. Kept in memory only, never stored.
	Tokens       []Span        `json:"-"`
	Entities     []Entity      `json:"entities"`
	Events       []Event       `json:"events"`
	Attributions []Attribution `json:"attributions"`
}

// Span is a byte range [Start, End) into an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// TextSpan is a span with the text it covers, as shown to users.
type TextSpan struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity types. PER, ORG, LOC and MISC are CoNLL's; the rest are what
// event extraction needs.
const (
	EntPerson   = "PER"
	EntOrg      = "ORG"
	EntLocation = "LOC"
	EntGPE      = "GPE"      // countries, regions, cities as political units
	EntFacility = "FAC"      // bases, airports, buildings
	EntNORP     = "NORP"     // nationalities, religious and political groups
	EntMisc     = "MISC"     // other names
	EntWeapon   = "WEAPON"   // named weapon systems and platforms
	EntQuantity = "QUANTITY" // numbers with what they count
	EntDate     = "DATE"     // dates and times
)

// Entity is a named-entity mention.
type Entity struct {
	Text  string    `json:"text"`
	Type  string    `json:"type"`
	Start int       `json:"start"`
	End   int       `json:"end"`
	Actor *ActorRef `json:"actor,omitempty"`
}

// Span returns the entity's byte range.
func (e Entity) Span() Span { return Span{e.Start, e.End} }

// Actor kinds, following ACLED's actor categories plus sitrep's additions.
const (
	KindStateForces   = "state forces"
	KindGovernment    = "government"
	KindRebels        = "rebel group"
	KindPolMilitia    = "political militia"
	KindIdMilitia     = "identity militia"
	KindRioters       = "rioters"
	KindProtesters    = "protesters"
	KindCivilians     = "civilians"
	KindExternal      = "external/other forces"
	KindIntlOrg       = "international organisation"
	KindPerson        = "person"
	KindState         = "state" // a country as a whole ("Russia attacked")
	KindMedia         = "media"
	KindOtherOrg      = "organisation"
	KindUnknownArmed  = "unidentified armed group"
	KindPrivateSector = "private sector"
)

// ActorRef is a resolved actor as it appears in output: the canonical name,
// kind, and country (ISO 3166 alpha-2, empty for international actors).
type ActorRef struct {
	ID      string `json:"id,omitempty"`
	Name    string `json:"name"`
	Kind    string `json:"kind,omitempty"`
	Country string `json:"country,omitempty"`
}

// IsParty reports whether an actor can be a party to a conflict, whose
// statements about its own actions are claims rather than reports: armed
// and governmental actors, states, and persons with a country (office
// holders).
func (a *ActorRef) IsParty() bool {
	if a == nil {
		return false
	}
	switch a.Kind {
	case KindStateForces, KindGovernment, KindRebels, KindPolMilitia,
		KindIdMilitia, KindExternal, KindState, KindUnknownArmed:
		return true
	case KindPerson:
		return a.Country != ""
	}
	return false
}

// Place precision, from most to least precise.
const (
	PrecisionPoint   = "point"
	PrecisionAdmin2  = "admin2"
	PrecisionAdmin1  = "admin1"
	PrecisionCountry = "country"
	PrecisionRegion  = "region"
)

// Place is a place as written and, when resolved, its gazetteer entry.
type Place struct {
	Name      string  `json:"name"`
	Resolved  string  `json:"resolved,omitempty"`
	Country   string  `json:"country,omitempty"` // ISO 3166 alpha-2
	Admin1    string  `json:"admin1,omitempty"`
	Lat       float64 `json:"lat,omitempty"`
	Lon       float64 `json:"lon,omitempty"`
	Precision string  `json:"precision,omitempty"`
	GeonameID int     `json:"geonameid,omitempty"`
	Start     int     `json:"start,omitempty"`
	End       int     `json:"end,omitempty"`
}

// Date precisions.
const (
	DateDay   = "day"
	DateWeek  = "week"
	DateMonth = "month"
	DateYear  = "year"
)

// TimeRef is a resolved date: Value is YYYY-MM-DD, YYYY-MM or YYYY to match
// Precision; End, when set, closes a range ("2027–2028", "overnight").
type TimeRef struct {
	Value     string `json:"value"`
	Precision string `json:"precision"`
	End       string `json:"end,omitempty"`
	Text      string `json:"text,omitempty"`
}

// Modalities of an event.
const (
	ModReported   = "reported"
	ModClaimed    = "claimed"
	ModDenied     = "denied"
	ModPlanned    = "planned"
	ModPossible   = "possible"
	ModNegated    = "negated"
	ModHistorical = "historical"
)

// Figure is one number bound to what it counts, with its evidence and who
// gave it. Max is set for ranges and approximations ("dozens": 24 to 99).
// Part marks a breakdown of another figure ("19 people, including 10
// children"; "13 bodies ...; eight guerrillas, four soldiers"): it is kept
// as data but never counted into the event's quantities.
type Figure struct {
	What    string  `json:"what"` // launched, intercepted, hit, killed, injured, detained, fighters, systems, share, bodies ...
	Value   float64 `json:"value"`
	Max     float64 `json:"max,omitempty"`
	AtLeast bool    `json:"at_least,omitempty"`
	Approx  bool    `json:"approx,omitempty"`
	Unit    string  `json:"unit,omitempty"`
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Source  string  `json:"source,omitempty"`
	Part    bool    `json:"part,omitempty"`
}

// Event is one typed event found in an article, per ../docs/taxonomy.md.
type Event struct {
	ID          string     `json:"id,omitempty"`
	Type        string     `json:"type"`
	Subtype     string     `json:"subtype"`
	Actor1      *ActorRef  `json:"actor1"`
	Actor2      *ActorRef  `json:"actor2"`
	AssocActors []ActorRef `json:"assoc_actors"`
	Place       *Place     `json:"place"`
	Date        *TimeRef   `json:"date"`
	// Quantities holds the headline figure for each thing counted, the
	// most conservative where sources differ; Figures keeps them all.
	Quantities map[string]float64 `json:"quantities"`
	Figures    []Figure           `json:"figures,omitempty"`
	Weapon     string             `json:"weapon"`
	Modality   string             `json:"modality"`
	Sources    []Source           `json:"sources"`
	Evidence   TextSpan           `json:"evidence"`
	// Mentions are the article's other sentences that tell of the event
	// (a later "the explosion", a casualty count told on its own), in
	// text order, so that every figure and source can be shown with its
	// sentence.
	Mentions []TextSpan `json:"mentions,omitempty"`
	// Roles holds roles beyond actor1/actor2 (supplier, recipient, funder,
	// trainer, trainee, chair, participant), by role name.
	Roles map[string][]ActorRef `json:"roles,omitempty"`
	// Status qualifies arms transfers (pledged, approved, in delivery,
	// delivered, diverted, delayed, cancelled).
	Status string `json:"status,omitempty"`
	// Corroboration counts the distinct sources behind the event.
	Corroboration int `json:"corroboration,omitempty"`
	// Caveat is what the report says of its own verification of the
	// event's claims ("could not be independently verified"), empty when it
	// says nothing.
	Caveat string `json:"caveat,omitempty"`
}

// Source kinds of a claim.
const (
	SrcPerson    = "person"
	SrcAnonymous = "anonymous"
	SrcOrg       = "organisation"
	SrcDocument  = "document"
	SrcOutlet    = "outlet"
	SrcNoComment = "no comment"
)

// Source is who asserts a claim. Count is the number of people a
// description stands for ("three commanders" is 3; "officials" at least 2).
type Source struct {
	Text  string    `json:"text"`
	Kind  string    `json:"kind"`
	Count int       `json:"count,omitempty"`
	Actor *ActorRef `json:"actor,omitempty"`
	Cue   string    `json:"cue,omitempty"`
	Role  string    `json:"role,omitempty"`
	Party string    `json:"party,omitempty"`
	Start int       `json:"start,omitempty"`
	End   int       `json:"end,omitempty"`
}

// Attribution is one claim in an article: who (Source), how (Cue: "said",
// "according to", "denied"), and what (Content).
type Attribution struct {
	Source  Source   `json:"source"`
	Cue     TextSpan `json:"cue"`
	Content TextSpan `json:"content"`
	// Relation marks confirmations, denials, caveats and refusals:
	// "assert", "confirm", "deny", "caveat", "no comment".
	Relation string `json:"relation,omitempty"`
}

// Failure records why one input or article could not be processed.
type Failure struct {
	Origin string // input and, where known, record or offset
	Stage  string // ingest, clean, nlp, extract, geo, store
	Err    error
}

func (f *Failure) Error() string {
	return fmt.Sprintf("%s: %s: %v", f.Origin, f.Stage, f.Err)
}

func (f *Failure) Unwrap() error { return f.Err }

// ContentID derives a stable identifier from a key (a canonical URL or the
// article's text): the first 16 hex digits of its SHA-256.
func ContentID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}
