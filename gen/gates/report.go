// Package gates computes the specification's 20 quality gates from the loaded
// handbook. Every status is derived from the data; nothing is declared. A
// gate that cannot be decided from the data alone says so with a non-pass
// status instead of claiming PASS.
package gates

// Status is the outcome of one gate.
type Status string

const (
	Pass Status = "PASS"
	Fail Status = "FAIL"
	// Unverified means the data cannot decide the gate (for example live link
	// checks that were never run); it never counts as a pass.
	Unverified Status = "UNVERIFIED"
)

// Offender is one item that makes a gate fail: a question or reference, the
// field at fault, and why.
type Offender struct {
	ID     string `json:"id"`              // question id (PE-007) or reference id (A12)
	Field  string `json:"field,omitempty"` // YAML path of the field, e.g. chain.impact
	File   string `json:"file,omitempty"`  // data file, for maintainers
	Anchor string `json:"anchor,omitempty"`
	URL    string `json:"url,omitempty"` // deep link into the site
	Reason string `json:"reason"`
}

// Result is one gate's evaluation.
type Result struct {
	Number      int        `json:"number"`
	Name        string     `json:"name"`
	Requirement string     `json:"requirement"`
	Threshold   string     `json:"threshold"`
	Measured    string     `json:"measured"`
	Status      Status     `json:"status"`
	Reason      string     `json:"reason,omitempty"` // why a gate is not decided, for Unverified
	Evidence    []string   `json:"evidence,omitempty"`
	Offenders   []Offender `json:"offenders,omitempty"`
}

// Report is the evaluation of all gates plus the checks the specification
// reports as evidence without a gate of their own.
type Report struct {
	AsOf       string   `json:"as_of"`
	Questions  int      `json:"questions"`
	Gates      []Result `json:"gates"`
	Extra      []Result `json:"extra_checks"`
	Passed     int      `json:"passed"`
	Failed     int      `json:"failed"`
	Unverified int      `json:"unverified"`
}

// OK reports whether every gate and every further check passed.
func (r *Report) OK() bool {
	if r.Failed > 0 || r.Unverified > 0 {
		return false
	}
	for _, x := range r.Extra {
		if x.Status == Fail {
			return false
		}
	}
	return true
}
