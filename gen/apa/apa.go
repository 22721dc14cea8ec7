// Package apa formats literature entries and citations as APA 7th references
// in Markdown, from the parts the data keeps.
package apa

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// Reference formats w as a full APA 7th reference in Markdown, ending with
// its DOI or URL and its language tag, e.g.
//
//	Dean, J., & Barroso, L. A. (2013). The tail at scale. *Communications of the ACM*, *56*(2), 74–80. https://doi.org/10.1145/2408776.2408794 [EN]
func Reference(w *handbook.Work) string {
	return fmt.Sprintf("%s (%s). %s", Authors(w.Authors), date(w), body(w, true))
}

// Details is the reference after its authors and date, without the DOI or
// URL: what a tooltip adds to the in-text form (Short), e.g.
//
//	The tail at scale. *Communications of the ACM*, *56*(2), 74–80. [EN]
func Details(w *handbook.Work) string { return body(w, false) }

// body is the title and source of a reference, optionally its link, and
// its language tag.
func body(w *handbook.Work, withLink bool) string {
	var b strings.Builder
	if isPartOfContainer(w) {
		b.WriteString(sentence(escape(w.Title) + translation(w)))
		b.WriteString(" ")
		b.WriteString(container(w))
	} else {
		b.WriteString(standalone(w))
	}
	if link := Link(w); link != "" && withLink {
		b.WriteString(" ")
		b.WriteString(link)
	}
	fmt.Fprintf(&b, " [%s]", w.Language)
	return b.String()
}

// Short is the in-text form: "Dean & Barroso (2013)", "Gregg (2020)",
// "Beyer et al. (2016)".
func Short(w *handbook.Work) string {
	names := make([]string, len(w.Authors))
	for i, a := range w.Authors {
		surname, _, _ := strings.Cut(a, ",")
		names[i] = strings.TrimSpace(surname)
	}
	var who string
	switch len(names) {
	case 0:
		who = w.Title
	case 1:
		who = names[0]
	case 2:
		who = names[0] + " & " + names[1]
	default:
		who = names[0] + " et al."
	}
	return fmt.Sprintf("%s (%d)", who, w.Year)
}

// Authors joins author names the APA way: "A", "A, & B", "A, B, & C"; from
// 21 authors on, the first 19, an ellipsis and the last.
func Authors(authors []string) string {
	switch n := len(authors); {
	case n == 0:
		return ""
	case n == 1:
		return authors[0]
	case n > 20:
		return strings.Join(authors[:19], ", ") + ", … " + authors[n-1]
	default:
		return strings.Join(authors[:n-1], ", ") + ", & " + authors[n-1]
	}
}

// Link is the reference's DOI as a URL, or its URL.
func Link(w *handbook.Work) string {
	switch {
	case w.DOI != "":
		return "https://doi.org/" + w.DOI
	case w.URL != "":
		return w.URL
	}
	return ""
}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// date is "2013", or "2024, March 5" for dated web sources.
func date(w *handbook.Work) string {
	year := strconv.Itoa(w.Year)
	if w.Date == "" || !datedType(w.Type) {
		return year
	}
	parts := strings.Split(w.Date, "-")
	m, err := strconv.Atoi(parts[1])
	if err != nil || m < 1 || m > 12 {
		return year
	}
	s := year + ", " + months[m-1]
	if len(parts) == 3 {
		d, _ := strconv.Atoi(parts[2])
		s += " " + strconv.Itoa(d)
	}
	return s
}

func datedType(t handbook.SourceType) bool {
	switch t {
	case "engineering-blog", "conference-talk", "official-documentation":
		return true
	}
	return false
}

// isPartOfContainer tells articles and chapters (title plain, container
// italic) from standalone works (title italic).
func isPartOfContainer(w *handbook.Work) bool {
	return w.Type == "peer-reviewed-paper" && w.Container != ""
}

// translation is the bracketed English title APA 7th adds after a
// non-English title (outside any italics).
func translation(w *handbook.Work) string {
	if w.TitleEN == "" || w.Language == "EN" {
		return ""
	}
	return " [" + escape(w.TitleEN) + "]"
}

func container(w *handbook.Work) string {
	s := "*" + escape(w.Container) + "*"
	if w.Volume != "" {
		s += ", *" + escape(w.Volume) + "*"
		if w.Issue != "" {
			s += "(" + escape(w.Issue) + ")"
		}
	}
	if w.Pages != "" {
		s += ", " + escape(w.Pages)
	}
	return s + "."
}

// standalone formats an italic title with its description and source.
func standalone(w *handbook.Work) string {
	var b strings.Builder
	b.WriteString("*" + escape(w.Title) + "*" + translation(w))
	var notes []string
	if w.Edition != "" {
		notes = append(notes, escape(w.Edition)+" ed.")
	}
	if w.Volume != "" && w.Type != "standard" {
		notes = append(notes, "Vol. "+escape(w.Volume))
	}
	if w.Type == "standard" && w.Volume != "" {
		notes = append(notes, escape(w.Volume))
	}
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, ", ") + ")")
	}
	if d := description(w.Type); d != "" {
		b.WriteString(" [" + d + "]")
	}
	b.WriteString(".")
	for _, s := range []string{w.Container, w.Publisher} {
		if s != "" && !strings.EqualFold(s, strings.Join(w.Authors, "")) {
			b.WriteString(" " + escape(s) + ".")
		}
	}
	return b.String()
}

// description is APA's bracketed description of non-routine formats.
func description(t handbook.SourceType) string {
	switch t {
	case "conference-talk":
		return "Conference presentation"
	case "preprint":
		return "Preprint"
	}
	return ""
}

// sentence makes sure a title ends with terminal punctuation.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "]") {
		if strings.HasSuffix(s, "]") {
			return s + "."
		}
		return s
	}
	return s + "."
}

var escaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "`", "\\`", "<", `\<`)

func escape(s string) string { return escaper.Replace(s) }
