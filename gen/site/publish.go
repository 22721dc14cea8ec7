package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/perfhandbook/handbook/gen/stage"
)

// WorkDir is where builds keep their staging directories and lock, inside
// the project root so that the final rename stays on one filesystem.
const WorkDir = ".build"

// Staging creates a fresh, empty staging directory for one build.
func Staging(root string) (string, error) {
	dir := filepath.Join(root, WorkDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(dir, "staging-")
}

// Publish replaces publicDir with staging in one step: readers (and a
// crash) see either the old complete site or the new complete site, never a
// mix. The previous site is removed afterwards.
func Publish(staging, publicDir string) error {
	if _, err := os.Stat(publicDir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(staging, publicDir)
	}
	if err := exchange(staging, publicDir); err != nil {
		return fmt.Errorf("swap %s into %s: %w", staging, publicDir, err)
	}
	stage.Reached(stage.Swapped)
	// staging now holds the previous site; if this is cut short,
	// CleanLeftovers removes the rest.
	return os.RemoveAll(staging)
}

// CleanLeftovers removes staging directories left by builds that were killed,
// and restores public/ if a build died between the two renames of the
// fallback swap. Call it while holding the build lock.
func CleanLeftovers(root, publicDir string) error {
	dir := filepath.Join(root, WorkDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := filepath.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), "previous-") && !exists(publicDir):
			if err := os.Rename(name, publicDir); err != nil {
				return err
			}
		case strings.HasPrefix(e.Name(), "staging-"), strings.HasPrefix(e.Name(), "previous-"):
			if err := os.RemoveAll(name); err != nil {
				return err
			}
		}
	}
	return nil
}

// swapByRenames is the portable fallback: move the old site aside, then move
// the new one in. A crash between the two leaves public/ missing for a moment;
// CleanLeftovers puts the previous site back.
func swapByRenames(staging, publicDir string) error {
	previous := filepath.Join(filepath.Dir(staging), "previous-"+filepath.Base(staging))
	if err := os.Rename(publicDir, previous); err != nil {
		return err
	}
	if err := os.Rename(staging, publicDir); err != nil {
		_ = os.Rename(previous, publicDir)
		return err
	}
	return os.Rename(previous, staging)
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
