package validate

import (
	"slices"
	"testing"

	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// The specification (seeds/002, "Output Format") gives the summary these 14
// sections, its "Interview Complete Signal" these seven items, and the deep
// questions these tiers. The real bank must follow it word for word.
var (
	specSections = []string{
		"Performance SLOs (Service Level Objectives)", "Scale Requirements", "Traffic Patterns", "Caching Strategy",
		"Database Optimization", "Resource Constraints", "Monitoring & Observability", "Performance Budgets",
		"Performance Testing Plan", "Optimization Priorities", "Degradation Strategy", "Scalability Roadmap",
		"Open Performance Questions", "Next Steps",
	}
	specChecklist = []string{
		"What are the specific performance targets (latency, throughput)?",
		"What scale must the system handle (users, data, traffic)?",
		"What needs to be cached and how?",
		"What database optimizations are required?",
		"What are the resource constraints?",
		"What metrics will be monitored?",
		"What happens if performance targets aren't met?",
	}
	specTiers = map[string][]string{
		"latency": {"Interactive (<100ms)", "Fast (<500ms)", "Moderate (<2s)", "Slow but acceptable (<10s)"},
		"scale-current": {"Small (< 1K users, < 100K records)", "Medium (1K-100K users, 100K-10M records)",
			"Large (100K-1M users, 10M-1B records)", "Very large (> 1M users, > 1B records)"},
		"access-pattern": {"Mostly reads (95%+ reads)", "Balanced (70/30 reads/writes)", "Write-heavy (50%+ writes)", "Real-time updates (streaming)"},
	}
)

func TestInterviewBankFollowsTheSpecification(t *testing.T) {
	h, _, problems := Load(afero.NewBasePathFs(afero.NewOsFs(), "../.."), "data")
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	b := h.Interview
	if b == nil {
		t.Fatal("data/interview/bank.yaml is missing")
	}
	if b.Summary.Title != "Performance & Scalability Interview Summary" {
		t.Errorf("summary title %q", b.Summary.Title)
	}
	var sections []string
	for _, s := range b.Summary.Sections {
		sections = append(sections, s.Title)
	}
	if !slices.Equal(sections, specSections) {
		t.Errorf("summary sections\n%q\nwant the specification's\n%q", sections, specSections)
	}
	var items []string
	for _, c := range b.Checklist {
		items = append(items, c.Text)
	}
	if !slices.Equal(items, specChecklist) {
		t.Errorf("checklist\n%q\nwant the specification's\n%q", items, specChecklist)
	}
	for id, tiers := range specTiers {
		if got := optionLabels(b, id); !slices.Equal(got, tiers) {
			t.Errorf("question %s offers %q, want the specification's tiers %q", id, got, tiers)
		}
	}
	for _, r := range b.Rounds {
		if len(r.Questions) < MinRoundQuestions || len(r.Questions) > MaxRoundQuestions {
			t.Errorf("round %s has %d questions", r.ID, len(r.Questions))
		}
	}
}

func optionLabels(b *handbook.InterviewBank, question string) []string {
	for _, r := range b.Rounds {
		for _, q := range r.Questions {
			if q.ID == question {
				var out []string
				for _, o := range q.Options {
					out = append(out, o.Label)
				}
				return out
			}
		}
	}
	return nil
}
