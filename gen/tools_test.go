package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/perfhandbook/handbook/gen/browsertest"
	"github.com/perfhandbook/handbook/gen/loop"
	"github.com/perfhandbook/handbook/gen/validate"
)

// fixtureQuestion is a copy of PE-001 under another id, for a handbook with
// enough questions to build loops from.
type fixtureQuestion struct {
	id, cluster, difficulty, dimension, roles string
	minutes                                   int
}

var fixtureQuestions = []fixtureQuestion{
	{"PE-101", "throughput-scaling", "foundational", "throughput", "[sre, devops]", 15},
	{"PE-102", "database-performance", "intermediate", "scalability", "[sre, architect]", 20},
	{"PE-103", "caching-strategies", "intermediate", "resources", "[sre]", 15},
	{"PE-104", "monitoring-slos", "advanced", "latency", "[engineering-manager, sre]", 20},
	{"PE-105", "load-testing-capacity-planning", "foundational", "resources", "[architect]", 10},
}

// addFixtureQuestions writes the fixture questions into a project.
func addFixtureQuestions(t *testing.T, dir string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, "data/questions/PE-001.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtureQuestions {
		s := string(src)
		for _, r := range []struct{ re, to string }{
			{`(?m)^id: .*$`, "id: " + f.id},
			{`(?m)^slug: .*$`, "slug: fixture-" + strings.ToLower(f.id)},
			{`(?m)^title: >-\n  `, "title: >-\n  Fixture " + f.id + ": "},
			{`(?m)^cluster: .*$`, "cluster: " + f.cluster},
			{`(?m)^difficulty: .*$`, "difficulty: " + f.difficulty},
			{`(?m)^dimension: .*$`, "dimension: " + f.dimension},
			{`(?m)^roles: .*$`, "roles: " + f.roles},
			{`(?m)^duration_minutes: .*$`, fmt.Sprintf("duration_minutes: %d", f.minutes)},
		} {
			re := regexp.MustCompile(r.re)
			if !re.MatchString(s) {
				t.Fatalf("PE-001.yaml no longer has %s; update the fixture", r.re)
			}
			s = re.ReplaceAllString(s, r.to)
		}
		if err := os.WriteFile(filepath.Join(dir, "data/questions", f.id+".yaml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestInterviewTools builds a handbook of six questions once and uses the
// loop builder and the requirements interview as readers would, in Chromium.
func TestInterviewTools(t *testing.T) {
	dir := newProject(t, "PE-001")
	addFixtureQuestions(t, dir)
	if code, stdout, stderr := gen(t, "-C", dir, "build", "-draft"); code != 0 {
		t.Fatalf("build exited %d:\n%s\n%s", code, stdout, stderr)
	}
	public := filepath.Join(dir, "public")
	base := browsertest.Serve(t, public, filepath.Join(dir, "netlify.toml"))

	t.Run("exports validate against their schemas", func(t *testing.T) { testExports(t, public) })
	t.Run("pages work without JavaScript", func(t *testing.T) { testWithoutJavaScript(t, public, base) })
	t.Run("JavaScript budget per page type", func(t *testing.T) { testScriptBudget(t, public) })
	t.Run("new pages load clean", func(t *testing.T) { testPagesLoadClean(t, base) })
	t.Run("build, share, reopen and print a loop", func(t *testing.T) { testLoop(t, base) })
	t.Run("presets come from the data", func(t *testing.T) { testPresets(t, dir, base) })
	t.Run("hostile loop URLs are ignored safely", func(t *testing.T) { testHostileLoopURL(t, base) })
	t.Run("complete an interview and download its summary", func(t *testing.T) { testInterview(t, base) })
}

func testExports(t *testing.T, public string) {
	for file, schema := range map[string]string{
		"questions.json":      "questions.export.schema.json",
		"interview-bank.json": "interview-bank.export.schema.json",
	} {
		sch, err := jsonschema.NewCompiler().Compile(filepath.Join(repoRoot, "schema", schema))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(public, "exports", file))
		if err != nil {
			t.Fatalf("the site does not publish /exports/%s: %v", file, err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("/exports/%s does not validate against schema/%s:\n%v", file, schema, err)
		}
	}
	var qs struct {
		Questions []struct{ ID string } `json:"questions"`
	}
	b, _ := os.ReadFile(filepath.Join(public, "exports/questions.json"))
	json.Unmarshal(b, &qs)
	if len(qs.Questions) != 1+len(fixtureQuestions) {
		t.Errorf("questions.json holds %d questions, want %d", len(qs.Questions), 1+len(fixtureQuestions))
	}
}

// testWithoutJavaScript reads the pages as a browser without JavaScript
// shows them: they explain the tool and link to the questions.
func testWithoutJavaScript(t *testing.T, public, base string) {
	tab := browsertest.New(t).Tab(t)
	tab.DisableJavaScript(t)
	for _, p := range []string{"loop/", "interview/"} {
		tab.Navigate(t, base+p)
		visible := browsertest.Eval[string](t, tab, `document.querySelector("main").innerText`)
		if !strings.Contains(visible, "JavaScript") {
			t.Errorf("/%s does not say what it needs JavaScript for:\n%s", p, visible)
		}
		if !browsertest.Eval[bool](t, tab, `[...document.querySelectorAll("[data-nojs] a")].some(a => a.pathname === "/questions/" && a.offsetParent)`) {
			t.Errorf("/%s shows no link to the question list without JavaScript", p)
		}
		if !browsertest.Eval[bool](t, tab, `document.querySelectorAll("#loop-builder:not([hidden]), #round-nav:not([hidden])").length === 0`) {
			t.Errorf("/%s: scripts ran although JavaScript is disabled; the test sees nothing", p)
		}
	}
	// The interview reads as a complete questionnaire: every question of the bank, with its tiers.
	doc := page(t, public, "/interview/")
	var bank struct {
		Bank struct {
			Rounds []struct{ Questions []struct{ ID string } }
		}
	}
	b, _ := os.ReadFile(filepath.Join(public, "exports/interview-bank.json"))
	json.Unmarshal(b, &bank)
	n := 0
	for _, r := range bank.Bank.Rounds {
		n += len(r.Questions)
	}
	if got := doc.Find("fieldset.iq").Length(); got != n || n == 0 {
		t.Errorf("the questionnaire shows %d questions, the bank has %d", got, n)
	}
	if got := doc.Find(`fieldset[data-question="latency"] input[type=radio]`).Length(); got != 4 {
		t.Errorf("the latency question offers %d tiers, want 4", got)
	}
	for _, p := range []string{"/interview/", "/loop/"} {
		assertLabelled(t, p, page(t, public, p))
	}
}

// assertLabelled checks that every form control has a label.
func assertLabelled(t *testing.T, path string, doc *goquery.Document) {
	doc.Find("input, select, textarea").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		if s.ParentsFiltered("label").Length() > 0 || (id != "" && doc.Find(`label[for="`+id+`"]`).Length() == 1) {
			return
		}
		html, _ := goquery.OuterHtml(s)
		t.Errorf("%s: %s has no label", path, html)
	})
}

// testScriptBudget keeps each page type's JavaScript within 30 KB gzip.
func testScriptBudget(t *testing.T, public string) {
	const budget = 30 << 10
	for _, p := range []string{"/loop/", "/interview/", "/questions/", "/q/fixture-pe-101/"} {
		total := 0
		page(t, public, p).Find("script[src]").Each(func(_ int, s *goquery.Selection) {
			b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(s.AttrOr("src", ""))))
			if err != nil {
				t.Fatal(err)
			}
			total += gzipSize(t, b)
		})
		if total == 0 || total > budget {
			t.Errorf("%s loads %d bytes of JavaScript (gzip); the budget is %d", p, total, budget)
		}
	}
}

