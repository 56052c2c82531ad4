"""Build the published DuckDB warehouse from the staged per-drop files, atomically.

The tables are built in a fresh file beside the published one, which is then renamed over it.
A user holding the published file open keeps reading the complete old version; the next
connection sees the complete new one; a run killed half-way leaves only a stray temporary
file, never a half-written warehouse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from parley.announcements.link import link_announcements
from parley.atomic import remove_abandoned, replace_atomically
from parley.meetings.cluster import build_meetings
from warehouse import schema, staging
from warehouse.checks import WAREHOUSE_CHECKS, prepare_connection
from warehouse.views import create_report_views

SQL_DIR = Path(__file__).parent / "sql"
PUBLISHED_TABLES = schema.PUBLISHED_TABLES
# DuckDB's memory for the build, past which it spills to a temporary folder beside the new
# file (its default is 80% of RAM). The build runs in the process that holds the spaCy
# models, and the mention pairs of one article grow with the square of its mentions: a 2.3
# MB article repeating one report 1,000 times took the build to 2.8 GB without this limit,
# 1.2 GB with it, for twice the time.
BUILD_MEMORY_LIMIT = "1GB"


@dataclass(frozen=True)
class PublishResult:
    """What a publish wrote: the file and the row count of each table."""

    path: Path
    row_counts: dict[str, int]
    previews: dict[str, str]


def publish_warehouse(
    staging_area: staging.StagingArea, target: Path, now: dt.datetime
) -> PublishResult:
    """Build every contract table from the staged files into ``target``, atomically."""
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned(target)
    row_counts: dict[str, int] = {}
    previews: dict[str, str] = {}

    def build(temporary: Path) -> None:
        try:
            config = {"memory_limit": BUILD_MEMORY_LIMIT}
            with duckdb.connect(str(temporary), config=config) as con:
                # `parley run` prints a short summary, not the progress of a long query.
                con.execute("SET enable_progress_bar = false")
                build_tables(con, staging_area, now)
                # Blocking checks gate the rename: wrong data never replaces the published file.
                failed = blocking_check_failures(con)
                if failed:
                    raise PublishBlocked(failed)
                row_counts.update({t: _row_count(con, t) for t in PUBLISHED_TABLES})
                previews.update({t: preview_markdown(con, t) for t in PUBLISHED_TABLES})
                con.execute("CHECKPOINT")
        finally:
            Path(f"{temporary}.wal").unlink(missing_ok=True)

    replace_atomically(target, build, suffix=".building")
    return PublishResult(target, row_counts, previews)


class PublishBlocked(Exception):
    """A blocking check failed on the new build; the published file was left as it was."""

    def __init__(self, failed: dict[str, int]) -> None:
        listed = ", ".join(f"{name} ({n} rows)" for name, n in sorted(failed.items()))
        super().__init__(f"publish refused, blocking checks failed: {listed}")
        self.failed = failed


def blocking_check_failures(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """``table.check`` -> failing row count, for every blocking warehouse check that fails."""
    prepare_connection(con)
    failed = {}
    for check in WAREHOUSE_CHECKS:
        if check.blocking:
            rows = check.failures(con)
            if rows:
                failed[f"{check.table}.{check.name}"] = len(rows)
    return failed


def build_tables(
    con: duckdb.DuckDBPyConnection, staging_area: staging.StagingArea, now: dt.datetime
) -> None:
    """Create and fill the contract tables in ``con`` from the staged files."""
    con.execute(schema.ddl())
    con.execute("CREATE SCHEMA work")
    for table in staging.STAGED_TABLES:
        _load_staged(con, staging_area, table)
    con.execute(_sql("reject_failed_articles"))
    con.execute(_sql("publish_articles"))
    con.execute(_sql("publish_entities"))
    con.execute(_sql("stage_events"))
    con.execute(_sql("stage_announcements"))
    # The clustering and linking steps read and write unqualified names in the work schema.
    con.execute("USE work")
    build_meetings(con, staging_area.state_dir, now)
    link_announcements(con)
    con.execute("USE main")
    con.execute(_sql("publish_meetings"))
    con.execute(_sql("publish_announcements"))
    con.execute("DROP SCHEMA work CASCADE")
    # The report_* views ship inside the published file, so every SQL client sees them.
    create_report_views(con)


def _load_staged(
    con: duckdb.DuckDBPyConnection, staging_area: staging.StagingArea, table: staging.StagedTable
) -> None:
    """Load every drop's file of one staged table into ``work.stg_<table>``."""
    name = f"work.stg_{table.name}"
    empty = table.schema.empty_table()  # noqa: F841 (read by DuckDB by name)
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM empty")
    files = staging_area.files(table)
    if files:
        # By name: a file staged before a column was added gets NULL in it, not a failed load.
        con.execute(
            f"INSERT INTO {name} BY NAME SELECT * FROM read_parquet($files, union_by_name = true)",
            {"files": [str(f) for f in files]},
        )


def _row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows in one published table (``table`` is one of PUBLISHED_TABLES, never user text)."""
    return con.execute(f"SELECT count(*) FROM main.{table}").fetchall()[0][0]


def preview_markdown(con: duckdb.DuckDBPyConnection, table: str, limit: int = 5) -> str:
    """The first rows of a published table as a Markdown table, long texts shortened."""
    relation = con.table(f"main.{table}").limit(limit)
    header = "| " + " | ".join(relation.columns) + " |"
    rule = "|" + "---|" * len(relation.columns)
    lines = [header, rule]
    for row in relation.fetchall():
        cells = (_preview_cell(value) for value in row)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _preview_cell(value: object, width: int = 60) -> str:
    """One cell of a Markdown preview: NULL shown, pipes and newlines escaped, cut to width."""
    if value is None:
        return "NULL"
    text = " ".join(str(value).split()).replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def _sql(name: str) -> str:
    """The text of a SQL file in ``warehouse/sql``."""
    return (SQL_DIR / f"{name}.sql").read_text()
