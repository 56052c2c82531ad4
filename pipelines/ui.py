"""``parley ui``: ``dg dev`` in a process group of its own, stopped as a whole.

``dg dev`` starts a code server, its gRPC server, the webserver and the daemon, and the daemon
starts a process per run. They all run in one new process group, so that parley can reach
every one of them: on Ctrl-C (or SIGTERM, SIGHUP) it sends SIGINT to the group, the shutdown
Dagster expects, waits up to ``STOP_GRACE_S`` and kills whatever is still there (a run worker
still importing spaCy, say). parley handles the stop signals itself, so its children start with
the default SIGINT even when parley was started with SIGINT ignored, as a script's background
job is; Dagster's processes otherwise ignore Ctrl-C and outlive the command.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

# The definitions module, as in workspace.yaml and the dg project of pyproject.toml; naming it
# keeps `parley ui` working in an installed package, which has neither file.
DEFINITIONS_MODULE = "pipelines.definitions"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# Idle, Dagster's own shutdown takes 2-4 s; a run worker still starting up ignores it longer.
STOP_GRACE_S = 5.0
KILL_WAIT_S = 2.0
POLL_S = 0.1


def ui_command(host: str, port: int) -> list[str]:
    """The ``dg dev`` command line that ``parley ui`` runs."""
    dg = [sys.executable, "-m", "dagster_dg_cli.cli"]
    return [*dg, "dev", "-m", DEFINITIONS_MODULE, "-h", host, "-p", str(port)]


def serve(command: Sequence[str], cwd: Path) -> int:
    """Run ``command`` in a new process group until it exits or parley is told to stop.

    Returns the command's exit code, or 128 + the signal number when stopped by a signal.
    Either way no process of the group is left running: if the command exits on its own, what
    it left behind is stopped too.
    """
    received: list[int] = []

    def on_stop(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous = {sig: signal.signal(sig, on_stop) for sig in STOP_SIGNALS}
    try:
        child = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, process_group=0)
        while child.poll() is None and not received:
            time.sleep(POLL_S)
        stop_group(child, STOP_GRACE_S)
        return 128 + received[0] if received else child.returncode
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def stop_group(leader: subprocess.Popen[bytes], grace_s: float) -> None:
    """SIGINT to every process in ``leader``'s group; SIGKILL to those left after ``grace_s``."""
    group = leader.pid
    _signal_group(group, signal.SIGINT)
    if not _wait_group(leader, grace_s):
        _signal_group(group, signal.SIGKILL)
        _wait_group(leader, KILL_WAIT_S)


def _signal_group(group: int, sig: signal.Signals) -> None:
    """Send ``sig`` to the process group, if it still has a member."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, sig)


def _wait_group(leader: subprocess.Popen[bytes], timeout_s: float) -> bool:
    """Wait until no process of the group is left (reaping the leader); False on timeout."""
    deadline = time.monotonic() + timeout_s
    while True:
        leader.poll()  # a leader that exited stays in the group as a zombie until reaped
        try:
            os.killpg(leader.pid, 0)
        except ProcessLookupError:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL_S)
