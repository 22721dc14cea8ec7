// Package prose finds and rewrites the two kinds of mention the handbook's
// Markdown fields may contain: citations "[Ref: A5]" / "[Ref: T1, A5]" and
// glossary mentions "[G: p99]".
package prose

import (
	"regexp"
	"strings"
)

// Kind tells a citation from a glossary mention.
type Kind int

const (
	Citation Kind = iota // [Ref: ID, ID]
	Glossary             // [G: term]
)

// Mention is one marker found in a text.
type Mention struct {
	Kind  Kind
	IDs   []string // Citation: the reference ids, in order
	Term  string   // Glossary: the term as written
	Raw   string   // the marker as it appears in the text
	Start int      // byte offsets of Raw in the text
	End   int
}

// Malformed is a marker that opens but cannot be read.
type Malformed struct {
	Raw    string
	Reason string
}

var (
	marker = regexp.MustCompile(`\[(Ref|G):([^\[\]\n]*)\]`)
	opener = regexp.MustCompile(`\[(Ref|G)\s*:`)
	refID  = regexp.MustCompile(`^[GTLA][0-9]+$`)
)

// Scan returns the well-formed mentions in text and the markers that are
// malformed (unclosed, empty, or with ids that cannot be ids).
func Scan(text string) ([]Mention, []Malformed) {
	if !strings.Contains(text, "[Ref") && !strings.Contains(text, "[G") {
		return nil, nil // what both patterns need; most texts have no mention, and the regexps cost more
	}
	var out []Mention
	var bad []Malformed
	covered := map[int]bool{}
	for _, m := range marker.FindAllStringSubmatchIndex(text, -1) {
		raw := text[m[0]:m[1]]
		covered[m[0]] = true
		kind, body := text[m[2]:m[3]], strings.TrimSpace(text[m[4]:m[5]])
		if body == "" {
			bad = append(bad, Malformed{raw, "nothing after the colon"})
			continue
		}
		men := Mention{Raw: raw, Start: m[0], End: m[1]}
		if kind == "G" {
			men.Kind, men.Term = Glossary, body
		} else {
			men.Kind = Citation
			for _, id := range strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == ';' }) {
				id = strings.TrimSpace(id)
				if !refID.MatchString(id) {
					bad = append(bad, Malformed{raw, "\"" + id + "\" is not a reference id (G#, T#, L# or A#)"})
					men.IDs = nil
					break
				}
				men.IDs = append(men.IDs, id)
			}
			if men.IDs == nil {
				continue
			}
		}
		out = append(out, men)
	}
	for _, m := range opener.FindAllStringIndex(text, -1) {
		if !covered[m[0]] {
			end := min(len(text), m[1]+30)
			bad = append(bad, Malformed{text[m[0]:end], "marker is not closed with ']' on the same line"})
		}
	}
	return out, bad
}

// Rewrite replaces every well-formed mention with what replace returns.
// Malformed markers are left as they are (validation reports them).
func Rewrite(text string, replace func(Mention) string) string {
	mentions, _ := Scan(text)
	if len(mentions) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range mentions {
		b.WriteString(text[last:m.Start])
		b.WriteString(replace(m))
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// Plain replaces mentions by their readable text — the term for a glossary
// mention, nothing for a citation — so that words can be counted.
func Plain(text string) string {
	return Rewrite(text, func(m Mention) string {
		if m.Kind == Glossary {
			return m.Term
		}
		return ""
	})
}
