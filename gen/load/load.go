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
	"runtime"
	"sort"
	"strings"
	"sync"

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
	RedirectsFile  = "redirects.yaml"
	InterviewFile  = "interview/bank.yaml"
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
	l.optional(RedirectsFile, &hb.Redirects)
	var bank handbook.InterviewBank
	if l.optional(InterviewFile, &bank) {
		bank.File = l.rel(InterviewFile)
		hb.Interview = &bank
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

// questions loads data/questions/*.yaml in file-name order, decoding the
// files on all cores (parsing YAML is the costliest part of loading).
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
	var files []string
	for _, e := range entries {
		name := e.Name()
		file := path.Join(dir, name)
		switch {
		case e.IsDir() || strings.HasPrefix(name, "."):
		case !strings.HasSuffix(name, ".yaml"):
			l.problems.Errorf(file, "", "unexpected file in %s; questions are <id>.yaml files", dir)
		default:
			files = append(files, file)
		}
	}
	results := make([]decoded, len(files))
	parallel(len(files), func(i int) {
		q := &handbook.Question{}
		results[i] = decodeFile(l.fs, files[i], q)
		q.File = files[i]
		results[i].value = q
	})
	var out []*handbook.Question
	for _, r := range results {
		if l.merge(r) {
			out = append(out, r.value.(*handbook.Question))
		}
	}
	return out
}

// decoded is the outcome of decoding one file.
type decoded struct {
	file     string
	src      *source
	problems diag.List
	value    any
}

// decode reads, checks and decodes one file into dst, recording problems.
func (l *loader) decode(file string, dst any) bool {
	return l.merge(decodeFile(l.fs, file, dst))
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
func decodeFile(fsys afero.Fs, file string, dst any) decoded {
	r := decoded{file: file}
	data, err := readLimited(fsys, file)
	if err != nil {
		p := problemFrom(file, err)
		if p.Line > 0 && data != nil {
			p.Path = pathAt(data, p.Line, p.Col)
		}
		r.problems = append(r.problems, p)
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
	return r
}

// parallel calls f(0) … f(n-1) on all cores.
func parallel(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// problemFrom turns a read error into a problem.
func problemFrom(file string, err error) diag.Problem {
	var p *diag.Problem
	if errors.As(err, &p) {
		return *p
	}
	return diag.Problem{File: file, Msg: fmt.Sprintf("cannot read: %v", err)}
}
