package export

import (
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/afero"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/perfhandbook/handbook/gen/gates"
	"github.com/perfhandbook/handbook/gen/validate"
)

// githubID is GitHub's heading-id rule, written independently of Slug:
// lower-case, keep letters, digits, spaces, hyphens and underscores, then
// turn spaces into hyphens; repeated ids get -1, -2 …
func githubID(heading string, seen map[string]int) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || r == ' ' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	id := strings.ReplaceAll(strings.TrimSpace(b.String()), " ", "-")
	if n := seen[id]; n > 0 {
		seen[id]++
		return id + "-" + string(rune('0'+n))
	}
	seen[id] = 1
	return id
}

// TestExportAnchorsResolve renders the real handbook, parses the document
// back with goldmark and follows every internal link.
func TestExportAnchorsResolve(t *testing.T) {
	h, _, problems := validate.Load(afero.NewBasePathFs(afero.NewOsFs(), "../.."), "data")
	if len(problems.Errors()) > 0 {
		t.Fatal(problems)
	}
	src := Markdown(h, gates.Evaluate(h, gates.Options{}))
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))

	ids := map[string]bool{}
	seen := map[string]int{}
	var sections []string
	var links []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			title := string(n.Text(src)) //nolint:staticcheck // plain heading text is what GitHub slugs
			ids[githubID(title, seen)] = true
			if n.Level == 2 {
				sections = append(sections, title)
			}
		case *ast.Link:
			if d := string(n.Destination); strings.HasPrefix(d, "#") {
				links = append(links, d[1:])
			}
		}
		return ast.WalkContinue, nil
	})
	want := "Contents|Context & Coverage|Q&A by Cluster|References|Validation Results"
	if got := strings.Join(sections, "|"); got != want {
		t.Fatalf("sections %q, want %q", got, want)
	}
	if len(links) < 20 {
		t.Fatalf("only %d internal links", len(links))
	}
	for _, l := range links {
		if !ids[l] {
			t.Errorf("link #%s has no heading", l)
		}
	}
}
