package actors

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// Actor is one canonical actor: a state, a government body, an armed
// force or one of its branches, an armed group, an organisation, or a
// person with dated roles.
type Actor struct {
	// ID is the stable key: lower-case letters, digits, '-', '/' and '.'.
	// Generic actors of a state use its ISO code: "ru", "ru-gov",
	// "ru-mil", "iq-cop".
	ID   string `json:"id"`
	Name string `json:"name"`
	// Aliases are other names the actor goes by in news text. An alias
	// that begins with a name or demonym of the actor's country ("Russian
	// air defence") also teaches the registry the description that
	// follows it ("air defence"), so that "Russia's air defences" resolves.
	Aliases []string `json:"aliases,omitempty"`
	// Kind is one of the news.Kind* constants.
	Kind string `json:"kind"`
	// Country is an ISO 3166 alpha-2 code, empty for international actors.
	Country string `json:"country,omitempty"`
	// Parent is the ID of the actor this one belongs to
	// (Quds Force → IRGC → Military Forces of Iran).
	Parent string `json:"parent,omitempty"`
	Roles  []Role `json:"roles,omitempty"`
	Notes  string `json:"notes,omitempty"`
	// Remove, in a user file, deletes the actor with this ID.
	Remove bool `json:"remove,omitempty"`
	// Merge, in a user file, adds this entry's aliases and roles to the
	// actor with the same ID and replaces the fields it sets, instead of
	// replacing the whole actor.
	Merge bool `json:"merge,omitempty"`

	rank int      // which source defined it: higher wins ties
	keys []string // comparison keys of its name and aliases
}

// Role is a position a person holds in an organisation, between two
// dates (YYYY, YYYY-MM or YYYY-MM-DD; empty means open).
type Role struct {
	Title string `json:"title"`
	Org   string `json:"org,omitempty"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// ActiveAt reports whether the role was held at t. A zero t matches every
// role. A year or month bound covers the whole year or month.
func (r Role) ActiveAt(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	if r.From != "" {
		if from, _, err := parseBound(r.From); err == nil && t.Before(from) {
			return false
		}
	}
	if r.To != "" {
		if _, end, err := parseBound(r.To); err == nil && !t.Before(end) {
			return false
		}
	}
	return true
}

// RolesAt returns the roles a held at t.
func (a *Actor) RolesAt(t time.Time) []Role {
	var out []Role
	for _, r := range a.Roles {
		if r.ActiveAt(t) {
			out = append(out, r)
		}
	}
	return out
}

// parseBound parses a role date and returns the first instant it covers
// and the first instant after it.
func parseBound(s string) (start, end time.Time, err error) {
	switch len(s) {
	case 4:
		start, err = time.Parse("2006", s)
		return start, start.AddDate(1, 0, 0), err
	case 7:
		start, err = time.Parse("2006-01", s)
		return start, start.AddDate(0, 1, 0), err
	case 10:
		start, err = time.Parse("2006-01-02", s)
		return start, start.AddDate(0, 0, 1), err
	}
	return start, end, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}

var validKinds = map[string]bool{
	news.KindStateForces: true, news.KindGovernment: true, news.KindRebels: true,
	news.KindPolMilitia: true, news.KindIdMilitia: true, news.KindRioters: true,
	news.KindProtesters: true, news.KindCivilians: true, news.KindExternal: true,
	news.KindIntlOrg: true, news.KindPerson: true, news.KindState: true,
	news.KindMedia: true, news.KindOtherOrg: true, news.KindUnknownArmed: true,
	news.KindPrivateSector: true,
}

// validate checks one actor as read from a file.
func (a *Actor) validate() error {
	if a.ID == "" {
		return fmt.Errorf("missing id")
	}
	for _, r := range a.ID {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '/' || r == '.' || r == '_') {
			return fmt.Errorf("id %q: want lower-case letters, digits, '-', '_', '/' or '.'", a.ID)
		}
	}
	if a.Remove {
		return nil
	}
	if strings.TrimSpace(a.Name) == "" && !a.Merge {
		return fmt.Errorf("actor %s: missing name", a.ID)
	}
	if !validKinds[a.Kind] && !(a.Merge && a.Kind == "") {
		return fmt.Errorf("actor %s: unknown kind %q", a.ID, a.Kind)
	}
	if a.Country != "" && (len(a.Country) != 2 || strings.ToUpper(a.Country) != a.Country) {
		return fmt.Errorf("actor %s: country %q: want an upper-case ISO 3166 alpha-2 code", a.ID, a.Country)
	}
	for i, r := range a.Roles {
		if r.Title == "" {
			return fmt.Errorf("actor %s: role %d: missing title", a.ID, i+1)
		}
		for _, d := range []string{r.From, r.To} {
			if d == "" {
				continue
			}
			if _, _, err := parseBound(d); err != nil {
				return fmt.Errorf("actor %s: role %d: %w", a.ID, i+1, err)
			}
		}
	}
	return nil
}

// ParseJSONL reads actors in sitrep's actor file format: JSON Lines, one
// actor object per line; blank lines and lines starting with '#' are
// skipped. name is used in error messages, which give the line number.
func ParseJSONL(r io.Reader, name string) ([]Actor, error) {
	return parseJSONL(r, name, 0)
}

// parseJSONL is ParseJSONL with room for n actors made up front.
func parseJSONL(r io.Reader, name string, n int) ([]Actor, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	out := make([]Actor, 0, n)
	intern := map[string]string{}
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 || b[0] == '#' {
			continue
		}
		var a Actor
		if err := decodeLine(b, &a, intern); err != nil {
			return out, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if err := a.validate(); err != nil {
			return out, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return out, nil
}

var jsonUnmarshal = json.Unmarshal

// knownFields are the keys an actor line may have.
var knownFields = map[string]bool{"id": true, "name": true, "aliases": true, "kind": true, "country": true,
	"parent": true, "roles": true, "notes": true, "remove": true, "merge": true}

// checkFields rejects unknown top-level keys, which are typos in a
// hand-written file ("alias" for "aliases") that would otherwise be
// silently ignored. It scans only the top level of an object that
// json.Unmarshal has already accepted.
func checkFields(b []byte) error {
	depth := 0
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case '"':
			j := i + 1
			for j < len(b) && b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(b) {
				return nil
			}
			if depth == 1 {
				k := j + 1
				for k < len(b) && (b[k] == ' ' || b[k] == '\t') {
					k++
				}
				if k < len(b) && b[k] == ':' {
					if key := string(b[i+1 : j]); !knownFields[key] {
						return fmt.Errorf("unknown field %q", key)
					}
				}
			}
			i = j
		}
	}
	return nil
}

// WriteJSONL writes actors one per line in the format ParseJSONL reads.
func WriteJSONL(w io.Writer, actors []Actor) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range actors {
		if err := enc.Encode(&actors[i]); err != nil {
			return fmt.Errorf("write actor %s: %w", actors[i].ID, err)
		}
	}
	return bw.Flush()
}
