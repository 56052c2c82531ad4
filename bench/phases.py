"""The measured phases of the benchmark, each run in its own child process by bench/run.py.

A phase prints one JSON object as its last stdout line. Running each phase in a fresh process
keeps the measurements apart: the parley run pays its own imports and model loads, and its
peak RSS is not mixed with the baseline's.

    python -m bench.phases parley --drops DIR --warehouse FILE [--profile OUT.prof] [--processes N]
    python -m bench.phases baseline --drop-file F [--sample N] [--batch-size 64] [--n-process 1]
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import resource
import sys
import time
from multiprocessing import forkserver
from pathlib import Path
from typing import Any

# Step keys of the process_drop and publish jobs, as they appear in Dagster's event log.
_STEP_NAMES = {
    "staging__articles": "ingest",
    "staging__entity_mentions": "entities",
    "staging__event_mentions": "mentions",
    "warehouse_tables": "publish",
}


def rusage_mb() -> dict[str, float]:
    """Peak RSS of this process and of its reaped children, in MB (Linux reports KiB)."""
    self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"self_maxrss_mb": self_kib / 1024, "children_maxrss_mb": children_kib / 1024}


def cpu_seconds() -> float:
    """CPU seconds of this process and its reaped children (spaCy's n_process workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def force_processes(processes: int | None) -> list[str]:
    """Override the product's rule for NLP worker processes (both passes) in this run."""
    if processes is None:
        return []
    import assets.entities as entity_asset
    import assets.mentions as mention_asset

    # The assets ask nlp_processes() how many workers a drop gets (2 for 2,000+ articles on
    # 2 cores); None keeps that rule, a number forces it.
    for module in (entity_asset, mention_asset):
        module.nlp_processes = lambda _n_articles: processes  # type: ignore[attr-defined]
    return [f"processes={processes}"]


def run_parley(
    drops: Path,
    warehouse: Path,
    profile: Path | None,
    processes: int | None = None,
) -> dict[str, Any]:
    """Time ``run_pipeline`` (what ``parley run`` calls) and split it into Dagster steps."""
    # The Dagster definitions read these at import time, as under `parley run`.
    os.environ["PARLEY_DROPS_DIR"] = str(drops.absolute())
    os.environ["PARLEY_WAREHOUSE"] = str(warehouse.absolute())
    from pipelines.cli import INSTANCE_YAML

    home = Path(os.environ["DAGSTER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        (home / "dagster.yaml").write_text(INSTANCE_YAML)

    wall_start = time.time()
    started = time.perf_counter()
    from dagster import DagsterInstance

    from pipelines.runner import run_pipeline

    overrides = force_processes(processes)
    imported = time.perf_counter()
    profiler = cProfile.Profile() if profile is not None else None
    if profiler is not None:
        profiler.enable()
    summary = run_pipeline(drops, warehouse)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(profile))
    finished = time.perf_counter()
    # parley's NLP workers are children of multiprocessing's fork server, which lives as long
    # as this process and is never waited for: stop it (a private helper of the stdlib's
    # tests) so that getrusage here and in bench/run.py counts its workers' CPU and peak RSS.
    forkserver._forkserver._stop()  # type: ignore[attr-defined]
    if summary.failures:
        raise SystemExit(f"parley run failed: {summary.failure_line()}")
    with DagsterInstance.get() as instance:
        steps = _step_seconds(instance, wall_start)
    return {
        "overrides": overrides,
        "import_s": imported - started,
        "run_s": finished - imported,
        "processed": summary.processed,
        "published": summary.published,
        "counts": summary.counts,
        "steps_s": steps,
        **rusage_mb(),
    }


def _step_seconds(instance: Any, since: float) -> dict[str, float]:
    """Seconds per step, summed over the runs created since ``since``, from the event log."""
    from dagster import DagsterEventType

    totals: dict[str, float] = {}
    for record in instance.get_run_records():
        if record.create_timestamp.timestamp() < since:
            continue
        starts: dict[str, float] = {}
        events = instance.all_logs(
            record.dagster_run.run_id,
            of_type={DagsterEventType.STEP_START, DagsterEventType.STEP_SUCCESS},
        )
        for event in events:
            if event.dagster_event is None or event.step_key is None:
                continue
            if event.dagster_event.event_type == DagsterEventType.STEP_START:
                starts[event.step_key] = event.timestamp
            elif event.step_key in starts:
                name = _STEP_NAMES.get(event.step_key, event.step_key)
                seconds = event.timestamp - starts.pop(event.step_key)
                totals[name] = totals.get(name, 0.0) + seconds
    return totals


def read_bodies(drop_file: Path) -> list[str]:
    """The article bodies of a JSONL(.gz) drop file, in file order."""
    opener = gzip.open if drop_file.name.endswith(".gz") else open
    with opener(drop_file, "rt", encoding="utf-8") as handle:
        return [json.loads(line)["body"] for line in handle if line.strip()]


def run_baseline(
    drop_file: Path, sample: int | None, batch_size: int, n_process: int
) -> dict[str, Any]:
    """Time plain ``nlp.pipe`` with the full model pipeline over a drop's bodies."""
    import spacy

    from parley.nlp_model import MODEL

    bodies = read_bodies(drop_file)
    if sample is not None and sample < len(bodies):
        # An even stride over the file, so a sample spans the corpus's mix of story lengths.
        step = len(bodies) / sample
        bodies = [bodies[int(i * step)] for i in range(sample)]
    started = time.perf_counter()
    nlp = spacy.load(MODEL)
    loaded = time.perf_counter()
    cpu_before = cpu_seconds()
    n_tokens = 0
    for doc in nlp.pipe(bodies, batch_size=batch_size, n_process=n_process):
        n_tokens += len(doc)
    finished = time.perf_counter()
    cpu = cpu_seconds() - cpu_before
    return {
        "pipeline": nlp.pipe_names,
        "load_s": loaded - started,
        "pipe_s": finished - loaded,
        "pipe_cpu_s": cpu,
        "n_articles": len(bodies),
        "n_words": sum(len(body.split()) for body in bodies),
        "n_tokens": n_tokens,
        "batch_size": batch_size,
        "n_process": n_process,
        **rusage_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    """Run one phase and print its measurements as JSON on the last line."""
    parser = argparse.ArgumentParser(prog="python -m bench.phases")
    commands = parser.add_subparsers(dest="phase", required=True)
    parley = commands.add_parser("parley")
    parley.add_argument("--drops", type=Path, required=True)
    parley.add_argument("--warehouse", type=Path, required=True)
    parley.add_argument("--profile", type=Path)
    parley.add_argument("--processes", type=int)
    baseline = commands.add_parser("baseline")
    baseline.add_argument("--drop-file", type=Path, required=True)
    baseline.add_argument("--sample", type=int)
    baseline.add_argument("--batch-size", type=int, default=64)
    baseline.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args(argv)
    if args.phase == "parley":
        result = run_parley(args.drops, args.warehouse, args.profile, args.processes)
    else:
        result = run_baseline(args.drop_file, args.sample, args.batch_size, args.n_process)
    print(json.dumps(result, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
