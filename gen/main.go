// Command gen turns the YAML in data/ into the Performance Engineering
// Interview Handbook.
//
//	gen build [-draft]   load, validate, evaluate gates, write pages, run Hugo, publish public/
//	gen serve            live preview with rebuilds on every change
//	gen check            load, validate and evaluate gates only; exit 1 on any problem
//	gen diagrams         draw the diagrams missing from diagram-cache/ (needs Chromium)
//	gen schema           regenerate schema/*.schema.json from the data model
//	gen review           print the content hash a review record must name
//	gen bench            benchmark the pipeline against bare Hugo + Pagefind
//
// Run it from the project root, or point it there with -C.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// errReported is returned when the problem has already been printed.
var errReported = errors.New("problems reported above")

type command struct {
	name, summary string
	run           func(root string, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"build", "build the site into public/ (atomically)", runBuild},
		{"serve", "serve a live preview and rebuild on changes", runServe},
		{"check", "load, validate and evaluate the gates; no output files", runCheck},
		{"diagrams", "draw diagrams missing from diagram-cache/ with Mermaid in headless Chromium", runDiagrams},
		{"schema", "write schema/*.schema.json from the data model", runSchema},
		{"review", "print the content hash for data/review.yaml", runReview},
		{"bench", "benchmark the pipeline against bare Hugo + Pagefind at several sizes", runBench},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("C", ".", "project root (the directory holding config.toml)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file (for performance work)")
	fs.Usage = func() { usage(stderr) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		usage(stderr)
		return 2
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		pprof.StartCPUProfile(f)
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	name := fs.Arg(0)
	for _, c := range commands() {
		if c.name == name {
			if err := c.run(*root, fs.Args()[1:], stdout, stderr); err != nil {
				if !errors.Is(err, errReported) {
					fmt.Fprintf(stderr, "gen %s: %v\n", name, err)
				}
				return 1
			}
			return 0
		}
	}
	fmt.Fprintf(stderr, "gen: unknown command %q\n", name)
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: gen [-C dir] <command> [flags]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
}
