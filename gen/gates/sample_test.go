package gates

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/validate"
)

// TestReportMatchesIndependentCounts evaluates the real handbook in data/ and
// checks the report's numbers against counts made here, the simple way.
func TestReportMatchesIndependentCounts(t *testing.T) {
	h, _, problems := validate.Load(afero.NewBasePathFs(afero.NewOsFs(), "../.."), "data")
	if len(problems.Errors()) > 0 {
		t.Fatal(problems)
	}
	r := Evaluate(h, Options{})
	measured := func(n int) string { return r.Gates[n-1].Measured }

	if want := fmt.Sprintf("%d questions", len(h.Questions)); measured(1) != want {
		t.Errorf("gate 1 measured %q, want %q", measured(1), want)
	}
	cells := map[string]bool{}
	levels := map[string]int{}
	for _, q := range h.Questions {
		cells[string(q.Dimension)+"/"+string(q.Phase)] = true
		levels[string(q.Difficulty)]++
	}
	if want := fmt.Sprintf("%d/16 cells", len(cells)); measured(2) != want {
		t.Errorf("gate 2 measured %q, want %q", measured(2), want)
	}
	for level, n := range levels {
		if !strings.Contains(measured(3), fmt.Sprintf("(%d)", n)) {
			t.Errorf("gate 3 measured %q lacks %d %s questions", measured(3), n, level)
		}
	}
	for gate, n := range map[int]int{11: len(h.Glossary), 12: len(h.Tools), 13: len(h.Literature), 14: len(h.Citations)} {
		if !strings.Contains(measured(gate), fmt.Sprintf("of %d ", n)) {
			t.Errorf("gate %d measured %q, want a total of %d", gate, measured(gate), n)
		}
	}
	asOf, _ := time.Parse(time.DateOnly, string(h.Meta.AsOf))
	recent := 0
	for _, w := range h.Citations {
		d := w.Date
		if len(d) == 7 {
			d += "-01"
		}
		if d == "" {
			d = fmt.Sprintf("%d-01-01", w.Year)
		}
		if when, _ := time.Parse(time.DateOnly, d); !when.Before(asOf.AddDate(-3, 0, 0)) {
			recent++
		}
	}
	if want := fmt.Sprintf("(%d/%d) recent", recent, len(h.Citations)); !strings.Contains(measured(15), want) {
		t.Errorf("gate 15 measured %q, want %q", measured(15), want)
	}
}
