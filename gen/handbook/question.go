package handbook

// Question is one scenario-based interview question and its model answer:
// one file in data/questions/, named after its id.
type Question struct {
	ID              string     `text:"-" yaml:"id" doc:"Permanent id, never reused or renumbered, e.g. PE-007." pattern:"^PE-[0-9]{3,5}$"`
	Slug            string     `text:"-" yaml:"slug" doc:"URL slug: lowercase letters, digits and single hyphens." pattern:"^[a-z0-9]+(-[a-z0-9]+)*$"`
	Aliases         []string   `text:"-" yaml:"aliases,omitempty" doc:"Former slugs; their URLs keep redirecting here."`
	Title           string     `yaml:"title" doc:"The scenario question as asked, with its numbers."`
	Cluster         string     `text:"-" yaml:"cluster" doc:"Id of a cluster in data/handbook.yaml."`
	Difficulty      Difficulty `yaml:"difficulty"`
	Dimension       Dimension  `yaml:"dimension"`
	Phase           Phase      `yaml:"phase" doc:"The coverage-matrix column this question fills."`
	Roles           []Role     `yaml:"roles" doc:"Stakeholder groups the question suits."`
	Methods         []Method   `yaml:"methods" doc:"Performance methods the answer exercises."`
	DurationMinutes int        `yaml:"duration_minutes" doc:"Expected interview time for this question, in minutes."`

	KeyInsight   Prose         `yaml:"key_insight,omitempty" doc:"One sentence with the quantified impact."`
	Scenario     Prose         `yaml:"scenario,omitempty" doc:"Opening paragraph of the answer: the system, its load and its SLO."`
	Chain        Chain         `yaml:"chain,omitempty" doc:"The performance chain, one field per step."`
	Practical    []Practical   `yaml:"practical,omitempty" doc:"Runnable code, config, script or command (5-30 lines each)."`
	Diagrams     []Diagram     `yaml:"diagrams,omitempty"`
	Metrics      []MetricRow   `yaml:"metrics,omitempty" doc:"Rows of the metrics table."`
	Tradeoffs    []Tradeoff    `yaml:"tradeoffs,omitempty"`
	Alternatives []Alternative `yaml:"alternatives,omitempty"`
	Risks        []Risk        `yaml:"risks,omitempty"`
	Validation   Validation    `yaml:"validation,omitempty"`
	Interviewer  Interviewer   `yaml:"interviewer,omitempty" doc:"Notes for the interviewer; hidden in practice mode."`

	// File is the data file the question came from, relative to the project root.
	File string `yaml:"-"`
}

// Path is the question's permanent site path (config.toml: permalinks).
func (q *Question) Path() string { return "/q/" + q.Slug + "/" }

// Chain is the performance chain every answer walks through.
type Chain struct {
	SLO        Prose `yaml:"slo,omitempty" doc:"The objective and how far the system is from it."`
	Measure    Prose `yaml:"measure,omitempty" doc:"How it was measured and what the numbers are."`
	Bottleneck Prose `yaml:"bottleneck,omitempty" doc:"The proven bottleneck, with its share of the time or resource."`
	Optimize   Prose `yaml:"optimize,omitempty" doc:"The change(s) and their expected effect."`
	Validate   Prose `yaml:"validate,omitempty" doc:"How the change is proven before and after rollout."`
	Impact     Prose `yaml:"impact,omitempty" doc:"Quantified result: % improvement, latency, cost delta."`
}

// ChainStep names one step of the chain, in order.
type ChainStep struct {
	Key, Title string
	Text       Prose
}

// Steps returns the chain's six steps in order, empty ones included.
func (c Chain) Steps() []ChainStep {
	return []ChainStep{
		{"slo", "SLO", c.SLO},
		{"measure", "Measure", c.Measure},
		{"bottleneck", "Bottleneck", c.Bottleneck},
		{"optimize", "Optimize", c.Optimize},
		{"validate", "Validate", c.Validate},
		{"impact", "Quantified impact", c.Impact},
	}
}

// Practical is a code, config, script or command block.
type Practical struct {
	Title    string `yaml:"title" doc:"What the block is, e.g. 'k6 script for the 4K rps soak'."`
	Language string `text:"-" yaml:"language" doc:"A language name chroma knows (yaml, sql, javascript, bash, go, promql …)."`
	Code     string `text:"-" yaml:"code" doc:"The block itself, 5-30 lines."`
}

// Diagram is a Mermaid diagram with an accessible title and description.
type Diagram struct {
	Kind        DiagramKind `yaml:"kind"`
	Title       string      `yaml:"title" doc:"Short title; becomes the SVG <title>."`
	Description string      `yaml:"description" doc:"What the diagram shows, for screen readers; becomes the SVG <desc>."`
	Source      string      `text:"-" yaml:"source" doc:"Mermaid source."`
}

// MetricRow is one row of the metrics table.
type MetricRow struct {
	Metric      string `yaml:"metric"`
	Formula     string `yaml:"formula"`
	Baseline    string `yaml:"baseline"`
	Optimized   string `yaml:"optimized"`
	Improvement string `yaml:"improvement"`
	Rationale   Prose  `yaml:"rationale"`
}

// Tradeoff is one explicit tension with when to use and when to avoid.
type Tradeoff struct {
	Tension   string `yaml:"tension" doc:"e.g. 'Consistency vs latency'."`
	Analysis  Prose  `yaml:"analysis"`
	UseWhen   Prose  `yaml:"use_when,omitempty"`
	AvoidWhen Prose  `yaml:"avoid_when,omitempty"`
}

// Alternative is another approach with its cost-benefit comparison.
type Alternative struct {
	Name    string `yaml:"name"`
	Cost    Prose  `yaml:"cost,omitempty"`
	Benefit Prose  `yaml:"benefit,omitempty"`
	Verdict Prose  `yaml:"verdict,omitempty" doc:"When it wins or why it was not chosen."`
}

// Risk is a risk the chosen approach carries.
type Risk struct {
	Risk       Prose     `yaml:"risk"`
	Level      RiskLevel `yaml:"level"`
	Mitigation Prose     `yaml:"mitigation,omitempty"`
}

// Validation says how success is proven.
type Validation struct {
	Method          Prose   `yaml:"method,omitempty" doc:"Load test, profiling, A/B test or production metrics."`
	SuccessCriteria []Prose `yaml:"success_criteria,omitempty" doc:"Measurable pass/fail criteria."`
}

// Interviewer holds what the interviewer needs and the candidate should not see first.
type Interviewer struct {
	KeyPoints      []Prose `yaml:"key_points,omitempty" doc:"What a complete answer must touch."`
	Rubric         Rubric  `yaml:"rubric,omitempty"`
	FollowUps      []Prose `yaml:"follow_ups,omitempty"`
	CommonMistakes []Prose `yaml:"common_mistakes,omitempty"`
}

// Rubric describes answers at three levels.
type Rubric struct {
	Strong   Prose `yaml:"strong,omitempty"`
	Adequate Prose `yaml:"adequate,omitempty"`
	Weak     Prose `yaml:"weak,omitempty"`
}
