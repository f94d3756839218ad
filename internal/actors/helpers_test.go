package actors

import (
	"sync"
	"testing"
)

var (
	regOnce sync.Once
	reg     *Registry
	regErr  error
)

// testRegistry loads the embedded registry once for all tests.
func testRegistry(tb testing.TB) *Registry {
	tb.Helper()
	regOnce.Do(func() { reg, regErr = Load() })
	if regErr != nil {
		tb.Fatal(regErr)
	}
	return reg
}
