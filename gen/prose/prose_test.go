package prose

import (
	"reflect"
	"testing"
)

func TestScan(t *testing.T) {
	tests := []struct {
		text    string
		ids     [][]string
		terms   []string
		badRaws []string
	}{
		{"p99 fell 80% [Ref: A1].", [][]string{{"A1"}}, nil, nil},
		{"See [Ref: T1, A5; L2] and [G: p99].", [][]string{{"T1", "A5", "L2"}}, []string{"p99"}, nil},
		{"Two [G: Little's law] mentions [G: SLO]", nil, []string{"Little's law", "SLO"}, nil},
		{"Empty [Ref: ] marker", nil, nil, []string{"[Ref: ]"}},
		{"Not an id [Ref: Dean 2013]", nil, nil, []string{"[Ref: Dean 2013]"}},
		{"Unclosed [Ref: A1\nnext line", nil, nil, []string{"[Ref: A1\nnext line"}},
		{"Markdown [links](x) are left alone", nil, nil, nil},
	}
	for _, tt := range tests {
		found, bad := Scan(tt.text)
		var ids [][]string
		var terms []string
		for _, m := range found {
			if m.Kind == Citation {
				ids = append(ids, m.IDs)
			} else {
				terms = append(terms, m.Term)
			}
			if tt.text[m.Start:m.End] != m.Raw {
				t.Errorf("%q: offsets %d:%d do not match %q", tt.text, m.Start, m.End, m.Raw)
			}
		}
		var raws []string
		for _, b := range bad {
			raws = append(raws, b.Raw)
		}
		if !reflect.DeepEqual(ids, tt.ids) || !reflect.DeepEqual(terms, tt.terms) || !reflect.DeepEqual(raws, tt.badRaws) {
			t.Errorf("Scan(%q) = ids %v terms %v bad %v; want %v %v %v", tt.text, ids, terms, raws, tt.ids, tt.terms, tt.badRaws)
		}
	}
}

func TestPlainAndRewrite(t *testing.T) {
	if got := Plain("A [G: p99] of 80 ms [Ref: A1]."); got != "A p99 of 80 ms ." {
		t.Errorf("Plain = %q", got)
	}
	got := Rewrite("x [Ref: A1] y [G: SLO] z", func(m Mention) string { return "<" + m.Raw[1:2] + ">" })
	if got != "x <R> y <G> z" {
		t.Errorf("Rewrite = %q", got)
	}
}
