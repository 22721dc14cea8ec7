package gates

import (
	"fmt"
	"io"
	"strings"
)

// MaxOffendersShown bounds the offenders printed per gate in the terminal;
// the report page and gates.json list them all.
const MaxOffendersShown = 8

// WriteText prints the report as a table. where turns an offender into a
// location such as "data/questions/PE-007.yaml:41:5" (or "" when unknown).
func (r *Report) WriteText(w io.Writer, where func(Offender) string) {
	fmt.Fprintf(w, "Quality gates — %d questions, as of %s\n", r.Questions, r.AsOf)
	fmt.Fprintf(w, "%3s  %-22s %-10s %s\n", "#", "Gate", "Status", "Measured")
	for _, g := range r.Gates {
		writeResult(w, fmt.Sprintf("%3d", g.Number), g, where)
	}
	for _, x := range r.Extra {
		writeResult(w, "  +", x, where)
	}
	fmt.Fprintf(w, "%d/20 gates pass", r.Passed)
	if r.Failed > 0 {
		fmt.Fprintf(w, ", %d fail", r.Failed)
	}
	if r.Unverified > 0 {
		fmt.Fprintf(w, ", %d cannot be decided offline", r.Unverified)
	}
	fmt.Fprintln(w)
}

func writeResult(w io.Writer, num string, g Result, where func(Offender) string) {
	fmt.Fprintf(w, "%s  %-22s %-10s %s\n", num, g.Name, g.Status, g.Measured)
	if g.Reason != "" {
		fmt.Fprintf(w, "       %s\n", g.Reason)
	}
	for i, o := range g.Offenders {
		if i == MaxOffendersShown {
			fmt.Fprintf(w, "       … and %d more (see the gate report page)\n", len(g.Offenders)-i)
			break
		}
		loc := ""
		if where != nil {
			loc = where(o)
		}
		id := o.ID
		if o.Field != "" {
			id += " " + o.Field
		}
		line := fmt.Sprintf("       ✗ %s: %s", id, o.Reason)
		if loc != "" {
			line += "  (" + loc + ")"
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
}
