package gates

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// Gates 11–17: the references.

func (e *evaluator) glossaryMin() Result {
	min := e.scaled(10)
	r := Result{Name: "Glossary minimum", Requirement: "glossary entries with definition, distinctions, when to use, and a formula or targets",
		Threshold: fmt.Sprintf("≥%d complete entries", min)}
	complete := 0
	for _, g := range e.h.Glossary {
		var missing []string
		for _, part := range []struct{ name, value string }{
			{"definition", g.Definition}, {"distinctions", g.Distinctions}, {"when_to_use", g.WhenToUse},
		} {
			if strings.TrimSpace(part.value) == "" {
				missing = append(missing, part.name)
			}
		}
		if strings.TrimSpace(g.Formula) == "" && strings.TrimSpace(g.Targets) == "" {
			missing = append(missing, "formula or targets")
		}
		if len(missing) > 0 {
			r.Offenders = append(r.Offenders, refOffender(g.ID, missing[0], "missing "+strings.Join(missing, ", ")))
			continue
		}
		complete++
	}
	return e.minimum(r, complete, len(e.h.Glossary), min, "glossary entries")
}

func (e *evaluator) toolsMin() Result {
	min := e.scaled(5)
	r := Result{Name: "Tools minimum", Requirement: "tools with purpose, pricing, last update (YYYY-MM) and URL",
		Threshold: fmt.Sprintf("≥%d complete entries", min)}
	complete := 0
	for _, t := range e.h.Tools {
		var missing []string
		for _, part := range []struct{ name, value string }{
			{"purpose", t.Purpose}, {"pricing", t.Pricing}, {"last_update", string(t.LastUpdate)}, {"url", t.URL},
		} {
			if strings.TrimSpace(part.value) == "" {
				missing = append(missing, part.name)
			}
		}
		if len(missing) > 0 {
			r.Offenders = append(r.Offenders, refOffender(t.ID, missing[0], "missing "+strings.Join(missing, ", ")))
			continue
		}
		complete++
	}
	return e.minimum(r, complete, len(e.h.Tools), min, "tools")
}

func (e *evaluator) literatureMin() Result {
	min := e.scaled(10)
	r := Result{Name: "Literature minimum", Requirement: "literature entries with full APA 7th parts and a language tag",
		Threshold: fmt.Sprintf("≥%d complete entries", min)}
	complete := e.worksComplete(&r, e.h.Literature)
	return e.minimum(r, complete, len(e.h.Literature), min, "literature entries")
}

func (e *evaluator) citationsMin() Result {
	min := e.scaled(20)
	r := Result{Name: "Citations minimum", Requirement: "citations with full APA 7th parts and a language tag",
		Threshold: fmt.Sprintf("≥%d complete entries", min)}
	complete := e.worksComplete(&r, e.h.Citations)
	return e.minimum(r, complete, len(e.h.Citations), min, "citations")
}

// worksComplete counts works carrying the APA parts: authors, year, title,
// a source (container or publisher), a locator (DOI, URL or ISBN) and a language.
func (e *evaluator) worksComplete(r *Result, works []*handbook.Work) int {
	complete := 0
	for _, w := range works {
		var missing []string
		if len(w.Authors) == 0 {
			missing = append(missing, "authors")
		}
		if w.Year == 0 {
			missing = append(missing, "year")
		}
		if strings.TrimSpace(w.Title) == "" {
			missing = append(missing, "title")
		}
		if w.Container == "" && w.Publisher == "" {
			missing = append(missing, "container or publisher")
		}
		if w.DOI == "" && w.URL == "" && w.ISBN == "" {
			missing = append(missing, "doi, url or isbn")
		}
		if w.Language == "" {
			missing = append(missing, "language")
		}
		if len(missing) > 0 {
			r.Offenders = append(r.Offenders, refOffender(w.ID, missing[0], "missing "+strings.Join(missing, ", ")))
			continue
		}
		complete++
	}
	return complete
}

// minimum decides a reference-minimum gate: enough complete entries, and no
// incomplete one.
func (e *evaluator) minimum(r Result, complete, total, min int, what string) Result {
	r.Measured = fmt.Sprintf("%d of %d %s complete", complete, total, what)
	if complete < min {
		r.Offenders = append(r.Offenders, Offender{ID: "handbook", Reason: fmt.Sprintf("%d complete %s; need %d", complete, what, min)})
	}
	return verdict(r)
}

// workDate is when a work was published, as precisely as the data says. A
// year alone counts as 1 January: a work is never counted recent on a guess.
func workDate(w *handbook.Work) time.Time {
	for _, layout := range []string{time.DateOnly, "2006-01"} {
		if t, err := time.Parse(layout, w.Date); err == nil {
			return t
		}
	}
	return time.Date(w.Year, 1, 1, 0, 0, 0, 0, time.UTC)
}

