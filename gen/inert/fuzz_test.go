package inert

import (
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/bounded"
)

// FuzzScan reads arbitrary markup as a built page and as an SVG: within the
// limits of package bounded, and an event handler or inline script added to
// it is always found.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"<p>x</p>", `<a href="javascript:alert(1)">`, "<svg><script>1</script></svg>", "<img src=x onerror=1>",
		"<!-- <script> -->", "<style>", `<meta http-equiv=refresh content="0;url=javascript:1">`, "<a href=\"jav&#x09;ascript:x\">"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		for _, rl := range rulesFor {
			bounded.Call(t, len(page), func() { scan(strings.NewReader(page), rl) })
		}
		if len(scan(strings.NewReader("<div onclick=x></div>"+page), rulesFor[".html"])) == 0 {
			t.Fatalf("an event handler before %q went unseen", page)
		}
	})
}
