package handbook

import "strings"

// RefKind is one of the four reference kinds; its letter prefixes the ids.
type RefKind struct {
	Prefix  string // G, T, L, A
	Name    string // "Glossary"
	Section string // URL section of its page, e.g. "glossary"
}

// RefKinds lists the reference kinds in the order the specification gives them.
var RefKinds = []RefKind{
	{"G", "Glossary", "glossary"},
	{"T", "Tools", "tools"},
	{"L", "Literature", "literature"},
	{"A", "Citations", "citations"},
}

// KindOf returns the reference kind of an id such as "A12".
func KindOf(id string) (RefKind, bool) {
	for _, k := range RefKinds {
		if strings.HasPrefix(id, k.Prefix) {
			return k, true
		}
	}
	return RefKind{}, false
}

// Ref is any reference entry, found by id.
type Ref struct {
	ID       string
	Kind     RefKind
	Glossary *GlossaryEntry
	Tool     *Tool
	Work     *Work // literature or citation
}

// Anchor is the entry's stable anchor on its reference page.
func (r Ref) Anchor() string { return strings.ToLower(r.ID) }

// URL is the site path of the entry.
func (r Ref) URL() string { return "/" + r.Kind.Section + "/#" + r.Anchor() }

// Index looks references up by id and glossary entries by term or alias.
type Index struct {
	refs    map[string]Ref
	terms   map[string]*GlossaryEntry
	abbrevs map[string]*Abbreviation
}

// NewIndex indexes a handbook's references. When two entries claim the same
// id or term the first wins; validation reports the clash.
func NewIndex(h *Handbook) *Index {
	x := &Index{refs: map[string]Ref{}, terms: map[string]*GlossaryEntry{}, abbrevs: map[string]*Abbreviation{}}
	add := func(r Ref) {
		if _, dup := x.refs[r.ID]; !dup {
			x.refs[r.ID] = r
		}
	}
	for _, g := range h.Glossary {
		add(Ref{ID: g.ID, Kind: RefKinds[0], Glossary: g})
		for _, t := range g.Names() {
			if _, dup := x.terms[FoldTerm(t)]; !dup {
				x.terms[FoldTerm(t)] = g
			}
		}
	}
	for _, t := range h.Tools {
		add(Ref{ID: t.ID, Kind: RefKinds[1], Tool: t})
	}
	for _, w := range h.Literature {
		add(Ref{ID: w.ID, Kind: RefKinds[2], Work: w})
	}
	for _, w := range h.Citations {
		add(Ref{ID: w.ID, Kind: RefKinds[3], Work: w})
	}
	for _, a := range h.Abbreviations {
		x.abbrevs[a.Abbr] = a
	}
	return x
}

// Ref finds a reference by id.
func (x *Index) Ref(id string) (Ref, bool) {
	r, ok := x.refs[id]
	return r, ok
}

// Term finds the glossary entry a [G: term] mention means.
func (x *Index) Term(term string) (*GlossaryEntry, bool) {
	g, ok := x.terms[FoldTerm(term)]
	return g, ok
}

// Abbreviation finds a common abbreviation by its exact spelling.
func (x *Index) Abbreviation(abbr string) (*Abbreviation, bool) {
	a, ok := x.abbrevs[abbr]
	return a, ok
}

// Names returns the entry's term followed by its aliases.
func (g *GlossaryEntry) Names() []string {
	return append([]string{g.Term}, g.Aliases...)
}

// FoldTerm normalises a term for matching: case, spacing and apostrophes.
func FoldTerm(s string) string {
	return apostrophes.Replace(strings.ToLower(strings.Join(strings.Fields(s), " ")))
}

// apostrophes is built once: a Replacer prepares its tables on first use,
// which cost more than the replacing when FoldTerm made one per call.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'")
