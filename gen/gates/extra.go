package gates

import (
	"fmt"
	"sort"
	"strings"
)

// Checks the specification asks for without a gate number of their own.

func (e *evaluator) perCluster() Result {
	r := Result{Name: "Per-cluster elements", Requirement: "each cluster has ≥1 diagram, practical element, metrics table and trade-off analysis",
		Threshold: "every cluster"}
	for _, c := range e.h.Meta.Clusters {
		var diagrams, practicals, metrics, tradeoffs, n int
		for _, q := range e.h.Questions {
			if q.Cluster != c.ID {
				continue
			}
			n++
			diagrams += len(q.Diagrams)
			practicals += len(q.Practical)
			if len(q.Metrics) > 0 {
				metrics++
			}
			tradeoffs += len(q.Tradeoffs)
		}
		var missing []string
		for _, part := range []struct {
			name string
			n    int
		}{{"diagram", diagrams}, {"practical element", practicals}, {"metrics table", metrics}, {"trade-off analysis", tradeoffs}} {
			if part.n == 0 {
				missing = append(missing, part.name)
			}
		}
		if n > 0 && len(missing) > 0 {
			r.Offenders = append(r.Offenders, Offender{ID: c.ID, URL: "/clusters/" + c.ID + "/", Reason: "no " + strings.Join(missing, ", no ")})
		}
	}
	r.Measured = fmt.Sprintf("%d clusters, %d missing an element", len(e.h.Meta.Clusters), len(r.Offenders))
	return verdict(r)
}

// Answer length limits, counted on the rendered scenario and chain.
const (
	MinAnswerWords = 150
	MaxAnswerWords = 300
)

func (e *evaluator) answerLength() Result {
	r := Result{Name: "Answer length", Requirement: "scenario + performance chain, counted on the rendered text",
		Threshold: fmt.Sprintf("%d–%d words", MinAnswerWords, MaxAnswerWords)}
	lo, hi := 0, 0
	for i, q := range e.h.Questions {
		w := AnswerWords(q)
		if i == 0 || w < lo {
			lo = w
		}
		if w > hi {
			hi = w
		}
		if w < MinAnswerWords || w > MaxAnswerWords {
			r.Offenders = append(r.Offenders, questionOffender(q, "chain", fmt.Sprintf("%d words", w)))
		}
	}
	r.Measured = fmt.Sprintf("%d–%d words", lo, hi)
	return verdict(r)
}

// languageMix is evidence only: the specification asks for about 60% English,
// 30% Chinese and 10% other languages, without a hard threshold.
func (e *evaluator) languageMix() Result {
	counts := map[string]int{}
	for _, w := range e.h.Citations {
		lang := string(w.Language)
		if lang != "EN" && lang != "ZH" {
			lang = "other"
		}
		counts[lang]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %s", k, pctString(counts[k], len(e.h.Citations))))
	}
	return Result{Name: "Citation languages", Requirement: "about 60% EN / 30% ZH / 10% other (evidence, not a gate)",
		Threshold: "reported", Measured: strings.Join(parts, ", "), Status: "INFO"}
}
