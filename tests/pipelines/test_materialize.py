"""materialize() of the whole graph on an ephemeral instance into a temporary warehouse."""

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
from tests.conftest import CONTRACT_COLUMNS

PER_DROP = [staged_articles, staged_entity_mentions, staged_event_mentions]


def _materialize_drop(instance: DagsterInstance, paths: ParleyPaths, drop_id: str) -> None:
    resources = {"paths": paths}
    result = materialize(PER_DROP, instance=instance, partition_key=drop_id, resources=resources)
    assert result.success
    result = materialize([warehouse_tables], instance=instance, resources=resources)
    assert result.success


def _tables(warehouse: Path) -> dict[str, set[str]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'main'"
        ).fetchall()
    tables: dict[str, set[str]] = {}
    for table, column in rows:
        tables.setdefault(table, set()).add(column)
    return tables


def test_whole_graph_publishes_every_contract_table(paths: ParleyPaths) -> None:
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, ["seeds"])
        _materialize_drop(instance, paths, "seeds")
    tables = _tables(paths.warehouse)
    for table, columns in CONTRACT_COLUMNS.items():
        assert columns <= tables[table], (table, columns - tables[table])
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(2,)]
        outlets = con.execute("SELECT outlet FROM articles ORDER BY source_ref").fetchall()
        assert outlets == [(None,), ("ANI",)]
        comment = con.execute(
            "SELECT comment FROM duckdb_tables() WHERE table_name = 'meetings'"
        ).fetchall()[0][0]
        assert "deduplicated" in comment


def test_rematerializing_a_drop_replaces_its_rows(paths: ParleyPaths, drops_root: Path) -> None:
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, ["seeds", "copy"])
        _materialize_drop(instance, paths, "seeds")
        _materialize_drop(instance, paths, "seeds")
        # The same files dropped again in another drop are the same articles, not new rows.
        (drops_root / "copy").mkdir()
        for source in (drops_root / "seeds").iterdir():
            (drops_root / "copy" / source.name).write_bytes(source.read_bytes())
        _materialize_drop(instance, paths, "copy")
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*), min(drop_id) FROM articles").fetchall() == [
            (2, "seeds")
        ]
        n_mentions = con.execute("SELECT count(*) FROM entity_mentions").fetchall()[0][0]
        n_distinct = con.execute(
            "SELECT count(*) FROM (SELECT DISTINCT * FROM entity_mentions)"
        ).fetchall()[0][0]
        assert n_mentions == n_distinct
