// Package schema derives JSON Schemas (draft 2020-12) for the data files from
// the model's struct tags, so that editors with a YAML language server
// validate and autocomplete data files with the same rules the loader applies.
package schema

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// File is one schema file and the data files it describes.
type File struct {
	Name        string // e.g. "question.schema.json"
	Title       string
	Description string
	Root        reflect.Type // a struct, or a slice of structs for list files
}

// Files lists the schemas, one per kind of data file.
var Files = []File{
	{"handbook.schema.json", "Handbook", "data/handbook.yaml: title, pinned date, scope and clusters.", reflect.TypeFor[handbook.Meta]()},
	{"question.schema.json", "Question", "data/questions/PE-NNN.yaml: one interview question and its model answer.", reflect.TypeFor[handbook.Question]()},
	{"glossary.schema.json", "Glossary", "data/references/glossary.yaml: glossary entries G#.", reflect.TypeFor[[]handbook.GlossaryEntry]()},
	{"abbreviations.schema.json", "Abbreviations", "data/references/abbreviations.yaml: common abbreviations.", reflect.TypeFor[[]handbook.Abbreviation]()},
	{"tools.schema.json", "Tools", "data/references/tools.yaml: tools T#.", reflect.TypeFor[[]handbook.Tool]()},
	{"works.schema.json", "Works", "data/references/literature.yaml (L#) and citations.yaml (A#): APA 7th parts.", reflect.TypeFor[[]handbook.Work]()},
	{"review.schema.json", "Review record", "data/review.yaml: the self-review record of gate 20.", reflect.TypeFor[handbook.Review]()},
	{"redirects.schema.json", "Redirects", "data/redirects.yaml: old URLs kept working, and retired question ids.", reflect.TypeFor[[]handbook.Redirect]()},
	{"interview.schema.json", "Interview bank", "data/interview/bank.yaml: the requirements interview's rounds, checklist, summary template and risks.", reflect.TypeFor[handbook.InterviewBank]()},
}

// Generate renders one schema file.
func Generate(f File) []byte {
	s := node(f.Root)
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["title"] = f.Title
	s["description"] = f.Description + " Generated from gen/handbook by 'gen schema'; do not edit."
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // maps of strings, numbers and slices always marshal
	}
	return append(b, '\n')
}

var enumType = reflect.TypeFor[handbook.Enum]()

var formats = map[reflect.Type]map[string]any{
	reflect.TypeFor[handbook.Date]():      {"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`, "format": "date"},
	reflect.TypeFor[handbook.YearMonth](): {"type": "string", "pattern": `^\d{4}-(0[1-9]|1[0-2])$`},
}

func node(t reflect.Type) map[string]any {
	if f, ok := formats[t]; ok {
		return copyMap(f)
	}
	if t.Implements(enumType) && t.Kind() == reflect.String {
		return map[string]any{"type": "string", "enum": reflect.Zero(t).Interface().(handbook.Enum).Values()}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return node(t.Elem())
	case reflect.Slice:
		return map[string]any{"type": "array", "items": node(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Int, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Struct:
		return object(t)
	}
	return map[string]any{}
}

func object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		p := node(f.Type)
		if d := f.Tag.Get("doc"); d != "" {
			p["description"] = d
		}
		if pat := f.Tag.Get("pattern"); pat != "" {
			p["pattern"] = pat
		} else if p["type"] == "string" && p["enum"] == nil && p["format"] == nil {
			// Free text: the loader also takes a number ("baseline: 24") as its text.
			p["type"] = []string{"string", "number"}
		}
		if !strings.Contains(opts, "omitempty") {
			required = append(required, name)
			switch t := p["type"].(type) {
			case string:
				if t == "string" {
					p["minLength"] = 1
				} else if t == "array" {
					p["minItems"] = 1
				}
			case []string:
				p["minLength"] = 1 // applies to the string case only
			}
		}
		props[name] = p
	}
	out := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
