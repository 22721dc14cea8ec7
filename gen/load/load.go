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
)

// Dir loads every data file under dataDir (a path inside fsys, such as
// "data"). It returns the handbook, the parsed sources (to locate later
// problems), and the problems found; the handbook is only usable when the
// problem list has no errors.
func Dir(fsys afero.Fs, dataDir string) (*handbook.Handbook, *Sources, diag.List) {
	l := &loader{fs: fsys, dir: dataDir, src: newSources()}
	hb := &handbook.Handbook{}
	l.required(MetaFile, &hb.Meta)
	l.optional(GlossaryFile, &hb.Glossary)
	l.optional(AbbrevFile, &hb.Abbreviations)
	l.optional(ToolsFile, &hb.Tools)
	l.optional(LiteratureFile, &hb.Literature)
	l.optional(CitationsFile, &hb.Citations)
	var review handbook.Review
	if l.optional(ReviewFile, &review) {
		hb.Review = &review
	}
	hb.Questions = l.questions()
	l.problems.Locate(l.src)
	return hb, l.src, l.problems
}

type loader struct {
	fs       afero.Fs
	dir      string
	src      *Sources
	problems diag.List
}

func (l *loader) rel(name string) string { return path.Join(l.dir, name) }

// required decodes a file that must exist.
func (l *loader) required(name string, dst any) bool {
	file := l.rel(name)
	if _, err := l.fs.Stat(file); errors.Is(err, fs.ErrNotExist) {
		l.problems.Errorf(file, "", "file is missing; it is required (see docs/data-format.md)")
		return false
	}
	return l.decode(file, dst)
}

// optional decodes a file if it exists and reports whether it did.
func (l *loader) optional(name string, dst any) bool {
	file := l.rel(name)
	if _, err := l.fs.Stat(file); errors.Is(err, fs.ErrNotExist) {
		return false
	}
	return l.decode(file, dst)
}

// questions loads data/questions/*.yaml in file-name order.
func (l *loader) questions() []*handbook.Question {
	dir := l.rel(QuestionsDir)
	entries, err := afero.ReadDir(l.fs, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			l.problems.Errorf(dir, "", "cannot list questions: %v", err)
		}
		return nil
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var out []*handbook.Question
	for _, e := range entries {
		name := e.Name()
		file := path.Join(dir, name)
		switch {
		case e.IsDir() || strings.HasPrefix(name, "."):
			continue
		case !strings.HasSuffix(name, ".yaml"):
			l.problems.Errorf(file, "", "unexpected file in %s; questions are <id>.yaml files", dir)
			continue
		}
		q := &handbook.Question{}
		if l.decode(file, q) {
			q.File = file
			out = append(out, q)
		}
	}
	return out
}

// decode reads, checks and decodes one file into dst, recording problems.
func (l *loader) decode(file string, dst any) bool {
	data, err := readLimited(l.fs, file)
	if err != nil {
		p := problemFrom(file, err)
		if p.Line > 0 && data != nil {
			p.Path = pathAt(data, p.Line, p.Col)
		}
		l.problems = append(l.problems, p)
		return false
	}
	n := len(l.problems)
	src, ok := parse(file, data, &l.problems)
	if !ok {
		return false
	}
	l.src.add(file, src)
	if !decodeInto(src, dst, &l.problems) {
		return false
	}
	checkShape(file, dst, &l.problems)
	return len(l.problems) == n
}

// problemFrom turns a read error into a problem.
func problemFrom(file string, err error) diag.Problem {
	var p *diag.Problem
	if errors.As(err, &p) {
		return *p
	}
	return diag.Problem{File: file, Msg: fmt.Sprintf("cannot read: %v", err)}
}
