"""Whose office a title is in a government's own release (White House readouts, public
domain: the unlabelled ones the sentences come from are named by date)."""

from __future__ import annotations

import datetime as dt

from parley.records import ArticleEntities
from tests.entities.conftest import Extract

WHITE_HOUSE = "The White House"


def _country(result: ArticleEntities, name: str) -> str | None:
    (country,) = {m.country_iso3 for m in result.mentions if m.canonical_name == name}
    return country


def test_the_release_s_own_unprefixed_titles_are_its_government_s(extract: Extract) -> None:
    result = extract(
        "Senior Advisor Jane Roe met with state legislative leaders today.",
        dt.date(2022, 9, 20),
        outlet=WHITE_HOUSE,
    )
    assert _country(result, "Jane Roe") == "USA"


def test_an_unknown_head_of_state_is_someone_else_s(extract: Extract) -> None:
    # 2023-09-20: "met with President Gustavo Petro and Foreign Minister Alvaro Leyva of
    # Colombia"; the White House's own presidents are in the curated file.
    result = extract(
        "Jon Finer met with President Gustavo Petro and Foreign Minister Alvaro Leyva of "
        "Colombia during the United Nations General Assembly meetings in New York.",
        dt.date(2023, 9, 20),
        outlet=WHITE_HOUSE,
    )
    assert _country(result, "Gustavo Petro") != "USA"


def test_a_leader_elect_is_a_person_of_their_own_country(extract: Extract) -> None:
    # 2024-10-20 and 2022-06-21: "President-elect Prabowo Subianto of Indonesia" was a
    # building; "President-elect Gustavo Petro" was taken for a misspelt Mexican minister of
    # 1987 and, with the release's government, for an American.
    prabowo = extract(
        "President Joseph R. Biden, Jr. spoke today with President-elect Prabowo Subianto of "
        "Indonesia to congratulate him on his election victory.",
        dt.date(2024, 10, 20),
        outlet=WHITE_HOUSE,
    )
    assert _country(prabowo, "Prabowo Subianto") == "IDN"
    petro = extract(
        "President Joseph R. Biden, Jr. spoke with President-elect Gustavo Petro today to "
        "congratulate him.",
        dt.date(2022, 6, 21),
        outlet=WHITE_HOUSE,
    )
    assert _country(petro, "Gustavo Petro") is None


def test_a_name_with_no_break_spaces_is_one_person(extract: Extract) -> None:
    # 2023-07-11: "President Gitanas\xa0Nausėda\xa0of Lithuania"; the tokenizer made each
    # no-break space a token and the name two entities.
    result = extract(
        "President Joe Biden met with President Gitanas\xa0Nausėda\xa0of Lithuania in Vilnius.",
        dt.date(2023, 7, 11),
        outlet=WHITE_HOUSE,
    )
    assert _country(result, "Gitanas Nausėda") == "LTU"
