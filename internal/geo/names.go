package geo

// extraCountryNames are names the ISO table does not carry: the name in
// the country's own language(s) and common English short forms.
var extraCountryNames = map[string][]string{
	"AT": {"Österreich"},
	"BE": {"België", "Belgique", "Belgien"},
	"BG": {"България", "Bulgariya"},
	"BR": {"Brasil"},
	"CH": {"Schweiz", "Suisse", "Svizzera", "Svizra"},
	"CY": {"Κύπρος", "Kypros"},
	"CZ": {"Czech Republic", "Česko", "Česká republika"},
	"DE": {"Deutschland"},
	"DK": {"Danmark"},
	"EE": {"Eesti"},
	"ES": {"España"},
	"FI": {"Suomi"},
	"GB": {"UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland"},
	"GR": {"Ελλάδα", "Ellada", "Hellas"},
	"HR": {"Hrvatska"},
	"HU": {"Magyarország"},
	"IE": {"Éire"},
	"IS": {"Ísland"},
	"IT": {"Italia"},
	"LT": {"Lietuva"},
	"LU": {"Lëtzebuerg", "Luxemburg"},
	"LV": {"Latvija"},
	"MX": {"México"},
	"NL": {"Nederland", "Holland", "The Netherlands"},
	"NO": {"Norge", "Noreg"},
	"PL": {"Polska"},
	"RO": {"România"},
	"RU": {"Russia", "Россия"},
	"SE": {"Sverige"},
	"SI": {"Slovenija"},
	"SK": {"Slovensko"},
	"TR": {"Turkey", "Türkiye"},
	"UA": {"Україна"},
	"US": {"USA", "U.S.", "U.S.A.", "United States of America"},
}

// extraRegionNames are other names of Canadian provinces (French) and of
// the District of Columbia.
var extraRegionNames = map[string][]string{
	"CA-BC": {"Colombie-Britannique"},
	"CA-NL": {"Terre-Neuve-et-Labrador", "Newfoundland"},
	"CA-NS": {"Nouvelle-Écosse"},
	"CA-NB": {"Nouveau-Brunswick"},
	"CA-PE": {"Île-du-Prince-Édouard", "PEI", "P.E.I."},
	"CA-QC": {"Québec"},
	"CA-NT": {"Territoires du Nord-Ouest"},
	"US-DC": {"D.C.", "Washington DC", "Washington D.C."},
}

// foreignCities are well-known cities outside the US whose country code is
// also a US state code ("Berlin, DE", "Toronto, CA"): written that way the
// text is ambiguous, and jdgen asks rather than guesses.
var foreignCities = map[string]string{
	"toronto": "CA", "vancouver": "CA", "montreal": "CA", "calgary": "CA", "ottawa": "CA", "edmonton": "CA", "winnipeg": "CA",
	"berlin": "DE", "munich": "DE", "munchen": "DE", "hamburg": "DE", "frankfurt": "DE", "cologne": "DE", "koln": "DE", "stuttgart": "DE", "dusseldorf": "DE",
	"mumbai": "IN", "delhi": "IN", "new delhi": "IN", "bangalore": "IN", "bengaluru": "IN", "chennai": "IN", "hyderabad": "IN", "pune": "IN",
	"valletta": "MT", "bogota": "CO", "medellin": "CO", "casablanca": "MA", "rabat": "MA", "buenos aires": "AR",
	"jakarta": "ID", "tel aviv": "IL", "jerusalem": "IL", "chisinau": "MD", "podgorica": "ME", "ulaanbaatar": "MN",
	"bratislava": "SK", "kosice": "SK", "amsterdam": "NL", "rotterdam": "NL", "the hague": "NL", "utrecht": "NL", "eindhoven": "NL", "lima": "PE",
	"panama city": "PA", "tunis": "TN", "khartoum": "SD", "vientiane": "LA", "tirana": "AL", "libreville": "GA", "niamey": "NE",
}

// euMembers are the 27 member states of the European Union (ISO alpha-2).
var euMembers = map[string]bool{
	"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true, "DK": true,
	"EE": true, "FI": true, "FR": true, "DE": true, "GR": true, "HU": true, "IE": true,
	"IT": true, "LV": true, "LT": true, "LU": true, "MT": true, "NL": true, "PL": true,
	"PT": true, "RO": true, "SK": true, "SI": true, "ES": true, "SE": true,
}
