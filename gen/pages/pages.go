// Package pages renders the handbook into Hugo content (Markdown with front
// matter) and the JSON data the templates read. It computes everything the
// templates show — numbering, backlinks, coverage, counts — so templates only
// lay things out.
package pages

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/perfhandbook/handbook/gen/diagrams"
	"github.com/perfhandbook/handbook/gen/gates"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/load"
)

// Options are the inputs besides the handbook.
type Options struct {
	Report *gates.Report // the gate report shown on /gates/
	Draft  bool          // the build publishes despite failing gates: every page shows a banner
	// Diagrams holds the drawn SVGs by diagram source; a diagram missing
	// here falls back to client-side Mermaid.
	Diagrams map[string]diagrams.Drawn
}

type renderer struct {
	h    *handbook.Handbook
	idx  *handbook.Index
	link linker
	used usage
	opts Options
	out  *Output
}

// Render produces every generated file in memory. The handbook must have
// passed validation.
func Render(h *handbook.Handbook, opts Options) *Output {
	out := RenderPages(h, opts)
	out.AddReport(h, opts.Report, opts.Draft)
	return out
}

// RenderPages renders everything that does not depend on the gate report
// (opts.Report and opts.Draft are not read), so that gen build can render
// while the gates are evaluated; AddReport adds the rest.
func RenderPages(h *handbook.Handbook, opts Options) *Output {
	idx := handbook.NewIndex(h)
	r := &renderer{h: h, idx: idx, link: linker{idx}, used: collectUsage(h, idx), opts: opts, out: newOutput()}
	r.questions()
	r.add("content/glossary/_index.md", r.glossaryPage())
	r.add("content/tools/_index.md", r.toolsPage())
	r.add("content/literature/_index.md", r.worksPage("Literature",
		"Books and long-form sources on performance engineering, with coverage and key sections.",
		load.LiteratureFile, h.Literature, 30))
	r.add("content/citations/_index.md", r.worksPage("Citations",
		"Papers, documentation, engineering blogs, talks and standards the answers cite.",
		load.CitationsFile, h.Citations, 40))
	r.clusters()
	r.terms()
	r.simple("content/matrix/_index.md", "Coverage matrix",
		"Every dimension × phase cell of the handbook and the questions that cover it.", "matrix")
	r.simple("content/gates/_index.md", "Quality gates",
		"The 20 quality gates of the specification, computed from the data at build time.", "gates")
	r.interview()
	r.data()
	r.redirects()
	r.add("generated/assets/chroma.css", chromaCSS(usedTokenClasses(h.Questions)))
	return r.out
}

func (r *renderer) add(name string, data []byte) { r.out.add(name, data) }

// questions renders one page per question plus the all-questions list.
func (r *renderer) questions() {
	qs := r.h.Questions
	for i, q := range qs {
		var prev, next *handbook.Question
		if i > 0 {
			prev = qs[i-1]
		}
		if i+1 < len(qs) {
			next = qs[i+1]
		}
		r.add(path.Join("content/questions", q.Slug+".md"), r.questionPage(q, i+1, prev, next))
	}
	r.simple("content/questions/_index.md", "All questions",
		"Every question of the handbook; filter by difficulty, dimension, phase, cluster and role.", "questions", "filter", "loop-add")
}

// simple renders a section page whose template draws everything from data.
func (r *renderer) simple(name, title, description, layoutKey string, scripts ...string) {
	p := &page{}
	p.set("title", title)
	p.set("description", description)
	p.set("generatedView", layoutKey)
	if len(scripts) > 0 {
		p.set("scripts", scripts)
	}
	r.add(name, p.bytes("the handbook as a whole"))
}

// interview renders the requirements interview's page, whose template lays
// out the bank (generated/data/interview.json) as a questionnaire that
// assets/js/interview.js turns into rounds.
func (r *renderer) interview() {
	b := r.h.Interview
	if b == nil {
		return
	}
	p := &page{}
	p.set("title", b.Title)
	p.set("description", plainSentence(b.Intro, 300))
	p.set("generatedView", "interview")
	p.set("scripts", []string{"interview"})
	p.set("styles", []string{"tools"})
	r.add("content/interview/_index.md", p.bytes(b.File))
}

