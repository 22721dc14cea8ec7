package pages

import (
	"bytes"
	"encoding/json"
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/perfhandbook/handbook/gen/bounded"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/validate"
)

// hugoMarkdown parses generated pages as config.toml has Hugo do it.
var hugoMarkdown = goldmark.New(goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()))

// withText puts s into the sample handbook's text fields of every kind: a
// title, prose, table cells, a list item, a heading, a glossary definition,
// a tool name and a citation title.
func withText(h *handbook.Handbook, s string) {
	q := h.Questions[0]
	q.Title, q.KeyInsight, q.Scenario, q.Chain.SLO = s, s, s, s
	q.Practical = []handbook.Practical{{Title: s, Language: "yaml", Code: "a: 1"}}
	q.Diagrams = []handbook.Diagram{{Kind: "sequence", Title: s, Description: s, Source: "flowchart LR\n A-->B"}}
	q.Metrics = []handbook.MetricRow{{Metric: s, Formula: s, Baseline: s, Optimized: s, Improvement: s, Rationale: s}}
	q.Tradeoffs = []handbook.Tradeoff{{Tension: s, Analysis: s, UseWhen: s}}
	q.Alternatives = []handbook.Alternative{{Name: s, Cost: s, Benefit: s, Verdict: s}}
	q.Interviewer.KeyPoints = []string{s}
	h.Glossary[0].Definition = s
	h.Tools[0].Name, h.Tools[0].Purpose = s, s
	h.Citations[0].Title, h.Citations[0].Container = s, s
}

// FuzzProseField renders a handbook whose text fields all hold the same
// arbitrary string: within the limits of package bounded, no value breaks
// out of its page's front matter; and when validation accepts the string,
// the Markdown Hugo would render holds no raw HTML, no image, no shortcode
// and no link but https, http, site paths and anchors.
func FuzzProseField(f *testing.F) {
	for _, s := range []string{"p99 fell 80% [Ref: A1] [G: p99].", "a\n---\nb: c", "\"\n---\ntitle: x", "<svg/onload=alert(1)>",
		"[x](javascript:alert(1))", "x | y\n|-|\n", "# heading {#key-insight}", "```\ncode", "{{< x >}}", "\\", "*[a](b*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h := sample(t)
		withText(h, s)
		var out *Output
		var accepted bool
		bounded.Call(t, len(s)*40, func() {
			accepted = len(validate.Handbook(h, "data").Errors()) == 0
			out = Render(h, Options{})
		})
		for _, name := range out.Files() {
			data, _ := out.File(name)
			if !strings.HasSuffix(name, ".md") {
				continue
			}
			body := checkFrontMatter(t, name, data)
			if accepted {
				checkMarkdown(t, name, body)
			}
		}
	})
}

// checkFrontMatter asserts that every front matter line is a comment or a
// key with a JSON value, and returns the body after it.
func checkFrontMatter(t *testing.T, name string, data []byte) []byte {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	front, body, closed := bytes.Cut(rest, []byte("\n---\n"))
	if !ok || !closed {
		t.Fatalf("%s: front matter is not closed", name)
	}
	for _, line := range strings.Split(string(front), "\n") {
		key, value, ok := strings.Cut(line, ": ")
		if !strings.HasPrefix(line, "# ") && (!ok || strings.ContainsAny(key, " \"'") || !json.Valid([]byte(value))) {
			t.Fatalf("%s: front matter line %q is not key: JSON", name, line)
		}
	}
	return body
}

func checkMarkdown(t *testing.T, name string, body []byte) {
	if bytes.Contains(body, []byte("{{<")) || bytes.Contains(body, []byte("{{%")) {
		t.Fatalf("%s: a shortcode reached the page", name)
	}
	doc := hugoMarkdown.Parser().Parse(text.NewReader(body))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			t.Fatalf("%s: raw HTML reached the page", name)
		case *ast.Image:
			t.Fatalf("%s: an image reached the page: %q", name, n.Destination)
		case *ast.Link:
			safeLink(t, name, string(n.Destination))
		case *ast.AutoLink:
			safeLink(t, name, string(n.URL(body)))
		}
		return ast.WalkContinue, nil
	})
}

func safeLink(t *testing.T, name, dest string) {
	d := html.UnescapeString(dest)
	if strings.HasPrefix(d, "#") || (strings.HasPrefix(d, "/") && !strings.HasPrefix(d, "//") && !strings.Contains(d, "\\")) {
		return
	}
	if u, err := url.Parse(d); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return
	}
	t.Fatalf("%s: a link to %q reached the page", name, dest)
}
