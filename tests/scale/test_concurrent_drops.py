"""Two drops processed by two concurrent runs in two processes, then one publish.

This is the multi-machine shape of deploy/README.md on one machine: each run worker writes
only its own drop's Parquet files, both record their runs in one shared Dagster instance, and
the single-writer publish step builds the warehouse from every drop's files. Nothing a
worker wrote may be lost, and the runs must really have overlapped in time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterEventType, DagsterInstance, RunsFilter

from assets.partitions import drops_partitions
from parley.settings import REPO_ROOT
from pipelines.cli import INSTANCE_YAML
from pipelines.jobs import process_drop_job, publish_job
from tests.scale.wires import DROPS, write_drops
from warehouse.staging import ARTICLES, EVENT_MENTIONS, StagingArea

# Import, model loads and two tiny drops take ~10-20 s per worker on an idle 2-core machine;
# the limit only stops a hung worker (it is ~5x that, for a machine shared with other jobs).
WORKER_TIMEOUT_S = 240


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A drops root with two drops, a warehouse path and a fresh shared DAGSTER_HOME."""
    drops_root = tmp_path / "drops"
    write_drops(drops_root, DROPS)
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(INSTANCE_YAML)
    settings = {
        "DAGSTER_HOME": str(home),
        "PARLEY_DROPS_DIR": str(drops_root),
        "PARLEY_WAREHOUSE": str(tmp_path / "wh" / "parley.duckdb"),
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    return settings


def test_two_concurrent_runs_lose_nothing(environment: dict[str, str], tmp_path: Path) -> None:
    warehouse = Path(environment["PARLEY_WAREHOUSE"])
    with DagsterInstance.get() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, sorted(DROPS))
    start = tmp_path / "start"
    env = {**os.environ, **environment}
    workers = {
        drop_id: subprocess.Popen(
            [sys.executable, "-m", "tests.scale.drop_worker", drop_id, str(start)],
            cwd=REPO_ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for drop_id in DROPS
    }
    try:
        # Both workers are importing now; they start their runs together on this signal.
        start.touch()
        deadline = time.monotonic() + WORKER_TIMEOUT_S
        for drop_id, worker in workers.items():
            _, stderr = worker.communicate(timeout=max(1.0, deadline - time.monotonic()))
            assert worker.returncode == 0, (drop_id, stderr[-2000:])
    finally:
        for worker in workers.values():
            if worker.poll() is None:
                worker.kill()
                worker.wait()

    staging = StagingArea.for_warehouse(warehouse)
    for drop_id in DROPS:
        assert len(staging.read(drop_id, ARTICLES)) == len(DROPS[drop_id])
        assert staging.table_path(drop_id, EVENT_MENTIONS).is_file()

    with DagsterInstance.get() as instance:
        runs = instance.get_run_records(RunsFilter(job_name=process_drop_job.name))
        assert sorted(r.dagster_run.tags["dagster/partition"] for r in runs) == sorted(DROPS)
        assert all(r.dagster_run.is_success for r in runs)
        intervals = [_step_interval(instance, r.dagster_run.run_id) for r in runs]
    # The two runs' steps overlapped in time: they really ran at once.
    assert max(start for start, _ in intervals) < min(end for _, end in intervals)

    # The single publish, as `parley run`: both drops are done, so it runs no NLP work.
    command = [sys.executable, "-m", "pipelines.cli", "run"]
    publish = subprocess.run(
        command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=WORKER_TIMEOUT_S
    )
    assert publish.returncode == 0, publish.stderr[-2000:]
    with DagsterInstance.get() as instance:
        drop_runs = instance.get_run_records(RunsFilter(job_name=process_drop_job.name))
        publish_runs = instance.get_run_records(RunsFilter(job_name=publish_job.name))
    assert len(drop_runs) == len(DROPS)
    assert [r.dagster_run.is_success for r in publish_runs] == [True]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        landed = con.execute(
            "SELECT drop_id, list(source_ref ORDER BY source_ref) FROM articles GROUP BY drop_id"
        ).fetchall()
        mention_drops = con.execute(
            "SELECT DISTINCT a.drop_id FROM event_mentions AS e JOIN articles AS a USING "
            "(article_id) ORDER BY 1"
        ).fetchall()
    assert dict(landed) == {d: [r["id"] for r in records] for d, records in DROPS.items()}
    assert mention_drops == [(drop_id,) for drop_id in sorted(DROPS)]


def _step_interval(instance: DagsterInstance, run_id: str) -> tuple[float, float]:
    """The time from a run's first step start to its last step success."""
    events = instance.all_logs(
        run_id, of_type={DagsterEventType.STEP_START, DagsterEventType.STEP_SUCCESS}
    )
    stamps = [event.timestamp for event in events]
    return min(stamps), max(stamps)
