"""A drop's NLP passes in worker processes, inside a Dagster run, stage what one process does."""

from __future__ import annotations

from pathlib import Path

import pytest
from dagster import DagsterInstance, materialize

import assets.entities
import assets.mentions
from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.partitions import drops_partitions
from assets.resources import ParleyPaths
from warehouse import staging

REUTERS_DEV = Path(__file__).parents[1] / "data" / "reuters_dev" / "drop" / "articles.jsonl"
TABLES = (
    staging.ENTITY_MENTIONS,
    staging.ROLE_OBSERVATIONS,
    staging.EVENT_MENTIONS,
    staging.ANNOUNCEMENTS,
    staging.ANNOUNCEMENT_PARTICIPANTS,
)


def _staged(tmp_path: Path, name: str) -> dict[str, object]:
    drops = tmp_path / name / "drops"
    (drops / "dev").mkdir(parents=True)
    (drops / "dev" / "articles.jsonl").write_bytes(REUTERS_DEV.read_bytes())
    paths = ParleyPaths(drops_dir=str(drops), warehouse_path=str(tmp_path / name / "p.duckdb"))
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, ["dev"])
        result = materialize(
            [staged_articles, staged_entity_mentions, staged_event_mentions],
            instance=instance,
            partition_key="dev",
            resources={"paths": paths},
        )
        assert result.success
    return {table.name: paths.staging.read("dev", table) for table in TABLES}


def test_two_workers_in_a_dagster_run_stage_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _staged(tmp_path, "one")
    # The 58-article drop is far below the size that gets workers: force two.
    for module in (assets.entities, assets.mentions):
        monkeypatch.setattr(module, "nlp_processes", lambda _n_articles: 2)
    two = _staged(tmp_path, "two")
    assert two == one
    assert one[staging.EVENT_MENTIONS.name]
    assert one[staging.ANNOUNCEMENTS.name]
