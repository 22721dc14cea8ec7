package gates

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// ContentHash identifies the handbook's content — questions, references and
// scope — independently of formatting and comments, so that a review record
// can say exactly what was reviewed. The review record itself is excluded.
func ContentHash(h *handbook.Handbook) string {
	content := struct {
		Meta          handbook.Meta
		Questions     []*handbook.Question
		Glossary      []*handbook.GlossaryEntry
		Abbreviations []*handbook.Abbreviation
		Tools         []*handbook.Tool
		Literature    []*handbook.Work
		Citations     []*handbook.Work
	}{h.Meta, h.Questions, h.Glossary, h.Abbreviations, h.Tools, h.Literature, h.Citations}
	b, err := json.Marshal(content)
	if err != nil {
		panic(err) // model types always marshal
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

func (e *evaluator) review() Result {
	r := Result{Name: "Self-review", Requirement: "a review record against all nine quality standards names the content it reviewed",
		Threshold: "record present, hash matches the content, 9/9 standards met"}
	rv := e.h.Review
	if rv == nil {
		r.Measured = "no review recorded"
		r.Offenders = []Offender{{ID: "review", File: "data/review.yaml", Reason: "no review record; review the handbook, then record it (see gen review)"}}
		return verdict(r)
	}
	current := ContentHash(e.h)
	met := map[handbook.QualityStandard]bool{}
	for _, s := range rv.Standards {
		if s.Met {
			met[s.Standard] = true
		}
	}
	var missing []string
	for _, s := range handbook.QualityStandards {
		if !met[s] {
			missing = append(missing, string(s))
		}
	}
	r.Measured = fmt.Sprintf("reviewed %s by %s; %d/9 standards met", rv.ReviewedOn, rv.Reviewer, 9-len(missing))
	if rv.ContentHash != current {
		r.Offenders = append(r.Offenders, Offender{ID: "review", Field: "content_hash", File: "data/review.yaml",
			Reason: "the content changed after the review (" + short(rv.ContentHash) + " reviewed, " + short(current) + " now); review the changes and record again"})
	}
	if len(missing) > 0 {
		r.Offenders = append(r.Offenders, Offender{ID: "review", Field: "standards", File: "data/review.yaml",
			Reason: "not met or not recorded: " + strings.Join(missing, ", ")})
	}
	return verdict(r)
}

func short(h string) string {
	h = strings.TrimPrefix(h, "sha256:")
	if len(h) > 12 {
		h = h[:12]
	}
	return h
}
