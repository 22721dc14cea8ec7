// Package diag carries the problems the pipeline finds in data files: where
// (file, line, column, field) and what was expected, in a form a maintainer
// can act on without reading the generator's code.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is one thing wrong with the data.
type Problem struct {
	Severity Severity
	File     string // relative to the project root
	Line     int    // 1-based; 0 when unknown
	Col      int    // 1-based; 0 when unknown
	Path     string // YAML path of the field, e.g. "$.chain.slo" or "$[3].doi"
	Needle   string // text inside the field's value the problem is about, to pinpoint it
	Msg      string // what is wrong and what was expected
}

// Field is the problem's path as a reader writes it: "chain.slo", "[3].doi".
func (p Problem) Field() string {
	return strings.TrimPrefix(strings.TrimPrefix(p.Path, "$"), ".")
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	if f := p.Field(); f != "" {
		b.WriteString(f)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Locator finds the line and column of a YAML path in a data file.
type Locator interface {
	Locate(file, path, needle string) (line, col int)
}

// List collects problems. Its Error method makes a non-empty list usable as an error.
type List []Problem

// Errorf records an error at a field of a file.
func (l *List) Errorf(file, path, format string, args ...any) {
	*l = append(*l, Problem{Severity: Error, File: file, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at a field of a file.
func (l *List) Warnf(file, path, format string, args ...any) {
	*l = append(*l, Problem{Severity: Warning, File: file, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// ErrorAt records an error about a piece of text inside a field's value.
func (l *List) ErrorAt(file, path, needle, format string, args ...any) {
	*l = append(*l, Problem{Severity: Error, File: file, Path: path, Needle: needle, Msg: fmt.Sprintf(format, args...)})
}

// Errors returns only the problems that stop the build.
func (l List) Errors() List {
	var out List
	for _, p := range l {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// Locate fills in missing line and column numbers, then sorts by file and line.
func (l List) Locate(loc Locator) {
	for i, p := range l {
		if p.Line == 0 && p.Path != "" {
			l[i].Line, l[i].Col = loc.Locate(p.File, p.Path, p.Needle)
		}
	}
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

func (l List) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Error lets a single problem travel as an error.
func (p *Problem) Error() string { return p.String() }
