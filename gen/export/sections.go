package export

import (
	"fmt"
	"strings"

	"github.com/perfhandbook/handbook/gen/apa"
	"github.com/perfhandbook/handbook/gen/gates"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/md"
)

func (d *doc) questions() {
	d.printf("## Q&A by Cluster\n\n")
	for _, c := range d.h.Meta.Clusters {
		d.printf("### %s\n\n", clusterHeading(c))
		d.printf("%s Questions %s.\n\n", d.inline(c.Summary), d.clusterRange(c))
		for _, q := range d.h.Questions {
			if q.Cluster == c.ID {
				d.question(q)
			}
		}
	}
}

// question writes one Q&A with the fields in the specification's order.
func (d *doc) question(q *handbook.Question) {
	n := d.numbers[q.ID]
	d.printf("#### %s\n\n", questionHeading(n, q))
	d.printf("**Id**: %s | **Difficulty**: %s | **Dimension**: %s | **Phase**: %s | **Duration**: %d min  \n",
		q.ID, handbook.Label(string(q.Difficulty)), handbook.Label(string(q.Dimension)), handbook.Label(string(q.Phase)), q.DurationMinutes)
	d.printf("**Key Insight**: %s\n\n", d.inline(q.KeyInsight))
	d.printf("**Answer** (%d words):\n\n", gates.AnswerWords(q))
	if q.Scenario != "" {
		d.printf("%s\n\n", d.inline(q.Scenario))
	}
	for _, s := range q.Chain.Steps() {
		if s.Text != "" {
			d.printf("**%s**: %s\n\n", s.Title, d.inline(s.Text))
		}
	}
	for _, p := range q.Practical {
		f := md.Fence(p.Code)
		d.printf("**Practical Element** — %s:\n\n%s%s\n%s\n%s\n\n", p.Title, f, p.Language, strings.TrimRight(p.Code, "\n"), f)
	}
	for _, g := range q.Diagrams {
		f := md.Fence(g.Source)
		d.printf("**Visual (Mermaid)** — %s:\n\n%smermaid\n%s\n%s\n\n", g.Title, f, strings.TrimRight(g.Source, "\n"), f)
	}
	if len(q.Metrics) > 0 {
		d.printf("**Metrics Table**:\n\n| Metric | Formula | Baseline | Optimized | Improvement | Rationale |\n|---|---|---|---|---|---|\n")
		for _, m := range q.Metrics {
			d.printf("| %s | %s | %s | %s | %s | %s |\n", md.Cell(m.Metric), md.Cell(m.Formula), md.Cell(m.Baseline), md.Cell(m.Optimized), md.Cell(m.Improvement), md.Cell(d.inline(m.Rationale)))
		}
		d.printf("\n")
	}
	d.list("Trade-offs", len(q.Tradeoffs), func(i int) string {
		t := q.Tradeoffs[i]
		s := fmt.Sprintf("**%s**: %s", t.Tension, d.inline(t.Analysis))
		if t.UseWhen != "" {
			s += " *Use when*: " + d.inline(t.UseWhen)
		}
		if t.AvoidWhen != "" {
			s += " *Avoid when*: " + d.inline(t.AvoidWhen)
		}
		return s
	})
	d.list("Alternatives", len(q.Alternatives), func(i int) string {
		a := q.Alternatives[i]
		return fmt.Sprintf("**%s**: cost %s; benefit %s. %s", a.Name, d.inline(a.Cost), d.inline(a.Benefit), d.inline(a.Verdict))
	})
	d.list("Risk/Mitigation", len(q.Risks), func(i int) string {
		k := q.Risks[i]
		return fmt.Sprintf("**%s**: %s Mitigation: %s", handbook.Label(string(k.Level)), d.inline(k.Risk), d.inline(k.Mitigation))
	})
	d.printf("**Validation**: %s\n\n", d.inline(q.Validation.Method))
	for _, c := range q.Validation.SuccessCriteria {
		d.printf("- %s\n", d.inline(c))
	}
	d.printf("\n---\n\n")
}

func (d *doc) list(title string, n int, item func(int) string) {
	if n == 0 {
		return
	}
	d.printf("**%s**:\n\n", title)
	for i := 0; i < n; i++ {
		d.printf("- %s\n", item(i))
	}
	d.printf("\n")
}

// Reference entries are headings so that [Ref: ID] links have targets.

