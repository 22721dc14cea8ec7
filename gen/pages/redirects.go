package pages

import (
	"fmt"
	"html"
	"path"
	"strings"
)

// redirects writes Netlify's _redirects (server-side 301s for every question
// alias and every entry of data/redirects.yaml) and, for hosts without
// _redirects, a small redirecting page at each data/redirects.yaml path
// (Hugo makes those pages for question aliases itself).
func (r *renderer) redirects() {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s from question aliases and data/redirects.yaml — do not edit.\n", Marker)
	for _, q := range r.h.Questions {
		for _, from := range questionAliases(q) {
			fmt.Fprintf(&b, "%s %s 301!\n", from, QuestionURL(q))
		}
	}
	for _, rd := range r.h.Redirects {
		fmt.Fprintf(&b, "%s %s 301!\n", rd.From, rd.To)
		r.add(path.Join("generated/static", rd.From, "index.html"), redirectPage(rd.To, rd.Reason))
	}
	r.add("generated/static/_redirects", []byte(b.String()))
}

func redirectPage(to, reason string) []byte {
	t := html.EscapeString(to)
	return []byte(fmt.Sprintf(`<!doctype html><!-- %s -->
<html lang="en"><head><meta charset="utf-8"><title>Moved</title><link rel="canonical" href="%s"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=%s"></head>
<body><p>%s This page moved to <a href="%s">%s</a>.</p></body></html>
`, Marker, t, t, html.EscapeString(reason), t, t))
}
