// Package ingest reads every form of input analysts have (plain text, HTML
// pages, RSS/Atom/JSON feeds, WARC archives, JSON Lines, directories of
// them, gzip-compressed copies, standard input and http(s) URLs) into raw
// news.Document values for the cleaner.
//
// The form of an input is found by sniffing its first bytes; the file
// extension (or the HTTP Content-Type) only settles ambiguous cases. A bad
// input or record never stops a run: it is reported once, as a
// *news.Failure naming the input and the record, line or byte offset, and
// reading goes on with the next one.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// Defaults for the zero values of Options.
const (
	DefaultUserAgent   = "sitrep/0.1 (+https://github.com/sitrep-osint/sitrep)"
	DefaultTimeout     = 20 * time.Second
	DefaultMaxBytes    = 32 << 20
	DefaultMinFeedText = 1500
)

// Stage is the name failures of this package carry.
const Stage = "ingest"

// Options configure Read. The zero value is usable: every unset field takes
// its default.
type Options struct {
	// Stdin is read for the input "-".
	Stdin io.Reader
	// HTTPClient is used for URL inputs and for fetching feed items'
	// pages; nil means a client with connection and header timeouts.
	HTTPClient *http.Client
	// UserAgent is sent with every request (default DefaultUserAgent).
	UserAgent string
	// Timeout bounds each HTTP request, body included (default 20s).
	Timeout time.Duration
	// MaxBytes bounds one document: a file, a fetched page, a JSON Lines
	// line, a WARC record, a decompressed gzip stream that is read whole
	// (default 32 MiB). Larger inputs fail with a clear error and are never
	// read whole into memory.
	MaxBytes int64
	// FetchPages fetches a feed item's own page when the feed carries only
	// a summary of it. Without it such items are reported as failures: a
	// summary is not an article.
	FetchPages bool
	// MinFeedText is the number of characters of text a feed item's own
	// content must have to be taken as the full article (default 1500).
	MinFeedText int
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MinFeedText <= 0 {
		o.MinFeedText = DefaultMinFeedText
	}
	if o.HTTPClient == nil {
		o.HTTPClient = defaultClient(o.Timeout)
	}
	return o
}

// reader carries one Read call's state.
type reader struct {
	opts Options
	emit func(news.Document) error
	fail func(*news.Failure)
}

// Read reads each input (a file path, a directory, an http(s) URL, or "-"
// for Options.Stdin) in order, calls emit for every document found and fail
// for every problem: one *news.Failure per bad input or record, with Stage
// "ingest" and an Origin naming the input and, where there is one, the
// record number, line or byte offset. Bad inputs never stop it: Read
// returns nil when all inputs are read, ctx's error when ctx is cancelled,
// and emit's error (wrapped) when emit fails.
func Read(ctx context.Context, inputs []string, opts Options, emit func(news.Document) error, fail func(*news.Failure)) error {
	if fail == nil {
		fail = func(*news.Failure) {}
	}
	r := &reader{opts: opts.withDefaults(), emit: emit, fail: fail}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.input(ctx, in); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// input reads one command-line input. It returns only errors that stop the
// run (ctx cancelled, emit failed).
func (r *reader) input(ctx context.Context, in string) error {
	switch {
	case in == "-":
		if r.opts.Stdin == nil {
			return r.failf(ctx, "stdin", "no standard input to read")
		}
		return r.stream(ctx, source{origin: "stdin", r: r.opts.Stdin})
	case isURL(in):
		return r.url(ctx, in)
	case otherScheme.MatchString(in):
		return r.failf(ctx, in, "unsupported URL: only http and https URLs are fetched")
	}
	st, err := os.Stat(in)
	if err != nil {
		return r.failErr(ctx, in, pathError(err))
	}
	if st.IsDir() {
		return r.dir(ctx, in)
	}
	return r.file(ctx, in)
}

// pathError drops the os package's repetition of the path, which the
// failure's Origin already names.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, fs.ErrNotExist) {
			return pe.Err
		}
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// otherScheme matches URLs of schemes other than http(s) (not Windows
// drive letters, which have one letter).
var otherScheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]+://`)

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// dir reads every file under root, recursively, in lexical order, skipping
// hidden files and directories (names starting with ".").
func (r *reader) dir(ctx context.Context, root string) error {
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if ferr := r.failErr(ctx, path, pathError(err)); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(path)
			if err != nil {
				return r.failErr(ctx, path, pathError(err))
			}
			if st.IsDir() { // not followed: it could loop
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		files++
		return r.file(ctx, path)
	})
	if err != nil {
		return err
	}
	if files == 0 {
		return r.failf(ctx, root, "empty input: no files in directory")
	}
	return nil
}

func (r *reader) file(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return r.failErr(ctx, path, pathError(err))
	}
	defer f.Close()
	return r.stream(ctx, source{origin: path, r: f, name: path})
}

// failErr reports err against origin, unless ctx is done (then the error
// is the cancellation, not the input's fault) or err stops the run.
func (r *reader) failErr(ctx context.Context, origin string, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	r.fail(&news.Failure{Origin: origin, Stage: Stage, Err: err})
	return nil
}

func (r *reader) failf(ctx context.Context, origin, format string, args ...any) error {
	return r.failErr(ctx, origin, fmt.Errorf(format, args...))
}

// send hands doc to emit; an emit error stops the run.
func (r *reader) send(ctx context.Context, doc news.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := r.emit(doc); err != nil {
		return fmt.Errorf("ingest %s: %w", doc.Origin, err)
	}
	return nil
}
