package external

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"
)

// TestWatchPeakMeasuresTheChildAlone runs this test binary again as a child
// that touches 200 MiB, while the parent holds 300 MiB of its own: the
// kernel's figure for the child (rusage) would include the parent's 300, so
// a watcher that fell back on it would fail the upper bound.
func TestWatchPeakMeasuresTheChildAlone(t *testing.T) {
	if os.Getenv("WATCHPEAK_CHILD") != "" {
		touch(200 << 20)
		time.Sleep(300 * time.Millisecond)
		return
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc: the peak is not measured on this system")
	}
	parent := touch(300 << 20)
	cmd := exec.Command(os.Args[0], "-test.run=^TestWatchPeakMeasuresTheChildAlone$")
	cmd.Env = append(os.Environ(), "WATCHPEAK_CHILD=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stop := WatchPeak(cmd.Process.Pid)
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	peak := stop()
	runtime.KeepAlive(parent)
	if peak < 200 || peak > 290 {
		t.Errorf("the child's peak was measured as %.0f MiB; it touched 200 MiB (plus a test binary's few MiB), its parent 300", peak)
	}
	if own := OwnPeakMiB(); own < 300 {
		t.Errorf("OwnPeakMiB = %.0f MiB after touching 300 MiB", own)
	}
}

// touch allocates n bytes and writes to every page, so that they count as
// resident.
func touch(n int) []byte {
	b := make([]byte, n)
	for i := 0; i < n; i += 4096 {
		b[i] = 1
	}
	return b
}
