package pages

import (
	"fmt"
	"strings"

	"github.com/perfhandbook/handbook/gen/apa"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/load"
	"github.com/perfhandbook/handbook/gen/md"
)

// Each reference page is one list of entries with a stable anchor per entry
// (the lower-cased id) and a "Used in" line linking back to the questions.

func (r *renderer) glossaryPage() []byte {
	p := &page{}
	p.set("title", "Glossary")
	p.set("description", "Definitions, formulas and target values of the performance engineering terms the handbook uses.")
	p.set("weight", 10)
	p.line("Terms the answers use, with their formulas, typical targets, how they differ from neighbouring terms and when to use them. Hover or focus a term in any answer to see its definition.\n")
	for _, g := range r.h.Glossary {
		p.printf("## %s {#%s}\n\n", md.Escape(g.Term), strings.ToLower(g.ID))
		meta := g.ID
		if len(g.Aliases) > 0 {
			meta += " · also: " + md.Escape(strings.Join(g.Aliases, ", "))
		}
		p.printf("*%s*\n\n", meta)
		r.definitionList(p, [][2]string{
			{"Definition", r.link.md(g.Definition)},
			{"Formula", code(g.Formula)},
			{"Targets", r.link.md(g.Targets)},
			{"Distinctions", r.link.md(g.Distinctions)},
			{"When to use", r.link.md(g.WhenToUse)},
			{"Related", r.refLinks(g.Related)},
			{"Sources", r.refLinks(g.Sources)},
			{"Used in", r.used.usedIn(g.ID)},
		})
	}
	if len(r.h.Abbreviations) > 0 {
		p.line("## Abbreviations {#abbreviations}\n")
		p.line("| Abbreviation | Meaning |")
		p.line("|---|---|")
		for _, a := range r.h.Abbreviations {
			p.printf("| %s | %s |\n", md.Escape(a.Abbr), md.Escape(a.Expansion))
		}
	}
	return p.bytes(load.GlossaryFile + ", " + load.AbbrevFile)
}

func (r *renderer) toolsPage() []byte {
	p := &page{}
	p.set("title", "Tools")
	p.set("description", "Profilers, load testers, observability, tracing and caches: purpose, pricing, latest release, integrations and limitations.")
	p.set("weight", 20)
	p.printf("Each tool shows the newest release whose version and date were verified as of %s.\n\n", r.h.Meta.AsOf)
	for _, t := range r.h.Tools {
		p.printf("## %s {#%s}\n\n", md.Escape(t.Name), strings.ToLower(t.ID))
		p.printf("*%s · %s*\n\n", t.ID, handbook.Label(string(t.Category)))
		release := t.Release
		if t.LastUpdate != "" {
			release = strings.TrimSpace(release + " (" + string(t.LastUpdate) + ")")
		}
		if t.NewerRelease {
			release += "; newer releases exist"
		}
		r.definitionList(p, [][2]string{
			{"Purpose", r.link.md(t.Purpose)},
			{"Pricing", md.Escape(t.Pricing)},
			{"License", md.Escape(t.License)},
			{"Last verified release", md.Escape(release)},
			{"Integrations", md.Escape(strings.Join(t.Integrations, ", "))},
			{"Use cases", md.Escape(strings.Join(t.UseCases, "; "))},
			{"Limitations", r.link.md(t.Limitations)},
			{"Website", autolink(t.URL)},
			{"Used in", r.used.usedIn(t.ID)},
		})
	}
	return p.bytes(load.ToolsFile)
}

func (r *renderer) worksPage(title, description, source string, works []*handbook.Work, weight int) []byte {
	p := &page{}
	p.set("title", title)
	p.set("description", description)
	p.set("weight", weight)
	p.line("References in APA 7th style with their language tag.\n")
	for _, w := range works {
		p.printf("## %s · %s {#%s}\n\n", w.ID, md.Escape(apa.Short(w)), strings.ToLower(w.ID))
		p.line(apa.Reference(w) + "\n")
		r.definitionList(p, [][2]string{
			{"Type", handbook.Label(string(w.Type))},
			{"Coverage", r.link.md(w.Coverage)},
			{"Key sections", md.Escape(strings.Join(w.KeySections, "; "))},
			{"Supports", r.link.md(w.Note)},
			{"ISBN", md.Escape(w.ISBN)},
			{"Archived copy", autolink(w.ArchivedURL)},
			{"Used in", r.used.usedIn(w.ID)},
		})
	}
	return p.bytes(source)
}

// definitionList writes label/value pairs, skipping empty values.
func (r *renderer) definitionList(p *page, items [][2]string) {
	for _, it := range items {
		if strings.TrimSpace(it[1]) != "" {
			p.printf("**%s.** %s\n\n", it[0], strings.TrimSpace(it[1]))
		}
	}
}

// refLinks links reference ids by their labels.
func (r *renderer) refLinks(ids []string) string {
	links := make([]string, 0, len(ids))
	for _, id := range ids {
		if ref, ok := r.idx.Ref(id); ok {
			links = append(links, fmt.Sprintf("[%s](%s)", md.Escape(refLabel(ref)), ref.URL()))
		}
	}
	return strings.Join(links, ", ")
}

func code(s string) string {
	if s == "" {
		return ""
	}
	return md.CodeSpan(s)
}

func autolink(u string) string {
	if u == "" {
		return ""
	}
	return "<" + u + ">"
}
