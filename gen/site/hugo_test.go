package site

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gohugoio/hugo/config"
)

// Hugo's caches are held to CacheLimitGiB unless the environment sets
// HUGO_MEMORYLIMIT, which is then left as it is.
func TestHugoCachesAreLimited(t *testing.T) {
	const gib = 1 << 30
	for _, tt := range []struct {
		env  string
		want uint64
	}{
		{"", 1 * gib},
		{"3", 3 * gib},
	} {
		t.Setenv("HUGO_MEMORYLIMIT", tt.env)
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, "config.toml"), []byte("baseURL = 'https://example.org/'\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := NewHugo(root, filepath.Join(root, "public"), HugoOptions{}); err != nil {
			t.Fatal(err)
		}
		if got := config.GetMemoryLimit(); got != tt.want {
			t.Errorf("HUGO_MEMORYLIMIT=%q before NewHugo: Hugo's cache limit is %d bytes, want %d", tt.env, got, tt.want)
		}
	}
}
