package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/perfhandbook/handbook/gen/diagrams"
	"github.com/perfhandbook/handbook/gen/external"
	"github.com/perfhandbook/handbook/gen/gates"
	"github.com/perfhandbook/handbook/gen/inert"
	"github.com/perfhandbook/handbook/gen/pages"
	"github.com/perfhandbook/handbook/gen/postbuild"
	"github.com/perfhandbook/handbook/gen/site"
	"github.com/perfhandbook/handbook/gen/stage"
)

// buildOptions are the flags of gen build.
type buildOptions struct {
	draft   bool
	baseURL string
	public  string
	timings string // file to write stage timings to (gen bench)
}

func runBuild(root string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o buildOptions
	fs.BoolVar(&o.draft, "draft", false, "publish even when quality gates fail; every page shows a draft banner")
	fs.StringVar(&o.baseURL, "base-url", os.Getenv("URL"), "absolute URL the site is served from (default: $URL, set by Netlify, else config.toml)")
	fs.StringVar(&o.public, "public", "public", "directory to publish to, relative to the project root")
	fs.StringVar(&o.timings, "timings", "", "write each stage's duration and the peak memory of gen and Pagefind as JSON to this file (used by gen bench)")
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	// The site is staged inside the project root and published by a rename,
	// which only works within one filesystem.
	if !filepath.IsLocal(o.public) {
		return fmt.Errorf("-public %q: give a directory inside the project root, as a relative path such as public", o.public)
	}
	return build(root, o, stdout, stderr)
}

// build runs the whole pipeline. Nothing is written before the data has
// loaded and validated; public/ changes only by one atomic swap at the end,
// after the staged site has passed the post-build checks, so a build that
// fails or is killed at any point leaves the previous site (the stages are
// named in package stage).
func build(root string, o buildOptions, stdout, stderr io.Writer) error {
	start := time.Now()
	unlock, err := site.Lock(root)
	if err != nil {
		return err
	}
	defer unlock()
	b := &builder{root: root, o: o, out: stdout, log: stderr, times: newStageTimes(o.timings), publicDir: filepath.Join(root, o.public)}
	for _, stage := range []func() error{b.clean, b.load, b.gatesAndPages, b.hugo, b.indexAndCheck, b.publish} {
		if err := stage(); err != nil {
			if b.staging != "" {
				os.RemoveAll(b.staging)
			}
			return err
		}
	}
	if err := b.times.write(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built %d pages from %d questions into %s in %s\n",
		b.pages, b.questions, o.public, time.Since(start).Round(time.Millisecond))
	return nil
}

// builder carries one build's state from stage to stage.
type builder struct {
	root, publicDir, staging string
	o                        buildOptions
	out, log                 io.Writer
	times                    *stageTimes
	l                        *loaded
	drawn                    map[string]diagrams.Drawn
	missing                  *diagrams.ErrMissing
	pages, questions         int
	built                    *postbuild.Site
}

func (b *builder) clean() error {
	b.times.next("clean up")
	if err := site.CleanLeftovers(b.root, b.publicDir); err != nil {
		return fmt.Errorf("clean up after an earlier build: %w", err)
	}
	stage.Reached(stage.Locked)
	return nil
}

func (b *builder) load() error {
	b.times.next("load and validate")
	h, src, err := loadData(b.root, nil, b.log)
	b.l = &loaded{h: h, src: src}
	return err
}

// gatesAndPages evaluates the gates while the diagrams are drawn and the
// pages rendered: all three only read the loaded handbook. The files that
// show the gate report are added once it is ready, and nothing is written
// before then, so failing gates still leave the project untouched.
func (b *builder) gatesAndPages() error {
	b.times.next("")
	defer gates.RememberTexts()() // the gates and the exports ask about each text several times
	evaluated := make(chan error, 1)
	go func() {
		start := time.Now()
		err := b.gates()
		b.times.add("gates", time.Since(start))
		evaluated <- err
	}()
	out, err := b.renderPages()
	if err := cmp.Or(<-evaluated, err); err != nil {
		return err
	}
	b.pruneDiagrams()
	start := time.Now()
	addReport(out, b.l.h, b.l.report, b.o.draft && !b.l.report.OK())
	if _, err := out.Sync(projectFs(b.root)); err != nil {
		return fmt.Errorf("write generated pages: %w", err)
	}
	b.times.add("write pages", time.Since(start))
	stage.Reached(stage.Generated)
	// Nothing after this stage reads the handbook. Letting it go before Hugo
	// runs frees about 0.5 GiB at 4,000 questions, memory that otherwise
	// counts against the limit at which Hugo starts evicting its caches.
	b.questions = len(b.l.h.Questions)
	b.l, b.drawn = nil, nil
	return nil
}

