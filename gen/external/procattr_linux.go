package external

import (
	"os/exec"
	"syscall"
)

// dieWithParent has the kernel kill cmd when gen dies, even by SIGKILL, so
// that no program of a killed build goes on writing into the project.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
