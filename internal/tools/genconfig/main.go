// Command genconfig writes a realistic large company config for benchmarks
// and stress tests:
//
//	go run ./internal/tools/genconfig -roles 10000 > big.yaml
//
// See package bigconfig for what the company looks like. The same flags
// always give the same file.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/jdgen/jdgen/internal/bigconfig"
)

func main() {
	roles := flag.Int("roles", 1000, "number of roles to generate (at least 1)")
	flag.Parse()
	if *roles < 1 {
		fmt.Fprintln(os.Stderr, "genconfig: -roles must be at least 1")
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	err := bigconfig.Write(w, *roles)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genconfig:", err)
		os.Exit(1)
	}
}
