"""Scale benchmark: what a 100-article drop costs as the history grows.

    .venv/bin/python -m bench.scale                          # 3,000 and 12,000; 10x and 100x
    .venv/bin/python -m bench.scale --histories 3000 --multiples 10

1. **Real histories** (``--histories``): for each N, the first N corpus articles (the reserved
   evaluation ids left out) as one drop through ``pipelines.runner.run_pipeline`` in a fresh
   folder (the full run), then ``--increments`` drops of 100 reprints each through the same
   runner (each phase a child process, as ``python -m bench`` runs them): the whole cost of a
   drop, NLP, Dagster runs, publish, checks and pictures included.
2. **Synthetic histories** (``--multiples``): the largest real history's staged tables copied
   until the history holds M times the Reuters corpus (19,043 articles): each copy under new
   article and mention ids, a new body digest, its dates moved forward by the base's span of
   publication dates and two weeks more per copy (so that no copy's reports dedup with
   another's), as a drop of its own; no NLP is re-run. One full publish builds the
   warehouse; then increments of 100 reprinted articles (their staged rows under new ids, on
   the dates of the original copy, so their meetings dedup against published ones) are
   staged and published in turn, each timed (``publish_warehouse``: the publish with its
   dedup and checks).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

from bench.run import (
    DEFAULT_CORPUS,
    FULL_DROP,
    load_corpus,
    machine_facts,
    reprints,
    run_phase,
    write_drop,
)
from warehouse import staging
from warehouse.publish import publish_warehouse
from warehouse.staging import StagingArea

REUTERS_ARTICLES = 19_043
# Targets of issue 17.
TARGET_SPREAD = 0.30
TARGET_SHARE = 0.05
# Per staged table: the columns a synthetic copy rewrites (SQL over the base row; the copy's
# number, its drop id and its shift in days are bound as $k, $drop and $days).
_KEYED = "{column} || '~' || $k"
# Forward, not back: a meeting of a group of states alone ("OPEC ministers met") needs the
# group's members on its date, and several groups did not exist a few years before 1987.
_SHIFTED = "CAST({column} + to_days($days::INTEGER) AS DATE)"
# Days between two copies beyond the base's span of publication dates: more than any window
# the dedup pairs reports in (a month-precise report aside).
COPY_GAP_DAYS = 14
COPY_COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": _KEYED,
        "source_ref": _KEYED,
        "published_date": _SHIFTED,
        "content_sha256": "sha256(content_sha256 || '~' || $k)",
    },
    "rejected_inputs": {"source_ref": _KEYED},
    "entity_mentions": {"article_id": _KEYED},
    "role_observations": {"article_id": _KEYED, "seen_date": _SHIFTED},
    "event_mentions": {"mention_id": _KEYED, "article_id": _KEYED, "event_date": _SHIFTED},
    "event_participants": {"mention_id": _KEYED},
    "party_mentions": {"article_id": _KEYED},
    "entity_failures": {"article_id": _KEYED, "source_ref": _KEYED},
    "mention_failures": {"article_id": _KEYED, "source_ref": _KEYED},
    "announcements": {
        "announcement_id": _KEYED,
        "article_id": _KEYED,
        "expected_date": _SHIFTED,
    },
    "announcement_participants": {"announcement_id": _KEYED},
}


def real_history(
    workdir: Path, records: list[dict[str, Any]], n_increments: int, increment: int
) -> dict[str, Any]:
    """The full run of ``records`` and ``n_increments`` drops of reprints onto it."""
    drops_root = workdir / "drops"
    warehouse = workdir / "warehouse" / "parley.duckdb"
    write_drop(drops_root, FULL_DROP, records)
    env = {**os.environ, "DAGSTER_HOME": str(workdir / "dagster_home")}
    env.pop("PARLEY_DROPS_DIR", None)
    env.pop("PARLEY_WAREHOUSE", None)
    args = ["parley", "--drops", str(drops_root), "--warehouse", str(warehouse)]
    full = run_phase(f"full {len(records)}", args, env)
    increments = []
    for n in range(n_increments):
        # Every increment reprints other articles: shift the even spread by n.
        extra = [
            {**record, "id": f"{record['id']}-{n}"} for record in reprints(records[n:], increment)
        ]
        write_drop(drops_root, f"increment-{n}", extra)
        phase = run_phase(f"increment {n} on {len(records)}", args, env)
        increments.append(
            {
                "wall_s": phase.wall_s,
                "cpu_s": phase.cpu_s,
                "steps_s": phase.report["steps_s"],
                "import_s": phase.report["import_s"],
            }
        )
    return {
        "n_articles": len(records),
        "full": {"wall_s": full.wall_s, "cpu_s": full.cpu_s, "steps_s": full.report["steps_s"]},
        "increments": increments,
        "staging": str(StagingArea.for_warehouse(warehouse).root),
    }


def synthetic_history(
    workdir: Path, base: StagingArea, multiple: int, n_increments: int, increment: int
) -> dict[str, Any]:
    """A history of ``multiple`` times the Reuters corpus from ``base``'s staged drops."""
    warehouse = workdir / "parley.duckdb"
    area = StagingArea.for_warehouse(warehouse)
    with duckdb.connect() as con:
        base_articles, span_days = con.execute(
            "SELECT count(*), date_diff('day', min(published_date), max(published_date)) "
            "FROM read_parquet($files)",
            {"files": base.files(staging.ARTICLES)},
        ).fetchall()[0]
        copies = max(1, round(multiple * REUTERS_ARTICLES / base_articles))
        started = time.perf_counter()
        for k in range(copies):
            _write_copy(con, base, area, k, k * (span_days + COPY_GAP_DAYS))
        staged_s = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    full = publish_warehouse(area, warehouse, dt.datetime.now(dt.UTC))
    full_s, full_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    increments = []
    for n in range(n_increments):
        drop_id = f"increment-{n}"
        _write_reprints(base, area, drop_id, n, increment)
        started, cpu = time.perf_counter(), time.process_time()
        result = publish_warehouse(area, warehouse, dt.datetime.now(dt.UTC))
        increments.append(
            {
                "publish_s": time.perf_counter() - started,
                # All of this process's threads (DuckDB's too): barely moved by other load.
                "publish_cpu_s": time.process_time() - cpu,
                "mode": result.mode,
                "detail": result.detail,
            }
        )
    return {
        "multiple": multiple,
        "copies": copies,
        "n_articles": full.row_counts["articles"],
        "n_event_mentions": full.row_counts["event_mentions"],
        "n_meetings": full.row_counts["meetings"],
        "staged_s": staged_s,
        "full_publish_s": full_s,
        "full_publish_cpu_s": full_cpu_s,
        "file_mb": warehouse.stat().st_size / 2**20,
        "increments": increments,
    }


