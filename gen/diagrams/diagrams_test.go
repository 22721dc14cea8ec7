package diagrams

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const repo = "../.."

func TestDrawsPureAccessibleSVGInBothThemes(t *testing.T) {
	root := t.TempDir()
	os.Symlink(mustAbs(t, filepath.Join(repo, "node_modules")), filepath.Join(root, "node_modules"))
	d := Diagram{Source: "sequenceDiagram\n  participant C as Client\n  participant A as API\n  C->>A: GET /products/1\n  A-->>C: 200 OK", Title: "Request flow", Description: "The client asks the API & gets an answer.", Where: "test"}
	drawn, err := Ensure([]Diagram{d}, Options{Root: root, Render: true})
	if err != nil {
		t.Fatal(err)
	}
	got := drawn[d.Source]
	if got.Width == 0 || got.Height == 0 || len(got.Files) != 2 {
		t.Fatalf("drawn = %+v", got)
	}
	for site, f := range got.Files {
		svg, _ := os.ReadFile(filepath.Join(root, CacheDir, f))
		s := string(svg)
		for _, want := range []string{`role="img"`, "<title id=", "Request flow</title>", "gets an answer.</desc>", `width="`, "GET /products/1"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s SVG lacks %q", site, want)
			}
		}
		if strings.Contains(s, "foreignObject") || strings.Contains(s, "<script") {
			t.Errorf("%s SVG is not pure SVG", site)
		}
	}
	if got.Files["light"] == got.Files["dark"] {
		t.Error("light and dark share a file")
	}
	// A second run reuses the cache without a browser.
	again, err := Ensure([]Diagram{d}, Options{Root: root, Render: false})
	if err != nil || again[d.Source].Files["dark"] != got.Files["dark"] {
		t.Fatalf("cache not reused: %v %+v", err, again)
	}
}

func TestMermaidSyntaxErrorNamesTheDiagram(t *testing.T) {
	root := t.TempDir()
	os.Symlink(mustAbs(t, filepath.Join(repo, "node_modules")), filepath.Join(root, "node_modules"))
	d := Diagram{Source: "sequenceDiagram\n  A->>: missing target", Title: "Broken", Description: "x", Where: "data/questions/PE-900.yaml: diagrams[0]"}
	_, err := Ensure([]Diagram{d}, Options{Root: root, Render: true})
	if err == nil || !strings.Contains(err.Error(), "PE-900.yaml: diagrams[0]") {
		t.Fatalf("want an error naming the diagram, got %v", err)
	}
}

func TestMissingWithoutBrowserIsReported(t *testing.T) {
	root := t.TempDir()
	os.Symlink(mustAbs(t, filepath.Join(repo, "node_modules")), filepath.Join(root, "node_modules"))
	_, err := Ensure([]Diagram{{Source: "flowchart LR\n A-->B", Where: "here"}}, Options{Root: root, Render: false})
	var missing *ErrMissing
	if err == nil || !errorsAs(err, &missing) || len(missing.Diagrams) != 1 {
		t.Fatalf("want ErrMissing, got %v", err)
	}
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func errorsAs(err error, target **ErrMissing) bool {
	e, ok := err.(*ErrMissing)
	if ok {
		*target = e
	}
	return ok
}
