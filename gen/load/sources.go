package load

import (
	"bytes"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// Sources keeps the parsed data files so that problems found after loading
// (by validation or the gates) can be placed at a line and column.
type Sources struct {
	files map[string]*source
}

func newSources() *Sources { return &Sources{files: map[string]*source{}} }

func (s *Sources) add(file string, src *source) { s.files[file] = src }

// Bytes returns the raw content of a loaded file.
func (s *Sources) Bytes(file string) []byte {
	if src := s.files[file]; src != nil {
		return src.data
	}
	return nil
}

// Locate returns the position of the YAML path in file. When the path does
// not exist (a missing field) it falls back to the nearest existing parent;
// when needle is set, it points at the needle's first occurrence inside the
// value.
func (s *Sources) Locate(file, path, needle string) (line, col int) {
	src := s.files[file]
	if src == nil || path == "" {
		return 0, 0
	}
	for p := path; ; p = parentPath(p) {
		if n := nodeAt(src.body, p); n != nil {
			tok := n.GetToken()
			if tok == nil || tok.Position == nil {
				return 0, 0
			}
			line, col = tok.Position.Line, tok.Position.Column
			if needle != "" && p == path {
				if l, c, ok := find(src.data, line, needle); ok {
					return l, c
				}
			}
			return line, col
		}
		if p == "$" {
			return 1, 1
		}
	}
}

func nodeAt(body ast.Node, path string) ast.Node {
	if path == "$" {
		return body
	}
	p, err := yaml.PathString(path)
	if err != nil {
		return nil
	}
	n, err := p.FilterNode(body)
	if err != nil {
		return nil
	}
	return n
}

// find looks for needle from the start of line onwards and returns its
// 1-based line and column (in characters).
func find(data []byte, line int, needle string) (int, int, bool) {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return 0, 0, false
		}
		start += i + 1
	}
	i := bytes.Index(data[start:], []byte(needle))
	if i < 0 {
		return 0, 0, false
	}
	before := data[:start+i]
	l := bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return l, utf8.RuneCount(before[lineStart:]) + 1, true
}
