package actors

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseJSONL(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		err      string
	}{
		{"empty", "", 0, ""},
		{"comments and blanks", "# c\n\n  \n{\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"country\":\"AA\"}\n", 1, ""},
		{"roles", `{"id":"p","name":"P","kind":"person","roles":[{"title":"President","org":"a","from":"2019","to":"2024-05-01"}]}`, 1, ""},
		{"remove needs only id", `{"id":"p","remove":true}`, 1, ""},
		{"unknown field", `{"id":"a","name":"A","kind":"state","alias":["x"]}`, 0, `x.jsonl:1: unknown field "alias"`},
		{"unknown nested ok", `{"id":"a","name":"A","kind":"person","roles":[{"title":"t","org":"o"}]}`, 1, ""},
		{"bad kind", "\n{\"id\":\"a\",\"name\":\"A\",\"kind\":\"warlord\"}", 0, `x.jsonl:2: actor a: unknown kind "warlord"`},
		{"bad id", `{"id":"A B","name":"A","kind":"state"}`, 0, "x.jsonl:1: id"},
		{"missing id", `{"name":"A","kind":"state"}`, 0, "missing id"},
		{"missing name", `{"id":"a","kind":"state"}`, 0, "missing name"},
		{"bad country", `{"id":"a","name":"A","kind":"state","country":"usa"}`, 0, "country"},
		{"bad date", `{"id":"p","name":"P","kind":"person","roles":[{"title":"x","from":"May 2020"}]}`, 0, "role 1"},
		{"untitled role", `{"id":"p","name":"P","kind":"person","roles":[{"org":"x"}]}`, 0, "missing title"},
		{"bad json", `{"id":"a",`, 0, "x.jsonl:1:"},
		{"two values", `{"id":"a","name":"A","kind":"state"} {"id":"b"}`, 0, "x.jsonl:1:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as, err := ParseJSONL(strings.NewReader(tc.in), "x.jsonl")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(as) != tc.n {
				t.Errorf("got %d actors, want %d", len(as), tc.n)
			}
		})
	}
}

// TestWriteParseRoundTrip checks that WriteJSONL writes what ParseJSONL
// reads back.
func TestWriteParseRoundTrip(t *testing.T) {
	in := []Actor{
		{ID: "x", Name: "X <&>", Aliases: []string{"Ex", "“Quoted”"}, Kind: "state", Country: "XX"},
		{ID: "p", Name: "P", Kind: "person", Roles: []Role{{Title: "Chief", Org: "x", From: "2020-01-02"}}, Notes: "n"},
	}
	var b bytes.Buffer
	if err := WriteJSONL(&b, in); err != nil {
		t.Fatal(err)
	}
	out, err := ParseJSONL(&b, "rt")
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].Name != in[0].Name || out[0].Aliases[1] != "“Quoted”" || out[1].Roles[0] != in[1].Roles[0] {
		t.Errorf("round trip: %+v", out)
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, key string }{
		{"Russia's air defences", "russia air defences"},
		{"Russia’s Air Defense", "russia air defence"},
		{"the U.S. Defense Department", "the us defence department"},
		{"Kata'ib Hezbollah", "kataib hezbollah"},
		{"al-Sudani", "al sudani"},
		{"Zelenskyy’s", "zelenskyy"},
		{"Erdoğan", "erdogan"},
		{"  ", ""},
		{"St. Petersburg", "st petersburg"},
		{"IRGC-QF", "irgc qf"},
	}
	for _, tc := range tests {
		if got := normKey(tc.in); got != tc.key {
			t.Errorf("normKey(%q) = %q, want %q", tc.in, got, tc.key)
		}
	}
	toks := tokenize("U.S. forces, Iran")
	if len(toks) != 3 || !toks[0].Upper || toks[0].End != 4 || toks[1].Gap || !toks[2].Gap {
		t.Errorf("tokens: %+v", toks)
	}
}

