package loop

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// q is a question with the fields presets look at.
func q(id, cluster string, d handbook.Difficulty, dim handbook.Dimension, minutes int, roles ...handbook.Role) *handbook.Question {
	return &handbook.Question{ID: id, Cluster: cluster, Difficulty: d, Dimension: dim, DurationMinutes: minutes, Roles: roles}
}

func ids(qs []*handbook.Question) string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return strings.Join(out, " ")
}

func TestPick(t *testing.T) {
	const (
		F = handbook.Foundational
		I = handbook.Intermediate
		A = handbook.Advanced
	)
	tests := []struct {
		name       string
		candidates []*handbook.Question
		want       string
	}{
		{"nothing to pick", nil, ""},
		{"one question over budget is still a loop", []*handbook.Question{q("PE-001", "c1", A, "latency", 90)}, "PE-001"},
		{"one question per dimension first, ordered easy to hard", []*handbook.Question{
			q("PE-001", "c1", A, "latency", 15), q("PE-002", "c1", F, "latency", 15),
			q("PE-003", "c1", I, "throughput", 15), q("PE-004", "c2", F, "scalability", 15),
		}, "PE-004 PE-002 PE-003 PE-001"},
		{"a second cluster before a second question of the same kind", []*handbook.Question{
			q("PE-001", "c1", I, "latency", 10), q("PE-002", "c1", I, "latency", 10),
			q("PE-003", "c2", I, "latency", 10),
		}, "PE-001 PE-003 PE-002"},
		{"no more than four", []*handbook.Question{
			q("PE-001", "c1", I, "latency", 5), q("PE-002", "c2", I, "throughput", 5), q("PE-003", "c3", I, "scalability", 5),
			q("PE-004", "c4", I, "resources", 5), q("PE-005", "c5", I, "latency", 5),
		}, "PE-001 PE-002 PE-003 PE-004"},
		{"skips what would exceed the budget, takes what still fits", []*handbook.Question{
			q("PE-001", "c1", I, "latency", 30), q("PE-002", "c2", I, "throughput", 35),
			q("PE-003", "c3", I, "scalability", 20), q("PE-004", "c4", I, "resources", 15),
		}, "PE-001 PE-003"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Pick(tt.candidates)
			if ids(got) != tt.want {
				t.Fatalf("Pick = %q, want %q", ids(got), tt.want)
			}
			minutes := 0
			for _, q := range got {
				minutes += q.DurationMinutes
			}
			if len(got) > 1 && minutes > BudgetMinutes {
				t.Errorf("%d minutes exceeds the budget of %d", minutes, BudgetMinutes)
			}
		})
	}
}

func TestPresetsComeFromTheData(t *testing.T) {
	qs := []*handbook.Question{
		q("PE-001", "c1", handbook.Advanced, "latency", 25, "sre", "architect"),
		q("PE-002", "c1", handbook.Foundational, "latency", 15, "sre"),
		q("PE-003", "c2", handbook.Intermediate, "throughput", 20, "devops"),
	}
	var got []string
	for _, p := range Presets(qs) {
		got = append(got, fmt.Sprintf("%s/%s %s %dmin", p.Kind, p.Key, strings.Join(p.IDs, ","), p.Minutes))
	}
	want := []string{
		"role/sre PE-002,PE-001 40min",
		"role/architect PE-001 25min",
		"role/devops PE-003 20min",
		"level/foundational PE-002 15min",
		"level/intermediate PE-003 20min",
		"level/advanced PE-001 25min",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("presets:\n%s\nwant (roles and levels without questions left out):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestURLOpensTheLoop(t *testing.T) {
	u, err := url.Parse(URL([]string{"PE-002", "PE-010"}, "SRE loop & more"))
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != Path {
		t.Errorf("path %q, want %q", u.Path, Path)
	}
	if q := u.Query(); q.Get("q") != "pe-002,pe-010" || q.Get("title") != "SRE loop & more" {
		t.Errorf("query %v does not round-trip", q)
	}
}
