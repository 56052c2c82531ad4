"""Progress of the long passes: the callback the per-article loops call, and how it is shown.

The NLP passes take a ``progress`` callback, called with the number of articles just finished.
A ``Progress`` turns the calls into what a person sees, one *stage* at a time (a drop's entity
pass, its mention pass, a publish): ``ProgressLines`` writes a line now and then, the live
display of ``parley run`` on a terminal draws bars (``pipelines.progress``). ``parley run``
puts its choice in place with ``showing()`` around the Dagster runs it executes in its own
process; the assets ask ``shown()`` for it and otherwise write lines into the run's log (the
runs of the UI and the daemon).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Protocol

# Called by a pass with the number of articles it just finished (the ``progress`` parameter
# of ``extract_entities`` and ``extract_event_mentions``).
ProgressCallback = Callable[[int], None]

# Off a terminal and in a run's log: at most one line per stage in this many seconds.
LINE_INTERVAL_S = 10.0


class Progress(Protocol):
    """Shows stages while they run."""

    def stage(self, label: str, total: int | None) -> AbstractContextManager[ProgressCallback]:
        """Show the stage ``label`` of ``total`` articles (None: no count) while the block
        runs; the block calls the callback with the number of articles it just finished, and
        fails the stage by raising."""
        ...


class NoProgress:
    """Shows nothing."""

    @contextmanager
    def stage(self, label: str, total: int | None) -> Iterator[ProgressCallback]:
        """A callback that does nothing."""
        yield _ignore


def _ignore(_n: int) -> None:
    """A progress callback that shows nothing."""


@dataclass
class ProgressLines:
    """Plain lines through ``emit``: one every ``interval_s`` at most while a stage with a
    count runs, one when a stage ends (or fails: the block raises); a stage without a count
    also says when it starts."""

    emit: Callable[[str], None]
    interval_s: float = LINE_INTERVAL_S
    clock: Callable[[], float] = field(default=time.monotonic)

    @contextmanager
    def stage(self, label: str, total: int | None) -> Iterator[ProgressCallback]:
        """Count the stage's articles and report them now and then."""
        started = last_line = self.clock()
        done = 0
        if total is None:
            self.emit(f"{label}: started")

        def advance(n: int) -> None:
            nonlocal done, last_line
            done += n
            now = self.clock()
            if total is not None and now - last_line >= self.interval_s:
                last_line = now
                self.emit(f"{label}: {running_text(done, total, now - started)}")

        try:
            yield advance
        except BaseException:
            self.emit(f"{label}: failed after {duration_text(self.clock() - started)}")
            raise
        counted = done if total is not None else None
        self.emit(f"{label}: {finished_text(counted, self.clock() - started)}")


class ArticleTicker:
    """Finished-article counts for a loop over the work of articles in article order (the
    trigger sentences of the mention pass): an article is finished once the loop is past it."""

    def __init__(self, article_ids: Sequence[str], progress: ProgressCallback | None) -> None:
        self._position = {article_id: i for i, article_id in enumerate(article_ids)}
        self._progress = progress or _ignore
        self._finished = 0

    def reached(self, article_id: str) -> None:
        """The loop is at ``article_id``: every article before it is finished."""
        self._advance_to(self._position[article_id])

    def finish(self) -> None:
        """The loop is done: every article is finished."""
        self._advance_to(len(self._position))

    def _advance_to(self, position: int) -> None:
        if position > self._finished:
            self._progress(position - self._finished)
            self._finished = position


@contextmanager
def showing(progress: Progress) -> Iterator[Progress]:
    """Make ``progress`` what the stages run in this process show, inside the block."""
    _SHOWN.append(progress)
    try:
        yield progress
    finally:
        _SHOWN.pop()


def shown() -> Progress | None:
    """The ``Progress`` of the innermost ``showing()`` block, if any."""
    return _SHOWN[-1] if _SHOWN else None


# The stack of showing(): a display belongs to the process, like its terminal.
_SHOWN: list[Progress] = []


def running_text(done: int, total: int, elapsed_s: float) -> str:
    """``"300/600 articles, 25.0/s, about 12 s left"``; rate and time left once known."""
    text = f"{done:,}/{total:,} articles"
    if done and elapsed_s > 0:
        rate = done / elapsed_s
        text += f", {rate:,.1f}/s, about {duration_text((total - done) / rate)} left"
    return text


def finished_text(done: int | None, elapsed_s: float) -> str:
    """``"600 articles in 24 s, 25.0/s"``, or ``"done in 3.1 s"`` for a stage without a count."""
    if done is None:
        return f"done in {duration_text(elapsed_s)}"
    rate = f", {done / elapsed_s:,.1f}/s" if done and elapsed_s > 0 else ""
    return f"{done:,} articles in {duration_text(elapsed_s)}{rate}"


def duration_text(seconds: float) -> str:
    """``"3.1 s"``, ``"42 s"``, ``"3 min 20 s"``, ``"1 h 05 min"``."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"
