package main

import (
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/preview"
)

// An edit to a question's data file shows in the preview after one rebuild:
// its page and the question list carry the new title.
func TestServeShowsAnEditedQuestion(t *testing.T) {
	p, dir := previewAll(t)
	file := filepath.Join(dir, "data/questions/PE-001.yaml")
	for _, marker := range []string{"Edited once.", "Edited twice."} {
		b, _ := os.ReadFile(file)
		// The title shows in lists; the scenario is Markdown content, which the
		// cluster's print page takes from the question page's Store.
		bodyMarker := "Scenario " + strings.ToLower(marker)
		s := strings.Replace(string(b), "\ntitle: >-\n  ", "\ntitle: >-\n  "+marker+" ", 1)
		s = strings.Replace(s, "\nscenario: >-\n  ", "\nscenario: >-\n  "+bodyMarker+" ", 1)
		if !strings.Contains(s, marker) || !strings.Contains(s, bodyMarker) {
			t.Fatal("PE-001.yaml no longer starts its title and scenario with '>-'; update the test")
		}
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		p.rebuild([]string{file})
		for page, want := range map[string][]string{
			"q/ecommerce-api-p99-after-traffic-doubled/index.html": {marker, bodyMarker},
			"clusters/latency-optimization/print/index.html":       {marker, bodyMarker},
			"questions/index.html":                                 {marker},
			"exports/questions.json":                               {marker}, // a static file: partial rebuilds copy only the changed ones
		} {
			html, err := os.ReadFile(filepath.Join(dir, ".build/serve", page))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range want {
				if !strings.Contains(string(html), w) {
					t.Errorf("after the edit %q, %s does not show %q", marker, page, w)
				}
			}
		}
	}
}

// previewAll starts gen serve's previewer (without its HTTP server) on a
// project with every real question.
func previewAll(t testing.TB) (*previewer, string) {
	dir := newProject(t, allQuestionIDs(t)...)
	p, err := newPreview(dir, "http://localhost:1313/", io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return p, dir
}

func allQuestionIDs(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(repoRoot, "data/questions/*.yaml"))
	var ids []string
	for _, f := range files {
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".yaml"))
	}
	return ids
}

// A broken edit shows its error (terminal and /__gen/error, which the page
// displays) while the last good version stays served; fixing it clears both.
func TestServeKeepsTheLastGoodVersionOnABrokenEdit(t *testing.T) {
	dir := newProject(t, "PE-001", "PE-002")
	var log strings.Builder
	p, err := newPreview(dir, "http://localhost:1313/", io.Discard, &log)
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, ".build/serve/q/ecommerce-api-p99-after-traffic-doubled/index.html")
	good, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "data/questions/PE-001.yaml")
	original, _ := os.ReadFile(file)
	if err := os.WriteFile(file, append(original, []byte("\nnot_a_field: 1\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	p.rebuild([]string{file})
	shown := served(t, p, preview.Prefix+"error")
	for name, text := range map[string]string{"terminal": log.String(), "page": shown} {
		if !strings.Contains(text, "PE-001.yaml") || !strings.Contains(text, "not_a_field") {
			t.Errorf("the %s does not name the file and the unknown field:\n%s", name, text)
		}
	}
	if now, _ := os.ReadFile(page); string(now) != string(good) {
		t.Error("the broken edit replaced the last good version of the page")
	}
	if err := os.WriteFile(file, original, 0o644); err != nil {
		t.Fatal(err)
	}
	p.rebuild([]string{file})
	if shown := served(t, p, preview.Prefix+"error"); shown != "" {
		t.Errorf("the error is still shown after the fix: %s", shown)
	}
}

func served(t *testing.T, p *previewer, path string) string {
	t.Helper()
	rec := httptest.NewRecorder()
	p.server.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec.Body.String()
}

// Reference tooltips are read as a resource, not as Hugo data (see
// pages.SharedDataDir): a changed citation must still reach the pages that
// show its tooltip.
func TestServeUpdatesTooltipsWhenAReferenceChanges(t *testing.T) {
	dir := newProject(t, "PE-023")
	p, err := newPreview(dir, "http://localhost:1313/", io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "data/references/citations.yaml")
	b, _ := os.ReadFile(file)
	const old = `title: "A proof for the queuing formula`
	s := strings.Replace(string(b), old, `title: "Edited title. A proof for the queuing formula`, 1)
	if s == string(b) {
		t.Fatalf("citations.yaml no longer has %s; update the test", old)
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	p.rebuild([]string{file})
	html, err := os.ReadFile(filepath.Join(dir, ".build/serve/q/black-friday-capacity-plan-littles-law-headroom/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "Edited title. A proof for the queuing formula") {
		t.Error("the question's tooltip for A1 still shows the old title")
	}
}

// BenchmarkServeRebuild is gen serve's work for one edited question title,
// from the changed file to the re-rendered pages (gen bench measures the
// whole edit-to-screen path in a browser). Run it with -cpuprofile to see
// where a rebuild's time goes.
func BenchmarkServeRebuild(b *testing.B) {
	p, dir := previewAll(b)
	file := filepath.Join(dir, "data/questions/PE-001.yaml")
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		n++
		edited := strings.Replace(string(original), "\ntitle: >-\n  ", fmt.Sprintf("\ntitle: >-\n  Edit %d. ", n), 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		p.rebuild([]string{file})
	}
}
