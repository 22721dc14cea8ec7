package gates

import (
	"fmt"
	"strings"

	"github.com/alecthomas/chroma/v2/lexers"

	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/prose"
)

// Gates 1–10, 18 and 19: what the questions contain.

func (e *evaluator) quantity() Result {
	n := len(e.h.Questions)
	r := Result{Name: "Quantity", Requirement: "25–30 Q&A pairs", Threshold: "25 ≤ n ≤ 30",
		Measured: fmt.Sprintf("%d questions", n)}
	if n < 25 || n > 30 {
		r.Offenders = []Offender{{ID: "handbook", Reason: fmt.Sprintf("%d questions; the handbook needs 25 to 30", n)}}
	}
	return verdict(r)
}

func (e *evaluator) coverage() Result {
	r := Result{Name: "MECE coverage", Requirement: "≥1 question in each of the 16 dimension × phase cells",
		Threshold: "16/16 cells"}
	filled := 0
	for _, d := range handbook.Dimensions {
		for _, p := range handbook.Phases {
			n := 0
			for _, q := range e.h.Questions {
				if q.Dimension == d && q.Phase == p {
					n++
				}
			}
			if n > 0 {
				filled++
				continue
			}
			r.Offenders = append(r.Offenders, Offender{ID: fmt.Sprintf("%s × %s", d, p), URL: "/matrix/",
				Reason: "no question covers this cell"})
		}
	}
	r.Measured = fmt.Sprintf("%d/16 cells", filled)
	return verdict(r)
}

func (e *evaluator) difficulty() Result {
	r := Result{Name: "Difficulty", Requirement: "20% foundational, 40% intermediate, 40% advanced",
		Threshold: "each share within ±5 points"}
	n := len(e.h.Questions)
	targets := map[handbook.Difficulty]float64{handbook.Foundational: 20, handbook.Intermediate: 40, handbook.Advanced: 40}
	var parts []string
	for _, d := range handbook.Difficulties {
		c := 0
		for _, q := range e.h.Questions {
			if q.Difficulty == d {
				c++
			}
		}
		share := pct(c, n)
		parts = append(parts, fmt.Sprintf("%s %.0f%% (%d)", handbook.Label(string(d)), share, c))
		if diff := share - targets[d]; diff > 5 || diff < -5 {
			r.Offenders = append(r.Offenders, Offender{ID: string(d), URL: "/difficulty/" + string(d) + "/",
				Reason: fmt.Sprintf("%.0f%% is more than 5 points from %.0f%%", share, targets[d])})
		}
	}
	r.Measured = strings.Join(parts, " / ")
	return verdict(r)
}

// MinStepWords is how long a chain step must be to count as a real step.
const MinStepWords = 6

func (e *evaluator) chain() Result {
	r := Result{Name: "Performance chain", Requirement: "SLO → measure → bottleneck → optimize → validate → impact in every answer",
		Threshold: fmt.Sprintf("100%% complete; each step ≥ %d words", MinStepWords)}
	complete := 0
	for _, q := range e.h.Questions {
		ok := true
		for _, s := range q.Chain.Steps() {
			switch w := Words(s.Text); {
			case w == 0:
				r.Offenders = append(r.Offenders, questionOffender(q, "chain."+s.Key, "step is missing"))
				ok = false
			case w < MinStepWords:
				r.Offenders = append(r.Offenders, questionOffender(q, "chain."+s.Key,
					fmt.Sprintf("only %d words; say what was done and what it showed", w)))
				ok = false
			}
		}
		if ok {
			complete++
		}
	}
	r.Measured = pctString(complete, len(e.h.Questions)) + " complete"
	return verdict(r)
}

func (e *evaluator) practical() Result {
	r := Result{Name: "Practical elements", Requirement: "code, config, script or command in every answer",
		Threshold: "100% have ≥1 block of 5–30 lines in a language chroma knows"}
	ok := 0
	for _, q := range e.h.Questions {
		if len(q.Practical) == 0 {
			r.Offenders = append(r.Offenders, questionOffender(q, "practical", "no practical element"))
			continue
		}
		good := true
		for i, p := range q.Practical {
			field := fmt.Sprintf("practical[%d]", i)
			if n := CodeLines(p.Code); n < 5 || n > 30 {
				r.Offenders = append(r.Offenders, questionOffender(q, field+".code", fmt.Sprintf("%d lines; keep it to 5–30", n)))
				good = false
			}
			if lexers.Get(p.Language) == nil {
				r.Offenders = append(r.Offenders, questionOffender(q, field+".language",
					fmt.Sprintf("chroma has no lexer for %q; use a name such as yaml, sql, javascript, bash, go, promql", p.Language)))
				good = false
			}
		}
		if good {
			ok++
		}
	}
	r.Measured = pctString(ok, len(e.h.Questions)) + " with a valid block"
	return verdict(r)
}

