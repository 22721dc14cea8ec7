package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An edit to a question's data file shows in the preview after one rebuild:
// its page and the question list carry the new title.
func TestServeShowsAnEditedQuestion(t *testing.T) {
	dir := newProject(t, allQuestionIDs(t)...)
	p, err := newPreview(dir, "http://localhost:1313/", io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "data/questions/PE-001.yaml")
	for _, marker := range []string{"Edited once.", "Edited twice."} {
		b, _ := os.ReadFile(file)
		s := strings.Replace(string(b), "\ntitle: >-\n  ", "\ntitle: >-\n  "+marker+" ", 1)
		if s == string(b) {
			t.Fatal("PE-001.yaml no longer starts its title with 'title: >-'; update the test")
		}
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		p.rebuild([]string{file})
		for _, page := range []string{"q/ecommerce-api-p99-after-traffic-doubled/index.html", "questions/index.html"} {
			html, err := os.ReadFile(filepath.Join(dir, ".build/serve", page))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(html), marker) {
				t.Errorf("after the edit %q, %s still shows the old title", marker, page)
			}
		}
	}
}

func allQuestionIDs(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(repoRoot, "data/questions/*.yaml"))
	var ids []string
	for _, f := range files {
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".yaml"))
	}
	return ids
}
