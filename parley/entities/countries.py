"""Country names, demonyms and capitals -> ISO 3166 alpha-3.

The tables come from pycountry (ISO codes, official and common names, historic countries)
and countryinfo (alternative spellings, demonyms, capitals); a small override table adds what
neither knows or gets wrong for news text: "U.S.", "Britain", "Holland", "Soviet", "West
German", and states that no longer exist (USSR ``SUN``, East Germany ``DDR``, ``CSK``,
``YUG``). West Germany is ``DEU``. Before 1991-12-26 "Russia"/"Russian"/"Moscow" mean the
Soviet Union.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from dataclasses import dataclass

import pycountry
from countryinfo import all_countries

SOVIET_END = dt.date(1991, 12, 26)
GERMAN_UNITY = dt.date(1990, 10, 3)

# Names that pycountry/countryinfo lack, or that news uses for another code.
_NAME_OVERRIDES: dict[str, str] = {
    "u.s.": "USA", "u.s.a.": "USA", "us": "USA", "usa": "USA", "america": "USA",
    "united states": "USA", "united states of america": "USA", "the united states": "USA",
    "britain": "GBR", "great britain": "GBR", "u.k.": "GBR", "uk": "GBR", "england": "GBR",
    "holland": "NLD", "the netherlands": "NLD",
    "soviet union": "SUN", "the soviet union": "SUN", "ussr": "SUN", "u.s.s.r.": "SUN",
    "west germany": "DEU", "w. germany": "DEU", "federal republic of germany": "DEU",
    "east germany": "DDR", "german democratic republic": "DDR",
    "czechoslovakia": "CSK", "yugoslavia": "YUG", "burma": "MMR", "zaire": "COD",
    "kampuchea": "KHM", "ivory coast": "CIV", "turkey": "TUR", "south korea": "KOR",
    "korea": "KOR", "north korea": "PRK", "taiwan": "TWN", "iran": "IRN", "syria": "SYR",
    "vietnam": "VNM", "laos": "LAO", "russia": "RUS", "venezuela": "VEN", "bolivia": "BOL",
    "tanzania": "TZA", "the philippines": "PHL", "philippines": "PHL", "hong kong": "HKG",
    "vatican": "VAT", "mainland china": "CHN", "peoples republic of china": "CHN",
    "people's republic of china": "CHN", "china": "CHN", "uae": "ARE", "u.a.e.": "ARE",
    "emirates": "ARE", "macedonia": "MKD", "moldova": "MDA", "brunei": "BRN",
    "trinidad-tobago": "TTO", "trinidad": "TTO", "south yemen": "YMD", "north yemen": "YEM",
    "palestine": "PSE",
}  # fmt: skip

_DEMONYM_OVERRIDES: dict[str, str] = {
    "american": "USA", "americans": "USA", "u.s.": "USA",
    "soviet": "SUN", "soviets": "SUN",
    "west german": "DEU", "west germans": "DEU", "german": "DEU", "germans": "DEU",
    "east german": "DDR", "east germans": "DDR",
    "british": "GBR", "briton": "GBR", "britons": "GBR", "english": "GBR",
    "dutch": "NLD", "filipino": "PHL", "filipinos": "PHL", "philippine": "PHL",
    "argentine": "ARG", "argentinian": "ARG", "argentines": "ARG",
    "saudi": "SAU", "saudis": "SAU", "emirati": "ARE", "kuwaiti": "KWT", "iraqi": "IRQ",
    "israeli": "ISR", "pakistani": "PAK", "bangladeshi": "BGD", "sri lankan": "LKA",
    "thai": "THA", "korean": "KOR", "koreans": "KOR", "south korean": "KOR",
    "north korean": "PRK", "chinese": "CHN", "japanese": "JPN", "swiss": "CHE",
    "greek": "GRC", "czech": "CSK", "czechoslovak": "CSK", "yugoslav": "YUG",
    "rumanian": "ROU", "romanian": "ROU", "ecuadorean": "ECU", "ecuadorian": "ECU",
    "salvadorean": "SLV", "salvadoran": "SLV", "vietnamese": "VNM", "lebanese": "LBN",
    "sudanese": "SDN", "portuguese": "PRT", "taiwanese": "TWN", "burmese": "MMR",
    "new zealand": "NZL", "kiwi": "NZL", "irish": "IRL", "welsh": "GBR", "scottish": "GBR",
    "indian": "IND", "indians": "IND", "palestinian": "PSE", "palestinians": "PSE",
    "nepalese": "NPL", "senegalese": "SEN", "congolese": "COD", "zairean": "COD",
    "russian": "RUS", "russians": "RUS", "iranian": "IRN", "syrian": "SYR",
    "venezuelan": "VEN", "bolivian": "BOL", "tanzanian": "TZA", "ivorian": "CIV",
    "omani": "OMN", "qatari": "QAT", "bahraini": "BHR", "yemeni": "YEM",
    "colombian": "COL", "peruvian": "PER", "chilean": "CHL", "mexican": "MEX",
    "brazilian": "BRA", "canadian": "CAN", "australian": "AUS", "french": "FRA",
    "italian": "ITA", "spanish": "ESP", "belgian": "BEL", "austrian": "AUT",
    "swedish": "SWE", "norwegian": "NOR", "danish": "DNK", "finnish": "FIN",
    "icelandic": "ISL", "polish": "POL", "hungarian": "HUN", "bulgarian": "BGR",
    "turkish": "TUR", "turk": "TUR", "turks": "TUR", "egyptian": "EGY", "nigerian": "NGA",
    "kenyan": "KEN", "algerian": "DZA", "libyan": "LBY", "moroccan": "MAR",
    "tunisian": "TUN", "jordanian": "JOR", "cypriot": "CYP", "maltese": "MLT",
    "luxembourg": "LUX", "indonesian": "IDN", "malaysian": "MYS", "singaporean": "SGP",
    "singapore": "SGP", "cuban": "CUB", "jamaican": "JAM", "nicaraguan": "NIC",
    "panamanian": "PAN", "uruguayan": "URY", "paraguayan": "PRY", "ghanaian": "GHA",
    "zambian": "ZMB", "zimbabwean": "ZWE", "ugandan": "UGA", "ethiopian": "ETH",
    "south african": "ZAF", "afghan": "AFG", "hong kong": "HKG",
}  # fmt: skip

_CAPITAL_OVERRIDES: dict[str, str] = {
    "washington": "USA", "washington, dc": "USA", "washington, d.c.": "USA",
    "washington dc": "USA", "washington d.c.": "USA", "bonn": "DEU", "peking": "CHN",
    "lagos": "NGA", "the hague": "NLD",
    "delhi": "IND", "new delhi": "IND", "berne": "CHE", "rangoon": "MMR", "moscow": "RUS",
    "brasilia": "BRA", "bogota": "COL", "tokyo": "JPN", "london": "GBR", "paris": "FRA",
    "canberra": "AUS", "ottawa": "CAN", "riyadh": "SAU", "tehran": "IRN", "teheran": "IRN",
    "baghdad": "IRQ", "jakarta": "IDN", "manila": "PHL", "seoul": "KOR", "beijing": "CHN",
    "rome": "ITA", "madrid": "ESP", "brussels": "BEL", "kuwait": "KWT", "ankara": "TUR",
    "cairo": "EGY", "mexico city": "MEX", "buenos aires": "ARG", "caracas": "VEN",
}  # fmt: skip

# Country names that are also everyday words or given names: only trusted with a GPE label.
_AMBIGUOUS_NAMES = frozenset({"jordan", "chad", "georgia", "guinea", "turkey", "niger", "china"})

# Two- and three-letter codes from the data files that would match ordinary upper-case text.
_CODE_LIKE_MAX_LEN = 3


@dataclass(frozen=True)
class CountryLexicon:
    """Lookup tables from lower-cased surface forms to alpha-3 codes."""

    names: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, str]
    canonical: dict[str, str]


@functools.lru_cache(maxsize=65536)
def normalize_key(text: str) -> str:
    """Lower-case, accent-free, whitespace-collapsed lookup key."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(ascii_text.replace("\u2019", "'").lower().split())


