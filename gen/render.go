package main

import (
	"github.com/perfhandbook/handbook/gen/export"
	"github.com/perfhandbook/handbook/gen/pages"
)

// ExportsDir is where the downloadable exports are published (/exports/).
const ExportsDir = "generated/static/exports"

// render produces every generated file of a build: the Hugo content and
// data, and the exports.
func render(l *loaded, draft bool) *pages.Output {
	out := pages.Render(l.h, pages.Options{Report: l.report, Draft: draft})
	out.Add(ExportsDir+"/handbook.md", export.Markdown(l.h, l.report))
	out.Add(ExportsDir+"/gates.json", export.GatesJSON(l.report))
	return out
}
