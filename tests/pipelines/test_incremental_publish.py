"""Drops published one by one give, after every publish, the tables a full rebuild from every
staged drop gives: row for row, in every published table.

The drops are real extractions (every other one of the Reuters articles of the meetings
evaluation, dealt into five drops in turn), plus the cases an increment must follow: a later
copy of a published article (the published copy stays), a new article with a published
article's body dated earlier (the published one becomes its duplicate), drops whose meetings
merge published ones, and a report that pairs with one report of a published meeting.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from parley.entities import extract_entities
from parley.ingest.parse import article_id_for, content_hash, ingest_drop
from parley.mentions import extract_event_mentions
from parley.records import (
    Article,
    EntityMention,
    EventMention,
    EventParticipant,
    RoleObservation,
    group_entities,
)
from warehouse import staging
from warehouse.publish import FULL, INCREMENTAL, PUBLISHED_TABLES, publish_warehouse
from warehouse.staging import StagingArea

ARTICLES = Path(__file__).parents[1] / "data" / "meetings" / "reuters" / "articles.jsonl"
N_DROPS = 5
START = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
# Reports of a Kuroda-Smith meeting, by drop: two days apart in the first two drops (two
# meetings), until a report of the day between arrives in the third (one meeting: a merge and
# a redirect); the fourth drop's report dated only by its month joins it. The fifth drop's
# report of another meeting early in July can pair with that month-dated report only: its
# publish must take in the whole June meeting. The second report also gives Kuroda a title.
PARTIES = (("person:makoto-kuroda", "Makoto Kuroda"), ("person:michael-smith", "Michael Smith"))
BRIDGE: dict[int, list[tuple[str, str, str, str]]] = {
    1: [("bridge-x", "1987-06-03", "1987-06-01", "day")],
    2: [("bridge-y", "1987-06-04", "1987-06-03", "day")],
    3: [("bridge-z", "1987-06-05", "1987-06-02", "day")],
    4: [("bridge-m", "1987-06-08", "1987-06-01", "month")],
    5: [("bridge-late", "1987-07-06", "1987-07-03", "day")],
}


@dataclass(frozen=True)
class StagedDrop:
    """One drop's staged records, as the per-drop assets write them."""

    drop_id: str
    tables: dict[str, list[object]]

    def write(self, area: StagingArea, stamp: dt.datetime) -> None:
        for table in staging.STAGED_TABLES:
            area.write(self.drop_id, table, self.tables[table.name], stamp=stamp)


def _drop_records() -> list[list[dict[str, object]]]:
    """The articles in drops by date, with a re-sent copy and an earlier-dated twin body."""
    records = [json.loads(line) for line in ARTICLES.read_text().splitlines() if line.strip()]
    # Every other one, for time: 222 articles, 59 of them with event mentions.
    records = sorted(records, key=lambda r: (r["date"], r["id"]))[::2]
    # In turn, so that the reports of one meeting land in different drops.
    drops = [records[n::N_DROPS] for n in range(N_DROPS)]
    # The same article sent again later (same id): the published copy is kept.
    drops[3].append(dict(drops[0][5]))
    # Another wire's copy of a published body, dated a day before it: the published article
    # becomes the duplicate of the new one.
    twin = drops[1][3]
    earlier = (dt.date.fromisoformat(str(twin["date"])) - dt.timedelta(days=1)).isoformat()
    drops[4].append({**twin, "id": f"twin-{twin['id']}", "date": earlier})
    return drops


