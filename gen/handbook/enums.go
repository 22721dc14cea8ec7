package handbook

import "slices"

// Enum is implemented by every closed vocabulary of the data format. The
// loader rejects values outside Values, and the JSON Schema lists them.
type Enum interface {
	Values() []string
}

// Label turns an enum value into its display form ("load-testing" → "Load testing").
func Label(v string) string {
	if l, ok := labels[v]; ok {
		return l
	}
	b := []byte(v)
	for i, c := range b {
		if c == '-' {
			b[i] = ' '
		}
	}
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b)
}

var labels = map[string]string{
	"sre":                  "SRE",
	"devops":               "DevOps",
	"performance-engineer": "Performance engineer",
	"apm":                  "APM",
	"ci":                   "CI",
}

// Difficulty of a question; the handbook aims at 20/40/40.
type Difficulty string

const (
	Foundational Difficulty = "foundational"
	Intermediate Difficulty = "intermediate"
	Advanced     Difficulty = "advanced"
)

// Difficulties lists the difficulties in ascending order.
var Difficulties = []Difficulty{Foundational, Intermediate, Advanced}

func (Difficulty) Values() []string { return strs(Difficulties) }

// Rank orders difficulties: foundational 0, intermediate 1, advanced 2.
func (d Difficulty) Rank() int { return slices.Index(Difficulties, d) }

// Dimension is a row of the coverage matrix.
type Dimension string

// Dimensions lists the matrix rows in order.
var Dimensions = []Dimension{"latency", "throughput", "scalability", "resources"}

func (Dimension) Values() []string { return strs(Dimensions) }

// Phase is a column of the coverage matrix.
type Phase string

// Phases lists the matrix columns in order.
var Phases = []Phase{"measure", "analyze", "optimize", "validate"}

func (Phase) Values() []string { return strs(Phases) }

// Role is one of the specification's six stakeholder groups.
type Role string

// Roles lists the stakeholder groups.
var Roles = []Role{"performance-engineer", "sre", "backend-developer", "architect", "devops", "engineering-manager"}

func (Role) Values() []string { return strs(Roles) }

// Method is one of the six performance methods gate 18 asks to be covered.
type Method string

// Methods lists the performance methods.
var Methods = []Method{"profiling", "load-testing", "caching", "optimization", "scalability", "monitoring"}

func (Method) Values() []string { return strs(Methods) }

// RiskLevel grades a risk; high risks need a mitigation.
type RiskLevel string

const RiskHigh RiskLevel = "high"

func (RiskLevel) Values() []string { return []string{"low", "medium", "high"} }

// DiagramKind is the analysis a diagram supports (the specification's visual standards).
type DiagramKind string

func (DiagramKind) Values() []string {
	return []string{"sequence", "dependency-graph", "flamegraph", "trace-waterfall", "cache-flow",
		"performance-curve", "scaling-curve", "before-after", "dashboard-layout", "alert-flow", "architecture", "decision-flow"}
}

// ToolCategory classifies a tool.
type ToolCategory string

func (ToolCategory) Values() []string {
	return []string{"profiler", "load-testing", "apm", "observability", "tracing", "cache", "database", "benchmarking", "ci"}
}

// SourceType classifies a literature entry or citation (gate 16: diversity).
type SourceType string

func (SourceType) Values() []string {
	return []string{"peer-reviewed-paper", "book", "official-documentation", "engineering-blog",
		"conference-talk", "standard", "preprint", "technical-report"}
}

// Language is the language a source is written in (APA 7th [EN]/[ZH] tags).
type Language string

func (Language) Values() []string {
	return []string{"EN", "ZH", "JA", "KO", "DE", "FR", "ES", "PT", "RU", "IT", "NL"}
}

// QualityStandard is one of the specification's nine quality standards.
type QualityStandard string

// QualityStandards lists them in the specification's order.
var QualityStandards = []QualityStandard{"clarity", "precision", "accuracy", "credibility", "significance",
	"concision", "logic", "risk-value", "fairness"}

func (QualityStandard) Values() []string { return strs(QualityStandards) }

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
