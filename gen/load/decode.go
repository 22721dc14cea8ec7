package load

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/perfhandbook/handbook/gen/diag"
)

// source is one parsed data file.
type source struct {
	file string
	data []byte
	body ast.Node
}

// parse parses data as a single YAML document without anchors, aliases,
// merge keys or tags, nested at most MaxDepth levels.
func parse(file string, data []byte, problems *diag.List) (*source, bool) {
	tokens := lexer.Tokenize(string(data))
	if p := checkDepth(file, tokens); p != nil {
		*problems = append(*problems, *p)
		return nil, false
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil {
		*problems = append(*problems, yamlProblem(file, data, nil, err, nil))
		return nil, false
	}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d)
		}
	}
	switch {
	case len(docs) == 0:
		*problems = append(*problems, diag.Problem{File: file, Line: 1, Col: 1, Msg: "file is empty: it has no YAML content"})
		return nil, false
	case len(docs) > 1:
		p := tokenProblem(file, docs[1].Body.GetToken(), "a data file holds exactly one YAML document; remove the second '---'")
		*problems = append(*problems, p)
		return nil, false
	}
	src := &source{file: file, data: data, body: docs[0].Body}
	if p, bad := forbiddenNode(src); bad {
		*problems = append(*problems, p)
		return nil, false
	}
	return src, true
}

// forbiddenNode finds the first anchor, alias, merge key or tag. Aliases let
// a few bytes expand into gigabytes ("billion laughs"); none of them is
// needed to write handbook data.
func forbiddenNode(src *source) (diag.Problem, bool) {
	var found diag.Problem
	var bad bool
	ast.Walk(visitorFunc(func(n ast.Node) bool {
		if bad {
			return false
		}
		var what string
		switch n.(type) {
		case *ast.AnchorNode:
			what = "YAML anchors (&name)"
		case *ast.AliasNode:
			what = "YAML aliases (*name)"
		case *ast.MergeKeyNode:
			what = "YAML merge keys (<<)"
		case *ast.TagNode:
			what = "YAML tags (!tag)"
		default:
			return true
		}
		found = tokenProblem(src.file, n.GetToken(), what+" are not allowed in data files; write the value out in full")
		found.Path = n.GetPath()
		bad = true
		return false
	}), src.body)
	return found, bad
}

type visitorFunc func(ast.Node) bool

func (f visitorFunc) Visit(n ast.Node) ast.Visitor {
	if f(n) {
		return f
	}
	return nil
}

// decodeInto decodes the document into dst, rejecting unknown fields and
// duplicate keys. The decoder reads from an empty reader: given the bytes, it
// would parse the whole file a second time only to collect anchors, which
// parse has already refused (that was half the cost of loading).
func decodeInto(src *source, dst any, problems *diag.List) bool {
	dec := yaml.NewDecoder(bytes.NewReader(nil), yaml.Strict())
	if err := dec.DecodeFromNode(src.body, dst); err != nil {
		*problems = append(*problems, yamlProblem(src.file, src.data, src.body, err, reflect.TypeOf(dst)))
		return false
	}
	return true
}

// yamlProblem explains a go-yaml error in the handbook's terms.
func yamlProblem(file string, data []byte, body ast.Node, err error, dst reflect.Type) diag.Problem {
	var yerr yaml.Error
	if !errors.As(err, &yerr) {
		return diag.Problem{File: file, Msg: strings.TrimSpace(err.Error())}
	}
	tok := yerr.GetToken()
	p := tokenProblem(file, tok, "")
	if body != nil {
		p.Path = pathOfToken(body, tok)
	}
	var (
		unknown  *yaml.UnknownFieldError
		typeErr  *yaml.TypeError
		dup      *yaml.DuplicateKeyError
		nodeType *yaml.UnexpectedNodeTypeError
	)
	switch {
	case errors.As(err, &unknown):
		p.Msg = fmt.Sprintf("unknown field %q", tok.Value)
		if known := knownFields(dst, parentPath(p.Path)); known != "" {
			p.Msg += "; expected one of: " + known
		}
	case errors.As(err, &typeErr):
		p.Msg = fmt.Sprintf("expected %s, found %s", describeType(typeErr.DstType), describeSrc(typeErr.SrcType, tok))
	case errors.As(err, &dup), strings.Contains(yerr.GetMessage(), "already defined"):
		p.Msg = fmt.Sprintf("duplicate key %q; each key may appear once", tok.Value)
	case errors.As(err, &nodeType):
		p.Msg = fmt.Sprintf("expected %s, found %s", describeNode(nodeType.Expected), describeNode(nodeType.Actual))
	default:
		p.Msg = yerr.GetMessage() + syntaxHint(data, p.Line)
	}
	return p
}

