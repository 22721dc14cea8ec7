package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/load"
)

func (v *validator) references() {
	ids := uniqueNames{}
	claimID := func(file, p, id, prefix string) {
		if !strings.HasPrefix(id, prefix) {
			v.problems.Errorf(file, p, "id %s belongs in another file: ids in %s start with %s", id, file, prefix)
		}
		if first, dup := ids.claim(id, file); dup {
			v.problems.Errorf(file, p, "id %s is already used in %s; reference ids are permanent and unique", id, first)
		}
	}
	gfile := v.file(load.GlossaryFile)
	names := uniqueNames{}
	for i, g := range v.h.Glossary {
		p := fmt.Sprintf("$[%d]", i)
		claimID(gfile, p+".id", g.ID, "G")
		v.glossaryEntry(gfile, p, g, names)
	}
	v.abbreviations(names)
	tfile := v.file(load.ToolsFile)
	for i, t := range v.h.Tools {
		p := fmt.Sprintf("$[%d]", i)
		claimID(tfile, p+".id", t.ID, "T")
		v.url(tfile, p+".url", t.URL)
	}
	v.mentions(tfile, v.h.Tools)
	for _, kind := range []struct {
		file   string
		prefix string
		works  []*handbook.Work
	}{{v.file(load.LiteratureFile), "L", v.h.Literature}, {v.file(load.CitationsFile), "A", v.h.Citations}} {
		for i, w := range kind.works {
			p := fmt.Sprintf("$[%d]", i)
			claimID(kind.file, p+".id", w.ID, kind.prefix)
			v.work(kind.file, p, w)
		}
		v.mentions(kind.file, kind.works)
	}
}

func (v *validator) glossaryEntry(file, p string, g *handbook.GlossaryEntry, names uniqueNames) {
	for j, n := range g.Names() {
		np := p + ".term"
		if j > 0 {
			np = fmt.Sprintf("%s.aliases[%d]", p, j-1)
		}
		if first, dup := names.claim(n, g.ID); dup && first != g.ID {
			v.problems.Errorf(file, np, "%q is already a term or alias of %s; [G: %s] must mean one entry", n, first, n)
		}
	}
	for j, r := range g.Related {
		rp := fmt.Sprintf("%s.related[%d]", p, j)
		switch ref, ok := v.idx.Ref(r); {
		case r == g.ID:
			v.problems.Errorf(file, rp, "an entry cannot be related to itself")
		case !ok || ref.Glossary == nil:
			v.problems.Errorf(file, rp, "%s is not a glossary id", r)
		}
	}
	for j, s := range g.Sources {
		if _, ok := v.idx.Ref(s); !ok || s == g.ID {
			v.problems.Errorf(file, fmt.Sprintf("%s.sources[%d]", p, j), "reference %s does not exist", s)
		}
	}
	handbook.Texts(g, func(tp, text string) {
		for _, n := range g.Names() {
			if tp != "$.term" && tp != "$.aliases" && strings.Contains(text, "[G: "+n+"]") {
				v.problems.ErrorAt(file, p+strings.TrimPrefix(tp, "$"), "[G: "+n+"]",
					"the entry for %q mentions itself; a definition must not rest on its own term", g.Term)
			}
		}
	})
	v.mentions(file, g)
}

func (v *validator) abbreviations(glossaryNames uniqueNames) {
	file := v.file(load.AbbrevFile)
	seen := uniqueNames{}
	for i, a := range v.h.Abbreviations {
		p := fmt.Sprintf("$[%d].abbr", i)
		if _, dup := seen.claim(a.Abbr, a.Abbr); dup {
			v.problems.Errorf(file, p, "%s is listed twice", a.Abbr)
		}
		if g, ok := glossaryNames[handbook.FoldTerm(a.Abbr)]; ok {
			v.problems.Errorf(file, p, "%s is already defined by glossary entry %s; remove it here", a.Abbr, g)
		}
	}
}

func (v *validator) work(file, p string, w *handbook.Work) {
	v.url(file, p+".url", w.URL)
	v.url(file, p+".archived_url", w.ArchivedURL)
	if w.ISBN != "" && !validISBN13(w.ISBN) {
		v.problems.Errorf(file, p+".isbn", "%s is not a valid ISBN-13 (its check digit does not match)", w.ISBN)
	}
	if w.DOI != "" && (strings.ContainsAny(w.DOI, " \t") || strings.HasPrefix(w.DOI, "http")) {
		v.problems.Errorf(file, p+".doi", "write the bare DOI (10.xxxx/…), not a URL")
	}
	if w.URL == "" && w.DOI == "" && w.ISBN == "" {
		v.problems.Errorf(file, p+".url", "a reference needs a url, a doi or an isbn so readers can find it")
	}
	asOf, _ := strconv.Atoi(string(v.h.Meta.AsOf)[:min(4, len(v.h.Meta.AsOf))])
	if w.Year < 1900 || (asOf > 0 && w.Year > asOf) {
		v.problems.Errorf(file, p+".year", "year %d is outside 1900–%d (the handbook's as_of year)", w.Year, asOf)
	}
	if w.Date != "" && !strings.HasPrefix(w.Date, strconv.Itoa(w.Year)) {
		v.problems.Errorf(file, p+".date", "date %s does not fall in year %d", w.Date, w.Year)
	}
	if w.Language != "EN" && w.TitleEN == "" {
		v.problems.Warnf(file, p+".title_en", "APA 7th gives non-English titles an English translation; add title_en")
	}
}

// url accepts https URLs, warns about http and refuses every other scheme
// (javascript:, data: …) so that nothing executable reaches a page.
func (v *validator) url(file, p, raw string) {
	if raw == "" {
		return
	}
	switch msg, warn := checkURL(raw); {
	case msg == "":
	case warn:
		v.problems.Warnf(file, p, "%s", msg)
	default:
		v.problems.Errorf(file, p, "%s", msg)
	}
}

// validISBN13 checks an ISBN-13's check digit, which catches most typos and
// invented numbers.
func validISBN13(s string) bool {
	digits := strings.ReplaceAll(s, "-", "")
	if len(digits) != 13 {
		return false
	}
	sum := 0
	for i, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return sum%10 == 0
}