func gzipSize(t *testing.T, b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

func testPagesLoadClean(t *testing.T, base string) {
	tab := browsertest.New(t).Tab(t)
	for _, p := range []struct{ path, ready string }{
		{"loop/", `!document.getElementById("loop-builder").hidden`},
		{"interview/", `!document.getElementById("round-nav").hidden`},
		{"questions/", `document.querySelectorAll(".qitem .loop-toggle").length === 6`},
		{"q/fixture-pe-101/", `document.querySelector("[data-qtools] .loop-toggle")`},
	} {
		tab.Open(t, base+p.path)
		browsertest.WaitFor(t, tab, p.ready)
		if n := browsertest.Eval[int](t, tab, `[...document.querySelectorAll("[data-nojs]")].filter(n => !n.hidden).length`); n != 0 {
			t.Errorf("%s: the no-JavaScript note still shows", p.path)
		}
	}
	tab.AssertClean(t, base)
}

// loopIDs reads the loop builder's list.
func loopIDs(t *testing.T, tab *browsertest.Tab) []string {
	return browsertest.Eval[[]string](t, tab, `[...document.querySelectorAll("#loop-list > li")].map(li => li.dataset.id)`)
}

func click(t *testing.T, tab *browsertest.Tab, selector string) {
	t.Helper()
	browsertest.WaitFor(t, tab, fmt.Sprintf(`document.querySelector(%q)`, selector))
	tab.Click(t, selector)
}

func testLoop(t *testing.T, base string) {
	first := browsertest.New(t).Tab(t)

	// An SRE's four questions, added from the question list and one question page.
	first.Open(t, base+"questions/")
	browsertest.WaitFor(t, first, `document.querySelector(".loop-status")`)
	for _, id := range []string{"pe-001", "pe-101", "pe-102"} {
		click(t, first, "#"+id+" .loop-toggle")
	}
	if s := browsertest.Eval[string](t, first, `document.querySelector(".loop-status").textContent`); !strings.Contains(s, "3 questions") {
		t.Errorf("list status after three additions: %q", s)
	}
	first.Open(t, base+"q/fixture-pe-103/")
	click(t, first, "[data-qtools] .loop-toggle")
	if label := browsertest.Eval[string](t, first, `document.querySelector("[data-qtools] .loop-toggle").textContent`); label != "Remove from loop" {
		t.Errorf("after adding, the question page's button says %q", label)
	}
	first.Open(t, browsertest.Eval[string](t, first, `document.querySelector(".loop-status a").href`))
	browsertest.WaitFor(t, first, `document.querySelectorAll("#loop-list > li").length === 4`)
	if got := loopIDs(t, first); !slices.Equal(got, []string{"PE-001", "PE-101", "PE-102", "PE-103"}) {
		t.Fatalf("loop %v, want the four questions in the order they were added", got)
	}
	assertTotal(t, first, "4 questions · 75 minutes in total")

	// Reorder with the keyboard-reachable buttons, remove one, add one back, name it.
	click(t, first, `button[aria-label="Move PE-103 up"]`)
	if focused := browsertest.Eval[string](t, first, `document.activeElement.getAttribute("aria-label")`); focused != "Move PE-103 up" {
		t.Errorf("focus after moving is on %q, want the same button", focused)
	}
	click(t, first, `button[aria-label="Remove PE-001 from the loop"]`)
	assertTotal(t, first, "3 questions · 50 minutes in total")
	browsertest.Eval[bool](t, first, `(() => { const s = document.getElementById("loop-add-select"); s.value = "PE-001"; return true })()`)
	click(t, first, "#loop-add")
	first.SendKeys(t, "#loop-title", "SRE onsite & more")
	want := []string{"PE-101", "PE-103", "PE-102", "PE-001"}
	if got := loopIDs(t, first); !slices.Equal(got, want) {
		t.Fatalf("loop after editing %v, want %v", got, want)
	}
	assertTotal(t, first, "4 questions · 75 minutes in total")
	shared := browsertest.Eval[string](t, first, `document.getElementById("loop-url").value`)
	if shared != browsertest.Eval[string](t, first, "location.href") || !strings.Contains(shared, "q=pe-101,pe-103,pe-102,pe-001") {
		t.Fatalf("shared link %q does not hold the loop", shared)
	}
	first.AssertClean(t, base)

	// A second browser with its own profile opens the link: same loop, from the URL alone.
	second := browsertest.New(t).Tab(t)
	second.Open(t, shared)
	browsertest.WaitFor(t, second, `document.querySelectorAll("#loop-list > li").length === 4`)
	if got := loopIDs(t, second); !slices.Equal(got, want) {
		t.Errorf("reopened loop %v, want %v", got, want)
	}
	if title := browsertest.Eval[string](t, second, `document.getElementById("loop-title").value`); title != "SRE onsite & more" {
		t.Errorf("reopened title %q", title)
	}
	assertTotal(t, second, "4 questions · 75 minutes in total")
	testPrint(t, second, want)
	second.AssertClean(t, base)
}

func assertTotal(t *testing.T, tab *browsertest.Tab, want string) {
	t.Helper()
	if got := browsertest.Eval[string](t, tab, `document.getElementById("loop-total").textContent`); got != want {
		t.Errorf("total %q, want %q", got, want)
	}
	if live := browsertest.Eval[string](t, tab, `document.getElementById("loop-total").getAttribute("aria-live")`); live != "polite" {
		t.Errorf("the total is not announced (aria-live=%q)", live)
	}
}

// testPrint checks what the print stylesheet prints: the packet only, with
// every question's interviewer notes and a scoring sheet.
func testPrint(t *testing.T, tab *browsertest.Tab, ids []string) {
	displayed := func(sel string) bool {
		return browsertest.Eval[bool](t, tab, fmt.Sprintf(`getComputedStyle(document.querySelector(%q)).display !== "none"`, sel))
	}
	if displayed("#packet") {
		t.Error("the packet shows on screen before printing")
	}
	tab.EmulateMedia(t, "print")
	defer tab.EmulateMedia(t, "")
	for sel, want := range map[string]bool{"#packet": true, "#loop-builder": false, ".site-header": false, ".loop-page > h1": false} {
		if displayed(sel) != want {
			t.Errorf("printed: %s displayed = %v, want %v", sel, !want, want)
		}
	}
	packet := browsertest.Eval[string](t, tab, `document.getElementById("packet").innerText`)
	for i, id := range ids {
		for _, want := range []string{fmt.Sprintf("%d. %s — ", i+1, id), "Key points", "Rubric", "Follow-up questions", "Common mistakes",
			"Starts from the SLO", "Averaging per-instance p99 values"} {
			if !strings.Contains(packet, want) {
				t.Errorf("the printed packet lacks %q", want)
			}
		}
	}
	if rows := browsertest.Eval[int](t, tab, `document.querySelectorAll("#packet .scoring-table tbody tr").length`); rows != len(ids) {
		t.Errorf("scoring sheet has %d rows, want %d", rows, len(ids))
	}
	if pdf := tab.PrintToPDF(t); !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Error("printing did not produce a PDF")
	}
}

