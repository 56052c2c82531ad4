"""Fixtures: a tiny published warehouse with known answers, built from SQL in seconds."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from warehouse.schema import ddl
from warehouse.views import create_report_views

TINY_WAREHOUSE_SQL = Path(__file__).parents[1] / "data" / "reports" / "tiny_warehouse.sql"


def build_tiny_warehouse(path: Path) -> Path:
    """Write the contract tables, the tiny data set and the report views to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute(ddl())
        con.execute(TINY_WAREHOUSE_SQL.read_text())
        create_report_views(con)
    return path


@pytest.fixture(scope="session")
def tiny_warehouse_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny warehouse, built once per session; tests get copies."""
    return build_tiny_warehouse(tmp_path_factory.mktemp("tiny") / "parley.duckdb")


@pytest.fixture
def tiny_warehouse(tiny_warehouse_template: Path, tmp_path: Path) -> Path:
    """A published-warehouse file holding the tiny data set, the test's own copy."""
    target = tmp_path / "wh" / "parley.duckdb"
    target.parent.mkdir(parents=True)
    shutil.copyfile(tiny_warehouse_template, target)
    return target
