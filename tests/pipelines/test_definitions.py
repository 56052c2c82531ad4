"""The Dagster definitions load, with the jobs, sensors and assets the UI should show."""

from dagster import AssetKey, Definitions

from pipelines.definitions import defs
from warehouse.publish import PUBLISHED_TABLES


def test_definitions_load() -> None:
    Definitions.validate_loadable(defs)


def test_every_contract_table_is_an_asset_with_a_description() -> None:
    graph = defs.resolve_asset_graph()
    for table in PUBLISHED_TABLES:
        node = graph.get(AssetKey(table))
        assert node.description, table
    staged = [key for key in graph.get_all_asset_keys() if key.path[0] == "staging"]
    assert len(staged) == 3
    for key in staged:
        assert graph.get(key).partitions_def is not None


def test_sensors_and_jobs_are_defined() -> None:
    assert {s.name for s in defs.sensors} == {
        "drop_sensor",
        "publish_automation",
        "reports_automation",
    }
    assert defs.resolve_job_def("process_drop").partitions_def is not None
    assert defs.resolve_job_def("publish_warehouse")
