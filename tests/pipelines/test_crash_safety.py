"""Readers never block a run nor see half a publish; kill -9 never corrupts the warehouse."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance, DagsterRunStatus, RunsFilter

REUTERS_DROP = Path(__file__).parents[1] / "data" / "reuters_dev" / "drop"


def _start(drops: Path, warehouse: Path, home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    command = [sys.executable, "-m", "pipelines.cli", "run", "--drops", str(drops)]
    return subprocess.Popen(
        [*command, "--warehouse", str(warehouse)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run(drops: Path, warehouse: Path, home: Path) -> subprocess.CompletedProcess[str]:
    process = _start(drops, warehouse, home)
    stdout, stderr = process.communicate(timeout=600)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def _holds_open(pid: int, name_part: str) -> bool:
    """True when process ``pid`` has a file open whose path contains ``name_part``."""
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
    for fd in fds:
        try:
            if name_part in os.readlink(fd):
                return True
        except OSError:
            continue
    return False


def _kill_when(process: subprocess.Popen[str], ready: object, timeout: float = 300) -> None:
    """SIGKILL the process the moment ``ready()`` is true; fail if it ends first."""
    deadline = time.monotonic() + timeout
    while not ready():  # type: ignore[operator]
        assert process.poll() is None, "the run finished before the moment to kill it"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.fixture
def published(drops_root: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A warehouse published from the seeds, and its Dagster home."""
    warehouse = tmp_path / "wh" / "parley.duckdb"
    home = tmp_path / "home"
    first = _run(drops_root, warehouse, home)
    assert first.returncode == 0, first.stderr
    return warehouse, home


def test_reader_never_blocks_a_run_and_keeps_its_snapshot(
    drops_root: Path, published: tuple[Path, Path]
) -> None:
    warehouse, home = published
    with duckdb.connect(str(warehouse), read_only=True) as reader:
        assert _count(reader, "articles") == 2
        shutil.copytree(REUTERS_DROP, drops_root / "reuters")
        second = _run(drops_root, warehouse, home)
        assert second.returncode == 0, second.stderr
        # The open connection still sees the complete old version...
        assert _count(reader, "articles") == 2
    # ...and a new one sees the complete new version.
    with duckdb.connect(str(warehouse), read_only=True) as fresh:
        assert _count(fresh, "articles") > 2


@pytest.mark.parametrize("moment", ["during_nlp", "during_publish"])
def test_kill_9_leaves_the_published_warehouse_and_the_next_run_finishes(
    moment: str, drops_root: Path, published: tuple[Path, Path]
) -> None:
    warehouse, home = published
    before = _digest(warehouse)
    shutil.copytree(REUTERS_DROP, drops_root / "reuters")
    staged = warehouse.parent / "parley_staging" / "drops" / "reuters" / "articles.parquet"

    def building() -> bool:
        return any(warehouse.parent.glob(".parley.duckdb.*.building"))

    def publishing() -> bool:
        # A publish writes a file readers do not see: a new one (a full build, .building) or
        # the spare replica, in a DuckDB transaction that shows nowhere on disk until it
        # commits; the run process holding either open is the moment.
        return building() or _holds_open(process.pid, ".parley.duckdb.replica-")

    process = _start(drops_root, warehouse, home)
    _kill_when(process, staged.exists if moment == "during_nlp" else publishing)

    assert _digest(warehouse) == before
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert _count(con, "articles") == 2

    after = _run(drops_root, warehouse, home)
    assert after.returncode == 0, after.stderr
    assert "1 processed" in after.stdout or moment == "during_publish"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        n_reuters = sum(1 for line in (REUTERS_DROP / "articles.jsonl").open() if line.strip())
        assert _count(con, "articles") == 2 + n_reuters
    assert not building(), "the abandoned half-built file was not cleaned up"
    with DagsterInstance.from_config(str(home)) as instance:
        stuck = instance.get_runs(filters=RunsFilter(statuses=[DagsterRunStatus.STARTED]))
        assert stuck == [], "the killed run is still shown as in progress"
