package generator

// Defaults filled in by Resolve when neither the role nor the file's
// `defaults:` section gives a value. They live here, in one place.
const (
	DefaultBrandColor     = "#1F3A5F"
	DefaultWorkplace      = "on-site"
	DefaultEmploymentType = "full-time"
	DefaultCurrency       = "USD"
	DefaultPeriod         = "year"
	DefaultPaper          = "letter"
	DefaultOutDir         = "out"
	DefaultHeadcount      = 1
	// AddedResponsibilityArea groups responsibilities a config adds without an area.
	AddedResponsibilityArea = "Additional responsibilities"
	// AddedQualificationArea groups qualifications a config adds without an area.
	AddedQualificationArea = "Additional requirements"
	// MaxConfigBytes is the largest config file Load reads.
	MaxConfigBytes = 16 << 20
	// MaxLogoBytes is the largest logo file accepted.
	MaxLogoBytes = 10 << 20
	// MaxLogoPixels is the largest logo accepted, in pixels.
	MaxLogoPixels = 16_000_000
)

// Allowed values of the enumerated keys.
var (
	Workplaces      = []string{"on-site", "hybrid", "remote"}
	EmploymentTypes = []string{"full-time", "part-time", "contract", "temporary"}
	FLSAStatuses    = []string{"exempt", "non-exempt"}
	Papers          = []string{"letter", "a4"}
	Periods         = []string{"year", "hour"}
	// SupportedVersions are the config contract versions this jdgen reads.
	SupportedVersions = []int{1}
)

// sizeClass names the company's size from its employee count.
func sizeClass(employees int) string {
	switch {
	case employees <= 0:
		return ""
	case employees < 100:
		return "small"
	case employees < 1000:
		return "mid-size"
	}
	return "enterprise"
}
