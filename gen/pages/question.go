package pages

import (
	"fmt"
	"strings"

	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/md"
)

// Section is one part of a question page, in the order the specification's
// output format gives for a Q&A. The anchors are permanent: interview loops
// link to them.
type Section struct {
	Anchor, Title string
}

// Sections lists a question page's sections in order.
var Sections = []Section{
	{"key-insight", "Key insight"},
	{"answer", "Answer"},
	{"practical", "Practical element"},
	{"diagram", "Diagram"},
	{"metrics", "Metrics"},
	{"trade-offs", "Trade-offs"},
	{"alternatives", "Alternatives"},
	{"risks", "Risks and mitigation"},
	{"validation", "Validation"},
	{"interviewer", "For interviewers"},
}

// questionPage renders content/questions/<slug>.md.
func (r *renderer) questionPage(q *handbook.Question, weight int, prev, next *handbook.Question) []byte {
	p := &page{}
	p.set("title", q.Title)
	p.set("id", q.ID)
	p.set("slug", q.Slug)
	p.set("weight", weight)
	p.set("aliases", questionAliases(q))
	p.set("description", plainSentence(q.KeyInsight, 300))
	p.set("clusters", []string{q.Cluster})
	p.set("difficulty", []string{string(q.Difficulty)})
	p.set("dimension", []string{string(q.Dimension)})
	p.set("phase", []string{string(q.Phase)})
	p.set("roles", q.Roles)
	p.set("methods", q.Methods)
	p.set("duration", q.DurationMinutes)
	p.set("number", weight)
	p.set("diagrams", r.diagramParams(q))
	p.set("scripts", []string{"question", "loop-add"})
	p.set("prev", neighbour(prev))
	p.set("next", neighbour(next))
	for _, s := range Sections {
		if body := r.sectionBody(q, s.Anchor); body != "" {
			p.printf("## %s {#%s}\n\n%s\n\n", s.Title, s.Anchor, body)
		}
	}
	return p.bytes(q.File)
}

// questionAliases are the old URLs that must keep working: the id (for
// links written by id) and every former slug.
func questionAliases(q *handbook.Question) []string {
	out := []string{"/q/" + strings.ToLower(q.ID) + "/"}
	for _, a := range q.Aliases {
		out = append(out, "/q/"+a+"/")
	}
	return out
}

func neighbour(q *handbook.Question) map[string]string {
	if q == nil {
		return nil
	}
	return map[string]string{"id": q.ID, "title": q.Title, "url": QuestionURL(q)}
}

// sectionBody renders one section's Markdown, or "" when the question has
// nothing for it (the gates report what is missing).
func (r *renderer) sectionBody(q *handbook.Question, anchor string) string {
	p := &page{}
	l := r.link
	switch anchor {
	case "key-insight":
		if q.KeyInsight != "" {
			p.line(l.md(q.KeyInsight) + "\n")
		}
	case "answer":
		r.answer(p, q)
	case "practical":
		for _, pr := range q.Practical {
			p.printf("### %s\n\n", md.Escape(pr.Title))
			p.codeBlock(pr.Language, pr.Code)
		}
	case "diagram":
		for i, d := range q.Diagrams {
			p.printf("### %s\n\n", md.Escape(d.Title))
			p.codeBlock(fmt.Sprintf("mermaid {n=%d}", i), d.Source)
		}
	case "metrics":
		metricsTable(p, l, q.Metrics)
	case "trade-offs":
		// Each prose field is a paragraph of its own within the item: on one
		// line, a bracket left open in one field could pair with a "](" in
		// the next and make a link that neither field holds (FuzzProseField).
		for _, t := range q.Tradeoffs {
			p.printf("- **%s.** %s", md.Escape(t.Tension), l.inline(t.Analysis))
			if t.UseWhen != "" {
				p.printf("\n\n  *Use when:* %s", l.inline(t.UseWhen))
			}
			if t.AvoidWhen != "" {
				p.printf("\n\n  *Avoid when:* %s", l.inline(t.AvoidWhen))
			}
			p.line("")
		}
	case "alternatives":
		alternativesTable(p, l, q.Alternatives)
	case "risks":
		for _, k := range q.Risks {
			p.printf("- **%s risk:** %s", handbook.Label(string(k.Level)), l.inline(k.Risk))
			if k.Mitigation != "" {
				p.printf(" **Mitigation:** %s", l.inline(k.Mitigation))
			}
			p.line("")
		}
	case "validation":
		r.validation(p, q.Validation)
	case "interviewer":
		r.interviewer(p, q.Interviewer)
	}
	return strings.TrimSpace(p.body.String())
}

