// Command sitrep turns conflict and security news into a sourced event
// database: it reads news files, feeds, web pages, web archives and JSON
// Lines, cleans them, extracts typed events with their actors, places, dates,
// numbers and sources, and stores, lists and exports them.
//
// This file is the only place that knows the whole graph: it parses flags and
// wires the packages together, one subcommand per file.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"

	"github.com/alecthomas/kong"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Globals are the flags every subcommand shares.
type Globals struct {
	DB      string `help:"Database: a SQLite file path, or a postgres:// URL. Default: sitrep.db in the user's data directory." env:"SITREP_DB" placeholder:"PATH|URL"`
	Verbose bool   `short:"v" help:"Log debugging detail."`
	Quiet   bool   `short:"q" help:"Print only errors."`
	// CPUProfile writes a Go CPU profile of the run, for finding where time goes.
	CPUProfile string `name:"cpuprofile" hidden:"" type:"path"`

	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// Context returns the run's context, cancelled on Ctrl-C or SIGTERM.
func (g *Globals) Context() context.Context { return g.ctx }

// CLI lists sitrep's subcommands.
type CLI struct {
	Globals

	Demo     demoCmd     `cmd:"" help:"Ingest the bundled news corpus into a fresh database and summarise what sitrep found."`
	Ingest   ingestCmd   `cmd:"" help:"Read news, extract events, and store them."`
	Extract  extractCmd  `cmd:"" help:"Read news and write articles with their extractions as JSON Lines, without a database."`
	Articles articlesCmd `cmd:"" help:"List stored articles."`
	Show     showCmd     `cmd:"" help:"Print one stored article with its metadata, events and claims."`
	Events   eventsCmd   `cmd:"" help:"List stored events."`
	Export   exportCmd   `cmd:"" help:"Export stored events (ACLED-compatible CSV, or JSON Lines)."`
	Actors   actorsCmd   `cmd:"" help:"List or search the actor registry (embedded, user and --actors files)."`

	Version        versionCmd        `cmd:"" help:"Print sitrep's version."`
	BuildGazetteer buildGazetteerCmd `cmd:"" name:"build-gazetteer" help:"Compile the embedded gazetteer from GeoNames files."`
	Eval           evalCmd           `cmd:"" help:"Measure extraction quality on labelled data."`
	Geocode        geocodeCmd        `cmd:"" help:"Resolve place names with the gazetteer."`
	NER            nerCmd            `cmd:"" name:"ner" help:"Tag text (entities as JSON Lines) or CoNLL files (--conll) with the named-entity model."`
	TrainNER       trainNERCmd       `cmd:"" name:"train-ner" help:"Train the named-entity model from CoNLL-2003, gazetteers and unlabelled text."`
}

// evalCmd groups the evaluation subcommands: each scores one extraction
// layer on labelled data read from ../shared/data (or --data).
type evalCmd struct {
	NER         evalNERCmd    `cmd:"" name:"ner" help:"Score the named-entity model on CoNLL-2003 dev and measure its speed."`
	Events      evalEventsCmd `cmd:"" help:"Score event extraction (sub-types, roles, numbers) on PLOVER, MUC-4 and WikiEvents."`
	Attribution evalAttribCmd `cmd:"" help:"Score attribution extraction (sources, cues, contents) on PolNeAR."`
	Geo         evalGeoCmd    `cmd:"" help:"Score place resolution on labelled places (seed articles, PLOVER, VOA, MUC-4)."`
}

type versionCmd struct{}

func (versionCmd) Run(g *Globals) error {
	_, err := fmt.Fprintln(g.stdout, "sitrep", version)
	return err
}

// errPartial reports that a run finished but some inputs failed; each
// failure has been printed already.
var errPartial = errors.New("some inputs failed")

// defaultMemoryLimit is the Go runtime's soft memory limit unless GOMEMLIMIT
// says otherwise. The models and registries hold about 140 MB live; without
// a limit the collector lets the heap double that before it runs, and a
// long ingest would sit near 370 MB resident for no gain in speed.
const defaultMemoryLimit = 224 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run parses args and runs one subcommand until ctx is cancelled (Ctrl-C); it returns the exit status:
// 0 success, 1 some inputs failed, 2 a fatal or usage error.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var cli CLI
	exited := -1 // set when kong has printed help or a version and wants to exit
	parser, err := kong.New(&cli,
		kong.Name("sitrep"),
		kong.Description("Conflict news in, sourced events out."),
		kong.UsageOnError(),
		kong.Writers(stdout, stderr),
		kong.Exit(func(code int) { exited = code }),
	)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 2
	}
	kctx, err := parser.Parse(args)
	if exited >= 0 {
		return exited
	}
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 2
	}
	g := &cli.Globals
	g.ctx, g.stdin, g.stdout, g.stderr = ctx, stdin, stdout, stderr
	level := slog.LevelInfo
	switch {
	case g.Verbose:
		level = slog.LevelDebug
	case g.Quiet:
		level = slog.LevelError
	}
	g.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	if g.CPUProfile != "" {
		f, err := os.Create(g.CPUProfile)
		if err != nil {
			fmt.Fprintln(stderr, "sitrep:", err)
			return 2
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "sitrep:", err)
			return 2
		}
		defer pprof.StopCPUProfile()
	}
	err = kctx.Run(g)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errPartial):
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "sitrep: interrupted; everything before this point is saved")
		return 130
	default:
		fmt.Fprintln(stderr, "sitrep:", err)
		return 2
	}
}
