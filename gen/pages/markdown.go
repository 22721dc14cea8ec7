package pages

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/perfhandbook/handbook/gen/apa"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/md"
	"github.com/perfhandbook/handbook/gen/prose"
)

// page builds one Markdown content file: YAML front matter then a body.
type page struct {
	front []field
	body  strings.Builder
}

type field struct {
	key   string
	value any
}

// set adds a front matter field. Values are written as JSON, which is valid
// YAML, so no value from the data can break out of its field.
func (p *page) set(key string, value any) { p.front = append(p.front, field{key, value}) }

func (p *page) printf(format string, args ...any) { fmt.Fprintf(&p.body, format, args...) }

func (p *page) line(s string) {
	p.body.WriteString(s)
	p.body.WriteString("\n")
}

// bytes renders the page with the generated marker naming its source.
func (p *page) bytes(source string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\n# %s from %s — do not edit; change the data and rebuild.\n", Marker, source)
	for _, f := range p.front {
		v, err := json.Marshal(f.value)
		if err != nil {
			panic(err) // front matter values are strings, numbers, slices and maps of them
		}
		fmt.Fprintf(&b, "%s: %s\n", f.key, v)
	}
	b.WriteString("---\n")
	b.WriteString(p.body.String())
	return []byte(b.String())
}

// linker turns prose mentions into Markdown links the site's link render hook
// recognises: [Ref: A1, T2] → [A1](/citations/#a1), [T2](/tools/#t2) in
// brackets; [G: p99] → [p99](/glossary/#g1).
type linker struct {
	idx *handbook.Index
}

func (l linker) md(text string) string {
	return prose.Rewrite(strings.TrimSpace(text), func(m prose.Mention) string {
		if m.Kind == prose.Glossary {
			g, ok := l.idx.Term(m.Term)
			if !ok {
				return md.Escape(m.Term)
			}
			return fmt.Sprintf("[%s](/glossary/#%s)", md.Escape(m.Term), strings.ToLower(g.ID))
		}
		links := make([]string, 0, len(m.IDs))
		for _, id := range m.IDs {
			if r, ok := l.idx.Ref(id); ok {
				links = append(links, fmt.Sprintf("[%s](%s)", id, r.URL()))
			} else {
				links = append(links, id)
			}
		}
		return `\[` + strings.Join(links, ", ") + `\]`
	})
}

// inline is md for a value that must stay on one line (table cells, list items).
func (l linker) inline(text string) string {
	return strings.Join(strings.Fields(l.md(text)), " ")
}

// cell is inline text safe inside a Markdown table cell.
func (l linker) cell(text string) string {
	return strings.ReplaceAll(l.inline(text), "|", `\|`)
}

// codeBlock writes a fenced block with an info string.
func (p *page) codeBlock(info, code string) {
	f := md.Fence(code)
	p.printf("%s%s\n%s\n%s\n\n", f, info, strings.TrimRight(code, "\n"), f)
}

// refLabel is how a reference reads in lists: "Dean & Barroso (2013)", "k6", "p99".
func refLabel(r handbook.Ref) string {
	switch {
	case r.Glossary != nil:
		return r.Glossary.Term
	case r.Tool != nil:
		return r.Tool.Name
	case r.Work != nil:
		return apa.Short(r.Work)
	}
	return r.ID
}

// usage maps each reference id to the questions that mention it, in
// handbook order.
type usage map[string][]*handbook.Question

func collectUsage(h *handbook.Handbook, idx *handbook.Index) usage {
	u := usage{}
	for _, q := range h.Questions {
		seen := map[string]bool{}
		handbook.Texts(q, func(_, text string) {
			found, _ := prose.Scan(text)
			for _, m := range found {
				ids := m.IDs
				if m.Kind == prose.Glossary {
					if g, ok := idx.Term(m.Term); ok {
						ids = []string{g.ID}
					}
				}
				for _, id := range ids {
					if !seen[id] {
						seen[id] = true
						u[id] = append(u[id], q)
					}
				}
			}
		})
	}
	return u
}

// usedIn renders "Used in" links to the questions citing id.
func (u usage) usedIn(id string) string {
	qs := u[id]
	if len(qs) == 0 {
		return ""
	}
	links := make([]string, len(qs))
	for i, q := range qs {
		links[i] = fmt.Sprintf("[%s](%s)", q.ID, QuestionURL(q))
	}
	return strings.Join(links, ", ")
}

// QuestionURL is a question's permanent page URL.
func QuestionURL(q *handbook.Question) string { return q.Path() }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var markdownMarks = strings.NewReplacer("**", "", "*", "", "`", "", "\\", "")

// stripMarkdown reduces prose to plain text: mentions become their words,
// emphasis and code marks go.
func stripMarkdown(s string) string {
	return markdownMarks.Replace(prose.Plain(s))
}
