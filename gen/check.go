package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"

	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/diag"
	"github.com/perfhandbook/handbook/gen/gates"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/load"
	"github.com/perfhandbook/handbook/gen/validate"
)

// dataDir is where the handbook's YAML lives, relative to the project root.
const dataDir = "data"

// linkRecordFile holds the outcome of the last online link check.
const linkRecordFile = "linkcheck/results.json"

// loaded is the handbook after the first three stages: load, validate, gates.
type loaded struct {
	h      *handbook.Handbook
	src    *load.Sources
	report *gates.Report
}

// prepare runs load, validate and the gates, printing problems to errOut
// and the gate table to out. It fails when the data is invalid; failing
// gates are in the report.
func prepare(root string, cache *validate.Cache, out, errOut io.Writer) (*loaded, error) {
	h, src, err := loadData(root, cache, errOut)
	if err != nil {
		return nil, err
	}
	l := &loaded{h: h, src: src}
	defer gates.RememberTexts()()
	l.report, err = evaluateGates(root, l, out)
	return l, err
}

// loadData runs the first two stages: strict loading and validation. cache
// may be nil; gen serve keeps one between rebuilds.
func loadData(root string, cache *validate.Cache, errOut io.Writer) (*handbook.Handbook, *load.Sources, error) {
	h, src, problems := validate.LoadCached(projectFs(root), dataDir, cache)
	if printProblems(errOut, problems) {
		return nil, nil, errReported
	}
	return h, src, nil
}

// evaluateGates computes the quality gates and prints their table.
func evaluateGates(root string, l *loaded, out io.Writer) (*gates.Report, error) {
	record, err := readLinkRecord(projectFs(root))
	if err != nil {
		return nil, err
	}
	report := gates.Evaluate(l.h, gates.Options{Links: record})
	report.WriteText(out, offenderLocation(l.h, l.src))
	return report, nil
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

func readLinkRecord(fsys afero.Fs) (*gates.LinkRecord, error) {
	b, err := afero.ReadFile(fsys, linkRecordFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var rec gates.LinkRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, fmt.Errorf("%s: %w", linkRecordFile, err)
	}
	return &rec, nil
}

// offenderLocation places a gate offender at file:line in the data.
func offenderLocation(h *handbook.Handbook, src *load.Sources) func(gates.Offender) string {
	refs := map[string][2]string{} // id → file, path
	add := func(file, id string, i int) {
		refs[id] = [2]string{filepath.ToSlash(filepath.Join(dataDir, file)), fmt.Sprintf("$[%d]", i)}
	}
	for i, g := range h.Glossary {
		add(load.GlossaryFile, g.ID, i)
	}
	for i, t := range h.Tools {
		add(load.ToolsFile, t.ID, i)
	}
	for i, w := range h.Literature {
		add(load.LiteratureFile, w.ID, i)
	}
	for i, w := range h.Citations {
		add(load.CitationsFile, w.ID, i)
	}
	return func(o gates.Offender) string {
		file, path := o.File, "$"
		if r, ok := refs[o.ID]; ok {
			file, path = r[0], r[1]
		}
		if file == "" {
			return ""
		}
		if o.Field != "" {
			path += "." + o.Field
		}
		line, col := src.Locate(file, path, "")
		if line == 0 {
			return file
		}
		return fmt.Sprintf("%s:%d:%d", file, line, col)
	}
}

func runCheck(root string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	draft := fs.Bool("draft", false, "exit 0 even when quality gates fail (the data must still be valid)")
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	l, err := prepare(root, nil, stdout, stderr)
	if err != nil {
		return err
	}
	if !l.report.OK() && !*draft {
		fmt.Fprintln(stderr, "quality gates fail; fix the offenders above (or pass -draft to accept a draft)")
		return errReported
	}
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
