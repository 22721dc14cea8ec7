package main

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// The worked example of the specification, PE-001, built into a whole site.
const exampleSlug = "ecommerce-api-p99-after-traffic-doubled"

func builtSite(t *testing.T) string {
	t.Helper()
	dir := newProject(t, "PE-001")
	// One question cannot pass the quantity and coverage gates: build a draft.
	code, stdout, stderr := gen(t, "-C", dir, "build", "-draft")
	if code != 0 {
		t.Fatalf("build exited %d:\n%s\n%s", code, stdout, stderr)
	}
	return filepath.Join(dir, "public")
}

func page(t *testing.T, public, urlPath string) *goquery.Document {
	t.Helper()
	f, err := os.Open(filepath.Join(public, filepath.FromSlash(urlPath), "index.html"))
	if err != nil {
		t.Fatalf("page %s: %v", urlPath, err)
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestBuildPublishesTheWorkedExample(t *testing.T) {
	public := builtSite(t)
	doc := page(t, public, "/q/"+exampleSlug+"/")

	t.Run("sections in the specification's order", func(t *testing.T) {
		var got []string
		doc.Find(".qbody h2[id]").Each(func(_ int, s *goquery.Selection) { got = append(got, s.AttrOr("id", "")) })
		want := []string{"key-insight", "answer", "practical", "diagram", "metrics", "trade-offs", "alternatives", "risks", "validation", "interviewer"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("sections %v, want %v", got, want)
		}
		for _, step := range []string{"slo", "measure", "bottleneck", "optimize", "validate", "impact"} {
			if doc.Find("#chain-"+step).Length() != 1 {
				t.Errorf("performance chain step %s is missing", step)
			}
		}
	})

	t.Run("references link to anchors that exist", func(t *testing.T) {
		refs := doc.Find("a.ref")
		if refs.Length() < 5 {
			t.Fatalf("only %d reference links", refs.Length())
		}
		refs.Each(func(_ int, a *goquery.Selection) {
			u, err := url.Parse(a.AttrOr("href", ""))
			if err != nil || u.Fragment == "" {
				t.Errorf("reference link %q has no anchor", a.AttrOr("href", ""))
				return
			}
			target := page(t, public, u.Path)
			if target.Find("#"+u.Fragment).Length() != 1 {
				t.Errorf("%s: anchor #%s does not exist on %s", a.Text(), u.Fragment, u.Path)
			}
			if tip := a.Next(); !tip.Is("span.tip[role=tooltip]") || tip.AttrOr("id", "") != a.AttrOr("aria-describedby", "-") {
				t.Errorf("%s has no tooltip it is described by", a.Text())
			}
		})
	})

	t.Run("code is highlighted by class", func(t *testing.T) {
		if doc.Find(".code pre.chroma span[class]").Length() == 0 {
			t.Fatal("practical element is not highlighted with chroma classes")
		}
		if doc.Find("[style]").Length() != 0 {
			t.Fatal("a style attribute made it into the page")
		}
	})

	t.Run("the diagram is drawn at build time and ships no Mermaid", func(t *testing.T) {
		for _, theme := range []string{"light", "dark"} {
			img := doc.Find("figure.diagram img.diagram-" + theme)
			if img.Length() != 1 || img.AttrOr("width", "") == "" || img.AttrOr("height", "") == "" || img.AttrOr("alt", "") == "" {
				t.Fatalf("no sized, described %s image for the diagram", theme)
			}
			if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(img.AttrOr("src", "")))); err != nil {
				t.Errorf("%s diagram file: %v", theme, err)
			}
		}
		for _, p := range []string{"/q/" + exampleSlug + "/", "/", "/glossary/"} {
			if loadsMermaid(page(t, public, p)) {
				t.Errorf("%s loads Mermaid although every diagram is drawn", p)
			}
		}
	})

	t.Run("the id redirects to the question", func(t *testing.T) {
		alias := page(t, public, "/q/pe-001/")
		if !strings.Contains(alias.Find(`meta[http-equiv=refresh]`).AttrOr("content", ""), "/q/"+exampleSlug+"/") {
			t.Fatal("/q/pe-001/ does not redirect to the question")
		}
	})

	t.Run("reference pages give every entry a stable anchor", func(t *testing.T) {
		for _, p := range []struct{ path, anchor string }{{"/glossary/", "g1"}, {"/tools/", "t1"}, {"/literature/", "l1"}, {"/citations/", "a1"}} {
			if page(t, public, p.path).Find("#"+p.anchor).Length() != 1 {
				t.Errorf("%s has no #%s", p.path, p.anchor)
			}
		}
	})

	t.Run("draft builds say so on every page", func(t *testing.T) {
		if doc.Find(".draft-banner").Length() != 1 {
			t.Error("no draft banner on a draft build")
		}
	})
}

func loadsMermaid(doc *goquery.Document) bool {
	found := false
	doc.Find("script[src]").Each(func(_ int, s *goquery.Selection) {
		if strings.Contains(s.AttrOr("src", ""), "mermaid") {
			found = true
		}
	})
	return found
}

// Without a drawn SVG (no cache, no browser) a draft build falls back to
// client-side Mermaid on the pages with a diagram, and only there.
func TestDiagramFallbackWithoutBrowser(t *testing.T) {
	dir := newProject(t, "PE-001")
	os.RemoveAll(filepath.Join(dir, "diagram-cache"))
	t.Setenv("CHROME_PATH", filepath.Join(dir, "no-browser-here"))
	code, _, stderr := gen(t, "-C", dir, "build", "-draft")
	if code != 0 || !strings.Contains(stderr, "fall back to client-side Mermaid") {
		t.Fatalf("draft build exited %d:\n%s", code, stderr)
	}
	public := filepath.Join(dir, "public")
	doc := page(t, public, "/q/"+exampleSlug+"/")
	if !loadsMermaid(doc) || doc.Find("pre.mermaid").Length() != 1 {
		t.Error("the question page does not fall back to client-side Mermaid")
	}
	if loadsMermaid(page(t, public, "/glossary/")) {
		t.Error("a page without a diagram loads Mermaid")
	}
	if _, err := os.Stat(filepath.Join(public, "vendor/mermaid-12.3.0/mermaid.esm.min.mjs")); err != nil {
		t.Errorf("Mermaid is not self-hosted: %v", err)
	}
}

// -public must name a directory inside the project: the staged site is
// published by a rename, which cannot cross filesystems. A path outside is
// refused before anything is built, and says what to give instead.
func TestBuildRefusesAPublicDirOutsideTheProject(t *testing.T) {
	dir := newProject(t, "PE-001")
	for _, public := range []string{filepath.Join(t.TempDir(), "site"), "../site", ""} {
		code, _, stderr := gen(t, "-C", dir, "build", "-draft", "-public", public)
		if code == 0 || !strings.Contains(stderr, "inside the project root") {
			t.Errorf("-public %q: exit %d, stderr:\n%s", public, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "..", "site")); err == nil {
			t.Errorf("-public %q wrote outside the project", public)
		}
	}
}
