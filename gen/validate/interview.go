package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/prose"
)

// Rounds ask 3-4 questions each, as the specification's interview process says.
const (
	MinRoundQuestions = 3
	MaxRoundQuestions = 4
)

// interviewCheck validates the requirements interview's bank: ids, the
// questions' options, where each answer lands in the summary, the checklist,
// and risks whose conditions and handbook questions must exist.
type interviewCheck struct {
	*validator
	b         *handbook.InterviewBank
	questions map[string]*handbook.InterviewQuestion
	sections  map[string]*handbook.SummarySection
}

func (v *validator) interview() {
	b := v.h.Interview
	if b == nil {
		return
	}
	c := &interviewCheck{validator: v, b: b, questions: map[string]*handbook.InterviewQuestion{}, sections: map[string]*handbook.SummarySection{}}
	c.sectionList()
	c.rounds()
	c.emptySubsections()
	c.checklist()
	c.header()
	c.risks()
	c.plainText()
}

func (c *interviewCheck) errorf(path, format string, args ...any) {
	c.problems.Errorf(c.b.File, path, format, args...)
}

func (c *interviewCheck) sectionList() {
	collected := map[handbook.SummaryCollect]int{}
	for i, s := range c.b.Summary.Sections {
		p := fmt.Sprintf("$.summary.sections[%d]", i)
		if _, dup := c.sections[s.ID]; dup {
			c.errorf(p+".id", "section %q is defined twice", s.ID)
		} else {
			c.sections[s.ID] = &c.b.Summary.Sections[i]
		}
		if s.Number != i+1 {
			c.errorf(p+".number", "section %q is number %d but stands at position %d; number the sections 1, 2, 3 … in order", s.ID, s.Number, i+1)
		}
		subs := map[string]bool{}
		for j, sub := range s.Subsections {
			if subs[sub.ID] {
				c.errorf(fmt.Sprintf("%s.subsections[%d].id", p, j), "subsection %q is defined twice in section %q", sub.ID, s.ID)
			}
			subs[sub.ID] = true
		}
		if s.Collects != "" {
			collected[s.Collects]++
			if collected[s.Collects] > 1 {
				c.errorf(p+".collects", "another section already collects %s; only one may", s.Collects)
			}
		}
	}
	if collected[handbook.CollectOpenQuestions] == 0 {
		c.errorf("$.summary.sections", "no section collects open-questions: unanswered questions must be listed somewhere (set collects: open-questions)")
	}
	if len(c.b.Risks) > 0 && collected[handbook.CollectRisks] == 0 {
		c.errorf("$.summary.sections", "no section collects risks, so the risks would never be shown (set collects: risks on one section)")
	}
}

func (c *interviewCheck) rounds() {
	rounds := map[string]bool{}
	for i, r := range c.b.Rounds {
		p := fmt.Sprintf("$.rounds[%d]", i)
		if rounds[r.ID] {
			c.errorf(p+".id", "round %q is defined twice", r.ID)
		}
		rounds[r.ID] = true
		if n := len(r.Questions); n < MinRoundQuestions || n > MaxRoundQuestions {
			c.errorf(p+".questions", "round %q has %d questions; the specification asks %d-%d per round", r.ID, n, MinRoundQuestions, MaxRoundQuestions)
		}
		for j := range r.Questions {
			c.question(fmt.Sprintf("%s.questions[%d]", p, j), &r.Questions[j])
		}
	}
}

func (c *interviewCheck) question(p string, q *handbook.InterviewQuestion) {
	if _, dup := c.questions[q.ID]; dup {
		c.errorf(p+".id", "question %q is defined twice; answers are stored by id, so ids must be unique in the bank", q.ID)
	} else {
		c.questions[q.ID] = q
	}
	switch {
	case q.Kind == handbook.TextAnswer && len(q.Options) > 0:
		c.errorf(p+".options", "a text question has no options; use kind single or multiple, or remove the options")
	case q.Kind != handbook.TextAnswer && len(q.Options) < 2:
		c.errorf(p+".options", "a %s question needs at least 2 options", q.Kind)
	}
	ids := map[string]bool{}
	for k, o := range q.Options {
		if ids[o.ID] {
			c.errorf(fmt.Sprintf("%s.options[%d].id", p, k), "option %q is listed twice in question %q", o.ID, q.ID)
		}
		ids[o.ID] = true
	}
	c.placement(p, q)
}

// placement checks that the answer has a place in the summary.
func (c *interviewCheck) placement(p string, q *handbook.InterviewQuestion) {
	if q.Section == "" {
		if q.Subsection != "" {
			c.errorf(p+".subsection", "a subsection needs a section; add section:")
		}
		if !c.inHeader(q.ID) {
			c.errorf(p+".section", "question %q appears nowhere in the summary: give it a section, or use it in summary.header", q.ID)
		}
		return
	}
	s, ok := c.sections[q.Section]
	if !ok {
		c.errorf(p+".section", "section %q is not defined in summary.sections; expected one of: %s", q.Section, c.sectionIDs())
		return
	}
	if q.Subsection == "" {
		return
	}
	for _, sub := range s.Subsections {
		if sub.ID == q.Subsection {
			return
		}
	}
	c.errorf(p+".subsection", "section %q has no subsection %q", q.Section, q.Subsection)
}

