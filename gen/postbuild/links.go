// Package postbuild checks a built site before it is published: every
// internal link and anchor resolves, and every page stays within its byte
// budgets. A failed check keeps the previous site in public/.
package postbuild

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"github.com/perfhandbook/handbook/gen/inert"
	"github.com/perfhandbook/handbook/gen/par"
)

// Page is what the checks need from one built HTML page.
type Page struct {
	Path    string              // site path, e.g. "/q/slug/"
	IDs     map[string]bool     // element ids (anchors)
	Links   []string            // a[href] values
	Assets  []string            // link[href] stylesheets and script[src], site paths
	Scripts []string            // script[src] only
	Size    int64               // bytes of HTML
	Gzip    int64               // bytes of HTML, gzipped
	Meta    map[string]string   // <meta http-equiv=refresh> etc., for redirects
	Attrs   map[string][]string // data-* markers the budgets use (e.g. has-diagram)
	File    string              // the file, relative to the site's root
	Unsafe  []string            // what is not inert in it (package inert)
}

// Site is the parsed set of HTML pages of a built site.
type Site struct {
	Dir   string
	Pages map[string]*Page // by site path
	Files map[string]bool  // every file's site path
}

// SearchIndexDir is where Pagefind writes the search index, which Read skips.
const SearchIndexDir = "pagefind"

// Read parses every HTML page under dir, on all cores, except the search
// index's.
func Read(dir string) (*Site, error) {
	s := &Site{Dir: dir, Pages: map[string]*Page{}, Files: map[string]bool{}}
	var htmlFiles []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p == filepath.Join(dir, SearchIndexDir) {
			return fs.SkipDir // Pagefind may be writing it while the checks run; no page links into it
		}
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		s.Files["/"+filepath.ToSlash(rel)] = true
		if strings.HasSuffix(p, ".html") {
			htmlFiles = append(htmlFiles, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	pages := make([]*Page, len(htmlFiles))
	errs := make([]error, len(htmlFiles))
	par.Each(len(htmlFiles), func(i int) {
		rel, _ := filepath.Rel(dir, htmlFiles[i])
		pages[i], errs[i] = parse(htmlFiles[i], filepath.ToSlash(rel))
	})
	for i, pg := range pages {
		if errs[i] != nil {
			rel, _ := filepath.Rel(dir, htmlFiles[i])
			return nil, fmt.Errorf("%s: %w", rel, errs[i])
		}
		s.Pages[pg.Path] = pg
	}
	return s, nil
}

// parse reads the page at file, rel its slash-separated path in the site.
func parse(file, rel string) (*Page, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	pg := &Page{File: rel, Path: strings.TrimSuffix("/"+rel, "index.html"),
		IDs: map[string]bool{}, Meta: map[string]string{}, Attrs: map[string][]string{}, Size: int64(len(b))}
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return nil, z.Err()
			}
			// The gzip size is taken here, where the pages are read on all
			// cores, rather than when the budgets are checked, one page after
			// another; and only for pages whose HTML a budget counts; the
			// print and list pages, which grow with the handbook, are not.
			if weighsHTML(pg) {
				pg.Gzip = gzipLen(b)
			}
			return pg, nil
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			pg.add(t)
			pg.Unsafe = append(pg.Unsafe, inert.Tag(t)...)
		}
	}
}

func (pg *Page) add(t html.Token) {
	attr := func(name string) string {
		for _, a := range t.Attr {
			if a.Key == name {
				return a.Val
			}
		}
		return ""
	}
	if id := attr("id"); id != "" {
		pg.IDs[id] = true
	}
	switch t.Data {
	case "a":
		if h := attr("href"); h != "" {
			pg.Links = append(pg.Links, h)
		}
	case "link":
		if attr("rel") == "stylesheet" {
			pg.Assets = append(pg.Assets, attr("href"))
		}
	case "script":
		if s := attr("src"); s != "" {
			pg.Assets = append(pg.Assets, s)
			pg.Scripts = append(pg.Scripts, s)
			if !blocksNothing(t) {
				pg.Attrs["blocking-script"] = append(pg.Attrs["blocking-script"], s)
			}
		}
	case "img":
		pg.Attrs["img"] = append(pg.Attrs["img"], attr("src"))
		if attr("width") == "" || attr("height") == "" {
			pg.Attrs["unsized-img"] = append(pg.Attrs["unsized-img"], attr("src"))
		}
	case "meta":
		if attr("http-equiv") == "refresh" {
			pg.Meta["refresh"] = attr("content")
		}
	}
}

// blocksNothing reports whether a script tag lets the page render on while
// it loads: a module, or a classic script marked defer or async.
func blocksNothing(t html.Token) bool {
	for _, a := range t.Attr {
		if (a.Key == "type" && a.Val == "module") || a.Key == "defer" || a.Key == "async" {
			return true
		}
	}
	return false
}

// BrokenLinks returns every internal link or anchor that does not resolve,
// as "page → link: reason", sorted.
func (s *Site) BrokenLinks(baseURL string) []string {
	base, _ := url.Parse(baseURL)
	var out []string
	for _, pg := range s.Pages {
		for _, raw := range pg.Links {
			if reason := s.check(pg, raw, base); reason != "" {
				out = append(out, fmt.Sprintf("%s → %s: %s", pg.Path, raw, reason))
			}
		}
	}
	sort.Strings(out)
	return out
}

// check resolves one link from a page; "" means it is fine or external.
func (s *Site) check(pg *Page, raw string, base *url.URL) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "not a URL"
	}
	if u.Scheme != "" || u.Host != "" {
		if base == nil || u.Host != base.Host {
			return "" // external: checked online, not here
		}
		u = &url.URL{Path: u.Path, Fragment: u.Fragment, RawQuery: u.RawQuery}
	}
	target := pg
	if u.Path != "" {
		p := u.Path
		if !strings.HasPrefix(p, "/") {
			p = path.Join(path.Dir(pg.Path+"x"), p)
			if strings.HasSuffix(u.Path, "/") && p != "/" {
				p += "/"
			}
		}
		if base != nil && strings.Trim(base.Path, "/") != "" {
			p = "/" + strings.TrimPrefix(strings.TrimPrefix(p, base.Path), "/")
		}
		switch {
		case s.Pages[p] != nil:
			target = s.Pages[p]
		case s.Files[p]:
			return "" // a file (JSON, SVG, Markdown export …)
		default:
			return "no page or file at " + p
		}
	}
	if u.Fragment != "" && !target.IDs[u.Fragment] {
		return "no element with id \"" + u.Fragment + "\" on " + target.Path
	}
	return ""
}
