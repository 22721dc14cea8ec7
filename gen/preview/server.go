// Package preview serves a built site on localhost for `gen serve`: the
// files with the same security headers as production, plus a small live
// reload channel (Server-Sent Events) that reloads the page after each
// rebuild and shows build errors over the last good version.
package preview

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/perfhandbook/handbook/gen/headers"
)

// Prefix is where the preview's own endpoints live; no page uses it.
const Prefix = "/__gen/"

// Server serves one site directory.
type Server struct {
	dir   string
	rules []headers.Rule

	mu           sync.Mutex
	clients      map[chan string]struct{}
	lastErr      string
	version      int
	inlineStyles bool
}

// New serves the site in dir with the given header rules.
func New(dir string, rules []headers.Rule) *Server {
	return &Server{dir: dir, rules: rules, clients: map[chan string]struct{}{}}
}

// AllowInlineStyles adds 'unsafe-inline' to the style-src of the
// Content-Security-Policy sent with pages while diagrams are shown by
// client-side Mermaid, which injects <style> elements and attributes.
// Production never needs it: published diagrams are pre-drawn SVG images.
func (s *Server) AllowInlineStyles(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inlineStyles = on
}

// Reload tells every open page to reload, and clears a shown error.
func (s *Server) Reload() { s.broadcast("", "reload") }

// Fail shows err over every open page, keeping the last good version served.
func (s *Server) Fail(err error) { s.broadcast(err.Error(), "error") }

func (s *Server) broadcast(errText, event string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastErr = errText
	s.version++
	msg := fmt.Sprintf("event: %s\ndata: %d\n\n", event, s.version)
	for c := range s.clients {
		select {
		case c <- msg:
		default: // a slow client misses one event; the next one catches it up
		}
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range headers.For(s.rules, r.URL.Path) {
		w.Header().Set(k, v)
	}
	w.Header().Del("Strict-Transport-Security") // meaningless over http://localhost
	switch r.URL.Path {
	case Prefix + "live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveJS)
		return
	case Prefix + "events":
		s.events(w, r)
		return
	case Prefix + "error":
		s.mu.Lock()
		msg := s.lastErr
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(msg))
		return
	}
	s.file(w, r)
}

// file serves a file from the site, injecting the live reload script into
// HTML pages and falling back to the site's 404 page.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	name := path.Clean("/" + r.URL.Path)
	full := filepath.Join(s.dir, filepath.FromSlash(name))
	if fi, err := os.Stat(full); err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		full = filepath.Join(full, "index.html")
	}
	status := http.StatusOK
	data, err := os.ReadFile(full)
	if err != nil {
		status = http.StatusNotFound
		full = filepath.Join(s.dir, "404.html")
		if data, err = os.ReadFile(full); err != nil {
			http.NotFound(w, r)
			return
		}
	}
	w.Header().Set("Cache-Control", "no-cache")
	if strings.HasSuffix(full, ".html") {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		s.mu.Lock()
		if csp := w.Header().Get(cspHeader); csp != "" && s.inlineStyles {
			w.Header().Set(cspHeader, withInlineStyles(csp))
		}
		s.mu.Unlock()
		data = inject(data)
	} else if ct := contentType(full); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(status)
	w.Write(data)
}

const cspHeader = "Content-Security-Policy"

// withInlineStyles returns csp with 'unsafe-inline' added to style-src
// (which it gains, copied from default-src, if it had none).
func withInlineStyles(csp string) string {
	directives := strings.Split(csp, ";")
	fallback := "'self'"
	for i, d := range directives {
		f := strings.Fields(d)
		switch {
		case len(f) > 0 && f[0] == "style-src":
			directives[i] = " " + strings.Join(append(f, "'unsafe-inline'"), " ")
			return strings.TrimSpace(strings.Join(directives, ";"))
		case len(f) > 1 && f[0] == "default-src":
			fallback = strings.Join(f[1:], " ")
		}
	}
	return strings.TrimSuffix(strings.TrimSpace(csp), ";") + "; style-src " + fallback + " 'unsafe-inline'"
}

var liveTag = []byte(`<script src="` + Prefix + `live.js" defer></script>`)

func inject(page []byte) []byte {
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		return append(append(append([]byte{}, page[:i]...), liveTag...), page[i:]...)
	}
	return append(page, liveTag...)
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".mjs", ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".wasm":
		return "application/wasm"
	case ".md":
		return "text/markdown; charset=utf-8"
	}
	return ""
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan string, 4)
	s.mu.Lock()
	s.clients[c] = struct{}{}
	if s.lastErr != "" {
		c <- fmt.Sprintf("event: error\ndata: %d\n\n", s.version)
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg := <-c:
			fmt.Fprint(w, msg)
			flusher.Flush()
		}
	}
}

// liveJS reloads the page on "reload" and shows the build error on "error".
// The error text is fetched and set as textContent: it is never parsed as HTML.
var liveJS = []byte(`// gen serve: live reload and build errors.
const box = document.createElement("div");
box.setAttribute("role", "alert");
box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#b3261e;color:#fff;font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647";
const events = new EventSource("` + Prefix + `events");
events.addEventListener("reload", () => location.reload());
events.addEventListener("error", async () => {
  const text = await (await fetch("` + Prefix + `error", { cache: "no-store" })).text();
  box.textContent = "Build failed; showing the last good version.\n\n" + text;
  document.body.append(box);
});
`)
