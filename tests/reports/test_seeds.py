"""On the demo drop, end to end: the report views have rows, the checks pass, pictures appear."""

from __future__ import annotations

import duckdb
from dagster import DagsterInstance, materialize

from assets.checks import warehouse_checks
from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.partitions import drops_partitions
from assets.publish import warehouse_tables
from assets.reports import report_pictures, reports_dir
from assets.resources import ParleyPaths
from warehouse.views import REPORT_VIEWS


def test_seeds_give_report_rows_passing_checks_and_pictures(paths: ParleyPaths) -> None:
    resources = {"paths": paths}
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, ["seeds"])
        per_drop = [staged_articles, staged_entity_mentions, staged_event_mentions]
        assert materialize(
            per_drop, instance=instance, partition_key="seeds", resources=resources
        ).success
        result = materialize(
            [warehouse_tables, warehouse_checks, report_pictures],
            instance=instance,
            resources=resources,
        )
    assert result.success
    failed = [
        (e.asset_key.to_user_string(), e.check_name)
        for e in result.get_asset_check_evaluations()
        if not e.passed
    ]
    assert failed == []
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        counts = {
            v: con.execute(f"SELECT count(*) FROM {v}").fetchall()[0][0] for v in REPORT_VIEWS
        }
        pairs = con.execute(
            "SELECT person_a, person_b FROM report_person_network ORDER BY ALL"
        ).fetchall()
        india_usa = con.execute(
            "SELECT sum(n_meetings) FROM report_country_pair_month "
            "WHERE country_a = 'IND' AND country_b = 'USA'"
        ).fetchall()[0][0]
    assert sum(1 for n in counts.values() if n > 0) >= 3, counts
    assert ("Marco Rubio", "S Jaishankar") in pairs
    assert ("Penny Wong", "S Jaishankar") in pairs
    assert india_usa >= 2
    pictures = sorted(p.name for p in reports_dir(paths.warehouse).glob("*.png"))
    assert pictures == ["meeting_timeline.png", "who_met_whom.png"]
