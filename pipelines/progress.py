"""What ``parley run`` shows while it works: live bars on a terminal, lines elsewhere.

On a terminal, a ``rich`` live display at the bottom of the screen holds one line per running
stage (a drop, its entity and mention passes, the publish), with articles done of total, rate
and time left; a finished stage leaves one line above it. While the display runs, everything
the process writes to ``sys.stdout`` and ``sys.stderr`` (Dagster's console logger, which
resolves the stream when it writes, warnings, prints) goes through rich and is printed above
the bars, so neither garbles the other. Off a terminal, ``parley.progress.ProgressLines``
writes a line now and then to stderr.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.progress import Progress as RichProgress
from rich.progress_bar import ProgressBar
from rich.text import Text

from parley.progress import (
    Progress,
    ProgressCallback,
    ProgressLines,
    duration_text,
    finished_text,
    running_text,
)


class TerminalProgress:
    """The live display: enter it around the work, then pass it to ``run_pipeline``."""

    def __init__(self, console: Console) -> None:
        self._bars = RichProgress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False),
            _BarColumn(),
            _CountsColumn(),
            TimeElapsedColumn(),
            console=console,
            redirect_stdout=True,
            redirect_stderr=True,
        )

    def __enter__(self) -> TerminalProgress:
        self._bars.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._bars.stop()

    @contextmanager
    def stage(self, label: str, total: int | None) -> Iterator[ProgressCallback]:
        """A bar (or, without a count, a spinner) while the block runs; a line when it ends."""
        task_id = self._bars.add_task(label, total=total)
        task = self._bars.tasks[-1]
        try:
            yield lambda n: self._bars.advance(task_id, n)
        except BaseException:
            elapsed = duration_text(task.elapsed or 0.0)
            self._end(task, f"[red]✗[/red] {escape(label)}: failed after {elapsed}")
            raise
        done = int(task.completed) if total is not None else None
        text = finished_text(done, task.elapsed or 0.0)
        self._end(task, f"[green]✓[/green] {escape(label)}: {text}")

    def _end(self, task: Task, line: str) -> None:
        """Replace the task's live line by ``line`` (rich markup), printed above the bars."""
        self._bars.remove_task(task.id)
        self._bars.refresh()
        self._bars.console.print(line, highlight=False)


class _BarColumn(BarColumn):
    """A bar for a stage with a count; nothing for one without (its spinner and time say it)."""

    def render(self, task: Task) -> Text | ProgressBar:
        """rich's bar, or nothing."""
        return super().render(task) if task.total is not None else Text("")


class _CountsColumn(ProgressColumn):
    """``300/600 articles, 25.0/s, about 12 s left``; empty for a stage without a count."""

    def render(self, task: Task) -> Text:
        """The counts of ``task``; the rate is the stage's average (articles come in batches)."""
        if task.total is None:
            return Text("")
        text = running_text(int(task.completed), int(task.total), task.elapsed or 0.0)
        return Text(text, style="progress.download")


def _stderr_line(message: str) -> None:
    """One progress line on stderr, with the time of day."""
    print(f"{dt.datetime.now():%H:%M:%S} {message}", file=sys.stderr, flush=True)


@contextmanager
def run_progress(quiet: bool) -> Iterator[Progress | None]:
    """What ``parley run`` shows: nothing when ``quiet`` (the stages still log into each
    run's log), live bars when stderr is a terminal, else periodic lines on stderr."""
    if quiet:
        yield None
        return
    probe = Console(stderr=True)
    if not probe.is_terminal or probe.is_dumb_terminal:
        yield ProgressLines(_stderr_line)
        return
    # The display writes to its own copy of the terminal's descriptor: while a step runs,
    # Dagster points descriptors 1 and 2 at the step's compute log (mirrored back by `tail -F`
    # once a second), which would freeze the bars and fill the log with them.
    terminal = os.fdopen(os.dup(sys.stderr.fileno()), "w", encoding="utf-8")
    with terminal, TerminalProgress(Console(file=terminal)) as display:
        yield display
