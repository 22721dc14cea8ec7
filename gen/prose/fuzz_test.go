package prose

import (
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/bounded"
)

// FuzzScan checks the mention scanner on arbitrary text: it returns within
// the limits of package bounded, its mentions are where it says, in order
// and without overlap, their ids are ids, and rewriting each mention as
// itself gives back the text.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"p99 fell 80% [Ref: A1].", "See [Ref: T1, A5; L2] and [G: p99].", "Empty [Ref: ] marker",
		"Unclosed [Ref: A1\nnext", "[G: [Ref: A1]]", "[Ref:A1][G:x][Ref: G1 ,, A2]", "[[G: a]]", "[G: x\" onmouseover=\"alert(1)]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var found []Mention
		var plain, same string
		bounded.Call(t, len(text), func() {
			found, _ = Scan(text)
			same = Rewrite(text, func(m Mention) string { return m.Raw })
			plain = Plain(text)
		})
		end := 0
		for _, m := range found {
			if m.Start < end || m.End > len(text) || text[m.Start:m.End] != m.Raw {
				t.Fatalf("mention %+v is not where it says in %q", m, text)
			}
			end = m.End
			for _, id := range m.IDs {
				if !refID.MatchString(id) {
					t.Fatalf("%q is not an id", id)
				}
			}
			if m.Kind == Glossary && (m.Term == "" || strings.ContainsAny(m.Term, "[]\n")) {
				t.Fatalf("bad term %q", m.Term)
			}
		}
		if same != text {
			t.Fatalf("Rewrite to itself changed %q into %q", text, same)
		}
		if len(plain) > len(text) {
			t.Fatalf("Plain grew the text: %q → %q", text, plain)
		}
	})
}
