package main

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/browsertest"
)

// Every HTML page of a built site — every page type: home, question, list,
// cluster, taxonomy terms, references, matrix, gates, redirects, 404 — loads
// in Chromium under the production headers with no CSP violation, console
// error, dialog or off-site request.
func TestEveryPageLoadsCleanUnderTheCSP(t *testing.T) {
	public := builtSite(t)
	var pages []string
	filepath.WalkDir(public, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(public, path)
			pages = append(pages, strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		}
		return nil
	})
	if len(pages) < 30 {
		t.Fatalf("only %d pages built", len(pages))
	}
	base := browsertest.Serve(t, public, filepath.Join(public, "..", "netlify.toml"))
	tab := browsertest.New(t).Tab(t)
	var problems, dialogs, offSite int // what earlier pages recorded
	for _, p := range pages {
		tab.Open(t, base+p)
		for _, problem := range tab.Problems()[problems:] {
			t.Errorf("/%s: %s", p, problem)
		}
		for _, d := range tab.Dialogs()[dialogs:] {
			t.Errorf("/%s opened a dialog: %s", p, d)
		}
		for _, r := range tab.OffSite(base)[offSite:] {
			t.Errorf("/%s requested %s", p, r)
		}
		problems, dialogs, offSite = len(tab.Problems()), len(tab.Dialogs()), len(tab.OffSite(base))
	}
	t.Logf("%d pages loaded", len(pages))
}
