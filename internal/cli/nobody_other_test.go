//go:build !unix

package cli

import "os/exec"

// asNobody does nothing where there are no Unix users.
func asNobody(cmd *exec.Cmd) {}
