package postbuild

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestFile lists every page URL the site has published, relative to the
// project root. It is committed: interview loops link to these URLs, so a
// build may add URLs but never lose one without an alias or a redirect.
const ManifestFile = "published-urls.txt"

const manifestHeader = `# Every page URL the handbook has published; gen build maintains this file, commit it.
# A build fails when one of these URLs disappears: keep it with a question alias or data/redirects.yaml.
`

// ReadManifest returns the published URLs, or nil when there is no manifest yet.
func ReadManifest(root string) (map[string]bool, error) {
	f, err := os.Open(filepath.Join(root, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	urls := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			urls[line] = true
		}
	}
	return urls, sc.Err()
}

// PagePaths is every HTML page of the site, the 404 page excepted.
func (s *Site) PagePaths() []string {
	var out []string
	for p := range s.Pages {
		if p != "/404.html" {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// Lost returns the published URLs the site no longer has.
func (s *Site) Lost(published map[string]bool) []string {
	var lost []string
	for u := range published {
		if s.Pages[u] == nil {
			lost = append(lost, u)
		}
	}
	sort.Strings(lost)
	return lost
}

// WriteManifest records the site's pages as published.
func WriteManifest(root string, s *Site) error {
	var b strings.Builder
	b.WriteString(manifestHeader)
	for _, p := range s.PagePaths() {
		fmt.Fprintln(&b, p)
	}
	return os.WriteFile(filepath.Join(root, ManifestFile), []byte(b.String()), 0o644)
}
