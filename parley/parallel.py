"""Worker processes for the NLP passes of large drops.

The entity pass and the parse pass of the mention stage are per-article (per-sentence) work
on one spaCy model, so a large drop is split into chunks handed out in input order to worker
processes. Each worker builds its pipeline once (the pool's initializer) and does the whole
work of a chunk, spaCy and the Python rules after it, and returns plain dataclasses; the
parent only concatenates the results in input order. The parent does no NLP while it waits,
so two workers keep two cores busy (BENCHMARKS.md). spaCy's own ``nlp.pipe(n_process=2)``
did not: its parent unpickles every Doc and runs the rules itself, a third busy process.

Start method: ``forkserver``. The passes run inside a Dagster run process, which has threads
(event log and compute log writers); ``fork`` would copy into the child whatever lock one of
them holds at that instant, and nothing in the child would ever release it. The fork server
is a fresh single-threaded process, started once per parent process and kept; workers are
forked from it. It imports the NLP modules (spaCy, thinc, the parley rules) once before it
forks (``set_forkserver_preload``), so each worker of either pass only loads its model;
``spawn`` would be as safe but pays those imports in every worker. As with ``spawn``, a
worker imports the calling program's main module again (the ``parley`` and ``dagster``
commands and ``python -m`` modules guard their entry point with ``if __name__ ==
"__main__"``; a script calling the passes on a large drop must do the same).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many articles a drop's NLP runs in the calling process: the worker start (a
# model load per worker, ~1-2 s) and the pickling are not won back on small drops.
PARALLEL_MIN_ARTICLES = 2000
_PRELOAD = ["parley.entities.batch", "parley.mentions.batch"]


def nlp_processes(n_articles: int) -> int:
    """Worker processes for the NLP passes of a drop of ``n_articles`` (1: in-process)."""
    if n_articles >= PARALLEL_MIN_ARTICLES and (os.cpu_count() or 1) >= 2:
        return 2
    return 1


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """``items`` in consecutive slices of ``size`` (the last one shorter)."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def map_in_workers(
    function: Callable[[T], R],
    tasks: Iterable[T],
    n_process: int,
    initializer: Callable[[], object],
) -> Iterator[R]:
    """``function`` over ``tasks`` in ``n_process`` worker processes, results in task order.

    ``function`` and ``initializer`` must be module-level functions (they are pickled by
    name); ``initializer`` runs once in each worker before its first task.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=initializer)
    try:
        yield from pool.map(function, tasks)
    finally:
        # On an error, don't run the chunks still queued.
        pool.shutdown(cancel_futures=True)
