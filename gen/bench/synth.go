// Package bench measures the whole pipeline against the physical floor of a
// Hugo site with search — bare Hugo with minimal templates plus bare Pagefind
// over the same pages — at several handbook sizes, side by side in one run.
// Every build runs in a child process, so its peak memory is its own.
package bench

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/validate"
)

// siteSources are the hand-written parts of a project a build needs.
var siteSources = []string{"config.toml", "netlify.toml", "package.json", "package-lock.json", "layouts", "assets",
	"static", "content/_index.md", "content/search", "content/loop", "data/handbook.yaml", "data/references", "data/redirects.yaml",
	"data/interview", "diagram-cache"}

// Synthesize writes a valid handbook of n questions into dir by varying the
// real questions of root (new ids, slugs and titles; same content, so the
// same diagrams and references), next to copies of the site's sources.
func Synthesize(root, dir string, n int) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	h, _, problems := validate.Load(afero.NewBasePathFs(afero.NewOsFs(), root), "data")
	if errs := problems.Errors(); len(errs) > 0 {
		return fmt.Errorf("the real data does not load: %v", errs)
	}
	for _, src := range siteSources {
		if err := copyTree(filepath.Join(root, src), filepath.Join(dir, src)); err != nil {
			return err
		}
	}
	if err := os.Symlink(filepath.Join(root, "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
		return err
	}
	qdir := filepath.Join(dir, "data", "questions")
	if err := os.MkdirAll(qdir, 0o755); err != nil {
		return err
	}
	synthID := map[string]string{} // real id → id of its first variant
	for i := 0; i < n; i++ {
		q, err := variant(h.Questions[i%len(h.Questions)], i, len(h.Questions))
		if err != nil {
			return err
		}
		if i < len(h.Questions) {
			synthID[h.Questions[i].ID] = q.ID
		}
		b, err := yaml.Marshal(q)
		if err != nil {
			return err
		}
		b = append([]byte("# yaml-language-server: $schema=../../schema/question.schema.json\n"), b...)
		if err := os.WriteFile(filepath.Join(qdir, q.ID+".yaml"), b, 0o644); err != nil {
			return err
		}
	}
	return RelinkBank(filepath.Join(dir, "data", "interview", "bank.yaml"), synthID)
}

// bankLinks matches a risk's links to handbook questions in the interview bank.
var bankLinks = regexp.MustCompile(`(?m)^(\s+questions: )\[(PE-\d+(?:, PE-\d+)*)\]\n`)

// RelinkBank rewrites the interview bank's links to handbook questions
// through ids (old id → new id), dropping links to ids it does not map: the
// synthetic handbooks and the test projects have other questions than the
// real bank links.
func RelinkBank(file string, ids map[string]string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	b = bankLinks.ReplaceAllFunc(b, func(line []byte) []byte {
		m := bankLinks.FindSubmatch(line)
		var kept []string
		for _, id := range strings.Split(string(m[2]), ", ") {
			if s, ok := ids[id]; ok {
				kept = append(kept, s)
			}
		}
		if len(kept) == 0 {
			return nil
		}
		return []byte(string(m[1]) + "[" + strings.Join(kept, ", ") + "]\n")
	})
	return os.WriteFile(file, b, 0o644)
}

// variant is the i-th synthetic question, made from a real one.
// Its prose differs from every other variant's in its spacing (see
// respace), so that nothing keyed by a text, such as the gates' memo, does
// less work for a synthetic handbook than for a real one of the same size.
func variant(real *handbook.Question, i, base int) (*handbook.Question, error) {
	// A deep copy, through YAML, whose texts can be changed.
	b, err := yaml.Marshal(real)
	if err != nil {
		return nil, err
	}
	q := &handbook.Question{}
	if err := yaml.Unmarshal(b, q); err != nil {
		return nil, err
	}
	q.File = real.File
	q.ID = fmt.Sprintf("PE-%05d", i+1)
	q.Aliases = nil
	if round := i / base; round > 0 {
		q.Slug = fmt.Sprintf("%s-%d", strings.TrimSuffix(real.Slug[:min(len(real.Slug), 70)], "-"), round+1)
		q.Title = fmt.Sprintf("%s (variant %d)", real.Title, round+1)
		handbook.EditTexts(q, func(path, s string) string {
			if strings.HasPrefix(path, "$.diagrams[") {
				return s // a diagram's title and description are part of its cache key
			}
			return respace(s, round)
		})
	}
	return q, nil
}

// respace writes round in binary into the prose of s: bit k set doubles the
// k-th space between two words. Rendered text, word counts and Markdown
// structure stay the same. Short strings (ids, enums, names: fewer than ten
// spaces) and everything from the first code fence on (code, and diagrams,
// whose cache key is their source) are left alone.
func respace(s string, round int) string {
	prose, rest := s, ""
	if i := strings.Index(s, "```"); i >= 0 {
		prose, rest = s[:i], s[i:]
	}
	if strings.Count(prose, " ") < respaceBits {
		return s
	}
	var b strings.Builder
	k := 0
	for i := 0; i < len(prose); i++ {
		b.WriteByte(prose[i])
		between := prose[i] == ' ' && i > 0 && i+1 < len(prose) && !isSpace(prose[i-1]) && !isSpace(prose[i+1])
		if between && k < respaceBits {
			if round&(1<<k) != 0 {
				b.WriteByte(' ')
			}
			k++
		}
	}
	return b.String() + rest
}

// respaceBits is how many rounds of variants respace tells apart: 2^10, the
// 10,000-question handbook has 334 rounds of the 30 real questions.
const respaceBits = 10

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func copyTree(src, dst string) error {
	if _, err := os.Stat(src); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dst, strings.TrimPrefix(p, src))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
