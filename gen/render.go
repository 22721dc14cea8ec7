package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/perfhandbook/handbook/gen/diagrams"
	"github.com/perfhandbook/handbook/gen/export"
	"github.com/perfhandbook/handbook/gen/gates"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/pages"
)

// ExportsDir is where the downloadable exports are published (/exports/).
const ExportsDir = "generated/static/exports"

// DiagramsDir is where drawn diagrams are published (/diagrams/).
const DiagramsDir = "generated/static/diagrams"

// renderPages produces the files that do not depend on the gate report.
func renderPages(root, baseURL string, h *handbook.Handbook, drawn map[string]diagrams.Drawn) (*pages.Output, error) {
	out := pages.RenderPages(h, pages.Options{Diagrams: drawn})
	for _, f := range diagrams.Sorted(drawn) {
		b, err := os.ReadFile(filepath.Join(root, diagrams.CacheDir, f))
		if err != nil {
			return nil, err
		}
		out.Add(DiagramsDir+"/"+f, b)
	}
	out.Add(ExportsDir+"/questions.json", export.QuestionsJSON(h, baseURL))
	if b := export.InterviewJSON(h, baseURL); b != nil {
		out.Add(ExportsDir+"/interview-bank.json", b)
	}
	return out, nil
}

// addReport adds the files that show the gate report.
func addReport(out *pages.Output, h *handbook.Handbook, report *gates.Report, draft bool) {
	out.AddReport(h, report, draft)
	out.Add(ExportsDir+"/handbook.md", export.Markdown(h, report))
	out.Add(ExportsDir+"/gates.json", export.GatesJSON(report))
}

// drawDiagrams makes sure every diagram is drawn (cache, or Chromium when it
// is installed). Diagrams that could not be drawn are returned in missing:
// the caller decides whether the client-side fallback is acceptable.
func drawDiagrams(root string, h *handbook.Handbook, log io.Writer) (drawn map[string]diagrams.Drawn, missing *diagrams.ErrMissing, err error) {
	var list []diagrams.Diagram
	for _, q := range h.Questions {
		for i, d := range q.Diagrams {
			list = append(list, diagrams.Diagram{Source: d.Source, Title: d.Title, Description: d.Description,
				Where: fmt.Sprintf("%s: diagrams[%d].source", q.File, i)})
		}
	}
	drawn, err = diagrams.Ensure(list, diagrams.Options{Root: root, Render: true, Log: log})
	if errors.As(err, &missing) {
		return drawn, missing, nil
	}
	return drawn, nil, err
}
