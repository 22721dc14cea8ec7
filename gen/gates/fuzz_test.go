package gates

import (
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/bounded"
)

// FuzzRenderedText renders arbitrary prose as the gates read it: within the
// limits of package bounded, without panicking, and with each acronym
// reported once and found in the rendered text.
func FuzzRenderedText(f *testing.F) {
	for _, s := range []string{"p99 fell **81%** to 65 ms [Ref: A1] at 4K rps.", "The [G: SLO] of `p99 < 100 ms`.",
		"| a | b |\n|---|---|\n| CPU | GC |", "> quote\n> - list *em* _em_ ~~del~~", "<script>alert(1)</script> &lt;b&gt;",
		"[x](javascript:alert(1)) <https://example.org> www.example.org", "```\ncode\n```\n[a]: /u \"t\"", "PE-001 SLOs HTTP/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var text string
		var words int
		var acronyms []string
		bounded.Call(t, len(s), func() {
			text = RenderedText(s)
			words = Words(s)
			acronyms = Acronyms(s)
			HasQuantity(s)
		})
		if words < 0 || (words > 0 && strings.TrimSpace(text) == "") {
			t.Fatalf("%d words in empty rendered text of %q", words, s)
		}
		seen := map[string]bool{}
		for _, a := range acronyms {
			if seen[a] || !strings.Contains(text, a) {
				t.Fatalf("acronym %q repeated or not in the text %q", a, text)
			}
			seen[a] = true
		}
	})
}
