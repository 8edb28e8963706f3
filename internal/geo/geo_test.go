package geo

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		text                       string
		city, region, country, str string
	}{
		{"Denver, CO", "Denver", "US-CO", "US", "Denver, Colorado, United States"},
		{"Denver, Colorado", "Denver", "US-CO", "US", ""},
		{"Denver, CO 80202", "Denver", "US-CO", "US", ""},
		{"denver, co", "denver", "US-CO", "US", ""},
		{"New York, NY", "New York", "US-NY", "US", ""},
		{"Brooklyn, New York", "Brooklyn", "US-NY", "US", ""},
		{"Washington, DC", "Washington", "US-DC", "US", ""},
		{"Washington, D.C.", "Washington", "US-DC", "US", ""},
		{"Seattle, Washington", "Seattle", "US-WA", "US", ""},
		{"Jersey City, NJ, USA", "Jersey City", "US-NJ", "US", ""},
		{"Toronto, ON", "Toronto", "CA-ON", "CA", "Toronto, Ontario, Canada"},
		{"Toronto, Ontario", "Toronto", "CA-ON", "CA", ""},
		{"Toronto, ON M5V 2T6", "Toronto", "CA-ON", "CA", ""},
		{"Montréal, Québec", "Montréal", "CA-QC", "CA", ""},
		{"Vancouver, Colombie-Britannique", "Vancouver", "CA-BC", "CA", ""},
		{"Milan, Italy", "Milan", "", "IT", "Milan, Italy"},
		{"Milano, Italia", "Milano", "", "IT", ""},
		{"Zürich, Schweiz", "Zürich", "", "CH", "Zürich, Switzerland"},
		{"Zurich, Suisse", "Zurich", "", "CH", ""},
		{"Genève, CH", "Genève", "", "CH", ""},
		{"Berlin, Deutschland", "Berlin", "", "DE", ""},
		{"Berlin, DEU", "Berlin", "", "DE", ""},
		{"London, UK", "London", "", "GB", ""},
		{"London, United Kingdom", "London", "", "GB", ""},
		{"Madrid, Espana", "Madrid", "", "ES", ""},
		{"Athens, Ελλάδα", "Athens", "", "GR", ""},
		{"Bratislava, Slovakia", "Bratislava", "", "SK", ""},
		{"Regina, SK", "Regina", "CA-SK", "CA", ""},
		{"Milan, Lombardy, Italy", "Milan", "", "IT", "Milan, Lombardy, Italy"},
		{"Toronto, ON, Canada", "Toronto", "CA-ON", "CA", ""},
		{"Colorado", "", "US-CO", "US", "Colorado, United States"},
		{"Colorado, USA", "", "US-CO", "US", ""},
		{"Ontario", "", "CA-ON", "CA", ""},
		{"New York State", "", "US-NY", "US", ""},
		{"Italy", "", "", "IT", "Italy"},
		{"United States", "", "", "US", ""},
		{"Rome, GA", "Rome", "US-GA", "US", ""},
		{"Paris, TX", "Paris", "US-TX", "US", ""},
	}
	for _, c := range cases {
		p, err := Parse(c.text)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.text, err)
			continue
		}
		if p.City != c.city || p.Region != c.region || p.Country != c.country {
			t.Errorf("Parse(%q) = %+v, want city %q region %q country %q", c.text, p, c.city, c.region, c.country)
		}
		if c.str != "" && p.String() != c.str {
			t.Errorf("Parse(%q).String() = %q, want %q", c.text, p.String(), c.str)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	cases := []struct {
		text string
		kind error
		hint string
	}{
		{"", ErrEmpty, "City, ST"},
		{" , ", ErrEmpty, "City, ST"},
		{"Denver", ErrUnknown, `"Denver, CO"`},
		{"Springfield, XY", ErrUnknown, "mapping {city, region, country}"},
		{"Gotham City, Narnia", ErrUnknown, "City, Country"},
		{"New York", ErrAmbiguous, `"New York, NY"`},
		{"Washington", ErrAmbiguous, `"Washington, DC"`},
		{"Toronto, CA", ErrAmbiguous, `"Toronto, Canada"`},
		{"Berlin, DE", ErrAmbiguous, `"Berlin, Germany"`},
		{"Valletta, MT", ErrAmbiguous, `"Valletta, Malta"`},
		{"DE", ErrAmbiguous, `"Delaware"`},
		{"CO", ErrAmbiguous, `"Colombia"`},
		{"Bratislava, SK", ErrAmbiguous, `"Bratislava, Slovakia"`},
		{"Amsterdam, NL", ErrAmbiguous, `"Amsterdam, Netherlands"`},
		{"Toronto, Canada", ErrNoRegion, "province"},
		{"Denver, USA", ErrNoRegion, "state"},
		{"a, b, c, d", ErrUnknown, "at most 3"},
		{"Denver, Ontario, US", ErrBadRegion, "postal code"},
	}
	for _, c := range cases {
		p, err := Parse(c.text)
		if !errors.Is(err, c.kind) {
			t.Errorf("Parse(%q) = %+v, %v; want %v", c.text, p, err, c.kind)
			continue
		}
		var ge *Error
		if !errors.As(err, &ge) || !strings.Contains(err.Error(), c.hint) {
			t.Errorf("Parse(%q) error %q does not say %q", c.text, err, c.hint)
		}
	}
}

