package validate

import (
	"html"
	"net/url"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	hbmd "github.com/perfhandbook/handbook/gen/md"
)

// md parses text as Hugo does: CommonMark with GitHub's extensions (tables,
// strikethrough, bare URLs turned into links).
var md = hbmd.Goldmark

// markdown checks what a text field would become on a page. Raw HTML is
// refused because the site drops it (data never reaches a page as HTML), so
// the reader would silently miss words; images because they would load from
// elsewhere; and links unless they go to https, a site path or an anchor —
// javascript: and data: URLs run code when clicked. Link reference
// definitions ("[x]: url") are refused too: a page holds many fields, and a
// definition in one turns every "[x]" in the others into a link that
// validation of those fields never saw.
func (v *validator) markdown(file, p, s string) {
	src := []byte(s)
	doc := md.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			raw := firstLine(rawText(n, src))
			v.problems.ErrorAt(file, p, raw, "raw HTML %q is not allowed: the site does not show it. "+
				"Write Markdown; to show a tag as text, put it in backticks", clipText(raw, 40))
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			v.problems.ErrorAt(file, p, string(n.Destination), "images are not allowed in text (%q); draw it as a diagram instead", clipText(string(n.Destination), 60))
		case *ast.LinkReferenceDefinition:
			label := "[" + string(n.Label) + "]:"
			v.problems.ErrorAt(file, p, label, "link reference definitions (%q) are not allowed in text: "+
				"write the link inline, as [text](https://…)", clipText(label+" "+string(n.Destination), 60))
		case *ast.Link:
			v.link(file, p, string(n.Destination))
		case *ast.AutoLink:
			v.link(file, p, string(n.URL(src)))
		}
		return ast.WalkContinue, nil
	})
}

func (v *validator) link(file, p, dest string) {
	switch msg, warn := checkLink(dest); {
	case msg == "":
	case warn:
		v.problems.Warnf(file, p, "%s", msg)
	default:
		v.problems.ErrorAt(file, p, dest, "%s", msg)
	}
}

// checkLink judges a link destination in text: https URLs, site paths
// ("/glossary/#g1") and anchors ("#metrics") are fine, http is a warning,
// anything else (javascript:, data:, mailto:, "//host") is refused.
func checkLink(dest string) (msg string, warn bool) {
	dest = html.UnescapeString(dest) // as a browser reads the href: "&#106;avascript:" is "javascript:"
	if dest == "" {
		return "a link needs a destination: an https URL, a site path (/glossary/) or an #anchor", false
	}
	if !wellFormed(dest) {
		return "link to " + quote(dest) + " is not a well-formed URL", false
	}
	if dest[0] == '#' || (dest[0] == '/' && !strings.HasPrefix(dest, "//")) {
		return "", false
	}
	if msg, warn := checkURL(dest); msg == "" || warn {
		return msg, warn
	}
	return "link to " + quote(dest) + " is not allowed: links in text go to https URLs, site paths (/glossary/) or #anchors", false
}

// checkURL judges an absolute URL: https is fine, http is a warning, every
// other scheme is refused so that nothing executable reaches a page.
func checkURL(raw string) (msg string, warn bool) {
	u, err := url.Parse(raw)
	switch {
	case err != nil || !wellFormed(raw):
		return quote(raw) + " is not a well-formed URL", false
	case u.Scheme == "https" && u.Host != "":
		return "", false
	case u.Scheme == "http" && u.Host != "":
		return raw + " uses http; use https if the site supports it", true
	}
	return quote(raw) + " must be an absolute https URL", false
}

// wellFormed refuses characters that have no place in a URL written by
// hand: spaces and controls, quotes and angle brackets that end attributes
// and tags, and backslashes, which browsers read as "/" ("/\evil.example"
// leaves the site).
func wellFormed(raw string) bool {
	return !strings.ContainsFunc(raw, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("<>\"'`\\", r)
	})
}

func rawText(n ast.Node, src []byte) string {
	var b strings.Builder
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(src))
		}
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
		}
	}
	return b.String()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func clipText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func quote(s string) string { return "\"" + clipText(s, 80) + "\"" }
