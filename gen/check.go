package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/diag"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/load"
	"github.com/perfhandbook/handbook/gen/validate"
)

// dataDir is where the handbook's YAML lives, relative to the project root.
const dataDir = "data"

// loadHandbook runs the first two stages of the pipeline: strict loading and
// validation. Problems come back located (file:line:col).
func loadHandbook(root string) (*handbook.Handbook, *load.Sources, diag.List) {
	fsys := projectFs(root)
	h, src, problems := load.Dir(fsys, dataDir)
	if len(problems.Errors()) > 0 {
		return h, src, problems
	}
	more := validate.Handbook(h, dataDir)
	more.Locate(src)
	return h, src, append(problems, more...)
}

// printProblems prints problems and reports whether any of them is an error.
func printProblems(w io.Writer, problems diag.List) bool {
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
	errs := len(problems.Errors())
	if errs > 0 {
		fmt.Fprintf(w, "%d error(s); nothing was written. The data format is described in docs/data-format.md.\n", errs)
	}
	return errs > 0
}

func runCheck(root string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	h, _, problems := loadHandbook(root)
	if printProblems(stderr, problems) {
		return errReported
	}
	fmt.Fprintf(stdout, "%s: %d questions, %d glossary entries, %d tools, %d literature, %d citations — data is valid\n",
		filepath.Clean(root), len(h.Questions), len(h.Glossary), len(h.Tools), len(h.Literature), len(h.Citations))
	return nil
}

// projectFs is the project directory as a filesystem rooted at it.
func projectFs(root string) afero.Fs {
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = root
	}
	return afero.NewBasePathFs(afero.NewOsFs(), abs)
}
