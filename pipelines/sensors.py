"""Sensors: register new drop folders and launch their runs; publish when drops change."""

import json
from pathlib import Path

from dagster import (
    AutomationConditionSensorDefinition,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    sensor,
)

from assets.partitions import drops_partitions
from assets.publish import WAREHOUSE_SPECS
from assets.resources import ParleyPaths
from parley.ingest.drops import list_drops
from pipelines.drop_status import drops_needing_work
from pipelines.jobs import process_drop_job


@sensor(
    target=process_drop_job,
    minimum_interval_seconds=30,
    default_status=DefaultSensorStatus.RUNNING,
    description="Registers each new folder under the drops root as a partition and processes it.",
)
def drop_sensor(context: SensorEvaluationContext, paths: ParleyPaths) -> SensorResult:
    """Add new drop folders as partitions and request a run for every new or changed drop."""
    drops = list_drops(Path(paths.drops_dir))
    known = set(context.instance.get_dynamic_partitions(drops_partitions.name))
    new_ids = [drop.drop_id for drop in drops if drop.drop_id not in known]
    # The cursor remembers the content seen per drop, so an unchanged drop costs no instance
    # query on later ticks.
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    changed = [drop for drop in drops if seen.get(drop.drop_id) != drop.fingerprint]
    run_requests = [
        RunRequest(partition_key=drop.drop_id, run_key=f"{drop.drop_id}:{drop.fingerprint}")
        for drop in drops_needing_work(context.instance, paths.staging, changed)
    ]
    return SensorResult(
        run_requests=run_requests,
        dynamic_partitions_requests=[drops_partitions.build_add_request(new_ids)]
        if new_ids
        else [],
        cursor=json.dumps({drop.drop_id: drop.fingerprint for drop in drops}, sort_keys=True),
    )


# Declarative automation is evaluated by a sensor that starts stopped on a fresh instance;
# this one starts running so the warehouse publishes after each drop without a click.
publish_automation_sensor = AutomationConditionSensorDefinition(
    "publish_automation",
    target=[spec.key for spec in WAREHOUSE_SPECS],
    default_status=DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Publishes the warehouse once drops have been processed.",
)