func testPresets(t *testing.T, dir, base string) {
	h, _, problems := validate.Load(projectFs(dir), "data")
	if len(problems.Errors()) > 0 {
		t.Fatal(problems)
	}
	presets := loop.Presets(h.Questions)
	tab := browsertest.New(t).Tab(t)
	tab.Open(t, base+"loop/")
	browsertest.WaitFor(t, tab, `!document.getElementById("loop-builder").hidden`)
	if n := browsertest.Eval[int](t, tab, `document.querySelectorAll("a.preset").length`); n != len(presets) || n < 6+3-1 {
		t.Fatalf("%d preset links, want the %d the data gives", n, len(presets))
	}
	for _, p := range presets {
		if p.Key != "sre" && p.Key != "advanced" {
			continue
		}
		click(t, tab, fmt.Sprintf(`a.preset[data-preset="%s-%s"]`, p.Kind, p.Key))
		browsertest.WaitFor(t, tab, fmt.Sprintf(`document.querySelectorAll("#loop-list > li").length === %d`, len(p.IDs)))
		if got := loopIDs(t, tab); !slices.Equal(got, p.IDs) {
			t.Errorf("preset %s opened %v, want %v", p.Key, got, p.IDs)
		}
	}
	tab.AssertClean(t, base)
}

func testHostileLoopURL(t *testing.T, base string) {
	tab := browsertest.New(t).Tab(t)
	tab.Open(t, base+`loop/?q=pe-101,<img src=x onerror=alert(1)>,pe-999,PE-001,pe-101&title=<img src=x onerror=alert(2)><script>alert(3)</script>`)
	browsertest.WaitFor(t, tab, `!document.getElementById("loop-builder").hidden`)
	if got := loopIDs(t, tab); !slices.Equal(got, []string{"PE-101", "PE-001"}) {
		t.Errorf("loop %v, want only the known ids, once each", got)
	}
	if title := browsertest.Eval[string](t, tab, `document.getElementById("loop-title").value`); !strings.HasPrefix(title, "<img src=x") {
		t.Errorf("title %q: kept as text", title)
	}
	if n := browsertest.Eval[int](t, tab, `document.querySelectorAll("main img, main script").length`); n != 0 {
		t.Errorf("%d elements were created from the URL", n)
	}
	time.Sleep(200 * time.Millisecond) // give an injected handler its chance to fire
	tab.AssertClean(t, base)
}

