"""The report assets and warehouse checks through Dagster, over a tiny published warehouse."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
from dagster import (
    AssetKey,
    AssetsDefinition,
    AssetSelection,
    AssetSpec,
    DagsterInstance,
    Definitions,
    ExecuteInProcessResult,
    MaterializeResult,
    evaluate_automation_conditions,
    materialize,
    multi_asset,
)

from assets.checks import warehouse_checks
from assets.reports import MEETING_TIMELINE, WHO_MET_WHOM, report_pictures, reports_dir
from assets.resources import ParleyPaths
from pipelines.definitions import build_definitions, defs
from warehouse.publish import PUBLISHED_TABLES

# A publish run: the warehouse tables and, riding along, their checks; not the reports.
PUBLISH_ONLY = AssetSelection.assets(*[AssetKey(t) for t in PUBLISHED_TABLES])
DATA_URI_PREFIX = "(data:image/png;base64,iVBORw0KGgo"  # base64 of the PNG signature


def _stand_in_publish(source: Path) -> AssetsDefinition:
    """The warehouse table assets, "published" by copying a prepared file into place."""

    @multi_asset(specs=[AssetSpec(AssetKey(t)) for t in PUBLISHED_TABLES], name="publish")
    def publish(paths: ParleyPaths) -> Iterator[MaterializeResult]:
        paths.warehouse.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, paths.warehouse)
        for table in PUBLISHED_TABLES:
            yield MaterializeResult(asset_key=AssetKey(table))

    return publish


def _run(source: Path, tmp_path: Path, instance: DagsterInstance) -> ExecuteInProcessResult:
    paths = ParleyPaths(
        drops_dir=str(tmp_path / "drops"), warehouse_path=str(tmp_path / "out" / "parley.duckdb")
    )
    return materialize(
        [_stand_in_publish(source), report_pictures, warehouse_checks],
        instance=instance,
        resources={"paths": paths},
        raise_on_error=False,
    )


def _break(warehouse: Path, statement: str) -> None:
    with duckdb.connect(str(warehouse)) as con:
        con.execute(statement)


def test_reports_draw_pictures_into_files_and_metadata(
    tiny_warehouse: Path, tmp_path: Path
) -> None:
    with DagsterInstance.ephemeral() as instance:
        result = _run(tiny_warehouse, tmp_path, instance)
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) >= 30
    assert all(e.passed for e in evaluations)
    by_key = {
        m.asset_key: m.metadata for m in result.asset_materializations_for_node("report_pictures")
    }
    timeline, network = by_key[MEETING_TIMELINE], by_key[WHO_MET_WHOM]
    assert timeline["dagster/row_count"].value == 3  # three dated meetings
    assert timeline["undated_meetings"].value == 1
    assert network["dagster/row_count"].value == 3  # three pairs of people
    for metadata in (timeline, network):
        assert DATA_URI_PREFIX in metadata["picture"].value
        assert "| " in metadata["preview"].value
        assert Path(metadata["path"].value).read_bytes().startswith(b"\x89PNG")
    assert "| report_person_network | 3 |" in timeline["report_views"].value
    out = reports_dir(tmp_path / "out" / "parley.duckdb")
    assert sorted(p.name for p in out.iterdir()) == ["meeting_timeline.png", "who_met_whom.png"]


def test_a_failed_blocking_check_stops_the_reports(tiny_warehouse: Path, tmp_path: Path) -> None:
    _break(
        tiny_warehouse,
        "DELETE FROM meeting_participants WHERE meeting_id = 'mtg-3' AND entity_id = 'person:bob'",
    )
    with DagsterInstance.ephemeral() as instance:
        result = _run(tiny_warehouse, tmp_path, instance)
    assert not result.success
    failed = {
        (e.asset_key.to_user_string(), e.check_name)
        for e in result.get_asset_check_evaluations()
        if not e.passed
    }
    assert failed == {("meetings", "meeting_has_two_parties")}
    assert result.asset_materializations_for_node("report_pictures") == []
    assert not reports_dir(tmp_path / "out" / "parley.duckdb").exists()


def test_a_warning_check_lets_the_reports_through(tiny_warehouse: Path, tmp_path: Path) -> None:
    _break(tiny_warehouse, "UPDATE entities SET country_iso3 = 'us' WHERE entity_id = 'gpe:IND'")
    with DagsterInstance.ephemeral() as instance:
        result = _run(tiny_warehouse, tmp_path, instance)
    assert result.success
    failed = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert failed == ["entity_codes_valid"]
    assert len(result.asset_materializations_for_node("report_pictures")) == 2


def test_reports_automation_waits_for_passing_blocking_checks(
    tiny_warehouse: Path, tmp_path: Path
) -> None:
    with DagsterInstance.ephemeral() as instance:
        # Only the stand-in publish and its checks run, as in a publish run.
        paths = ParleyPaths(
            drops_dir=str(tmp_path / "drops"), warehouse_path=str(tmp_path / "out" / "w.duckdb")
        )
        publish = _stand_in_publish(tiny_warehouse)
        assets = [publish, report_pictures, warehouse_checks]
        graph = Definitions(
            assets=[publish, report_pictures],
            asset_checks=[warehouse_checks],
            resources={"paths": paths},
        )
        # The first evaluation only sets the cursor that "updated since" is measured from.
        cursor = evaluate_automation_conditions(defs=graph, instance=instance).cursor
        ok = materialize(
            assets, instance=instance, resources={"paths": paths}, selection=PUBLISH_ONLY
        )
        assert ok.success
        result = evaluate_automation_conditions(defs=graph, instance=instance, cursor=cursor)
        assert result.get_num_requested(MEETING_TIMELINE) == 1
        # A quiet tick, so the request above no longer counts as "just handled".
        result = evaluate_automation_conditions(defs=graph, instance=instance, cursor=result.cursor)
        assert result.get_num_requested(MEETING_TIMELINE) == 0

        _break(tiny_warehouse, "DELETE FROM meeting_participants WHERE meeting_id = 'mtg-3'")
        bad = materialize(
            assets,
            instance=instance,
            resources={"paths": paths},
            selection=PUBLISH_ONLY,
            raise_on_error=False,
        )
        assert not bad.success
        result = evaluate_automation_conditions(defs=graph, instance=instance, cursor=result.cursor)
        assert result.get_num_requested(MEETING_TIMELINE) == 0


def test_ui_shows_reports_checks_sensors_and_schedule() -> None:
    graph = defs.resolve_asset_graph()
    assert graph.get(MEETING_TIMELINE).description
    assert graph.get(WHO_MET_WHOM).automation_condition is not None
    checked_tables = {key.asset_key.to_user_string() for key in graph.asset_check_keys}
    assert checked_tables == set(PUBLISHED_TABLES)
    assert {s.name for s in defs.sensors} >= {"drop_sensor", "reports_automation"}
    assert [s.name for s in defs.schedules] == ["daily_warehouse_checks"]
    job = defs.resolve_job_def("check_warehouse")
    assert job.asset_layer.asset_graph.asset_check_keys == graph.asset_check_keys


def test_daily_check_job_checks_the_published_file_without_publishing(
    tiny_warehouse: Path,
) -> None:
    paths = ParleyPaths(drops_dir="unused", warehouse_path=str(tiny_warehouse))
    job = build_definitions(paths).resolve_job_def("check_warehouse")
    before = tiny_warehouse.stat().st_mtime_ns
    with DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(instance=instance)
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) == len(defs.resolve_asset_graph().asset_check_keys)
    assert all(e.passed for e in evaluations)
    assert result.get_asset_materialization_events() == []
    assert tiny_warehouse.stat().st_mtime_ns == before
