// Package loop computes the ready-made interview loops of the loop builder
// (/loop/): one per stakeholder role and one per level (difficulty), each a
// short, varied selection from the handbook's questions, and the URL that
// opens it. The builder keeps a loop entirely in its URL, so a preset is
// just a link.
package loop

import (
	"net/url"
	"slices"
	"strings"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// A preset holds at most MaxQuestions questions and, when the questions allow
// it, no more than BudgetMinutes of interview time: one interview hour with
// room for introductions and the candidate's questions.
const (
	MaxQuestions  = 4
	BudgetMinutes = 60
)

// Path is where the loop builder lives on the site.
const Path = "/loop/"

// Preset is a ready-made loop.
type Preset struct {
	Kind    string   `json:"kind"` // "role" or "level"
	Key     string   `json:"key"`  // the role or difficulty, e.g. "sre"
	Label   string   `json:"label"`
	Title   string   `json:"title"` // the loop's title, e.g. "SRE loop"
	IDs     []string `json:"ids"`
	Minutes int      `json:"minutes"`
	URL     string   `json:"url"` // site path of the loop, e.g. /loop/?q=pe-001,pe-006&title=SRE+loop
}

// Presets returns a preset per role, then per difficulty, leaving out those
// no question fits. Questions must be in handbook order.
func Presets(qs []*handbook.Question) []Preset {
	var out []Preset
	for _, r := range handbook.Roles {
		fits := filter(qs, func(q *handbook.Question) bool { return slices.Contains(q.Roles, r) })
		out = appendPreset(out, "role", string(r), handbook.Label(string(r)), fits)
	}
	for _, d := range handbook.Difficulties {
		fits := filter(qs, func(q *handbook.Question) bool { return q.Difficulty == d })
		out = appendPreset(out, "level", string(d), handbook.Label(string(d)), fits)
	}
	return out
}

func appendPreset(out []Preset, kind, key, label string, candidates []*handbook.Question) []Preset {
	picked := Pick(candidates)
	if len(picked) == 0 {
		return out
	}
	p := Preset{Kind: kind, Key: key, Label: label, Title: label + " loop"}
	for _, q := range picked {
		p.IDs = append(p.IDs, q.ID)
		p.Minutes += q.DurationMinutes
	}
	p.URL = URL(p.IDs, p.Title)
	return append(out, p)
}

// Pick chooses up to MaxQuestions of the candidates for one loop: first one
// question per dimension, then one per cluster, then the rest, in handbook
// order, skipping questions that would exceed BudgetMinutes (the first
// question is always taken). The loop is ordered from foundational to
// advanced, so it warms up.
func Pick(candidates []*handbook.Question) []*handbook.Question {
	var picked []*handbook.Question
	minutes := 0
	take := func(q *handbook.Question) {
		if len(picked) >= MaxQuestions || slices.Contains(picked, q) {
			return
		}
		if len(picked) > 0 && minutes+q.DurationMinutes > BudgetMinutes {
			return
		}
		picked = append(picked, q)
		minutes += q.DurationMinutes
	}
	passes := []func(*handbook.Question) string{
		func(q *handbook.Question) string { return string(q.Dimension) },
		func(q *handbook.Question) string { return q.Cluster },
		func(q *handbook.Question) string { return q.ID },
	}
	for _, key := range passes {
		seen := map[string]bool{}
		for _, q := range picked {
			seen[key(q)] = true
		}
		for _, q := range candidates {
			if !seen[key(q)] {
				seen[key(q)] = true
				take(q)
			}
		}
	}
	slices.SortStableFunc(picked, func(a, b *handbook.Question) int { return a.Difficulty.Rank() - b.Difficulty.Rank() })
	return picked
}

// URL is the site path that opens a loop of the given questions and title.
// Ids are written in lower case, as in the questions' alias URLs.
func URL(ids []string, title string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = strings.ToLower(id)
	}
	v := "?q=" + strings.Join(q, ",")
	if title != "" {
		v += "&title=" + url.QueryEscape(title)
	}
	return Path + v
}

func filter(qs []*handbook.Question, keep func(*handbook.Question) bool) []*handbook.Question {
	var out []*handbook.Question
	for _, q := range qs {
		if keep(q) {
			out = append(out, q)
		}
	}
	return out
}