// specSummarySections are the 14 section headings of the specification's
// summary template (seeds/002, "Output Format").
var specSummarySections = []string{
	"## 1. Performance SLOs (Service Level Objectives)", "## 2. Scale Requirements", "## 3. Traffic Patterns",
	"## 4. Caching Strategy", "## 5. Database Optimization", "## 6. Resource Constraints",
	"## 7. Monitoring & Observability", "## 8. Performance Budgets", "## 9. Performance Testing Plan",
	"## 10. Optimization Priorities", "## 11. Degradation Strategy", "## 12. Scalability Roadmap",
	"## 13. Open Performance Questions", "## 14. Next Steps",
}

// answerRound answers every unanswered question of the round on screen:
// the first option, or a sentence of free text.
const answerRound = `(() => {
  const round = [...document.querySelectorAll(".round")].find(r => !r.hidden);
  for (const set of round.querySelectorAll("fieldset.iq")) {
    const inputs = [...set.querySelectorAll("input")];
    if (inputs.length && !inputs.some(i => i.checked)) inputs[0].click();
    const note = set.querySelector("textarea");
    if (set.dataset.kind === "text" && !note.value) {
      note.value = "Answer to " + set.dataset.question;
      note.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
  return round.id;
})()`

func visibleRound(t *testing.T, tab *browsertest.Tab) string {
	return browsertest.Eval[string](t, tab, `[...document.querySelectorAll(".round")].filter(r => !r.hidden).map(r => r.id).join(" ")`)
}

