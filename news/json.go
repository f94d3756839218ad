package news

import (
	"encoding/json"
	"time"
)

// articleJSON is Article as written in JSON: the same fields, with the
// publication date as an RFC 3339 string, or null when unknown, and the
// extracted lists always present (empty rather than null).
type articleJSON struct {
	*articleAlias
	Published *time.Time `json:"published"`
}

type articleAlias Article

// MarshalJSON writes the article in sitrep's public output form.
func (a Article) MarshalJSON() ([]byte, error) {
	al := articleAlias(a)
	if al.Entities == nil {
		al.Entities = []Entity{}
	}
	if al.Events == nil {
		al.Events = []Event{}
	}
	if al.Attributions == nil {
		al.Attributions = []Attribution{}
	}
	out := articleJSON{articleAlias: &al}
	if !a.Published.IsZero() {
		t := a.Published.UTC()
		out.Published = &t
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (a *Article) UnmarshalJSON(b []byte) error {
	in := articleJSON{articleAlias: (*articleAlias)(a)}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	a.Published = time.Time{}
	if in.Published != nil {
		a.Published = *in.Published
	}
	return nil
}
