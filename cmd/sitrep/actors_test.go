package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestActorsCmd lists, searches and extends the registry from the
// command line, with a user file in the config directory and --actors.
func TestActorsCmd(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	userDir := filepath.Join(cfg, "sitrep", "actors")
	if err := os.MkdirAll(userDir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(userDir, "mine.jsonl"), []byte(`{"id":"test-brigade","name":"Test Brigade","aliases":["TB-9"],"kind":"rebel group","country":"SY"}`+"\n"), 0o644)
	extra := filepath.Join(t.TempDir(), "extra.jsonl")
	os.WriteFile(extra, []byte(`{"id":"extra-unit","name":"Extra Unit","kind":"state forces","country":"UA","parent":"ua-mil"}`+"\n"), 0o644)

	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"actors", "--search", "test brigade", "--actors", extra}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) < 2 || !strings.HasPrefix(lines[1], "test-brigade") || !strings.Contains(lines[1], "rebel group") {
		t.Errorf("search output:\n%s", out.String())
	}
	out.Reset()
	if code := run(context.Background(), []string{"actors", "-s", "extra unit", "--json", "--limit", "1", "--actors", extra}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got := strings.TrimSpace(out.String()); !strings.Contains(got, `"id":"extra-unit"`) || strings.Count(got, "\n") != 0 {
		t.Errorf("json output: %s", got)
	}
	out.Reset()
	errb.Reset()
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{\"id\":\"x\"}\n"), 0o644)
	if code := run(context.Background(), []string{"actors", "--actors", bad}, nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), "bad.jsonl:1") {
		t.Errorf("bad file: exit %d, stderr %q", code, errb.String())
	}
}
