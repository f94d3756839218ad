package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// splitCleaner makes one article per line of a document's body; a body
// starting with "bad" fails to clean.
type splitCleaner struct{}

func (splitCleaner) Clean(_ context.Context, d news.Document) ([]*news.Article, error) {
	body := string(d.Body)
	if strings.HasPrefix(body, "bad") {
		return nil, errors.New("no article text")
	}
	var out []*news.Article
	for _, line := range strings.Split(body, "\n") {
		out = append(out, &news.Article{ID: line, Text: line, Origin: d.Origin})
	}
	return out, nil
}

type stageFunc func(*news.Article) error

func (stageFunc) Name() string { return "test" }
func (f stageFunc) Process(_ context.Context, a *news.Article) error {
	return f(a)
}

func docs(bodies ...string) Source {
	return func(ctx context.Context, emit func(news.Document) error, fail func(*news.Failure)) error {
		for i, b := range bodies {
			if b == "unreadable" {
				fail(&news.Failure{Origin: fmt.Sprint("in", i), Stage: "ingest", Err: errors.New("corrupt")})
				continue
			}
			if err := emit(news.Document{Origin: fmt.Sprint("in", i), Body: []byte(b)}); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunOrderAndFailures(t *testing.T) {
	var bodies []string
	var want []string
	for i := range 200 {
		switch i % 10 {
		case 3:
			bodies = append(bodies, "bad doc")
		case 5:
			bodies = append(bodies, "unreadable")
		case 7:
			bodies = append(bodies, fmt.Sprintf("a%d\npanic%d", i, i))
			want = append(want, fmt.Sprint("a", i))
		default:
			bodies = append(bodies, fmt.Sprintf("a%d\nb%d", i, i))
			want = append(want, fmt.Sprint("a", i), fmt.Sprint("b", i))
		}
	}
	var got []string
	var failures []string
	var c Counters
	stage := stageFunc(func(a *news.Article) error {
		if strings.HasPrefix(a.ID, "panic") {
			return errors.New("boom")
		}
		return nil
	})
	err := Run(context.Background(), docs(bodies...), splitCleaner{},
		func(_ context.Context, a *news.Article) error { got = append(got, a.ID); return nil },
		Options{Workers: 4, Stages: []Stage{stage}, OnFailure: func(f *news.Failure) { failures = append(failures, f.Error()) }}, &c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("articles out of order or missing:\n got %v\nwant %v", got, want)
	}
	if len(failures) != 60 || c.Failed.Load() != 60 {
		t.Fatalf("want 60 failures, got %d (counted %d): %v", len(failures), c.Failed.Load(), failures[:3])
	}
	if c.Articles.Load() != int64(len(want)) || c.Documents.Load() != 180 {
		t.Fatalf("counters: %d articles, %d documents", c.Articles.Load(), c.Documents.Load())
	}
	for _, f := range failures {
		if !strings.HasPrefix(f, "in") {
			t.Fatalf("failure does not name its input: %q", f)
		}
	}
}

func TestRunStagePanicFailsOneArticle(t *testing.T) {
	stage := stageFunc(func(a *news.Article) error {
		if a.ID == "x" {
			panic("index out of range")
		}
		return nil
	})
	var got []string
	var failed []*news.Failure
	err := Run(context.Background(), docs("a", "x", "b"), splitCleaner{},
		func(_ context.Context, a *news.Article) error { got = append(got, a.ID); return nil },
		Options{Workers: 2, Stages: []Stage{stage}, OnFailure: func(f *news.Failure) { failed = append(failed, f) }}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "a,b" || len(failed) != 1 || failed[0].Origin != "in1" {
		t.Fatalf("got %v, failures %v", got, failed)
	}
}

func TestRunSinkErrorStops(t *testing.T) {
	broken := errors.New("disk full")
	var bodies []string
	for i := range 1000 {
		bodies = append(bodies, fmt.Sprint("d", i))
	}
	n := 0
	err := Run(context.Background(), docs(bodies...), splitCleaner{},
		func(_ context.Context, a *news.Article) error {
			n++
			if n == 10 {
				return broken
			}
			return nil
		}, Options{Workers: 3}, nil)
	if !errors.Is(err, broken) {
		t.Fatalf("want the sink's error, got %v", err)
	}
	if n != 10 {
		t.Fatalf("sink called %d times after failing", n)
	}
}

func TestRunSinkArticleFailureGoesOn(t *testing.T) {
	var failed int
	err := Run(context.Background(), docs("a", "b", "c"), splitCleaner{},
		func(_ context.Context, a *news.Article) error {
			if a.ID == "b" {
				return fmt.Errorf("save: %w", &news.Failure{Origin: a.Origin, Stage: "store", Err: errors.New("too long")})
			}
			return nil
		}, Options{OnFailure: func(*news.Failure) { failed++ }}, nil)
	if err != nil || failed != 1 {
		t.Fatalf("err %v, failed %d", err, failed)
	}
}

func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	endless := func(ctx context.Context, emit func(news.Document) error, _ func(*news.Failure)) error {
		for i := 0; ; i++ {
			if err := emit(news.Document{Origin: fmt.Sprint(i), Body: []byte(fmt.Sprint(i))}); err != nil {
				return err
			}
		}
	}
	var mu sync.Mutex
	n := 0
	err := Run(ctx, endless, splitCleaner{}, func(context.Context, *news.Article) error {
		mu.Lock()
		defer mu.Unlock()
		n++
		if n == 50 {
			cancel()
		}
		return nil
	}, Options{Workers: 4}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
}

// TestRunCancelWhileSourceBlocked: a source stuck in a read that ignores
// ctx (a stalled pipe) must not keep Run from returning on cancellation.
func TestRunCancelWhileSourceBlocked(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	stuck := make(chan struct{})
	defer close(stuck)
	src := func(ctx context.Context, emit func(news.Document) error, _ func(*news.Failure)) error {
		if err := emit(news.Document{Origin: "0", Body: []byte("x")}); err != nil {
			return err
		}
		<-stuck // blocked, deaf to ctx
		return nil
	}
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, src, splitCleaner{}, func(context.Context, *news.Article) error { cancel(); return nil }, Options{Workers: 2}, nil)
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("want context.Canceled, got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancellation while its source was blocked")
	}
}

type failingCleaner struct{}

func (failingCleaner) Clean(_ context.Context, d news.Document) ([]*news.Article, error) {
	return nil, &news.Failure{Origin: d.Origin + "#byte=10", Stage: "clean", Err: errors.New("invalid UTF-8")}
}

func TestRunKeepsCleanersFailure(t *testing.T) {
	var got []string
	err := Run(context.Background(), docs("x"), failingCleaner{}, func(context.Context, *news.Article) error { return nil },
		Options{OnFailure: func(f *news.Failure) { got = append(got, f.Error()) }}, nil)
	if err != nil || len(got) != 1 || got[0] != "in0#byte=10: clean: invalid UTF-8" {
		t.Fatalf("err %v, failures %q", err, got)
	}
}
