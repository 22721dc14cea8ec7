package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/perfhandbook/handbook/gen/diagrams"
	"github.com/perfhandbook/handbook/gen/external"
	"github.com/perfhandbook/handbook/gen/inert"
	"github.com/perfhandbook/handbook/gen/site"
	"github.com/perfhandbook/handbook/gen/stage"
)

// buildOptions are the flags of gen build.
type buildOptions struct {
	draft   bool
	baseURL string
	public  string
}

func runBuild(root string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o buildOptions
	fs.BoolVar(&o.draft, "draft", false, "publish even when quality gates fail; every page shows a draft banner")
	fs.StringVar(&o.baseURL, "base-url", os.Getenv("URL"), "absolute URL the site is served from (default: $URL, set by Netlify, else config.toml)")
	fs.StringVar(&o.public, "public", "public", "directory to publish to, relative to the project root")
	if err := fs.Parse(args); err != nil {
		return errReported
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
	publicDir := filepath.Join(root, o.public)
	if err := site.CleanLeftovers(root, publicDir); err != nil {
		return fmt.Errorf("clean up after an earlier build: %w", err)
	}
	stage.Reached(stage.Locked)
	l, err := prepare(root, stdout, stderr)
	if err != nil {
		return err
	}
	if !l.report.OK() && !o.draft {
		fmt.Fprintln(stderr, "quality gates fail: nothing was published. Fix the offenders above, or build with -draft to publish a draft with a banner on every page.")
		return errReported
	}
	h := l.h
	if err := external.NodeModules(root, stderr); err != nil {
		return err
	}
	drawn, missing, err := drawDiagrams(root, h, stderr)
	if err != nil {
		return err
	}
	if missing != nil {
		if !o.draft {
			return fmt.Errorf("%v\nA production build ships only pre-drawn diagrams: draw them where Chromium is installed (gen diagrams) and commit %s/, or build with -draft to fall back to client-side Mermaid", missing, diagrams.CacheDir)
		}
		fmt.Fprintf(stderr, "warning: %v; these pages fall back to client-side Mermaid\n", missing)
	} else if n, err := diagrams.Prune(root, drawn); err == nil && n > 0 {
		fmt.Fprintf(stderr, "removed %d unused diagram(s) from %s/\n", n, diagrams.CacheDir)
	}
	out, err := render(root, l, drawn, o.draft && !l.report.OK())
	if err != nil {
		return err
	}
	if _, err := out.Sync(projectFs(root)); err != nil {
		return fmt.Errorf("write generated pages: %w", err)
	}
	stage.Reached(stage.Generated)
	staging, err := site.Staging(root)
	if err != nil {
		return err
	}
	pagesBuilt, err := renderSite(root, staging, o.baseURL, stderr)
	if err == nil {
		stage.Reached(stage.Staged)
		err = inert.Check(staging)
	}
	if err != nil {
		os.RemoveAll(staging)
		return err
	}
	stage.Reached(stage.Checked)
	if err := site.Publish(staging, publicDir); err != nil {
		os.RemoveAll(staging)
		return err
	}
	fmt.Fprintf(stdout, "built %d pages from %d questions into %s in %s\n",
		pagesBuilt, len(h.Questions), o.public, time.Since(start).Round(time.Millisecond))
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