// ClusterCoverage counts what a cluster's questions contain, for the
// per-cluster rule (≥1 diagram, practical, metrics table, trade-off analysis).
type ClusterCoverage struct {
	Questions  int `json:"questions"`
	Diagrams   int `json:"diagrams"`
	Practicals int `json:"practicals"`
	Metrics    int `json:"metrics_tables"`
	Tradeoffs  int `json:"tradeoff_analyses"`
}

// CoverageOf counts the elements of a cluster's questions.
func CoverageOf(h *handbook.Handbook, cluster string) ClusterCoverage {
	var c ClusterCoverage
	for _, q := range h.Questions {
		if q.Cluster != cluster {
			continue
		}
		c.Questions++
		c.Diagrams += len(q.Diagrams)
		c.Practicals += len(q.Practical)
		if len(q.Metrics) > 0 {
			c.Metrics++
		}
		c.Tradeoffs += len(q.Tradeoffs)
	}
	return c
}

func (r *renderer) clusters() {
	for _, c := range r.h.Meta.Clusters {
		p := &page{}
		p.set("title", fmt.Sprintf("Cluster %d: %s", c.Number, c.Name))
		p.set("linkTitle", c.Name)
		p.set("weight", c.Number)
		p.set("description", plainSentence(c.Summary, 300))
		p.set("coverage", CoverageOf(r.h, c.ID))
		p.line(r.link.md(c.Summary))
		r.add(path.Join("content/clusters", c.ID, "_index.md"), p.bytes(load.MetaFile))
		r.add(path.Join("content/print", c.ID+".md"), r.printPage(c))
	}
}

// terms gives every taxonomy term page a proper title ("SRE", not "Sre").
func (r *renderer) terms() {
	add := func(taxonomy string, values []string, describe func(string) string) {
		for i, v := range values {
			p := &page{}
			p.set("title", handbook.Label(v))
			p.set("weight", i+1)
			p.set("description", describe(v))
			r.add(path.Join("content", taxonomy, v, "_index.md"), p.bytes("the model's vocabulary"))
		}
	}
	add("difficulty", handbook.Difficulty("").Values(), func(v string) string { return handbook.Label(v) + " questions." })
	add("dimension", handbook.Dimension("").Values(), func(v string) string { return "Questions on " + v + "." })
	add("phase", handbook.Phase("").Values(), func(v string) string { return "Questions in the " + v + " phase." })
	add("roles", handbook.Role("").Values(), func(v string) string { return "Questions for " + strings.ToLower(handbook.Label(v)) + "s." })
	add("methods", handbook.Method("").Values(), func(v string) string { return "Questions exercising " + v + "." })
}

// writeJSON adds a JSON object file whose first key carries the generated
// marker (JSON has no comments).
func (r *renderer) writeJSON(name string, v any) {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil || len(b) < 2 || b[0] != '{' {
		panic(fmt.Sprintf("pages: %s must be a JSON object: %v", name, err)) // our own types
	}
	note, _ := json.Marshal(generatedNote)
	head := []byte("{\n \"_generated\": " + string(note))
	if len(b) > 2 {
		head = append(head, ',')
	}
	r.add(name, append(head, b[1:]...))
}

// printPage is a whole cluster on one page, for printing. It reuses each
// question's rendered content, so it costs Hugo no second rendering.
func (r *renderer) printPage(c *handbook.Cluster) []byte {
	p := &page{}
	p.set("title", fmt.Sprintf("Cluster %d: %s — printable version", c.Number, c.Name))
	p.set("linkTitle", c.Name)
	p.set("cluster", c.ID)
	p.set("weight", c.Number)
	p.set("url", "/clusters/"+c.ID+"/print/")
	p.set("description", "Every question of the "+c.Name+" cluster on one page, for printing.")
	p.set("robots", "noindex")
	return p.bytes(load.MetaFile)
}
