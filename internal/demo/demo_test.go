package demo

import "testing"

func TestStories(t *testing.T) {
	ss, err := Stories()
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 89 {
		t.Fatalf("%d stories, want 89", len(ss))
	}
	for _, s := range ss {
		if s.ID == "" || s.Text == "" || s.Published.IsZero() {
			t.Fatalf("incomplete story %+v", s.ID)
		}
	}
}
