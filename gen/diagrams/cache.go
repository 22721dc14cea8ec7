package diagrams

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// CacheDir is the committed cache of drawn diagrams, relative to the root.
const CacheDir = "diagram-cache"

// Diagram is one diagram to draw, with where it comes from for messages.
type Diagram struct {
	Source, Title, Description string
	Where                      string // e.g. "data/questions/PE-001.yaml: diagrams[0]"
}

// Drawn is a diagram's cached SVG for each site theme.
type Drawn struct {
	Files         map[string]string // site theme → file name in the cache
	Width, Height int
}

// Options configure Ensure.
type Options struct {
	Root    string    // project root
	Render  bool      // draw missing diagrams with Chromium; false only reuses the cache
	Log     io.Writer // progress and warnings
	Version string    // Mermaid version; read from node_modules when empty
}

// ErrMissing reports diagrams that are not in the cache and could not be drawn.
type ErrMissing struct {
	Diagrams []Diagram
	Cause    error
}

func (e *ErrMissing) Error() string {
	where := make([]string, len(e.Diagrams))
	for i, d := range e.Diagrams {
		where[i] = d.Where
	}
	return fmt.Sprintf("%d diagram(s) are not drawn yet (%s): %v", len(e.Diagrams), strings.Join(where, "; "), e.Cause)
}

// Key is the cache key of a diagram drawn in one Mermaid theme.
func Key(d Diagram, version, theme string) string {
	h := sha256.New()
	for _, part := range []string{d.Source, d.Title, d.Description, version, theme, rendererVersion} {
		fmt.Fprintf(h, "%d:%s\x00", len(part), part)
	}
	return hex.EncodeToString(h.Sum(nil))[:24]
}

// rendererVersion changes when finish changes what it writes, so that old
// cache entries are redrawn.
const rendererVersion = "1"

// Ensure returns every diagram's drawn SVGs, drawing the missing ones when
// opts.Render allows and Chromium is available. Diagrams Mermaid rejects are
// errors naming where they come from; diagrams that could not be drawn for
// lack of a browser are reported with *ErrMissing (and absent from the map).
func Ensure(diagrams []Diagram, opts Options) (map[string]Drawn, error) {
	version := opts.Version
	if version == "" {
		v, err := MermaidVersion(opts.Root)
		if err != nil {
			return nil, err
		}
		version = v
	}
	dir := filepath.Join(opts.Root, CacheDir)
	out := map[string]Drawn{}
	var todo []Diagram
	for _, d := range diagrams {
		if drawn, ok := cached(dir, d, version); ok {
			out[d.Source] = drawn
		} else {
			todo = append(todo, d)
		}
	}
	if len(todo) == 0 {
		return out, nil
	}
	if !opts.Render {
		return out, &ErrMissing{todo, errors.New("drawing is off")}
	}
	r, err := NewRenderer(DistDir(opts.Root))
	if err != nil {
		return out, &ErrMissing{todo, err}
	}
	defer r.Close()
	var problems []string
	for _, d := range todo {
		drawn, err := draw(r, dir, d, version)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", d.Where, err))
			continue
		}
		out[d.Source] = drawn
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "drew %s (%d×%d)\n", d.Where, drawn.Width, drawn.Height)
		}
	}
	if len(problems) > 0 {
		return out, errors.New(strings.Join(problems, "\n"))
	}
	return out, nil
}

func cached(dir string, d Diagram, version string) (Drawn, bool) {
	drawn := Drawn{Files: map[string]string{}}
	for site, theme := range Themes {
		name := Key(d, version, theme) + ".svg"
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return Drawn{}, false
		}
		drawn.Files[site] = name
		if site == "light" {
			drawn.Width, drawn.Height = size(string(b))
		}
	}
	return drawn, true
}

func draw(r *Renderer, dir string, d Diagram, version string) (Drawn, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Drawn{}, err
	}
	drawn := Drawn{Files: map[string]string{}}
	for _, site := range []string{"light", "dark"} {
		theme := Themes[site]
		key := Key(d, version, theme)
		id := "d" + key[:12]
		raw, err := r.Render(d.Source, theme, id)
		if err != nil {
			return Drawn{}, err
		}
		svg, w, h, err := finish(raw, id, d.Title, d.Description)
		if err != nil {
			return Drawn{}, err
		}
		svg = fmt.Sprintf("<!-- %s by gen with Mermaid %s (%s theme); cache entry, do not edit -->\n%s\n", "drawn", version, theme, svg)
		if err := os.WriteFile(filepath.Join(dir, key+".svg"), []byte(svg), 0o644); err != nil {
			return Drawn{}, err
		}
		drawn.Files[site] = key + ".svg"
		if site == "light" {
			drawn.Width, drawn.Height = w, h
		}
	}
	return drawn, nil
}

// Prune removes cache entries no longer used by any diagram.
func Prune(root string, used map[string]Drawn) (int, error) {
	keep := map[string]bool{}
	for _, d := range used {
		for _, f := range d.Files {
			keep[f] = true
		}
	}
	entries, err := os.ReadDir(filepath.Join(root, CacheDir))
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".svg") && !keep[e.Name()] {
			if err := os.Remove(filepath.Join(root, CacheDir, e.Name())); err != nil {
				return removed, err
			}
			removed++
		}
	}
	return removed, nil
}

// MermaidVersion reads the installed Mermaid's version from its package.json.
func MermaidVersion(root string) (string, error) {
	b, err := os.ReadFile(filepath.Join(root, "node_modules", "mermaid", "package.json"))
	if err != nil {
		return "", fmt.Errorf("mermaid is not installed (npm ci): %w", err)
	}
	var p struct{ Version string }
	if err := json.Unmarshal(b, &p); err != nil || p.Version == "" {
		return "", fmt.Errorf("node_modules/mermaid/package.json has no version")
	}
	return p.Version, nil
}

// Sorted returns the cache files of drawn diagrams, for stable output.
func Sorted(drawn map[string]Drawn) []string {
	var files []string
	for _, d := range drawn {
		for _, f := range d.Files {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	return files
}
