package gates

import (
	"reflect"
	"testing"
)

func TestAcronyms(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The SLO and its SLIs over HTTP2", []string{"SLO", "SLIs", "HTTP2"}},
		{"JavaScript, PostgreSQL and HikariCP are names", nil},
		{"p99 and k6 and gRPC are lower-case", nil},
		{"PE-007 is an id, HTTP_PROXY a variable", nil},
		{"`SELECT` in code and **TTL** in bold [G: LRU]", []string{"SELECT", "TTL", "LRU"}},
		{"A single capital like I or A is not one; CPU, CPU again", []string{"CPU"}},
	}
	for _, tt := range tests {
		if got := Acronyms(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Acronyms(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestWordsAndQuantities(t *testing.T) {
	if n := Words("p99 fell from 350 ms to 65 ms [Ref: A1], an 81% drop."); n != 11 {
		t.Errorf("Words = %d, want 11", n)
	}
	for s, want := range map[string]bool{"cut p99 by 81%": true, "costs $500/mo": true, "2x faster": true, "at 4K rps": true, "much faster": false} {
		if HasQuantity(s) != want {
			t.Errorf("HasQuantity(%q) != %v", s, want)
		}
	}
}
