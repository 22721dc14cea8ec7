package load

import (
	"fmt"

	"github.com/goccy/go-yaml/token"

	"github.com/perfhandbook/handbook/gen/diag"
)

// MaxDepth is the deepest nesting of mappings and lists a data file may use.
// Real data nests four levels (question → interviewer → rubric → strong). The
// YAML parser's time grows steeply with depth — 100,000 opening brackets take
// it minutes — so deeper input is refused from its tokens, before parsing.
const MaxDepth = 16

// checkDepth finds the first token that opens a collection deeper than
// MaxDepth. Flow collections ([ ], { }) count by their brackets; block
// collections by the columns of their "- " entries and keys, as YAML's
// indentation does.
func checkDepth(file string, tokens token.Tokens) *diag.Problem {
	flow := 0
	var block []int // columns of the open block collections, outermost first
	for i, tk := range tokens {
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(0, flow-1)
		case token.SequenceEntryType, token.MappingKeyType:
			if flow == 0 {
				block = openAt(block, tk.Position.Column)
			}
		case token.MappingValueType:
			if flow == 0 {
				block = openAt(block, keyColumn(tokens, i))
			}
		}
		if depth := flow + len(block); depth > MaxDepth {
			p := tokenProblem(file, tk, fmt.Sprintf(
				"lists and mappings are nested %d levels deep here; data files may nest at most %d", depth, MaxDepth))
			return &p
		}
	}
	return nil
}

// openAt records a block collection entry at col: entries at or right of
// col belong to collections that have ended.
func openAt(open []int, col int) []int {
	for len(open) > 0 && open[len(open)-1] >= col {
		open = open[:len(open)-1]
	}
	return append(open, col)
}

// keyColumn is the column of the key a ':' belongs to: the token before it
// on the same line.
func keyColumn(tokens token.Tokens, colon int) int {
	tk := tokens[colon]
	if colon > 0 && tokens[colon-1].Position.Line == tk.Position.Line {
		return tokens[colon-1].Position.Column
	}
	return tk.Position.Column
}
