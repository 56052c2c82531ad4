"""Where parley reads drops, writes the warehouse, and keeps Dagster's instance.

One place for the defaults so that the CLI, the UI and the Dagster definitions agree: the
environment variables of the contract win, else the folders inside the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

DROPS_DIR_ENV = "PARLEY_DROPS_DIR"
WAREHOUSE_ENV = "PARLEY_WAREHOUSE"
DAGSTER_HOME_ENV = "DAGSTER_HOME"

DEFAULT_DROPS_DIR = REPO_ROOT / "drops"
DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse" / "parley.duckdb"
DEFAULT_DAGSTER_HOME = REPO_ROOT / ".dagster_home"
DEMO_DROP = REPO_ROOT / "seeds"


def drops_dir() -> Path:
    """The drops root: ``$PARLEY_DROPS_DIR`` or ``<repo>/drops``."""
    return Path(os.environ.get(DROPS_DIR_ENV) or DEFAULT_DROPS_DIR).absolute()


def warehouse_path() -> Path:
    """The published DuckDB file: ``$PARLEY_WAREHOUSE`` or ``<repo>/warehouse/parley.duckdb``."""
    return Path(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE).absolute()


def dagster_home() -> Path:
    """Dagster's instance folder: ``$DAGSTER_HOME`` or ``<repo>/.dagster_home``."""
    return Path(os.environ.get(DAGSTER_HOME_ENV) or DEFAULT_DAGSTER_HOME).absolute()
