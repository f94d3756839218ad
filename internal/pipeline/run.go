package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/sitrep-osint/sitrep/news"
)

// Source reads inputs and calls emit for every raw document and fail for
// every input it cannot read; ingest.Read bound to its inputs is one. It
// returns when the inputs are exhausted, ctx is cancelled or emit fails.
type Source func(ctx context.Context, emit func(news.Document) error, fail func(*news.Failure)) error

// Cleaner turns a raw document into the articles it holds.
type Cleaner interface {
	Clean(ctx context.Context, doc news.Document) ([]*news.Article, error)
}

// Sink receives finished articles one at a time, in input order, from a
// single goroutine. An error wrapping a *news.Failure fails that article
// and the run goes on; any other error stops the run (the store is broken).
type Sink func(ctx context.Context, a *news.Article) error

// Options configure a run.
type Options struct {
	// Workers is the number of articles processed at once; 0 means one per
	// CPU core.
	Workers int
	// Stages run in order on every article after cleaning.
	Stages []Stage
	// OnFailure is called, one call at a time, for every input or article
	// that failed. Nil ignores failures (they are still counted).
	OnFailure func(*news.Failure)
}

// Counters are a run's running totals, safe to read while it runs (for a
// progress display).
type Counters struct {
	Documents atomic.Int64 // raw documents read
	Articles  atomic.Int64 // articles handed to the sink
	Failed    atomic.Int64 // inputs, documents or articles that failed
}

type job struct {
	seq int
	doc news.Document
}

type result struct {
	seq      int
	articles []*news.Article
	failures []*news.Failure
}

// Run reads documents from src, cleans them, runs opts.Stages on every
// article on opts.Workers goroutines, and passes finished articles to sink
// in the order their documents were read. It returns the first sink error
// that is not an article failure, or ctx's error when cancelled; failed
// inputs and articles are reported through opts.OnFailure and counted in c.
func Run(parent context.Context, src Source, cl Cleaner, sink Sink, opts Options, c *Counters) error {
	if c == nil {
		c = new(Counters)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(parent)
	defer cancel()

	var failMu sync.Mutex
	fail := func(f *news.Failure) {
		c.Failed.Add(1)
		if opts.OnFailure == nil {
			return
		}
		failMu.Lock()
		defer failMu.Unlock()
		opts.OnFailure(f)
	}

	// slots bounds the documents in flight, so memory stays flat however
	// far the reader runs ahead of a slow sink.
	slots := make(chan struct{}, workers*4)
	jobs := make(chan job)
	results := make(chan result, workers)

	var srcErr error
	srcDone := make(chan struct{})
	go func() {
		defer close(srcDone)
		defer close(jobs)
		seq := 0
		emit := func(d news.Document) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			c.Documents.Add(1)
			select {
			case jobs <- job{seq, d}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		srcErr = src(ctx, emit, fail)
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var j job
				select {
				case jj, ok := <-jobs:
					if !ok {
						return
					}
					j = jj
				case <-ctx.Done():
					return
				}
				r := process(ctx, j, cl, opts.Stages)
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Release results in input order.
	pending := map[int]result{}
	next := 0
	var sinkErr error
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			for _, f := range r.failures {
				fail(f)
			}
			if sinkErr != nil {
				continue
			}
			for _, a := range r.articles {
				err := sink(ctx, a)
				var f *news.Failure
				switch {
				case err == nil:
					c.Articles.Add(1)
				case errors.As(err, &f):
					fail(f)
				default:
					sinkErr = err
					cancel()
				}
				if sinkErr != nil {
					break
				}
			}
		}
	}
	cancel() // unblock the reader if the workers stopped first
	if sinkErr == nil && parent.Err() == nil {
		<-srcDone
	}
	// Otherwise the reader may be blocked in a read that does not heed ctx
	// (a stalled pipe on standard input); it ends with the process.
	switch {
	case sinkErr != nil:
		return sinkErr
	case parent.Err() != nil:
		return parent.Err()
	case srcErr != nil:
		return srcErr
	}
	return nil
}

// process cleans one document and runs the stages on each of its articles.
func process(ctx context.Context, j job, cl Cleaner, stages []Stage) (r result) {
	r.seq = j.seq
	defer func() {
		// A stage that panics on one article fails that article, not the run.
		if p := recover(); p != nil {
			r.articles = nil
			r.failures = append(r.failures, &news.Failure{Origin: j.doc.Origin, Stage: "pipeline", Err: fmt.Errorf("internal error: %v", p)})
		}
	}()
	arts, err := cl.Clean(ctx, j.doc)
	if err != nil {
		f := &news.Failure{Origin: j.doc.Origin, Stage: "clean", Err: err}
		errors.As(err, &f) // a cleaner's own Failure names the origin best
		r.failures = append(r.failures, f)
		return r
	}
	for _, a := range arts {
		if err := runStages(ctx, a, stages); err != nil {
			r.failures = append(r.failures, err)
			continue
		}
		r.articles = append(r.articles, a)
	}
	return r
}

func runStages(ctx context.Context, a *news.Article, stages []Stage) *news.Failure {
	origin := a.Origin
	if origin == "" {
		origin = a.ID
	}
	for _, s := range stages {
		if err := s.Process(ctx, a); err != nil {
			return &news.Failure{Origin: origin, Stage: s.Name(), Err: err}
		}
	}
	return nil
}
