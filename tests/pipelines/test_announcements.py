"""Announcements through Dagster: staged per drop, linked at publish to the meeting a later
drop reports, marked cancelled by a later drop's news, and the same whatever the drops."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
from dagster import DagsterInstance, materialize

from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.partitions import drops_partitions
from assets.publish import warehouse_tables
from assets.resources import ParleyPaths

DATA = Path(__file__).parents[1] / "data" / "announcements"
PER_DROP = [staged_articles, staged_entity_mentions, staged_event_mentions]
COLUMNS = (
    "announcement_id, source_ref, kind, expected_date, date_precision, stated_status, status, "
    "meeting_id, cancelled_by"
)


def _paths(root: Path, drops: dict[str, list[str]]) -> ParleyPaths:
    """A drops root with one folder per drop, holding the named files of ``DATA``."""
    for drop_id, files in drops.items():
        (root / "drops" / drop_id).mkdir(parents=True)
        for name in files:
            shutil.copyfile(DATA / name, root / "drops" / drop_id / name)
    return ParleyPaths(drops_dir=str(root / "drops"), warehouse_path=str(root / "p.duckdb"))


def _process(instance: DagsterInstance, paths: ParleyPaths, drop_ids: list[str]) -> None:
    resources = {"paths": paths}
    instance.add_dynamic_partitions(drops_partitions.name, drop_ids)
    for drop_id in drop_ids:
        assert materialize(PER_DROP, instance=instance, partition_key=drop_id, resources=resources)
    assert materialize([warehouse_tables], instance=instance, resources=resources)


def _announcements(paths: ParleyPaths) -> list[tuple[object, ...]]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return con.execute(
            f"SELECT {COLUMNS} FROM meeting_announcements JOIN articles USING (article_id) "
            "ORDER BY announcement_id"
        ).fetchall()


def _parties(paths: ParleyPaths, announcement_id: str) -> set[str]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT entity_id FROM announcement_participants WHERE announcement_id = ?",
            [announcement_id],
        ).fetchall()
    return {entity_id for (entity_id,) in rows}


def _meeting_parties(paths: ParleyPaths, meeting_id: object) -> set[str]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT entity_id FROM meeting_participants WHERE meeting_id = ?", [meeting_id]
        ).fetchall()
    return {entity_id for (entity_id,) in rows}


def test_an_announcement_is_held_once_a_later_drop_reports_the_meeting(tmp_path: Path) -> None:
    paths = _paths(
        tmp_path, {"1-announced": ["held_announced.jsonl"], "2-held": ["held_reported.jsonl"]}
    )
    with DagsterInstance.ephemeral() as instance:
        _process(instance, paths, ["1-announced"])
        before = [r for r in _announcements(paths) if r[1] == "reuters-13657" and r[2] == "meeting"]
        _process(instance, paths, ["2-held"])
        after = {r[0]: r for r in _announcements(paths)}

    # Drop 1: Baker "is expected to see" Miyazawa, Stoltenberg and Lawson; nothing held yet.
    (seen,) = [r for r in before if "person:kiichi-miyazawa" in _parties(paths, r[0])]
    assert seen[6] == "announced" and seen[7] is None
    assert {"person:james-baker", "person:gerhard-stoltenberg"} <= _parties(paths, seen[0])
    # Drop 2 reports Miyazawa meeting Baker: the same announcement, now held, with its meeting.
    linked = after[seen[0]]
    assert linked[:6] == seen[:6]
    assert linked[6] == "held"
    assert {"person:james-baker", "person:kiichi-miyazawa"} <= _meeting_parties(paths, linked[7])
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        (kept,) = con.execute(
            "SELECT count(*) FROM meetings JOIN meeting_sources USING (meeting_id) "
            "JOIN articles USING (article_id) WHERE source_ref = 'reuters-13657' "
            "AND meeting_id = ?",
            [linked[7]],
        ).fetchone()
    assert kept == 0, "an announcement never merges into the meeting it announced"


def test_a_later_drop_that_calls_it_off_marks_it_cancelled(tmp_path: Path) -> None:
    paths = _paths(
        tmp_path, {"1-announced": ["cancel_announced.jsonl"], "2-off": ["cancel_reported.jsonl"]}
    )
    with DagsterInstance.ephemeral() as instance:
        _process(instance, paths, ["1-announced"])
        (before,) = _announcements(paths)
        _process(instance, paths, ["2-off"])
        rows = {r[1]: r for r in _announcements(paths)}

    # "Kuranari was widely expected to fly to Washington tomorrow": a visit on March 12.
    assert before[1:7] == ("reuters-3532", "visit", before[3], "day", "announced", "announced")
    assert str(before[3]) == "1987-03-12"
    assert "person:tadashi-kuranari" in _parties(paths, before[0])
    # "... has cancelled a trip tomorrow to the U.S.": its own row, and the first one's fate.
    off = rows["reuters-3567"]
    assert off[5:] == ("cancelled", "cancelled", None, off[0])
    assert rows["reuters-3532"][6:] == ("cancelled", None, off[0])


def test_two_drops_in_turn_give_the_rows_of_one_drop(tmp_path: Path) -> None:
    files = [
        "held_announced.jsonl",
        "held_reported.jsonl",
        "cancel_announced.jsonl",
        "cancel_reported.jsonl",
    ]
    split = _paths(tmp_path / "split", {"a": files[:1] + files[2:3], "b": files[1:2] + files[3:]})
    whole = _paths(tmp_path / "whole", {"all": files})
    with DagsterInstance.ephemeral() as instance:
        _process(instance, split, ["a"])
        _process(instance, split, ["b"])
        _process(instance, whole, ["all"])
    rows = _announcements(whole)
    assert rows and _announcements(split) == rows
    assert {r[6] for r in rows} >= {"held", "cancelled"}
