package attribution

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func TestProbeTmp(t *testing.T) {
	in := os.Getenv("PROBE")
	if in == "" {
		t.Skip()
	}
	x := New(Options{})
	for _, s := range strings.Split(in, "|") {
		fmt.Printf("%s\n", s)
		for _, a := range x.Extract(s, time.Time{}) {
			fmt.Printf("   src=%q kind=%s text=%q role=%q party=%q n=%d cue=%q cont=%q\n", s[a.Source.Start:a.Source.End], a.Source.Kind, a.Source.Text, a.Source.Role, a.Source.Party, a.Source.Count, a.Cue.Text, a.Content.Text)
		}
	}
}
