"""Countries, demonyms, capitals and meeting places -> ISO 3166 alpha-3.

The bulk comes from the packages: pycountry (ISO codes, official and common names, historic
countries) and countryinfo (alternative spellings, demonyms, capitals). ``parley/data/
places.csv`` holds only what news needs and neither package knows, or gets wrong for news
text, each row with its source: "U.S.", "Britain", "Soviet", "West German" (``DEU``),
states that no longer exist (USSR ``SUN``, East Germany ``DDR``, ``CSK``, ``YUG``), old
capitals ("Bonn", "Peking"), cities where meetings happen that are no capital ("Geneva",
"Camp David"), and country names that are also ordinary words ("Turkey", "Jordan"). Before
1991-12-26 "Russia"/"Russian"/"Moscow" mean the Soviet Union.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources

import pycountry
from countryinfo import all_countries

from parley.names import fold

SOVIET_END = dt.date(1991, 12, 26)
GERMAN_UNITY = dt.date(1990, 10, 3)
PLACES_FILE = "places.csv"
# Buildings news names as a meeting's place ("at the Pentagon"), with the city they stand in.
LANDMARKS_FILE = "landmarks.csv"
PLACE_KINDS = ("name", "demonym", "capital", "city", "ambiguous")

# Two- and three-letter codes from the data files that would match ordinary upper-case text.
_CODE_LIKE_MAX_LEN = 3
_HISTORIC_STATES = ("SUN", "DDR", "CSK", "YUG", "YMD")
# Display names news readers expect, over the packages' official ones.
_DISPLAY_NAMES = {
    "SUN": "Soviet Union",
    "DDR": "East Germany",
    "CSK": "Czechoslovakia",
    "YUG": "Yugoslavia",
    "DEU": "Germany",
    "USA": "United States",
    "GBR": "United Kingdom",
}


@dataclass(frozen=True)
class CountryLexicon:
    """Lookup tables from folded surface forms to alpha-3 codes."""

    names: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, str]
    cities: dict[str, str]
    ambiguous: frozenset[str]
    canonical: dict[str, str]


@functools.cache
def lexicon() -> CountryLexicon:
    """Build the country tables once per process: the packages first, then places.csv."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(fold(value), country.alpha_3)
    for info in all_countries():
        _add_countryinfo(info.info(), names, demonyms, capitals, canonical)
    rows = _places_rows()
    tables = {"name": names, "demonym": demonyms, "capital": capitals}
    cities: dict[str, str] = {}
    for row in rows:
        if row["kind"] in tables:
            tables[row["kind"]][row["surface"]] = row["iso3"]
        elif row["kind"] == "city":
            cities[row["surface"]] = row["iso3"]
    for historic in pycountry.historic_countries:
        if historic.alpha_3 in _HISTORIC_STATES:
            canonical.setdefault(historic.alpha_3, historic.name)
    canonical.update(_DISPLAY_NAMES)
    ambiguous = frozenset(row["surface"] for row in rows if row["kind"] == "ambiguous")
    return CountryLexicon(names, demonyms, capitals, cities, ambiguous, canonical)


def _add_countryinfo(
    data: dict[str, object],
    names: dict[str, str],
    demonyms: dict[str, str],
    capitals: dict[str, str],
    canonical: dict[str, str],
) -> None:
    """Add one countryinfo record's name, spellings, demonym and capital."""
    code = (data.get("ISO") or {}).get("alpha3")  # type: ignore[union-attr]
    if not code:
        return
    name = data.get("name")
    if isinstance(name, str) and name and code not in canonical:
        canonical[code] = name
        names.setdefault(fold(name), code)
    for alt in data.get("altSpellings") or []:  # type: ignore[union-attr]
        key = fold(alt)
        if len(key) > _CODE_LIKE_MAX_LEN and key.isascii():
            names.setdefault(key, code)
    demonym = data.get("demonym")
    if isinstance(demonym, str) and demonym:
        key = fold(demonym)
        demonyms.setdefault(key, code)
        if not key.endswith(("s", "sh", "ch", "ese")):
            demonyms.setdefault(key + "s", code)
    capital = data.get("capital")
    for city in capital if isinstance(capital, list) else [capital] if capital else []:
        capitals.setdefault(fold(city), code)


def _places_rows() -> list[dict[str, str]]:
    """The rows of places.csv, surfaces folded, kinds checked."""
    text = resources.files("parley.data").joinpath(PLACES_FILE).read_text(encoding="utf-8")
    rows = []
    for row in csv.DictReader(text.splitlines()):
        if row["kind"] not in PLACE_KINDS:
            raise ValueError(f"{PLACES_FILE}: unknown kind {row['kind']!r} for {row['surface']!r}")
        rows.append({**row, "surface": fold(row["surface"])})
    return rows


def _historical(code: str, on: dt.date | None) -> str:
    """Map a modern code to the state that existed on the article date."""
    if on is not None and code == "RUS" and on < SOVIET_END:
        return "SUN"
    return code


def country_by_name(text: str, on: dt.date | None = None) -> str | None:
    """ISO3 of a country name ("U.S.", "West Germany", "Britain"), else None."""
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    code = lexicon().names.get(key)
    return _historical(code, on) if code else None


def country_by_demonym(text: str, on: dt.date | None = None) -> str | None:
    """ISO3 of a demonym ("Japanese", "Soviet", "West German"), else None."""
    code = lexicon().demonyms.get(fold(text))
    return _historical(code, on) if code else None


def country_by_capital(text: str, on: dt.date | None = None) -> str | None:
    """ISO3 of the country whose capital this is ("Washington" -> USA), else None."""
    key = fold(text)
    code = lexicon().capitals.get(key)
    if code == "DEU" and key == "berlin" and on is not None and on < GERMAN_UNITY:
        return None  # divided city then; West Germany was governed from Bonn
    return _historical(code, on) if code else None


def place_country(name: str | None) -> str | None:
    """ISO3 of the country of a meeting place: a capital or a known city ("Washington, DC",
    "Geneva", "the Pentagon"), else None."""
    if not name:
        return None
    key = _place_key(landmark_city(name) or name)
    table = lexicon()
    return table.cities.get(key) or table.capitals.get(key)


def landmark_city(name: str) -> str | None:
    """The city of a building news gives as a meeting place ("the Pentagon" -> Washington),
    else None: the labelled location of a meeting is a city."""
    return _landmarks().get(_place_key(name))


def _place_key(name: str) -> str:
    key = fold(name.split(",")[0])
    return key.removeprefix("the ") if key != "the hague" else key


@functools.cache
def _landmarks() -> dict[str, str]:
    text = resources.files("parley.data").joinpath(LANDMARKS_FILE).read_text(encoding="utf-8")
    return {fold(row["surface"]): row["city"] for row in csv.DictReader(text.splitlines())}


def is_ambiguous_name(text: str) -> bool:
    """True for country names that are also common words or given names."""
    return fold(text) in lexicon().ambiguous


def canonical_country_name(code: str) -> str:
    """Display name of a country code ("SUN" -> "Soviet Union")."""
    known = lexicon().canonical.get(code)
    if known:
        return known
    country = pycountry.countries.get(alpha_3=code)
    return country.name if country else code
