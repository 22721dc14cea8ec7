// Package par runs independent pieces of work on all cores.
package par

import (
	"runtime"
	"sync"
)

// Each calls f(i) for every i in [0, n), on as many goroutines as there are
// cores, and returns when all calls have. The calls must not depend on each
// other; each writes its result into its own slot, so the order of the
// results does not depend on the schedule.
func Each(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(n, runtime.GOMAXPROCS(0)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
