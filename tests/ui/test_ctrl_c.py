"""``parley ui`` on a terminal: it starts without Dagster's warning, and Ctrl-C ends it all.

Ctrl-C is SIGINT to the terminal's foreground process group; the test sends exactly that to
the group of ``parley ui`` once the webserver answers, with a drop waiting so that the drop
sensor has a run starting. parley is started with SIGINT ignored, as a script's background job
is: before parley supervised its processes, they inherited the ignore and all five outlived
the command.
"""

from __future__ import annotations

import os
import pty
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from parley.settings import DEMO_DROP, REPO_ROOT
from pipelines.ui import STOP_GRACE_S

SERVER_START_TIMEOUT_S = 180.0
# Dagster's own shutdown, then parley's kill of what is left, then a margin for a busy machine.
STOPPED_WITHIN_S = STOP_GRACE_S + 5.0


def test_ctrl_c_stops_every_process_it_started(tmp_path: Path) -> None:
    shutil.copytree(DEMO_DROP, tmp_path / "drops" / "seeds")
    port = _free_port()
    env = {
        **os.environ,
        # Every process parley starts inherits this environment: the marker to find them by.
        "DAGSTER_HOME": str(tmp_path / "home"),
        "PARLEY_DROPS_DIR": str(tmp_path / "drops"),
        "PARLEY_WAREHOUSE": str(tmp_path / "wh" / "parley.duckdb"),
    }
    controller, terminal = pty.openpty()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # inherited by the child
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipelines.cli", "ui", "--port", str(port)],
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env=env,
            cwd=REPO_ROOT,
            start_new_session=True,  # its own session and group, as a shell gives a job
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    os.close(terminal)
    output = _Output(controller)
    marker = str(tmp_path)
    try:
        _wait_until_serving(f"http://127.0.0.1:{port}/server_info", process, output)
        assert len(_processes_with(marker)) >= 5, _processes_with(marker)  # dg dev and co.

        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C
        sent = time.monotonic()
        while _processes_with(marker) and time.monotonic() - sent < STOPPED_WITHIN_S:
            time.sleep(0.2)
        left = _processes_with(marker)
        assert not left, f"still running {time.monotonic() - sent:.1f} s after Ctrl-C: {left}"
        assert process.wait(timeout=5) == 128 + signal.SIGINT
    finally:
        for pid in _processes_with(marker):
            os.kill(pid, signal.SIGKILL)
        output.close()
    assert "superseded" not in output.text(), output.text()[-3000:]


def _free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Output:
    """Everything written to the terminal, read as it comes so that no writer blocks."""

    def __init__(self, controller: int) -> None:
        self._controller = controller
        self._chunks: list[bytes] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self._controller, 65536)
            except OSError:  # EIO: the terminal's last writer has gone
                return
            if not chunk:
                return
            self._chunks.append(chunk)

    def text(self) -> str:
        """The output so far."""
        return b"".join(self._chunks).decode("utf-8", "replace")

    def close(self) -> None:
        """Stop reading and close the terminal."""
        self._reader.join(timeout=5)
        os.close(self._controller)


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], output: _Output) -> None:
    """Return once the webserver answers ``url``; fail if parley exits or it takes too long."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert process.poll() is None, f"parley ui exited early:\n{output.text()[-3000:]}"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"no answer within {SERVER_START_TIMEOUT_S} s:\n{output.text()[-3000:]}")


def _processes_with(marker: str) -> list[int]:
    """Live (not zombie) processes whose environment or command line holds ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            seen = (entry / "environ").read_bytes() + (entry / "cmdline").read_bytes()
        except OSError:  # gone meanwhile, or not ours
            continue
        if state != "Z" and marker.encode() in seen:
            found.append(int(entry.name))
    return found
