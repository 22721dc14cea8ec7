package bench

import (
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
)

func numCPU() int { return runtime.NumCPU() }

// StageOrder is the pipeline's stages as gen build -timings names them.
var StageOrder = []string{"clean up", "load and validate", "gates", "diagrams", "write pages", "hugo", "search index", "post-build checks", "publish"}

// Targets are issue 10's ratios.
const (
	TargetRatioSmall = 1.5 // full pipeline vs baseline at 30 questions
	TargetRatioLarge = 1.2 // at 4,000 questions
	TargetMarginal   = 1.2 // marginal cost per question vs the baseline's per page
	TargetPeakMiB    = 1024
)

// WriteTable prints the result for people.
func (r *Result) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "\nBenchmark of %s, %d CPUs, %d run(s) per size (median; ± is max − min)\n\n", r.Date, r.CPUs, r.Runs)
	fmt.Fprintf(w, "%9s  %18s  %18s  %6s  %9s  %9s\n", "questions", "full pipeline", "bare Hugo+Pagefind", "ratio", "peak RSS", "base RSS")
	for _, s := range r.Sizes {
		fmt.Fprintf(w, "%9d  %10.0f ± %4.0f ms  %10.0f ± %4.0f ms  %5.2fx  %6.0f MiB  %6.0f MiB\n",
			s.Questions, s.FullMs, s.FullSpreadMs, s.BaseMs, s.BaseSpreadMs, s.Ratio, s.PeakRSSMiB, s.BasePeakMiB)
	}
	fmt.Fprintf(w, "\nStages of the full pipeline (median ms; the gates run beside diagrams and write pages,\n"+
		"the search index beside the post-build checks, so the stages add up to more than the total)\n%9s", "questions")
	for _, st := range StageOrder {
		fmt.Fprintf(w, "  %s", st)
	}
	fmt.Fprintln(w)
	for _, s := range r.Sizes {
		fmt.Fprintf(w, "%9d", s.Questions)
		for _, st := range StageOrder {
			fmt.Fprintf(w, "  %*.0f", len(st), s.StageMedianMs[st])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\nThe baseline's stages (median ms) and each process's peak RSS (MiB, highest run)\n")
	fmt.Fprintf(w, "%9s  %9s  %12s  %12s  %15s  %12s  %15s\n", "questions", "base hugo", "base search", "gen (full)",
		"Pagefind (full)", "gen (base)", "Pagefind (base)")
	for _, s := range r.Sizes {
		fmt.Fprintf(w, "%9d  %9.0f  %12.0f  %12.0f  %15.0f  %12.0f  %15.0f\n", s.Questions,
			s.BaseStagesMs["hugo"], s.BaseStagesMs["search index"],
			s.Peaks["gen"], s.Peaks["pagefind"], s.BasePeaks["gen"], s.BasePeaks["pagefind"])
	}
	if len(r.Marginal) > 0 {
		fmt.Fprintf(w, "\nMarginal cost per added question\n%12s  %12s  %12s  %6s\n", "sizes", "full", "baseline", "ratio")
		for _, m := range r.Marginal {
			fmt.Fprintf(w, "%12s  %9.2f ms  %9.2f ms  %5.2fx\n", m.FromTo, m.FullMsPerQ, m.BaseMsPerQ, m.Ratio)
		}
	}
	switch {
	case r.Serve != nil && r.Serve.Failed != "":
		fmt.Fprintf(w, "\ngen serve at %d questions: not measured: %s\n", r.Serve.Questions, r.Serve.Failed)
	case r.Serve != nil:
		fmt.Fprintf(w, "\ngen serve at %d questions: edit → browser shows it, median %.0f ms over %d edits (%s)\n",
			r.Serve.Questions, r.Serve.MedianMs, len(r.Serve.EditsMs), joinMs(r.Serve.EditsMs))
	}
	fmt.Fprintf(w, "\nTargets: %s\n", strings.Join(r.Verdicts(), "; "))
}

// Verdicts compares the result with the targets.
func (r *Result) Verdicts() []string {
	var out []string
	check := func(ok bool, format string, args ...any) {
		mark := "MET"
		if !ok {
			mark = "MISSED"
		}
		out = append(out, fmt.Sprintf(format, args...)+" "+mark)
	}
	for _, s := range r.Sizes {
		switch {
		case s.Questions <= 30:
			check(s.Ratio <= TargetRatioSmall, "%.2fx ≤ %.1fx at %d", s.Ratio, TargetRatioSmall, s.Questions)
		case s.Questions >= 4000 && s.Questions < 10000:
			check(s.Ratio <= TargetRatioLarge, "%.2fx ≤ %.1fx at %d", s.Ratio, TargetRatioLarge, s.Questions)
		}
		if s.Questions >= 10000 {
			check(s.PeakRSSMiB < TargetPeakMiB, "peak %.0f MiB < 1 GiB at %d", s.PeakRSSMiB, s.Questions)
		}
	}
	for _, m := range r.Marginal {
		if m.From >= 300 {
			check(m.Ratio <= TargetMarginal, "marginal %.2fx ≤ %.1fx for %s", m.Ratio, TargetMarginal, m.FromTo)
		}
	}
	switch {
	case r.Serve != nil && r.Serve.Failed != "":
		check(false, "serve < 300 ms at %d (%s)", r.Serve.Questions, r.Serve.Failed)
	case r.Serve != nil:
		check(r.Serve.MedianMs < 300, "serve %.0f ms < 300 ms", r.Serve.MedianMs)
	}
	return out
}

func joinMs(ms []float64) string {
	s := append([]float64(nil), ms...)
	sort.Float64s(s)
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = fmt.Sprintf("%.0f", v)
	}
	return strings.Join(parts, ", ") + " ms"
}
