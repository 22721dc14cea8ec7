package main

import (
	"encoding/json"
	"os"
	"sync"
	"time"
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
}

func newStageTimes(file string) *stageTimes {
	return &stageTimes{file: file, took: map[string]time.Duration{}}
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

// write saves the stages as JSON (milliseconds) when a file was asked for.
func (s *stageTimes) write() error {
	s.next("")
	if s.file == "" {
		return nil
	}
	type stage struct {
		Name string  `json:"name"`
		Ms   float64 `json:"ms"`
	}
	var out []stage
	for _, n := range s.order {
		out = append(out, stage{n, float64(s.took[n].Microseconds()) / 1000})
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	return os.WriteFile(s.file, b, 0o644)
}
