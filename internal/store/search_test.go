package store

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestParseSearch(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{in: "drone", want: `(("drone"))`},
		{in: "drone strike", want: `(("drone" AND "strike"))`},
		{in: `"air defence" Kyiv`, want: `(("air defence" AND "Kyiv"))`},
		{in: "kyiv OR kharkiv", want: `(("kyiv")) OR (("kharkiv"))`},
		{in: "a b or c", want: `(("a" AND "b")) OR (("c"))`},
		{in: "strike -drill -exercise", want: `(("strike") NOT "drill" NOT "exercise")`},
		{in: `strike -"live fire"`, want: `(("strike") NOT "live fire")`},
		{in: "intercept*", want: `(("intercept"*))`},
		{in: `"unbalanced phrase`, want: `(("unbalanced phrase"))`},
		{in: `say "hi""there"`, want: `(("say" AND "hi" AND "there"))`},
		{in: `x"y`, want: `(("x" AND "y"))`},
		{in: "drone AND strike", want: `(("drone" AND "strike"))`},
		{in: "(drone) - strike", want: `(("drone" AND "strike"))`},
		{in: "OR drone OR", want: `(("drone"))`},
		{in: `NEAR(a b)`, want: `(("NEAR" AND "a" AND "b"))`},
		{in: `title:kyiv`, want: `(("title:kyiv"))`},
		{in: "", bad: true},
		{in: "AND OR", bad: true},
		{in: "-drone", bad: true},
		{in: "drone OR -strike", bad: true},
		{in: `* " ^ :`, bad: true},
	}
	for _, tc := range tests {
		got, err := ParseSearch(tc.in)
		if tc.bad {
			if !errors.Is(err, ErrBadSearch) {
				t.Errorf("ParseSearch(%q) = %q, %v; want ErrBadSearch", tc.in, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseSearch(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// FuzzParseSearch checks that every query either fails with ErrBadSearch
// or runs in SQLite's FTS5 without a syntax error.
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{"drone", `"air defence" -drill`, "a OR b", `"x`, "AND OR", "x*", "NEAR(a b)", "c:x", "-", `"""`, "a\x00b", "é ü"} {
		f.Add(s)
	}
	s, err := Open(f.Context(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	f.Fuzz(func(t *testing.T, q string) {
		m, err := ParseSearch(q)
		if err != nil {
			if !errors.Is(err, ErrBadSearch) {
				t.Fatalf("ParseSearch(%q): error %v does not wrap ErrBadSearch", q, err)
			}
			return
		}
		rows, err := s.db.QueryContext(t.Context(), `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`, m)
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
		if err != nil {
			t.Fatalf("query %q → %q: %v", q, m, err)
		}
	})
}
