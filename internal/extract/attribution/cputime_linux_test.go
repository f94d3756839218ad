package attribution

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time the calling thread has used. On a shared,
// loaded machine it varies less than wall time, which also counts the time
// the thread waited for a core.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
