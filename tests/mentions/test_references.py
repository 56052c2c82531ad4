"""The one reference resolver: titles, counterparts, surnames and pronouns, on short texts."""

from __future__ import annotations

import datetime as dt

from parley.entities import extract_entities
from parley.mentions.references import References
from tests.entities.conftest import make_article


def _span(body: str, phrase: str) -> tuple[int, int]:
    start = body.index(phrase)
    return start, start + len(phrase)


def _references(body: str, day: dt.date = dt.date(1987, 4, 7)) -> References:
    article = make_article(body, day)
    return References(extract_entities([article]).by_article[article.article_id])


def test_definite_title_is_the_nearest_holder_before() -> None:
    body = (
        "U.S. Treasury Secretary James Baker met Japanese Finance Minister Kiichi Miyazawa. "
        "Later the Japanese finance minister said he was satisfied."
    )
    start, _ = _span(body, "minister said")
    found = _references(body).person_with_title("minister", start, set())
    assert found is not None and found.entity_id == "person:kiichi-miyazawa"


def test_bare_title_skips_a_holder_of_another_title() -> None:
    body = (
        "Treasury Secretary James Baker met Finance Minister Kiichi Miyazawa. "
        "Secretary Baker and the minister said the yen was too strong."
    )
    start, _ = _span(body, "minister said")
    found = _references(body).person_with_title("secretary", start, set())
    assert found is not None and found.entity_id == "person:james-baker"


def test_counterpart_of_a_named_country() -> None:
    body = (
        "National Security Advisor Jake Sullivan and Indian National Security Advisor Ajit "
        "Doval spoke. Sullivan thanked his Indian counterpart for the call."
    )
    references = _references(body, dt.date(2024, 10, 31))
    found = references.counterpart(*_span(body, "his Indian counterpart"), "person:jake-sullivan")
    assert found is not None and found.entity_id == "person:ajit-doval"


def test_counterpart_without_a_country_is_of_another_country_than_the_other_side() -> None:
    body = (
        "Treasury Secretary James Baker met Finance Minister Kiichi Miyazawa. "
        "Baker told his counterpart that the dollar would hold."
    )
    references = _references(body)
    found = references.counterpart(*_span(body, "his counterpart"), "person:james-baker")
    assert found is not None and found.entity_id == "person:kiichi-miyazawa"


def test_counterpart_phrase_with_a_title_head_is_left_to_the_title_rule() -> None:
    body = (
        "Treasury Secretary James Baker met Finance Minister Kiichi Miyazawa. "
        "Baker told his counterpart minister that the dollar would hold."
    )
    span = _span(body, "his counterpart minister")
    assert _references(body).counterpart(*span, "person:james-baker") is None


def test_a_surname_is_the_articles_full_name() -> None:
    body = "Treasury Secretary James Baker met Kiichi Miyazawa. Baker said the talks went well."
    references = _references(body)
    surname = next(m for m in references.mentions if m.mention_text == "Baker")
    assert references.canonical(surname).canonical_name == "James Baker"


def test_the_two_are_the_last_two_people_named() -> None:
    body = "Treasury Secretary James Baker met Kiichi Miyazawa. The two agreed on the yen."
    references = _references(body)
    pair = references.previous_people(body.index("The two"), 2)
    assert [m.canonical_name for m in pair] == ["James Baker", "Kiichi Miyazawa"]
