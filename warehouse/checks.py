"""Data-quality checks over the published warehouse: each returns the rows that break a rule.

Every check is a query for failures: an empty answer means it passed. Blocking checks guard
rules whose failure means wrong data (duplicate keys, dangling references, a future or
one-sided meeting); the others flag data that is suspect but may be legitimate.

A check runs over a whole file (``failures``), or over the rows a publish wrote (``Scope``,
``scoped_failures``): an incremental publish replaces whole keys (every row of an article,
an entity, a meeting), so a key can be duplicated, or a reference left dangling, only among
the rows it wrote; their references are looked up through the parents' indexes. Rows a
publish did not write were checked when they were written, and the daily check job checks
the whole file again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from parley.meetings.cluster import (
    check_meeting_date_span,
    check_meeting_id_unique,
    check_mention_in_one_meeting,
)
from warehouse.lookup import fetch_by_key

CHECKS_DIR = Path(__file__).parent / "sql" / "checks"
Rows = list[tuple[object, ...]]
# Failing rows kept as examples per check (the count says how many there are in all).
EXAMPLE_ROWS = 5

# Templates for the generic rules. The identifiers come only from the constants below, never
# from user input; values are never spliced in.
UNIQUE_KEY_SQL = (
    "SELECT {columns}, count(*) AS n_rows FROM {relation} "
    "GROUP BY ALL HAVING count(*) > 1 ORDER BY n_rows DESC, {columns}"
)
FOREIGN_KEY_SQL = (
    "SELECT '{column} -> {parent}.{parent_column}' AS reference, c.{column} AS missing_key, "
    "count(*) AS n_rows FROM main.{table} AS c "
    "ANTI JOIN main.{parent} AS p ON p.{parent_column} = c.{column} "
    "WHERE c.{column} IS NOT NULL GROUP BY ALL"
)

# (table, key columns, blocking). The meetings key is checked by the meetings module's own
# check, below.
UNIQUE_KEYS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("articles", ("article_id",), True),
    ("rejected_inputs", ("drop_id", "source_ref"), False),
    ("entities", ("entity_id",), True),
    ("entity_aliases", ("entity_id", "alias"), False),
    ("entity_mentions", ("article_id", "start_char", "end_char", "entity_id"), False),
    ("person_roles", ("entity_id", "role", "country_iso3"), False),
    ("event_mentions", ("mention_id",), True),
    ("event_mention_participants", ("mention_id", "entity_id", "role_in_event"), True),
    ("meeting_participants", ("meeting_id", "entity_id"), True),
    ("meeting_countries", ("meeting_id", "country_iso3"), True),
    ("meeting_sources", ("meeting_id", "mention_id"), True),
    ("meeting_topics", ("meeting_id", "topic"), True),
    ("meeting_id_redirects", ("old_meeting_id",), True),
    ("meeting_announcements", ("announcement_id",), True),
    ("announcement_participants", ("announcement_id", "entity_id"), True),
)

# table -> (column, parent table, parent column) references that must resolve. All blocking:
# a dangling reference drops or invents rows in every join a user writes.
FOREIGN_KEYS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "articles": (("duplicate_of", "articles", "article_id"),),
    "entity_aliases": (("entity_id", "entities", "entity_id"),),
    "entity_mentions": (
        ("article_id", "articles", "article_id"),
        ("entity_id", "entities", "entity_id"),
    ),
    "person_roles": (("entity_id", "entities", "entity_id"),),
    "event_mentions": (("article_id", "articles", "article_id"),),
    "event_mention_participants": (
        ("mention_id", "event_mentions", "mention_id"),
        ("entity_id", "entities", "entity_id"),
    ),
    "meetings": (("part_of", "meetings", "meeting_id"),),
    "meeting_participants": (
        ("meeting_id", "meetings", "meeting_id"),
        ("entity_id", "entities", "entity_id"),
    ),
    "meeting_sources": (
        ("meeting_id", "meetings", "meeting_id"),
        ("article_id", "articles", "article_id"),
        ("mention_id", "event_mentions", "mention_id"),
    ),
    "meeting_countries": (("meeting_id", "meetings", "meeting_id"),),
    "meeting_topics": (("meeting_id", "meetings", "meeting_id"),),
    "meeting_announcements": (
        ("article_id", "articles", "article_id"),
        ("meeting_id", "meetings", "meeting_id"),
        ("cancelled_by", "meeting_announcements", "announcement_id"),
    ),
    "announcement_participants": (
        ("announcement_id", "meeting_announcements", "announcement_id"),
        ("entity_id", "entities", "entity_id"),
    ),
}

# A scoped reference check: the keys the written rows refer to, with how many rows do.
SCOPED_REFERENCES_SQL = (
    "SELECT {column} AS key, count(*) AS n_rows FROM _scope_rows "
    "WHERE {column} IS NOT NULL GROUP BY ALL ORDER BY key"
)
# The parents the scoped checks look rows up in (each one's key is indexed): a check of
# another table that joins one sees the rows the written rows refer to.
LOOKUP_TABLES: dict[str, str] = {"articles": "article_id", "entities": "entity_id"}

# The meetings module's checks read the mention -> meeting assignment under this name; in the
# published file it is the meeting_id column of event_mentions.
MENTION_MEETING_VIEW = (
    "CREATE OR REPLACE TEMP VIEW mention_meeting AS "
    "SELECT mention_id, meeting_id FROM main.event_mentions WHERE meeting_id IS NOT NULL"
)


@dataclass
class Scope:
    """The rows a publish wrote, per published table, on the connection it wrote them with.

    ``looked_up`` caches, per lookup table, the rows the written rows refer to.
    """

    rows: dict[str, pa.Table]
    looked_up: dict[str, pa.Table] = field(default_factory=dict)

    def wrote(self, table: str) -> bool:
        """True when the publish wrote rows of ``table``."""
        return table in self.rows and self.rows[table].num_rows > 0

    def of(self, con: duckdb.DuckDBPyConnection, table: str) -> pa.Table:
        """The written rows of ``table`` (none: an empty table of its columns)."""
        if table in self.rows:
            return self.rows[table]
        return con.sql(f"SELECT * FROM main.{table} LIMIT 0").to_arrow_table()

    def lookup(self, con: duckdb.DuckDBPyConnection, table: str) -> pa.Table:
        """The rows of a lookup table that written rows refer to, or are themselves."""
        if table not in self.looked_up:
            key = LOOKUP_TABLES[table]
            keys = set(self.of(con, table).column(key).to_pylist())
            for child, references in FOREIGN_KEYS.items():
                for column, parent, _ in references:
                    if parent == table:
                        keys |= set(self.of(con, child).column(column).to_pylist())
            keys.discard(None)
            self.looked_up[table] = fetch_by_key(con, f"main.{table}", key, sorted(keys))
        return self.looked_up[table]


@dataclass(frozen=True)
class WarehouseCheck:
    """One rule about one published table, as a query for the rows that break it: over the
    whole file, or over the rows a publish wrote."""

    table: str
    name: str
    description: str
    blocking: bool
    failures: Callable[[duckdb.DuckDBPyConnection], Rows]
    scoped_failures: Callable[[duckdb.DuckDBPyConnection, Scope], Rows]


def unique_key_failures(
    con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...]
) -> Rows:
    """Key values that occur in more than one row of ``table``, with their row counts."""
    sql = UNIQUE_KEY_SQL.format(relation=f"main.{table}", columns=", ".join(columns))
    return con.execute(sql).fetchall()


def scoped_unique_key_failures(
    con: duckdb.DuckDBPyConnection, scope: Scope, table: str, columns: tuple[str, ...]
) -> Rows:
    """``unique_key_failures`` among the rows a publish wrote."""
    sql = UNIQUE_KEY_SQL.format(relation="_scope_rows", columns=", ".join(columns))
    with _registered(con, "_scope_rows", scope.of(con, table)):
        return con.execute(sql).fetchall()


def scoped_foreign_key_failures(con: duckdb.DuckDBPyConnection, scope: Scope, table: str) -> Rows:
    """``foreign_key_failures`` of the rows a publish wrote, their parents looked up by key."""
    rows: Rows = []
    for column, parent, parent_column in FOREIGN_KEYS[table]:
        with _registered(con, "_scope_rows", scope.of(con, table)):
            keys = con.execute(SCOPED_REFERENCES_SQL.format(column=column)).fetchall()
        found = fetch_by_key(
            con, f"main.{parent}", parent_column, [key for key, _ in keys], parent_column
        )
        present = set(found.column(parent_column).to_pylist())
        reference = f"{column} -> {parent}.{parent_column}"
        rows.extend((reference, key, n) for key, n in keys if key not in present)
    return rows


def scoped_query_failures(
    con: duckdb.DuckDBPyConnection, scope: Scope, check: WarehouseCheck
) -> Rows:
    """A check's own query with its table holding only the rows a publish wrote, and the
    lookup tables only the rows those refer to (other tables are small and whole)."""
    # Everything is read before the first shadow hides a table.
    shadows = {check.table: scope.of(con, check.table)}
    for table in LOOKUP_TABLES:
        if table != check.table:
            shadows[table] = scope.lookup(con, table)
    with ExitStack() as stack:
        for table, data in shadows.items():
            stack.enter_context(_shadowing(con, table, data))
        return check.failures(con)


def foreign_key_failures(con: duckdb.DuckDBPyConnection, table: str) -> Rows:
    """References from ``table`` (per FOREIGN_KEYS) that match no row of their parent."""
    rows: Rows = []
    for column, parent, parent_column in FOREIGN_KEYS[table]:
        sql = FOREIGN_KEY_SQL.format(
            table=table, column=column, parent=parent, parent_column=parent_column
        )
        rows.extend(con.execute(sql).fetchall())
    return rows


def sql_check_failures(con: duckdb.DuckDBPyConnection, name: str) -> Rows:
    """Rows of the check query ``warehouse/sql/checks/<name>.sql``."""
    return con.execute((CHECKS_DIR / f"{name}.sql").read_text()).fetchall()


def prepare_connection(con: duckdb.DuckDBPyConnection) -> None:
    """Give a (read-only) warehouse connection the temporary names the checks rely on."""
    con.execute(MENTION_MEETING_VIEW)


def _unique(table: str, columns: tuple[str, ...], blocking: bool) -> WarehouseCheck:
    return WarehouseCheck(
        table,
        "keys_unique",
        f"({', '.join(columns)}) identifies one row of {table}.",
        blocking,
        lambda con: unique_key_failures(con, table, columns),
        lambda con, scope: scoped_unique_key_failures(con, scope, table, columns),
    )


def _references(table: str) -> WarehouseCheck:
    refs = ", ".join(f"{c} -> {p}.{pc}" for c, p, pc in FOREIGN_KEYS[table])
    return WarehouseCheck(
        table,
        "foreign_keys_resolve",
        f"Every reference resolves: {refs}.",
        True,
        lambda con: foreign_key_failures(con, table),
        lambda con, scope: scoped_foreign_key_failures(con, scope, table),
    )


def _query(
    table: str,
    name: str,
    description: str,
    blocking: bool,
    failures: Callable[[duckdb.DuckDBPyConnection], Rows],
) -> WarehouseCheck:
    """A check by a query over the tables (a SQL file, or the meetings module's)."""
    check: WarehouseCheck

    def scoped(con: duckdb.DuckDBPyConnection, scope: Scope) -> Rows:
        return scoped_query_failures(con, scope, check)

    check = WarehouseCheck(table, name, description, blocking, failures, scoped)
    return check


def _sql(table: str, name: str, description: str, blocking: bool) -> WarehouseCheck:
    return _query(table, name, description, blocking, lambda con: sql_check_failures(con, name))


WAREHOUSE_CHECKS: tuple[WarehouseCheck, ...] = (
    *(_unique(table, columns, blocking) for table, columns, blocking in UNIQUE_KEYS),
    *(_references(table) for table in FOREIGN_KEYS),
    _query(
        "meetings",
        "keys_unique",
        "meeting_id identifies one row of meetings.",
        True,
        check_meeting_id_unique,
    ),
    _query(
        "event_mentions",
        "in_one_meeting",
        "Every event mention belongs to exactly one existing meeting.",
        True,
        check_mention_in_one_meeting,
    ),
    _sql(
        "meetings",
        "meeting_dates_not_future",
        "No meeting is dated after today or more than a day after its last report.",
        True,
    ),
    _sql(
        "meetings",
        "meeting_has_two_parties",
        "Every meeting has two parties: two distinct participants, a group of states, or a "
        "summit named as itself.",
        True,
    ),
    _query(
        "meetings",
        "meeting_date_span",
        "The day-precise dates of a meeting's reports lie within a few days of each other.",
        False,
        check_meeting_date_span,
    ),
    _sql(
        "entities",
        "entity_codes_valid",
        "entity_type is a known label and country_iso3 is three capital letters.",
        False,
    ),
    _sql(
        "meeting_participants",
        "participant_country_codes",
        "A participant's country_iso3 is three capital letters and matches its entity's.",
        False,
    ),
    _sql(
        "entity_mentions",
        "entity_mention_offsets",
        "Entity mention offsets lie inside the article body.",
        False,
    ),
    _sql(
        "event_mentions",
        "event_mention_offsets",
        "Event mention offsets lie inside the article body.",
        False,
    ),
    _sql(
        "meeting_id_redirects",
        "redirects_retired_not_live",
        "A retired meeting id has no meetings row of its own.",
        True,
    ),
    _sql(
        "meeting_announcements",
        "announcement_status_consistent",
        "Statuses are known; a held announcement names its meeting, a cancelled one what "
        "called it off, an announced one neither.",
        True,
    ),
    _sql(
        "meeting_announcements",
        "announcement_not_a_mention",
        "No announcement is stated by the words of an event mention: a meeting reported held "
        "is not also announced.",
        False,
    ),
    _sql(
        "meeting_announcements",
        "announcement_offsets",
        "Announcement offsets lie inside the article body.",
        False,
    ),
    _sql(
        "meeting_id_redirects",
        "redirects_lead_to_meeting",
        "Every retired id leads to a meeting (not so only if that meeting lost its reports).",
        False,
    ),
)


@dataclass(frozen=True)
class CheckOutcome:
    """A check and the rows that broke it (none: it passed)."""

    check: WarehouseCheck
    rows: Rows

    @property
    def key(self) -> str:
        """``table.check``, as the UI and the refusal message name it."""
        return f"{self.check.table}.{self.check.name}"


def run_checks(con: duckdb.DuckDBPyConnection, scope: Scope | None = None) -> list[CheckOutcome]:
    """Every warehouse check over the whole file (no ``scope``) or over a publish's rows."""
    prepare_connection(con)
    outcomes = []
    for check in WAREHOUSE_CHECKS:
        if scope is None:
            rows = check.failures(con)
        elif scope.wrote(check.table):
            rows = check.scoped_failures(con, scope)
        else:
            # A scoped check reports rows of its table the publish wrote: none, none broken.
            rows = []
        outcomes.append(CheckOutcome(check, rows))
    return outcomes


def examples_markdown(rows: Rows) -> str:
    """The first failing rows as a Markdown list (or a note that there are none)."""
    if not rows:
        return "no failing rows"
    shown = [f"- `{row!r}`" for row in rows[:EXAMPLE_ROWS]]
    more = [f"- ... and {len(rows) - EXAMPLE_ROWS} more"] if len(rows) > EXAMPLE_ROWS else []
    return "\n".join(shown + more)


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, data: pa.Table) -> Iterator[None]:
    """``data`` readable as ``name`` while the block runs."""
    con.register(name, data)
    try:
        yield
    finally:
        con.unregister(name)


@contextmanager
def _shadowing(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> Iterator[None]:
    """A temporary table ``table`` holding ``data``: a query naming ``table`` (or
    ``main.table``, the temporary schema being searched first) reads it instead."""
    with _registered(con, "_shadow_rows", data):
        con.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM _shadow_rows")
    try:
        yield
    finally:
        con.execute(f'DROP TABLE temp."{table}"')
