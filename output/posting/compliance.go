package posting

import "github.com/jdgen/jdgen/generator"

// lawStatementKinds are the statements a pay-transparency law asks for that
// the posting does not carry already (its key facts give the pay range,
// the Benefits section the benefits, How to apply the deadline or
// "ongoing" and how to apply).
var lawStatementKinds = map[string]bool{"good_faith": true, "ai_screening": true, "vacancy": true}

// lawStatements are those sentences for the role, from the model
// (generator.Compliance): California's and others' good-faith range,
// Ontario's AI-screening and existing-vacancy statements. Nil when no law
// asks for any.
func lawStatements(r *generator.Role) []string {
	if r.Compliance == nil {
		return nil
	}
	var out []string
	for _, s := range r.Compliance.Statements {
		if lawStatementKinds[s.Kind] {
			out = append(out, clean(s.Text))
		}
	}
	return out
}
