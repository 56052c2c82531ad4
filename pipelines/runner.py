"""Headless runs for ``parley run``: the same jobs the sensor launches, recorded in the instance."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from dagster import (
    DagsterInstance,
    DagsterRunStatus,
    ExecuteInProcessResult,
    JobDefinition,
    RunsFilter,
)

from assets.partitions import drops_partitions
from assets.resources import ParleyPaths
from parley.atomic import process_alive
from parley.ingest.drops import list_drops
from parley.progress import NoProgress, Progress, showing
from pipelines.definitions import build_definitions
from pipelines.drop_status import drops_needing_work, publish_needed
from pipelines.jobs import process_drop_job, publish_job

TRIGGER_TAG = "parley/trigger"
PID_TAG = "parley/pid"
# The CLI prints its own summary and, on failure, one line naming the run; the full logs and
# tracebacks are in the instance, on the run's page in `parley ui`.
RUN_CONFIG = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
PUBLISH_STEP = "publish"
_SUMMARY_SQL = """
SELECT (SELECT count(*) FROM articles),
       (SELECT count(*) FROM rejected_inputs),
       (SELECT count(*) FROM event_mentions),
       (SELECT count(*) FROM meetings)
"""


@dataclass
class RunSummary:
    """What a headless run did."""

    warehouse: Path
    n_drops: int
    processed: list[str] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)
    published: bool = False
    counts: tuple[int, int, int, int] | None = None

    def describe(self) -> str:
        """A short human summary."""
        failed_drops = [name for name in self.failures if name != PUBLISH_STEP]
        unchanged = self.n_drops - len(self.processed) - len(failed_drops)
        lines = [
            f"drops: {self.n_drops} found, {len(self.processed)} processed, "
            f"{len(failed_drops)} failed, {unchanged} unchanged",
            f"warehouse: {self.warehouse} ({'published' if self.published else 'unchanged'})",
        ]
        if self.counts is not None:
            articles, rejected, mentions, meetings = self.counts
            lines.append(
                f"articles: {articles}, rejected inputs: {rejected}, "
                f"event mentions: {mentions}, meetings: {meetings}"
            )
        return "\n".join(lines)

    def failure_line(self) -> str:
        """One line naming what failed and the first error."""
        name, message = next(iter(self.failures.items()))
        return f"{len(self.failures)} step(s) failed; {name}: {message}"


def run_pipeline(drops_root: Path, warehouse: Path, progress: Progress | None = None) -> RunSummary:
    """Register every drop as a partition, process the new or changed ones, then publish.

    ``progress`` shows each drop, its stages and the publish while they run; without it the
    stages write their progress into each run's log only.
    """
    with showing(progress) if progress is not None else contextlib.nullcontext():
        return _run_jobs(drops_root, warehouse, progress or NoProgress())


def _run_jobs(drops_root: Path, warehouse: Path, progress: Progress) -> RunSummary:
    """The runs of ``run_pipeline``: one per drop that needs work, then the publish run."""
    paths = ParleyPaths(drops_dir=str(drops_root), warehouse_path=str(warehouse))
    defs = build_definitions(paths)
    instance = DagsterInstance.get()
    fail_orphaned_runs(instance)
    run_tags = {TRIGGER_TAG: "cli", PID_TAG: str(os.getpid())}
    drops = list_drops(drops_root)
    known = set(instance.get_dynamic_partitions(drops_partitions.name))
    new_ids = [drop.drop_id for drop in drops if drop.drop_id not in known]
    if new_ids:
        instance.add_dynamic_partitions(drops_partitions.name, new_ids)
    summary = RunSummary(warehouse=warehouse, n_drops=len(drops))
    drop_job = defs.resolve_job_def(process_drop_job.name)
    to_process = drops_needing_work(instance, paths.staging, drops)
    for number, drop in enumerate(to_process, start=1):
        label = f"drop {drop.drop_id!r} ({number} of {len(to_process)})"
        result = _execute_as_stage(progress, label, drop_job, instance, run_tags, drop.drop_id)
        if result.success:
            summary.processed.append(drop.drop_id)
        else:
            summary.failures[f"drop {drop.drop_id!r}"] = _first_error(result)
    if summary.processed or publish_needed(paths.staging, warehouse):
        publish = defs.resolve_job_def(publish_job.name)
        result = _execute_as_stage(progress, "publish the warehouse", publish, instance, run_tags)
        if not result.success:
            summary.failures[PUBLISH_STEP] = _first_error(result)
            return summary
        summary.published = True
    summary.counts = _warehouse_counts(warehouse)
    return summary


class _RunFailed(Exception):
    """Ends a progress stage as failed: the run it shows did not succeed."""


def _execute_as_stage(
    progress: Progress,
    label: str,
    job: JobDefinition,
    instance: DagsterInstance,
    tags: dict[str, str],
    partition_key: str | None = None,
) -> ExecuteInProcessResult:
    """Execute ``job`` in this process, shown as the stage ``label``; failed if the run is."""
    with contextlib.suppress(_RunFailed), progress.stage(label, None):
        result = job.execute_in_process(
            instance=instance,
            partition_key=partition_key,
            run_config=RUN_CONFIG,
            tags=tags,
            raise_on_error=False,
        )
        if not result.success:
            raise _RunFailed
    return result


def fail_orphaned_runs(instance: DagsterInstance) -> list[str]:
    """Mark as failed the CLI runs whose process died mid-run (``kill -9``), so the UI shows
    them as failed rather than forever in progress. Returns their run ids."""
    orphaned = []
    started = instance.get_runs(
        filters=RunsFilter(statuses=[DagsterRunStatus.STARTED], tags={TRIGGER_TAG: "cli"})
    )
    for run in started:
        pid = run.tags.get(PID_TAG, "")
        if pid.isdigit() and not process_alive(int(pid)):
            instance.report_run_failed(run, message=f"the parley run process {pid} died")
            orphaned.append(run.run_id)
    return orphaned


def _first_error(result: ExecuteInProcessResult) -> str:
    """The message of the first failed step, on one line, with the run to look at."""
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        # Dagster wraps the asset's exception; the innermost cause is what the user needs.
        while error is not None and error.cause is not None:
            error = error.cause
        if error is not None:
            return f"{' '.join(error.message.split())} (run {result.run_id})"
    return f"run {result.run_id} failed"


def _warehouse_counts(warehouse: Path) -> tuple[int, int, int, int] | None:
    """Row counts for the summary, read without taking a write lock."""
    if not warehouse.exists():
        return None
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(_SUMMARY_SQL).fetchall()[0]
