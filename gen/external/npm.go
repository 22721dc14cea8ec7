// Package external runs the programs the build needs from outside Go: npm,
// to install the front-end packages pinned in package-lock.json, and the
// tools those packages provide (Pagefind). They are invoked here and nowhere
// else, each with a clear error when it is missing.
package external

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// stampFile records, inside node_modules, the hash of the package-lock.json
// it was installed from.
const stampFile = ".gen-package-lock.sha256"

// NodeModules makes sure node_modules matches package-lock.json, running
// "npm ci" when it does not.
func NodeModules(root string, log io.Writer) error {
	lock, err := os.ReadFile(filepath.Join(root, "package-lock.json"))
	if err != nil {
		return fmt.Errorf("package-lock.json is missing in %s: %w", root, err)
	}
	sum := sha256.Sum256(lock)
	want := hex.EncodeToString(sum[:])
	stamp := filepath.Join(root, "node_modules", stampFile)
	if got, err := os.ReadFile(stamp); err == nil && string(got) == want {
		return nil
	}
	if installedByNpm(root) {
		return os.WriteFile(stamp, []byte(want), 0o644)
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return errors.New("npm is not installed: install Node.js 20 or newer with npm (https://nodejs.org/); " +
			"the build needs it once to install Mermaid and Pagefind from package-lock.json")
	}
	fmt.Fprintln(log, "installing front-end packages: npm ci")
	if _, err := run(root, log, npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"); err != nil {
		return err
	}
	return os.WriteFile(stamp, []byte(want), 0o644)
}

// installedByNpm reports an "npm ci" run after the lockfile last changed
// (npm writes node_modules/.package-lock.json as it installs).
func installedByNpm(root string) bool {
	li, err1 := os.Stat(filepath.Join(root, "package-lock.json"))
	hi, err2 := os.Stat(filepath.Join(root, "node_modules", ".package-lock.json"))
	return err1 == nil && err2 == nil && !hi.ModTime().Before(li.ModTime())
}

// run runs a program in dir, showing its output only when it fails. It
// returns the program's peak resident memory in MiB (see WatchPeak).
func run(dir string, log io.Writer, name string, args ...string) (peakMiB float64, err error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	dieWithParent(cmd)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("%s: %w", filepath.Base(name), err)
	}
	stop := WatchPeak(cmd.Process.Pid)
	err = cmd.Wait()
	peakMiB = stop()
	if err != nil {
		log.Write(out.Bytes())
		return peakMiB, fmt.Errorf("%s %v: %w", filepath.Base(name), args, err)
	}
	return peakMiB, nil
}

// Pagefind indexes the built site in dir for search, writing its chunked
// index to dir/subdir/. The binary comes from the npm package. It returns
// Pagefind's peak resident memory in MiB, which gen bench reports apart
// from gen's own.
func Pagefind(root, dir, subdir string, log io.Writer) (peakMiB float64, err error) {
	bin := pagefindBinary(root)
	if _, err := os.Stat(bin); err != nil {
		return 0, fmt.Errorf("pagefind is not installed (%s missing); run npm ci", bin)
	}
	// Only pages that carry data-pagefind-body are indexed; the glob keeps
	// Pagefind from parsing every list, print and redirect page to find that out.
	return run(root, log, bin, "--site", dir, "--output-subdir", subdir, "--quiet",
		"--glob", "{q,glossary,tools,literature,citations}/**/*.html")
}

// pagefindBinary is the platform binary the pagefind npm package installed.
// gen runs it directly rather than through the package's Node wrapper: the
// wrapper's own child would outlive a killed build and go on writing into a
// staging directory that the next build has already cleaned up.
func pagefindBinary(root string) string {
	arch := map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH]
	dir := filepath.Join(root, "node_modules", "@pagefind", runtime.GOOS+"-"+arch, "bin")
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.Mode().IsRegular() {
			return filepath.Join(dir, name)
		}
	}
	return filepath.Join(root, "node_modules", ".bin", "pagefind")
}