func (r *renderer) answer(p *page, q *handbook.Question) {
	if q.Scenario != "" {
		p.line(r.link.md(q.Scenario) + "\n")
	}
	for _, s := range q.Chain.Steps() {
		if s.Text != "" {
			p.printf("### %s {#chain-%s}\n\n%s\n\n", s.Title, s.Key, r.link.md(s.Text))
		}
	}
}

func metricsTable(p *page, l linker, rows []handbook.MetricRow) {
	if len(rows) == 0 {
		return
	}
	p.line("| Metric | Formula | Baseline | Optimized | Improvement | Rationale |")
	p.line("|---|---|---|---|---|---|")
	for _, m := range rows {
		p.printf("| %s | %s | %s | %s | %s | %s |\n", l.cell(m.Metric), l.cell(m.Formula), l.cell(m.Baseline),
			l.cell(m.Optimized), l.cell(m.Improvement), l.cell(m.Rationale))
	}
}

func alternativesTable(p *page, l linker, alts []handbook.Alternative) {
	if len(alts) == 0 {
		return
	}
	p.line("| Alternative | Cost | Benefit | Verdict |")
	p.line("|---|---|---|---|")
	for _, a := range alts {
		p.printf("| **%s** | %s | %s | %s |\n", md.Escape(a.Name), l.cell(a.Cost), l.cell(a.Benefit), l.cell(a.Verdict))
	}
}

func (r *renderer) validation(p *page, v handbook.Validation) {
	if v.Method != "" {
		p.line(r.link.md(v.Method) + "\n")
	}
	if len(v.SuccessCriteria) > 0 {
		p.line("**Success criteria**\n")
		for _, c := range v.SuccessCriteria {
			p.line("- " + r.link.inline(c))
		}
	}
}

func (r *renderer) interviewer(p *page, iv handbook.Interviewer) {
	list := func(title, anchor string, items []string) {
		if len(items) == 0 {
			return
		}
		p.printf("### %s {#%s}\n\n", title, anchor)
		for _, it := range items {
			p.line("- " + r.link.inline(it))
		}
		p.line("")
	}
	list("Key points", "key-points", iv.KeyPoints)
	if iv.Rubric != (handbook.Rubric{}) {
		p.line("### Rubric {#rubric}\n")
		p.line("| Level | What the answer shows |")
		p.line("|---|---|")
		for _, lv := range []struct{ name, text string }{
			{"Strong", iv.Rubric.Strong}, {"Adequate", iv.Rubric.Adequate}, {"Weak", iv.Rubric.Weak}} {
			if lv.text != "" {
				p.printf("| **%s** | %s |\n", lv.name, r.link.cell(lv.text))
			}
		}
		p.line("")
	}
	list("Follow-up questions", "follow-ups", iv.FollowUps)
	list("Common mistakes", "common-mistakes", iv.CommonMistakes)
}

// diagramParams gives the diagram render hook each diagram's title and
// description by position.
func (r *renderer) diagramParams(q *handbook.Question) []map[string]any {
	out := make([]map[string]any, len(q.Diagrams))
	for i, d := range q.Diagrams {
		p := map[string]any{"title": d.Title, "description": d.Description, "kind": string(d.Kind)}
		if drawn, ok := r.opts.Diagrams[d.Source]; ok {
			p["light"] = "/diagrams/" + drawn.Files["light"]
			p["dark"] = "/diagrams/" + drawn.Files["dark"]
			p["width"], p["height"] = drawn.Width, drawn.Height
		}
		out[i] = p
	}
	return out
}

// plainSentence strips Markdown and mentions for meta descriptions.
func plainSentence(s string, limit int) string {
	s = strings.Join(strings.Fields(stripMarkdown(s)), " ")
	if len(s) > limit {
		cut := strings.LastIndex(s[:limit], " ")
		if cut < limit/2 {
			cut = limit
		}
		s = s[:cut] + "…"
	}
	return s
}
