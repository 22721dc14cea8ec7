package preview

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/perfhandbook/handbook/gen/headers"
)

// site is a small built site with one file of each kind the handbook serves.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html": "<!doctype html><title>home</title><body>home</body>", "404.html": "<!doctype html><title>404</title>",
		"q/a/index.html": "<!doctype html><title>q</title>", "css/main.css": "body{}", "js/site.js": "1",
		"vendor/mermaid-12.3.0/mermaid.esm.min.mjs": "1", "diagrams/d.svg": "<svg/>",
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	return dir
}

func rules(t *testing.T) []headers.Rule {
	t.Helper()
	r, err := headers.Load("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// gen serve sends exactly the headers netlify.toml gives each path, except
// HSTS, which means nothing over http://localhost, and caching, which it
// turns off so that every edit shows; and it sets no cookie.
func TestServesProductionHeaders(t *testing.T) {
	r := rules(t)
	srv := httptest.NewServer(New(site(t), r))
	defer srv.Close()
	for _, path := range []string{"/", "/q/a/", "/css/main.css", "/js/site.js", "/vendor/mermaid-12.3.0/mermaid.esm.min.mjs", "/diagrams/d.svg", "/missing/", Prefix + "live.js"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		want := headers.For(r, path)
		if len(want) < 5 {
			t.Fatalf("%s: netlify.toml gives only %v", path, want)
		}
		for k, v := range want {
			if k == "Strict-Transport-Security" || k == "Cache-Control" {
				continue
			}
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", path, k, got, v)
			}
		}
		if hsts := resp.Header.Get("Strict-Transport-Security"); hsts != "" {
			t.Errorf("%s: HSTS sent over http: %q", path, hsts)
		}
		if c := resp.Header.Values("Set-Cookie"); len(c) > 0 {
			t.Errorf("%s sets cookies: %v", path, c)
		}
	}
}

// While diagrams are drawn by client-side Mermaid, pages (only) may use
// inline styles; every other directive stays as production sends it.
func TestInlineStylesOnlyWhileMermaidRunsInThePage(t *testing.T) {
	r := rules(t)
	s := New(site(t), r)
	csp := func(path string) string {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Header().Get("Content-Security-Policy")
	}
	prod := headers.For(r, "/")["Content-Security-Policy"]
	if csp("/") != prod {
		t.Fatalf("CSP changed without the fallback: %q", csp("/"))
	}
	s.AllowInlineStyles(true)
	want := strings.Replace(prod, "style-src 'self'", "style-src 'self' 'unsafe-inline'", 1)
	if got := csp("/q/a/"); got != want || got == prod {
		t.Errorf("page CSP = %q, want %q", got, want)
	}
	if got := csp("/css/main.css"); got != prod {
		t.Errorf("a style sheet's CSP changed: %q", got)
	}
	s.AllowInlineStyles(false)
	if csp("/q/a/") != prod {
		t.Error("inline styles stay allowed after the fallback is gone")
	}
}

func TestWithInlineStyles(t *testing.T) {
	tests := []struct{ in, want string }{
		{"default-src 'self'; style-src 'self'; img-src 'self'", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"},
		{"default-src 'none'; script-src 'self'", "default-src 'none'; script-src 'self'; style-src 'none' 'unsafe-inline'"},
		{"script-src 'self';", "script-src 'self'; style-src 'self' 'unsafe-inline'"},
	}
	for _, tt := range tests {
		if got := withInlineStyles(tt.in); got != tt.want {
			t.Errorf("withInlineStyles(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Paths that climb out of the site directory are served from inside it.
func TestNoFileOutsideTheSite(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "secret.txt"), []byte("secret"), 0o644)
	dir := filepath.Join(root, "public")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("not found"), 0o644)
	srv := httptest.NewServer(New(dir, nil))
	defer srv.Close()
	for _, p := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/q/../../secret.txt", "//../secret.txt"} {
		req, _ := http.NewRequest("GET", srv.URL+"/", nil)
		req.URL.Opaque = p // sent as written, not cleaned by the client
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(body), "secret") {
			t.Errorf("%s served a file outside the site", p)
		}
	}
}
