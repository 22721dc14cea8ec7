package inert

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var want = regexp.MustCompile(`<!-- want: (.*) -->`)

// Every file in testdata/bad carries one thing a page or image must not,
// named in its first line; Check must report it.
func TestBadFilesAreReported(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*")
	if len(files) < 10 {
		t.Fatalf("only %d bad cases", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m := want.FindSubmatch(b)
			if m == nil {
				t.Fatal("case has no <!-- want: … --> line")
			}
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
			err = Check(dir)
			if err == nil || !strings.Contains(err.Error(), string(m[1])) || !strings.Contains(err.Error(), filepath.Base(f)+": ") {
				t.Fatalf("want a problem %q in %s, got %v", m[1], filepath.Base(f), err)
			}
		})
	}
}

// What the site's pages and Mermaid's images legitimately contain passes:
// module scripts from the site, links out, redirects, JSON-LD, and, in SVG
// images only, styles.
func TestGoodFilesPass(t *testing.T) {
	if err := Check("testdata/good"); err != nil {
		t.Fatal(err)
	}
}

func TestReportIsBounded(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "many.html"), []byte(strings.Repeat(`<p onclick="x">`, 100)), 0o644)
	err := Check(dir)
	if err == nil || !strings.Contains(err.Error(), "(100 problem(s))") || !strings.Contains(err.Error(), "… and 80 more") {
		t.Fatalf("got %v", err)
	}
}
