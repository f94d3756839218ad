package main

import (
	"context"
	"fmt"
	"time"

	"github.com/sitrep-osint/sitrep/internal/clean"
	"github.com/sitrep-osint/sitrep/internal/ingest"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/news"
)

// inputFlags are the flags of every command that reads news.
type inputFlags struct {
	Date         string        `help:"Publication date (YYYY-MM-DD or RFC 3339) for inputs that lack one."`
	Source       string        `help:"Outlet name for inputs that lack one."`
	NoFetch      bool          `help:"Do not fetch the pages of feed items that carry only a summary."`
	Timeout      time.Duration `default:"20s" help:"Timeout of each HTTP request."`
	MaxBytes     int64         `default:"33554432" help:"Largest document read, in bytes; larger inputs fail."`
	Workers      int           `help:"Articles processed at once (default: one per CPU core)."`
	extractFlags `embed:""`
}

// parseDate reads the --date flag.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date: want YYYY-MM-DD or RFC 3339", s)
}

// parseRange reads the --since and --until flags.
func parseRange(since, until string) (from, to time.Time, err error) {
	if from, err = parseDate(since); err != nil {
		return from, to, fmt.Errorf("--since: %w", err)
	}
	if to, err = parseDate(until); err != nil {
		return from, to, fmt.Errorf("--until: %w", err)
	}
	return from, to, nil
}

// source reads the given inputs with these flags.
func (f *inputFlags) source(g *Globals, inputs []string) pipeline.Source {
	opts := ingest.Options{Stdin: g.stdin, Timeout: f.Timeout, MaxBytes: f.MaxBytes, FetchPages: !f.NoFetch}
	return func(ctx context.Context, emit func(news.Document) error, fail func(*news.Failure)) error {
		return ingest.Read(ctx, inputs, opts, emit, fail)
	}
}

// cleaner builds the cleaner with the --date and --source defaults.
func (f *inputFlags) cleaner() (*clean.Cleaner, error) {
	d, err := parseDate(f.Date)
	if err != nil {
		return nil, fmt.Errorf("--date: %w", err)
	}
	return clean.New(clean.Options{Date: d, Source: f.Source}), nil
}