func (e *evaluator) recency() Result {
	citeCut := e.asOf.AddDate(-3, 0, 0)
	toolCut := e.asOf.AddDate(0, -18, 0)
	r := Result{Name: "Recency", Requirement: "citations from the last 3 years; tools updated within 18 months",
		Threshold: fmt.Sprintf("≥50%% of citations on or after %s; ≥70%% of tools updated on or after %s (as of %s)",
			citeCut.Format(time.DateOnly), toolCut.Format("2006-01"), e.asOf.Format(time.DateOnly))}
	recent := 0
	for _, w := range e.h.Citations {
		if !workDate(w).Before(citeCut) {
			recent++
		}
	}
	fresh := 0
	for _, t := range e.h.Tools {
		d, err := time.Parse("2006-01", string(t.LastUpdate))
		switch {
		case err != nil:
			r.Evidence = append(r.Evidence, t.ID+" "+t.Name+": no verified release date")
		case d.Before(toolCut):
			r.Evidence = append(r.Evidence, fmt.Sprintf("%s %s: last update %s", t.ID, t.Name, t.LastUpdate))
		default:
			fresh++
		}
	}
	r.Measured = fmt.Sprintf("citations %s recent; tools %s updated", pctString(recent, len(e.h.Citations)), pctString(fresh, len(e.h.Tools)))
	if pct(recent, len(e.h.Citations)) < 50 {
		r.Offenders = append(r.Offenders, Offender{ID: "citations", URL: "/citations/", Reason: "fewer than 50% of citations are from the last 3 years"})
	}
	if pct(fresh, len(e.h.Tools)) < 70 {
		r.Offenders = append(r.Offenders, Offender{ID: "tools", URL: "/tools/", Reason: "fewer than 70% of tools were updated in the last 18 months"})
	}
	return verdict(r)
}

func (e *evaluator) diversity() Result {
	r := Result{Name: "Diversity", Requirement: "citations come from several source types", Threshold: "≥3 source types, none above 25%"}
	counts := map[string]int{}
	for _, w := range e.h.Citations {
		counts[string(w.Type)]++
	}
	types := make([]string, 0, len(counts))
	for t := range counts {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool {
		return counts[types[i]] > counts[types[j]] || (counts[types[i]] == counts[types[j]] && types[i] < types[j])
	})
	var parts []string
	n := len(e.h.Citations)
	for _, t := range types {
		parts = append(parts, fmt.Sprintf("%s %d (%.0f%%)", t, counts[t], pct(counts[t], n)))
		if pct(counts[t], n) > 25 {
			r.Offenders = append(r.Offenders, Offender{ID: t, URL: "/citations/", Reason: fmt.Sprintf("%.0f%% of citations; at most 25%%", pct(counts[t], n))})
		}
	}
	if len(types) < 3 {
		r.Offenders = append(r.Offenders, Offender{ID: "citations", URL: "/citations/", Reason: fmt.Sprintf("%d source types; need 3", len(types))})
	}
	r.Measured = fmt.Sprintf("%d types: %s", len(types), strings.Join(parts, ", "))
	return verdict(r)
}

var (
	waybackURL   = regexp.MustCompile(`^https://web\.archive\.org/web/\d{14}(id_|if_)?/https?://\S+$`)
	archiveToday = regexp.MustCompile(`^https://archive\.(ph|today|is|md)/\S+$`)
	permaCC      = regexp.MustCompile(`^https://perma\.cc/[A-Z0-9]{4}-[A-Z0-9]{4}$`)
	pinnedBlob   = regexp.MustCompile(`^https://github\.com/[\w.-]+/[\w.-]+/blob/[0-9a-f]{40}/\S+$`)
	doiPattern   = regexp.MustCompile(`^10\.\d{4,9}/[^\s]+$`)
)

// IsArchive reports whether u is an immutable archived copy: a dated web
// archive capture, a Perma.cc record, or a source file pinned to a commit.
func IsArchive(u string) bool {
	return waybackURL.MatchString(u) || archiveToday.MatchString(u) || permaCC.MatchString(u) || pinnedBlob.MatchString(u)
}

func (e *evaluator) links() Result {
	r := Result{Name: "Link accessibility", Requirement: "every link well-formed https; every work reachable through a DOI, ISBN or archived copy",
		Threshold: "100% offline; online check recorded separately (gen check --online)"}
	links, works := 0, 0
	checkURL := func(id, field, u string) {
		if u == "" {
			return
		}
		links++
		p, err := url.Parse(u)
		if err != nil || p.Scheme != "https" || p.Host == "" {
			r.Offenders = append(r.Offenders, refOffender(id, field, u+" is not a well-formed https URL"))
		}
	}
	for _, t := range e.h.Tools {
		checkURL(t.ID, "url", t.URL)
	}
	for _, w := range append(append([]*handbook.Work{}, e.h.Literature...), e.h.Citations...) {
		works++
		checkURL(w.ID, "url", w.URL)
		checkURL(w.ID, "archived_url", w.ArchivedURL)
		if w.DOI != "" {
			links++
			if !doiPattern.MatchString(w.DOI) {
				r.Offenders = append(r.Offenders, refOffender(w.ID, "doi", w.DOI+" is not a well-formed DOI"))
			}
		}
		if w.ArchivedURL != "" && !IsArchive(w.ArchivedURL) {
			r.Offenders = append(r.Offenders, refOffender(w.ID, "archived_url",
				"not a recognised archive: use a dated web.archive.org capture, archive.today, perma.cc, or a GitHub file pinned to a commit"))
		}
		if w.DOI == "" && w.ISBN == "" && w.ArchivedURL == "" {
			r.Offenders = append(r.Offenders, refOffender(w.ID, "archived_url", "no DOI, ISBN or archived copy: the link can rot"))
		}
	}
	r.Measured = fmt.Sprintf("%d links and DOIs in %d works and %d tools", links, works, len(e.h.Tools))
	r.Evidence = e.opts.Links.evidence(e.h, &r)
	return verdict(r)
}