def _write_copy(
    con: duckdb.DuckDBPyConnection, base: StagingArea, area: StagingArea, k: int, days: int
) -> None:
    """Copy ``k`` of every staged table of ``base``, its dates ``days`` later, as the drop
    ``synthetic-k`` of ``area``."""
    drop_id = f"synthetic-{k:04d}"
    area.drop_dir(drop_id).mkdir(parents=True, exist_ok=True)
    for table in staging.STAGED_TABLES:
        files = base.files(table)
        replaced = {"drop_id": "$drop", **COPY_COLUMNS[table.name]}
        columns = ", ".join(
            f"{sql.format(column=column)} AS {column}" for column, sql in replaced.items()
        )
        target = area.table_path(drop_id, table)
        con.execute(
            f"COPY (SELECT * REPLACE ({columns}) FROM read_parquet($files, union_by_name = true)) "
            f"TO '{target}' (FORMAT parquet)",
            {"files": files, **_used({"k": str(k), "drop": drop_id, "days": days}, columns)},
        )


def _used(params: dict[str, object], sql: str) -> dict[str, object]:
    """The params ``sql`` names (DuckDB refuses named params a statement does not use)."""
    return {name: value for name, value in params.items() if f"${name}" in sql}


def _write_reprints(base: StagingArea, area: StagingArea, drop_id: str, n: int, size: int) -> None:
    """``size`` articles of ``base`` spread over it (shifted by ``n``) with all their staged
    rows, under new ids, staged as ``drop_id`` through ``StagingArea.write``."""
    drops = base.drop_ids()
    chosen: dict[str, list[Any]] = {}
    articles = [a for d in drops for a in base.read(d, staging.ARTICLES)]
    articles.sort(key=lambda a: (a.published_date, a.article_id))
    step = max(1, len(articles) // size)
    picked = articles[n::step][:size]
    ids = {a.article_id for a in picked}
    suffix = f"~r{n}"
    chosen[staging.ARTICLES.name] = [
        _renamed(a, suffix, drop_id=drop_id, source_ref=a.source_ref + suffix) for a in picked
    ]
    # The ids of the picked articles' event mentions and announcements, which their
    # participants are staged by.
    parents: dict[str, set[str]] = {}
    for table in staging.STAGED_TABLES:
        if table is staging.ARTICLES:
            continue
        rows = [r for d in drops for r in base.read(d, table)]
        if table is staging.REJECTED_INPUTS:
            kept: list[Any] = []
        elif table is staging.EVENT_PARTICIPANTS:
            kept = [_renamed(r, suffix) for r in rows if r.mention_id in parents["mention_id"]]
        elif table is staging.ANNOUNCEMENT_PARTICIPANTS:
            kept = [
                _renamed(r, suffix) for r in rows if r.announcement_id in parents["announcement_id"]
            ]
        else:
            kept = [_renamed(r, suffix) for r in rows if r.article_id in ids]
            if table is staging.EVENT_MENTIONS:
                parents["mention_id"] = {r.mention_id for r in rows if r.article_id in ids}
            if table is staging.ANNOUNCEMENTS:
                parents["announcement_id"] = {
                    r.announcement_id for r in rows if r.article_id in ids
                }
        chosen[table.name] = kept
    stamp = dt.datetime.now(dt.UTC)
    for table in staging.STAGED_TABLES:
        area.write(drop_id, table, chosen[table.name], stamp=stamp)


def _renamed(record: Any, suffix: str, **fields: object) -> Any:
    """``record`` with its article, mention and announcement ids suffixed (and ``fields``
    replaced)."""
    changes = dict(fields)
    for name in ("article_id", "mention_id", "announcement_id"):
        if hasattr(record, name):
            changes[name] = getattr(record, name) + suffix
    return dataclasses.replace(record, **changes)


def describe(results: dict[str, Any]) -> str:
    """The figures as text, with the targets."""
    lines = [f"machine: {results['machine']}"]
    real = results["real"]
    for history in real:
        steady = history["increments"][1:] or history["increments"]
        wall = statistics.median(i["wall_s"] for i in steady)
        cpu = statistics.median(i["cpu_s"] for i in steady)
        history["increment_wall_s"] = wall
        full = history["full"]
        lines.append(
            f"history {history['n_articles']:>6}: full run {full['wall_s']:.1f} s "
            f"(CPU {full['cpu_s']:.1f} s); increment median {wall:.2f} s (CPU {cpu:.2f} s), "
            f"{wall / full['wall_s']:.1%} of the full run; each: "
            + ", ".join(f"{i['wall_s']:.2f}" for i in history["increments"])
        )
        steps = steady[-1]["steps_s"]
        lines.append(
            "    last increment's steps: "
            + ", ".join(f"{k} {v:.2f} s" for k, v in steps.items())
            + f"; imports {steady[-1]['import_s']:.2f} s"
        )
    if len(real) >= 2:
        small, large = real[0], real[-1]
        spread = large["increment_wall_s"] / small["increment_wall_s"] - 1
        share = large["increment_wall_s"] / large["full"]["wall_s"]
        spread_met = "met" if abs(spread) <= TARGET_SPREAD else "NOT met"
        lines.append(
            f"increment on {large['n_articles']} vs {small['n_articles']}: {spread:+.1%} "
            f"(target within {TARGET_SPREAD:.0%}: {spread_met}); "
            f"{share:.1%} of the full {large['n_articles']} run (target <= {TARGET_SHARE:.0%}: "
            f"{'met' if share <= TARGET_SHARE else 'NOT met'})"
        )
    for history in results["synthetic"]:
        publishes = [i["publish_s"] for i in history["increments"]]
        cpus = [i["publish_cpu_s"] for i in history["increments"]]
        lines.append(
            f"synthetic {history['multiple']:>3}x: {history['n_articles']:,} articles, "
            f"{history['n_event_mentions']:,} event mentions, {history['n_meetings']:,} meetings, "
            f"file {history['file_mb']:.0f} MB; full publish {history['full_publish_s']:.1f} s "
            f"(CPU {history['full_publish_cpu_s']:.1f} s); increment publishes "
            f"{', '.join(f'{s:.2f}' for s in publishes)} s wall (median "
            f"{statistics.median(publishes):.2f} s), CPU median {statistics.median(cpus):.2f} s"
        )
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.scale", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--histories", default="3000,12000", help="real history sizes")
    parser.add_argument("--multiples", default="10,100", help="synthetic sizes, x Reuters")
    parser.add_argument("--increments", type=int, default=3, help="drops per history")
    parser.add_argument("--increment", type=int, default=100, help="articles per drop")
    parser.add_argument(
        "--base-staging",
        type=Path,
        help="build the synthetic histories from this staging folder and skip the real ones",
    )
    parser.add_argument("--workdir", type=Path, help="keep everything here (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the scale benchmark and print its figures."""
    args = _parser().parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="parley-scale-"))
    results: dict[str, Any] = {"machine": machine_facts(), "real": [], "synthetic": []}
    sizes = [] if args.base_staging else [int(n) for n in args.histories.split(",") if n]
    records = load_corpus(args.corpus, max(sizes)) if sizes else []
    for size in sizes:
        results["real"].append(
            real_history(workdir / f"real-{size}", records[:size], args.increments, args.increment)
        )
        print(describe(results), flush=True)
    base = StagingArea(args.base_staging or Path(results["real"][-1]["staging"]))
    for multiple in (int(m) for m in args.multiples.split(",") if m):
        results["synthetic"].append(
            synthetic_history(
                workdir / f"synthetic-{multiple}x", base, multiple, args.increments, args.increment
            )
        )
        print(describe(results), flush=True)
    text = describe(results)
    print(text)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
