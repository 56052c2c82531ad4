"""The publisher's bookkeeping inside every warehouse file (schema ``parley_internal``).

A published file says what it was built from: the signature of the code and schemas that
made it, the meeting-id state generation it holds, its publish number, and the fingerprint
of every staged drop in it. An incremental publish extends a file only when all of these
still hold (``warehouse.publish``); it reads the entity tallies, the event mentions as
staged and the participants' entities instead of the whole history. The DDL and the full
build's rows are in ``warehouse/sql/internal/``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import duckdb

from warehouse import schema, staging

SCHEMA = "parley_internal"
SQL_DIR = Path(__file__).parent / "sql"
_ROOT = Path(__file__).parent.parent
_MEETINGS_DIR = _ROOT / "parley" / "meetings"
_ANNOUNCEMENTS_DIR = _ROOT / "parley" / "announcements"
_GROUPS_FILE = _ROOT / "parley" / "data" / "groups.csv"


@dataclass(frozen=True)
class BuildInfo:
    """What a warehouse file was built from (its ``parley_internal.build`` row)."""

    signature: str
    state_generation: str | None
    version: int
    published_at: dt.datetime


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the bookkeeping tables (a full build fills them, ``full.sql``)."""
    con.execute((SQL_DIR / "internal" / "schema.sql").read_text())


def read_build(con: duckdb.DuckDBPyConnection) -> BuildInfo | None:
    """The build row of the file ``con`` is open on; None for a file without one."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = ? AND table_name = 'build'",
        [SCHEMA],
    ).fetchall()[0][0]
    if not found:
        return None
    rows = con.execute(
        f"SELECT signature, state_generation, version, published_at FROM {SCHEMA}.build"
    ).fetchall()
    return BuildInfo(*rows[0]) if len(rows) == 1 else None


def code_signature() -> str:
    """A digest of everything that decides the published rows besides the data.

    The schema, every SQL file of the build, the clustering and the announcements' linking,
    the Python of all three, the staged tables' schemas, the group memberships and DuckDB's
    version: a file built by other code is rebuilt in full rather than extended.
    """
    digest = hashlib.sha256()
    digest.update(schema.ddl().encode())
    for table in staging.STAGED_TABLES:
        digest.update(f"{table.name}:{table.schema}".encode())
    sources = [
        *sorted(SQL_DIR.rglob("*.sql")),
        *sorted(Path(__file__).parent.glob("*.py")),
        *sorted(_MEETINGS_DIR.rglob("*.sql")),
        *sorted(_MEETINGS_DIR.glob("*.py")),
        *sorted(_ANNOUNCEMENTS_DIR.rglob("*.sql")),
        *sorted(_ANNOUNCEMENTS_DIR.glob("*.py")),
        _GROUPS_FILE,
    ]
    for path in sources:
        digest.update(str(path.relative_to(_ROOT)).encode())
        digest.update(path.read_bytes())
    digest.update(metadata.version("duckdb").encode())
    return digest.hexdigest()


def read_check_results(
    con: duckdb.DuckDBPyConnection,
) -> dict[tuple[str, str], tuple[int, str]] | None:
    """(table, check) -> (failing rows, examples) as the publish of this file recorded them;
    None for a file without them (built elsewhere, or before checks were recorded)."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = ? AND table_name = 'check_results'",
        [SCHEMA],
    ).fetchall()[0][0]
    if not found:
        return None
    rows = con.execute(
        f"SELECT table_name, check_name, n_failures, examples FROM {SCHEMA}.check_results"
    ).fetchall()
    return {(table, name): (n, examples) for table, name, n, examples in rows} or None
