"""The ``report_*`` views: analyst questions answered in SQL inside the published warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb

VIEWS_DIR = Path(__file__).parent / "sql" / "views"

# The views the SQL files create, in the order the README presents them.
REPORT_VIEWS = (
    "report_country_pair_month",
    "report_person_network",
    "report_active_officials",
    "report_official_roles",
    "report_topics_country_pair_month",
    "report_meeting_coverage",
    "report_outlet_coverage",
    "report_announcements",
)


def report_sql_files() -> list[Path]:
    """The view definitions in ``warehouse/sql/views``, in file-name order."""
    return sorted(VIEWS_DIR.glob("*.sql"))


def create_report_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or replace) every ``report_*`` view, with its comments, in ``con``'s main schema."""
    for sql_file in report_sql_files():
        con.execute(sql_file.read_text())
