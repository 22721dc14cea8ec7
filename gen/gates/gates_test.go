package gates

import (
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/handbook"
)

func TestFixturePassesEveryGate(t *testing.T) {
	r := Evaluate(passing(), Options{})
	for _, g := range append(r.Gates, r.Extra...) {
		if g.Status == Fail {
			t.Errorf("gate %d %s fails on the passing fixture: %s %v", g.Number, g.Name, g.Measured, g.Offenders)
		}
	}
	if !r.OK() || r.Passed != 20 {
		t.Fatalf("passed %d/20", r.Passed)
	}
}

// Each case breaks one thing; exactly that gate must fail, naming the offender.
func TestEachGateFailsAlone(t *testing.T) {
	cases := []struct {
		gate     int
		offender string
		breakIt  func(h *handbook.Handbook)
	}{
		{1, "handbook", func(h *handbook.Handbook) {
			q := *h.Questions[29]
			q.ID, q.Slug = "PE-031", "question-31"
			h.Questions = append(h.Questions, &q)
		}},
		{2, "resources × validate", func(h *handbook.Handbook) { h.Questions[15].Phase = "measure" }},
		{3, "advanced", func(h *handbook.Handbook) {
			for _, q := range h.Questions[6:10] {
				q.Difficulty = handbook.Advanced
			}
		}},
		{4, "PE-004", func(h *handbook.Handbook) { h.Questions[3].Chain.Bottleneck = "Database." }},
		{5, "PE-005", func(h *handbook.Handbook) { h.Questions[4].Practical[0].Code = "a: 1\nb: 2\n" }},
		{5, "PE-006", func(h *handbook.Handbook) { h.Questions[5].Practical[0].Language = "no-such-language" }},
		{6, "PE-030", func(h *handbook.Handbook) { uncite(h.Questions[29], "L1") }},
		{7, "PE-007", func(h *handbook.Handbook) { h.Questions[6].Validation.Method = "Proven [Ref: A999]." }},
		{8, "PE-025", func(h *handbook.Handbook) { h.Questions[24].Alternatives[1].Cost = "" }},
		{8, "PE-002", func(h *handbook.Handbook) { h.Questions[1].Tradeoffs = nil }},
		{9, "PE-003", func(h *handbook.Handbook) { h.Questions[2].Risks[0].Mitigation = "" }},
		{10, "PE-008", func(h *handbook.Handbook) { h.Questions[7].KeyInsight = "Caching made it much faster [Ref: A1]." }},
		{11, "G3", func(h *handbook.Handbook) { h.Glossary[2].Targets = "" }},
		{12, "T2", func(h *handbook.Handbook) { h.Tools[1].Pricing = "" }},
		{13, "L4", func(h *handbook.Handbook) { h.Literature[3].Container = "" }},
		{14, "A5", func(h *handbook.Handbook) { h.Citations[4].Authors = nil }},
		{15, "citations", func(h *handbook.Handbook) {
			for _, w := range h.Citations[:12] {
				w.Date, w.Year = "2018-01", 2018
			}
		}},
		{15, "tools", func(h *handbook.Handbook) {
			for _, t := range h.Tools[:2] {
				t.LastUpdate = "2024-01"
			}
		}},
		{16, "standard", func(h *handbook.Handbook) { h.Citations[0].Type = "standard" }},
		{17, "A9", func(h *handbook.Handbook) { h.Citations[8].DOI, h.Citations[8].URL = "", "https://example.org/a9" }},
		{17, "A10", func(h *handbook.Handbook) {
			h.Citations[9].ArchivedURL = "https://web.archive.org/web/2024/https://example.org"
		}},
		{18, "monitoring", func(h *handbook.Handbook) {
			for _, q := range h.Questions {
				if q.Methods[0] == "monitoring" {
					q.Methods = []handbook.Method{"caching"}
				}
			}
		}},
		{19, "PE-011", func(h *handbook.Handbook) { h.Questions[10].Validation.Method = "Checked the XYZ counters at 2K rps." }},
	}
	for _, c := range cases {
		t.Run(c.offender, func(t *testing.T) {
			h := passing()
			c.breakIt(h)
			record(h) // keep gate 20 out of it: the broken content is "reviewed"
			r := Evaluate(h, Options{})
			for _, g := range r.Gates {
				switch {
				case g.Number == c.gate && g.Status != Fail:
					t.Errorf("gate %d %s should fail but is %s (%s)", g.Number, g.Name, g.Status, g.Measured)
				case g.Number == c.gate && !named(g, c.offender):
					t.Errorf("gate %d fails without naming %s: %+v", g.Number, c.offender, g.Offenders)
				case g.Number != c.gate && g.Status != Pass:
					t.Errorf("gate %d %s also fails: %v", g.Number, g.Name, g.Offenders)
				}
			}
		})
	}
}

