package nlp

import (
	"bytes"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the process's user and system CPU time so far. On a
// shared machine wall-clock throughput understates what one core does;
// tokens per CPU second does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// The sample is 30 Voice of America stories (US public domain).
func benchText(b *testing.B) string {
	t, err := os.ReadFile("testdata/voa_sample.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(t)
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	n := len(Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tokenize(text)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSentences(b *testing.B) {
	text := benchText(b)
	n := len(Tokenize(text))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		TokenizeSentences(text)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEntities measures the whole nlp stage on text: tokenizer,
// sentence splitter, both tagging passes and the rule layer.
func BenchmarkEntities(b *testing.B) {
	m := loadTestModel(b)
	text := benchText(b)
	n := len(Tokenize(text))
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		m.Entities(text)
	}
	cpu = cpuTime() - cpu
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ReadModel(bytes.NewReader(embeddedModel)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestModelMemory reports the live heap a loaded model holds after tagging,
// and keeps it well under sitrep's 150 MB budget for the nlp stage.
func TestModelMemory(t *testing.T) {
	text, err := os.ReadFile("testdata/voa_sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	m.Entities(string(text))
	runtime.GC()
	runtime.ReadMemStats(&after)
	live := float64(int64(after.HeapInuse)-int64(before.HeapInuse)) / 1e6
	t.Logf("model live heap after Load and Entities: %.1f MB", live)
	if live > 100 {
		t.Errorf("model holds %.1f MB, want under 100 MB", live)
	}
	runtime.KeepAlive(m)
}