func glossaryHeadingText(g *handbook.GlossaryEntry) string { return g.ID + ". " + g.Term }

func (d *doc) refAnchor(id string) string {
	r, ok := d.idx.Ref(id)
	switch {
	case !ok:
		return strings.ToLower(id)
	case r.Glossary != nil:
		return Slug(glossaryHeadingText(r.Glossary))
	case r.Tool != nil:
		return Slug(r.Tool.ID + ". " + r.Tool.Name)
	default:
		return Slug(r.Work.ID + ". " + apa.Short(r.Work))
	}
}

func (d *doc) references() {
	d.printf("## References\n\n### Glossary\n\n")
	for _, g := range d.h.Glossary {
		d.printf("#### %s\n\n%s", glossaryHeadingText(g), d.inline(g.Definition))
		for _, part := range [][2]string{{"Formula", g.Formula}, {"Targets", g.Targets}, {"Distinctions", g.Distinctions}, {"When to use", g.WhenToUse}} {
			if part[1] != "" {
				d.printf(" **%s**: %s", part[0], d.inline(part[1]))
			}
		}
		if len(g.Aliases) > 0 {
			d.printf(" **Also**: %s.", strings.Join(g.Aliases, ", "))
		}
		d.printf("\n\n")
	}
	if len(d.h.Abbreviations) > 0 {
		d.printf("**Abbreviations**: ")
		parts := make([]string, len(d.h.Abbreviations))
		for i, a := range d.h.Abbreviations {
			parts[i] = a.Abbr + " (" + a.Expansion + ")"
		}
		d.printf("%s.\n\n", strings.Join(parts, "; "))
	}
	d.printf("### Tools\n\n")
	for _, t := range d.h.Tools {
		d.printf("#### %s. %s\n\n(%s) **Purpose**: %s **Pricing**: %s. **Last update**: %s (%s). **Integrations**: %s. **Limitations**: %s **URL**: <%s>\n\n",
			t.ID, t.Name, handbook.Label(string(t.Category)), d.inline(t.Purpose), t.Pricing, t.LastUpdate, t.Release,
			strings.Join(t.Integrations, ", "), d.inline(t.Limitations), t.URL)
	}
	for _, kind := range []struct {
		title string
		works []*handbook.Work
	}{{"Literature", d.h.Literature}, {"Citations", d.h.Citations}} {
		d.printf("### %s\n\n", kind.title)
		for _, w := range kind.works {
			d.printf("#### %s. %s\n\n%s", w.ID, apa.Short(w), apa.Reference(w))
			if w.Coverage != "" {
				d.printf(" **Coverage**: %s", d.inline(w.Coverage))
			}
			if len(w.KeySections) > 0 {
				d.printf(" **Key sections**: %s.", strings.Join(w.KeySections, "; "))
			}
			if w.ArchivedURL != "" {
				d.printf(" **Archived**: <%s>", w.ArchivedURL)
			}
			d.printf("\n\n")
		}
	}
	d.printf("---\n\n")
}

func (d *doc) validation(r *gates.Report) {
	d.printf("## Validation Results\n\nComputed from the data as of %s.\n\n", r.AsOf)
	d.printf("| # | Gate | Requirement | Threshold | Status | Evidence |\n|---|---|---|---|---|---|\n")
	for _, g := range r.Gates {
		evidence := g.Measured
		if n := len(g.Offenders); n > 0 {
			evidence += fmt.Sprintf("; %d offender(s), first: %s — %s", n, g.Offenders[0].ID, g.Offenders[0].Reason)
		}
		if g.Reason != "" {
			evidence += "; " + g.Reason
		}
		d.printf("| %d | %s | %s | %s | %s | %s |\n", g.Number, g.Name, md.Cell(g.Requirement), md.Cell(g.Threshold), g.Status, md.Cell(evidence))
	}
	for _, x := range r.Extra {
		d.printf("| + | %s | %s | %s | %s | %s |\n", x.Name, md.Cell(x.Requirement), md.Cell(x.Threshold), x.Status, md.Cell(x.Measured))
	}
	summary := fmt.Sprintf("%d of 20 quality gates pass", r.Passed)
	if r.OK() {
		summary = "All 20 quality gates pass. Ready for use."
	} else {
		summary += fmt.Sprintf("; %d fail, %d cannot be decided offline. Not ready for use.", r.Failed, r.Unverified)
	}
	d.printf("\n**Summary**: %s\n", summary)
}
