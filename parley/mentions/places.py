"""Country of a meeting place: dateline cities and capitals that news reports meet in.

Only used for ``location_iso3`` (where a meeting took place), never to make a city stand
in for a government: "met here" in a TOKYO story took place in Japan, whoever met.
"""

from __future__ import annotations

CITY_ISO3: dict[str, str] = {
    "washington": "USA", "new york": "USA", "chicago": "USA", "camp david": "USA",
    "pentagon": "USA", "white house": "USA", "tokyo": "JPN", "osaka": "JPN", "seoul": "KOR",
    "beijing": "CHN", "peking": "CHN", "shanghai": "CHN", "hong kong": "HKG", "taipei": "TWN",
    "singapore": "SGP", "kuala lumpur": "MYS", "jakarta": "IDN", "manila": "PHL",
    "bangkok": "THA", "new delhi": "IND", "delhi": "IND", "mumbai": "IND", "bombay": "IND",
    "islamabad": "PAK", "karachi": "PAK", "dhaka": "BGD", "colombo": "LKA", "kabul": "AFG",
    "tehran": "IRN", "baghdad": "IRQ", "riyadh": "SAU", "jeddah": "SAU", "kuwait": "KWT",
    "abu dhabi": "ARE", "dubai": "ARE", "doha": "QAT", "manama": "BHR", "muscat": "OMN",
    "ankara": "TUR", "istanbul": "TUR", "athens": "GRC", "nicosia": "CYP", "cairo": "EGY",
    "jerusalem": "ISR", "tel aviv": "ISR", "amman": "JOR", "damascus": "SYR",
    "beirut": "LBN", "tripoli": "LBY", "tunis": "TUN", "algiers": "DZA", "rabat": "MAR",
    "lagos": "NGA", "abuja": "NGA", "nairobi": "KEN", "addis ababa": "ETH",
    "johannesburg": "ZAF", "pretoria": "ZAF", "harare": "ZWE", "london": "GBR",
    "paris": "FRA", "bonn": "DEU", "berlin": "DEU", "frankfurt": "DEU", "brussels": "BEL",
    "the hague": "NLD", "amsterdam": "NLD", "luxembourg": "LUX", "geneva": "CHE",
    "zurich": "CHE", "bern": "CHE", "vienna": "AUT", "rome": "ITA", "venice": "ITA",
    "madrid": "ESP", "lisbon": "PRT", "dublin": "IRL", "copenhagen": "DNK", "oslo": "NOR",
    "stockholm": "SWE", "helsinki": "FIN", "moscow": "RUS", "kyiv": "UKR", "kiev": "UKR",
    "warsaw": "POL", "prague": "CZE", "budapest": "HUN", "belgrade": "SRB",
    "bucharest": "ROU", "sofia": "BGR", "ottawa": "CAN", "toronto": "CAN", "montreal": "CAN",
    "mexico city": "MEX", "havana": "CUB", "caracas": "VEN", "bogota": "COL", "quito": "ECU",
    "lima": "PER", "la paz": "BOL", "santiago": "CHL", "buenos aires": "ARG",
    "montevideo": "URY", "brasilia": "BRA", "rio de janeiro": "BRA", "sao paulo": "BRA",
    "port of spain": "TTO", "canberra": "AUS", "sydney": "AUS", "melbourne": "AUS",
    "wellington": "NZL",
}  # fmt: skip


def city_iso3(name: str | None) -> str | None:
    """ISO3 of the country of a known city ("Washington, DC" -> USA), else None."""
    if not name:
        return None
    key = name.lower().split(",")[0].strip()
    key = key.removeprefix("the ") if key != "the hague" else key
    return CITY_ISO3.get(key)
