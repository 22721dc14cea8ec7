package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

const repo = "../.."

// The committed schemas must be what the model generates, or editors would
// validate against stale rules.
func TestCommittedSchemasAreCurrent(t *testing.T) {
	for _, f := range Files {
		got, err := os.ReadFile(filepath.Join(repo, "schema", f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, Generate(f)) {
			t.Errorf("schema/%s is stale; run: go run ./gen schema", f.Name)
		}
	}
}

// Every data file names its schema on the first line and validates against it.
func TestDataFilesValidateAgainstTheirSchema(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(repo, "data", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join(repo, "data", "*", "*.yaml"))
	files = append(files, more...)
	if len(files) < 7 {
		t.Fatalf("found only %d data files", len(files))
	}
	c := jsonschema.NewCompiler()
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s: first line must be '# yaml-language-server: $schema=…'", name)
			continue
		}
		schemaPath := filepath.Join(filepath.Dir(name), ref)
		sch, err := c.Compile(schemaPath)
		if err != nil {
			t.Fatalf("%s: compile %s: %v", name, schemaPath, err)
		}
		var doc any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// JSON round trip: YAML timestamps and numbers become JSON types.
		b, _ := json.Marshal(doc)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s does not validate against %s:\n%v", name, ref, err)
		}
	}
}

// The schema must also refuse what the loader refuses.
func TestSchemaRejectsUnknownFieldsAndBadEnums(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join(repo, "schema", "question.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		`{"id":"PE-001","slug":"a","title":"t","cluster":"c","difficulty":"hard","dimension":"latency","phase":"measure","roles":["sre"],"methods":["caching"],"duration_minutes":10}`,
		`{"id":"PE-001","slug":"a","title":"t","cluster":"c","difficulty":"advanced","dimension":"latency","phase":"measure","roles":["sre"],"methods":["caching"],"duration_minutes":10,"colour":"red"}`,
		`{"id":"X-1","slug":"a","title":"t","cluster":"c","difficulty":"advanced","dimension":"latency","phase":"measure","roles":["sre"],"methods":["caching"],"duration_minutes":10}`,
	} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sch.Validate(inst) == nil {
			t.Errorf("schema accepted %s", bad)
		}
	}
}
