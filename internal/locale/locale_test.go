package locale

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Locale{
		"": EnUS, "en-US": EnUS, "en-us": EnUS, " EN_GB ": EnGB, "en-CA": EnCA, "en_au": EnAU,
	} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"en", "fr-CA", "en-NZ", "english", "en-US-x"} {
		got, err := Parse(bad)
		if !errors.Is(err, ErrUnknownLocale) {
			t.Errorf("Parse(%q) = %q, %v; want ErrUnknownLocale", bad, got, err)
			continue
		}
		if !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "en-GB") {
			t.Errorf("Parse(%q) error %q should name the tag and the supported ones", bad, err)
		}
	}
}

func TestFormatting(t *testing.T) {
	d := time.Date(2026, time.December, 1, 23, 0, 0, 0, time.UTC)
	cases := []struct {
		l                   Locale
		date, paper, tag, c string
	}{
		{EnUS, "December 1, 2026", "letter", "en-US", "US"},
		{EnCA, "December 1, 2026", "letter", "en-CA", "CA"},
		{EnGB, "1 December 2026", "a4", "en-GB", "GB"},
		{EnAU, "1 December 2026", "a4", "en-AU", "AU"},
		{"xx", "December 1, 2026", "letter", "en-US", "US"}, // unsupported: the default
	}
	for _, c := range cases {
		if got := FormatDate(c.l, d); got != c.date {
			t.Errorf("FormatDate(%s) = %q, want %q", c.l, got, c.date)
		}
		if got := DefaultPaper(c.l); got != c.paper {
			t.Errorf("DefaultPaper(%s) = %q, want %q", c.l, got, c.paper)
		}
		if got := LangTag(c.l); got != c.tag {
			t.Errorf("LangTag(%s) = %q, want %q", c.l, got, c.tag)
		}
		if got := Country(c.l); got != c.c {
			t.Errorf("Country(%s) = %q, want %q", c.l, got, c.c)
		}
	}
}

func TestSpell(t *testing.T) {
	cases := []struct {
		in             string
		gb, ca, au, us string
	}{
		{"We optimize labor.", "We optimise labour.", "We optimize labour.", "We optimise labour.", ""},
		{"Organizational behavior", "Organisational behaviour", "Organizational behaviour", "Organisational behaviour", ""},
		{"The distribution center program", "The distribution centre programme", "The distribution centre program", "The distribution centre program", ""},
		{"Order fulfillment to fulfill demand", "Order fulfilment to fulfil demand", "Order fulfillment to fulfill demand", "Order fulfilment to fulfil demand", ""},
		{"Analyzes data; analyzed, analyzing", "Analyses data; analysed, analysing", "Analyzes data; analyzed, analyzing", "Analyses data; analysed, analysing", ""},
		{"A driver's license and a forklift license.", "A driver's licence and a forklift licence.", "A driver's licence and a forklift licence.", "A driver's licence and a forklift licence.", ""},
		{"LABOR COSTS; Labor-intensive work", "LABOUR COSTS; Labour-intensive work", "LABOUR COSTS; Labour-intensive work", "LABOUR COSTS; Labour-intensive work", ""},
		{"traveling, modeling and canceled loads", "travelling, modelling and cancelled loads", "travelling, modelling and cancelled loads", "travelling, modelling and cancelled loads", ""},
		// Whole words only: none of these change anywhere.
		{"A programmer won a prize for size; seize, capsize, laborious work in a colorless sizeable realm.", "", "", "", ""},
		{"Writes a computer program and software programs.", "Writes a computer program and software programs.", "", "", ""},
		// Phrasing: weights in kilograms first outside the US, British
		// one-to-one meetings.
		{"Lifts up to 25 lb (11 kg), or 4.5 lb (2 kg) often; 10 lb bags.", "Lifts up to 11 kg (25 lb), or 2 kg (4.5 lb) often; 10 lb bags.", "Lifts up to 11 kg (25 lb), or 2 kg (4.5 lb) often; 10 lb bags.", "Lifts up to 11 kg (25 lb), or 2 kg (4.5 lb) often; 10 lb bags.", ""},
		{"Holds one-on-one meetings.", "Holds one-to-one meetings.", "", "", ""},
		// Year on year, and the recordable-injury measure by its British
		// and Australian name.
		{"Total recordable incident rate (TRIR) for the site, falling year over year; the total recordable incident rate (TRIR).", "Total recordable injury frequency rate (TRIFR) for the site, falling year on year; the total recordable injury frequency rate (TRIFR).", "", "Total recordable injury frequency rate (TRIFR) for the site, falling year on year; the total recordable injury frequency rate (TRIFR).", ""},
	}
	for _, c := range cases {
		for l, want := range map[Locale]string{EnGB: c.gb, EnCA: c.ca, EnAU: c.au, EnUS: c.us} {
			if want == "" {
				want = c.in
			}
			if got := Spell(l, c.in); got != want {
				t.Errorf("Spell(%s, %q) = %q, want %q", l, c.in, got, want)
			}
		}
	}
}

