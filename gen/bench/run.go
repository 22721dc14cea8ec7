package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"time"

	"github.com/perfhandbook/handbook/gen/external"
)

// Options configure a benchmark run.
type Options struct {
	Root  string // the real project
	Sizes []int  // numbers of questions
	Runs  int    // runs per size and pipeline
	Gen   string // the gen binary to run as a child process
	Log   io.Writer
	Keep  bool // keep the temporary projects
}

// Sample is one timed child process.
type Sample struct {
	WallMs float64            `json:"wall_ms"`
	RSSMiB float64            `json:"peak_rss_mib"` // the highest of Peaks
	Stages map[string]float64 `json:"stages_ms,omitempty"`
	Peaks  map[string]float64 `json:"peak_rss_by_process_mib,omitempty"` // "gen", "pagefind"
}

// Timings is what gen build -timings (and the baseline child) write: each
// stage's duration and the peak memory of gen and of its child processes.
type Timings struct {
	Stages     []Stage            `json:"stages"`
	PeakRSSMiB map[string]float64 `json:"peak_rss_mib"`
}

// Stage is one pipeline stage's duration.
type Stage struct {
	Name string  `json:"name"`
	Ms   float64 `json:"ms"`
}

// Size is the result at one handbook size.
type Size struct {
	Questions     int                `json:"questions"`
	Full          []Sample           `json:"full"`
	Baseline      []Sample           `json:"baseline"`
	FullMs        float64            `json:"full_median_ms"`
	FullSpreadMs  float64            `json:"full_spread_ms"`
	BaseMs        float64            `json:"baseline_median_ms"`
	BaseSpreadMs  float64            `json:"baseline_spread_ms"`
	Ratio         float64            `json:"ratio"`
	PeakRSSMiB    float64            `json:"peak_rss_mib"`
	BasePeakMiB   float64            `json:"baseline_peak_rss_mib"`
	StageMedianMs map[string]float64 `json:"stage_median_ms"`
	BaseStagesMs  map[string]float64 `json:"baseline_stage_median_ms"`
	Peaks         map[string]float64 `json:"peak_rss_by_process_mib"`          // max over runs
	BasePeaks     map[string]float64 `json:"baseline_peak_rss_by_process_mib"` // max over runs
}

// Marginal is the cost of each question added between two sizes.
type Marginal struct {
	From, To   int     `json:"-"`
	FromTo     string  `json:"from_to"`
	FullMsPerQ float64 `json:"full_ms_per_question"`
	BaseMsPerQ float64 `json:"baseline_ms_per_page"`
	Ratio      float64 `json:"ratio"`
}

// Result is a whole benchmark run.
type Result struct {
	Date     string     `json:"date"`
	CPUs     int        `json:"cpus"`
	Runs     int        `json:"runs"`
	Sizes    []Size     `json:"sizes"`
	Marginal []Marginal `json:"marginal"`
	Serve    *Serve     `json:"serve,omitempty"`
}

// Run measures every size.
func Run(o Options) (*Result, error) {
	res := &Result{Date: time.Now().Format(time.RFC3339), CPUs: numCPU(), Runs: o.Runs}
	for _, n := range o.Sizes {
		s, err := measure(o, n)
		if err != nil {
			return nil, fmt.Errorf("%d questions: %w", n, err)
		}
		res.Sizes = append(res.Sizes, s)
	}
	for i := 1; i < len(res.Sizes); i++ {
		a, b := res.Sizes[i-1], res.Sizes[i]
		dq := float64(b.Questions - a.Questions)
		m := Marginal{From: a.Questions, To: b.Questions, FromTo: fmt.Sprintf("%d→%d", a.Questions, b.Questions),
			FullMsPerQ: (b.FullMs - a.FullMs) / dq, BaseMsPerQ: (b.BaseMs - a.BaseMs) / dq}
		m.Ratio = m.FullMsPerQ / m.BaseMsPerQ
		res.Marginal = append(res.Marginal, m)
	}
	return res, nil
}

// measure runs the full pipeline and the baseline o.Runs times each at n
// questions, alternating them so that noise hits both alike.
func measure(o Options, n int) (Size, error) {
	tmp, err := os.MkdirTemp("", fmt.Sprintf("bench-%d-", n))
	if err != nil {
		return Size{}, err
	}
	if !o.Keep {
		defer os.RemoveAll(tmp)
	}
	full, base := filepath.Join(tmp, "full"), filepath.Join(tmp, "baseline")
	fmt.Fprintf(o.Log, "%d questions: synthesizing in %s\n", n, tmp)
	if err := Synthesize(o.Root, full, n); err != nil {
		return Size{}, err
	}
	s := Size{Questions: n}
	for r := 0; r < o.Runs; r++ {
		f, err := fullRun(o.Gen, full)
		if err != nil {
			return s, err
		}
		s.Full = append(s.Full, f)
		if r == 0 {
			if _, err := Baseline(full, base); err != nil {
				return s, err
			}
		}
		b, err := baselineRun(o.Gen, o.Root, base)
		if err != nil {
			return s, err
		}
		s.Baseline = append(s.Baseline, b)
		fmt.Fprintf(o.Log, "  run %d: full %.0f ms (%.0f MiB), baseline %.0f ms (%.0f MiB)\n", r+1, f.WallMs, f.RSSMiB, b.WallMs, b.RSSMiB)
	}
	s.summarize()
	return s, nil
}

