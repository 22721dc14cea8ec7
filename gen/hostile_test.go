package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/perfhandbook/handbook/gen/browsertest"
)

// hostileCase is one file of testdata/hostile: data written to attack the
// site or its readers. It is either refused by validation at a named file,
// line and field (want), or built and then shown in Chromium as plain text
// (opens), with nothing run, opened or fetched.
type hostileCase struct {
	name  string
	files []txtar.File
	want  *wantedProblem
	opens []shownText
}

type wantedProblem struct {
	file, field, msg string
	line             int
}

// shownText is a page of the built site and text it must show literally.
type shownText struct{ path, text string }

func hostileCases(t *testing.T) []hostileCase {
	t.Helper()
	names, _ := filepath.Glob("testdata/hostile/*.txtar")
	if len(names) < 25 {
		t.Fatalf("the hostile corpus has %d cases; keep at least 25", len(names))
	}
	var cases []hostileCase
	for _, name := range names {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		c := hostileCase{name: strings.TrimSuffix(filepath.Base(name), ".txtar"), files: ar.Files}
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			c.header(t, line)
		}
		if (c.want == nil) == (len(c.opens) == 0) {
			t.Fatalf("%s: a case is either refused (want-…) or inert (open: …)", name)
		}
		cases = append(cases, c)
	}
	return cases
}

func (c *hostileCase) header(t *testing.T, line string) {
	key, val, ok := strings.Cut(line, ": ")
	if !ok {
		return
	}
	if strings.HasPrefix(key, "want-") && c.want == nil {
		c.want = &wantedProblem{}
	}
	switch key {
	case "want-file":
		c.want.file = val
	case "want-line":
		c.want.line, _ = strconv.Atoi(val)
	case "want-field":
		c.want.field, _ = strconv.Unquote(val)
	case "want-msg":
		c.want.msg = val
	case "open":
		path, text, _ := strings.Cut(val, " | ")
		c.opens = append(c.opens, shownText{path, text})
	}
}

// dataProject is a project with the site's sources and, for data, the
// small valid handbook of validate's tests with the case's files laid over it.
func dataProject(t *testing.T, files []txtar.File) string {
	t.Helper()
	dir := newProject(t)
	os.RemoveAll(filepath.Join(dir, "data"))
	base, err := txtar.ParseFile("validate/testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(base.Files, files...) {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Hostile data is refused with an error a maintainer can act on: the file,
// line and field, and what is wrong.
func TestHostileDataIsRefused(t *testing.T) {
	for _, c := range hostileCases(t) {
		if c.want == nil {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			dir := dataProject(t, c.files)
			code, _, stderr := gen(t, "-C", dir, "check", "-draft")
			if code != 1 {
				t.Fatalf("gen check exited %d; the data must be refused:\n%s", code, stderr)
			}
			prefix := fmt.Sprintf("%s:%d:", c.want.file, c.want.line)
			for _, l := range strings.Split(stderr, "\n") {
				if strings.HasPrefix(l, prefix) && strings.Contains(l, ": "+c.want.field+": ") && strings.Contains(l, c.want.msg) {
					return
				}
			}
			t.Fatalf("no error at %s%s: %s\n%s", prefix, c.want.field, c.want.msg, stderr)
		})
	}
}

// Hostile data that validation lets through is built, and each page that
// shows it is opened in Chromium twice: under the production headers (no
// CSP violation, console error, dialog or off-site request) and with no
// headers at all, to prove that escaping, not only the CSP, keeps it inert.
func TestHostileDataStaysInert(t *testing.T) {
	browser := browsertest.New(t)
	noHeaders := filepath.Join(t.TempDir(), "netlify.toml")
	os.WriteFile(noHeaders, nil, 0o644)
	for _, c := range hostileCases(t) {
		if c.want != nil {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			dir := dataProject(t, c.files)
			if code, stdout, stderr := gen(t, "-C", dir, "build", "-draft"); code != 0 {
				t.Fatalf("build exited %d:\n%s\n%s", code, stdout, stderr)
			}
			public := filepath.Join(dir, "public")
			for _, headers := range []string{filepath.Join(dir, "netlify.toml"), noHeaders} {
				base := browsertest.Serve(t, public, headers)
				for _, o := range c.opens {
					assertInert(t, browser, base, o)
				}
			}
		})
	}
}

// inertChecks looks for what the corpus's payloads would leave behind had
// any of them worked: the sentinel window.__pwned their scripts set, and
// elements carrying event handlers; and checks the text is shown as text.
const inertChecks = `(() => {
  const handlers = [...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on")));
  return { ran: typeof window.__pwned !== "undefined", handlers: handlers.map(e => e.outerHTML.slice(0, 80)),
           shown: document.body.textContent.includes(%s) };
})()`

func assertInert(t *testing.T, browser *browsertest.Browser, base string, o shownText) {
	t.Helper()
	tab := browser.Tab(t)
	tab.Open(t, base+strings.TrimPrefix(o.path, "/"))
	text, _ := json.Marshal(o.text)
	got := browsertest.Eval[struct {
		Ran      bool     `json:"ran"`
		Handlers []string `json:"handlers"`
		Shown    bool     `json:"shown"`
	}](t, tab, fmt.Sprintf(inertChecks, text))
	if got.Ran {
		t.Errorf("%s: a script from the data ran", o.path)
	}
	if len(got.Handlers) > 0 {
		t.Errorf("%s: elements with event handlers: %q", o.path, got.Handlers)
	}
	if !got.Shown {
		t.Errorf("%s does not show %q as text", o.path, o.text)
	}
	tab.AssertClean(t, base)
}
