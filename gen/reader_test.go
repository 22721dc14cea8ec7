package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/perfhandbook/handbook/gen/browsertest"
	"github.com/perfhandbook/handbook/gen/postbuild"
)

// The reader's site, built once from the real data and shared by the browser
// tests of this file.
var (
	readerOnce   sync.Once
	readerPublic string
	readerErr    string
)

func readerSite(t *testing.T) string {
	t.Helper()
	readerOnce.Do(func() {
		dir, err := os.MkdirTemp("", "reader-site-")
		if err != nil {
			readerErr = err.Error()
			return
		}
		questions, _ := filepath.Glob(filepath.Join(repoRoot, "data/questions/*.yaml"))
		var ids []string
		for _, q := range questions {
			ids = append(ids, strings.TrimSuffix(filepath.Base(q), ".yaml"))
		}
		project := newProjectIn(t, dir, ids...)
		code, _, stderr := gen(t, "-C", project, "build", "-draft")
		if code != 0 {
			readerErr = stderr
			return
		}
		readerPublic = filepath.Join(project, "public")
	})
	if readerErr != "" {
		t.Fatalf("building the reader site failed:\n%s", readerErr)
	}
	return readerPublic
}

// pageTypes are one URL of every kind of page the site has.
var pageTypes = []string{
	"", "questions/", "q/ecommerce-api-p99-after-traffic-doubled/", "clusters/latency-optimization/", "clusters/",
	"matrix/", "glossary/", "tools/", "literature/", "citations/", "gates/", "search/", "difficulty/advanced/",
	"roles/sre/", "clusters/latency-optimization/print/", "no-such-page/",
}

func TestEveryPageTypeLoadsCleanly(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	b := browsertest.New(t)
	for _, p := range pageTypes {
		t.Run("/"+p, func(t *testing.T) {
			tab := b.Tab(t)
			tab.Open(t, base+p)
			if p == "no-such-page/" {
				tab.Allow("404 (Not Found) " + base + p) // the page's own status
			}
			tab.AssertClean(t, base)
		})
	}
}

// axeViolation is what axe-core reports for one rule.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []string `json:"target"`
	} `json:"nodes"`
}

func TestAccessibilityAuditFindsNoViolations(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	axe, err := os.ReadFile(filepath.Join(repoRoot, "node_modules/axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	b := browsertest.New(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range pageTypes {
			t.Run(scheme+" /"+p, func(t *testing.T) {
				tab := b.Tab(t)
				tab.Open(t, base+p)
				if scheme == "dark" {
					browsertest.Eval[bool](t, tab, `document.documentElement.dataset.theme = "dark", true`)
				}
				browsertest.Eval[bool](t, tab, string(axe)+";true")
				raw := browsertest.Eval[string](t, tab, `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`)
				var violations []axeViolation
				if err := json.Unmarshal([]byte(raw), &violations); err != nil {
					t.Fatal(err)
				}
				for _, v := range violations {
					var where []string
					for i, n := range v.Nodes {
						if i == 3 {
							where = append(where, "…")
							break
						}
						where = append(where, strings.Join(n.Target, " "))
					}
					t.Errorf("%s: %s (%s)", v.ID, v.Help, strings.Join(where, "; "))
				}
			})
		}
	}
}

func TestFiltersLiveInTheURL(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	b := browsertest.New(t)
	tab := b.Tab(t)
	tab.Open(t, base+"questions/")
	total := browsertest.Eval[int](t, tab, `document.querySelectorAll(".qitem").length`)

	click := func(name, value string) {
		browsertest.Eval[bool](t, tab, `document.querySelector('input[name="`+name+`"][value="`+value+`"]').click(), true`)
		tab.Settle(t)
	}
	visible := func() []string {
		return browsertest.Eval[[]string](t, tab, `[...document.querySelectorAll(".qitem:not([hidden])")].map(i => i.dataset.difficulty + "/" + i.dataset.dimension)`)
	}
	click("difficulty", "advanced")
	shown := visible()
	if len(shown) == 0 || len(shown) >= total {
		t.Fatalf("advanced filter shows %d of %d", len(shown), total)
	}
	for _, s := range shown {
		if !strings.HasPrefix(s, "advanced/") {
			t.Errorf("non-advanced question shown: %s", s)
		}
	}
	click("dimension", "latency")
	if got := browsertest.Eval[string](t, tab, `location.search`); got != "?difficulty=advanced&dimension=latency" {
		t.Fatalf("URL query = %q", got)
	}
	combined := visible()
	for _, s := range combined {
		if s != "advanced/latency" {
			t.Errorf("combined filter shows %s", s)
		}
	}
	if count := browsertest.Eval[string](t, tab, `document.getElementById("result-count").textContent`); !strings.HasPrefix(count, strings.Repeat("", 0)) || !strings.Contains(count, " of ") {
		t.Errorf("count text %q", count)
	}

	// Back restores the previous filter; a shared URL restores the state.
	browsertest.Eval[bool](t, tab, `history.back(), true`)
	tab.Settle(t)
	if got := browsertest.Eval[string](t, tab, `location.search`); got != "?difficulty=advanced" || len(visible()) != len(shown) {
		t.Fatalf("back: query %q, %d shown, want %d", got, len(visible()), len(shown))
	}
	other := b.Tab(t)
	other.Open(t, base+"questions/?difficulty=advanced&dimension=latency")
	got := browsertest.Eval[[]string](t, other, `[...document.querySelectorAll(".qitem:not([hidden])")].map(i => i.dataset.difficulty + "/" + i.dataset.dimension)`)
	if len(got) != len(combined) {
		t.Fatalf("shared URL shows %d, want %d", len(got), len(combined))
	}
	if !browsertest.Eval[bool](t, other, `document.querySelector('input[name="dimension"][value="latency"]').checked`) {
		t.Error("shared URL did not tick the dimension filter")
	}
}

