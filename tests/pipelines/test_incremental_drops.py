"""The same articles in two drops, run one after the other, give the same meetings as one drop,
and every meeting id published after the first drop survives or is redirected."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from dagster import DagsterInstance, materialize

from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.partitions import drops_partitions
from assets.publish import warehouse_tables
from assets.resources import ParleyPaths

REUTERS_DEV = Path(__file__).parents[1] / "data" / "reuters_dev" / "drop" / "articles.jsonl"
PER_DROP = [staged_articles, staged_entity_mentions, staged_event_mentions]


def _write_drop(folder: Path, records: list[dict[str, object]]) -> None:
    folder.mkdir(parents=True)
    lines = (json.dumps(record) for record in records)
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n")


def _process(instance: DagsterInstance, paths: ParleyPaths, drop_ids: list[str]) -> None:
    resources = {"paths": paths}
    instance.add_dynamic_partitions(drops_partitions.name, drop_ids)
    for drop_id in drop_ids:
        assert materialize(PER_DROP, instance=instance, partition_key=drop_id, resources=resources)
    assert materialize([warehouse_tables], instance=instance, resources=resources)


def _clusters(warehouse: Path) -> set[frozenset[str]]:
    """Meetings as sets of mention ids: comparable across warehouses whatever the ids."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT list(mention_id) FROM meeting_sources GROUP BY meeting_id"
        ).fetchall()
    return {frozenset(mentions) for (mentions,) in rows}


def _ids(warehouse: Path) -> tuple[set[str], dict[str, str]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        ids = {m for (m,) in con.execute("SELECT meeting_id FROM meetings").fetchall()}
        redirects = dict(
            con.execute("SELECT old_meeting_id, meeting_id FROM meeting_id_redirects").fetchall()
        )
    return ids, redirects


def test_two_drops_in_turn_equal_one_drop_and_keep_ids(tmp_path: Path) -> None:
    records = [json.loads(line) for line in REUTERS_DEV.read_text().splitlines() if line.strip()]
    records.sort(key=lambda r: (r["date"], r["id"]))
    half = len(records) // 2

    whole = ParleyPaths(
        drops_dir=str(tmp_path / "whole"), warehouse_path=str(tmp_path / "whole.duckdb")
    )
    _write_drop(tmp_path / "whole" / "all", records)
    split = ParleyPaths(
        drops_dir=str(tmp_path / "split"), warehouse_path=str(tmp_path / "split.duckdb")
    )
    _write_drop(tmp_path / "split" / "first", records[:half])
    _write_drop(tmp_path / "split" / "second", records[half:])

    with DagsterInstance.ephemeral() as instance:
        _process(instance, whole, ["all"])
        _process(instance, split, ["first"])
        ids_after_first, _ = _ids(split.warehouse)
        _process(instance, split, ["second"])

    assert _clusters(split.warehouse) == _clusters(whole.warehouse)
    ids_after_second, redirects = _ids(split.warehouse)
    for meeting_id in ids_after_first:
        assert meeting_id in ids_after_second or redirects.get(meeting_id) in ids_after_second