@pytest.fixture(scope="module")
def staged_drops(tmp_path_factory: pytest.TempPathFactory) -> list[StagedDrop]:
    """Each drop ingested and extracted as the per-drop assets do, once for the module."""
    root = tmp_path_factory.mktemp("drops")
    drops = []
    for n, records in enumerate(_drop_records(), start=1):
        drop_id = f"drop-{n}"
        folder = root / drop_id
        folder.mkdir()
        lines = (json.dumps(record) for record in records)
        (folder / "articles.jsonl").write_text("\n".join(lines) + "\n")
        ingested = ingest_drop(folder, drop_id)
        entities = extract_entities(ingested.articles, n_process=1)
        grouped = group_entities(ingested.articles, entities.mentions, entities.roles)
        found = extract_event_mentions(grouped, n_process=1)
        tables: dict[str, list[object]] = {
            staging.ARTICLES.name: list(ingested.articles),
            staging.REJECTED_INPUTS.name: list(ingested.rejected),
            staging.ENTITY_MENTIONS.name: list(entities.mentions),
            staging.ROLE_OBSERVATIONS.name: list(entities.roles),
            staging.EVENT_MENTIONS.name: list(found.events),
            staging.EVENT_PARTICIPANTS.name: list(found.participants),
            staging.PARTY_MENTIONS.name: list(found.described),
        }
        for report in BRIDGE.get(n, []):
            _add_bridge_report(tables, drop_id, *report)
        drops.append(StagedDrop(drop_id, tables))
    return drops


def _add_bridge_report(
    tables: dict[str, list[object]],
    drop_id: str,
    source_ref: str,
    published: str,
    held: str,
    precision: str,
) -> None:
    """A report of a Kuroda-Smith meeting held on ``held`` (its day, or only its month), as
    the extraction stages it."""
    body = f"Makoto Kuroda met Michael Smith on {held} ({source_ref})."
    sha = content_hash(body)
    article_id = article_id_for(source_ref, sha)
    day = dt.date.fromisoformat(published)
    tables[staging.ARTICLES.name].append(
        Article(article_id, source_ref, drop_id, day, None, None, "Wire", body, sha)
    )
    for entity_id, name in PARTIES:
        start = body.index(name)
        tables[staging.ENTITY_MENTIONS.name].append(
            EntityMention(
                article_id,
                entity_id,
                name,
                "PERSON",
                None,
                name,
                "PERSON",
                start,
                start + len(name),
            )
        )
    if source_ref == "bridge-y":
        tables[staging.ROLE_OBSERVATIONS.name].append(
            RoleObservation(article_id, PARTIES[0][0], "vice minister", "JPN", day)
        )
    mention_id = f"{article_id}#0"
    tables[staging.EVENT_MENTIONS.name].append(
        EventMention(
            mention_id,
            article_id,
            "meeting",
            dt.date.fromisoformat(held),
            precision,
            held,
            None,
            None,
            body,
            0,
            len(body),
            0.9,
        )
    )
    for entity_id, _ in PARTIES:
        tables[staging.EVENT_PARTICIPANTS.name].append(
            EventParticipant(mention_id, entity_id, "participant")
        )


def _tables(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every published table's rows, sorted (a table's row order is not part of it)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            table: sorted(con.execute(f"FROM main.{table}").fetchall(), key=repr)
            for table in PUBLISHED_TABLES
        }


def test_drops_published_in_turn_equal_a_rebuild_after_each(
    staged_drops: list[StagedDrop], tmp_path: Path
) -> None:
    incremental = tmp_path / "incremental" / "parley.duckdb"
    rebuilt = tmp_path / "rebuilt" / "parley.duckdb"
    areas = {path: StagingArea.for_warehouse(path) for path in (incremental, rebuilt)}
    modes = []
    for step, drop in enumerate(staged_drops):
        now = START + dt.timedelta(hours=step)
        for area in areas.values():
            drop.write(area, now)
        modes.append(publish_warehouse(areas[incremental], incremental, now).mode)
        assert publish_warehouse(areas[rebuilt], rebuilt, now, rebuild=True).mode == FULL
        got, expected = _tables(incremental), _tables(rebuilt)
        for table in PUBLISHED_TABLES:
            assert got[table] == expected[table], (drop.drop_id, table)
    assert modes == [FULL] + [INCREMENTAL] * (len(staged_drops) - 1)
    # The cases above happened: meetings merged across drops, and the twin took over a body.
    with duckdb.connect(str(incremental), read_only=True) as con:
        (n_redirects,) = con.execute("SELECT count(*) FROM meeting_id_redirects").fetchone()
        (twin_first,) = con.execute(
            "SELECT count(*) FROM articles AS a JOIN articles AS t "
            "ON a.duplicate_of = t.article_id WHERE t.source_ref LIKE 'twin-%'"
        ).fetchone()
    assert n_redirects > 0
    assert twin_first > 0
