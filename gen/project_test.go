package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/bench"
	"github.com/perfhandbook/handbook/gen/external"
)

// repoRoot is the repository, seen from this package's directory.
const repoRoot = ".."

func TestMain(m *testing.M) {
	// The site mounts Mermaid from node_modules; install it once, as a build would.
	if err := external.NodeModules(repoRoot, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	for _, d := range sharedDirs {
		os.RemoveAll(d)
	}
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// siteSources are the hand-written parts of the project a build needs.
var siteSources = []string{"config.toml", "netlify.toml", "package.json", "package-lock.json", "layouts", "assets", "static", "content", "data/handbook.yaml", "data/references", "data/interview", "diagram-cache"}

// newProject copies the site sources and the named questions of the
// repository into a temporary project and returns its root.
func newProject(t testing.TB, questions ...string) string {
	t.Helper()
	dir := newProjectIn(t, t.TempDir(), questions...)
	sharedDirs = sharedDirs[:len(sharedDirs)-1] // t.TempDir cleans up itself
	return dir
}

// copyTree copies a file or directory, skipping the generator's own subtrees.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, path)
		if d.IsDir() && isGenerated(filepath.ToSlash(rel)) {
			return filepath.SkipDir
		}
		target := filepath.Join(dst, strings.TrimPrefix(path, src))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// gen runs the command line as a user would and returns its exit code and output.
func gen(t testing.TB, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// treeHash fingerprints every file (path and content) under dir.
func treeHash(t testing.TB, dir string) string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, path)
		}
		return nil
	})
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, n)
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// newProjectIn is newProject in a directory the caller owns (for a site
// shared by several tests, which outlives any one test's TempDir).
func newProjectIn(t testing.TB, dir string, questions ...string) string {
	t.Helper()
	for _, src := range siteSources {
		copyTree(t, filepath.Join(repoRoot, src), filepath.Join(dir, src))
	}
	for _, id := range questions {
		copyTree(t, filepath.Join(repoRoot, "data/questions", id+".yaml"), filepath.Join(dir, "data/questions", id+".yaml"))
	}
	linkOnlyPresentQuestions(t, dir, questions)
	abs, _ := filepath.Abs(filepath.Join(repoRoot, "node_modules"))
	if err := os.Symlink(abs, filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	sharedDirs = append(sharedDirs, dir)
	return dir
}

// sharedDirs are removed after all tests ran.
var sharedDirs []string

// slugOf reads a question's slug from its data file.
func slugOf(t testing.TB, id string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "data/questions", id+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		if s, ok := strings.CutPrefix(l, "slug: "); ok {
			return strings.TrimSpace(s)
		}
	}
	t.Fatalf("%s has no slug", id)
	return ""
}

// linkOnlyPresentQuestions drops the interview bank's links to questions a
// test project does not have: the real bank links the whole handbook, and
// validation rightly refuses a link to a missing question.
func linkOnlyPresentQuestions(t testing.TB, dir string, present []string) {
	t.Helper()
	ids := map[string]string{}
	for _, id := range present {
		ids[id] = id
	}
	if err := bench.RelinkBank(filepath.Join(dir, "data/interview/bank.yaml"), ids); err != nil {
		t.Fatal(err)
	}
}
