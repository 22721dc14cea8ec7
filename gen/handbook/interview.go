package handbook

// InterviewBank is data/interview/bank.yaml: the requirements interview of the
// second specification as data. A feature team answers its rounds of
// questions in the browser; the answers fill the summary template, and
// answers that match a risk link the handbook questions covering it.
//
// The bank is published as JSON for other tools, so the json tags mirror the
// yaml ones and the export validates against the data file's schema.
type InterviewBank struct {
	Title     string           `yaml:"title" json:"title" doc:"Heading of the interview page."`
	Intro     string           `yaml:"intro" json:"intro" doc:"What the interview is for and how long it takes, shown above the first round."`
	Rounds    []InterviewRound `yaml:"rounds" json:"rounds" doc:"The rounds in the order they are asked; 3-4 questions each."`
	Checklist []ChecklistItem  `yaml:"checklist" json:"checklist" doc:"The specification's 'Interview Complete' signal: what the team must be able to answer."`
	Summary   SummaryTemplate  `yaml:"summary" json:"summary" doc:"The Performance & Scalability Interview Summary the answers fill."`
	Risks     []InterviewRisk  `yaml:"risks,omitempty" json:"risks,omitempty" doc:"Answer combinations that point at a risk, with the handbook questions covering it."`
	File      string           `yaml:"-" json:"-"`
}

// InterviewRound is one round of questions asked together.
type InterviewRound struct {
	ID        string              `text:"-" yaml:"id" json:"id" doc:"Slug, unique in the bank, e.g. slos." pattern:"^[a-z0-9]+(-[a-z0-9]+)*$"`
	Topic     string              `yaml:"topic" json:"topic" doc:"What the round is about, e.g. 'Performance SLOs'."`
	Intro     string              `yaml:"intro,omitempty" json:"intro,omitempty" doc:"One sentence shown before the round's questions."`
	Questions []InterviewQuestion `yaml:"questions" json:"questions"`
}

// InterviewQuestion is one deep question: tiered options with what each
// tier implies, plus free text.
type InterviewQuestion struct {
	ID         string         `text:"-" yaml:"id" json:"id" doc:"Slug, unique in the bank; answers are stored under it." pattern:"^[a-z0-9]+(-[a-z0-9]+)*$"`
	Ask        string         `yaml:"ask" json:"ask" doc:"The question as the interviewer asks it."`
	Label      string         `yaml:"label" json:"label" doc:"Short name of the answer in the summary, e.g. 'Latency target'."`
	Kind       AnswerKind     `yaml:"kind" json:"kind"`
	Options    []AnswerOption `yaml:"options,omitempty" json:"options,omitempty" doc:"The tiers to choose from (single and multiple only)."`
	Note       string         `yaml:"note,omitempty" json:"note,omitempty" doc:"Prompt of the free-text field, e.g. 'Which operation, and at which percentile?'."`
	Section    string         `text:"-" yaml:"section,omitempty" json:"section,omitempty" doc:"Id of the summary section the answer goes into; leave out only for questions the summary header uses."`
	Subsection string         `text:"-" yaml:"subsection,omitempty" json:"subsection,omitempty" doc:"Id of a subsection of that section."`
}

// AnswerKind says how a question is answered.
type AnswerKind string

// The answer kinds: one tier, any number of options, or free text only.
const (
	SingleAnswer   AnswerKind = "single"
	MultipleAnswer AnswerKind = "multiple"
	TextAnswer     AnswerKind = "text"
)

func (AnswerKind) Values() []string { return []string{"single", "multiple", "text"} }

// AnswerOption is one tier or choice.
type AnswerOption struct {
	ID     string `text:"-" yaml:"id" json:"id" doc:"Slug, unique within the question; risks refer to it." pattern:"^[a-z0-9]+(-[a-z0-9]+)*$"`
	Label  string `yaml:"label" json:"label" doc:"The tier as shown, e.g. 'Interactive (<100ms)'."`
	Detail string `yaml:"detail,omitempty" json:"detail,omitempty" doc:"What choosing it implies, e.g. 'Users perceive instant (requires aggressive optimization)'."`
}

