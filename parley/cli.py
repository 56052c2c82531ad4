"""The ``parley`` command: ``parley run`` (headless, through Dagster) and ``parley ui``."""

from __future__ import annotations

import argparse
import os
import sys
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
    run.set_defaults(handler=_run)

    ui = commands.add_parser("ui", help="open the Dagster UI on 127.0.0.1")
    _add_path_options(ui)
    ui.add_argument("--port", type=int, default=3000, help="port (default 3000)")
    ui.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    ui.set_defaults(handler=_ui)
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
    home = settings.dagster_home()
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
    from pipelines.runner import run_pipeline

    summary = run_pipeline(drops_root, settings.warehouse_path())
    print(summary.describe())
    if summary.failures:
        raise ParleyError(summary.failure_line())
    return 0


def _ui(args: argparse.Namespace) -> int:
    """``parley ui``: run ``dagster dev`` over this workspace, bound to 127.0.0.1."""
    _apply_settings(args)
    command = [
        sys.executable,
        "-m",
        "dagster",
        "dev",
        "-w",
        str(settings.REPO_ROOT / "workspace.yaml"),
        "-h",
        args.host,
        "-p",
        str(args.port),
    ]
    os.chdir(settings.REPO_ROOT)
    os.execv(sys.executable, command)


if __name__ == "__main__":
    sys.exit(main())