func (b *builder) gates() error {
	report, err := evaluateGates(b.root, b.l, b.out)
	if err != nil {
		return err
	}
	b.l.report = report
	if !report.OK() && !b.o.draft {
		fmt.Fprintln(b.log, "quality gates fail: nothing was published. Fix the offenders above, or build with -draft to publish a draft with a banner on every page.")
		return errReported
	}
	return nil
}

// renderPages draws the diagrams and renders what does not depend on the
// gate report.
func (b *builder) renderPages() (*pages.Output, error) {
	start := time.Now()
	err := b.diagrams()
	b.times.add("diagrams", time.Since(start))
	if err != nil {
		return nil, err
	}
	start = time.Now()
	defer func() { b.times.add("write pages", time.Since(start)) }()
	baseURL, err := site.BaseURL(b.root, b.o.baseURL)
	if err != nil {
		return nil, err
	}
	return renderPages(b.root, baseURL, b.l.h, b.drawn)
}

func (b *builder) diagrams() error {
	if err := external.NodeModules(b.root, b.log); err != nil {
		return err
	}
	var err error
	b.drawn, b.missing, err = drawDiagrams(b.root, b.l.h, b.log)
	switch {
	case err != nil:
		return err
	case b.missing != nil && !b.o.draft:
		return fmt.Errorf("%v\nA production build ships only pre-drawn diagrams: draw them where Chromium is installed (gen diagrams) and commit %s/, or build with -draft to fall back to client-side Mermaid", b.missing, diagrams.CacheDir)
	case b.missing != nil:
		fmt.Fprintf(b.log, "warning: %v; these pages fall back to client-side Mermaid\n", b.missing)
	}
	return nil
}

// pruneDiagrams removes drawn diagrams that no question uses any more, once
// the build is known to go ahead.
func (b *builder) pruneDiagrams() {
	if b.missing != nil {
		return
	}
	if n, err := diagrams.Prune(b.root, b.drawn); err == nil && n > 0 {
		fmt.Fprintf(b.log, "removed %d unused diagram(s) from %s/\n", n, diagrams.CacheDir)
	}
}

func (b *builder) hugo() error {
	b.times.next("hugo")
	var err error
	if b.staging, err = site.Staging(b.root); err != nil {
		return err
	}
	if b.pages, err = renderSite(b.root, b.staging, b.o.baseURL, b.log); err != nil {
		return err
	}
	// Hugo's pages are garbage now. Pagefind runs next, beside the checks, so
	// hand their memory back to the system rather than hold it while both run.
	debug.FreeOSMemory()
	stage.Reached(stage.Staged)
	return nil
}

// indexAndCheck builds the search index and runs the post-build checks side
// by side: both only read the staged pages (Pagefind writes into pagefind/,
// which the checks skip), so neither waits for the other. A failed check
// is reported before a failed index: it names what to fix in the data.
func (b *builder) indexAndCheck() error {
	b.times.next("")
	indexed := make(chan error, 1)
	go func() {
		start := time.Now()
		peak, err := external.Pagefind(b.root, b.staging, postbuild.SearchIndexDir, b.log)
		b.times.add("search index", time.Since(start))
		b.times.peak("pagefind", peak)
		indexed <- err
	}()
	start := time.Now()
	checkErr := b.check()
	b.times.add("post-build checks", time.Since(start))
	if err := cmp.Or(checkErr, <-indexed); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(b.staging, postbuild.SearchIndexDir, "pagefind.js")); err != nil {
		return fmt.Errorf("pagefind wrote no index: %w", err)
	}
	stage.Reached(stage.Checked)
	return nil
}

func (b *builder) check() error {
	published, err := postbuild.ReadManifest(b.root)
	if err != nil {
		return err
	}
	if b.built, err = postbuild.Check(b.staging, postbuild.Options{BaseURL: b.o.baseURL, MermaidFallback: b.missing != nil, Published: published}, b.out); err != nil {
		return err
	}
	return inert.CheckImages(b.staging) // pages were checked as they were read
}

func (b *builder) publish() error {
	b.times.next("publish")
	if err := site.Publish(b.staging, b.publicDir); err != nil {
		return err
	}
	b.staging = ""
	if err := postbuild.WriteManifest(b.root, b.built); err != nil {
		return fmt.Errorf("record published URLs: %w", err)
	}
	return nil
}

// renderSite runs Hugo into dir.
func renderSite(root, dir, baseURL string, log io.Writer) (int, error) {
	hugo, err := site.NewHugo(root, dir, site.HugoOptions{BaseURL: baseURL, Log: log})
	if err != nil {
		return 0, err
	}
	if err := hugo.Build(); err != nil {
		return 0, err
	}
	return hugo.Pages(), nil
}
