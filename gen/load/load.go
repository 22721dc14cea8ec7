// Package load reads data/ into a handbook.Handbook, strictly: unknown fields,
// wrong types, duplicate keys, values outside a closed list, anchors and
// aliases, oversized files and invalid UTF-8 are all problems that name the
// file, line, column and field. Cross-file rules (unique ids, references that
// resolve) belong to package validate.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/diag"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/par"
)

// MaxFileSize is the largest data file accepted. The longest real question is
// about 12 KiB; anything near this limit is a mistake or an attack.
const MaxFileSize = 256 << 10

// The layout of the data directory.
const (
	MetaFile       = "handbook.yaml"
	QuestionsDir   = "questions"
	GlossaryFile   = "references/glossary.yaml"
	AbbrevFile     = "references/abbreviations.yaml"
	ToolsFile      = "references/tools.yaml"
	LiteratureFile = "references/literature.yaml"
	CitationsFile  = "references/citations.yaml"
	ReviewFile     = "review.yaml"
	RedirectsFile  = "redirects.yaml"
	InterviewFile  = "interview/bank.yaml"
)

// Dir loads every data file under dataDir (a path inside fsys, such as
// "data"). It returns the handbook, the parsed sources (to locate later
// problems), and the problems found; the handbook is only usable when the
// problem list has no errors.
func Dir(fsys afero.Fs, dataDir string) (*handbook.Handbook, *Sources, diag.List) {
	return DirCached(fsys, dataDir, nil)
}

// DirCached is Dir, reusing files decoded by an earlier load when their bytes
// are unchanged. A nil cache caches nothing.
func DirCached(fsys afero.Fs, dataDir string, cache *Cache) (*handbook.Handbook, *Sources, diag.List) {
	l := &loader{fs: fsys, dir: dataDir, src: newSources(), cache: cache}
	hb := &handbook.Handbook{}
	var review handbook.Review
	var bank handbook.InterviewBank
	jobs := []job{
		{name: MetaFile, dst: &hb.Meta, required: true},
		{name: GlossaryFile, dst: &hb.Glossary},
		{name: AbbrevFile, dst: &hb.Abbreviations},
		{name: ToolsFile, dst: &hb.Tools},
		{name: LiteratureFile, dst: &hb.Literature},
		{name: CitationsFile, dst: &hb.Citations},
		{name: ReviewFile, dst: &review, loaded: func() { hb.Review = &review }},
		{name: RedirectsFile, dst: &hb.Redirects},
		{name: InterviewFile, dst: &bank, loaded: func() {
			bank.File = l.rel(InterviewFile)
			hb.Interview = &bank
		}},
	}
	for _, j := range l.questionJobs() {
		q := j.dst.(*handbook.Question)
		j.loaded = func() {
			q.File = l.rel(j.name)
			hb.Questions = append(hb.Questions, q)
		}
		jobs = append(jobs, j)
	}
	l.decodeAll(jobs)
	l.problems.Locate(l.src)
	return hb, l.src, l.problems
}

type loader struct {
	fs       afero.Fs
	dir      string
	src      *Sources
	problems diag.List
	cache    *Cache
}

// job is one data file to decode into dst.
type job struct {
	name     string // relative to the data directory
	dst      any
	required bool
	loaded   func() // called, in job order, when the file exists and decoded cleanly
}

func (l *loader) rel(name string) string { return path.Join(l.dir, name) }

// decodeAll decodes the jobs on all cores (parsing YAML is the costliest
// part of loading), then records their sources and problems and calls their
// loaded functions in job order, so that the result does not depend on
// scheduling. A missing optional file is not a problem.
func (l *loader) decodeAll(jobs []job) {
	results := make([]decoded, len(jobs))
	par.Each(len(jobs), func(i int) {
		results[i] = decodeFile(l.fs, l.rel(jobs[i].name), jobs[i].dst, l.cache)
	})
	for i, r := range results {
		switch {
		case r.missing && jobs[i].required:
			l.problems.Errorf(r.file, "", "file is missing; it is required (see docs/data-format.md)")
		case r.missing:
		case l.merge(r) && jobs[i].loaded != nil:
			jobs[i].loaded()
		}
	}
}

// questionJobs lists data/questions/*.yaml in file-name order.
func (l *loader) questionJobs() []job {
	dir := l.rel(QuestionsDir)
	entries, err := afero.ReadDir(l.fs, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			l.problems.Errorf(dir, "", "cannot list questions: %v", err)
		}
		return nil
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var jobs []job
	for _, e := range entries {
		name := e.Name()
		file := path.Join(dir, name)
		switch {
		case e.IsDir() || strings.HasPrefix(name, "."):
		case !strings.HasSuffix(name, ".yaml"):
			l.problems.Errorf(file, "", "unexpected file in %s; questions are <id>.yaml files", dir)
		default:
			jobs = append(jobs, job{name: path.Join(QuestionsDir, name), dst: &handbook.Question{}})
		}
	}
	return jobs
}

// decoded is the outcome of decoding one file.
type decoded struct {
	file     string
	src      *source
	problems diag.List
	missing  bool // the file does not exist
}

// merge records a decoded file and reports whether it decoded cleanly.
func (l *loader) merge(r decoded) bool {
	if r.src != nil {
		l.src.add(r.file, r.src)
	}
	l.problems = append(l.problems, r.problems...)
	return r.src != nil && len(r.problems) == 0
}

// decodeFile reads, checks and decodes one file into dst.
func decodeFile(fsys afero.Fs, file string, dst any, cache *Cache) decoded {
	r := decoded{file: file}
	data, err := readLimited(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		r.missing = true
		return r
	}
	if err != nil {
		p := problemFrom(file, err)
		if p.Line > 0 && data != nil {
			p.Path = pathAt(data, p.Line, p.Col)
		}
		r.problems = append(r.problems, p)
		return r
	}
	if r, ok := cache.lookup(file, data, dst); ok {
		return r
	}
	src, ok := parse(file, data, &r.problems)
	if !ok {
		return r
	}
	r.src = src
	if decodeInto(src, dst, &r.problems) {
		checkShape(file, dst, &r.problems)
	}
	cache.store(file, data, r, dst)
	return r
}

// problemFrom turns a read error into a problem.
func problemFrom(file string, err error) diag.Problem {
	var p *diag.Problem
	if errors.As(err, &p) {
		return *p
	}
	return diag.Problem{File: file, Msg: fmt.Sprintf("cannot read: %v", err)}
}