// emptySubsections finds subsections no question fills: their heading
// would stand empty in every summary.
func (c *interviewCheck) emptySubsections() {
	used := map[[2]string]bool{}
	for _, q := range c.questions {
		used[[2]string{q.Section, q.Subsection}] = true
	}
	for i, s := range c.b.Summary.Sections {
		for j, sub := range s.Subsections {
			if !used[[2]string{s.ID, sub.ID}] {
				c.errorf(fmt.Sprintf("$.summary.sections[%d].subsections[%d].id", i, j),
					"no question fills subsection %q of section %q; place a question there (section: %s, subsection: %s) or remove it", sub.ID, s.ID, s.ID, sub.ID)
			}
		}
	}
}

func (c *interviewCheck) inHeader(id string) bool {
	for _, f := range c.b.Summary.Header {
		if f.Question == id {
			return true
		}
	}
	return false
}

func (c *interviewCheck) sectionIDs() string {
	ids := make([]string, len(c.b.Summary.Sections))
	for i, s := range c.b.Summary.Sections {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

func (c *interviewCheck) checklist() {
	ids := map[string]bool{}
	for i, item := range c.b.Checklist {
		p := fmt.Sprintf("$.checklist[%d]", i)
		if ids[item.ID] {
			c.errorf(p+".id", "checklist item %q is defined twice", item.ID)
		}
		ids[item.ID] = true
		for j, q := range item.Questions {
			if _, ok := c.questions[q]; !ok {
				c.errorf(fmt.Sprintf("%s.questions[%d]", p, j), "question %q is not in the bank", q)
			}
		}
	}
}

func (c *interviewCheck) header() {
	for i, f := range c.b.Summary.Header {
		p := fmt.Sprintf("$.summary.header[%d]", i)
		set := 0
		for _, ok := range []bool{f.Question != "", f.Text != "", f.Today} {
			if ok {
				set++
			}
		}
		if set != 1 {
			c.errorf(p, "field %q needs exactly one of question, text or today: true", f.Label)
			continue
		}
		if _, ok := c.questions[f.Question]; f.Question != "" && !ok {
			c.errorf(p+".question", "question %q is not in the bank", f.Question)
		}
	}
}

func (c *interviewCheck) risks() {
	handbookIDs := map[string]bool{}
	for _, q := range c.h.Questions {
		handbookIDs[q.ID] = true
	}
	ids := map[string]bool{}
	for i, r := range c.b.Risks {
		p := fmt.Sprintf("$.risks[%d]", i)
		if ids[r.ID] {
			c.errorf(p+".id", "risk %q is defined twice", r.ID)
		}
		ids[r.ID] = true
		for j, cond := range r.When {
			c.condition(fmt.Sprintf("%s.when[%d]", p, j), cond)
		}
		for j, id := range r.Questions {
			if !handbookIDs[id] {
				c.errorf(fmt.Sprintf("%s.questions[%d]", p, j), "handbook question %s does not exist; link only questions in data/questions/", id)
			}
		}
	}
}

func (c *interviewCheck) condition(p string, cond handbook.RiskCondition) {
	q, ok := c.questions[cond.Question]
	switch {
	case !ok:
		c.errorf(p+".question", "question %q is not in the bank", cond.Question)
		return
	case q.Kind == handbook.TextAnswer:
		c.errorf(p+".question", "question %q is answered in free text; a risk can only test the options of a single or multiple question", q.ID)
		return
	}
	for k, opt := range cond.Any {
		if !slices.ContainsFunc(q.Options, func(o handbook.AnswerOption) bool { return o.ID == opt }) {
			c.errorf(fmt.Sprintf("%s.any[%d]", p, k), "question %q has no option %q; expected one of: %s", q.ID, opt, optionIDs(q))
		}
	}
}

func optionIDs(q *handbook.InterviewQuestion) string {
	ids := make([]string, len(q.Options))
	for i, o := range q.Options {
		ids[i] = o.ID
	}
	return strings.Join(ids, ", ")
}

// plainText refuses [Ref: …] and [G: …] mentions: the bank is shown and
// exported as plain text, where they would not be links.
func (c *interviewCheck) plainText() {
	handbook.Texts(c.b, func(p, text string) {
		found, bad := prose.Scan(text)
		for _, m := range found {
			c.problems.ErrorAt(c.b.File, p, m.Raw, "%s: the interview bank is plain text; mentions are not linked here, write the words out", m.Raw)
		}
		for _, m := range bad {
			c.problems.ErrorAt(c.b.File, p, m.Raw, "%s: the interview bank is plain text; remove the marker", m.Raw)
		}
	})
}
