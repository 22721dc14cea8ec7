package site

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/pelletier/go-toml/v2"
)

// projectConfig returns the [security] and [markup] tables of the project's
// config.toml as a hugo.toml for an in-memory test site, so the tests below
// check the policy the real build runs under.
func projectConfig(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]any
	if err := toml.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	out, err := toml.Marshal(map[string]any{
		"baseURL": "https://example.org/", "disableKinds": []string{"rss", "sitemap", "taxonomy", "term"},
		"security": all["security"], "markup": all["markup"],
	})
	if err != nil {
		t.Fatal(err)
	}
	return "-- hugo.toml --\n" + string(out)
}

// Hugo's security policy fails the build loudly when a template or content
// reaches outside the project: remote resources, environment variables,
// HTML content files and inline shortcodes are all refused.
func TestSecurityPolicyRefusesWhatTheBuildNeverNeeds(t *testing.T) {
	tests := []struct {
		name, files string
		want        string
	}{
		{"remote resources", `
-- layouts/home.html --
{{ (resources.GetRemote "https://example.org/leak").Content }}`,
			`is not whitelisted in policy "security\.http\.urls"`},
		{"environment variables", `
-- layouts/home.html --
{{ os.Getenv "HOME" }}`,
			`"HOME" is not whitelisted in policy "security\.funcs\.getenv"`},
		{"HTML content files", `
-- layouts/home.html --
home
-- layouts/page.html --
{{ .Content }}
-- content/page.html --
---
title: raw
---
<script>alert(1)</script>`,
			`"text/html" is not whitelisted in policy "security\.allowContent"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := hugolib.TestE(t, projectConfig(t)+tt.files)
			if err == nil {
				t.Fatal("the build succeeded; the security policy must refuse it")
			}
			if !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Fatalf("error does not name the policy (%s):\n%v", tt.want, err)
			}
		})
	}
}

// Inline shortcodes would let content run template code; with them off, a
// page that tries renders nothing from them.
func TestInlineShortcodesRunNothing(t *testing.T) {
	t.Setenv("HUGO_LEAK", "leaked-value") // readable by templates under the getenv policy
	b := hugolib.Test(t, projectConfig(t)+`
-- layouts/home.html --
home
-- layouts/page.html --
{{ .Content }}
-- content/p.md --
---
title: inline
---
before {{< leak.inline >}}{{ os.Getenv "HUGO_LEAK" }}{{< /leak.inline >}} after`)
	if html := b.FileContent("public/p/index.html"); strings.Contains(html, "leaked-value") || !strings.Contains(html, "after") {
		t.Fatalf("an inline shortcode ran:\n%s", html)
	}
}

// Validation refuses javascript: and data: links in data, and the site's
// link render hook must not let one through either: Markdown written by
// hand, or a validation bug, must still yield inert links.
func TestLinkHookDropsExecutableURLs(t *testing.T) {
	hook, err := os.ReadFile("../../layouts/_markup/render-link.html")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../layouts/_partials/data.html")
	if err != nil {
		t.Fatal(err)
	}
	files := projectConfig(t) + `
-- layouts/_partials/data.html --
` + string(data) + `
-- layouts/home.html --
home
-- layouts/page.html --
{{ .Content }}
-- layouts/_markup/render-link.html --
` + string(hook) + `
-- content/p.md --
---
title: hostile links
---
[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](java%0ascript:alert(1))
[e](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [f](vbscript:msgbox(1)) <javascript:alert(1)>
![g](javascript:alert(1)) <img src=x onerror=alert(1)> <script>alert(1)</script>
[safe](https://example.org/a?b=1&c=2) [site](/glossary/#g1) [anchor](#metrics)
`
	html := hugolib.Test(t, files).FileContent("public/p/index.html")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Find("script, [onerror]").Length() > 0 {
		t.Errorf("raw HTML reached the page:\n%s", html)
	}
	var links []string
	doc.Find("[href], [src]").Each(func(_ int, s *goquery.Selection) {
		links = append(links, s.AttrOr("href", s.AttrOr("src", "")))
	})
	for _, l := range links {
		if scheme.MatchString(l) && !strings.HasPrefix(l, "https:") {
			t.Errorf("a link carries a URL a browser would run: %q", l)
		}
	}
	want := []string{"https://example.org/a?b=1&c=2", "/glossary/#g1", "#metrics"}
	if got := links[len(links)-3:]; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("safe links = %q, want %q", got, want)
	}
}

// scheme matches a URL that names a scheme, as a browser reads an href
// (after entity decoding, ignoring case).
var scheme = regexp.MustCompile(`(?i)^\s*[a-z][a-z0-9+.-]*:`)

// The project's Hugo configuration is at Hugo's default security policy or
// tighter: no raw HTML from Markdown, no inline shortcodes, no programs, no
// remote resources, only HUGO_ environment variables, no HTML content files.
func TestProjectConfigIsAtLeastAsStrictAsHugosDefaults(t *testing.T) {
	b, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Markup struct {
			Goldmark struct{ Renderer struct{ Unsafe bool } }
		}
		Security struct {
			EnableInlineShortcodes bool
			AllowContent           []string
			Exec                   struct{ Allow []string }
			HTTP                   struct{ URLs, Methods []string }
			Funcs                  struct{ Getenv []string }
		}
	}
	if err := toml.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	s := c.Security
	checks := []struct {
		ok   bool
		what string
	}{
		{!c.Markup.Goldmark.Renderer.Unsafe, "markup.goldmark.renderer.unsafe must stay false: data is untrusted"},
		{!s.EnableInlineShortcodes, "security.enableInlineShortcodes must stay false"},
		{len(s.AllowContent) == 0, "security.allowContent must stay unset: HTML content files stay refused"},
		{strings.Join(s.Exec.Allow, ",") == "^$", "security.exec.allow must be ['^$']: Hugo runs no program"},
		{strings.Join(s.HTTP.URLs, ",") == "^$", "security.http.urls must be ['^$']: no remote resources"},
		{strings.Join(s.HTTP.Methods, ",") == "(?i)GET", "security.http.methods must be GET only"},
		{strings.Join(s.Funcs.Getenv, ",") == "^HUGO_", "security.funcs.getenv must be ['^HUGO_']"},
	}
	for _, c := range checks {
		if !c.ok {
			t.Error(c.what)
		}
	}
}
