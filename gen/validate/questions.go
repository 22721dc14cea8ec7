package validate

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/perfhandbook/handbook/gen/handbook"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// idSlug matches the slugs every question already has: /q/pe-001/ redirects
// to question PE-001, so no slug or alias may take that form.
var idSlug = regexp.MustCompile(`^pe-[0-9]+$`)

// MaxSlugLength keeps URLs short enough to paste into an interview loop.
const MaxSlugLength = 80

func (v *validator) questions() {
	clusters := map[string]bool{}
	for _, c := range v.h.Meta.Clusters {
		clusters[c.ID] = true
	}
	ids, urls := uniqueNames{}, uniqueNames{}
	retired := map[string]bool{}
	for _, r := range v.h.Redirects {
		if r.Retired != "" {
			retired[r.Retired] = true
		}
	}
	for _, q := range v.h.Questions {
		if retired[q.ID] {
			v.problems.Errorf(q.File, "$.id", "id %s was retired (data/redirects.yaml); ids are never reused, take a new one", q.ID)
		}
		v.question(q, clusters)
		if first, dup := ids.claim(q.ID, q.File); dup {
			v.problems.Errorf(q.File, "$.id", "id %s is already used by %s; ids are permanent and unique", q.ID, first)
		}
		for i, s := range append([]string{q.Slug}, q.Aliases...) {
			p := "$.slug"
			if i > 0 {
				p = fmt.Sprintf("$.aliases[%d]", i-1)
			}
			if first, dup := urls.claim(s, q.File); dup {
				v.problems.Errorf(q.File, p, "slug %q is already used by %s; every slug and alias must be unique", s, first)
			}
		}
	}
}

func (v *validator) question(q *handbook.Question, clusters map[string]bool) {
	if want := q.ID + ".yaml"; path.Base(q.File) != want {
		v.problems.Errorf(q.File, "$.id", "id %s does not match the file name; rename the file to %s", q.ID, want)
	}
	if !clusters[q.Cluster] {
		v.problems.Errorf(q.File, "$.cluster", "cluster %q is not defined in data/handbook.yaml", q.Cluster)
	}
	v.slug(q.File, "$.slug", "slug", q.Slug)
	for i, a := range q.Aliases {
		v.slug(q.File, fmt.Sprintf("$.aliases[%d]", i), "alias", a)
	}
	if q.DurationMinutes < 1 || q.DurationMinutes > 120 {
		v.problems.Errorf(q.File, "$.duration_minutes", "%d minutes is outside 1–120", q.DurationMinutes)
	}
	for i, d := range q.Diagrams {
		v.diagram(q.File, fmt.Sprintf("$.diagrams[%d].source", i), d.Source)
	}
	v.mentions(q.File, q)
}

// slug checks one URL slug of a question. The loader has checked the slug's
// form already; aliases are checked here.
func (v *validator) slug(file, p, what, s string) {
	switch {
	case !slugPattern.MatchString(s):
		if what == "alias" {
			v.problems.Errorf(file, p, "alias %q must be a slug: lowercase letters a-z, digits and single hyphens", s)
		}
	case len(s) > MaxSlugLength:
		v.problems.Errorf(file, p, "%s is %d characters; keep it to %d", what, len(s), MaxSlugLength)
	case idSlug.MatchString(s):
		v.problems.Errorf(file, p, "%s %q is reserved: /q/%s/ redirects to question %s", what, s, s, strings.ToUpper(s))
	}
}

// unsafeDiagram lists Mermaid constructs that could reach outside the
// diagram: init directives can lower securityLevel, click and href add
// callbacks and links, and HTML could carry script.
var unsafeDiagram = []struct {
	re  *regexp.Regexp
	why string
}{
	{regexp.MustCompile(`%%\{`), "Mermaid directives (%%{…}%%) are not allowed: the site sets the configuration"},
	{regexp.MustCompile(`\A\s*---`), "Mermaid front matter (--- config … ---) is not allowed: the site sets the configuration"},
	{regexp.MustCompile(`(?m)^\s*click\s`), "click callbacks and links are not allowed in diagrams"},
	{regexp.MustCompile(`(?i)\bhref\b`), "links are not allowed in diagrams"},
	{regexp.MustCompile(`(?i)javascript:`), "javascript: URLs are not allowed"},
	{regexp.MustCompile(`(?i)\bon[a-z]+\s*=`), "HTML event attributes are not allowed in diagrams"},
}

// diagramTag finds an HTML tag in a diagram. Labels are drawn as text
// (htmlLabels off); the one tag Mermaid itself gives meaning is <br>, and
// class annotations are written <<interface>>.
var diagramTag = regexp.MustCompile(`(?i)<\s*/?\s*([a-z][a-z0-9-]*)`)

func (v *validator) diagram(file, p, src string) {
	for _, u := range unsafeDiagram {
		if m := u.re.FindString(src); m != "" {
			v.problems.ErrorAt(file, p, m, "%s (found %q)", u.why, strings.TrimSpace(m))
		}
	}
	for _, m := range diagramTag.FindAllStringSubmatchIndex(src, -1) {
		annotation := m[0] > 0 && src[m[0]-1] == '<'
		if !annotation && !strings.EqualFold(src[m[2]:m[3]], "br") {
			tag := src[m[0]:m[1]]
			v.problems.ErrorAt(file, p, tag, "HTML is not allowed in diagram labels (found %q); only <br> breaks a line", tag)
			return
		}
	}
}
