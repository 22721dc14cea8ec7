package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The harness must see what it is for: a CSP violation, an error, a dialog
// and an off-site request on a page that does all four.
func TestHarnessRecordsWhatABrowserComplainsAbout(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(`<!doctype html><title>bad</title>
<img src="https://example.invalid/pixel.png" alt="">
<script>alert("inline")</script>
<script src="/bad.js"></script>`), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.js"), []byte(`alert("from a file"); throw new Error("boom");`), 0o644)
	base := Serve(t, dir, "../../netlify.toml")
	tab := New(t).Tab(t)
	tab.Open(t, base)
	problems := strings.Join(tab.Problems(), "\n")
	for _, want := range []string{"CSP violation: script-src", "boom"} {
		if !strings.Contains(problems, want) {
			t.Errorf("not recorded: %q in\n%s", want, problems)
		}
	}
	if len(tab.Dialogs()) != 1 {
		t.Errorf("dialogs = %v, want the one from bad.js (the inline one is blocked)", tab.Dialogs())
	}
	if off := tab.OffSite(base); len(off) != 1 || !strings.Contains(off[0], "example.invalid") {
		t.Errorf("off-site requests = %v", off)
	}
}
