// Package cputime reads the CPU time sitrep's process has used. Benchmarks
// report it beside wall time because the machines they run on are often
// shared: CPU time measures the work done, where wall time also counts
// waiting for a core.
package cputime

import "time"

// Process returns the user and system CPU time this process has used so
// far, or 0 where the platform does not say.
func Process() time.Duration { return process() }
