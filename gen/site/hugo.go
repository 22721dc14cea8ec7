// Package site runs Hugo, embedded as a library, over the project and
// publishes the result: it builds into a staging directory, checks the
// output, and swaps it into public/ atomically.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bep/logg"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/herrors"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
	"github.com/spf13/fsync"
)

// HugoOptions configure one Hugo run.
type HugoOptions struct {
	BaseURL     string    // absolute site URL; empty keeps config.toml's
	Environment string    // "production" or "development"
	Log         io.Writer // Hugo's warnings; nil discards them
	Watch       bool      // keep the site for incremental rebuilds (serve)
}

// CacheLimitGiB is the size Hugo's in-memory caches are held to unless
// HUGO_MEMORYLIMIT (in GiB) says otherwise. Hugo's own default is a quarter
// of the machine's memory: on a 24 GiB machine gen then peaked at 7.2 GiB
// building 10,000 questions, and at 4.6–4.7 GiB with this limit, with no
// measurable change in build time (gen bench, README).
const CacheLimitGiB = "1"

// limitCaches sets HUGO_MEMORYLIMIT, which Hugo reads when it creates its
// caches, unless the environment already does.
func limitCaches() {
	if os.Getenv("HUGO_MEMORYLIMIT") == "" {
		os.Setenv("HUGO_MEMORYLIMIT", CacheLimitGiB)
	}
}

// Hugo is one configured Hugo site over the project directory.
type Hugo struct {
	sites *hugolib.HugoSites
	log   *bytes.Buffer
	out   io.Writer
}

// NewHugo loads config.toml from root and prepares a site that renders into
// dest. dest is replaced content-wise by each Build.
func NewHugo(root, dest string, opts HugoOptions) (*Hugo, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	limitCaches()
	flags := config.New()
	flags.Set("workingDir", root)
	flags.Set("publishDir", dest)
	if opts.BaseURL != "" {
		flags.Set("baseURL", opts.BaseURL)
	}
	if opts.Watch {
		flags.Set("internal", map[string]any{"watch": true, "running": true})
		flags.Set("disableLiveReload", true) // gen serve has its own live reload
	}
	env := opts.Environment
	if env == "" {
		env = "production"
	}
	h := &Hugo{log: &bytes.Buffer{}, out: opts.Log}
	var w io.Writer = h.log
	if opts.Log != nil {
		w = io.MultiWriter(h.log, opts.Log)
	}
	logger := loggers.New(loggers.Options{StdOut: io.Discard, StdErr: w, Level: logg.LevelWarn, DistinctLevel: logg.LevelWarn})
	afs := afero.NewOsFs()
	conf, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags: flags, Fs: afs, Logger: logger, Environment: env, Filename: filepath.Join(root, "config.toml"),
	})
	if err != nil {
		return nil, fmt.Errorf("hugo config: %w", err)
	}
	fs := hugofs.NewFrom(afs, conf.LoadingInfo.BaseConfig)
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: conf, Fs: fs, LogLevel: logger.Level(), StdErr: logger.StdErr()})
	if err != nil {
		return nil, fmt.Errorf("hugo: %w", err)
	}
	h.sites = sites
	return h, nil
}

// Build renders the whole site, or, when changed names files (absolute
// paths) in watch mode, only what depends on them.
func (h *Hugo) Build(changed ...string) error {
	h.log.Reset()
	var err error
	if len(changed) == 0 {
		err = h.sites.Build(hugolib.BuildCfg{})
	} else {
		err = h.sites.Build(hugolib.BuildCfg{}, events(changed)...)
	}
	if err != nil {
		return hugoError(err)
	}
	if n := h.sites.Log.LoggCount(logg.LevelError); n > 0 {
		return fmt.Errorf("hugo logged %d error(s):\n%s", n, strings.TrimSpace(h.log.String()))
	}
	return h.copyStatic(changed)
}

// copyStatic copies the mounted static files into the publish directory, as
// the hugo command does after a build (hugolib leaves it to its caller): all
// of them after a full build, only the changed ones after a partial one (a
// full sync compares every vendored Mermaid chunk, 30 ms per rebuild).
func (h *Hugo) copyStatic(changed []string) error {
	if len(changed) == 0 {
		return h.syncStatic(string(filepath.Separator))
	}
	for _, name := range changed {
		rel := h.sites.BaseFs.SourceFilesystems.MakeStaticPathRelative(name)
		if rel == "" {
			continue
		}
		if _, err := os.Stat(name); errors.Is(err, fs.ErrNotExist) {
			if err := h.sites.Deps.Fs.PublishDirStatic.Remove(rel); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("remove deleted static file: %w", err)
			}
			continue
		}
		if err := h.syncStatic(rel); err != nil {
			return err
		}
	}
	return nil
}

// syncStatic copies one static file or directory, rel, from every static
// mount that has it.
func (h *Hugo) syncStatic(rel string) error {
	for _, src := range h.sites.BaseFs.SourceFilesystems.Static {
		syncer := fsync.NewSyncer()
		syncer.NoTimes, syncer.NoChmod = true, true
		syncer.SrcFs = src.Fs
		syncer.DestFs = h.sites.Deps.Fs.PublishDirStatic
		err := syncer.Sync(rel, rel)
		if err != nil && !herrors.IsNotExist(err) { // no static directory is fine, as for the hugo command
			return fmt.Errorf("copy static files: %w", err)
		}
	}
	return nil
}

// Pages returns the number of pages Hugo rendered in its last build.
func (h *Hugo) Pages() int { return len(h.sites.Pages()) }

// hugoError flattens Hugo's multi-errors into one readable error.
func hugoError(err error) error {
	var msgs []string
	for _, e := range herrors.Errors(err) {
		msgs = append(msgs, e.Error())
	}
	if len(msgs) == 0 {
		return err
	}
	return errors.New("hugo: " + strings.Join(msgs, "\nhugo: "))
}

// events describes changed files the way a file watcher would: a write for
// files that exist, a removal for files that are gone.
func events(changed []string) []fsnotify.Event {
	out := make([]fsnotify.Event, 0, len(changed))
	for _, name := range changed {
		op := fsnotify.Write
		if _, err := os.Stat(name); err != nil {
			op = fsnotify.Remove
		}
		out = append(out, fsnotify.Event{Name: name, Op: op})
	}
	return out
}