func tokenProblem(file string, tok *token.Token, msg string) diag.Problem {
	p := diag.Problem{File: file, Msg: msg}
	if tok != nil && tok.Position != nil {
		p.Line, p.Col = tok.Position.Line, tok.Position.Column
	}
	return p
}

// pathOfToken finds the YAML path of the node that owns tok.
func pathOfToken(body ast.Node, tok *token.Token) string {
	if tok == nil {
		return ""
	}
	var found string
	ast.Walk(visitorFunc(func(n ast.Node) bool {
		if found != "" {
			return false
		}
		if mv, ok := n.(*ast.MappingValueNode); ok && mv.Key != nil && mv.Key.GetToken() == tok {
			found = mv.Key.GetPath()
			return false
		}
		if n.GetToken() == tok {
			found = n.GetPath()
			return false
		}
		return true
	}), body)
	return found
}

// syntaxHint explains the usual causes of a YAML syntax error on a line.
func syntaxHint(data []byte, line int) string {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	text := lines[line-1]
	switch {
	case bytes.ContainsRune(text, '\t'):
		return " (this line contains a tab; YAML indentation must use spaces)"
	case bytes.Contains(text, []byte("[G:")) || bytes.Contains(text, []byte("[Ref:")):
		return " (a mention such as [G: term] contains ': ', which YAML reads as a new key; " +
			"put the value in quotes or in a '>-' block)"
	case bytes.Count(text, []byte(": ")) > 1:
		return " (the value contains ': '; put it in quotes or in a '>-' block)"
	}
	return ""
}

func describeNode(t ast.NodeType) string {
	switch t {
	case ast.SequenceType:
		return "a list (- item, or [a, b])"
	case ast.MappingType, ast.MappingValueType:
		return "a mapping (key: value lines)"
	case ast.NullType:
		return "nothing"
	}
	return "a single value"
}

func describeType(t reflect.Type) string {
	if t == nil {
		return "a different type"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list (- item, or [a, b])"
	case reflect.Struct, reflect.Map:
		return "a mapping (key: value lines)"
	case reflect.Pointer:
		return describeType(t.Elem())
	}
	return t.String()
}

func describeSrc(t reflect.Type, tok *token.Token) string {
	kind := "a value"
	if t != nil {
		kind = describeType(t)
	}
	if tok != nil && tok.Value != "" && len(tok.Value) < 60 {
		return fmt.Sprintf("%s (%q)", kind, tok.Value)
	}
	return kind
}

// pathAt names the field of a file that holds the character at line:col,
// so that a problem found in the raw bytes also names its field: the node
// that starts last at or before that position. It returns "" when the file
// cannot be parsed.
func pathAt(data []byte, line, col int) string {
	tokens := lexer.Tokenize(string(data))
	if checkDepth("", tokens) != nil {
		return ""
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil || len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return ""
	}
	char := token.Position{Line: line, Column: col}
	var found ast.Node
	var at token.Position
	ast.Walk(visitorFunc(func(n ast.Node) bool {
		if tk := n.GetToken(); tk != nil && tk.Position != nil && !less(char, *tk.Position) && (found == nil || !less(*tk.Position, at)) {
			found, at = n, *tk.Position
		}
		return true
	}), f.Docs[0].Body)
	if found == nil {
		return ""
	}
	return found.GetPath()
}

// less orders positions in a file.
func less(a, b token.Position) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column)
}
