"""The ``report_*`` views: analyst questions answered in SQL inside the published warehouse."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

import duckdb

# The views the SQL files create, in the order the README presents them.
REPORT_VIEWS = (
    "report_country_pair_month",
    "report_person_network",
    "report_active_officials",
    "report_official_roles",
    "report_topics_country_pair_month",
    "report_meeting_coverage",
    "report_outlet_coverage",
)


def report_sql_files() -> list[Traversable]:
    """The view definitions in ``warehouse/sql/reports``, in file-name order."""
    folder = resources.files("warehouse").joinpath("sql", "reports")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)


def create_report_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or replace) every ``report_*`` view, with its comments, in ``con``'s main schema."""
    for sql_file in report_sql_files():
        con.execute(sql_file.read_text())
