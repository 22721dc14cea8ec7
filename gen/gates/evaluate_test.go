package gates

import (
	"testing"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// An offender links to the section of the question page that shows the
// field, and never to a section the page leaves out because it is empty.
func TestAnchorForLinksOnlyToShownSections(t *testing.T) {
	q := &handbook.Question{Chain: handbook.Chain{SLO: "p99 < 200 ms"}, Risks: []handbook.Risk{{}}}
	for field, want := range map[string]string{
		"chain.slo":       "chain-slo",
		"chain.measure":   "answer", // empty step: the answer section
		"chain":           "answer",
		"risks[0].impact": "risks",
		"practical":       "", // empty section: top of the page
		"tradeoffs":       "",
		"interviewer":     "",
		"title":           "",
	} {
		if got := anchorFor(q, field); got != want {
			t.Errorf("anchorFor(%q) = %q, want %q", field, got, want)
		}
	}
}
