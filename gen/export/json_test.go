package export

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/validate"
)

const base = "https://handbook.example/sub/"

func realHandbook(t *testing.T) *handbook.Handbook {
	t.Helper()
	h, _, problems := validate.Load(afero.NewBasePathFs(afero.NewOsFs(), "../.."), "data")
	if len(problems.Errors()) > 0 {
		t.Fatal(problems)
	}
	if h.Interview == nil {
		t.Fatal("data/interview/bank.yaml did not load")
	}
	return h
}

// validateAgainst checks a JSON document against a committed schema.
func validateAgainst(t *testing.T, schemaFile string, doc []byte) {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join("../../schema", schemaFile))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("export does not validate against schema/%s:\n%v", schemaFile, err)
	}
}

func TestExportsValidateAgainstTheirSchemas(t *testing.T) {
	h := realHandbook(t)
	validateAgainst(t, "questions.export.schema.json", QuestionsJSON(h, base))
	validateAgainst(t, "interview-bank.export.schema.json", InterviewJSON(h, base))
}

// The schemas must refuse what the exports never contain, or they would
// validate anything.
func TestExportSchemasRefuseBrokenExports(t *testing.T) {
	h := realHandbook(t)
	breakages := []struct {
		schema string
		doc    []byte
		edit   func(map[string]any)
	}{
		{"questions.export.schema.json", QuestionsJSON(h, base), func(m map[string]any) { m["schema_version"] = "2" }},
		{"questions.export.schema.json", QuestionsJSON(h, base), func(m map[string]any) { first(m, "questions")["difficulty"] = "hard" }},
		{"questions.export.schema.json", QuestionsJSON(h, base), func(m map[string]any) { delete(first(m, "questions"), "url") }},
		{"questions.export.schema.json", QuestionsJSON(h, base), func(m map[string]any) { first(m, "questions")["answer"] = "leaked" }},
		{"interview-bank.export.schema.json", InterviewJSON(h, base), func(m map[string]any) { delete(m["bank"].(map[string]any), "rounds") }},
		{"interview-bank.export.schema.json", InterviewJSON(h, base), func(m map[string]any) { m["questions"] = map[string]any{"X-1": map[string]any{}} }},
	}
	for i, b := range breakages {
		var m map[string]any
		if err := json.Unmarshal(b.doc, &m); err != nil {
			t.Fatal(err)
		}
		b.edit(m)
		doc, _ := json.Marshal(m)
		sch, err := jsonschema.NewCompiler().Compile(filepath.Join("../../schema", b.schema))
		if err != nil {
			t.Fatal(err)
		}
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
		if sch.Validate(inst) == nil {
			t.Errorf("breakage %d: schema/%s accepted a broken export", i, b.schema)
		}
	}
}

func first(m map[string]any, key string) map[string]any {
	return m[key].([]any)[0].(map[string]any)
}

func TestQuestionsExport(t *testing.T) {
	h := realHandbook(t)
	var got Questions
	if err := json.Unmarshal(QuestionsJSON(h, base), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Questions) != len(h.Questions) {
		t.Fatalf("%d questions exported, %d in the handbook", len(got.Questions), len(h.Questions))
	}
	for i, q := range got.Questions {
		src := h.Questions[i]
		if q.ID != src.ID || q.Path != "/q/"+src.Slug+"/" || q.URL != "https://handbook.example/sub/q/"+src.Slug+"/" {
			t.Errorf("%s: id/path/url = %s %s %s", src.ID, q.ID, q.Path, q.URL)
		}
		if q.DurationMinutes != src.DurationMinutes || len(q.Interviewer.KeyPoints) != len(src.Interviewer.KeyPoints) {
			t.Errorf("%s: duration or key points lost", src.ID)
		}
		all, _ := json.Marshal(q)
		for _, marker := range []string{"[Ref:", "[G:", "**"} {
			if bytes.Contains(all, []byte(marker)) {
				t.Errorf("%s: %q left in the plain-text export", q.ID, marker)
			}
		}
	}
}

func TestPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cut p99 by 50% [Ref: A1].", "Cut p99 by 50%."},
		{"Uses [G: p99] and **bold** `code`,\n  then more [Ref: T1, A2]", "Uses p99 and bold code, then more"},
		{"(see [Ref: L1])", "(see)"},
	}
	for _, tt := range tests {
		if got := plain(tt.in); got != tt.want {
			t.Errorf("plain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The bank export is the data file's content: decoding it gives the bank back.
func TestInterviewExportRoundTrips(t *testing.T) {
	h := realHandbook(t)
	var got struct {
		Bank      handbook.InterviewBank    `json:"bank"`
		Questions map[string]LinkedQuestion `json:"questions"`
	}
	if err := json.Unmarshal(InterviewJSON(h, base), &got); err != nil {
		t.Fatal(err)
	}
	want := *h.Interview
	want.File = ""
	if !reflect.DeepEqual(got.Bank, want) {
		t.Error("the exported bank differs from data/interview/bank.yaml")
	}
	for _, r := range h.Interview.Risks {
		for _, id := range r.Questions {
			if q, ok := got.Questions[id]; !ok || !strings.HasPrefix(q.URL, base+"q/") {
				t.Errorf("risk %s: linked question %s = %+v", r.ID, id, q)
			}
		}
	}
	if InterviewJSON(&handbook.Handbook{}, base) != nil {
		t.Error("a handbook without a bank exports one")
	}
}
