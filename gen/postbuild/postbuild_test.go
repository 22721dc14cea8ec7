package postbuild

import (
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	return dir
}

func TestBrokenLinksAndAnchors(t *testing.T) {
	dir := site(t, map[string]string{
		"index.html":          `<a href="/glossary/#g1">ok</a><a href="/glossary/#g9">bad anchor</a><a href="/nope/">bad page</a><a href="#top">self</a><a href="https://example.org/x">external</a><a href="/exports/h.md">file</a><p id="top"></p>`,
		"glossary/index.html": `<h3 id="g1">p99</h3><a href="../">up</a>`,
		"exports/h.md":        `# x`,
	})
	s, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(s.BrokenLinks(""), "\n")
	for _, want := range []string{`/ → /glossary/#g9: no element with id "g9" on /glossary/`, "/ → /nope/: no page or file at /nope/"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if n := len(s.BrokenLinks("")); n != 2 {
		t.Errorf("%d broken links reported, want 2:\n%s", n, got)
	}
}

func TestBudgetsFailHeavyPages(t *testing.T) {
	// Pseudo-random letters, so gzip cannot shrink the page below the budget.
	var b strings.Builder
	rng := rand.New(rand.NewPCG(1, 2))
	for b.Len() < 40*KiB {
		b.WriteByte(byte('a' + rng.IntN(26)))
	}
	dir := site(t, map[string]string{
		"q/heavy/index.html":  `<html><link rel="stylesheet" href="/css/a.css"><img src="/d.svg"><script type="module" src="/vendor/mermaid-12.3.0/m.mjs"></script>` + b.String() + `</html>`,
		"q/light/index.html":  `<html><p>small</p><img src="/d.svg" width="10" height="10"><script src="/js/d.js" defer></script><script src="/js/m.js" type="module"></script></html>`,
		"glossary/index.html": `<html><head><script src="/js/old.js"></script></head></html>`,
		"css/a.css":           `body{margin:0}`,
	})
	s, _ := Read(dir)
	over, _ := s.CheckBudgets(false)
	got := strings.Join(over, "\n")
	for _, want := range []string{"/q/heavy/: HTML+CSS", "/q/heavy/: loads Mermaid", "/q/heavy/: image /d.svg has no width and height",
		"/glossary/: script /js/old.js blocks rendering"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "/q/light/") {
		t.Errorf("the light page was flagged:\n%s", got)
	}
	if _, err := Check(dir, Options{}, io.Discard); err == nil {
		t.Error("Check passed a site over budget")
	}
}

// Pages are checked for inertness as they are read: an event handler fails
// the checks, naming the file.
func TestCheckRefusesAPageThatIsNotInert(t *testing.T) {
	dir := site(t, map[string]string{
		"index.html":   `<html><p>fine</p></html>`,
		"a/index.html": `<html><p onclick="x()">bad</p></html>`,
	})
	_, err := Check(dir, Options{}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "not inert") || !strings.Contains(err.Error(), "a/index.html") {
		t.Fatalf("Check = %v; want the page named as not inert", err)
	}
}