func TestFromParts(t *testing.T) {
	p, err := FromParts("Toronto", "Ontario", "Canada")
	if err != nil || p.Region != "CA-ON" || p.City != "Toronto" {
		t.Errorf("FromParts(Toronto, Ontario, Canada) = %+v, %v", p, err)
	}
	p, err = FromParts("Berlin", "", "DE")
	if err != nil || p.Country != "DE" || p.Region != "" {
		t.Errorf("FromParts(Berlin, , DE) = %+v, %v", p, err)
	}
	p, err = FromParts("", "CO", "US")
	if err != nil || p.Region != "US-CO" {
		t.Errorf("FromParts(, CO, US) = %+v, %v", p, err)
	}
	if _, err := FromParts("Denver", "CO", ""); !errors.Is(err, ErrUnknown) {
		t.Errorf("no country: %v, want ErrUnknown", err)
	}
	if _, err := FromParts("Denver", "ZZ", "US"); !errors.Is(err, ErrBadRegion) {
		t.Errorf("bad state: %v, want ErrBadRegion", err)
	}
	if _, err := FromParts("", "", ""); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v, want ErrEmpty", err)
	}
}

func TestAreas(t *testing.T) {
	p, _ := Parse("Milano, Italia")
	if got := strings.Join(p.Areas(), " "); got != "EU IT" || !p.InEU() {
		t.Errorf("Milano areas = %q", got)
	}
	p, _ = Parse("Denver, CO")
	if got := strings.Join(p.Areas(), " "); got != "US US-CO" || p.InEU() {
		t.Errorf("Denver areas = %q", got)
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"US", "US-CO", true}, {"US", "US", true}, {"US-CO", "US", false}, {"EU", "IT", true},
		{"EU", "GB", false}, {"CA", "US-CA", false}, {"US-CO", "US-CO", true}, {"US-NY", "US-NJ", false},
	} {
		if got := Contains(c.a, c.b); got != c.want {
			t.Errorf("Contains(%q, %q) = %v", c.a, c.b, got)
		}
	}
	if n := len(EUMembers()); n != 27 {
		t.Errorf("%d EU members, want 27", n)
	}
}

func TestParseArea(t *testing.T) {
	for in, want := range map[string]string{"US": "US", "us-co": "US-CO", "CA-ON": "CA-ON", "EU": "EU", "IT": "IT"} {
		a, err := ParseArea(in)
		if err != nil || a.Code != want {
			t.Errorf("ParseArea(%q) = %+v, %v; want %s", in, a, err, want)
		}
	}
	for in, hint := range map[string]string{"Colorado": `"US-CO"`, "Italy": `"IT"`, "XX": "US-CO or CA-ON", "US-ZZ": "EU"} {
		_, err := ParseArea(in)
		if !errors.Is(err, ErrBadArea) || !strings.Contains(err.Error(), hint) {
			t.Errorf("ParseArea(%q) = %v; want ErrBadArea with %s", in, err, hint)
		}
	}
}

func TestTables(t *testing.T) {
	if len(countries) != 249 {
		t.Errorf("%d countries, want the 249 of ISO 3166-1", len(countries))
	}
	if len(usStateByCode) != 51 {
		t.Errorf("%d US states and DC, want 51", len(usStateByCode))
	}
	if len(caProvByCode) != 13 {
		t.Errorf("%d provinces and territories, want 13", len(caProvByCode))
	}
	for c := range extraCountryNames {
		if _, ok := countries[c]; !ok {
			t.Errorf("extraCountryNames has unknown code %s", c)
		}
	}
	for c := range euMembers {
		if _, ok := countries[c]; !ok {
			t.Errorf("euMembers has unknown code %s", c)
		}
	}
}
