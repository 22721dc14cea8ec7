package pages

import (
	"strings"

	"github.com/perfhandbook/handbook/gen/apa"
	"github.com/perfhandbook/handbook/gen/gates"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/loop"
)

// DataDir is where the JSON the templates read is written; config.toml
// mounts it as Hugo's data directory (hugo.Data).
const DataDir = "generated/data"

// SharedDataDir holds the JSON that every page reads (the handbook summary
// for the footer and draft banner, the reference tooltips). It is mounted
// into assets and read with resources.Get (layouts/_partials/data.html),
// because Hugo re-renders every page that reads hugo.Data whenever any data
// file changes: in gen serve, editing a question changes the gate report
// and the matrix, and with these files in data/ every page would follow.
const SharedDataDir = "generated/assets/data"

const generatedNote = Marker + " — do not edit"

// RefTip is what the link render hook shows for a reference on hover/focus.
type RefTip struct {
	Label string `json:"label"`
	Tip   string `json:"tip"`
	URL   string `json:"url"`
}

// MatrixQuestion is one question in a coverage-matrix cell.
type MatrixQuestion struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	URL        string `json:"url"`
	Difficulty string `json:"difficulty"`
}

// MatrixRow is one dimension with its cells in phase order.
type MatrixRow struct {
	Dimension string             `json:"dimension"`
	Label     string             `json:"label"`
	Cells     [][]MatrixQuestion `json:"cells"`
}

// Matrix is the 4 × 4 coverage matrix.
type Matrix struct {
	Phases []string    `json:"phases"`
	Labels []string    `json:"phase_labels"`
	Rows   []MatrixRow `json:"rows"`
	Empty  int         `json:"empty_cells"`
}

// NewMatrix places every question in its dimension × phase cell.
func NewMatrix(h *handbook.Handbook) Matrix {
	m := Matrix{}
	for _, p := range handbook.Phases {
		m.Phases = append(m.Phases, string(p))
		m.Labels = append(m.Labels, handbook.Label(string(p)))
	}
	for _, d := range handbook.Dimensions {
		row := MatrixRow{Dimension: string(d), Label: handbook.Label(string(d)), Cells: make([][]MatrixQuestion, len(handbook.Phases))}
		for j, p := range handbook.Phases {
			row.Cells[j] = []MatrixQuestion{}
			for _, q := range h.Questions {
				if q.Dimension == d && q.Phase == p {
					row.Cells[j] = append(row.Cells[j], MatrixQuestion{q.ID, q.Title, QuestionURL(q), string(q.Difficulty)})
				}
			}
			if len(row.Cells[j]) == 0 {
				m.Empty++
			}
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// data writes the JSON the templates read, except the report-dependent files
// of AddReport: reference tooltips, the matrix, the loop presets and the
// interview bank.
func (r *renderer) data() {
	tips := map[string]any{}
	for _, g := range r.h.Glossary {
		tips[g.ID] = RefTip{g.Term, clip(stripMarkdown(g.Definition), 240), "/glossary/#" + strings.ToLower(g.ID)}
	}
	for _, t := range r.h.Tools {
		tips[t.ID] = RefTip{t.Name, clip(stripMarkdown(t.Purpose), 240), "/tools/#" + strings.ToLower(t.ID)}
	}
	for _, w := range r.h.Literature {
		tips[w.ID] = RefTip{apa.Short(w), workTip(w), "/literature/#" + strings.ToLower(w.ID)}
	}
	for _, w := range r.h.Citations {
		tips[w.ID] = RefTip{apa.Short(w), workTip(w), "/citations/#" + strings.ToLower(w.ID)}
	}
	r.writeJSON(SharedDataDir+"/refs.json", tips)
	r.writeJSON(DataDir+"/matrix.json", NewMatrix(r.h))
	r.writeJSON(DataDir+"/loop.json", map[string]any{"presets": loop.Presets(r.h.Questions),
		"max_questions": loop.MaxQuestions, "budget_minutes": loop.BudgetMinutes})
	if r.h.Interview != nil {
		r.writeJSON(DataDir+"/interview.json", r.h.Interview)
	}
}

// AddReport adds what depends on the gate report: its data for /gates/, and
// the headline counts, whose draft flag puts a banner on every page.
func (o *Output) AddReport(h *handbook.Handbook, report *gates.Report, draft bool) {
	r := &renderer{h: h, opts: Options{Report: report, Draft: draft}, out: o}
	r.writeJSON(SharedDataDir+"/handbook.json", r.summary())
	if report != nil {
		r.writeJSON(DataDir+"/gates.json", map[string]any{"report": report, "draft": draft})
	}
}

// summary holds the headline numbers of the home page.
func (r *renderer) summary() map[string]any {
	byDifficulty := map[string]int{}
	for _, q := range r.h.Questions {
		byDifficulty[string(q.Difficulty)]++
	}
	type cluster struct {
		ID, Name, URL string
		Number        int
		Coverage      ClusterCoverage
	}
	var clusters []cluster
	for _, c := range r.h.Meta.Clusters {
		clusters = append(clusters, cluster{c.ID, c.Name, "/clusters/" + c.ID + "/", c.Number, CoverageOf(r.h, c.ID)})
	}
	return map[string]any{
		"_note":      generatedNote,
		"title":      r.h.Meta.Title,
		"as_of":      r.h.Meta.AsOf,
		"questions":  len(r.h.Questions),
		"difficulty": byDifficulty,
		"glossary":   len(r.h.Glossary),
		"tools":      len(r.h.Tools),
		"literature": len(r.h.Literature),
		"citations":  len(r.h.Citations),
		"clusters":   clusters,
		"draft":      r.opts.Draft,
		"scope":      r.h.Meta.Scope,
	}
}

// workTip is a work's reference for its tooltip, after the in-text form
// that the tooltip shows in bold ("Dean & Barroso (2013)"), and without the
// DOI or URL, which are on the entry the link leads to: tooltips travel in
// the first round trip of every question page (the 14 KiB budget), and a
// page cites up to twenty works.
func workTip(w *handbook.Work) string { return clip(stripMarkdown(apa.Details(w)), 300) }

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// scopeItems is the scope statement as labelled Markdown, mentions linked.
func (r *renderer) scopeItems() map[string]any {
	sc := r.h.Meta.Scope
	items := []map[string]string{}
	for _, it := range [][2]string{
		{"Domain", sc.Domain}, {"Audience", sc.Audience}, {"Constraints", sc.Constraints},
		{"Assumptions", sc.Assumptions}, {"In scope", sc.InScope}, {"Out of scope", sc.OutOfScope},
	} {
		items = append(items, map[string]string{"label": it[0], "md": r.link.md(it[1])})
	}
	return map[string]any{"items": items}
}
