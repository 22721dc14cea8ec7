package postbuild

import (
	"fmt"
	"io"
	"strings"

	"github.com/perfhandbook/handbook/gen/inert"
)

// Options for Check.
type Options struct {
	BaseURL         string          // absolute site URL, to recognise internal absolute links
	MermaidFallback bool            // draft build with undrawn diagrams: allow client-side Mermaid
	Published       map[string]bool // URLs published before (the manifest); none may be lost
}

// Check runs every post-build check on the site in dir, printing the budget
// report to log. It returns the parsed site, and an error listing every problem.
func Check(dir string, opts Options, log io.Writer) (*Site, error) {
	s, err := Read(dir)
	if err != nil {
		return nil, err
	}
	// Inertness first: it is the last layer between hostile data and a reader's browser.
	var unsafe []string
	for _, pg := range s.sortedPages() {
		for _, what := range pg.Unsafe {
			unsafe = append(unsafe, pg.File+": "+what)
		}
	}
	if err := inert.Report(unsafe); err != nil {
		return s, err
	}
	var problems []string
	for _, u := range s.Lost(opts.Published) {
		problems = append(problems, fmt.Sprintf("%s was published before and is gone: add the old slug to the question's aliases, or a redirect to data/redirects.yaml", u))
	}
	for _, l := range s.BrokenLinks(opts.BaseURL) {
		problems = append(problems, "broken link: "+l)
	}
	overruns, report := s.CheckBudgets(opts.MermaidFallback)
	for _, r := range report {
		fmt.Fprintln(log, "budget", r)
	}
	problems = append(problems, overruns...)
	if len(problems) > 0 {
		const max = 40
		shown := problems
		if len(shown) > max {
			shown = append(shown[:max:max], fmt.Sprintf("… and %d more", len(problems)-max))
		}
		return s, fmt.Errorf("post-build checks failed (%d problem(s)); the previous site stays published:\n  %s",
			len(problems), strings.Join(shown, "\n  "))
	}
	return s, nil
}
