"""Country names, demonyms and capitals to ISO 3166 alpha-3 (no model needed)."""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

import pytest

from parley.lexicon.countries import (
    LANDMARKS_FILE,
    canonical_country_name,
    country_by_capital,
    country_by_demonym,
    country_by_name,
    landmark_city,
    place_country,
)

Y1987 = dt.date(1987, 4, 7)
Y2025 = dt.date(2025, 7, 2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("U.K.", "GBR"),
        ("Holland", "NLD"),
        ("West Germany", "DEU"),
        ("East Germany", "DDR"),
        ("Soviet Union", "SUN"),
        ("USSR", "SUN"),
        ("Turkey", "TUR"),
        ("Ivory Coast", "CIV"),
        ("South Korea", "KOR"),
        ("Trinidad and Tobago", "TTO"),
        ("India", "IND"),
        ("Côte d'Ivoire", "CIV"),
    ],
)
def test_country_names(text: str, code: str) -> None:
    assert country_by_name(text, Y1987) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Indian", "IND"),
        ("Australian", "AUS"),
        ("Soviet", "SUN"),
        ("Soviets", "SUN"),
        ("West German", "DEU"),
        ("Japanese", "JPN"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Dutch", "NLD"),
        ("Swiss", "CHE"),
        ("Philippine", "PHL"),
        ("Brazilian", "BRA"),
        ("Nigerians", "NGA"),
    ],
)
def test_demonyms(text: str, code: str) -> None:
    assert country_by_demonym(text, Y1987) == code


@pytest.mark.parametrize(("text", "code"), [("ROK", "KOR"), ("DPRK", "PRK"), ("PRC", "CHN")])
def test_official_short_names_of_modern_readouts(text: str, code: str) -> None:
    # "ROK National Security Advisor Cho Tae-yong" (30 readouts use "ROK").
    assert country_by_name(text, Y2025) == code


def test_russia_means_the_soviet_union_before_1992() -> None:
    assert country_by_demonym("Russian", Y1987) == "SUN"
    assert country_by_name("Russia", Y1987) == "SUN"
    assert country_by_name("Russia", Y2025) == "RUS"
    assert country_by_capital("Moscow", Y1987) == "SUN"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Washington", "USA"),
        ("Washington, DC", "USA"),
        ("Tokyo", "JPN"),
        ("Bonn", "DEU"),
        ("Peking", "CHN"),
        ("New Delhi", "IND"),
        ("Canberra", "AUS"),
    ],
)
def test_capitals(text: str, code: str) -> None:
    assert country_by_capital(text, Y1987) == code


def test_not_countries() -> None:
    assert country_by_name("Europe", Y1987) is None
    assert country_by_demonym("Republican", Y1987) is None
    assert country_by_demonym("Arab", Y1987) is None
    assert country_by_name("IN", Y1987) is None  # ISO alpha-2 codes are not names


def test_canonical_names() -> None:
    assert canonical_country_name("USA") == "United States"
    assert canonical_country_name("SUN") == "Soviet Union"
    assert canonical_country_name("DEU") == "Germany"
    assert canonical_country_name("IND") == "India"


def test_a_landmark_is_its_city_and_country() -> None:
    assert landmark_city("the Pentagon") == "Washington"
    assert landmark_city("White House") == "Washington"
    assert landmark_city("Geneva") is None
    assert place_country("the Pentagon") == "USA"
    assert place_country("the Kremlin") == "RUS"


def test_every_landmark_city_has_a_country() -> None:
    text = resources.files("parley.data").joinpath(LANDMARKS_FILE).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert rows and all(row["source"] for row in rows)
    missing = [row["surface"] for row in rows if place_country(row["surface"]) is None]
    assert missing == []
