//go:build !unix

package actors

import "time"

func cpuTime() time.Duration { return 0 }