func TestHostileFilterQueryIsInert(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	tab := browsertest.New(t).Tab(t)
	tab.Open(t, base+`questions/?difficulty=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&role=%22%3E%3Cscript%3Ealert(2)%3C/script%3E`)
	if browsertest.Eval[bool](t, tab, `document.body.innerHTML.includes("onerror") || document.body.innerHTML.includes("alert(")`) {
		t.Error("the query's markup reached the page")
	}
	if n := browsertest.Eval[int](t, tab, `document.querySelectorAll(".qitem:not([hidden])").length`); n == 0 {
		t.Error("unknown filter values hid every question")
	}
	tab.AssertClean(t, base)
}

func TestMatrixCellLeadsToItsQuestions(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	tab := browsertest.New(t).Tab(t)
	tab.Open(t, base+"matrix/")
	if n := browsertest.Eval[int](t, tab, `document.querySelectorAll(".matrix td").length`); n != 16 {
		t.Fatalf("matrix has %d cells", n)
	}
	// Follow the first cell with several questions: it opens the filtered list.
	href := browsertest.Eval[string](t, tab, `[...document.querySelectorAll(".matrix td a")].find(a => a.href.includes("?")).href`)
	want := browsertest.Eval[int](t, tab, `+[...document.querySelectorAll(".matrix td a")].find(a => a.href.includes("?")).querySelector(".cell-count").textContent`)
	tab.Open(t, href)
	if got := browsertest.Eval[int](t, tab, `document.querySelectorAll(".qitem:not([hidden])").length`); got != want {
		t.Fatalf("%s shows %d questions, the cell says %d", href, got, want)
	}
}

func TestDiagramsAreDrawnImagesThatLoad(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	tab := browsertest.New(t).Tab(t)
	shown := func(theme string) bool {
		return browsertest.Eval[bool](t, tab, `(async () => { const img = document.querySelector("figure.diagram img.diagram-`+theme+`");
		  if (getComputedStyle(img).display === "none") return false;
		  img.loading = "eager"; await img.decode(); return img.naturalWidth > 0; })()`)
	}
	expect := func(when, theme string) {
		other := map[string]string{"light": "dark", "dark": "light"}[theme]
		if !shown(theme) || shown(other) {
			t.Errorf("%s: want only the %s diagram shown (light %v, dark %v)", when, theme, shown("light"), shown("dark"))
		}
	}
	for _, system := range []string{"light", "dark"} {
		tab.ColorScheme(t, system)
		tab.Open(t, base+"q/ecommerce-api-p99-after-traffic-doubled/")
		expect("system "+system, system)
		browsertest.Eval[bool](t, tab, `document.querySelector(".theme-toggle").click(), true`)
		expect("system "+system+" after the toggle", map[string]string{"light": "dark", "dark": "light"}[system])
		browsertest.Eval[bool](t, tab, `localStorage.clear(), true`)
	}
}

func TestGlossaryTermShowsItsDefinitionOnHoverAndFocus(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	tab := browsertest.New(t).Tab(t)
	tab.Open(t, base+"q/ecommerce-api-p99-after-traffic-doubled/")
	const tip = `getComputedStyle(document.querySelector("a.term").nextElementSibling).display`
	if got := browsertest.Eval[string](t, tab, tip); got != "none" {
		t.Fatalf("tooltip visible before hover: %s", got)
	}
	browsertest.Eval[bool](t, tab, `document.querySelector("a.term").focus(), true`)
	if got := browsertest.Eval[string](t, tab, tip); got == "none" {
		t.Fatal("keyboard focus does not show the definition")
	}
	text := browsertest.Eval[string](t, tab, `document.querySelector("a.term").nextElementSibling.textContent`)
	if len(text) < 20 {
		t.Fatalf("tooltip text %q", text)
	}
	tab.Hover(t, "a.term")
	if got := browsertest.Eval[string](t, tab, tip); got == "none" {
		t.Fatal("hover does not show the definition")
	}
}

