package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/news"
)

// progress shows a run's counters: a live line on a terminal, periodic
// structured log lines otherwise. Failures are printed one per line, above
// the live line on a terminal.
type progress struct {
	c     *pipeline.Counters
	start time.Time
	log   *slog.Logger
	out   io.Writer // where failure lines go

	mu     sync.Mutex
	p      *mpb.Progress
	bar    *mpb.Bar
	cancel context.CancelFunc
	done   chan struct{}
}

// startProgress begins reporting c. On a terminal stderr it draws a live
// line; without one it logs every interval. quiet shows nothing but
// failures.
func startProgress(ctx context.Context, g *Globals, c *pipeline.Counters, what string, interval time.Duration) *progress {
	pr := &progress{c: c, start: time.Now(), log: g.log, out: g.stderr, done: make(chan struct{})}
	ctx, pr.cancel = context.WithCancel(ctx)
	if g.Quiet {
		close(pr.done)
		return pr
	}
	if f, ok := g.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		pr.p = mpb.NewWithContext(ctx, mpb.WithOutput(g.stderr), mpb.WithWidth(40), mpb.WithRefreshRate(200*time.Millisecond))
		pr.bar = pr.p.New(0, mpb.SpinnerStyle(), mpb.PrependDecorators(decor.Any(func(decor.Statistics) string {
			return pr.line(what)
		})))
		close(pr.done)
		return pr
	}
	go func() {
		defer close(pr.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				pr.logLine(what, "progress")
			}
		}
	}()
	return pr
}

func (pr *progress) rate() float64 {
	secs := time.Since(pr.start).Seconds()
	if secs <= 0 {
		return 0
	}
	return float64(pr.c.Articles.Load()) / secs
}

func (pr *progress) line(what string) string {
	return fmt.Sprintf("%d %s  %.0f/s  %d errors  %s", pr.c.Articles.Load(), what, pr.rate(),
		pr.c.Failed.Load(), time.Since(pr.start).Round(time.Second))
}

func (pr *progress) logLine(what, msg string) {
	pr.log.Info(msg, what, pr.c.Articles.Load(), "documents", pr.c.Documents.Load(),
		"errors", pr.c.Failed.Load(), "per_second", fmt.Sprintf("%.1f", pr.rate()),
		"elapsed", time.Since(pr.start).Round(time.Millisecond).String())
}

// fail prints one failure line naming the input.
func (pr *progress) fail(f *news.Failure) {
	line := fmt.Sprintf("error: %s\n", f.Error())
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.p != nil {
		if _, err := pr.p.Write([]byte(line)); err == nil {
			return
		}
	}
	io.WriteString(pr.out, line)
}

// stop ends the display and logs the final counts.
func (pr *progress) stop(what string) {
	pr.mu.Lock()
	if pr.bar != nil {
		pr.bar.Abort(false)
		pr.p.Wait()
		pr.p = nil
	}
	pr.mu.Unlock()
	pr.cancel()
	<-pr.done
	pr.logLine(what, "done")
}
