// Package stage names the points of the build pipeline so that a test can
// stop a real build at one of them. With GEN_PAUSE_AT=<stage> in its
// environment, gen prints "gen: paused at <stage>" to stderr on reaching that
// stage and waits for a line (or end of input) on stdin before going on. The
// crash tests use it to send SIGKILL at a known point; nothing else sets it,
// and without it Reached does nothing.
package stage

import (
	"bufio"
	"fmt"
	"os"
)

// EnvVar names the stage to pause at.
const EnvVar = "GEN_PAUSE_AT"

// The stages of gen build, in order.
const (
	Locked    = "locked"    // the build lock is held and leftovers of killed builds are gone
	Generated = "generated" // content/ and generated/ are written
	Staged    = "staged"    // Hugo has built the site into the staging directory
	Checked   = "checked"   // the post-build checks passed
	Swapped   = "swapped"   // public/ holds the new site; the previous one is not yet removed
)

// All lists the stages in pipeline order.
var All = []string{Locked, Generated, Staged, Checked, Swapped}

// Reached marks that the build got to name, pausing there if asked to.
func Reached(name string) {
	if os.Getenv(EnvVar) != name {
		return
	}
	fmt.Fprintf(os.Stderr, "gen: paused at %s\n", name)
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
}