// ChecklistItem is one thing the interview must establish; it is answered
// when all its questions are.
type ChecklistItem struct {
	ID        string   `text:"-" yaml:"id" json:"id" pattern:"^[a-z0-9]+(-[a-z0-9]+)*$"`
	Text      string   `yaml:"text" json:"text" doc:"The item as the specification words it."`
	Questions []string `text:"-" yaml:"questions" json:"questions" doc:"Ids of the bank questions that answer it."`
}

// SummaryTemplate is the outline of the Performance & Scalability Interview Summary.
type SummaryTemplate struct {
	Title            string           `yaml:"title" json:"title" doc:"The document's heading."`
	Header           []SummaryField   `yaml:"header" json:"header" doc:"The bold fields under the heading (Feature, Date, Interviewer, Context)."`
	Sections         []SummarySection `yaml:"sections" json:"sections" doc:"The numbered sections, in order."`
	StatusComplete   string           `yaml:"status_complete" json:"status_complete" doc:"Interview Status when every checklist item is answered."`
	StatusIncomplete string           `yaml:"status_incomplete" json:"status_incomplete" doc:"Interview Status otherwise; {answered} and {total} count checklist items."`
}

// SummaryField is one header field: an answer, a fixed text or today's date.
type SummaryField struct {
	Label    string `yaml:"label" json:"label"`
	Question string `text:"-" yaml:"question,omitempty" json:"question,omitempty" doc:"Id of the question whose answer fills the field."`
	Text     string `yaml:"text,omitempty" json:"text,omitempty" doc:"Fixed text."`
	Today    bool   `yaml:"today,omitempty" json:"today,omitempty" doc:"true: the date the summary is produced."`
}

// SummarySection is one numbered section of the summary.
type SummarySection struct {
	ID          string              `text:"-" yaml:"id" json:"id" pattern:"^[a-z0-9]+(-[a-z0-9]+)*$"`
	Number      int                 `yaml:"number" json:"number" doc:"Position, from 1."`
	Title       string              `yaml:"title" json:"title" doc:"Heading as the specification's template gives it."`
	Collects    SummaryCollect      `yaml:"collects,omitempty" json:"collects,omitempty" doc:"What the section gathers besides its own questions."`
	Subsections []SummarySubsection `yaml:"subsections,omitempty" json:"subsections,omitempty"`
}

// SummarySubsection is a third-level heading inside a section.
type SummarySubsection struct {
	ID    string `text:"-" yaml:"id" json:"id" pattern:"^[a-z0-9]+(-[a-z0-9]+)*$"`
	Title string `yaml:"title" json:"title"`
}

// SummaryCollect names what a section gathers from the whole interview.
type SummaryCollect string

// The gathered lists: every unanswered question, and every risk the answers match.
const (
	CollectOpenQuestions SummaryCollect = "open-questions"
	CollectRisks         SummaryCollect = "risks"
)

func (SummaryCollect) Values() []string { return []string{"open-questions", "risks"} }

// InterviewRisk is a risk that certain answers point at. It applies when
// every condition holds.
type InterviewRisk struct {
	ID             string          `text:"-" yaml:"id" json:"id" pattern:"^[a-z0-9]+(-[a-z0-9]+)*$"`
	Title          string          `yaml:"title" json:"title" doc:"e.g. 'Write-heavy at large scale'."`
	Why            string          `yaml:"why" json:"why" doc:"Why these answers are a risk."`
	Impact         RiskLevel       `yaml:"impact" json:"impact" doc:"How much it matters when it applies; risks are listed by impact."`
	Recommendation string          `yaml:"recommendation" json:"recommendation" doc:"The usual approach, in one or two sentences."`
	When           []RiskCondition `yaml:"when" json:"when" doc:"Conditions that must all hold."`
	Questions      []string        `text:"-" yaml:"questions,omitempty" json:"questions,omitempty" doc:"Ids of handbook questions (PE-NNN) that cover the risk; each must exist in data/questions/."`
}

// RiskCondition holds when the answer to a question includes any of the options.
type RiskCondition struct {
	Question string   `text:"-" yaml:"question" json:"question" doc:"Id of a single or multiple question."`
	Any      []string `text:"-" yaml:"any" json:"any" doc:"Option ids; one of them must be chosen."`
}