@functools.cache
def lexicon() -> CountryLexicon:
    """Build the country tables once per process."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(normalize_key(value), code)
    for info in all_countries():
        data = info.info()
        code = (data.get("ISO") or {}).get("alpha3")
        if not code:
            continue
        name = data.get("name")
        if name and code not in canonical:
            canonical[code] = name
            names.setdefault(normalize_key(name), code)
        for alt in data.get("altSpellings") or []:
            key = normalize_key(alt)
            if len(key) > _CODE_LIKE_MAX_LEN and key.isascii():
                names.setdefault(key, code)
        demonym = data.get("demonym")
        if demonym:
            key = normalize_key(demonym)
            demonyms.setdefault(key, code)
            if not key.endswith(("s", "sh", "ch", "ese")):
                demonyms.setdefault(key + "s", code)
        capital = data.get("capital")
        for city in capital if isinstance(capital, list) else [capital] if capital else []:
            capitals.setdefault(normalize_key(city), code)
    names.update(_NAME_OVERRIDES)
    demonyms.update(_DEMONYM_OVERRIDES)
    capitals.update(_CAPITAL_OVERRIDES)
    for historic in pycountry.historic_countries:
        if historic.alpha_3 in {"SUN", "DDR", "CSK", "YUG", "YMD"}:
            canonical.setdefault(historic.alpha_3, historic.name)
    canonical.update(
        {
            "SUN": "Soviet Union",
            "DDR": "East Germany",
            "CSK": "Czechoslovakia",
            "YUG": "Yugoslavia",
            "DEU": "Germany",
            "USA": "United States",
            "GBR": "United Kingdom",
        }
    )
    return CountryLexicon(names=names, demonyms=demonyms, capitals=capitals, canonical=canonical)


def _historical(code: str, on: dt.date | None) -> str:
    """Map a modern code to the state that existed on the article date."""
    if on is not None and code == "RUS" and on < SOVIET_END:
        return "SUN"
    return code


def country_by_name(text: str, on: dt.date | None = None) -> str | None:
    """ISO3 of a country name ("U.S.", "West Germany", "Britain"), else None."""
    key = normalize_key(text)
    if key.startswith("the "):
        key = key[4:]
    code = lexicon().names.get(key)
    return _historical(code, on) if code else None


def country_by_demonym(text: str, on: dt.date | None = None) -> str | None:
    """ISO3 of a demonym ("Japanese", "Soviet", "West German"), else None."""
    key = normalize_key(text)
    code = lexicon().demonyms.get(key)
    return _historical(code, on) if code else None


def country_by_capital(text: str, on: dt.date | None = None) -> str | None:
    """ISO3 of the country whose capital this is ("Washington" -> USA), else None."""
    key = normalize_key(text)
    code = lexicon().capitals.get(key)
    if code == "DEU" and key == "berlin" and on is not None and on < GERMAN_UNITY:
        return None  # divided city then; West Germany was governed from Bonn
    return _historical(code, on) if code else None


def is_ambiguous_name(text: str) -> bool:
    """True for country names that are also common words or given names."""
    return normalize_key(text) in _AMBIGUOUS_NAMES


def canonical_country_name(code: str) -> str:
    """Display name of a country code ("SUN" -> "Soviet Union")."""
    known = lexicon().canonical.get(code)
    if known:
        return known
    country = pycountry.countries.get(alpha_3=code)
    return country.name if country else code