func FuzzParseJSONL(f *testing.F) {
	f.Add(`{"id":"a","name":"A","kind":"state","country":"AA"}`)
	f.Add("# c\n{\"id\":\"p\",\"name\":\"P\",\"kind\":\"person\",\"roles\":[{\"title\":\"x\",\"from\":\"2019\"}]}")
	f.Add(`{"id":"a","remove":true}`)
	f.Add(`{"id":"a","name":"A\"}","kind":"state","\u0061lias":1}`)
	f.Fuzz(func(t *testing.T, in string) {
		as, err := ParseJSONL(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, a := range as {
			if err := a.validate(); err != nil {
				t.Fatalf("accepted an invalid actor: %v", err)
			}
		}
		// What was accepted survives a round trip.
		var b bytes.Buffer
		if err := WriteJSONL(&b, as); err != nil {
			t.Fatal(err)
		}
		back, err := ParseJSONL(&b, "rt")
		if err != nil || len(back) != len(as) {
			t.Fatalf("round trip: %d → %d actors, %v", len(as), len(back), err)
		}
	})
}

func FuzzTokenize(f *testing.F) {
	f.Add("Russia's air defences shot down 122 Ukrainian drones")
	f.Add("U.S.-led forces’ base")
	f.Add("'s ' ’ .. U. S.")
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tk := range tokenize(s) {
			if tk.Start < last || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %+v out of order or range in %q", tk, s)
			}
			if tk.Norm == "" || strings.Contains(tk.Norm, " ") {
				t.Fatalf("bad norm %q", tk.Norm)
			}
			last = tk.End
		}
		if utf8.ValidString(s) && !utf8.ValidString(normKey(s)) {
			t.Fatalf("normKey(%q) is not valid UTF-8", s)
		}
	})
}

func FuzzFind(f *testing.F) {
	f.Add("Iran’s Quds Force and US-led forces at Ain al-Asad; Russian air defenses")
	f.Add("Ukrainian President Volodymyr Zelensky, the US, is, us")
	f.Add("pro-Iran militia; Iran, officials")
	f.Fuzz(func(t *testing.T, s string) {
		r := testRegistry(t)
		last := 0
		for _, m := range r.Find(s) {
			if m.Start < last || m.End <= m.Start || m.End > len(s) || s[m.Start:m.End] != m.Text || m.Actor == nil {
				t.Fatalf("bad match %+v in %q", m, s)
			}
			last = m.End
		}
		r.Resolve(s, "", day("2025-07-17"))
		r.Resolve(s, "PER", day("2025-07-17"))
	})
}

// FuzzFastDecode checks that the fast decoder agrees with encoding/json
// wherever it accepts a line.
func FuzzFastDecode(f *testing.F) {
	f.Add(`{"id":"p","name":"P","aliases":["a","b"],"kind":"person","roles":[{"title":"x","org":"o","from":"2019"}],"remove":false}`)
	f.Add(`{"id":"a","aliases":[],"roles":[{}]}`)
	f.Add(`{"id":"a","id":"b"}`)
	f.Add(`{"name":"\u00e9"}`)
	f.Fuzz(func(t *testing.T, in string) {
		var fast, slow Actor
		if decodeFast([]byte(in), &fast) != nil {
			return
		}
		if err := json.Unmarshal([]byte(in), &slow); err != nil {
			t.Fatalf("fast decoder accepted what encoding/json rejects (%v): %q", err, in)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("fast %+v != encoding/json %+v for %q", fast, slow, in)
		}
	})
}

// TestSpellingsFilter keeps spellFirst's length bounds in step with the
// spellings table.
func TestSpellingsFilter(t *testing.T) {
	for k, v := range spellings {
		if len(k) < 6 || len(k) > 13 {
			t.Errorf("spelling %q outside the 6-13 byte filter", k)
		}
		if got := normKey(k); got != v {
			t.Errorf("normKey(%q) = %q, want %q", k, got, v)
		}
	}
}
