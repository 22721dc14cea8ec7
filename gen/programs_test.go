package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runsPrograms names the only packages that may start a program: external
// (npm and the tools it installs), chrome (Chromium, for drawing diagrams and
// for the browser tests) and bench (gen bench only: it runs builds in child
// processes to measure their time and peak memory; build and serve never
// import it). SECURITY.md lists them.
var runsPrograms = map[string]bool{"external": true, "chrome": true, "bench": true}

// The build runs no program but those it names: only gen/external and
// gen/chrome import os/exec or start a browser, and nothing uses syscall's
// or os's lower-level process calls.
func TestOnlyNamedPackagesRunPrograms(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		pkg := filepath.Base(filepath.Dir(path))
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if (p == "os/exec" || p == "syscall") && !runsPrograms[pkg] {
				t.Errorf("%s imports %s; only %v may start programs", path, p, runsPrograms)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && !runsPrograms[pkg] {
				switch sel.Sel.Name {
				case "StartProcess", "ForkExec", "NewExecAllocator", "ExecPath":
					t.Errorf("%s: %s calls %s; only %v may start programs", path, fset.Position(sel.Pos()), sel.Sel.Name, runsPrograms)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
