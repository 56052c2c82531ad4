"""Names right after a title, which the small model misses or cuts in two (readout sentences
of the development set, shared/eval/modern_readouts_dev and tests/data/meetings dev)."""

from __future__ import annotations

import datetime as dt

from parley.records import ArticleEntities
from tests.entities.conftest import Extract

Y2024 = dt.date(2024, 1, 29)


def _people(result: ArticleEntities) -> set[tuple[str, str | None]]:
    people = (m for m in result.mentions if m.entity_type == "PERSON")
    return {(m.canonical_name, m.country_iso3) for m in people}


def test_a_name_after_a_title_is_a_person(extract: Extract) -> None:
    result = extract(
        "National Security Advisor Jake Sullivan met today with NATO Secretary General Jens "
        "Stoltenberg.",
        Y2024,
    )
    assert ("Jens Stoltenberg", None) in _people(result)


def test_a_regnal_number_stays_with_the_name(extract: Extract) -> None:
    result = extract(
        "President Joseph R. Biden, Jr. spoke today with His Majesty King Abdullah II of Jordan.",
        dt.date(2023, 12, 7),
    )
    assert ("Abdullah II", "JOR") in _people(result)


def test_an_initial_does_not_cut_a_name(extract: Extract) -> None:
    # The model tags "Joseph R." and "Biden" apart; one name, the curated Joe Biden.
    result = extract(
        "President Joseph R. Biden Jr. spoke today with President Ivan Duque of Colombia.",
        dt.date(2021, 6, 28),
    )
    assert {("Joe Biden", "USA"), ("Ivan Duque", "COL")} <= _people(result)


def test_a_title_before_a_place_or_a_month_names_no_one(extract: Extract) -> None:
    result = extract(
        "The President Monday said the talks went well. The Prime Minister of Japan agreed.",
        Y2024,
    )
    assert _people(result) == set()
