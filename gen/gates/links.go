package gates

import (
	"fmt"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// LinkRecord is the outcome of the last online link check (gen check
// --online), committed so that offline builds can report it.
type LinkRecord struct {
	CheckedOn string       `json:"checked_on"`
	Results   []LinkResult `json:"results"`
}

// LinkResult is one URL's outcome.
type LinkResult struct {
	URL    string `json:"url"`
	Status int    `json:"status,omitempty"`
	Error  string `json:"error,omitempty"`
	OK     bool   `json:"ok"`
}

// evidence summarises the record for gate 17 and turns broken links of works
// that have no DOI, ISBN or archived copy into offenders.
func (lr *LinkRecord) evidence(h *handbook.Handbook, r *Result) []string {
	if lr == nil {
		return []string{"live reachability not checked from this machine; run gen check --online where the network is available"}
	}
	broken := map[string]LinkResult{}
	ok := 0
	for _, res := range lr.Results {
		if res.OK {
			ok++
		} else {
			broken[res.URL] = res
		}
	}
	for _, w := range append(append([]*handbook.Work{}, h.Literature...), h.Citations...) {
		if res, bad := broken[w.URL]; bad && w.DOI == "" && w.ISBN == "" && w.ArchivedURL == "" {
			r.Offenders = append(r.Offenders, refOffender(w.ID, "url", fmt.Sprintf("unreachable on %s (%s) and not archived", lr.CheckedOn, describe(res))))
		}
	}
	return []string{fmt.Sprintf("online check of %s: %d reachable, %d unreachable", lr.CheckedOn, ok, len(broken))}
}

func describe(r LinkResult) string {
	if r.Error != "" {
		return r.Error
	}
	return fmt.Sprintf("HTTP %d", r.Status)
}
