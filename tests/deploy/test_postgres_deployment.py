"""The many-machine deployment of deploy/, run for real on one machine against PostgreSQL.

``deploy/dagster.yaml`` and ``deploy/workspace.yaml`` are rendered for this machine, not
copied: the same Postgres storage (connection from ``DAGSTER_PG_*``), queued run coordinator,
run limits and ``warehouse_writer`` pool. Only what needs Docker or a shared mount changes:
Dagster's default run launcher starts each run as a process of the code server instead of a
container, ``/data`` is a temporary folder, the code server listens on a free local port.
The services of ``deploy/docker-compose.yaml`` then run as local processes: the code server
(the image's command) and the daemon, whose drop sensor registers three drops and requests
their runs, which the queue launches at once. Two publishes queued together while the daemon
is down must then run one after the other once it is back: the pool, one writer.

Needs a PostgreSQL role that may create databases, named by ``DAGSTER_PG_HOST``, ``_PORT``,
``_USERNAME``, ``_PASSWORD`` and ``DAGSTER_PG_DB`` (a database to connect to): the test
creates a database of its own and drops it at the end. ``.ci/run`` starts such a server;
elsewhere the test skips without one, and under ``CI=true`` it fails.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import duckdb
import psycopg2
import pytest
import yaml
from dagster import DagsterEventType, DagsterInstance, DagsterRunStatus, RunRecord, RunsFilter
from psycopg2 import sql
from psycopg2.extensions import connection

from assets.partitions import DROPS_PARTITION_NAME
from assets.publish import WAREHOUSE_SPECS, WAREHOUSE_WRITER_POOL
from parley.settings import REPO_ROOT
from pipelines.jobs import process_drop_job, publish_job
from tests.scale.wires import DROPS as TWO_DROPS
from tests.scale.wires import write_drops

DEPLOY = REPO_ROOT / "deploy"
# The shared volume of every deploy/ service and run; a temporary folder here.
DATA_MOUNT = Path("/data")
PG_SETTINGS = (
    "DAGSTER_PG_HOST",
    "DAGSTER_PG_PORT",
    "DAGSTER_PG_DB",
    "DAGSTER_PG_USERNAME",
    "DAGSTER_PG_PASSWORD",
)
# Dagster's own launcher of `dagster dev`: each run a process started by the code server.
LOCAL_RUN_LAUNCHER = {"module": "dagster._core.launcher", "class": "DefaultRunLauncher"}
WAREHOUSE_KEYS = frozenset(spec.key for spec in WAREHOUSE_SPECS)
# Three drops: the two of tests/scale and a one-wire third (written for this test).
DROPS: dict[str, list[dict[str, str]]] = {
    **TWO_DROPS,
    "south": [
        {
            "id": "south-1",
            "date": "1987-03-05",
            "dateline": "CANBERRA, March 5",
            "body": "Australian Prime Minister Bob Hawke met New Zealand Prime Minister David "
            "Lange in Canberra on Wednesday to discuss trade.\n",
        },
    ],
}
# From the daemon's start: the first sensor tick, three runs at once (~40 s on 2 cores, mostly
# imports and model loads); then two publishes one after the other (~25 s each). The limits
# only stop a hung deployment.
DROPS_TIMEOUT_S = 300
PUBLISHES_TIMEOUT_S = 300
SERVICE_START_TIMEOUT_S = 120
POLL_S = 1.0


@dataclass(frozen=True)
class Deployment:
    """The rendered instance and workspace, and the environment of every process."""

    home: Path
    workspace: Path
    logs: Path
    env: dict[str, str]
    code_server_port: int

    @property
    def warehouse(self) -> Path:
        return Path(self.env["PARLEY_WAREHOUSE"])


def _connect(settings: dict[str, str], db_name: str) -> connection:
    return psycopg2.connect(
        host=settings["DAGSTER_PG_HOST"],
        port=settings["DAGSTER_PG_PORT"],
        dbname=db_name,
        user=settings["DAGSTER_PG_USERNAME"],
        password=settings["DAGSTER_PG_PASSWORD"],
        connect_timeout=5,
    )


def _postgres_settings() -> dict[str, str]:
    """The ``DAGSTER_PG_*`` settings of a server that answers; skip without one, fail in CI."""
    settings = {name: os.environ.get(name, "") for name in PG_SETTINGS}
    missing = [name for name, value in settings.items() if not value]
    if missing:
        reason = f"no PostgreSQL configured ({', '.join(missing)} unset; .ci/run sets one up)"
    else:
        try:
            _connect(settings, settings["DAGSTER_PG_DB"]).close()
            return settings
        except psycopg2.OperationalError as error:
            where = f"{settings['DAGSTER_PG_HOST']}:{settings['DAGSTER_PG_PORT']}"
            reason = f"no PostgreSQL answers at {where}: {str(error).strip().splitlines()[0]}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run the deployment test: {reason}")
    pytest.skip(reason)


@contextmanager
def _database(settings: dict[str, str]) -> Iterator[str]:
    """A fresh database for the instance, dropped afterwards: nothing existing is touched."""
    name = f"parley_deploy_test_{uuid.uuid4().hex[:12]}"
    admin = _connect(settings, settings["DAGSTER_PG_DB"])
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield name
        finally:
            with admin.cursor() as cursor:
                cursor.execute(
                    sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name))
                )
    finally:
        admin.close()


def _render_instance(data: Path) -> dict[str, Any]:
    """``deploy/dagster.yaml`` for processes on this machine with ``data`` as ``/data``."""
    config = yaml.safe_load((DEPLOY / "dagster.yaml").read_text())
    config["run_launcher"] = LOCAL_RUN_LAUNCHER
    for section in ("compute_logs", "local_artifact_storage"):
        base_dir = Path(config[section]["config"]["base_dir"])
        config[section]["config"]["base_dir"] = str(data / base_dir.relative_to(DATA_MOUNT))
    return config


def _render_workspace(port: int) -> dict[str, Any]:
    """``deploy/workspace.yaml`` pointing at a code server on 127.0.0.1:``port``."""
    workspace = yaml.safe_load((DEPLOY / "workspace.yaml").read_text())
    (location,) = workspace["load_from"]
    location["grpc_server"].update(host="127.0.0.1", port=port)
    return workspace


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def deployment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Deployment]:
    """Instance, workspace and drops of a deployment over a fresh Postgres database."""
    settings = _postgres_settings()
    data = tmp_path / "data"
    write_drops(data / "drops", DROPS)
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(yaml.safe_dump(_render_instance(data)))
    port = _free_port()
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(yaml.safe_dump(_render_workspace(port)))
    logs = tmp_path / "logs"
    logs.mkdir()
    with _database(settings) as db_name:
        env = {
            **os.environ,
            **settings,
            "DAGSTER_PG_DB": db_name,
            "DAGSTER_HOME": str(home),
            "PARLEY_DROPS_DIR": str(data / "drops"),
            "PARLEY_WAREHOUSE": str(data / "warehouse" / "parley.duckdb"),
        }
        # This process reads the same instance; its storage settings come from the environment.
        for name in PG_SETTINGS:
            monkeypatch.setenv(name, env[name])
        yield Deployment(home, workspace, logs, env, port)


@contextmanager
def _service(deployment: Deployment, name: str, command: list[str]) -> Iterator[None]:
    """Run ``command`` in its own process group for the block, logging to ``logs/name.log``;
    on exit end the group (a code server's group holds the runs it started)."""
    log = deployment.logs / f"{name}.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=deployment.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield
    finally:
        _stop_group(process)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    for sig, grace_s in ((signal.SIGTERM, 30.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline:
            process.poll()
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)


def _code_server_command(port: int) -> list[str]:
    """The image's command (deploy/Dockerfile), bound to 127.0.0.1:``port``."""
    command = [sys.executable, "-m", "dagster", "code-server", "start"]
    return [*command, "-h", "127.0.0.1", "-p", str(port), "-m", "pipelines.definitions"]


def _daemon_command(workspace: Path) -> list[str]:
    """The daemon service of deploy/docker-compose.yaml."""
    return [str(Path(sys.executable).with_name("dagster-daemon")), "run", "-w", str(workspace)]


def _wait_for_code_server(deployment: Deployment) -> None:
    check = [sys.executable, "-m", "dagster", "api", "grpc-health-check"]
    check += ["-h", "127.0.0.1", "-p", str(deployment.code_server_port)]
    deadline = time.monotonic() + SERVICE_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if subprocess.run(check, env=deployment.env, capture_output=True).returncode == 0:
            return
        time.sleep(POLL_S)
    pytest.fail(f"no code server within {SERVICE_START_TIMEOUT_S} s\n{_log_tails(deployment)}")


def _log_tails(deployment: Deployment) -> str:
    return "\n".join(
        f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}"
        for log in sorted(deployment.logs.glob("*.log"))
    )


def _wait_until(
    deployment: Deployment,
    instance: DagsterInstance,
    done: Callable[[DagsterInstance], bool],
    timeout_s: float,
    what: str,
) -> None:
    """Poll ``done`` until true; fail on a failed run or at the time limit, with the logs."""
    deadline = time.monotonic() + timeout_s
    while not done(instance):
        failed = instance.get_run_records(RunsFilter(statuses=[DagsterRunStatus.FAILURE]))
        if failed:
            run = failed[0].dagster_run
            pytest.fail(f"run {run.run_id} of {run.job_name} failed\n{_log_tails(deployment)}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what} not within {timeout_s} s\n{_log_tails(deployment)}")
        time.sleep(POLL_S)


def _drop_runs(instance: DagsterInstance) -> list[RunRecord]:
    return list(instance.get_run_records(RunsFilter(job_name=process_drop_job.name)))


def _publish_runs(instance: DagsterInstance) -> list[RunRecord]:
    """The runs that publish: the publish job's, and the automation sensor's of its assets."""
    return [
        record
        for record in instance.get_run_records()
        if record.dagster_run.job_name == publish_job.name
        or WAREHOUSE_KEYS & (record.dagster_run.asset_selection or frozenset())
    ]


def _drops_processed(instance: DagsterInstance) -> bool:
    drop_runs = _drop_runs(instance)
    return len(drop_runs) >= len(DROPS) and all(r.dagster_run.is_finished for r in drop_runs)


def _publishes_done(run_ids: list[str]) -> Callable[[DagsterInstance], bool]:
    def done(instance: DagsterInstance) -> bool:
        finished = {
            r.dagster_run.run_id: r.dagster_run.is_finished for r in _publish_runs(instance)
        }
        return all(finished.get(run_id) for run_id in run_ids) and all(finished.values())

    return done


def _launched_at(instance: DagsterInstance, run_id: str) -> float:
    """When the queue began to launch the run (its process then starts and loads the code)."""
    (event,) = instance.all_logs(run_id, of_type=DagsterEventType.RUN_STARTING)
    return event.timestamp


def _run_pid(instance: DagsterInstance, run_id: str) -> int:
    """The process the run executed in, from its "Started process for run" engine event."""
    for event in instance.all_logs(run_id, of_type=DagsterEventType.ENGINE_EVENT):
        metadata = event.get_dagster_event().engine_event_data.metadata
        if "pid" in metadata:
            return int(metadata["pid"].value)
    raise AssertionError(f"run {run_id} recorded no process")


def _dagster(deployment: Deployment, *args: str) -> subprocess.Popen[str]:
    """Start the ``dagster`` command line against the deployment's instance."""
    return subprocess.Popen(
        [sys.executable, "-m", "dagster", *args],
        cwd=REPO_ROOT,
        env=deployment.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish(*clients: subprocess.Popen[str]) -> None:
    for client in clients:
        output, _ = client.communicate(timeout=SERVICE_START_TIMEOUT_S)
        assert client.returncode == 0, (client.args, output[-3000:])


def test_deployment_runs_drops_at_once_and_publishes_one_at_a_time(
    deployment: Deployment,
) -> None:
    code_server = _code_server_command(deployment.code_server_port)
    daemon = _daemon_command(deployment.workspace)
    publishes = [str(uuid.uuid4()) for _ in range(2)]
    launch = ["job", "launch", "-w", str(deployment.workspace), "-j", publish_job.name]
    with (
        DagsterInstance.from_config(str(deployment.home)) as instance,
        _service(deployment, "code-server", code_server),
    ):
        # Bring-up, as deploy/README.md says: the pool's limit set before any run holds it.
        _finish(_dagster(deployment, "instance", "concurrency", "set", WAREHOUSE_WRITER_POOL, "1"))
        _wait_for_code_server(deployment)
        with _service(deployment, "daemon", daemon):
            _wait_until(deployment, instance, _drops_processed, DROPS_TIMEOUT_S, "drop runs")
        # With the daemon down nothing dequeues: both publishes wait in the queue together.
        _finish(*[_dagster(deployment, *launch, "--run-id", run_id) for run_id in publishes])
        statuses = [instance.get_run_by_id(run_id).status for run_id in publishes]
        assert statuses == [DagsterRunStatus.QUEUED] * 2
        with _service(deployment, "daemon", daemon):
            _wait_until(
                deployment, instance, _publishes_done(publishes), PUBLISHES_TIMEOUT_S, "publishes"
            )
        drop_runs = _drop_runs(instance)
        publish_runs = _publish_runs(instance)
        partitions = instance.get_dynamic_partitions(DROPS_PARTITION_NAME)
        pool_limits = {p.name: p.limit for p in instance.event_log_storage.get_pool_limits()}
        drop_pids = {_run_pid(instance, r.dagster_run.run_id) for r in drop_runs}
        drops_launched = [_launched_at(instance, r.dagster_run.run_id) for r in drop_runs]

    # Each drop registered once and processed by exactly one run, requested by the sensor,
    # whose later ticks (one at each daemon start) requested nothing more.
    assert sorted(partitions) == sorted(DROPS)
    assert sorted(r.dagster_run.tags["dagster/partition"] for r in drop_runs) == sorted(DROPS)
    assert all(r.dagster_run.is_success for r in drop_runs)
    assert {r.dagster_run.tags.get("dagster/sensor_name") for r in drop_runs} == {"drop_sensor"}
    # The queue had the three drop runs in flight at once (each launched before any of them
    # finished), each in a process of its own, holding no pool.
    assert max(drops_launched) < min(r.end_time or 0.0 for r in drop_runs)
    assert len(drop_pids) == len(DROPS) and os.getpid() not in drop_pids, drop_pids
    assert all(r.dagster_run.run_op_concurrency is None for r in drop_runs)
    # Every publish held the pool, whose limit is one, and no two of them overlapped, not even
    # the two that were queued together.
    assert pool_limits[WAREHOUSE_WRITER_POOL] == 1
    assert set(publishes) <= {r.dagster_run.run_id for r in publish_runs}
    assert all(r.dagster_run.is_success for r in publish_runs)
    for record in publish_runs:
        assert record.dagster_run.run_op_concurrency.all_pools == {WAREHOUSE_WRITER_POOL}
    intervals = sorted((r.start_time or 0.0, r.end_time or 0.0) for r in publish_runs)
    for (_, end), (next_start, _) in pairwise(intervals):
        assert end <= next_start, intervals

    with duckdb.connect(str(deployment.warehouse), read_only=True) as con:
        landed = con.execute(
            "SELECT drop_id, list(source_ref ORDER BY source_ref) FROM articles GROUP BY drop_id"
        ).fetchall()
        mention_drops = con.execute(
            "SELECT DISTINCT a.drop_id FROM event_mentions AS e JOIN articles AS a USING "
            "(article_id) ORDER BY 1"
        ).fetchall()
    assert dict(landed) == {d: [r["id"] for r in records] for d, records in DROPS.items()}
    assert mention_drops == [(drop_id,) for drop_id in sorted(DROPS)]


def test_kubernetes_instance_is_the_tested_one_but_for_the_launcher() -> None:
    """deploy/k8s/dagster.yaml keeps the storage, queue and pool of the tested dagster.yaml."""
    tested = yaml.safe_load((DEPLOY / "dagster.yaml").read_text())
    k8s = yaml.safe_load((DEPLOY / "k8s" / "dagster.yaml").read_text())
    for section in ("storage", "run_coordinator", "telemetry"):
        assert k8s[section] == tested[section], section
    assert k8s["concurrency"]["pools"] == tested["concurrency"]["pools"]
    tag_limits = "tag_concurrency_limits"
    assert k8s["concurrency"]["runs"][tag_limits] == tested["concurrency"]["runs"][tag_limits]
