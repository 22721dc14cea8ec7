package headers

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// csp parses a Content-Security-Policy into its directives.
func csp(policy string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		if f := strings.Fields(strings.ToLower(d)); len(f) > 0 {
			if _, dup := out[f[0]]; !dup { // browsers ignore a repeated directive
				out[f[0]] = f[1:]
			}
		}
	}
	return out
}

// sources returns the sources of a fetch directive, falling back to
// default-src as browsers do.
func sources(policy map[string][]string, directive string) []string {
	if s, ok := policy[directive]; ok {
		return s
	}
	return policy["default-src"]
}

// criterion is one test of the Mozilla HTTP Observatory's scoring
// (https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring),
// at the level the handbook holds itself to. check returns what is wrong.
type criterion struct {
	name  string
	check func(h map[string]string, p map[string][]string) string
}

var observatory = []criterion{
	{"content-security-policy", func(h map[string]string, p map[string][]string) string {
		if h["Content-Security-Policy"] == "" {
			return "no Content-Security-Policy"
		}
		for _, s := range sources(p, "script-src") {
			// 'wasm-unsafe-eval' allows compiling WebAssembly (Pagefind), never JavaScript eval.
			if s == "'unsafe-inline'" || s == "'unsafe-eval'" || s == "*" || s == "http:" || s == "https:" || s == "data:" {
				return "script-src allows " + s
			}
		}
		if !slices.Equal(sources(p, "object-src"), []string{"'none'"}) {
			return "object-src is not 'none'"
		}
		if slices.Contains(sources(p, "style-src"), "'unsafe-inline'") {
			return "style-src allows 'unsafe-inline'"
		}
		for _, d := range []string{"base-uri", "form-action", "frame-ancestors"} { // not fetch directives: no fallback
			if s := p[d]; len(s) == 0 || !(slices.Equal(s, []string{"'none'"}) || slices.Equal(s, []string{"'self'"})) {
				return d + " is not 'none' or 'self'"
			}
		}
		if d := p["default-src"]; !(slices.Equal(d, []string{"'none'"}) || slices.Equal(d, []string{"'self'"})) {
			return "default-src is not 'none' or 'self'"
		}
		return ""
	}},
	{"cookies", func(h map[string]string, _ map[string][]string) string {
		if c := h["Set-Cookie"]; c != "" {
			return "sets a cookie: " + c
		}
		return ""
	}},
	{"cross-origin-resource-sharing", func(h map[string]string, _ map[string][]string) string {
		if h["Access-Control-Allow-Origin"] == "*" {
			return "Access-Control-Allow-Origin: *"
		}
		return ""
	}},
	{"referrer-policy", func(h map[string]string, _ map[string][]string) string {
		switch h["Referrer-Policy"] {
		case "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin":
			return ""
		}
		return fmt.Sprintf("Referrer-Policy %q leaks the full URL to other sites", h["Referrer-Policy"])
	}},
	{"strict-transport-security", func(h map[string]string, _ map[string][]string) string {
		const sixMonths, twoYears = 15768000, 63072000
		v := h["Strict-Transport-Security"]
		age := -1
		for _, part := range strings.Split(v, ";") {
			if n, ok := strings.CutPrefix(strings.TrimSpace(part), "max-age="); ok {
				age, _ = strconv.Atoi(n)
			}
		}
		switch {
		case age < sixMonths:
			return fmt.Sprintf("HSTS max-age %d is under six months (%q)", age, v)
		case age < twoYears || !strings.Contains(v, "includeSubDomains") || !strings.Contains(v, "preload"):
			return "HSTS is not preload-ready: two years, includeSubDomains and preload"
		}
		return ""
	}},
	{"x-content-type-options", func(h map[string]string, _ map[string][]string) string {
		if !strings.EqualFold(h["X-Content-Type-Options"], "nosniff") {
			return "X-Content-Type-Options is not nosniff"
		}
		return ""
	}},
	{"x-frame-options", func(h map[string]string, p map[string][]string) string {
		xfo := strings.ToUpper(h["X-Frame-Options"])
		if xfo != "DENY" && xfo != "SAMEORIGIN" && len(p["frame-ancestors"]) == 0 {
			return "neither X-Frame-Options nor frame-ancestors stops framing"
		}
		return ""
	}},
}

// score lists the criteria the headers fail.
func score(h map[string]string) []string {
	p := csp(h["Content-Security-Policy"])
	var failed []string
	for _, c := range observatory {
		if why := c.check(h, p); why != "" {
			failed = append(failed, c.name+": "+why)
		}
	}
	return failed
}

// The headers netlify.toml sends with every kind of path meet every
// criterion of the Mozilla HTTP Observatory.
func TestNetlifyHeadersMeetTheObservatoryCriteria(t *testing.T) {
	rules, err := Load("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/q/some-question/", "/questions/", "/glossary/", "/404.html",
		"/css/main.css", "/js/site.js", "/diagrams/a.svg", "/exports/handbook.md", "/pagefind/pagefind.js"} {
		for _, f := range score(For(rules, path)) {
			t.Errorf("%s: %s", path, f)
		}
	}
	for _, r := range rules {
		for k := range r.Values {
			if strings.EqualFold(k, "Set-Cookie") {
				t.Errorf("rule %s sets a cookie", r.For)
			}
		}
	}
}

// The scorer must fail headers that fall short, or passing it means nothing.
func TestObservatoryCatchesWeakHeaders(t *testing.T) {
	good := map[string]string{
		"Content-Security-Policy":   "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
		"Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
		"X-Content-Type-Options":    "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin",
	}
	if f := score(good); len(f) > 0 {
		t.Fatalf("good headers fail: %v", f)
	}
	tests := []struct {
		header, value, fails string
	}{
		{"Content-Security-Policy", "", "content-security-policy"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "'wasm-unsafe-eval'", "'unsafe-inline'", 1), "script-src allows 'unsafe-inline'"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "'wasm-unsafe-eval'", "'unsafe-eval'", 1), "script-src allows 'unsafe-eval'"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'", "default-src *", 1), "script-src allows *"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "default-src 'self'", "default-src 'self' https:", 1), "default-src is not"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "script-src 'self'", "script-src https:", 1), "script-src allows https:"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "object-src 'none'; ", "", 1), "object-src is not 'none'"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "style-src 'self'", "style-src 'self' 'unsafe-inline'", 1), "style-src allows 'unsafe-inline'"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "base-uri 'self'; ", "", 1), "base-uri"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "form-action 'self'; ", "", 1), "form-action"},
		{"Content-Security-Policy", strings.Replace(good["Content-Security-Policy"], "frame-ancestors 'none'", "frame-ancestors *", 1), "frame-ancestors"},
		{"Set-Cookie", "session=1", "cookies"},
		{"Access-Control-Allow-Origin", "*", "cross-origin-resource-sharing"},
		{"Referrer-Policy", "unsafe-url", "referrer-policy"},
		{"Referrer-Policy", "", "referrer-policy"},
		{"Strict-Transport-Security", "max-age=86400", "under six months"},
		{"Strict-Transport-Security", "max-age=15768000", "not preload-ready"},
		{"Strict-Transport-Security", "", "under six months"},
		{"X-Content-Type-Options", "", "x-content-type-options"},
	}
	for _, tt := range tests {
		h := map[string]string{}
		for k, v := range good {
			h[k] = v
		}
		h[tt.header] = tt.value
		if f := strings.Join(score(h), "\n"); !strings.Contains(f, tt.fails) {
			t.Errorf("%s: %q passes; want a failure %q, got %q", tt.header, tt.value, tt.fails, f)
		}
	}
}
