package postbuild

import (
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Budget is a limit on what one kind of page ships, in gzip bytes.
type Budget struct {
	Name       string
	Applies    func(p *Page) bool
	HTMLAndCSS int64 // HTML plus its stylesheets; 0 = no limit
	JS         int64 // all its scripts; 0 = no limit
	Total      int64 // HTML + CSS + JS; 0 = no limit
	NoMermaid  bool  // the page may not load Mermaid
	SizedImgs  bool  // every image carries width and height (no layout shift)
	NoBlocking bool  // every script is a module, deferred or async (none blocks rendering)
}

// KiB is 1024 bytes.
const KiB = 1024

// Budgets are the site's performance budgets: a question page's HTML and CSS
// fit the first network round trip (~14 KB gzip), no page ships more than
// 30 KB gzip of JavaScript, and a question page without a diagram ships no
// Mermaid and stays under 60 KB in all.
var Budgets = []Budget{
	{Name: "question page", Applies: isQuestion, HTMLAndCSS: 14 * KiB, Total: 60 * KiB, NoMermaid: true},
	{Name: "every page", Applies: func(*Page) bool { return true }, JS: 30 * KiB, SizedImgs: true, NoBlocking: true},
}

// weighsHTML reports whether a budget counts the page's HTML.
func weighsHTML(p *Page) bool {
	for _, b := range Budgets {
		if (b.HTMLAndCSS > 0 || b.Total > 0) && b.Applies(p) {
			return true
		}
	}
	return false
}

func isQuestion(p *Page) bool { return strings.HasPrefix(p.Path, "/q/") && p.Meta["refresh"] == "" }

// Weight is what one page ships, in gzip bytes.
type Weight struct {
	Path            string
	HTML, CSS, JS   int64
	LoadsMermaid    bool
	UnsizedImages   []string
	BlockingScripts []string
}

// Weigh measures a page: its HTML (when withHTML) and every stylesheet and
// script it links, each gzip-compressed as a server would send it.
func (s *Site) Weigh(p *Page, gz func(sitePath string) int64, withHTML bool) Weight {
	w := Weight{Path: p.Path, UnsizedImages: p.Attrs["unsized-img"], BlockingScripts: p.Attrs["blocking-script"]}
	if withHTML {
		w.HTML = p.Gzip
	}
	for _, a := range p.Assets {
		size := gz(a)
		switch {
		case strings.HasSuffix(a, ".css"):
			w.CSS += size
		default:
			w.JS += size
		}
		if strings.Contains(a, "mermaid") {
			w.LoadsMermaid = true
		}
	}
	return w
}

// CheckBudgets weighs every page and returns the overruns, and the heaviest
// weights per budget for the build's report. mermaidFallback allows pages to
// load client-side Mermaid (draft builds with diagrams not drawn yet).
func (s *Site) CheckBudgets(mermaidFallback bool) (overruns []string, report []string) {
	sizes := map[string]int64{} // stylesheets and scripts are shared: gzip each once
	gz := func(sitePath string) int64 {
		if n, ok := sizes[sitePath]; ok {
			return n
		}
		n := gzipSize(filepath.Join(s.Dir, filepath.FromSlash(strings.TrimPrefix(sitePath, "/"))))
		sizes[sitePath] = n
		return n
	}
	for _, b := range Budgets {
		var heaviest Weight
		for _, p := range s.sortedPages() {
			if !b.Applies(p) {
				continue
			}
			w := s.Weigh(p, gz, b.HTMLAndCSS > 0 || b.Total > 0)
			if w.HTML+w.CSS+w.JS > heaviest.HTML+heaviest.CSS+heaviest.JS {
				heaviest = w
			}
			if mermaidFallback {
				w.LoadsMermaid = false
			}
			overruns = append(overruns, b.check(w)...)
		}
		if heaviest.Path != "" {
			html := "HTML " + kib(heaviest.HTML) + ", " // only weighed where a budget counts it
			if b.HTMLAndCSS == 0 && b.Total == 0 {
				html = ""
			}
			report = append(report, fmt.Sprintf("%s: heaviest %s — %sCSS %s, JS %s (gzip)",
				b.Name, heaviest.Path, html, kib(heaviest.CSS), kib(heaviest.JS)))
		}
	}
	return overruns, report
}

func (b Budget) check(w Weight) []string {
	var out []string
	over := func(what string, got, limit int64) {
		if limit > 0 && got > limit {
			out = append(out, fmt.Sprintf("%s: %s %s exceeds the %s budget of %s (gzip)", w.Path, what, kib(got), b.Name, kib(limit)))
		}
	}
	over("HTML+CSS", w.HTML+w.CSS, b.HTMLAndCSS)
	over("JS", w.JS, b.JS)
	over("HTML+CSS+JS", w.HTML+w.CSS+w.JS, b.Total)
	if b.NoMermaid && w.LoadsMermaid {
		out = append(out, fmt.Sprintf("%s: loads Mermaid; published pages show diagrams drawn at build time", w.Path))
	}
	for _, img := range w.UnsizedImages {
		if b.SizedImgs {
			out = append(out, fmt.Sprintf("%s: image %s has no width and height (layout shift)", w.Path, img))
		}
	}
	for _, src := range w.BlockingScripts {
		if b.NoBlocking {
			out = append(out, fmt.Sprintf("%s: script %s blocks rendering; load it as a module, or with defer or async", w.Path, src))
		}
	}
	return out
}

func (s *Site) sortedPages() []*Page {
	out := make([]*Page, 0, len(s.Pages))
	for _, p := range s.Pages {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func gzipSize(file string) int64 {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	return gzipLen(b)
}

// gzipLen is the length of b gzipped at the default level, what servers
// typically send. The writers are pooled: each holds about a megabyte of
// compression state.
func gzipLen(b []byte) int64 {
	w := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(w)
	var n byteCounter
	w.Reset(&n)
	w.Write(b)
	w.Close()
	return int64(n)
}

var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

type byteCounter int64

func (c *byteCounter) Write(p []byte) (int, error) {
	*c += byteCounter(len(p))
	return len(p), nil
}

func kib(n int64) string { return fmt.Sprintf("%.1f KiB", float64(n)/KiB) }
