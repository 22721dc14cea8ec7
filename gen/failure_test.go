package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A failed build must leave the previously published site exactly as it was.
func TestFailedBuildLeavesPublicUnchanged(t *testing.T) {
	dir := newProject(t, "PE-001")
	if code, _, stderr := gen(t, "-C", dir, "build", "-draft"); code != 0 {
		t.Fatalf("first build failed: %s", stderr)
	}
	public := filepath.Join(dir, "public")
	before := treeHash(t, public)

	breakages := []struct {
		name    string
		file    string
		edit    func(string) string
		wantErr string
	}{
		{"invalid data", "data/questions/PE-001.yaml",
			func(s string) string { return strings.Replace(s, "difficulty: advanced", "difficulty: expert", 1) },
			`data/questions/PE-001.yaml:` + lineOf(t, "../data/questions/PE-001.yaml", "difficulty:") + `:13: difficulty: "expert" is not allowed`},
		{"broken template", "layouts/questions/page.html",
			func(s string) string { return strings.Replace(s, "{{ $content }}", "{{ $content", 1) },
			`questions/page.html:`},
		{"failing post-build check", "layouts/_partials/footer.html",
			func(s string) string { return s + `<p style="color:red">inline style</p>` },
			"the built site is not inert"},
		{"failing gates without -draft", "", nil, "quality gates fail"},
	}
	for _, b := range breakages {
		t.Run(b.name, func(t *testing.T) {
			var restore func()
			if b.file != "" {
				restore = edit(t, filepath.Join(dir, b.file), b.edit)
				defer restore()
			}
			args := []string{"-C", dir, "build", "-draft"}
			if b.file == "" {
				args = args[:3]
			}
			code, _, stderr := gen(t, args...)
			if code != 1 {
				t.Fatalf("exit code %d, want 1", code)
			}
			if !strings.Contains(stderr, b.wantErr) {
				t.Fatalf("error output lacks %q:\n%s", b.wantErr, stderr)
			}
			if after := treeHash(t, public); after != before {
				t.Fatal("public/ changed after a failed build")
			}
			if l := leftovers(t, dir); len(l) > 0 {
				t.Fatalf("the failed build left %v behind", l)
			}
		})
	}
}

func TestCheckNamesFileLineAndField(t *testing.T) {
	dir := newProject(t, "PE-001")
	edit(t, filepath.Join(dir, "data/questions/PE-001.yaml"), func(s string) string {
		return strings.Replace(s, "phase: analyze", "phase: analyse", 1)
	})
	code, _, stderr := gen(t, "-C", dir, "check")
	if code != 1 {
		t.Fatalf("exit code %d, want 1", code)
	}
	want := `data/questions/PE-001.yaml:` + lineOf(t, "../data/questions/PE-001.yaml", "phase:") +
		`:8: phase: "analyse" is not allowed; expected one of: measure, analyze, optimize, validate`
	if !strings.Contains(stderr, want) {
		t.Fatalf("want %q in:\n%s", want, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/questions")); err == nil {
		t.Fatal("check wrote generated pages")
	}
}

// edit rewrites a file and returns a function that restores it.
func edit(t testing.TB, file string, change func(string) string) func() {
	t.Helper()
	old, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	updated := change(string(old))
	if updated == string(old) {
		t.Fatalf("edit of %s changed nothing", file)
	}
	if err := os.WriteFile(file, []byte(updated), 0o644); err != nil {
		t.Fatal(err)
	}
	return func() { os.WriteFile(file, old, 0o644) }
}

// lineOf is the 1-based line number of the first line starting with prefix.
func lineOf(t testing.TB, file, prefix string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, prefix) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("%s has no line starting with %q", file, prefix)
	return ""
}

// A published URL may not disappear: renaming a slug fails the build until
// the old slug is kept as an alias, which then redirects.
func TestPublishedURLsNeverDisappear(t *testing.T) {
	dir := newProject(t, "PE-001")
	if code, _, stderr := gen(t, "-C", dir, "build", "-draft"); code != 0 {
		t.Fatal(stderr)
	}
	file := filepath.Join(dir, "data/questions/PE-001.yaml")
	edit(t, file, func(s string) string {
		return strings.Replace(s, "slug: "+exampleSlug, "slug: ecommerce-api-p99-regression", 1)
	})
	code, _, stderr := gen(t, "-C", dir, "build", "-draft")
	if code != 1 || !strings.Contains(stderr, "/q/"+exampleSlug+"/ was published before and is gone") {
		t.Fatalf("renaming a slug without an alias: exit %d\n%s", code, stderr)
	}
	edit(t, file, func(s string) string {
		return strings.Replace(s, "slug: ecommerce-api-p99-regression", "slug: ecommerce-api-p99-regression\naliases: ["+exampleSlug+"]", 1)
	})
	if code, _, stderr := gen(t, "-C", dir, "build", "-draft"); code != 0 {
		t.Fatalf("with the old slug as an alias: exit %d\n%s", code, stderr)
	}
	redirects, _ := os.ReadFile(filepath.Join(dir, "public/_redirects"))
	if !strings.Contains(string(redirects), "/q/"+exampleSlug+"/ /q/ecommerce-api-p99-regression/ 301!") {
		t.Fatalf("_redirects lacks the old slug:\n%s", redirects)
	}
}
