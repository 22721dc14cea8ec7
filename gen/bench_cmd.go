package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/perfhandbook/handbook/gen/bench"
	"github.com/perfhandbook/handbook/gen/external"
	"github.com/perfhandbook/handbook/gen/postbuild"
	"github.com/perfhandbook/handbook/gen/site"
)

// runBench measures the pipeline against bare Hugo + Pagefind at several
// sizes (see README, Performance).
func runBench(root string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "30,300,1000,4000,10000", "numbers of questions to measure")
	runs := fs.Int("runs", 3, "runs per size and pipeline")
	serveAt := fs.Int("serve", 1000, "also measure gen serve's edit-to-browser latency at this many questions (0: skip)")
	jsonOut := fs.String("json", "", "also write the results as JSON to this file")
	keep := fs.Bool("keep", false, "keep the temporary projects")
	baselineChild := fs.String("baseline-child", "", "internal: build the baseline project in this directory")
	timings := fs.String("timings", "", "internal: with -baseline-child, write its stage times and peak memory to this file")
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if *baselineChild != "" {
		return buildBaseline(root, *baselineChild, *timings, stderr)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	o := bench.Options{Root: root, Runs: *runs, Gen: self, Log: stderr, Keep: *keep}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes: %q is not a number of questions", s)
		}
		o.Sizes = append(o.Sizes, n)
	}
	if err := external.NodeModules(root, stderr); err != nil {
		return err
	}
	res, err := bench.Run(o)
	if err != nil {
		return err
	}
	if *serveAt > 0 {
		if res.Serve, err = bench.MeasureServe(o, *serveAt); err != nil {
			// A rebuild too slow to measure is a result (the target is missed), so the table still prints.
			res.Serve = &bench.Serve{Questions: *serveAt, Failed: err.Error()}
		}
	}
	res.WriteTable(stdout)
	if *jsonOut != "" {
		b, _ := json.MarshalIndent(res, "", "  ")
		return os.WriteFile(*jsonOut, append(b, '\n'), 0o644)
	}
	return nil
}

// buildBaseline renders the baseline project with bare Hugo, then indexes it
// with bare Pagefind: the floor the benchmark compares against.
func buildBaseline(root, dir, timings string, log io.Writer) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	times := newStageTimes(timings)
	times.next("hugo")
	h, err := site.NewHugo(abs, filepath.Join(abs, "public"), site.HugoOptions{Log: log})
	if err != nil {
		return err
	}
	if err := h.Build(); err != nil {
		return err
	}
	times.next("search index")
	peak, err := external.Pagefind(root, filepath.Join(abs, "public"), postbuild.SearchIndexDir, log)
	if err != nil {
		return err
	}
	times.peak("pagefind", peak)
	return times.write()
}
