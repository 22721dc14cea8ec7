package gates

import (
	"fmt"
	"strings"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// passing builds a handbook that passes every gate and every further check:
// 30 questions at 6/12/12 covering all 16 cells and six methods, and
// references already at the ×1.2 minimums, so that each test can break
// exactly one thing.
func passing() *handbook.Handbook {
	h := &handbook.Handbook{Meta: handbook.Meta{Title: "Fixture", AsOf: "2026-11-01"}}
	for i := 1; i <= 6; i++ {
		h.Meta.Clusters = append(h.Meta.Clusters, &handbook.Cluster{ID: fmt.Sprintf("cluster-%d", i), Number: i, Name: fmt.Sprintf("Cluster %d", i)})
	}
	for i := 1; i <= 12; i++ {
		h.Glossary = append(h.Glossary, &handbook.GlossaryEntry{ID: fmt.Sprintf("G%d", i), Term: fmt.Sprintf("term%d", i),
			Definition: "A definition.", Targets: "Below 100 ms.", Distinctions: "Not the other one.", WhenToUse: "Always."})
	}
	h.Glossary[0].Aliases = []string{"SLO"}
	for i := 1; i <= 6; i++ {
		h.Tools = append(h.Tools, &handbook.Tool{ID: fmt.Sprintf("T%d", i), Name: fmt.Sprintf("tool%d", i), Category: "profiler",
			Purpose: "Profiles.", Pricing: "Open source", LastUpdate: "2026-08", URL: "https://example.org/tool"})
	}
	for i := 1; i <= 12; i++ {
		h.Literature = append(h.Literature, work(fmt.Sprintf("L%d", i), "book", "2020"))
	}
	types := []handbook.SourceType{"peer-reviewed-paper", "engineering-blog", "official-documentation", "standard"}
	for i := 1; i <= 24; i++ {
		date := "2025-03"
		if i%4 == 0 {
			date = "2019-03"
		}
		h.Citations = append(h.Citations, work(fmt.Sprintf("A%d", i), types[i%4], date))
	}
	difficulties := append(append(repeat(handbook.Foundational, 6), repeat(handbook.Intermediate, 12)...), repeat(handbook.Advanced, 12)...)
	for i := 0; i < 30; i++ {
		cell := i % 16
		h.Questions = append(h.Questions, question(i+1, h.Meta.Clusters[i/5].ID, difficulties[i],
			handbook.Dimensions[cell/4], handbook.Phases[cell%4], handbook.Methods[i%6]))
	}
	record(h)
	return h
}

func repeat(d handbook.Difficulty, n int) []handbook.Difficulty {
	out := make([]handbook.Difficulty, n)
	for i := range out {
		out[i] = d
	}
	return out
}

func work(id string, t handbook.SourceType, date string) *handbook.Work {
	var year int
	fmt.Sscanf(date, "%d", &year)
	w := &handbook.Work{ID: id, Type: t, Authors: []string{"Doe, J."}, Year: year, Title: "A work " + id,
		Container: "A venue", DOI: "10.1000/" + strings.ToLower(id), Language: "EN"}
	if len(date) > 4 {
		w.Date = date
	}
	return w
}

// filler is an answer sentence of ten words.
const filler = "The team measured the service carefully under steady production load. "

func question(n int, cluster string, d handbook.Difficulty, dim handbook.Dimension, phase handbook.Phase, method handbook.Method) *handbook.Question {
	step := strings.Repeat(filler, 2) + "It used [G: SLO] targets [Ref: A1, L1]."
	return &handbook.Question{
		ID: fmt.Sprintf("PE-%03d", n), Slug: fmt.Sprintf("question-%d", n), Title: "A question at 2K rps", File: fmt.Sprintf("data/questions/PE-%03d.yaml", n),
		Cluster: cluster, Difficulty: d, Dimension: dim, Phase: phase, Roles: []handbook.Role{"sre"}, Methods: []handbook.Method{method}, DurationMinutes: 15,
		KeyInsight: "Caching cut p99 by 60% at 10% more cost [Ref: A1].",
		Scenario:   strings.Repeat(filler, 3),
		Chain: handbook.Chain{SLO: step, Measure: step, Bottleneck: step, Optimize: step, Validate: step,
			Impact: "p99 fell from 200 ms to 80 ms, 60% lower, for 10% more cost."},
		Practical:    []handbook.Practical{{Title: "Config", Language: "yaml", Code: "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n"}},
		Diagrams:     []handbook.Diagram{{Kind: "sequence", Title: "Flow", Description: "A flow.", Source: "sequenceDiagram\n  A->>B: hi"}},
		Metrics:      []handbook.MetricRow{{Metric: "p99", Formula: "99th percentile", Baseline: "200 ms", Optimized: "80 ms", Improvement: "60%", Rationale: "SLO"}},
		Tradeoffs:    []handbook.Tradeoff{{Tension: "Cost vs latency", Analysis: "More cache costs memory."}},
		Alternatives: []handbook.Alternative{{Name: "Scale up", Cost: "$5K/mo", Benefit: "Simple"}, {Name: "Replicas", Cost: "$2K/mo", Benefit: "Reads"}},
		Risks:        []handbook.Risk{{Risk: "Stale data", Level: "high", Mitigation: "Short expiry"}},
		Validation:   handbook.Validation{Method: "Load test at 2K rps.", SuccessCriteria: []string{"p99 < 100 ms"}},
	}
}

// record writes a review record for the handbook as it is now.
func record(h *handbook.Handbook) {
	h.Review = &handbook.Review{ContentHash: ContentHash(h), ReviewedOn: "2026-11-20", Reviewer: "Fixture"}
	for _, s := range handbook.QualityStandards {
		h.Review.Standards = append(h.Review.Standards, handbook.StandardCheck{Standard: s, Met: true})
	}
}
