package events

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the process's user and system CPU time, which a busy
// machine inflates far less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExtract runs Extract on the two seed articles (4.3 and 5.6 KB
// of clean text). It reports CPU nanoseconds per article (cpu-ns/article)
// besides wall time, since the machines it runs on are shared.
func BenchmarkExtract(b *testing.B) {
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	arts := seedArticles(b)
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	b.SetBytes(int64(n / len(arts)))
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N*len(arts)), "cpu-ns/article")
}
