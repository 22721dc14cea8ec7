//go:build !linux

package external

import "os/exec"

// dieWithParent is Linux-only (Pdeathsig); elsewhere a killed build's
// programs run to their end and the next build removes what they wrote.
func dieWithParent(*exec.Cmd) {}
