// Package headers reads the HTTP response headers the site is served with
// from netlify.toml, the one place they are written, so that the preview
// server sends exactly what production sends.
package headers

import (
	"fmt"
	"os"
	"path"

	"github.com/pelletier/go-toml/v2"
)

// Rule is one [[headers]] block of netlify.toml.
type Rule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

type config struct {
	Headers []Rule `toml:"headers"`
}

// Load reads the header rules of a netlify.toml file.
func Load(file string) ([]Rule, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var c config
	if err := toml.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return c.Headers, nil
}

// For returns the headers that apply to a URL path, later rules overriding
// earlier ones as on Netlify. Patterns are Netlify's: "/*" matches everything,
// "/dir/*" a subtree, anything else one path.
func For(rules []Rule, urlPath string) map[string]string {
	out := map[string]string{}
	for _, r := range rules {
		if matches(r.For, urlPath) {
			for k, v := range r.Values {
				out[k] = v
			}
		}
	}
	return out
}

func matches(pattern, p string) bool {
	if pattern == "/*" {
		return true
	}
	if dir, ok := cutSuffix(pattern, "/*"); ok {
		return p == dir || len(p) > len(dir) && p[:len(dir)+1] == dir+"/"
	}
	ok, _ := path.Match(pattern, p)
	return ok
}

func cutSuffix(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}