// fullRun is one cold `gen build` of the project.
func fullRun(gen, dir string) (Sample, error) {
	for _, d := range []string{"public", ".build", "generated", "resources", "published-urls.txt"} {
		os.RemoveAll(filepath.Join(dir, d))
	}
	for _, d := range []string{"questions", "clusters", "glossary", "tools", "literature", "citations", "matrix", "gates",
		"difficulty", "dimension", "phase", "roles", "methods"} {
		os.RemoveAll(filepath.Join(dir, "content", d))
	}
	return timedChild(gen, dir, "-C", dir, "build", "-draft", "-base-url", "http://localhost/")
}

// baselineRun is one cold bare Hugo + Pagefind build of the baseline project.
func baselineRun(gen, root, dir string) (Sample, error) {
	os.RemoveAll(filepath.Join(dir, "public"))
	os.RemoveAll(filepath.Join(dir, "resources"))
	return timedChild(gen, dir, "-C", root, "bench", "-baseline-child", dir)
}

// timedChild runs gen with -timings and adds the stages and per-process
// peaks it wrote to the sample.
func timedChild(gen, dir string, args ...string) (Sample, error) {
	file := filepath.Join(dir, ".timings.json")
	os.Remove(file)
	s, err := child(gen, append(args, "-timings", file)...)
	if err != nil {
		return s, err
	}
	var t Timings
	b, err := os.ReadFile(file)
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(b, &t); err != nil {
		return s, fmt.Errorf("%s: %w", file, err)
	}
	s.Stages, s.Peaks = map[string]float64{}, t.PeakRSSMiB
	for _, mib := range s.Peaks {
		s.RSSMiB = max(s.RSSMiB, mib)
	}
	for _, st := range t.Stages {
		s.Stages[st.Name] = st.Ms
	}
	return s, nil
}

// child runs gen and measures its wall time. Its peak memory comes from
// the -timings file, where gen reports its own and Pagefind's apart.
func child(gen string, args ...string) (Sample, error) {
	cmd := exec.Command(gen, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Sample{}, fmt.Errorf("%s %v: %w\n%s", filepath.Base(gen), args, err, external.Tail(out.String(), 2000))
	}
	return Sample{WallMs: float64(wall.Microseconds()) / 1000}, nil
}

func (s *Size) summarize() {
	s.FullMs, s.FullSpreadMs = medianSpread(s.Full, func(x Sample) float64 { return x.WallMs })
	s.BaseMs, s.BaseSpreadMs = medianSpread(s.Baseline, func(x Sample) float64 { return x.WallMs })
	s.Ratio = s.FullMs / s.BaseMs
	for _, x := range s.Full {
		s.PeakRSSMiB = max(s.PeakRSSMiB, x.RSSMiB)
	}
	for _, x := range s.Baseline {
		s.BasePeakMiB = max(s.BasePeakMiB, x.RSSMiB)
	}
	s.StageMedianMs, s.BaseStagesMs = stageMedians(s.Full), stageMedians(s.Baseline)
	s.Peaks, s.BasePeaks = maxPeaks(s.Full), maxPeaks(s.Baseline)
}

func stageMedians(xs []Sample) map[string]float64 {
	m := map[string]float64{}
	for name := range xs[0].Stages {
		m[name], _ = medianSpread(xs, func(x Sample) float64 { return x.Stages[name] })
	}
	return m
}

func maxPeaks(xs []Sample) map[string]float64 {
	m := map[string]float64{}
	for _, x := range xs {
		for p, mib := range x.Peaks {
			m[p] = max(m[p], mib)
		}
	}
	return m
}

// medianSpread returns the median and the spread (max − min) of the samples.
func medianSpread(xs []Sample, f func(Sample) float64) (float64, float64) {
	v := make([]float64, len(xs))
	for i, x := range xs {
		v[i] = f(x)
	}
	sort.Float64s(v)
	m := v[len(v)/2]
	if len(v)%2 == 0 {
		m = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return m, v[len(v)-1] - v[0]
}
