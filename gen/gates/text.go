package gates

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/perfhandbook/handbook/gen/handbook"
	hbmd "github.com/perfhandbook/handbook/gen/md"
	"github.com/perfhandbook/handbook/gen/prose"
)

// md parses prose as the pages render it.
var md = hbmd.Goldmark

// textMemo remembers the text functions below, which depend on their
// argument alone, while RememberTexts is in effect. Each text is asked about
// several times in one evaluation (its words by two gates and the export,
// its rendering by Words, Acronyms and HasQuantity), and gen serve evaluates
// the gates again after every edit, over texts that are almost all unchanged.
var textMemo struct {
	on                        atomic.Bool
	rendered, words, acronyms sync.Map // text → result
}

// RememberTexts turns the memo of RenderedText, Words and Acronyms on. The
// returned forget turns it off again and empties it, so that a build can
// give the memory back before Hugo runs; it does nothing when the memo was
// already on (gen serve keeps it for the whole process).
func RememberTexts() (forget func()) {
	if textMemo.on.Swap(true) {
		return func() {}
	}
	return func() {
		textMemo.on.Store(false)
		textMemo.rendered.Clear()
		textMemo.words.Clear()
		textMemo.acronyms.Clear()
	}
}

func remembered[T any](m *sync.Map, s string, f func(string) T) T {
	if !textMemo.on.Load() {
		return f(s)
	}
	if v, ok := m.Load(s); ok {
		return v.(T)
	}
	v := f(s)
	m.Store(s, v)
	return v
}

// RenderedText is the text a reader sees once prose is rendered: mentions
// become their words (a glossary term) or disappear (a citation), and
// Markdown markup is gone.
func RenderedText(s string) string { return remembered(&textMemo.rendered, s, renderedText) }

func renderedText(s string) string {
	src := []byte(prose.Plain(s))
	doc := md.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for c := t.FirstChild(); c != nil; c = c.NextSibling() {
				if tx, ok := c.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(t.URL(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// wordPattern counts a run of letters or digits (with inner . , ' - / %) as one word.
var wordPattern = regexp.MustCompile(`[\p{L}\p{N}$€£¥]+(?:[.,'’/%\-–][\p{L}\p{N}%]+)*%?`)

// Words counts the words of rendered prose.
func Words(s string) int {
	return remembered(&textMemo.words, s, func(s string) int { return len(wordPattern.FindAllString(RenderedText(s), -1)) })
}

// AnswerWords is the length of a question's answer: its scenario and the six
// chain steps, on the rendered text.
func AnswerWords(q *handbook.Question) int {
	n := Words(q.Scenario)
	for _, s := range q.Chain.Steps() {
		n += Words(s.Text)
	}
	return n
}

// quantity matches a number with a unit: 81%, 350 ms, 2x, 4K rps, $500, 1.5 GB …
var quantity = regexp.MustCompile(`(?i)(?:[$€£]\s?\d[\d,.]*\s*[kmb]?)|(?:\d[\d,.]*\s*(?:%|‰|percent|x\b|×|ms\b|µs\b|us\b|ns\b|s\b|sec|seconds?\b|minutes?\b|min\b|hours?\b|h\b|days?\b|k\b|m\b|rps|qps|tps|req/s|requests?|ops|iops|gb|mb|kb|tb|gib|mib|kib|tib|gbps|mbps|cores?|vcpus?|cpus?|pods?|nodes?|instances?|connections?|shards?|replicas?|msg/s|messages?|events?|users?|queries|points?|pp\b|\$))`)

// HasQuantity reports whether s states a number with a unit.
func HasQuantity(s string) bool { return quantity.MatchString(RenderedText(s)) }

// questionID excludes the handbook's own ids (PE-001) from acronym checks.
var questionID = regexp.MustCompile(`\bPE-\d+\b`)

// Acronyms returns the acronyms in the rendered text of s, in order of first
// appearance: words of ASCII letters and digits that start with a capital
// and have another one (SLO, HTTP2, SLOs). Mixed-case names such as
// "JavaScript" or "PostgreSQL" are not acronyms: only words whose capitals
// outnumber their lower-case letters count (a plural s aside). The result
// may be shared: do not modify it.
func Acronyms(s string) []string { return remembered(&textMemo.acronyms, s, acronyms) }

func acronyms(s string) []string {
	text := RenderedText(s)
	if strings.Contains(text, "PE-") { // the regexp costs more than the rest of this function
		text = questionID.ReplaceAllString(text, "")
	}
	seen := map[string]bool{}
	var out []string
	isWord := func(r rune) bool { return r == '_' || r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isWord(r) }) {
		if acronym(w) && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func acronym(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' || strings.ContainsRune(w, '_') {
		return false
	}
	upper, lower := 0, 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		}
	}
	return upper >= 2 && (lower == 0 || lower == 1 && strings.HasSuffix(w, "s"))
}

// citedSources returns the distinct source ids (tools, literature,
// citations) a question cites with [Ref: …]; glossary ids are definitions,
// not sources, and do not count.
func citedSources(q *handbook.Question) []string {
	seen := map[string]bool{}
	var out []string
	handbook.Texts(q, func(_, s string) {
		found, _ := prose.Scan(s)
		for _, m := range found {
			for _, id := range m.IDs {
				if !strings.HasPrefix(id, "G") && !seen[id] {
					seen[id] = true
					out = append(out, id)
				}
			}
		}
	})
	return out
}
