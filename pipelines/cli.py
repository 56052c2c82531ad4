"""The ``parley`` command: ``parley run`` (headless, through Dagster) and ``parley ui``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from parley import settings

INSTANCE_YAML = """\
# Written by parley on first use: the local Dagster instance of this checkout.
# Storage is SQLite in this folder; see deploy/ for a Postgres instance.
telemetry:
  enabled: false
concurrency:
  pools:
    # The publish step runs in the pool "warehouse_writer": one writer at a time.
    # Enforced per run by the queued run coordinator of `parley ui` / `dagster dev`.
    granularity: run
    default_limit: 1
"""


DEFAULT_CONSULT = (
    settings.REPO_ROOT.parent / "shared" / "corpora" / "petrarch_consult" / "records.jsonl"
)


class ParleyError(Exception):
    """A failure to report as one line and a non-zero exit."""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``parley`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except ParleyError as error:
        print(f"parley: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parley", description="Diplomatic meetings from news articles, into DuckDB."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run", help="process every new drop through Dagster and publish the warehouse"
    )
    _add_path_options(run)
    run.add_argument(
        "--quiet",
        action="store_true",
        help="show no progress (the summary and errors are still printed)",
    )
    run.set_defaults(handler=_run)

    ui = commands.add_parser("ui", help="open the Dagster UI on 127.0.0.1")
    _add_path_options(ui)
    ui.add_argument("--port", type=int, default=3000, help="port (default 3000)")
    ui.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    ui.set_defaults(handler=_ui)

    evaluate = commands.add_parser(
        "eval", help="run the pipeline on the labelled sets and score it set by set"
    )
    evaluate.add_argument(
        "--set",
        dest="sets",
        action="append",
        metavar="NAME",
        help="a labelled set to score (repeat for several; default: every set available)",
    )
    evaluate.add_argument(
        "--errors",
        action="store_true",
        help="also list the false positives, misses and slot errors of the tuned-on sets",
    )
    evaluate.add_argument(
        "--extractor-only",
        action="store_true",
        help="fast: score the mention extractor alone (no Dagster, no dedup: one meeting per "
        "mention)",
    )
    evaluate.add_argument(
        "--consult",
        type=Path,
        default=DEFAULT_CONSULT,
        help="PETRARCH/PLOVER consult records to score sentence by sentence (if present)",
    )
    evaluate.add_argument(
        "--keep", type=Path, help="keep the drops root and warehouse of the run in this folder"
    )
    evaluate.set_defaults(handler=_eval)
    return parser


def _add_path_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--drops",
        type=Path,
        help=f"drops root, one folder per drop (default ${settings.DROPS_DIR_ENV} or ./drops)",
    )
    parser.add_argument(
        "--warehouse",
        type=Path,
        help=f"published DuckDB file (default ${settings.WAREHOUSE_ENV} or "
        "warehouse/parley.duckdb)",
    )


def _apply_settings(args: argparse.Namespace) -> None:
    """Put the chosen paths in the environment, where the Dagster definitions read them."""
    if args.drops is not None:
        os.environ[settings.DROPS_DIR_ENV] = str(args.drops.absolute())
    if args.warehouse is not None:
        os.environ[settings.WAREHOUSE_ENV] = str(args.warehouse.absolute())
    os.environ[settings.DROPS_DIR_ENV] = str(settings.drops_dir())
    os.environ[settings.WAREHOUSE_ENV] = str(settings.warehouse_path())
    _use_dagster_home(settings.dagster_home())


def _use_dagster_home(home: Path) -> None:
    """Create the Dagster instance folder if needed and point DAGSTER_HOME at it."""
    home.mkdir(parents=True, exist_ok=True)
    instance_yaml = home / "dagster.yaml"
    if not instance_yaml.exists():
        instance_yaml.write_text(INSTANCE_YAML)
    os.environ[settings.DAGSTER_HOME_ENV] = str(home)


def _run(args: argparse.Namespace) -> int:
    """``parley run``: process new or changed drops, then publish."""
    _apply_settings(args)
    drops_root = settings.drops_dir()
    if not drops_root.is_dir():
        raise ParleyError(f"no drops folder at {drops_root}")
    # Imported here: the definitions read the paths from the environment set just above.
    from pipelines.progress import run_progress
    from pipelines.runner import run_pipeline

    with run_progress(quiet=args.quiet) as progress:
        summary = run_pipeline(drops_root, settings.warehouse_path(), progress)
    print(summary.describe())
    if summary.failures:
        raise ParleyError(summary.failure_line())
    return 0


def _eval(args: argparse.Namespace) -> int:
    """``parley eval``: the real pipeline over the labelled articles, then the scores."""
    import duckdb

    from parley.eval.announcements import (
        AnnouncementReport,
        format_announcement_errors,
        format_announcement_summary,
        score_published_announcements,
    )
    from parley.eval.consult import format_consult_report, score_consult
    from parley.eval.report import format_extraction_summary, format_report, format_summary
    from parley.eval.run import run_eval, score_mentions_one_meeting_each
    from parley.eval.sets import LABELLED_SETS
    from pipelines.runner import run_pipeline

    available = {s.name: s for s in LABELLED_SETS if s.available}
    unknown = sorted(set(args.sets or ()) - available.keys())
    if unknown:
        raise ParleyError(f"no labelled set {', '.join(unknown)}; have {', '.join(available)}")
    chosen = [available[name] for name in args.sets] if args.sets else list(available.values())

    def pipeline(drops_root: Path, warehouse: Path) -> None:
        summary = run_pipeline(drops_root, warehouse)
        if summary.failures:
            raise ParleyError(summary.failure_line())

    announcements: dict[str, AnnouncementReport] = {}
    if args.extractor_only:
        reports = {s.name: score_mentions_one_meeting_each(s) for s in chosen}
        print(format_extraction_summary(reports))
    else:
        names = {s.name for s in chosen}

        def score_announcements(published: duckdb.DuckDBPyConnection) -> None:
            announcements.update(score_published_announcements(published, names))

        # A throwaway Dagster instance: evaluation runs stay out of the user's run history.
        with tempfile.TemporaryDirectory(prefix="parley-eval-home-") as home:
            _use_dagster_home(Path(home))
            try:
                scores = run_eval(chosen, pipeline, args.keep, score_announcements)
            except FileExistsError as error:
                raise ParleyError(str(error)) from error
        print(format_summary(scores))
        reports = {name: score.report for name, score in scores.items()}
        if announcements:
            print()
            print(format_announcement_summary(announcements))
    tuned = {s.name for s in chosen if not s.unseen}
    for name, report in reports.items():
        if args.errors and name in tuned:
            print(f"\n== {name}\n{format_report(report)}")
            if name in announcements:
                print(format_announcement_errors(announcements[name]))
    if args.consult.exists():
        print()
        print(format_consult_report(score_consult(args.consult)))
    return 0


def _ui(args: argparse.Namespace) -> int:
    """``parley ui``: ``dg dev`` over the definitions, bound to 127.0.0.1; Ctrl-C stops it all."""
    _apply_settings(args)
    from pipelines.ui import serve, ui_command

    return serve(ui_command(args.host, args.port), cwd=settings.data_root())


if __name__ == "__main__":
    sys.exit(main())
