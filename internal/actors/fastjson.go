package actors

import (
	"errors"
	"unicode/utf8"
)

// errSlowPath tells ParseJSONL to decode a line with encoding/json: the
// fast decoder below handles only what WriteJSONL writes (no escapes, no
// numbers or nulls), which is every line of the embedded data, and leaves
// the rest to the standard decoder. FuzzFastDecode holds the two to the
// same result.
var errSlowPath = errors.New("not in the fast subset")

// decodeFast decodes one actor line in the fast subset into a.
func decodeFast(b []byte, a *Actor) error {
	return decodeFastIntern(b, a, nil)
}

// decodeFastIntern is decodeFast sharing the strings that repeat from line
// to line (kinds, countries, parents, role titles, organisations and
// dates) through intern, which saves most of a large file's allocations.
func decodeFastIntern(b []byte, a *Actor, intern map[string]string) error {
	// Strings are cut from one copy of the line: one allocation per
	// actor rather than one per field.
	d := fastDecoder{b: b, in: intern, line: string(b)}
	d.ws()
	if !d.eat('{') {
		return errSlowPath
	}
	d.ws()
	if d.eat('}') {
		return d.end()
	}
	for {
		d.ws()
		key, err := d.str()
		if err != nil {
			return err
		}
		d.ws()
		if !d.eat(':') {
			return errSlowPath
		}
		d.ws()
		switch key {
		case "id":
			a.ID, err = d.str()
		case "name":
			a.Name, err = d.str()
		case "kind":
			a.Kind, err = d.istr()
		case "country":
			a.Country, err = d.istr()
		case "parent":
			a.Parent, err = d.istr()
		case "notes":
			a.Notes, err = d.str()
		case "aliases":
			a.Aliases, err = d.strs()
		case "remove":
			a.Remove, err = d.boolean()
		case "merge":
			a.Merge, err = d.boolean()
		case "roles":
			a.Roles, err = d.roles()
		default:
			// Unknown or differently cased keys: encoding/json matches
			// keys case-insensitively, so let it decide.
			return errSlowPath
		}
		if err != nil {
			return err
		}
		d.ws()
		if d.eat('}') {
			return d.end()
		}
		if !d.eat(',') {
			return errSlowPath
		}
	}
}

type fastDecoder struct {
	b    []byte
	i    int
	in   map[string]string
	line string // string(b)
}

// istr is str through the intern table.
func (d *fastDecoder) istr() (string, error) {
	if d.in == nil {
		return d.str()
	}
	start := d.i
	if !d.eat('"') {
		return "", errSlowPath
	}
	for d.i < len(d.b) && d.b[d.i] != '"' && d.b[d.i] != '\\' && d.b[d.i] >= 0x20 {
		d.i++
	}
	if d.i < len(d.b) && d.b[d.i] == '"' {
		if s, ok := d.in[string(d.b[start+1:d.i])]; ok {
			d.i++
			return s, nil
		}
	}
	d.i = start
	s, err := d.str()
	if err == nil && len(d.in) < 1<<16 {
		d.in[s] = s
	}
	return s, err
}

func (d *fastDecoder) ws() {
	for d.i < len(d.b) && (d.b[d.i] == ' ' || d.b[d.i] == '\t' || d.b[d.i] == '\r' || d.b[d.i] == '\n') {
		d.i++
	}
}

func (d *fastDecoder) eat(c byte) bool {
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

func (d *fastDecoder) end() error {
	d.ws()
	if d.i != len(d.b) {
		return errSlowPath
	}
	return nil
}

// str reads a string without escapes or control characters.
func (d *fastDecoder) str() (string, error) {
	if !d.eat('"') {
		return "", errSlowPath
	}
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			s := d.line[start:d.i]
			d.i++
			if !utf8.ValidString(s) {
				return "", errSlowPath
			}
			return s, nil
		case c == '\\' || c < 0x20:
			return "", errSlowPath
		}
		d.i++
	}
	return "", errSlowPath
}

func (d *fastDecoder) strs() ([]string, error) {
	if !d.eat('[') {
		return nil, errSlowPath
	}
	var out []string
	d.ws()
	if d.eat(']') {
		return []string{}, nil
	}
	for {
		d.ws()
		s, err := d.str()
		if err != nil {
			return nil, err
		}
		out = append(out, s)
		d.ws()
		if d.eat(']') {
			return out, nil
		}
		if !d.eat(',') {
			return nil, errSlowPath
		}
	}
}

func (d *fastDecoder) boolean() (bool, error) {
	switch {
	case d.i+4 <= len(d.b) && string(d.b[d.i:d.i+4]) == "true":
		d.i += 4
		return true, nil
	case d.i+5 <= len(d.b) && string(d.b[d.i:d.i+5]) == "false":
		d.i += 5
		return false, nil
	}
	return false, errSlowPath
}

func (d *fastDecoder) roles() ([]Role, error) {
	if !d.eat('[') {
		return nil, errSlowPath
	}
	var out []Role
	d.ws()
	if d.eat(']') {
		return []Role{}, nil
	}
	for {
		d.ws()
		if !d.eat('{') {
			return nil, errSlowPath
		}
		var r Role
		d.ws()
		if !d.eat('}') {
			for {
				d.ws()
				key, err := d.str()
				if err != nil {
					return nil, err
				}
				d.ws()
				if !d.eat(':') {
					return nil, errSlowPath
				}
				d.ws()
				var v string
				if v, err = d.istr(); err != nil {
					return nil, err
				}
				switch key {
				case "title":
					r.Title = v
				case "org":
					r.Org = v
				case "from":
					r.From = v
				case "to":
					r.To = v
				default:
					return nil, errSlowPath
				}
				d.ws()
				if d.eat('}') {
					break
				}
				if !d.eat(',') {
					return nil, errSlowPath
				}
			}
		}
		out = append(out, r)
		d.ws()
		if d.eat(']') {
			return out, nil
		}
		if !d.eat(',') {
			return nil, errSlowPath
		}
	}
}

// decodeLine decodes one actor line: the fast subset directly, anything
// else with encoding/json and a check for unknown fields.
func decodeLine(b []byte, a *Actor, intern map[string]string) error {
	err := decodeFastIntern(b, a, intern)
	if err == nil {
		return nil
	}
	*a = Actor{}
	if err := jsonUnmarshal(b, a); err != nil {
		return err
	}
	return checkFields(b)
}
