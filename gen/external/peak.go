package external

import (
	"bytes"
	"os"
	"strconv"
	"time"
)

// WatchPeak samples the high-water resident memory of the running process
// pid until the returned stop is called, which returns the highest sample
// in MiB (0 where /proc is missing). The kernel's own figure for a finished
// child (rusage's maxrss) cannot be used: at exec, Linux carries the
// high-water mark of the memory being replaced, which Go's os/exec shares
// with the parent until then, into the child's; at 30 questions it gave
// Pagefind gen's 105 MiB where sampling finds 36. VmHWM in /proc belongs to
// the program that runs after exec; it only grows, so the last sample, taken
// at most one tick before the process ends, is its peak up to that tick.
func WatchPeak(pid int) (stop func() float64) {
	file := "/proc/" + strconv.Itoa(pid) + "/status"
	done, result := make(chan struct{}), make(chan float64)
	go func() {
		var peak float64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, vmHWM(file))
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() float64 {
		close(done)
		return <-result
	}
}

// OwnPeakMiB is the calling process's peak resident memory so far, in MiB,
// not counting its parent's (see WatchPeak) or its children's.
func OwnPeakMiB() float64 { return vmHWM("/proc/self/status") }

// vmHWM reads the VmHWM line ("VmHWM:   123456 kB") of a /proc status file,
// in MiB.
func vmHWM(file string) float64 {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	_, rest, ok := bytes.Cut(b, []byte("VmHWM:"))
	if !ok {
		return 0
	}
	fields := bytes.Fields(rest) // "123456", "kB", …
	if len(fields) == 0 {
		return 0
	}
	kb, err := strconv.ParseFloat(string(fields[0]), 64)
	if err != nil {
		return 0
	}
	return kb / 1024
}
