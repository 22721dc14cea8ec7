package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/diag"
)

// A cached load reports what a fresh load reports, for an edited file as for
// the files it skipped: the edit's problem appears, and goes with the fix.
func TestCachedLoadFindsWhatAFreshLoadFinds(t *testing.T) {
	fsys := project(t, nil)
	file := "data/questions/PE-900.yaml"
	original, err := afero.ReadFile(fsys, file)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(original), "title: A sample question", "title: A {{< shortcode >}} question", 1)
	cache := NewCache()
	for _, step := range []struct {
		name, data string
		wantErr    string
	}{
		{"first load", string(original), ""},
		{"unchanged", string(original), ""},
		{"broken edit", broken, "opens a Hugo shortcode"},
		{"broken again", broken, "opens a Hugo shortcode"},
		{"fixed", string(original), ""},
	} {
		if err := afero.WriteFile(fsys, file, []byte(step.data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, cached := LoadCached(fsys, "data", cache)
		_, _, fresh := Load(fsys, "data")
		got, want := lines(cached), lines(fresh)
		if got != want {
			t.Errorf("%s: the cached load found\n%s\nand a fresh load\n%s", step.name, got, want)
		}
		if errs := len(cached.Errors()); step.wantErr == "" && errs > 0 || step.wantErr != "" && !strings.Contains(got, step.wantErr) {
			t.Errorf("%s: want an error containing %q, got:\n%s", step.name, step.wantErr, got)
		}
	}
}

func lines(l diag.List) string {
	var b strings.Builder
	for _, p := range l {
		fmt.Fprintln(&b, p)
	}
	return b.String()
}
