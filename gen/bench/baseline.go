package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// The baseline: the same question pages, rendered by bare Hugo with minimal
// templates and indexed by bare Pagefind. It is the floor any Hugo site with
// search pays for these pages.
var baselineFiles = map[string]string{
	"config.toml": `baseURL = "http://localhost/"
title = "Baseline"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
  unsafe = false
`,
	"layouts/baseof.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>` +
		`<body>{{ block "main" . }}{{ end }}</body></html>`,
	"layouts/page.html": `{{ define "main" }}<main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main>{{ end }}`,
	"layouts/list.html": `{{ define "main" }}<ul>{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
}

// Baseline writes the baseline project into dir from the question pages a
// full build generated in fullDir: the same Markdown bodies and titles,
// nothing else.
func Baseline(fullDir, dir string) (int, error) {
	for name, body := range baselineFiles {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return 0, err
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return 0, err
		}
	}
	pages, err := filepath.Glob(filepath.Join(fullDir, "content", "questions", "*.md"))
	if err != nil {
		return 0, err
	}
	out := filepath.Join(dir, "content", "q")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return 0, err
	}
	n := 0
	for _, p := range pages {
		if filepath.Base(p) == "_index.md" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return 0, err
		}
		if err := os.WriteFile(filepath.Join(out, filepath.Base(p)), bare(b), 0o644); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

// bare keeps a generated page's title and body and drops the rest of its
// front matter (taxonomies, aliases, diagram data).
func bare(page []byte) []byte {
	parts := bytes.SplitN(page, []byte("\n---\n"), 2)
	if len(parts) != 2 {
		return page
	}
	var title string
	for _, l := range strings.Split(string(parts[0]), "\n") {
		if t, ok := strings.CutPrefix(l, "title: "); ok {
			title = t
		}
	}
	return []byte("---\ntitle: " + title + "\n---\n" + string(parts[1]))
}
