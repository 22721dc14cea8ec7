package main

import (
	"cmp"
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
	"github.com/perfhandbook/handbook/gen/gates"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/headers"
	"github.com/perfhandbook/handbook/gen/pages"
	"github.com/perfhandbook/handbook/gen/preview"
	"github.com/perfhandbook/handbook/gen/site"
	"github.com/perfhandbook/handbook/gen/validate"
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
	cache   *validate.Cache // what loading found, so that an edit re-parses and re-checks only the edited file
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
	gates.RememberTexts() // the gates run again after every edit, over mostly unchanged texts
	p := &previewer{root: root, baseURL: baseURL, dir: dir, server: preview.New(dir, rules), cache: validate.NewCache(), out: out, log: log}
	// The first build must produce the generated content Hugo needs to start.
	if _, err := p.generate(); err != nil {
		return nil, err
	}
	if err := p.freshBuild(); err != nil {
		return nil, err
	}
	return p, nil
}

// freshBuild builds the site with a new Hugo instance.
func (p *previewer) freshBuild() error {
	h, err := site.NewHugo(p.root, p.dir, site.HugoOptions{BaseURL: p.baseURL, Environment: "development", Log: p.log, Watch: true})
	if err != nil {
		return err
	}
	p.hugo = h
	return h.Build()
}

// partialBuild lets the live Hugo site rebuild what depends on the changed
// files. Changed content files go one per build: given several in one batch,
// Hugo v0.165.0 renders all but the last from their old source (reported as
// Hugo issue #15330 against v0.165.0 and v0.166.0), which
// TestServeShowsAnEditedQuestion catches. The other files go with the first
// build.
func (p *previewer) partialBuild(changed []string) error {
	var batches [][]string
	var rest []string
	for _, c := range changed {
		rel, _ := filepath.Rel(p.root, c)
		if isContent(filepath.ToSlash(rel)) {
			batches = append(batches, []string{c})
		} else {
			rest = append(rest, c)
		}
	}
	if len(batches) == 0 {
		batches = [][]string{nil}
	}
	batches[0] = append(batches[0], rest...)
	for _, b := range batches {
		if err := p.hugo.Build(b...); err != nil {
			return err
		}
	}
	return nil
}

// isContent reports whether rel (relative to the project root) is a file
// Hugo reads as content, hand-written or generated.
func isContent(rel string) bool {
	return strings.HasPrefix(rel, "content/")
}

// generate runs load, validate, gates and page generation (serve always
// builds; failing gates show on the gate report page and the draft banner)
// and returns the generated files that changed.
func (p *previewer) generate() ([]string, error) {
	var problems strings.Builder
	h, src, err := loadData(p.root, p.cache, &problems)
	if err != nil {
		return nil, errors.New(strings.TrimSpace(problems.String()))
	}
	// As in gen build, the gates are evaluated while the pages are rendered.
	type evaluated struct {
		report *gates.Report
		err    error
	}
	done := make(chan evaluated, 1)
	go func() {
		r, err := evaluateGates(p.root, &loaded{h: h, src: src}, io.Discard)
		done <- evaluated{r, err}
	}()
	out, err := p.renderPages(h)
	e := <-done
	if err := cmp.Or(err, e.err); err != nil {
		return nil, err
	}
	addReport(out, h, e.report, !e.report.OK())
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

// renderPages draws the diagrams and renders what does not depend on the
// gate report.
func (p *previewer) renderPages(h *handbook.Handbook) (*pages.Output, error) {
	drawn, missing, err := drawDiagrams(p.root, h, p.log)
	if err != nil {
		return nil, err
	}
	if missing != nil {
		fmt.Fprintf(p.log, "warning: %v; showing them with client-side Mermaid (pages may use inline styles meanwhile)\n", missing)
	}
	p.server.AllowInlineStyles(missing != nil)
	return renderPages(p.root, p.baseURL, h, drawn)
}

// rebuild handles one batch of file changes: data edits regenerate the
// pages (only files whose bytes change are written), then the live Hugo site
// re-renders what depends on the files that changed.
func (p *previewer) rebuild(changed []string) {
	start := time.Now()
	var hugoChanges []string
	dataChanged := false
	for _, c := range changed {
		rel, _ := filepath.Rel(p.root, c)
		rel = filepath.ToSlash(rel)
		switch {
		case strings.HasPrefix(rel, "data/"):
			dataChanged = true
		case isGenerated(rel):
			// written by generate below; ignore our own writes
		default:
			hugoChanges = append(hugoChanges, c)
		}
	}
	var took []string
	lap := func(what string, since time.Time) {
		took = append(took, what+" "+time.Since(since).Round(time.Millisecond).String())
	}
	if dataChanged {
		t := time.Now()
		gen, err := p.generate()
		lap("data", t)
		if err != nil {
			fmt.Fprintf(p.log, "%s\n", err)
			p.server.Fail(err)
			return
		}
		hugoChanges = append(hugoChanges, gen...)
	}
	if len(hugoChanges) > 0 {
		t := time.Now()
		if err := p.partialBuild(hugoChanges); err != nil {
			fmt.Fprintf(p.log, "%s\n", err)
			p.server.Fail(err)
			return
		}
		lap("hugo", t)
	}
	p.server.Reload() // also clears an error shown for an edit that has since been undone
	fmt.Fprintf(p.out, "rebuilt in %s (%d file(s) changed; %s)\n", time.Since(start).Round(time.Millisecond), len(changed), strings.Join(took, ", "))
}

func isGenerated(rel string) bool {
	for _, o := range pages.Owned {
		if rel == o || strings.HasPrefix(rel, o+"/") {
			return true
		}
	}
	return false
}

// settle is how long the watcher waits for more events before rebuilding:
// long enough to batch an editor's save (write, rename, chmod), short
// enough not to count against the 300 ms edit-to-screen budget.
const settle = 20 * time.Millisecond

// watch collects file events and rebuilds once they settle.
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
				timer.Reset(settle)
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
