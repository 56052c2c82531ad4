"""The four meetings the built-in seeds must yield (shared/CONTRACT.md section 4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.entities import extract_entities
from parley.ingest.parse import ingest_drop
from parley.mentions import extract_event_mentions

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_mentions() -> list[
    tuple[
        str, dt.date | None, str | None, str | None, frozenset[str], frozenset[str], tuple[str, ...]
    ]
]:
    articles = ingest_drop(SEEDS, "seeds").articles
    batch = extract_entities(articles)
    found = extract_event_mentions(list(batch.by_article.values()))
    events, participants = found.events, found.participants
    names = {m.entity_id: m for m in batch.mentions}
    rows = []
    for e in events:
        parties = [names[p.entity_id] for p in participants if p.mention_id == e.mention_id]
        rows.append(
            (
                e.kind,
                e.event_date,
                e.date_precision,
                e.location,
                frozenset(p.canonical_name for p in parties),
                frozenset(p.country_iso3 for p in parties if p.country_iso3),
                e.topics,
            )
        )
    return rows


def _with(rows, *names):  # type: ignore[no-untyped-def]
    return [r for r in rows if set(names) <= r[4]]


def test_sullivan_doval_phone_call(seed_mentions) -> None:  # type: ignore[no-untyped-def]
    rows = _with(seed_mentions, "Jake Sullivan", "Ajit Doval")
    assert rows and all(r[0] == "phone_call" for r in rows)
    assert all(r[1] == dt.date(2024, 10, 30) and r[3] is None for r in rows)
    assert {"USA", "IND"} == rows[0][5]
    topics = {t for r in rows for t in r[6]}
    assert {"security", "defence", "technology", "energy", "supply_chains"} <= topics


def test_jaishankar_rubio_meeting(seed_mentions) -> None:  # type: ignore[no-untyped-def]
    rows = _with(seed_mentions, "S Jaishankar", "Marco Rubio")
    dated = [r for r in rows if r[2] == "day"]
    assert dated and all(r[1] == dt.date(2025, 7, 1) and r[0] == "meeting" for r in dated)
    assert any(r[3] and r[3].startswith("Washington") for r in rows)
    assert {"trade", "security", "technology", "energy"} <= set(rows[0][6])


@pytest.mark.parametrize(
    ("other", "country", "place"),
    [("Pete Hegseth", "USA", "Washington"), ("Penny Wong", "AUS", "Washington")],
)
def test_jaishankar_other_meetings(seed_mentions, other: str, country: str, place: str) -> None:  # type: ignore[no-untyped-def]
    rows = _with(seed_mentions, "S Jaishankar", other)
    assert len(rows) == 1
    kind, date, _, location, _, countries, _ = rows[0]
    assert kind == "meeting" and date is not None and (date.year, date.month) == (2025, 7)
    assert location == place
    assert countries == {"IND", country}


def test_nothing_else(seed_mentions) -> None:  # type: ignore[no-untyped-def]
    pairs = {frozenset(r[4]) for r in seed_mentions}
    assert pairs == {
        frozenset({"Jake Sullivan", "Ajit Doval"}),
        frozenset({"S Jaishankar", "Marco Rubio"}),
        frozenset({"S Jaishankar", "Pete Hegseth"}),
        frozenset({"S Jaishankar", "Penny Wong"}),
        # The Quad Foreign Ministers' Meeting, a group meeting (CONTRACT.md section 4).
        frozenset({"Quad"}),
    }
