package validate

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// question is the base fixture's question with extra lines and a slug of
// the test's choosing.
func question(id, slug, extra string) []byte {
	return []byte(fmt.Sprintf("id: %s\nslug: %s\ntitle: A sample question at 2K rps.\ncluster: latency-optimization\n"+
		"difficulty: advanced\ndimension: latency\nphase: analyze\nroles: [sre]\nmethods: [profiling]\nduration_minutes: 20\n%s", id, slug, extra))
}

// Slugs are URLs: they must come from a safe alphabet, so that two that look
// alike, or differ only in case or Unicode normalisation, cannot both exist
// (they would collide on case-insensitive file systems and CDNs).
func TestSlugsLookAlikesAreRefused(t *testing.T) {
	tests := []struct {
		name, slug, aliases, field string
	}{
		{"uppercase slug", "Sample-Question", "", "slug"},
		{"uppercase alias", "sample-question", "[Sample-Question-Old]", "aliases[0]"},
		{"fullwidth letters", "ｓａｍｐｌｅ-question", "", "slug"},
		{"fullwidth alias", "sample-question", "[ｏｌｄ-question]", "aliases[0]"},
		{"fi ligature", "ﬁle-cache", "", "slug"},
		{"fi ligature in alias", "sample-question", "[ﬁle-cache]", "aliases[0]"},
		{"Kelvin sign folds to k", "\u212aafka-lag", "", "slug"},
		{"Cyrillic a", "s\u0430mple-question", "", "slug"},
		{"combining accent", "cafe\u0301-cache", "", "slug"},
		{"precomposed accent", "café-cache", "", "slug"},
		{"dotless i", "\u0131ndex-scan", "", "slug"},
		{"underscore", "sample_question", "", "slug"},
		{"double hyphen", "sample--question", "", "slug"},
		{"trailing hyphen", "sample-question-", "", "slug"},
		{"dot segment", "..", "", "slug"},
		{"percent encoding", "sample%2Fquestion", "", "slug"},
		{"slash in alias", "sample-question", "[old/question]", "aliases[0]"},
		{"an id's URL", "pe-001", "", "slug"},
		{"an id's URL as alias", "sample-question", "[pe-7]", "aliases[0]"},
		{"alias repeats the slug", "sample-question", "[sample-question]", "aliases[0]"},
		{"alias listed twice", "sample-question", "[old-question, old-question]", "aliases[1]"},
		{"over-long slug", strings.Repeat("a", 81), "", "slug"},
		{"over-long alias", "sample-question", "[" + strings.Repeat("b", 81) + "]", "aliases[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extra := ""
			if tt.aliases != "" {
				extra = "aliases: " + tt.aliases + "\n"
			}
			ar := &txtar.Archive{Files: []txtar.File{{Name: "data/questions/PE-900.yaml", Data: question("PE-900", tt.slug, extra)}}}
			_, _, problems := Load(project(t, ar), "data")
			for _, p := range problems.Errors() {
				if p.File == "data/questions/PE-900.yaml" && p.Field() == tt.field && p.Line > 0 {
					return
				}
			}
			t.Fatalf("%q was not refused at %s; problems:\n%v", tt.slug+" "+tt.aliases, tt.field, problems)
		})
	}
}

// Two questions never share a URL, whichever of slug and alias claims it.
func TestURLsAreClaimedOnce(t *testing.T) {
	tests := []struct {
		name         string
		first, other []byte
		field        string
	}{
		{"same slug", question("PE-900", "sample-question", ""), question("PE-901", "sample-question", ""), "slug"},
		{"alias takes a slug", question("PE-900", "sample-question", ""), question("PE-901", "other-question", "aliases: [sample-question]\n"), "aliases[0]"},
		{"slug takes an alias", question("PE-900", "sample-question", "aliases: [old-question]\n"), question("PE-901", "old-question", ""), "slug"},
		{"two aliases", question("PE-900", "sample-question", "aliases: [old-question]\n"), question("PE-901", "other-question", "aliases: [old-question]\n"), "aliases[0]"},
		{"same id", question("PE-900", "sample-question", ""), question("PE-900", "other-question", ""), "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ar := &txtar.Archive{Files: []txtar.File{
				{Name: "data/questions/PE-900.yaml", Data: tt.first}, {Name: "data/questions/PE-901.yaml", Data: tt.other}}}
			_, _, problems := Load(project(t, ar), "data")
			for _, p := range problems.Errors() {
				if p.File == "data/questions/PE-901.yaml" && p.Field() == tt.field && strings.Contains(p.Msg, "already used") {
					return
				}
			}
			t.Fatalf("no 'already used' error at PE-901.yaml %s; problems:\n%v", tt.field, problems)
		})
	}
}
