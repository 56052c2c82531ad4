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


def test_a_surname_may_begin_with_its_particles(extract: Extract) -> None:
    # The model tags "von der" a person and "Leyen" a place (readouts of 2022-02-28,
    # 2022-04-19, 2023-10-03); after a title the whole surname is one name.
    result = extract(
        "Joining President Biden on the call were President von der Leyen of the European "
        "Commission and President Michel of the European Council.",
        dt.date(2023, 10, 3),
    )
    people = {name for name, _ in _people(result)}
    assert "Von der Leyen" in people
    assert not any(m.canonical_name == "Leyen" for m in result.mentions)


def test_particles_alone_after_a_title_are_no_name(extract: Extract) -> None:
    result = extract("The Secretary de la the talks.", Y2024)
    assert _people(result) == set()


def test_a_lone_surname_the_model_took_for_a_place(extract: Extract) -> None:
    # "Scholz" is tagged GPE in the call lists of 2022-04-19 and 2023-10-03; no gazetteer
    # knows it as a place, and it follows a title.
    result = extract(
        "Joining President Biden on the call were President Macron of France, Chancellor "
        "Scholz of Germany, and Prime Minister Draghi of Italy.",
        dt.date(2022, 4, 19),
    )
    assert ("Scholz", "DEU") in _people(result)
