package gates

import (
	"fmt"
	"strings"
	"time"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// Options are what the gates need besides the handbook.
type Options struct {
	// Links holds the outcome of the last online link check, if one was
	// recorded (gen check --online); nil when none was.
	Links *LinkRecord
}

// Evaluate computes all 20 gates and the extra checks.
func Evaluate(h *handbook.Handbook, opts Options) *Report {
	e := &evaluator{h: h, idx: handbook.NewIndex(h), opts: opts}
	e.asOf, _ = time.Parse(time.DateOnly, string(h.Meta.AsOf))
	gates := []func() Result{
		e.quantity, e.coverage, e.difficulty, e.chain, e.practical,
		e.citations, e.crossRefs, e.tradeoffs, e.risks, e.quantified,
		e.glossaryMin, e.toolsMin, e.literatureMin, e.citationsMin, e.recency,
		e.diversity, e.links, e.methods, e.clarity, e.review,
	}
	r := &Report{AsOf: string(h.Meta.AsOf), Questions: len(h.Questions)}
	for i, g := range gates {
		res := g()
		res.Number = i + 1
		r.Gates = append(r.Gates, res)
		switch res.Status {
		case Pass:
			r.Passed++
		case Fail:
			r.Failed++
		default:
			r.Unverified++
		}
	}
	r.Extra = []Result{e.perCluster(), e.answerLength(), e.languageMix()}
	return r
}

type evaluator struct {
	h    *handbook.Handbook
	idx  *handbook.Index
	opts Options
	asOf time.Time
}

// verdict sets a result's status from its offenders.
func verdict(r Result) Result {
	if len(r.Offenders) == 0 {
		r.Status = Pass
	} else {
		r.Status = Fail
	}
	return r
}

// questionOffender points at a field of a question, linking to the section
// of its page where the field is shown.
func questionOffender(q *handbook.Question, field, reason string) Offender {
	o := Offender{ID: q.ID, Field: field, File: q.File, Reason: reason}
	o.Anchor = anchorFor(q, field)
	o.URL = "/q/" + q.Slug + "/"
	if o.Anchor != "" {
		o.URL += "#" + o.Anchor
	}
	return o
}

// anchorFor maps a question field to its section anchor on the page. The
// page leaves out empty sections, so a missing section's offender links to
// the answer (for a chain step) or to the top of the page.
func anchorFor(q *handbook.Question, field string) string {
	head, rest, _ := strings.Cut(field, ".")
	head, _, _ = strings.Cut(head, "[") // risks[0] → risks
	if !present(q, head) {
		if head == "chain" {
			return "answer"
		}
		return ""
	}
	switch head {
	case "chain":
		if step := strings.SplitN(rest, ".", 2)[0]; rest != "" && present(q, "chain."+step) {
			return "chain-" + step
		}
		return "answer"
	case "scenario":
		return "answer"
	case "key_insight":
		return "key-insight"
	case "practical", "metrics", "alternatives", "risks", "validation", "interviewer":
		return map[string]string{"practical": "practical", "metrics": "metrics", "alternatives": "alternatives",
			"risks": "risks", "validation": "validation", "interviewer": "interviewer"}[head]
	case "tradeoffs":
		return "trade-offs"
	case "diagrams":
		return "diagram"
	}
	return ""
}

// present reports whether the question has content for a field that its page
// shows as a section ("chain.measure", "risks", …); other fields count as present.
func present(q *handbook.Question, field string) bool {
	if step, ok := strings.CutPrefix(field, "chain."); ok {
		for _, s := range q.Chain.Steps() {
			if s.Key == step {
				return s.Text != ""
			}
		}
		return true
	}
	switch field {
	case "chain":
		return q.Chain != handbook.Chain{}
	case "key_insight":
		return q.KeyInsight != ""
	case "practical":
		return len(q.Practical) > 0
	case "metrics":
		return len(q.Metrics) > 0
	case "alternatives":
		return len(q.Alternatives) > 0
	case "risks":
		return len(q.Risks) > 0
	case "tradeoffs":
		return len(q.Tradeoffs) > 0
	case "diagrams":
		return len(q.Diagrams) > 0
	case "validation":
		return q.Validation.Method != "" || len(q.Validation.SuccessCriteria) > 0
	case "interviewer":
		iv := q.Interviewer
		return len(iv.KeyPoints)+len(iv.FollowUps)+len(iv.CommonMistakes) > 0 || iv.Rubric != handbook.Rubric{}
	}
	return true
}

// refOffender points at a reference entry on its page.
func refOffender(id, field, reason string) Offender {
	o := Offender{ID: id, Field: field, Reason: reason}
	if k, ok := handbook.KindOf(id); ok {
		o.Anchor = strings.ToLower(id)
		o.URL = "/" + k.Section + "/#" + o.Anchor
	}
	return o
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

func pctString(n, of int) string { return fmt.Sprintf("%.0f%% (%d/%d)", pct(n, of), n, of) }

// scaled is a reference minimum, ×1.2 rounded up when the handbook has more
// than 30 questions, as the specification asks.
func (e *evaluator) scaled(min int) int {
	if len(e.h.Questions) > 30 {
		return (min*12 + 9) / 10
	}
	return min
}
