package locale

import "strings"

// EqualOpportunity is the default equal-opportunity statement for a company
// in locale l, in short sentences, ending with how to ask for an
// accommodation (an "adjustment" in Britain and Australia). contact is who
// to ask (an email address, a phone number, a web page, or a team's name);
// empty gives a general sentence.
//
//   - en-US names the classes federal law protects (Title VII, the PDA,
//     the ADEA, the ADA, GINA, USERRA/VEVRAA): race, color, religion, sex
//     (including pregnancy, sexual orientation and gender identity),
//     national origin, age, disability, genetic information and veteran
//     status.
//   - en-GB names the nine protected characteristics of the Equality Act
//     2010.
//   - en-CA names the grounds of the Canadian Human Rights Act and refers to
//     provincial human rights codes.
//   - en-AU names the attributes protected by the Fair Work Act 2009 and
//     federal anti-discrimination law.
func EqualOpportunity(l Locale, company, contact string) string {
	c := strings.TrimSpace(company)
	if c == "" {
		c = "We"
	}
	var s []string
	switch l.orDefault() {
	case EnGB:
		s = []string{
			c + " is an equal opportunities employer.",
			"We welcome applications from everyone.",
			"We do not discriminate because of any protected characteristic in the Equality Act 2010.",
			"These are age, disability, gender reassignment, marriage and civil partnership, and pregnancy and maternity.",
			"They are also race, religion or belief, sex, and sexual orientation.",
			"We make reasonable adjustments for disabled applicants and staff.",
		}
	case EnCA:
		s = []string{
			c + " is an equal opportunity employer.",
			"We welcome applications from all qualified people.",
			"We do not discriminate on any ground in the Canadian Human Rights Act or provincial human rights codes.",
			"These include race, national or ethnic origin, colour, religion, age and sex.",
			"They also include sexual orientation, gender identity or expression, marital status, family status, genetic characteristics and disability.",
			"We accommodate people with disabilities at every stage of hiring.",
		}
	case EnAU:
		s = []string{
			c + " is an equal opportunity employer.",
			"We welcome applications from everyone.",
			"We do not discriminate on the basis of race, colour, sex, sexual orientation, gender identity or intersex status.",
			"Nor do we discriminate on the basis of age, disability, marital or relationship status, pregnancy or breastfeeding.",
			"The same goes for family or carer's responsibilities, religion, political opinion, national extraction and social origin.",
			"We make reasonable adjustments for people with disability.",
		}
	default:
		s = []string{
			c + " is an equal opportunity employer.",
			"We hire and promote people on merit.",
			"We do not discriminate based on race, color, religion, sex or national origin.",
			"Sex includes pregnancy, sexual orientation and gender identity.",
			"Nor do we discriminate based on age, disability, genetic information or veteran status.",
			"The same goes for any other status protected by federal, state or local law.",
			"We provide reasonable accommodations for disability, pregnancy and religious beliefs.",
		}
	}
	s = append(s, RequestSentence(l, contact))
	return strings.Join(s, " ")
}

// Accommodation is the note that goes with a job's physical demands and
// working environment: people with disabilities may be enabled to perform
// the essential functions, and how to ask. contact as for
// EqualOpportunity.
func Accommodation(l Locale, contact string) string {
	return AccommodationNote(l) + " " + RequestSentence(l, contact)
}

// AccommodationNote is Accommodation without how to ask: for a document
// whose equal-opportunity statement says that already.
func AccommodationNote(l Locale) string {
	var s string
	switch l.orDefault() {
	case EnGB, EnAU:
		s = "We make reasonable adjustments so that disabled people can carry out the essential duties of this role."
		if l.orDefault() == EnAU {
			s = "We make reasonable adjustments so that people with disability can carry out the essential duties of this role."
		}
	case EnCA:
		s = "We provide accommodations so that people with disabilities can perform the essential duties of this role."
	default:
		s = "Reasonable accommodations may be made so that people with disabilities can perform the essential functions."
	}
	return s
}

// RequestSentence says how to ask for an accommodation or adjustment;
// contact as for EqualOpportunity.
func RequestSentence(l Locale, contact string) string {
	word := "an accommodation"
	if loc := l.orDefault(); loc == EnGB || loc == EnAU {
		word = "an adjustment"
	}
	contact = strings.TrimSuffix(strings.TrimSpace(contact), ".")
	if contact == "" {
		return "To ask for " + word + " at any stage, tell your recruiter or contact our human resources team."
	}
	return "To ask for " + word + " at any stage, contact " + contact + "."
}

// AtWill is the at-will employment statement for a US company; outside the
// United States there is no such doctrine and it returns "".
func AtWill(l Locale, company string) string {
	if l.orDefault() != EnUS {
		return ""
	}
	c := strings.TrimSpace(company)
	if c == "" {
		c = "the company"
	}
	return "Employment with " + c + " is at will. " +
		"Either you or " + c + " may end it at any time, with or without cause or notice. " +
		"This job description is not a contract of employment."
}