// Every table entry spells differently somewhere, and going back from a
// locale's form to the US word through the table gives the US word again:
// no two US words share a British form, so the table can also be read
// backwards (the library tests do, to find British spellings in US text).
func TestTableRoundTrip(t *testing.T) {
	tab := Table()
	if len(tab) < 300 {
		t.Fatalf("table has %d entries; the word lists expand to more", len(tab))
	}
	for _, l := range All[1:] {
		back := map[string]string{}
		for _, e := range tab {
			f := e.For(l)
			if f == e.US {
				continue
			}
			if prev, dup := back[f]; dup {
				t.Errorf("%s: %q is the form of both %q and %q", l, f, prev, e.US)
			}
			back[f] = e.US
			if got := Spell(l, e.US); got != f {
				t.Errorf("Spell(%s, %q) = %q, want %q", l, e.US, got, f)
			}
			if got := Spell(l, f); got != f {
				t.Errorf("Spell(%s, %q) = %q: a locale form must stay as it is", l, f, got)
			}
		}
	}
	for _, e := range tab {
		if e.GB == e.US && e.CA == e.US && e.AU == e.US {
			t.Errorf("entry %q changes nothing", e.US)
		}
		if Spell(EnUS, e.US) != e.US {
			t.Errorf("Spell(en-US, %q) changed the word", e.US)
		}
	}
}

// The statements are short sentences, fit their country, and keep to its
// spelling.
func TestStatements(t *testing.T) {
	want := map[Locale][]string{
		EnUS: {"equal opportunity employer", "race, color, religion, sex or national origin", "pregnancy", "genetic information", "veteran status", "national origin", "age", "disability", "accommodation"},
		EnGB: {"Equality Act 2010", "gender reassignment", "marriage and civil partnership", "pregnancy and maternity", "religion or belief", "reasonable adjustments"},
		EnCA: {"Canadian Human Rights Act", "provincial human rights codes", "colour", "gender identity or expression", "genetic characteristics", "accommodat"},
		EnAU: {"colour", "intersex status", "carer's responsibilities", "breastfeeding", "political opinion", "reasonable adjustments"},
	}
	for _, l := range All {
		for _, contact := range []string{"", "careers@northwind.example"} {
			texts := map[string]string{
				"EqualOpportunity": EqualOpportunity(l, "Northwind Logistics", contact),
				"Accommodation":    Accommodation(l, contact),
				"AtWill":           AtWill(l, "Northwind Logistics"),
			}
			for name, s := range texts {
				for _, sent := range Sentences(s) {
					if n := len(Words(sent)); n > 35 {
						t.Errorf("%s %s: sentence of %d words: %q", l, name, n, sent)
					}
				}
				if l != EnUS && Spell(l, s) != s {
					t.Errorf("%s %s has US spelling: %q", l, name, s)
				}
			}
			if contact != "" {
				for _, name := range []string{"EqualOpportunity", "Accommodation"} {
					if !strings.Contains(texts[name], "contact careers@northwind.example.") {
						t.Errorf("%s %s does not say whom to contact: %q", l, name, texts[name])
					}
				}
			}
			if !strings.HasPrefix(texts["EqualOpportunity"], "Northwind Logistics is an equal opportunit") {
				t.Errorf("%s: statement does not start with the company: %q", l, texts["EqualOpportunity"])
			}
		}
		eo := EqualOpportunity(l, "Northwind Logistics", "")
		for _, w := range want[l] {
			if !strings.Contains(eo, w) {
				t.Errorf("%s statement lacks %q: %q", l, w, eo)
			}
		}
		if f := FleschReadingEase(eo); f < 15 {
			t.Errorf("%s statement: Flesch reading ease %.1f, want 15 or more (lists of protected classes keep it low)", l, f)
		}
	}
	if s := AtWill(EnUS, "Northwind"); !strings.Contains(s, "at will") || !strings.Contains(s, "with or without cause or notice") {
		t.Errorf("AtWill(en-US) = %q", s)
	}
	for _, l := range All[1:] {
		if s := AtWill(l, "Northwind"); s != "" {
			t.Errorf("AtWill(%s) = %q, want none outside the US", l, s)
		}
	}
}

func TestReadability(t *testing.T) {
	for w, want := range map[string]int{
		"the": 1, "leads": 1, "makes": 1, "based": 1, "rated": 2, "changes": 2, "table": 2,
		"operations": 4, "inventory": 4, "responsibilities": 6, "schedules": 2, "KPI": 3,
		"on-time": 2, "97%": 2, "OSHA": 2,
	} {
		if got := Syllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", w, got, want)
		}
	}
	if got := Sentences("Keeps 99.5% accuracy. Leads the team! Is it done? Yes"); len(got) != 4 {
		t.Errorf("Sentences split into %d: %q", len(got), got)
	}
	easy := FleschReadingEase("The cat sat on the mat. The dog ran to the park.")
	hard := FleschReadingEase("Organizational optimization necessitates comprehensive interdepartmental communication infrastructure.")
	if easy < 90 || hard > 0 {
		t.Errorf("Flesch: easy text %.1f (want 90+), hard text %.1f (want below 0)", easy, hard)
	}
	if FleschReadingEase("") != 0 {
		t.Error("empty text should score 0")
	}
}

// Spell is safe from many goroutines and gives the same answer from its
// cache as the first time.
func TestSpellConcurrentAndCached(t *testing.T) {
	texts := []string{"We optimize labor.", "A computer program.", "The distribution center program", "Nothing to change here."}
	want := map[string]string{}
	for _, s := range texts {
		want[s] = spell(EnGB, s)
	}
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				s := texts[i%len(texts)]
				if got := Spell(EnGB, s); got != want[s] {
					t.Errorf("Spell(%q) = %q, want %q", s, got, want[s])
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	if got := Spell(EnGB, "Nothing to change here."); got != "Nothing to change here." {
		t.Errorf("unchanged text came back as %q", got)
	}
}
