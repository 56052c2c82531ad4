"""Entity fields take their most frequent value, ties to the smallest: publishing the same
staged files always gives the same names and countries, whatever order the rows come in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from parley.records import Article, EntityMention
from tests.staged import stage_and_publish

ARTICLE = Article("art-1", "a1", "d", dt.date(1987, 4, 7), None, None, None, "x" * 80, "h")
# One entity, five mentions: "James Baker" and "Baker" twice each (a tie), PERSON three
# times, USA twice and no country three times (a missing country is no vote).
MENTIONS = [
    EntityMention("art-1", "person:baker", "James Baker", "PERSON", None, "Baker", "PERSON", 0, 5),
    EntityMention("art-1", "person:baker", "Jim Baker", "PERSON", "USA", "Jim", "PERSON", 10, 13),
    EntityMention("art-1", "person:baker", "Baker", "PERSON", "USA", "Baker", "PERSON", 20, 25),
    EntityMention("art-1", "person:baker", "Baker", "ORG", None, "Baker", "ORG", 30, 35),
    EntityMention("art-1", "person:baker", "James Baker", "ORG", None, "B", "ORG", 40, 41),
]


def _publish(warehouse: Path, mentions: list[EntityMention]) -> list[tuple[object, ...]]:
    stage_and_publish(warehouse, "d", [ARTICLE], mentions)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("SELECT * FROM entities ORDER BY entity_id").fetchall()


@pytest.mark.parametrize("order", [1, -1], ids=["as staged", "reversed"])
def test_entity_fields_are_the_most_frequent_value_ties_to_the_smallest(
    tmp_path: Path, order: int
) -> None:
    rows = _publish(tmp_path / "w.duckdb", MENTIONS[::order])
    # Names: "James Baker" 2, "Baker" 2 -> tie -> "Baker"; type PERSON 3 of 5; country USA.
    assert rows == [("person:baker", "Baker", "PERSON", "USA", 5, 1)]
