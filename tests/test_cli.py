"""`parley run` as a user runs it: a subprocess against a persistent DAGSTER_HOME."""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import duckdb

from tests.conftest import CONTRACT_COLUMNS
from tests.entities.test_parallel import SAMPLE
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
    # Off a terminal, progress is a few plain lines on stderr, one per stage here.
    progress = first.stderr.splitlines()
    assert any("drop 'seeds' entities: 2 articles in" in line for line in progress)
    assert any("publish the warehouse: done in" in line for line in progress)
    assert len(progress) <= 8, first.stderr

    second = _parley(*args, home=home)
    assert second.returncode == 0, second.stderr
    # Nothing new: no NLP work, no new publish.
    assert "0 processed" in second.stdout
    assert "unchanged" in second.stdout
    assert second.stderr == ""

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
    third = _parley(
        "run", "--quiet", "--drops", str(drops_root), "--warehouse", str(other), home=home
    )
    assert third.returncode == 0, third.stderr
    assert "1 processed" in third.stdout
    assert third.stderr == ""  # --quiet: the summary only
    with duckdb.connect(str(other), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(2,)]


def test_run_fails_with_one_line_reason(tmp_path: Path) -> None:
    result = _parley("run", "--drops", str(tmp_path / "missing"), home=tmp_path / "home")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "no drops folder" in result.stderr


def test_ui_binds_loopback_unless_told_otherwise() -> None:
    from pipelines.cli import _parser
    from pipelines.ui import ui_command

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
    *progress, last_line = failed.stderr.strip().splitlines()
    assert last_line.startswith("parley: ")  # the reason: one line, the last
    assert not any(line.startswith("parley: ") for line in progress)
    assert any(line.endswith("publish the warehouse: started") for line in progress)
    assert any("publish the warehouse: failed after" in line for line in progress)
    assert "publish" in last_line and "meeting_dates_not_future" in last_line
    assert warehouse.read_bytes() == published


def test_run_on_a_terminal_shows_live_progress(tmp_path: Path) -> None:
    drop = tmp_path / "drops" / "sample"
    drop.mkdir(parents=True)
    with (drop / "articles.jsonl").open("w", encoding="utf-8") as out:
        for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:60]:
            record = json.loads(line)
            out.write(json.dumps({**record, "id": record["article_id"]}) + "\n")
    command = [sys.executable, "-m", "pipelines.cli", "run", "--drops", str(tmp_path / "drops")]
    command += ["--warehouse", str(tmp_path / "wh" / "parley.duckdb")]
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "TERM": "xterm-256color"}

    returncode, output = _on_a_terminal(command, env)

    assert returncode == 0, output
    assert "\x1b[?25l" in output  # the live display hides the cursor while it draws
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output)  # colours and cursor moves
    # Frames of the entity bar: a count below the total, with a rate and the time left.
    assert "/60 articles, " in screen and " left" in screen
    assert "✓ drop 'sample' entities: 60 articles in" in screen
    assert "✓ publish the warehouse: done in" in screen
    assert "1 processed" in screen


def _on_a_terminal(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run ``command`` with a pseudo-terminal of 120x40 as its stdin, stdout and stderr."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen(
        command, stdin=terminal, stdout=terminal, stderr=terminal, env=env, start_new_session=True
    )
    os.close(terminal)
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the terminal's last writer has gone
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        returncode = process.wait(timeout=600)
    finally:
        process.kill()
        reader.join(timeout=10)
        os.close(controller)
    return returncode, b"".join(chunks).decode("utf-8", "replace")