// CodeLines counts a block's lines, ignoring blank lines at its ends.
func CodeLines(code string) int {
	code = strings.Trim(code, "\n")
	if strings.TrimSpace(code) == "" {
		return 0
	}
	return strings.Count(code, "\n") + 1
}

func (e *evaluator) citations() Result {
	r := Result{Name: "Citations", Requirement: "answers cite sources (tools, literature, citations) with [Ref: ID]",
		Threshold: "≥70% cite ≥1, ≥30% cite ≥2, every advanced answer cites ≥2"}
	n := len(e.h.Questions)
	one, two := 0, 0
	for _, q := range e.h.Questions {
		c := len(citedSources(q))
		if c >= 1 {
			one++
		}
		if c >= 2 {
			two++
		}
		if q.Difficulty == handbook.Advanced && c < 2 {
			r.Offenders = append(r.Offenders, questionOffender(q, "chain", fmt.Sprintf("advanced answer cites %d source(s); needs ≥2", c)))
		}
	}
	if pct(one, n) < 70 {
		r.Offenders = append(r.Offenders, Offender{ID: "handbook", Reason: fmt.Sprintf("only %s of answers cite a source", pctString(one, n))})
	}
	if pct(two, n) < 30 {
		r.Offenders = append(r.Offenders, Offender{ID: "handbook", Reason: fmt.Sprintf("only %s of answers cite two sources", pctString(two, n))})
	}
	r.Measured = fmt.Sprintf("≥1: %s; ≥2: %s", pctString(one, n), pctString(two, n))
	return verdict(r)
}

func (e *evaluator) crossRefs() Result {
	r := Result{Name: "Cross-references", Requirement: "every [Ref: ID] and [G: term] resolves", Threshold: "100% valid"}
	total := 0
	check := func(owner string, x any, offender func(field, reason string) Offender) {
		handbook.Texts(x, func(path, s string) {
			found, bad := prose.Scan(s)
			field := strings.TrimPrefix(path, "$.")
			for _, b := range bad {
				r.Offenders = append(r.Offenders, offender(field, "malformed "+b.Raw))
			}
			for _, m := range found {
				total++
				if m.Kind == prose.Glossary {
					if _, ok := e.idx.Term(m.Term); !ok {
						r.Offenders = append(r.Offenders, offender(field, m.Raw+" names no glossary term"))
					}
					continue
				}
				for _, id := range m.IDs {
					if _, ok := e.idx.Ref(id); !ok {
						r.Offenders = append(r.Offenders, offender(field, m.Raw+": "+id+" does not exist"))
					}
				}
			}
		})
	}
	for _, q := range e.h.Questions {
		check(q.ID, q, func(f, reason string) Offender { return questionOffender(q, f, reason) })
	}
	for _, g := range e.h.Glossary {
		check(g.ID, g, func(f, reason string) Offender { return refOffender(g.ID, f, reason) })
	}
	r.Measured = fmt.Sprintf("%d mentions, %d unresolved", total, len(r.Offenders))
	return verdict(r)
}

func (e *evaluator) tradeoffs() Result {
	r := Result{Name: "Trade-offs", Requirement: "explicit trade-offs and alternatives in every answer",
		Threshold: "100%; advanced: ≥2 alternatives with cost and benefit"}
	ok := 0
	for _, q := range e.h.Questions {
		before := len(r.Offenders)
		if len(q.Tradeoffs) == 0 {
			r.Offenders = append(r.Offenders, questionOffender(q, "tradeoffs", "no trade-off"))
		}
		if len(q.Alternatives) == 0 {
			r.Offenders = append(r.Offenders, questionOffender(q, "alternatives", "no alternative"))
		}
		if q.Difficulty == handbook.Advanced {
			costed := 0
			for _, a := range q.Alternatives {
				if strings.TrimSpace(a.Cost) != "" && strings.TrimSpace(a.Benefit) != "" {
					costed++
				}
			}
			if costed < 2 {
				r.Offenders = append(r.Offenders, questionOffender(q, "alternatives",
					fmt.Sprintf("%d alternative(s) with both cost and benefit; advanced answers need 2", costed)))
			}
		}
		if len(r.Offenders) == before {
			ok++
		}
	}
	r.Measured = pctString(ok, len(e.h.Questions))
	return verdict(r)
}

