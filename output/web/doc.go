// Package web renders the postings as web pages: postings/<id>.html, one
// standalone, accessible page per open role with its schema.org JobPosting
// as JSON-LD, and postings/index.html, the careers index, sortable and
// filterable by a small inline script.
//
// Pages make no request: the logo is inline (a data: URI), the style sheet
// and script are inline and pinned by a Content-Security-Policy. Every text
// from the config is escaped; in the JSON-LD, <, > and & are \u escapes, so
// no text can close the script element. The brand colour is used only
// where it reaches 4.5:1 against white; a lighter one is darkened (and the
// resolver warns, naming it).
//
// Files: page.go (a posting page, assets, escaping), jsonld.go (JobPosting),
// index.go (the careers index), style.go (style sheets, print included),
// step.go (PostingsStep), errors.go.
package web