func TestReviewGateFailsWhenContentChangesAfterReview(t *testing.T) {
	h := passing()
	h.Questions[0].Title = "An edited question at 2K rps"
	r := Evaluate(h, Options{})
	if g := r.Gates[19]; g.Status != Fail || !strings.Contains(g.Offenders[0].Reason, "changed after the review") {
		t.Fatalf("gate 20 = %s %v", g.Status, g.Offenders)
	}
	h.Review = nil
	if g := Evaluate(h, Options{}).Gates[19]; g.Status != Fail {
		t.Fatal("gate 20 passes without a review record")
	}
}

func TestFurtherChecks(t *testing.T) {
	h := passing()
	h.Questions[0].Scenario = strings.Repeat(filler, 30)
	for _, q := range h.Questions {
		if q.Cluster == "cluster-2" {
			q.Metrics = nil
		}
	}
	record(h)
	r := Evaluate(h, Options{})
	if r.OK() {
		t.Fatal("report is OK although further checks fail")
	}
	perCluster, length := r.Extra[0], r.Extra[1]
	if perCluster.Status != Fail || !named(perCluster, "cluster-2") {
		t.Errorf("per-cluster check: %s %v", perCluster.Status, perCluster.Offenders)
	}
	if length.Status != Fail || !named(length, "PE-001") {
		t.Errorf("answer length check: %s %v", length.Status, length.Offenders)
	}
}

func TestLinkRecordTurnsBrokenUnarchivedLinksIntoOffenders(t *testing.T) {
	h := passing()
	h.Citations[0].DOI, h.Citations[0].URL = "", "https://example.org/post"
	h.Citations[0].ArchivedURL = "https://web.archive.org/web/20250101000000/https://example.org/post"
	record(h)
	rec := &LinkRecord{CheckedOn: "2026-11-20", Results: []LinkResult{{URL: "https://example.org/post", Status: 404}}}
	if g := Evaluate(h, Options{Links: rec}).Gates[16]; g.Status != Pass {
		t.Fatalf("an archived work failed on a dead live link: %v", g.Offenders)
	}
	h.Citations[0].ArchivedURL = ""
	h.Citations[0].ISBN = ""
	g := Evaluate(h, Options{Links: rec}).Gates[16]
	if g.Status != Fail || !named(g, "A1") {
		t.Fatalf("gate 17 = %s %v", g.Status, g.Offenders)
	}
}

func named(g Result, id string) bool {
	for _, o := range g.Offenders {
		if o.ID == id {
			return true
		}
	}
	return false
}

// uncite removes one source from every prose field of a question.
func uncite(q *handbook.Question, id string) {
	replace := func(s *string) { *s = strings.ReplaceAll(strings.ReplaceAll(*s, ", "+id, ""), id+", ", "") }
	for _, s := range []*string{&q.KeyInsight, &q.Chain.SLO, &q.Chain.Measure, &q.Chain.Bottleneck, &q.Chain.Optimize, &q.Chain.Validate} {
		replace(s)
	}
}
