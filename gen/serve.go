package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/perfhandbook/handbook/gen/external"
	"github.com/perfhandbook/handbook/gen/headers"
	"github.com/perfhandbook/handbook/gen/pages"
	"github.com/perfhandbook/handbook/gen/preview"
	"github.com/perfhandbook/handbook/gen/site"
)

// watched are the project directories whose changes trigger a rebuild.
var watched = []string{"data", "layouts", "assets", "content", "static", "config.toml"}

func runServe(root string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:1313", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (another server running? try -addr localhost:1314)", *addr, err)
	}
	p, err := newPreview(root, "http://"+ln.Addr().String()+"/", stdout, stderr)
	if err != nil {
		return err
	}
	go p.watch()
	fmt.Fprintf(stdout, "serving the handbook at http://%s/ — edits to %s rebuild it; Ctrl+C stops\n",
		ln.Addr(), strings.Join(watched, ", "))
	srv := &http.Server{Handler: p.server, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt)
		<-sig
		srv.Close()
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// previewer keeps one Hugo site alive and rebuilds what changed.
type previewer struct {
	root    string
	baseURL string
	dir     string
	hugo    *site.Hugo
	server  *preview.Server
	out     io.Writer
	log     io.Writer
}

func newPreview(root, baseURL string, out, log io.Writer) (*previewer, error) {
	rules, err := headers.Load(filepath.Join(root, "netlify.toml"))
	if err != nil {
		return nil, err
	}
	if err := external.NodeModules(root, log); err != nil {
		return nil, err
	}
	dir := filepath.Join(root, site.WorkDir, "serve")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	p := &previewer{root: root, baseURL: baseURL, dir: dir, server: preview.New(dir, rules), out: out, log: log}
	// The first build must produce the generated content Hugo needs to start.
	if _, err := p.generate(); err != nil {
		return nil, err
	}
	if err := p.freshBuild(); err != nil {
		return nil, err
	}
	return p, nil
}

// freshBuild builds the site with a new Hugo instance. Content changes take
// this path: Hugo's partial rebuild re-rendered a changed content page from
// its stale earlier source (seen with Hugo v0.165.0, not yet diagnosed), and
// a preview that shows old text is worse than a slower one.
func (p *previewer) freshBuild() error {
	h, err := site.NewHugo(p.root, p.dir, site.HugoOptions{BaseURL: p.baseURL, Environment: "development", Log: p.log, Watch: true})
	if err != nil {
		return err
	}
	p.hugo = h
	return h.Build()
}

// generate runs load, validate, gates and page generation (serve always
// builds; failing gates show on the gate report page and the draft banner)
// and returns the generated files that changed.
func (p *previewer) generate() ([]string, error) {
	var problems strings.Builder
	l, err := prepare(p.root, io.Discard, &problems)
	if err != nil {
		return nil, errors.New(strings.TrimSpace(problems.String()))
	}
	drawn, missing, err := drawDiagrams(p.root, l.h, p.log)
	if err != nil {
		return nil, err
	}
	if missing != nil {
		fmt.Fprintf(p.log, "warning: %v; showing them with client-side Mermaid (pages may use inline styles meanwhile)\n", missing)
	}
	p.server.AllowInlineStyles(missing != nil)
	out, err := render(p.root, p.baseURL, l, drawn, !l.report.OK())
	if err != nil {
		return nil, err
	}
	st, err := out.Sync(projectFs(p.root))
	if err != nil {
		return nil, err
	}
	changed := make([]string, len(st.Changed))
	for i, c := range st.Changed {
		changed[i] = filepath.Join(p.root, c)
	}
	return changed, nil
}

// rebuild handles one batch of file changes.
func (p *previewer) rebuild(changed []string) {
	start := time.Now()
	var hugoChanges []string
	dataChanged, contentChanged := false, false
	for _, c := range changed {
		rel, _ := filepath.Rel(p.root, c)
		rel = filepath.ToSlash(rel)
		switch {
		case strings.HasPrefix(rel, "data/"):
			dataChanged = true
		case isGenerated(rel):
			// written by generate below; ignore our own writes
		case strings.HasPrefix(rel, "content/"):
			contentChanged = true
		default:
			hugoChanges = append(hugoChanges, c)
		}
	}
	if dataChanged {
		gen, err := p.generate()
		if err != nil {
			fmt.Fprintf(p.log, "%s\n", err)
			p.server.Fail(err)
			return
		}
		hugoChanges = append(hugoChanges, gen...)
	}
	build := func() error { return p.hugo.Build(hugoChanges...) }
	if dataChanged || contentChanged {
		build = p.freshBuild
	}
	if len(hugoChanges) > 0 || dataChanged || contentChanged {
		if err := build(); err != nil {
			fmt.Fprintf(p.log, "%s\n", err)
			p.server.Fail(err)
			return
		}
	}
	p.server.Reload() // also clears an error shown for an edit that has since been undone
	fmt.Fprintf(p.out, "rebuilt in %s (%d file(s) changed)\n", time.Since(start).Round(time.Millisecond), len(changed))
}

func isGenerated(rel string) bool {
	for _, o := range pages.Owned {
		if rel == o || strings.HasPrefix(rel, o+"/") {
			return true
		}
	}
	return false
}

// watch collects file events and rebuilds once they settle for 50 ms.
func (p *previewer) watch() {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(p.log, "watch: %v\n", err)
		return
	}
	defer w.Close()
	for _, name := range watched {
		addTree(w, filepath.Join(p.root, name))
	}
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Op&fsnotify.Create != 0 {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					addTree(w, ev.Name)
				}
			}
			if rel, _ := filepath.Rel(p.root, ev.Name); !isGenerated(filepath.ToSlash(rel)) && !strings.HasSuffix(ev.Name, "~") {
				pending[ev.Name] = true
				timer.Reset(50 * time.Millisecond)
			}
		case err := <-w.Errors:
			fmt.Fprintf(p.log, "watch: %v\n", err)
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for name := range pending {
				batch = append(batch, name)
			}
			pending = map[string]bool{}
			p.rebuild(batch)
		}
	}
}

// addTree watches a directory and its subdirectories (fsnotify is not recursive).
func addTree(w *fsnotify.Watcher, root string) {
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() || path == root {
			_ = w.Add(path)
		}
		return nil
	})
}
