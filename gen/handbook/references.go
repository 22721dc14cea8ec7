package handbook

// GlossaryEntry is a term readers can mention with [G: term] or cite with [Ref: G#].
type GlossaryEntry struct {
	ID           string   `text:"-" yaml:"id" doc:"G followed by a number, e.g. G7; never reused." pattern:"^G[0-9]+$"`
	Term         string   `yaml:"term" doc:"The term as headed, e.g. 'p50/p95/p99' or 'Amdahl''s law'."`
	Aliases      []string `yaml:"aliases,omitempty" doc:"Other names and the acronyms this entry defines; [G: alias] resolves here."`
	Definition   Prose    `yaml:"definition"`
	Formula      string   `yaml:"formula,omitempty"`
	Targets      Prose    `yaml:"targets,omitempty" doc:"Typical target values."`
	Distinctions Prose    `yaml:"distinctions,omitempty" doc:"How it differs from neighbouring terms."`
	WhenToUse    Prose    `yaml:"when_to_use,omitempty"`
	Related      []string `text:"-" yaml:"related,omitempty" doc:"Ids of related glossary entries."`
	Sources      []string `text:"-" yaml:"sources,omitempty" doc:"Reference ids (L#, A#, T#) backing the definition."`
}

// Abbreviation is a common abbreviation (CPU, JSON …) that needs an expansion
// but no full glossary entry.
type Abbreviation struct {
	Abbr      string `yaml:"abbr"`
	Expansion string `yaml:"expansion"`
}

// Tool is a profiler, load tester, APM, cache or tracer.
type Tool struct {
	ID           string       `text:"-" yaml:"id" doc:"T followed by a number; never reused." pattern:"^T[0-9]+$"`
	Name         string       `yaml:"name"`
	Category     ToolCategory `yaml:"category"`
	Purpose      Prose        `yaml:"purpose,omitempty"`
	Pricing      string       `yaml:"pricing,omitempty" doc:"Pricing tier, e.g. 'Open source (AGPL-3.0); managed cloud from $x/mo'."`
	License      string       `yaml:"license,omitempty"`
	Release      string       `text:"-" yaml:"verified_release,omitempty" doc:"Newest release whose version and date were verified as of the pinned date, e.g. v1.3.0."`
	LastUpdate   YearMonth    `yaml:"last_update,omitempty" doc:"YYYY-MM of verified_release: when the tool was last seen updated."`
	NewerRelease bool         `yaml:"newer_release_exists,omitempty" doc:"true when a newer release is known to exist but could not be dated."`
	Integrations []string     `yaml:"integrations,omitempty"`
	UseCases     []string     `yaml:"use_cases,omitempty"`
	Limitations  Prose        `yaml:"limitations,omitempty"`
	URL          string       `text:"-" yaml:"url,omitempty" doc:"Official https URL."`
}

// Work is a literature entry (L#) or a citation (A#): the parts of an APA 7th reference.
type Work struct {
	ID          string     `text:"-" yaml:"id" doc:"L or A followed by a number; never reused." pattern:"^[LA][0-9]+$"`
	Type        SourceType `yaml:"type"`
	Authors     []string   `text:"-" yaml:"authors" doc:"APA form 'Surname, I. I.', or a group author such as 'Google'."`
	Year        int        `yaml:"year"`
	Date        string     `text:"-" yaml:"date,omitempty" doc:"YYYY-MM or YYYY-MM-DD where APA wants it (blog posts, docs)." pattern:"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"`
	Title       string     `yaml:"title" doc:"Title in its original language and APA capitalisation."`
	TitleEN     string     `yaml:"title_en,omitempty" doc:"English translation of a non-English title, shown in [brackets]."`
	Container   string     `yaml:"container,omitempty" doc:"Journal, proceedings, website or book the work appears in."`
	Volume      string     `yaml:"volume,omitempty"`
	Issue       string     `yaml:"issue,omitempty"`
	Pages       string     `yaml:"pages,omitempty"`
	Edition     string     `yaml:"edition,omitempty" doc:"e.g. 2nd"`
	Publisher   string     `yaml:"publisher,omitempty"`
	DOI         string     `text:"-" yaml:"doi,omitempty" doc:"Bare DOI, e.g. 10.1145/2408776.2408794." pattern:"^10\\.[0-9]{4,9}/\\S+$"`
	ISBN        string     `text:"-" yaml:"isbn,omitempty" doc:"ISBN-13 of a book, digits only or hyphenated." pattern:"^(97[89])[-0-9]{10,14}$"`
	URL         string     `text:"-" yaml:"url,omitempty" doc:"https URL of the work."`
	ArchivedURL string     `text:"-" yaml:"archived_url,omitempty" doc:"A verified archived copy (e.g. a Wayback Machine capture); required when there is no DOI."`
	Language    Language   `yaml:"language"`
	Coverage    Prose      `yaml:"coverage,omitempty" doc:"Literature: what the work covers."`
	KeySections []string   `yaml:"key_sections,omitempty" doc:"Literature: the chapters or sections worth reading."`
	Note        Prose      `yaml:"note,omitempty" doc:"What this source supports in the handbook."`
}

// Review is the self-review record (gate 20): who read the content against the
// specification's quality standards, and the hash of the content they read.
type Review struct {
	ContentHash string          `text:"-" yaml:"content_hash" doc:"sha256 of the reviewed content, as printed by 'gen review'." pattern:"^sha256:[0-9a-f]{64}$"`
	ReviewedOn  Date            `yaml:"reviewed_on"`
	Reviewer    string          `yaml:"reviewer"`
	Standards   []StandardCheck `yaml:"standards" doc:"One entry per quality standard of the specification."`
	Notes       Prose           `yaml:"notes,omitempty"`
}

// StandardCheck is the verdict on one quality standard.
type StandardCheck struct {
	Standard QualityStandard `yaml:"standard"`
	Met      bool            `yaml:"met"`
	Notes    Prose           `yaml:"notes,omitempty" doc:"What was checked and fixed."`
}
