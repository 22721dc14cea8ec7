package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/perfhandbook/handbook/gen/diagrams"
	"github.com/perfhandbook/handbook/gen/external"
	"github.com/perfhandbook/handbook/gen/validate"
)

// runDiagrams draws every diagram not yet in the cache with the real Mermaid
// in headless Chromium, reporting Mermaid's errors with the diagram's place.
func runDiagrams(root string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("diagrams", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	h, _, problems := validate.Load(projectFs(root), dataDir)
	if printProblems(stderr, problems) {
		return errReported
	}
	if err := external.NodeModules(root, stderr); err != nil {
		return err
	}
	drawn, missing, err := drawDiagrams(root, h, stdout)
	if err != nil {
		return err
	}
	if missing != nil {
		return missing
	}
	fmt.Fprintf(stdout, "%d diagram(s) drawn and cached in %s/ (commit it)\n", len(drawn), diagrams.CacheDir)
	return nil
}
