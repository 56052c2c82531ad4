"""The curated people file: well-formed rows and offices valid on the right dates."""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

import pycountry
import pytest

from parley.lexicon.people import people_index, person_id
from parley.names import slugify

SEED_PEOPLE = {
    "S Jaishankar": ("IND", "External Affairs Minister", dt.date(2025, 7, 2)),
    "Marco Rubio": ("USA", "Secretary of State", dt.date(2025, 7, 2)),
    "Pete Hegseth": ("USA", "Secretary of Defence", dt.date(2025, 7, 2)),
    "Penny Wong": ("AUS", "Foreign Minister", dt.date(2025, 7, 2)),
    "Jake Sullivan": ("USA", "National Security Advisor", dt.date(2024, 10, 31)),
    "Ajit Doval": ("IND", "National Security Advisor", dt.date(2024, 10, 31)),
}
REUTERS_1987 = [
    "James Baker", "Kiichi Miyazawa", "Gerhard Stoltenberg", "Karl Otto Poehl", "George Shultz",
    "Eduard Shevardnadze", "Yasuhiro Nakasone", "Margaret Thatcher", "Nigel Lawson",
    "Dilson Funaro", "Jose Sarney", "Paul Volcker", "Edouard Balladur", "Michael Wilson",
    "Jacques de Larosiere", "Michel Camdessus", "Barber Conable", "Clayton Yeutter",
    "Mikhail Gorbachev", "Ronald Reagan", "Satoshi Sumita", "Giovanni Goria",
]  # fmt: skip
HISTORIC_CODES = {"SUN", "DDR", "CSK", "YUG"}


def _rows() -> list[dict[str, str]]:
    text = resources.files("parley.data").joinpath("people.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_rows_are_well_formed() -> None:
    for row in _rows():
        start = dt.date.fromisoformat(row["start"])
        if row["end"]:
            assert dt.date.fromisoformat(row["end"]) >= start, row
        for column in ("country_iso3", "office_iso3"):
            code = row[column]
            if code:
                assert code in HISTORIC_CODES or pycountry.countries.get(alpha_3=code), row
        assert row["office"] and row["source"], row


@pytest.mark.parametrize("name", sorted(SEED_PEOPLE))
def test_seed_people_hold_their_office(name: str) -> None:
    country, role, day = SEED_PEOPLE[name]
    person = people_index().people[person_id(name)]
    office = person.office_on(day)
    assert person.country_iso3 == country
    assert office is not None and office.role == role and office.office_iso3 == country


@pytest.mark.parametrize("name", REUTERS_1987)
def test_1987_figures_in_office(name: str) -> None:
    person = people_index().people[person_id(name)]
    assert person.office_on(dt.date(1987, 4, 7)) is not None


def test_office_depends_on_the_date() -> None:
    baker = people_index().people["person:james-baker"]
    assert baker.office_on(dt.date(1987, 4, 7)).role == "Treasury Secretary"
    assert baker.office_on(dt.date(1990, 1, 1)).role == "Secretary of State"
    camdessus = people_index().people["person:michel-camdessus"]
    assert camdessus.office_on(dt.date(1987, 4, 7)).office_iso3 is None  # IMF


def test_aliases_and_slugs() -> None:
    index = people_index()
    assert [p.canonical_name for p in index.find_alias("S. Jaishankar")] == ["S Jaishankar"]
    assert [p.canonical_name for p in index.find_alias("Karl-Otto Poehl")] == ["Karl Otto Poehl"]
    assert slugify("Édouard Balladur") == "edouard-balladur"
    assert person_id("Karl Otto Poehl") == "person:karl-otto-poehl"
