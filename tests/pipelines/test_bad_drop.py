"""A drop full of junk, with an odd name, goes through the whole graph: every bad input is a
rejected_inputs row, every good one an article, and the run succeeds."""

from __future__ import annotations

from pathlib import Path

import duckdb
from dagster import DagsterInstance, materialize

from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.partitions import drops_partitions
from assets.publish import warehouse_tables
from assets.resources import ParleyPaths
from parley.ingest.parse import ingest_drop
from tests.ingest.test_bad_inputs import make_bad_drop


def test_bad_drop_publishes_its_good_articles_and_its_rejections(tmp_path: Path) -> None:
    drops = tmp_path / "drops"
    drop = make_bad_drop(drops)
    expected = ingest_drop(drop, drop.name)
    paths = ParleyPaths(drops_dir=str(drops), warehouse_path=str(tmp_path / "parley.duckdb"))
    resources = {"paths": paths}
    per_drop = [staged_articles, staged_entity_mentions, staged_event_mentions]
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, [drop.name])
        assert materialize(
            per_drop, instance=instance, partition_key=drop.name, resources=resources
        )
        assert materialize([warehouse_tables], instance=instance, resources=resources)
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        rejected = set(con.execute("SELECT source_ref, reason FROM rejected_inputs").fetchall())
        articles = {r for (r,) in con.execute("SELECT source_ref FROM articles").fetchall()}
        drop_ids = {d for (d,) in con.execute("SELECT DISTINCT drop_id FROM articles").fetchall()}
    assert rejected == {(r.source_ref, r.reason) for r in expected.rejected}
    assert articles == {a.source_ref for a in expected.articles}
    assert drop_ids == {drop.name}
