package generator

// checkPDFA warns when output.pdfa asks for PDF/A: jdgen does not write
// PDF/A yet (README, "PDF/A"), and a person asking for archival files
// must not believe they got them. --strict makes it a problem.
func checkPDFA(c *Config, ps *problems) {
	if c.Output.PDFA != nil && *c.Output.PDFA {
		ps.warnAt("output.pdfa", "output.pdfa",
			"PDF/A is not offered yet; the PDFs are ordinary PDF files (see the README, \"PDF/A\")")
	}
}