func TestSearchFindsAQuestion(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	tab := browsertest.New(t).Tab(t)
	tab.Open(t, base+"search/")
	if n := browsertest.Eval[int](t, tab, `performance.getEntriesByType("resource").filter(r => r.name.includes("/pagefind/")).length`); n != 0 {
		t.Fatalf("the search page loaded %d Pagefind files before any query", n)
	}
	tab.Open(t, base+"search/?q=hedged+requests")
	first := browsertest.Eval[string](t, tab, `new Promise(done => { const poll = () => {
	  const r = document.querySelector(".search-result"); r ? done(r.textContent) : setTimeout(poll, 50); }; poll(); })`)
	if !strings.Contains(first, "PE-004") || !strings.Contains(first, "Latency Optimization") || !strings.Contains(first, "Advanced") {
		t.Fatalf("first result %q; want PE-004 with its cluster and difficulty", first)
	}
	// Everything the first query fetched (Pagefind's script, WebAssembly, index chunks and the
	// results' fragments), as transferred: the budget is 150 KB.
	bytes := browsertest.Eval[int](t, tab, `performance.getEntriesByType("resource").filter(r => r.name.includes("/pagefind/")).reduce((n, r) => n + r.transferSize, 0)`)
	t.Logf("first query fetched %.1f KB of search files", float64(bytes)/1000)
	if bytes == 0 || bytes > 150_000 {
		t.Errorf("the first query fetched %d bytes of search files; the budget is 150 KB", bytes)
	}
	tab.AssertClean(t, base)
}

func TestInterviewAndPracticeModes(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	b := browsertest.New(t)
	tab := b.Tab(t)
	tab.Open(t, base+"q/ecommerce-api-p99-after-traffic-doubled/")
	press := func(label string) {
		browsertest.Eval[bool](t, tab, `[...document.querySelectorAll(".qtools button")].find(b => b.textContent === "`+label+`").click(), true`)
	}
	hiddenBodies := `[...document.querySelectorAll(".section-body")].filter(s => s.hidden).length`
	if n := browsertest.Eval[int](t, tab, hiddenBodies); n != 0 {
		t.Fatalf("%d sections hidden before asking", n)
	}
	press("Hide answers")
	sections := browsertest.Eval[int](t, tab, `document.querySelectorAll(".section-body").length`)
	if n := browsertest.Eval[int](t, tab, hiddenBodies); n != sections || sections < 8 {
		t.Fatalf("%d of %d sections hidden", n, sections)
	}
	browsertest.Eval[bool](t, tab, `document.querySelector("#trade-offs").parentElement.querySelector(".reveal").click(), true`)
	if browsertest.Eval[bool](t, tab, `document.querySelector("#trade-offs-body").hidden`) || browsertest.Eval[int](t, tab, hiddenBodies) != sections-1 {
		t.Fatal("revealing one section did not show exactly that section")
	}
	press("Practised")
	// The choice to hide answers carries over to the next question; the mark shows in lists.
	tab.Open(t, base+"q/"+slugOf(t, "PE-002")+"/")
	if n := browsertest.Eval[int](t, tab, hiddenBodies); n == 0 {
		t.Error("hiding answers did not carry over to another question")
	}
	tab.Open(t, base+"questions/")
	if !browsertest.Eval[bool](t, tab, `document.getElementById("pe-001").textContent.includes("practised")`) {
		t.Error("the list does not mark PE-001 practised")
	}
	tab.AssertClean(t, base)
}

func TestPrintAndSmallScreens(t *testing.T) {
	base := browsertest.Serve(t, readerSite(t), filepath.Join(repoRoot, "netlify.toml"))
	b := browsertest.New(t)
	for _, p := range pageTypes {
		tab := b.Tab(t)
		tab.Width(t, 360)
		tab.Open(t, base+p)
		if w := browsertest.Eval[int](t, tab, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("/%s is %d px wide at a 360 px viewport", p, w)
		}
	}
	tab := b.Tab(t)
	tab.Open(t, base+"q/ecommerce-api-p99-after-traffic-doubled/")
	tab.Media(t, "print")
	for sel, want := range map[string]string{".site-header": "none", ".prev-next": "none", ".qtools": "none", "img.diagram-light": "block"} {
		if got := browsertest.Eval[string](t, tab, `getComputedStyle(document.querySelector("`+sel+`")).display`); got != want {
			t.Errorf("print: %s display %s, want %s", sel, got, want)
		}
	}
}

func TestEveryInternalLinkAndAnchorResolves(t *testing.T) {
	s, err := postbuild.Read(readerSite(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Pages) < 60 {
		t.Fatalf("only %d pages", len(s.Pages))
	}
	for _, broken := range s.BrokenLinks("") {
		t.Error(broken)
	}
}
