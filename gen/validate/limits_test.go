package validate

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/perfhandbook/handbook/gen/load"
)

// MaxCallTime is how long loading and validating one input may take, for
// inputs up to 1 MB, whatever they hold.
const MaxCallTime = 2 * time.Second

// fill repeats unit after prefix until the result is just under the size limit.
func fill(prefix, unit string) string {
	return prefix + strings.Repeat(unit, (load.MaxFileSize-len(prefix))/len(unit))
}

// Inputs built to make a YAML or Markdown parser take quadratic or worse
// time. Several of them took minutes before nesting depth and field length
// were limited; each must now be refused in well under MaxCallTime.
func TestPathologicalInputsAreRefusedQuickly(t *testing.T) {
	head := string(question("PE-900", "sample-question", ""))
	tests := []struct {
		name, data string
		accepted   bool // valid, just slow to parse
	}{
		{"open brackets", fill("", "["), false},
		{"nested flow mappings", fill("a: ", "{a: "), false},
		{"unclosed mentions", fill("id: PE-900\ntitle: ", "[Ref: "), false},
		{"nested block lists", fill("", "- "), false},
		{"deeply indented keys", staircase(), false},
		{"link openers in one field", fill(head+"scenario: \"", "[a]("), false},
		{"nested block quotes in one field", fill(head+"scenario: \"", "> "), false},
		{"backtick runs in one field", fill(head+"scenario: \"", "`a``"), false},
		{"link openers in every field", head + "validation:\n  success_criteria:\n" +
			strings.Repeat("    - \""+strings.Repeat("[a](", MaxTextLength/4-1)+"\"\n", (load.MaxFileSize-1000)/(MaxTextLength+10)), true},
		{"one megabyte", strings.Repeat("title: x\n", (1<<20)/9), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ar := &txtar.Archive{Files: []txtar.File{{Name: "data/questions/PE-900.yaml", Data: []byte(tt.data)}}}
			fs := project(t, ar)
			start := time.Now()
			_, _, problems := Load(fs, "data")
			if d := time.Since(start); d > MaxCallTime {
				t.Errorf("took %v for %d bytes; the limit is %v", d, len(tt.data), MaxCallTime)
			}
			if refused := len(problems.Errors()) > 0; refused == tt.accepted {
				t.Errorf("refused = %v, want %v: %.300v", refused, !tt.accepted, problems)
			}
		})
	}
}

// staircase is a mapping nested one level deeper on every line.
func staircase() string {
	var b strings.Builder
	for i := 0; b.Len()+i+3 < load.MaxFileSize; i++ {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}
