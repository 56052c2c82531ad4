"""Whose office a title is in a government's own release (White House readouts, public
domain: the unlabelled ones the sentences come from are named by date)."""

from __future__ import annotations

import datetime as dt

from parley.records import ArticleEntities
from tests.entities.conftest import Extract

WHITE_HOUSE = "The White House"
# 2023-09-20: two titled names of one other government, its country said once after both.
PETRO_AND_LEYVA = (
    "Jon Finer met with President Gustavo Petro and Foreign Minister Alvaro Leyva of Colombia "
    "during the United Nations General Assembly meetings in New York."
)


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
    # The White House's own presidents are in the curated file.
    result = extract(
        PETRO_AND_LEYVA,
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


def test_coordinated_titled_names_share_the_last_one_s_country(extract: Extract) -> None:
    # The "of Colombia" after the second name is the first one's too.
    result = extract(
        PETRO_AND_LEYVA,
        dt.date(2023, 9, 20),
        outlet=WHITE_HOUSE,
    )
    assert _country(result, "Gustavo Petro") == "COL"
    assert _country(result, "Alvaro Leyva") == "COL"
    alone = extract(
        "Senior Advisor Jane Roe and Governor John Doe of Puerto Rico met with advocates.",
        dt.date(2022, 9, 20),
        outlet=WHITE_HOUSE,
    )
    assert _country(alone, "Jane Roe") == "USA"  # her own title's country comes first


def test_a_portfolio_after_a_title_is_part_of_it(extract: Extract) -> None:
    # 2024-10-25: "Director of National Security Shin Wonsik of the Republic of Korea (ROK)"
    result = extract(
        "National Security Advisor Jake Sullivan met with Director of National Security Shin "
        "Wonsik of the Republic of Korea (ROK) on October 24, 2024, in Washington, D.C.",
        dt.date(2024, 10, 25),
        outlet=WHITE_HOUSE,
    )
    assert ("person:shin-wonsik", "Director of National Security", "KOR") in {
        (r.entity_id, r.role, r.country_iso3) for r in result.roles
    }


def test_a_foreign_head_of_government_is_not_the_release_s(extract: Extract) -> None:
    # 2022-02-28 and 2022-09-08 readouts of calls with allies: "Prime Minister Truss" first,
    # "Prime Minister Truss of the United Kingdom" in the list of who joined the call.
    result = extract(
        "President Biden also conveyed to Prime Minister Truss that he was following reports "
        "about Queen Elizabeth's health.\n\nJoining President Biden on the call were Prime "
        "Minister Trudeau of Canada and Prime Minister Truss of the United Kingdom.",
        dt.date(2022, 9, 8),
        outlet=WHITE_HOUSE,
    )
    assert _country(result, "Truss") == "GBR"
    unstated = extract(
        "President Biden spoke with Prime Minister Kishida today.",
        dt.date(2022, 1, 21),
        outlet=WHITE_HOUSE,
    )
    assert _country(unstated, "Kishida") is None


def test_a_royal_title_is_never_the_release_s_own_office(extract: Extract) -> None:
    # 2023-07-27; the readouts also gave USA to Crown Princes Hussein and Mohamed bin Zayed.
    result = extract(
        "National Security Advisor Jake Sullivan traveled to Jeddah on July 27, 2023 to meet "
        "with Prime Minister and Crown Prince Mohammed bin Salman.",
        dt.date(2023, 7, 27),
        outlet=WHITE_HOUSE,
    )
    assert _country(result, "Jake Sullivan") == "USA"
    assert _country(result, "Mohammed bin Salman") != "USA"
