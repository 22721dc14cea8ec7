// Package bounded holds the limits every input must respect however hostile
// it is — no call may take longer than MaxTime or allocate without bound —
// and Call, which the fuzz targets use to enforce them.
package bounded

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// MaxInput is the largest input the limits are promised for (1 MB); larger
// ones are refused before parsing (data files stop at 256 KiB).
const MaxInput = 1 << 20

// MaxTime is how long one call may take on an input up to MaxInput.
const MaxTime = 2 * time.Second

// MaxAlloc is how much one call may allocate for an input of n bytes: a
// fixed allowance plus a multiple of the input, so that nothing expands
// like a YAML alias bomb does.
func MaxAlloc(n int) uint64 { return 64<<20 + 512*uint64(n) }

// Call runs f on an input of n bytes and fails t if it panics, runs longer
// than MaxTime or allocates more than MaxAlloc(n). Inputs over MaxInput are
// skipped: the guarantee is not made for them.
func Call(t testing.TB, n int, f func()) {
	t.Helper()
	if n > MaxInput {
		t.Skip("input over 1 MB")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan string, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Sprintf("%v\n%s", p, debug.Stack())
			}
			close(done)
		}()
		f()
	}()
	select {
	case p, panicked := <-done:
		if panicked {
			t.Fatalf("panic: %s", p)
		}
	case <-time.After(MaxTime):
		t.Fatalf("still running after %v on %d bytes of input", MaxTime, n)
	}
	runtime.ReadMemStats(&after)
	if a := after.TotalAlloc - before.TotalAlloc; a > MaxAlloc(n) {
		t.Fatalf("allocated %d MiB on %d bytes of input; the limit is %d MiB", a>>20, n, MaxAlloc(n)>>20)
	}
}