func testInterview(t *testing.T, base string) {
	tab := browsertest.New(t).Tab(t)
	downloads := t.TempDir()
	tab.SaveDownloads(t, downloads)
	tab.Open(t, base+"interview/")
	browsertest.WaitFor(t, tab, `!document.getElementById("round-nav").hidden`)
	if r := visibleRound(t, tab); r != "round-context" {
		t.Fatalf("first screen shows %q, want only the first round", r)
	}

	// Rounds 1-4 by hand.
	tab.SendKeys(t, "#q-feature-note", "Checkout search")
	tab.Click(t, `input[name="context"][value="technical"]`)
	tab.Click(t, "#round-next")
	tab.Click(t, `input[name="latency"][value="interactive"]`)
	if browsertest.Eval[bool](t, tab, `document.querySelector('[data-item="targets"]').classList.contains("is-done")`) {
		t.Error("the targets item is ticked with throughput still open")
	}
	tab.Click(t, `input[name="throughput"][value="over-10k"]`)
	if !browsertest.Eval[bool](t, tab, `document.querySelector('[data-item="targets"]').classList.contains("is-done")`) {
		t.Error("latency and throughput answered, but the targets item is not ticked")
	}
	if c := browsertest.Eval[string](t, tab, `document.getElementById("checklist-count").textContent`); c != "1 of 7 answered" {
		t.Errorf("checklist count %q", c)
	}
	tab.Click(t, "#round-next")
	tab.Click(t, `input[name="scale-current"][value="medium"]`)
	tab.Click(t, `input[name="scale-projected"][value="large"]`)
	tab.Click(t, "#round-next")
	tab.Click(t, `input[name="access-pattern"][value="write-heavy"]`)

	// Leave and come back: the answers and the round are restored.
	tab.Open(t, base+"interview/")
	browsertest.WaitFor(t, tab, `!document.getElementById("round-nav").hidden`)
	if r := visibleRound(t, tab); r != "round-traffic" {
		t.Errorf("resumed at %q, want round-traffic", r)
	}
	if !browsertest.Eval[bool](t, tab, `!document.getElementById("interview-resumed").hidden &&
	    document.querySelector('input[name="latency"][value="interactive"]').checked &&
	    document.querySelector('input[name="access-pattern"][value="write-heavy"]').checked &&
	    document.getElementById("q-feature-note").value === "Checkout search"`) {
		t.Error("the answers were not restored")
	}

	// The rest: connections per request, the roadmap left open, everything else answered.
	for {
		round := visibleRound(t, tab)
		if round == "round-connections" {
			tab.Click(t, `input[name="pooling"][value="per-request"]`)
		}
		if round != "round-roadmap" {
			browsertest.Eval[string](t, tab, answerRound)
		}
		if browsertest.Eval[bool](t, tab, `document.getElementById("round-next").hidden`) {
			break
		}
		tab.Click(t, "#round-next")
	}
	if c := browsertest.Eval[string](t, tab, `document.getElementById("checklist-count").textContent`); c != "7 of 7 answered" {
		t.Errorf("checklist count at the end %q", c)
	}
	tab.Click(t, "#round-finish")
	browsertest.WaitFor(t, tab, `!document.getElementById("interview-summary").hidden`)
	md := browsertest.Eval[string](t, tab, `document.getElementById("summary-text").value`)
	checkSummary(t, base, md)

	tab.Click(t, "#summary-download")
	date := regexp.MustCompile(`(?m)^\*\*Date\*\*: (\d{4}-\d{2}-\d{2})`).FindStringSubmatch(md)
	if date == nil {
		t.Fatal("the summary has no date")
	}
	file := filepath.Join(downloads, "performance-summary-checkout-search-"+date[1]+".md")
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, err := os.ReadFile(file)
		if err == nil {
			if string(b) != md {
				t.Errorf("the downloaded file differs from the summary shown")
			}
			break
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(downloads)
			t.Fatalf("no %s downloaded (found %v)", filepath.Base(file), entries)
		}
		time.Sleep(100 * time.Millisecond)
	}
	tab.AssertClean(t, base)
}

