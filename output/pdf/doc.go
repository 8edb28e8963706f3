// Package pdf renders the job-description PDFs, one per role
// (job-descriptions/<id>.pdf), and the candidate-facing posting PDFs, one
// per open role (postings/<id>.pdf), with fpdf (the patched copy in
// third_party/fpdf).
//
// The files, in the order a document is made:
//
//   - jobdesc.go: the document model (JDDocument) built from the resolved
//     generator.Model by BuildJobDescription.
//   - text.go: checks every character has a glyph and normalises text.
//   - layout.go, wrap.go: page geometry, line wrapping and page breaks.
//   - render.go: draws a laid-out document (RenderJobDescription).
//   - step.go: JobDescriptionsStep, the parallel generator.Step.
//   - posting.go: PostingsStep and BuildPosting, which lays the posting
//     model of output/posting out with the same engine.
//   - fonts.go: the faces and the run's shared font subset.
//   - errors.go: the errors this package returns.
//
// Golden PDFs are in testdata/job-descriptions; tests read text back with
// internal/pdftext.
package pdf
