//go:build unix

package cli

import (
	"os"
	"os/exec"
	"syscall"
)

// asNobody makes cmd run as the unprivileged user nobody when the tests run
// as root, so that file permissions apply to it.
func asNobody(cmd *exec.Cmd) {
	if os.Getuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
}
