"""`parley run` as a user runs it: a subprocess against a persistent DAGSTER_HOME."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import CONTRACT_COLUMNS
from warehouse import staging
from warehouse.staging import StagingArea


def _parley(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    env.pop("PARLEY_DROPS_DIR", None)
    env.pop("PARLEY_WAREHOUSE", None)
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_run_twice_yields_every_table_and_two_articles(drops_root: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "out" / "parley.duckdb"
    home = tmp_path / "dagster_home"
    args = ("run", "--drops", str(drops_root), "--warehouse", str(warehouse))

    first = _parley(*args, home=home)
    assert first.returncode == 0, first.stderr
    assert "1 processed" in first.stdout

    second = _parley(*args, home=home)
    assert second.returncode == 0, second.stderr
    # Nothing new: no NLP work, no new publish.
    assert "0 processed" in second.stdout
    assert "unchanged" in second.stdout

    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = {
            name
            for (name,) in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        }
        assert set(CONTRACT_COLUMNS) <= tables
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(2,)]
    # The runs are in the instance's history, where the UI shows them.
    assert (home / "history" / "runs.db").exists()

    # The same instance pointed at another warehouse builds that one in full.
    other = tmp_path / "other" / "parley.duckdb"
    third = _parley("run", "--drops", str(drops_root), "--warehouse", str(other), home=home)
    assert third.returncode == 0, third.stderr
    assert "1 processed" in third.stdout
    with duckdb.connect(str(other), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(2,)]


def test_run_fails_with_one_line_reason(tmp_path: Path) -> None:
    result = _parley("run", "--drops", str(tmp_path / "missing"), home=tmp_path / "home")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "no drops folder" in result.stderr


def test_ui_binds_loopback_unless_told_otherwise() -> None:
    from pipelines.cli import _parser, ui_command

    args = _parser().parse_args(["ui"])
    assert (args.host, args.port) == ("127.0.0.1", 3000)
    command = ui_command(args.host, args.port)
    assert command[command.index("-h") + 1] == "127.0.0.1"
    assert command[-4:] == ["-h", "127.0.0.1", "-p", "3000"]


def test_a_failed_step_is_one_line_naming_it(drops_root: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "out" / "parley.duckdb"
    home = tmp_path / "dagster_home"
    args = ("run", "--drops", str(drops_root), "--warehouse", str(warehouse))
    assert _parley(*args, home=home).returncode == 0
    published = warehouse.read_bytes()

    # The drop staged again with results a blocking check refuses: meetings dated in the far
    # future.
    area = StagingArea.for_warehouse(warehouse)
    mentions = area.read("seeds", staging.EVENT_MENTIONS)
    future = [dataclasses.replace(m, event_date=dt.date(2999, 1, 1)) for m in mentions]
    area.write("seeds", staging.EVENT_MENTIONS, future)

    failed = _parley(*args, home=home)
    assert failed.returncode == 1
    [last_line] = failed.stderr.strip().splitlines()  # one line, nothing else
    assert last_line.startswith("parley: ")
    assert "publish" in last_line and "meeting_dates_not_future" in last_line
    assert warehouse.read_bytes() == published
