package main

import (
	"encoding/json"
	"os"
	"sync"
	"time"

	"github.com/perfhandbook/handbook/gen/bench"
	"github.com/perfhandbook/handbook/gen/external"
)

// stageTimes records how long each pipeline stage took, for gen bench.
// Stages run one after the other (next), except those that run side by
// side, which record their own durations (add).
type stageTimes struct {
	mu    sync.Mutex
	file  string
	order []string
	took  map[string]time.Duration
	start time.Time
	name  string
	peaks map[string]float64 // peak RSS in MiB by process
}

func newStageTimes(file string) *stageTimes {
	return &stageTimes{file: file, took: map[string]time.Duration{}, peaks: map[string]float64{}}
}

// next ends the running stage and starts the named one ("" ends the last).
func (s *stageTimes) next(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if s.name != "" {
		s.took[s.name] += now.Sub(s.start)
	}
	if name != "" && s.took[name] == 0 {
		s.order = append(s.order, name)
	}
	s.name, s.start = name, now
}

// add records a stage that ran alongside others.
func (s *stageTimes) add(name string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.took[name] == 0 {
		s.order = append(s.order, name)
	}
	s.took[name] += d
}

// peak records a child process's peak resident memory in MiB.
func (s *stageTimes) peak(process string, mib float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.peaks[process] = mib
}

// write saves the stages (milliseconds) and the peak memory of gen and of
// its child processes (MiB) as JSON, when a file was asked for. gen bench
// reads it: bench.Timings.
func (s *stageTimes) write() error {
	s.next("")
	if s.file == "" {
		return nil
	}
	var out bench.Timings
	for _, n := range s.order {
		out.Stages = append(out.Stages, bench.Stage{Name: n, Ms: float64(s.took[n].Microseconds()) / 1000})
	}
	out.PeakRSSMiB = map[string]float64{"gen": external.OwnPeakMiB()}
	for p, mib := range s.peaks {
		out.PeakRSSMiB[p] = mib
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	return os.WriteFile(s.file, b, 0o644)
}
