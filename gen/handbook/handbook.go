// Package handbook is the data model of the Performance Engineering Interview
// Handbook: questions, clusters, the four reference kinds (glossary, tools,
// literature, citations) and the requirements interview's question bank, as
// decoded from data/.
//
// Struct tags carry the data format: `yaml` names the field, a field without
// `omitempty` is required, and `doc` describes it. The JSON Schema in schema/
// and the loader's required-field check are both derived from these tags, so
// the format is written down once.
package handbook

// Handbook is everything the generator knows after loading data/.
type Handbook struct {
	Meta          Meta
	Questions     []*Question // display order: cluster, difficulty, id
	Glossary      []*GlossaryEntry
	Abbreviations []*Abbreviation
	Tools         []*Tool
	Literature    []*Work
	Citations     []*Work
	Review        *Review // nil when no review has been recorded
	Redirects     []*Redirect
	Interview     *InterviewBank // the requirements interview; nil when data/interview/bank.yaml is absent
}

// Redirect keeps an old URL working after its page went away or moved
// somewhere no alias covers, e.g. a retired question.
type Redirect struct {
	From    string `text:"-" yaml:"from" doc:"Old site path, e.g. /q/old-question/." pattern:"^/[a-z0-9/._-]*$"`
	To      string `text:"-" yaml:"to" doc:"Site path it now leads to, e.g. /questions/." pattern:"^/[a-z0-9/._#-]*$"`
	Retired string `text:"-" yaml:"retired,omitempty" doc:"Question id this redirect retires; it may never be used again." pattern:"^PE-[0-9]{3,5}$"`
	Reason  string `yaml:"reason" doc:"Why the page went away."`
}

// Meta is data/handbook.yaml: the pinned date, the scope statement and the clusters.
type Meta struct {
	Title    string     `yaml:"title" doc:"The handbook's title."`
	AsOf     Date       `yaml:"as_of" doc:"Pinned date (YYYY-MM-DD) that the recency gates count against, so builds are reproducible."`
	Scope    Scope      `yaml:"scope" doc:"The scope statement of the Context & Coverage section."`
	Clusters []*Cluster `yaml:"clusters" doc:"Topic clusters in handbook order."`
}

// Scope is the specification's Context & Scope block.
type Scope struct {
	Domain      Prose `yaml:"domain"`
	Audience    Prose `yaml:"audience"`
	Constraints Prose `yaml:"constraints"`
	Assumptions Prose `yaml:"assumptions"`
	InScope     Prose `yaml:"in_scope"`
	OutOfScope  Prose `yaml:"out_of_scope"`
}

// Cluster groups related questions; its id is also its URL slug.
type Cluster struct {
	ID      string `text:"-" yaml:"id" doc:"Slug, e.g. latency-optimization." pattern:"^[a-z0-9]+(-[a-z0-9]+)*$"`
	Number  int    `yaml:"number" doc:"Position in the handbook, from 1."`
	Name    string `yaml:"name" doc:"Display name, e.g. Latency Optimization."`
	Summary Prose  `yaml:"summary" doc:"One or two sentences on what the cluster covers."`
}

// Date is a calendar date written YYYY-MM-DD.
type Date string

// YearMonth is a month written YYYY-MM.
type YearMonth string

// Prose is Markdown that may contain [Ref: ID] citations and [G: term]
// glossary mentions; the generator turns both into links.
type Prose = string
