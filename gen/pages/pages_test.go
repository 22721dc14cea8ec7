package pages

import (
	"bytes"
	"errors"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"

	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/validate"
)

// sample loads the small valid handbook the validate package tests with.
func sample(t testing.TB) *handbook.Handbook {
	t.Helper()
	ar, err := txtar.ParseFile("../validate/testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := afero.NewMemMapFs()
	for _, f := range ar.Files {
		afero.WriteFile(fsys, f.Name, f.Data, 0o644)
	}
	h, _, problems := validate.Load(fsys, "data")
	if len(problems.Errors()) > 0 {
		t.Fatal(problems)
	}
	return h
}

func TestEveryGeneratedFileIsMarkedAndOwned(t *testing.T) {
	out := Render(sample(t), Options{})
	if len(out.Files()) == 0 {
		t.Fatal("nothing rendered")
	}
	for _, name := range out.Files() {
		data, _ := out.File(name)
		if !isOwned(name) {
			t.Errorf("%s is outside the owned subtrees", name)
		}
		if !bytes.Contains(data[:min(len(data), 512)], []byte(Marker)) {
			t.Errorf("%s does not carry %q near its top", name, Marker)
		}
	}
}

func TestSyncWritesOnlyChangesAndRemovesStalePages(t *testing.T) {
	h := sample(t)
	fsys := afero.NewMemMapFs()
	first, err := Render(h, Options{}).Sync(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if first.Written == 0 || first.Removed != 0 {
		t.Fatalf("first sync: %+v", first)
	}
	page := "content/questions/sample-question.md"
	if ok, _ := afero.Exists(fsys, page); !ok {
		t.Fatalf("%s was not written", page)
	}
	again, err := Render(h, Options{}).Sync(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if again.Written != 0 || again.Unchanged != first.Written {
		t.Fatalf("unchanged data rewrote files: %+v", again)
	}
	h.Questions = nil // the question is deleted from data/
	gone, err := Render(h, Options{}).Sync(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := afero.Exists(fsys, page); ok || gone.Removed == 0 {
		t.Fatalf("deleted question left %s behind (%+v)", page, gone)
	}
}

func TestSyncRefusesToDeleteHandWrittenFiles(t *testing.T) {
	fsys := afero.NewMemMapFs()
	handWritten := "content/questions/my-notes.md"
	afero.WriteFile(fsys, handWritten, []byte("---\ntitle: Notes\n---\nmine"), 0o644)
	_, err := Render(sample(t), Options{}).Sync(fsys)
	if err == nil || !strings.Contains(err.Error(), handWritten) {
		t.Fatalf("want an error naming %s, got %v", handWritten, err)
	}
	if ok, _ := afero.Exists(fsys, handWritten); !ok {
		t.Fatal("the hand-written file was deleted")
	}
}

func TestQuestionPageSectionsFollowTheSpecificationOrder(t *testing.T) {
	h := sample(t)
	q := h.Questions[0]
	q.Practical = []handbook.Practical{{Title: "A command", Language: "bash", Code: "perf record -g -p 1234 -- sleep 30"}}
	q.Tradeoffs = []handbook.Tradeoff{{Tension: "Cost vs latency", Analysis: "More pods cost more."}}
	q.Risks = []handbook.Risk{{Risk: "Overload", Level: "high", Mitigation: "Canary."}}
	page, _ := Render(h, Options{}).File("content/questions/sample-question.md")
	var order []string
	for _, m := range regexp.MustCompile(`(?m)^## .* \{#([a-z-]+)\}$`).FindAllSubmatch(page, -1) {
		order = append(order, string(m[1]))
	}
	want := []string{"key-insight", "answer", "practical", "trade-offs", "risks"}
	if strings.Join(order, ",") != strings.Join(want, ",") {
		t.Fatalf("sections %v, want %v", order, want)
	}
}

func TestMentionsBecomeLinksToStableAnchors(t *testing.T) {
	page, _ := Render(sample(t), Options{}).File("content/questions/sample-question.md")
	for _, want := range []string{`\[[A1](/citations/#a1), [T1](/tools/#t1)\]`, `[SLO](/glossary/#g2)`, `\[[L1](/literature/#l1)\]`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %s:\n%s", want, page)
		}
	}
}

func TestUnwritableFilesystemIsAnError(t *testing.T) {
	_, err := Render(sample(t), Options{}).Sync(afero.NewReadOnlyFs(afero.NewMemMapFs()))
	if err == nil {
		t.Fatal("sync to a read-only filesystem succeeded")
	}
	var pe *fs.PathError
	_ = errors.As(err, &pe)
}

// The tools' pages and data: the interview page exists only with a bank,
// and pages load only the scripts they use.
func TestToolPagesAndData(t *testing.T) {
	h := sample(t)
	out := Render(h, Options{})
	for name, want := range map[string]string{
		"content/interview/_index.md":          `scripts: ["interview"]`,
		"content/questions/sample-question.md": `scripts: ["question","loop-add"]`,
		"content/questions/_index.md":          `scripts: ["filter","loop-add"]`,
		DataDir + "/interview.json":            `"status_complete": "Complete"`,
		DataDir + "/loop.json":                 `"url": "/loop/?q=pe-900\u0026title=SRE+loop"`,
	} {
		b, ok := out.File(name)
		if !ok || !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s lacks %s:\n%s", name, want, b)
		}
	}
	if b, _ := out.File("content/glossary/_index.md"); bytes.Contains(b, []byte("scripts:")) {
		t.Error("the glossary loads page scripts it does not use")
	}
	h.Interview = nil
	if _, ok := Render(h, Options{}).File("content/interview/_index.md"); ok {
		t.Error("an interview page was rendered without a bank")
	}
}
