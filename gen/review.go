package main

import (
	"fmt"
	"io"

	"github.com/perfhandbook/handbook/gen/gates"
	"github.com/perfhandbook/handbook/gen/validate"
)

// runReview prints the content hash a review record must name (gate 20).
func runReview(root string, args []string, stdout, stderr io.Writer) error {
	h, _, problems := validate.Load(projectFs(root), dataDir)
	if printProblems(stderr, problems) {
		return errReported
	}
	fmt.Fprintf(stdout, "content_hash: %s\n", gates.ContentHash(h))
	fmt.Fprintln(stdout, "After reading every question and reference against the nine quality standards,")
	fmt.Fprintln(stdout, "record this hash, the date, the reviewer and one entry per standard in data/review.yaml.")
	return nil
}
