package output

import "github.com/jdgen/jdgen/ladders"

// BandStyle is how a ladder band looks in every output, so a band reads
// the same in the org chart and in the workbook.
type BandStyle struct {
	// Color is the band's strong colour ("#RRGGBB"): box stripes, chart bars.
	Color string
	// Tint is a light version of Color for fills behind dark text.
	Tint string
}

// bandStyles holds the styles of the three bands of the ladder.
var bandStyles = map[ladders.Band]BandStyle{
	ladders.BandIndividual: {Color: "#2A9D8F", Tint: "#E2F3F1"},
	ladders.BandManagement: {Color: "#D08C1A", Tint: "#FBEFD9"},
	ladders.BandExecutive:  {Color: "#7B4FA0", Tint: "#EEE6F4"},
}

// otherBand is the style of a band the ladder does not name.
var otherBand = BandStyle{Color: "#7F7F7F", Tint: "#F2F2F2"}

// Bands lists the bands in ladder order, lowest first, for legends.
var Bands = []ladders.Band{ladders.BandIndividual, ladders.BandManagement, ladders.BandExecutive}

// BandStyleOf is the style of band b; an unknown band is grey.
func BandStyleOf(b ladders.Band) BandStyle {
	if s, ok := bandStyles[b]; ok {
		return s
	}
	return otherBand
}
