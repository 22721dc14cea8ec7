package headers

import (
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/bounded"
)

// FuzzFor matches arbitrary patterns against arbitrary paths: within the
// limits of package bounded, "/*" matches every path, a "/dir/*" rule
// matches exactly dir and what lies under it, and a rule's values are what
// For returns for a path it matches.
func FuzzFor(f *testing.F) {
	for _, s := range [][2]string{{"/*", "/"}, {"/css/*", "/css/main.css"}, {"/css/*", "/cssx"}, {"/q/*", "/q"},
		{"/a/[b", "/a/[b"}, {"/*/x", "/a/x"}, {"/[", "/["}, {"/\\", "/\\"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, path string) {
		rules := []Rule{{For: "/*", Values: map[string]string{"X-All": "1"}}, {For: pattern, Values: map[string]string{"X-Rule": "1"}}}
		var got map[string]string
		bounded.Call(t, len(pattern)+len(path), func() { got = For(rules, path) })
		if got["X-All"] != "1" {
			t.Fatalf("/* did not match %q", path)
		}
		if dir, ok := strings.CutSuffix(pattern, "/*"); ok && pattern != "/*" {
			under := path == dir || strings.HasPrefix(path, dir+"/")
			if (got["X-Rule"] == "1") != under {
				t.Fatalf("%q matched %q: %v, want %v", pattern, path, got["X-Rule"] == "1", under)
			}
		}
		if pattern == path && !strings.ContainsAny(pattern, "*?[\\") && got["X-Rule"] != "1" {
			t.Fatalf("%q does not match itself", pattern)
		}
	})
}
