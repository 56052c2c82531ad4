"""The Dagster definitions of parley: what `dagster dev -w workspace.yaml` and `parley` load."""

from dagster import Definitions, in_process_executor

from assets.checks import warehouse_checks
from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.publish import warehouse_tables
from assets.reports import (
    check_warehouse_job,
    daily_warehouse_checks,
    report_pictures,
    reports_automation_sensor,
)
from assets.resources import ParleyPaths
from pipelines.jobs import process_drop_job, publish_job
from pipelines.sensors import drop_sensor, publish_automation_sensor


def build_definitions(paths: ParleyPaths) -> Definitions:
    """The definitions over the given drops root and warehouse file."""
    return Definitions(
        assets=[
            staged_articles,
            staged_entity_mentions,
            staged_event_mentions,
            warehouse_tables,
            report_pictures,
        ],
        asset_checks=[warehouse_checks],
        jobs=[process_drop_job, publish_job, check_warehouse_job],
        sensors=[drop_sensor, publish_automation_sensor, reports_automation_sensor],
        schedules=[daily_warehouse_checks],
        resources={"paths": paths},
        # In-process: a fresh process per step costs ~3 s plus a spaCy model load each time.
        # Parallelism comes from separate runs for separate drops, not from steps of one run.
        executor=in_process_executor,
    )


# What `dagster dev` and the UI load: paths from PARLEY_DROPS_DIR / PARLEY_WAREHOUSE.
defs = build_definitions(ParleyPaths.from_environment())
