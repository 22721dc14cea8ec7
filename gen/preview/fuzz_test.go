package preview

import (
	"slices"
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/bounded"
)

// FuzzWithInlineStyles edits arbitrary policies: within the limits of
// package bounded, the result allows inline styles and leaves every other
// directive as it was.
func FuzzWithInlineStyles(f *testing.F) {
	for _, s := range []string{"default-src 'self'; style-src 'self'", "script-src 'self';", "", ";;", "style-src", "default-src 'none'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, csp string) {
		var out string
		bounded.Call(t, len(csp), func() { out = withInlineStyles(csp) })
		in, got := directives(csp), directives(out)
		if !slices.Contains(got["style-src"], "'unsafe-inline'") {
			t.Fatalf("%q → %q: style-src does not allow inline styles", csp, out)
		}
		for name, sources := range in {
			if name != "style-src" && !slices.Equal(got[name], sources) {
				t.Fatalf("%q → %q changed %s", csp, out, name)
			}
		}
	})
}

// directives reads a policy as a browser does: the first of a repeated
// directive counts.
func directives(csp string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(csp, ";") {
		if f := strings.Fields(d); len(f) > 0 {
			if _, dup := out[f[0]]; !dup {
				out[f[0]] = f[1:]
			}
		}
	}
	return out
}
