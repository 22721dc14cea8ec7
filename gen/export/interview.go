package export

import (
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/md"
)

// Interview is interview-bank.json: the requirements interview's bank exactly
// as data/interview/bank.yaml holds it, plus the handbook questions its risks
// link to, so that a summary can link them without questions.json.
type Interview struct {
	Generated     string                    `json:"_generated"`
	SchemaVersion string                    `json:"schema_version"`
	Bank          *handbook.InterviewBank   `json:"bank"`
	Questions     map[string]LinkedQuestion `json:"questions"`
}

// LinkedQuestion is a handbook question a risk links to.
type LinkedQuestion struct {
	Title string `json:"title"`
	Path  string `json:"path"`
	URL   string `json:"url"`
}

// InterviewJSON renders interview-bank.json, or nil when the handbook has no
// interview bank. baseURL is the site's absolute URL.
func InterviewJSON(h *handbook.Handbook, baseURL string) []byte {
	if h.Interview == nil {
		return nil
	}
	byID := map[string]*handbook.Question{}
	for _, q := range h.Questions {
		byID[q.ID] = q
	}
	linked := map[string]LinkedQuestion{}
	for _, r := range h.Interview.Risks {
		for _, id := range r.Questions {
			if q, ok := byID[id]; ok { // validation guarantees it
				linked[id] = LinkedQuestion{md.OneLine(q.Title), q.Path(), Permalink(baseURL, q.Path())}
			}
		}
	}
	return marshal(Interview{generatedNote, SchemaVersion, h.Interview, linked})
}
