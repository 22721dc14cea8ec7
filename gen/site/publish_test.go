package site

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// CleanLeftovers repairs what a killed build left: staging directories go,
// and a site moved aside by the two-rename fallback comes back if public/ is
// missing.
func TestCleanLeftovers(t *testing.T) {
	tests := []struct {
		name       string
		public     bool     // public/ exists
		left       []string // directories in .build/
		wantPublic string   // what public/index.html holds afterwards
		wantLeft   []string
	}{
		{"nothing to clean", true, nil, "current", nil},
		{"a killed build's staging", true, []string{"staging-1"}, "current", nil},
		{"a staging holding the previous site", true, []string{"staging-1", "staging-2"}, "current", nil},
		{"killed between the fallback's renames", false, []string{"previous-staging-1", "staging-1"}, "previous-staging-1", nil},
		{"killed after the fallback's renames", true, []string{"previous-staging-1"}, "current", nil},
		{"the lock and serve's directory stay", true, []string{"serve", "staging-1"}, "current", []string{"serve"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			public := filepath.Join(root, "public")
			if tt.public {
				writeSite(t, public, "current")
			}
			for _, d := range tt.left {
				writeSite(t, filepath.Join(root, WorkDir, d), d)
			}
			os.WriteFile(filepath.Join(root, WorkDir, "lock"), []byte("1\n"), 0o644)
			if err := CleanLeftovers(root, public); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(filepath.Join(public, "index.html")); string(got) != tt.wantPublic {
				t.Errorf("public/ holds %q, want %q", got, tt.wantPublic)
			}
			var left []string
			entries, _ := os.ReadDir(filepath.Join(root, WorkDir))
			for _, e := range entries {
				if e.IsDir() {
					left = append(left, e.Name())
				}
			}
			if !slices.Equal(left, tt.wantLeft) {
				t.Errorf(".build holds %v, want %v", left, tt.wantLeft)
			}
		})
	}
}

func writeSite(t *testing.T, dir, content string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The swap leaves public/ the new site and the staging directory gone,
// whether public/ existed before or not.
func TestPublishSwapsInTheNewSite(t *testing.T) {
	for _, existed := range []bool{false, true} {
		root := t.TempDir()
		public := filepath.Join(root, "public")
		if existed {
			writeSite(t, public, "old")
		}
		staging, err := Staging(root)
		if err != nil {
			t.Fatal(err)
		}
		writeSite(t, staging, "new")
		if err := Publish(staging, public); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(filepath.Join(public, "index.html")); string(got) != "new" {
			t.Errorf("existed=%v: public/ holds %q", existed, got)
		}
		if _, err := os.Stat(staging); !os.IsNotExist(err) {
			t.Errorf("existed=%v: staging directory remains", existed)
		}
	}
}
