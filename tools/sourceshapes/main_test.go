package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sitrep-osint/sitrep/news"
)

func TestShapes(t *testing.T) {
	tests := []struct {
		src  news.Source
		want []string
	}{
		{news.Source{Text: "Iraqi security officials", Kind: news.SrcAnonymous, Party: "Iraqi"}, nil},
		{news.Source{Text: "their", Kind: news.SrcAnonymous}, []string{"lone word"}},
		{news.Source{Text: "officials", Kind: news.SrcAnonymous}, nil},
		{news.Source{Text: "Canos-Donnay said she", Kind: news.SrcOrg}, []string{"holds a report verb"}},
		{news.Source{Text: "Officials", Kind: news.SrcAnonymous, Party: "Officials"}, []string{"party is the source"}},
		{news.Source{Text: "United States", Kind: news.SrcPerson, Actor: &news.ActorRef{Name: "United States", Kind: news.KindState}}, []string{"person is a state"}},
		// a spokesman resolving to the body he speaks for is right
		{news.Source{Text: "Zabihullah Mujahid", Kind: news.SrcPerson, Role: "Taliban spokesman", Actor: &news.ActorRef{Name: "Taliban", Kind: news.KindRebels}}, nil},
		{news.Source{Kind: news.SrcNoComment, Text: "the army"}, nil},
	}
	for _, tt := range tests {
		if got := shapes(tt.src); !slices.Equal(got, tt.want) {
			t.Errorf("%+v: %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestRunBadInput(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(p, []byte("{\"id\":\"a\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(p); err == nil {
		t.Error("a malformed line gave no error")
	}
	if err := run(filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Error("a missing file gave no error")
	}
}
