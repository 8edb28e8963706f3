// Command jdgen turns a company's operations structure into job-description
// PDFs and a career-ladder workbook. See internal/cli for the commands.
package main

import (
	"os"

	"github.com/jdgen/jdgen/internal/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr)) }
