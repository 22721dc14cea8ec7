package bench

import (
	"strings"
	"testing"
)

func TestRespaceTellsRoundsApartAndKeepsTheWords(t *testing.T) {
	prose := "- a list item\n  - a nested item that keeps its indentation\n" +
		"A checkout service peaks at 4K rps today and Black Friday is forecast at 3x.\n"
	code := "```python\nx  =  1\n```\nafter the fence nothing changes at all here\n"
	seen := map[string]int{}
	for round := 0; round < 1<<respaceBits; round++ {
		got := respace(prose+code, round)
		if prev, ok := seen[got]; ok {
			t.Fatalf("rounds %d and %d give the same text", prev, round)
		}
		seen[got] = round
		if !strings.HasSuffix(got, code) {
			t.Fatalf("round %d changed the code block:\n%s", round, got)
		}
		if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(prose+code), " ") {
			t.Fatalf("round %d changed the words:\n%s", round, got)
		}
		for _, line := range strings.Split(got, "\n") {
			if strings.HasPrefix(line, "   ") && !strings.HasPrefix(line, "  - a nested") {
				t.Fatalf("round %d changed an indentation: %q", round, line)
			}
		}
	}
	for _, short := range []string{"senior", "two words only", ""} {
		if got := respace(short, 5); got != short {
			t.Errorf("respace(%q) = %q, want it unchanged", short, got)
		}
	}
}