func (e *evaluator) risks() Result {
	r := Result{Name: "Risk/mitigation", Requirement: "high risks carry a mitigation; every advanced answer has a risk with mitigation",
		Threshold: "100% flagged"}
	high := 0
	for _, q := range e.h.Questions {
		mitigated := 0
		for i, k := range q.Risks {
			if k.Level == handbook.RiskHigh {
				high++
			}
			if strings.TrimSpace(k.Mitigation) != "" {
				mitigated++
			} else if k.Level == handbook.RiskHigh {
				r.Offenders = append(r.Offenders, questionOffender(q, fmt.Sprintf("risks[%d].mitigation", i), "high risk without a mitigation"))
			}
		}
		if q.Difficulty == handbook.Advanced && mitigated == 0 {
			r.Offenders = append(r.Offenders, questionOffender(q, "risks", "advanced answer has no risk with a mitigation"))
		}
	}
	r.Measured = fmt.Sprintf("%d high risks; %d problems", high, len(r.Offenders))
	return verdict(r)
}

func (e *evaluator) quantified() Result {
	r := Result{Name: "Quantified impact", Requirement: "key insight and impact step state a number with a unit (%, ms, x, $, rps …)",
		Threshold: "100% quantified"}
	ok := 0
	for _, q := range e.h.Questions {
		good := true
		if !HasQuantity(q.KeyInsight) {
			r.Offenders = append(r.Offenders, questionOffender(q, "key_insight", "no number with a unit"))
			good = false
		}
		if !HasQuantity(q.Chain.Impact) {
			r.Offenders = append(r.Offenders, questionOffender(q, "chain.impact", "no number with a unit"))
			good = false
		}
		if good {
			ok++
		}
	}
	r.Measured = pctString(ok, len(e.h.Questions))
	return verdict(r)
}

func (e *evaluator) methods() Result {
	r := Result{Name: "Performance methods", Requirement: "profiling, load testing, caching, optimization, scalability and monitoring each covered",
		Threshold: "6/6 methods"}
	covered := 0
	for _, m := range handbook.Methods {
		n := 0
		for _, q := range e.h.Questions {
			for _, qm := range q.Methods {
				if qm == m {
					n++
				}
			}
		}
		if n == 0 {
			r.Offenders = append(r.Offenders, Offender{ID: string(m), URL: "/methods/" + string(m) + "/", Reason: "no question exercises it"})
		} else {
			covered++
		}
	}
	r.Measured = fmt.Sprintf("%d/6 methods", covered)
	return verdict(r)
}

func (e *evaluator) clarity() Result {
	r := Result{Name: "Clarity", Requirement: "every acronym in the questions is defined in the glossary (terms, aliases, abbreviations)",
		Threshold: "100% defined"}
	distinct := map[string]bool{}
	for _, q := range e.h.Questions {
		reported := map[string]bool{}
		handbook.Texts(q, func(path, s string) {
			for _, a := range Acronyms(s) {
				distinct[a] = true
				if e.defined(a) || reported[a] {
					continue
				}
				reported[a] = true
				r.Offenders = append(r.Offenders, questionOffender(q, strings.TrimPrefix(path, "$."),
					a+" is not defined; add it to a glossary entry's aliases or to abbreviations.yaml"))
			}
		})
	}
	r.Measured = fmt.Sprintf("%d distinct acronyms, %d undefined uses", len(distinct), len(r.Offenders))
	return verdict(r)
}

// defined reports whether an acronym (or its singular) is a glossary name
// or a listed abbreviation.
func (e *evaluator) defined(a string) bool {
	for _, c := range []string{a, strings.TrimSuffix(a, "s")} {
		if _, ok := e.idx.Term(c); ok {
			return true
		}
		if _, ok := e.idx.Abbreviation(c); ok {
			return true
		}
	}
	return false
}
