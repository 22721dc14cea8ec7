// Package external runs the programs the build needs from outside Go: npm,
// to install the front-end packages pinned in package-lock.json, and the
// tools those packages provide (Pagefind). They are invoked here and nowhere
// else, each with a clear error when it is missing.
package external

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// NodeModules makes sure node_modules matches package-lock.json, running
// "npm ci" when it is missing or older than the lockfile.
func NodeModules(root string, log io.Writer) error {
	lock := filepath.Join(root, "package-lock.json")
	installed := filepath.Join(root, "node_modules", ".package-lock.json")
	li, err := os.Stat(lock)
	if err != nil {
		return fmt.Errorf("package-lock.json is missing in %s: %w", root, err)
	}
	if ii, err := os.Stat(installed); err == nil && !ii.ModTime().Before(li.ModTime()) {
		return nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return errors.New("npm is not installed: install Node.js 20 or newer with npm (https://nodejs.org/); " +
			"the build needs it once to install Mermaid and Pagefind from package-lock.json")
	}
	fmt.Fprintln(log, "installing front-end packages: npm ci")
	return run(root, log, npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
}

// run runs a program in dir, showing its output only when it fails.
func run(dir string, log io.Writer, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		log.Write(out.Bytes())
		return fmt.Errorf("%s %v: %w", filepath.Base(name), args, err)
	}
	return nil
}
