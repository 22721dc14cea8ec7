package validate

import (
	"html"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"

	"github.com/perfhandbook/handbook/gen/bounded"
)

// seeds are every malformed and hostile case, and the base fixture itself.
func seeds(f *testing.F) []*txtar.Archive {
	f.Helper()
	names, _ := filepath.Glob("testdata/malformed/*.txtar")
	hostile, _ := filepath.Glob("../testdata/hostile/*.txtar")
	names = append(append(names, hostile...), "testdata/base.txtar")
	var out []*txtar.Archive
	for _, n := range names {
		ar, err := txtar.ParseFile(n)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, ar)
	}
	return out
}

// FuzzLoad lays an arbitrary archive of data files over the base fixture
// and loads and validates it: whatever the files hold, Load returns within
// the limits of package bounded, without panicking, and every error it
// reports names a file.
func FuzzLoad(f *testing.F) {
	for _, ar := range seeds(f) {
		f.Add(txtar.Format(ar))
	}
	base := project(f, nil)
	f.Fuzz(func(t *testing.T, archive []byte) {
		fsys := afero.NewCopyOnWriteFs(afero.NewReadOnlyFs(base), afero.NewMemMapFs())
		for _, file := range txtar.Parse(archive).Files {
			if name := path.Clean(file.Name); strings.HasPrefix(name, "data/") {
				afero.WriteFile(fsys, name, file.Data, 0o644)
			}
		}
		bounded.Call(t, len(archive), func() {
			_, _, problems := Load(fsys, "data")
			for _, p := range problems {
				if p.File == "" || p.Msg == "" {
					t.Errorf("problem without a file or message: %+v", p)
				}
			}
		})
	})
}

// FuzzQuestionFile loads arbitrary bytes as one question file, the most
// common thing a contributor sends.
func FuzzQuestionFile(f *testing.F) {
	for _, ar := range seeds(f) {
		for _, file := range ar.Files {
			if strings.HasPrefix(file.Name, "data/questions/") {
				f.Add(file.Data)
			}
		}
	}
	if real, err := os.ReadFile("../../data/questions/PE-001.yaml"); err == nil {
		f.Add(real)
	}
	base := project(f, nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := afero.NewCopyOnWriteFs(afero.NewReadOnlyFs(base), afero.NewMemMapFs())
		afero.WriteFile(fsys, "data/questions/PE-900.yaml", data, 0o644)
		bounded.Call(t, len(data), func() {
			_, _, problems := Load(fsys, "data")
			for _, p := range problems.Errors() {
				if p.File == "data/questions/PE-900.yaml" && p.Line == 0 && p.Path == "" &&
					!strings.Contains(p.Msg, "empty") && !strings.Contains(p.Msg, "larger than") {
					t.Errorf("error placed nowhere in the file: %s", p)
				}
			}
		})
	})
}

// FuzzCheckLink checks that a link destination validation accepts is
// one a browser treats as https, http, a site path or an anchor — never a
// scheme that runs code, however it is spelled.
func FuzzCheckLink(f *testing.F) {
	for _, s := range []string{"https://example.org/a?b#c", "/glossary/#g1", "#x", "http://x", "javascript:alert(1)",
		"&#106;avascript:x", "//evil.example", "/\\evil", "java\tscript:x", " javascript:x", "data:text/html,x", "HTTPS://X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		var msg string
		var warn bool
		bounded.Call(t, len(dest), func() { msg, warn = checkLink(dest) })
		if msg != "" && !warn {
			return
		}
		seen := html.UnescapeString(dest)
		switch {
		case strings.HasPrefix(seen, "#"):
		case strings.HasPrefix(seen, "/") && !strings.HasPrefix(seen, "//") && !strings.ContainsAny(seen, "\\\t\n\r"):
		default:
			u, err := url.Parse(seen)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				t.Fatalf("checkLink accepted %q (a browser reads %q)", dest, seen)
			}
		}
		if s := strings.ToLower(strings.Map(dropSpace, seen)); strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "data:") || strings.HasPrefix(s, "vbscript:") {
			t.Fatalf("checkLink accepted an executable URL %q", dest)
		}
	})
}

// dropSpace removes what browsers strip from URLs before reading the scheme.
func dropSpace(r rune) rune {
	if r <= ' ' {
		return -1
	}
	return r
}
