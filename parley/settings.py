"""Where parley reads drops, writes the warehouse, and keeps Dagster's instance.

One place for the defaults so that the CLI, the UI and the Dagster definitions agree: the
environment variables of the contract win, else the folders inside the repository (or, for
an installed package, inside the current folder).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEMO_DROP = REPO_ROOT / "seeds"

DROPS_DIR_ENV = "PARLEY_DROPS_DIR"
WAREHOUSE_ENV = "PARLEY_WAREHOUSE"
DAGSTER_HOME_ENV = "DAGSTER_HOME"


def data_root() -> Path:
    """Where the defaults live: the repository of a checkout (or an editable install); for a
    package installed with ``pip install .``, the folder the command runs in, never the
    installed package's own folder."""
    return REPO_ROOT if (REPO_ROOT / "pyproject.toml").is_file() else Path.cwd()


def drops_dir() -> Path:
    """The drops root: ``$PARLEY_DROPS_DIR`` or ``drops/`` in the ``data_root()``."""
    return Path(os.environ.get(DROPS_DIR_ENV) or data_root() / "drops").absolute()


def warehouse_path() -> Path:
    """The published DuckDB file: ``$PARLEY_WAREHOUSE`` or ``warehouse/parley.duckdb`` in the
    ``data_root()``."""
    return Path(
        os.environ.get(WAREHOUSE_ENV) or data_root() / "warehouse" / "parley.duckdb"
    ).absolute()


def dagster_home() -> Path:
    """Dagster's instance folder: ``$DAGSTER_HOME`` or ``.dagster_home/`` in the ``data_root()``."""
    return Path(os.environ.get(DAGSTER_HOME_ENV) or data_root() / ".dagster_home").absolute()
