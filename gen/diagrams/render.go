// Package diagrams draws the handbook's Mermaid diagrams at build time: the
// real Mermaid library, run in headless Chromium, renders each diagram to a
// static SVG in a light and a dark theme. SVGs are cached by a hash of
// (source, Mermaid version, theme) in a committed directory, so builds
// without a browser reuse them and readers' browsers run no Mermaid at all.
package diagrams

import (
	"context"
	"embed"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/perfhandbook/handbook/gen/chrome"
)

// Themes are the Mermaid themes drawn for each diagram, by site theme.
var Themes = map[string]string{"light": "default", "dark": "dark"}

//go:embed render.html render.js
var page embed.FS

// Renderer holds one headless Chromium with Mermaid loaded.
type Renderer struct {
	ctx    context.Context
	cancel context.CancelFunc
	srv    *http.Server
}

// NewRenderer starts Chromium and loads Mermaid from mermaidDist (the
// dist directory of the npm package) over a loopback-only server.
func NewRenderer(mermaidDist string) (*Renderer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/render.html", http.FileServerFS(page))
	mux.Handle("/render.js", http.FileServerFS(page))
	mux.Handle("/", http.FileServer(http.Dir(mermaidDist)))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	ctx, cancel, err := chrome.Start(context.Background())
	if err != nil {
		srv.Close()
		return nil, err
	}
	r := &Renderer{ctx: ctx, cancel: cancel, srv: srv}
	url := "http://" + ln.Addr().String() + "/render.html"
	wait, stop := context.WithTimeout(ctx, 60*time.Second)
	defer stop()
	err = chromedp.Do(wait, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#ready")))
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("load Mermaid in Chromium: %w", err)
	}
	return r, nil
}

// Close stops the browser and the server.
func (r *Renderer) Close() {
	r.cancel()
	r.srv.Close()
}

// Render draws one diagram with a Mermaid theme. id makes the SVG's
// internal ids unique and deterministic.
func (r *Renderer) Render(source, theme, id string) (string, error) {
	ctx, stop := context.WithTimeout(r.ctx, 30*time.Second)
	defer stop()
	js := fmt.Sprintf("window.renderDiagram(%s, %s, %s)", jsString(source), jsString(theme), jsString(id))
	res, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		SVG   string `json:"svg"`
		Error string `json:"error"`
	}](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return "", err
	}
	if res.Error != "" {
		return "", fmt.Errorf("mermaid: %s", strings.TrimSpace(res.Error))
	}
	return res.SVG, nil
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x2028 || r == 0x2029 || r == '<':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// DistDir is where npm installs Mermaid's browser bundle.
func DistDir(root string) string { return filepath.Join(root, "node_modules", "mermaid", "dist") }
