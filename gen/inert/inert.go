// Package inert checks a built site, before it is published, for anything
// that could run in a reader's browser or pull from another site: inline
// scripts, event-handler attributes, javascript: and data: URLs, frames and
// embedded objects, and the inline styles the Content-Security-Policy
// refuses. Data files are untrusted; validation refuses hostile data and the
// templates escape what they print, and this check is the last of the three
// layers: if data ever slipped through both, the build fails instead of
// publishing it.
package inert

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
)

// MaxShown is how many findings the error lists.
const MaxShown = 20

// Check reads every HTML page and SVG image under dir and returns an error
// naming each file and what in it is not inert.
func Check(dir string) error { return check(dir, rulesFor) }

// CheckImages is Check for the SVG images only, for a caller that already
// reads every page and checks its tags with Tag (the post-build checks).
func CheckImages(dir string) error { return check(dir, map[string]rules{".svg": rulesFor[".svg"]}) }

// Tag lists what is not inert in one start tag of an HTML page.
func Tag(tok html.Token) []string { return element(tok, rulesFor[".html"]) }

func check(dir string, kinds map[string]rules) error {
	var findings []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rules, ok := kinds[filepath.Ext(path)]
		if !ok {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, path)
		for _, what := range scan(f, rules) {
			findings = append(findings, filepath.ToSlash(rel)+": "+what)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return Report(findings)
}

// Report is the error for findings ("file: what"), or nil when there are none.
func Report(findings []string) error {
	if len(findings) == 0 {
		return nil
	}
	shown := findings[:min(len(findings), MaxShown)]
	if len(findings) > MaxShown {
		shown = append(shown, fmt.Sprintf("… and %d more", len(findings)-MaxShown))
	}
	return fmt.Errorf("the built site is not inert (%d problem(s)); nothing was published:\n  %s\n"+
		"Pages may carry no inline script or style, event handler, frame or javascript:/data: URL (see SECURITY.md)",
		len(findings), strings.Join(shown, "\n  "))
}

// rules says what a kind of file may contain.
type rules struct {
	inlineStyle bool // <style> and style="": Mermaid's SVGs carry their own, pages may not (CSP style-src 'self')
	hrefLoads   bool // in an image every href loads something; on a page it is a link a reader may follow
}

var rulesFor = map[string]rules{
	".html": {inlineStyle: false, hrefLoads: false},
	".svg":  {inlineStyle: true, hrefLoads: true},
}

// loading attributes make the browser fetch their URL as the page loads.
var loading = map[string]bool{"src": true, "poster": true, "data": true, "background": true, "ping": true}

// scan tokenizes one file and lists what is not inert in it.
func scan(r io.Reader, rl rules) []string {
	var out []string
	z := html.NewTokenizer(r)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			out = append(out, element(z.Token(), rl)...)
		}
	}
}

// forbidden are elements no page of the handbook uses and data must never add.
var forbidden = map[string]bool{"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"applet": true, "base": true, "foreignobject": true, "portal": true}

// urlAttrs hold URLs a browser follows or loads.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true,
	"data": true, "xlink:href": true, "background": true, "cite": true, "ping": true}

func element(tok html.Token, rl rules) []string {
	var out []string
	name := strings.ToLower(tok.Data)
	switch {
	case forbidden[name]:
		out = append(out, fmt.Sprintf("<%s> element", name))
	case name == "script" && !hasAttr(tok, "src") && !isData(tok):
		out = append(out, "inline <script>")
	case name == "style" && !rl.inlineStyle:
		out = append(out, "inline <style> (the CSP allows only style sheets from the site)")
	case name == "meta" && strings.EqualFold(attr(tok, "http-equiv"), "refresh"):
		if _, u, ok := strings.Cut(strings.ToLower(attr(tok, "content")), "url="); ok {
			out = append(out, urlProblem(name, "refresh", u, rl)...)
		}
	}
	for _, a := range tok.Attr {
		key := strings.ToLower(a.Key)
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		switch {
		case strings.HasPrefix(key, "on"):
			out = append(out, fmt.Sprintf("<%s %s=…> event handler", name, key))
		case key == "style" && !rl.inlineStyle:
			out = append(out, fmt.Sprintf("<%s style=…> inline style (the CSP refuses it)", name))
		case urlAttrs[key]:
			out = append(out, urlProblem(name, key, a.Val, rl)...)
		}
	}
	return out
}

// urlProblem judges a URL the way a browser reads it: leading spaces and
// control characters are ignored, and so are tabs and newlines inside the
// scheme ("java\tscript:").
func urlProblem(elem, key, val string, rl rules) []string {
	u := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.TrimLeft(val, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	scheme, _, hasScheme := strings.Cut(strings.ToLower(u), ":")
	if hasScheme && strings.ContainsAny(scheme, "/?#") {
		hasScheme = false
	}
	switch {
	case hasScheme && scheme != "http" && scheme != "https" && scheme != "mailto":
		return []string{fmt.Sprintf("<%s %s=%q> runs or embeds content", elem, key, clip(val))}
	case (loading[key] || rl.hrefLoads) && (hasScheme || strings.HasPrefix(u, "//")):
		return []string{fmt.Sprintf("<%s %s=%q> loads from another site", elem, key, clip(val))}
	}
	return nil
}

func hasAttr(tok html.Token, key string) bool {
	for _, a := range tok.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// isData reports a script element that holds data, not code (JSON).
func isData(tok html.Token) bool {
	t := strings.ToLower(attr(tok, "type"))
	return t == "application/json" || t == "application/ld+json"
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
