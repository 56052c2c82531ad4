"""The changes an incremental publish makes, and the SQL helpers its steps share.

Every change is a ``Change`` (rows deleted by key, rows inserted), kept in an ``Increment``
in the order it was made, so that the other replica can be brought to the same version by
replaying them (``warehouse.publish``), and so that the checks can look at the rows a publish
wrote (``warehouse.checks.Scope``). The steps (``warehouse.increment`` and the modules it
calls) run the SQL of ``warehouse/sql/increment/`` on temporary tables named ``inc_*``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from parley.sqlfile import run_file
from warehouse.lookup import chunks
from warehouse.replicas import connect_for_build

SQL_DIR = Path(__file__).parent / "sql" / "increment"
# The published tables an incremental publish keeps. A table added to the schema without
# being handled here makes every publish a full build.
PUBLISHED_TABLES = (
    "articles",
    "rejected_inputs",
    "entities",
    "entity_aliases",
    "entity_mentions",
    "person_roles",
    "event_mentions",
    "event_mention_participants",
    "meetings",
    "meeting_participants",
    "meeting_countries",
    "meeting_sources",
    "meeting_topics",
    "meeting_id_redirects",
    "meeting_announcements",
    "announcement_participants",
)


class NeedsFullBuild(Exception):
    """The new staged data changes what an incremental publish cannot; build in full."""


@dataclass(frozen=True)
class Change:
    """Rows of one table deleted by key, then rows inserted: one replayable step."""

    table: str
    key: tuple[str, ...] = ()
    deleted: pa.Table | None = None
    inserted: pa.Table | None = None
    # True when ``key`` is the table's primary key: deletes then go through its index.
    by_index: bool = False

    def apply(self, con: duckdb.DuckDBPyConnection) -> None:
        """Make this change on ``con``'s file."""
        if self.deleted is not None and self.deleted.num_rows:
            if self.by_index:
                (column,) = self.key
                for chunk in chunks(self.deleted.column(column).to_pylist()):
                    marks = ", ".join("?" * len(chunk))
                    con.execute(f"DELETE FROM {self.table} WHERE {column} IN ({marks})", chunk)
            else:
                con.register("_change_keys", self.deleted)
                try:
                    matches = " AND ".join(
                        f"t.{column} IS NOT DISTINCT FROM k.{column}" for column in self.key
                    )
                    con.execute(
                        f"DELETE FROM {self.table} AS t "
                        f"WHERE EXISTS (SELECT 1 FROM _change_keys AS k WHERE {matches})"
                    )
                finally:
                    con.unregister("_change_keys")
        if self.inserted is not None and self.inserted.num_rows:
            con.register("_change_rows", self.inserted)
            try:
                con.execute(f"INSERT INTO {self.table} BY NAME SELECT * FROM _change_rows")
            finally:
                con.unregister("_change_rows")


def replace(table: str, key: str, rows: pa.Table) -> Change:
    """A change replacing the rows of ``table`` whose primary key ``key`` is in ``rows``."""
    return Change(table, key=(key,), deleted=rows.select([key]), inserted=rows, by_index=True)


@dataclass
class Increment:
    """What an incremental publish did: its changes in order, and the meeting-id state it
    leaves."""

    changes: list[Change] = field(default_factory=list)
    # The new state of the whole history, when the clustering ran; None: unchanged.
    state: dict[str, pa.Table] | None = None
    n_new_articles: int = 0
    n_new_mentions: int = 0
    n_scope_mentions: int = 0
    n_touched_meetings: int = 0
    n_linked_announcements: int = 0

    def make(self, con: duckdb.DuckDBPyConnection, change: Change) -> None:
        """Apply ``change`` to ``con`` and keep it for a replay."""
        change.apply(con)
        self.changes.append(change)

    def inserted(self) -> dict[str, pa.Table]:
        """Per published table, the rows this increment wrote."""
        rows: dict[str, list[pa.Table]] = {}
        for change in self.changes:
            table = change.table.removeprefix("main.")
            if table in PUBLISHED_TABLES and change.inserted is not None:
                rows.setdefault(table, []).append(change.inserted)
        return {table: pa.concat_tables(parts) for table, parts in rows.items()}


def run(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> None:
    """Run ``warehouse/sql/increment/<name>.sql``."""
    run_file(con, SQL_DIR / f"{name}.sql", **params)


def rows(con: duckdb.DuckDBPyConnection, columns: str, relation: str) -> pa.Table:
    """``columns`` of a relation of an increment step (constants only) as an Arrow table."""
    return con.sql(f"SELECT {columns} FROM {relation}").to_arrow_table()


def column(con: duckdb.DuckDBPyConnection, sql: str) -> list[object]:
    """The values of a one-column query of an increment step."""
    return [row[0] for row in con.execute(sql).fetchall()]


def scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    """The one integer a counting query of an increment step returns."""
    return int(con.execute(sql).fetchall()[0][0])


def keep(con: duckdb.DuckDBPyConnection, name: str, data: pa.Table) -> None:
    """Keep ``data`` as the temporary table ``name`` (a constant of an increment step)."""
    con.register("_fetched", data)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _fetched")
    finally:
        con.unregister("_fetched")


def drop_temporaries(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the increment steps' temporary tables and views (``inc_*``, ``scope_*``)."""
    for kind, name_column in (("VIEW", "view_name"), ("TABLE", "table_name")):
        catalog = "duckdb_views()" if kind == "VIEW" else "duckdb_tables()"
        names = con.execute(
            f"SELECT {name_column} FROM {catalog} WHERE temporary "
            "AND ({0} LIKE 'inc\\_%' ESCAPE '\\' OR {0} LIKE 'scope\\_%' ESCAPE '\\')".format(
                name_column
            )
        ).fetchall()
        for (name,) in names:
            con.execute(f'DROP {kind} IF EXISTS temp."{name}"')


def work_database(inputs: dict[str, pa.Table]) -> duckdb.DuckDBPyConnection:
    """An in-memory database whose current schema ``work`` holds ``inputs`` as tables: where
    a step runs the clustering or the linking over the part of the history it chose (a
    transaction writes to one database only, and these runs write tables of their own)."""
    work = connect_for_build()
    work.execute("CREATE SCHEMA work")
    work.execute("USE work")
    for name, table in inputs.items():
        work.register("_input", table)
        work.execute(f"CREATE TABLE work.{name} AS SELECT * FROM _input")
        work.unregister("_input")
    return work


def published_views(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Create the work views of ``warehouse/sql/<name>.sql`` that word a step's results as
    rows of the published tables."""
    con.execute((SQL_DIR.parent / f"{name}.sql").read_text())
