package validate

import (
	"bytes"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"

	"github.com/perfhandbook/handbook/gen/diag"
	"github.com/perfhandbook/handbook/gen/load"
)

// project builds an in-memory project from the base fixture with the
// archive's files laid over it.
func project(t testing.TB, overlay *txtar.Archive) afero.Fs {
	t.Helper()
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := afero.NewMemMapFs()
	for _, ar := range []*txtar.Archive{base, overlay} {
		if ar == nil {
			continue
		}
		for _, f := range ar.Files {
			if err := afero.WriteFile(fsys, f.Name, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return fsys
}

func TestBaseFixtureIsValid(t *testing.T) {
	_, _, problems := Load(project(t, nil), "data")
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatalf("base fixture has problems:\n%v", errs)
	}
}

// expectation is the "want-…" header of a malformed case.
type expectation struct {
	file, field, msg string
	line, col        int
}

func parseWant(t *testing.T, comment []byte) expectation {
	var w expectation
	for _, l := range strings.Split(string(comment), "\n") {
		key, val, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		if uq, err := strconv.Unquote(val); err == nil && strings.HasPrefix(val, `"`) && key == "want-field" {
			val = uq
		}
		switch key {
		case "want-file":
			w.file = val
		case "want-line":
			w.line, _ = strconv.Atoi(val)
		case "want-col":
			w.col, _ = strconv.Atoi(val)
		case "want-field":
			w.field = val
		case "want-msg":
			w.msg = val
		}
	}
	if w.file == "" {
		t.Fatal("case has no want-file")
	}
	return w
}

func (w expectation) matches(p diag.Problem) bool {
	return p.File == w.file &&
		(w.line == 0 || p.Line == w.line) &&
		(w.col == 0 || p.Col == w.col) &&
		(w.field == "" || p.Field() == w.field) &&
		strings.Contains(p.String(), w.msg)
}

// TestMalformedCorpus loads every case in testdata/malformed — one mistake
// per file, named for it — and checks that the error names the file, line,
// field and what was expected.
func TestMalformedCorpus(t *testing.T) {
	cases, _ := filepath.Glob("testdata/malformed/*.txtar")
	if len(cases) < 20 {
		t.Fatalf("the malformed corpus has %d cases; keep at least 20", len(cases))
	}
	for _, c := range cases {
		name := strings.TrimSuffix(filepath.Base(c), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(c)
			if err != nil {
				t.Fatal(err)
			}
			want := parseWant(t, ar.Comment)
			_, _, problems := Load(project(t, ar), "data")
			errs := problems.Errors()
			if len(errs) == 0 {
				t.Fatal("loaded without error; the case must be refused")
			}
			for _, p := range errs {
				if want.matches(p) {
					return
				}
			}
			t.Fatalf("no error matches %+v; got:\n%v", want, errs)
		})
	}
}

func TestOversizedFileIsRefused(t *testing.T) {
	var big bytes.Buffer
	big.WriteString("id: PE-900\ntitle: >-\n")
	for big.Len() <= load.MaxFileSize {
		big.WriteString("  lorem ipsum dolor sit amet, consectetur adipiscing elit\n")
	}
	ar := &txtar.Archive{Files: []txtar.File{{Name: "data/questions/PE-900.yaml", Data: big.Bytes()}}}
	_, _, problems := Load(project(t, ar), "data")
	for _, p := range problems.Errors() {
		if p.File == "data/questions/PE-900.yaml" && strings.Contains(p.Msg, "larger than 256 KiB") {
			return
		}
	}
	t.Fatalf("oversized file was not refused: %v", problems)
}

// TestEveryErrorIsLocated makes sure no case produces an error without a
// line number, except whole-file problems (empty, missing).
func TestEveryErrorIsLocated(t *testing.T) {
	cases, _ := filepath.Glob("testdata/malformed/*.txtar")
	for _, c := range cases {
		ar, _ := txtar.ParseFile(c)
		_, _, problems := Load(project(t, ar), "data")
		for _, p := range problems.Errors() {
			if p.Line == 0 && !strings.Contains(p.Msg, "empty") && !strings.Contains(p.Msg, "missing") {
				t.Errorf("%s: error without a line: %s", path.Base(c), p)
			}
		}
	}
}
