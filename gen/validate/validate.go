// Package validate checks the rules that span fields and files once the data
// has been decoded: ids and slugs are unique, questions name real clusters,
// every [Ref: X] and [G: term] resolves, URLs and identifiers are well formed,
// diagrams carry nothing that could script a reader's browser, and the
// requirements interview's bank is consistent with itself and the questions.
package validate

import (
	"fmt"
	"path"

	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/diag"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/load"
	"github.com/perfhandbook/handbook/gen/prose"
)

// Handbook returns every problem found; the build must stop on any error.
func Handbook(h *handbook.Handbook, dataDir string) diag.List {
	return check(h, dataDir, nil, nil)
}

// check is Handbook, taking the text rules' findings for files unchanged
// since the cache saw them (src holds the files' bytes; both may be nil).
func check(h *handbook.Handbook, dataDir string, src *load.Sources, cache *Cache) diag.List {
	v := &validator{h: h, idx: handbook.NewIndex(h), dir: dataDir, src: src, cache: cache}
	v.meta()
	v.questions()
	v.references()
	v.interview()
	v.text()
	return v.problems
}

type validator struct {
	h        *handbook.Handbook
	idx      *handbook.Index
	dir      string
	src      *load.Sources
	cache    *Cache
	problems diag.List
}

func (v *validator) file(name string) string { return path.Join(v.dir, name) }

func (v *validator) meta() {
	file := v.file(load.MetaFile)
	ids, numbers := map[string]bool{}, map[int]bool{}
	for i, c := range v.h.Meta.Clusters {
		p := fmt.Sprintf("$.clusters[%d]", i)
		if ids[c.ID] {
			v.problems.Errorf(file, p+".id", "cluster %q is defined twice", c.ID)
		}
		if numbers[c.Number] {
			v.problems.Errorf(file, p+".number", "cluster number %d is used twice", c.Number)
		}
		ids[c.ID], numbers[c.Number] = true, true
	}
	v.mentions(file, &v.h.Meta)
}

// mentions checks every [Ref: X] and [G: term] in the text fields of x.
func (v *validator) mentions(file string, x any) {
	handbook.Texts(x, func(p, text string) {
		found, bad := prose.Scan(text)
		for _, b := range bad {
			v.problems.ErrorAt(file, p, b.Raw, "malformed mention %q: %s; write [Ref: A1] or [G: term]", b.Raw, b.Reason)
		}
		for _, m := range found {
			v.mention(file, p, m)
		}
	})
}

func (v *validator) mention(file, p string, m prose.Mention) {
	if m.Kind == prose.Glossary {
		if _, ok := v.idx.Term(m.Term); !ok {
			v.problems.ErrorAt(file, p, m.Raw, "%s: no glossary entry has the term or alias %q; add it to %s or fix the spelling",
				m.Raw, m.Term, v.file(load.GlossaryFile))
		}
		return
	}
	for _, id := range m.IDs {
		if _, ok := v.idx.Ref(id); !ok {
			v.problems.ErrorAt(file, p, m.Raw, "%s: reference %s does not exist; expected an id defined in data/references/", m.Raw, id)
		}
	}
}

// uniqueNames reports names already seen (after folding), remembering where
// each was first defined.
type uniqueNames map[string]string

func (u uniqueNames) claim(name, where string) (firstAt string, dup bool) {
	key := handbook.FoldTerm(name)
	if first, ok := u[key]; ok {
		return first, true
	}
	u[key] = where
	return "", false
}

// Load reads and validates the data directory: load's strict decoding, then
// the cross-file rules, with every problem placed at file:line:col.
func Load(fsys afero.Fs, dataDir string) (*handbook.Handbook, *load.Sources, diag.List) {
	return LoadCached(fsys, dataDir, nil)
}

// LoadCached is Load, reusing what earlier loads with the same cache found
// in files that have not changed since (see Cache).
func LoadCached(fsys afero.Fs, dataDir string, cache *Cache) (*handbook.Handbook, *load.Sources, diag.List) {
	h, src, problems := load.DirCached(fsys, dataDir, cache.decoded())
	if len(problems.Errors()) > 0 {
		return h, src, problems
	}
	more := check(h, dataDir, src, cache)
	more.Locate(src)
	return h, src, append(problems, more...)
}