func checkSummary(t *testing.T, base, md string) {
	var h1, h2 []string
	for _, l := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(l, "# "):
			h1 = append(h1, l)
		case strings.HasPrefix(l, "## "):
			h2 = append(h2, l)
		}
	}
	if !slices.Equal(h1, []string{"# Performance & Scalability Interview Summary"}) || !slices.Equal(h2, specSummarySections) {
		t.Errorf("summary headings\n%q\n%q\nwant the specification's 14 sections", h1, h2)
	}
	for _, want := range []string{
		"**Feature**: Checkout search",
		"**Context**: Technical requirements",
		"**Interviewer**: Senior Performance Engineer",
		"- **Latency target**: Interactive (<100ms) — Users perceive instant (requires aggressive optimization)",
		"- **Read/write mix**: Write-heavy (50%+ writes)",
		"- **Phase 1**: _Open question: What does the first implementation (MVP) include?_",
		"- [ ] What does the first implementation (MVP) include? (12. Scalability Roadmap)",
		"1. **Write-heavy at large scale**",
		"**Database connection exhaustion**",
		"[PE-001: An e-commerce product API's p99 latency degraded",
		"](" + base + "q/ecommerce-api-p99-after-traffic-doubled/)",
		"**Interview Status**: ✅ Complete - Ready for next phase",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("summary:\n%s", md)
	}
}
