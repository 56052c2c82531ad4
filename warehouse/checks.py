"""Data-quality checks over the published warehouse: each returns the rows that break a rule.

Every check is a query for failures: an empty answer means it passed. Blocking checks guard
rules whose failure means wrong data (duplicate keys, dangling references, a future or
one-sided meeting); the others flag data that is suspect but may be legitimate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from parley.meetings.cluster import (
    check_meeting_date_span,
    check_meeting_id_unique,
    check_mention_in_one_meeting,
)

CHECKS_DIR = Path(__file__).parent / "sql" / "checks"
Rows = list[tuple[object, ...]]

# Templates for the generic rules. The identifiers come only from the constants below, never
# from user input; values are never spliced in.
UNIQUE_KEY_SQL = (
    "SELECT {columns}, count(*) AS n_rows FROM main.{table} "
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

# The meetings module's checks read the mention -> meeting assignment under this name; in the
# published file it is the meeting_id column of event_mentions.
MENTION_MEETING_VIEW = (
    "CREATE OR REPLACE TEMP VIEW mention_meeting AS "
    "SELECT mention_id, meeting_id FROM main.event_mentions WHERE meeting_id IS NOT NULL"
)


@dataclass(frozen=True)
class WarehouseCheck:
    """One rule about one published table, as a query for the rows that break it."""

    table: str
    name: str
    description: str
    blocking: bool
    failures: Callable[[duckdb.DuckDBPyConnection], Rows]


def unique_key_failures(
    con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...]
) -> Rows:
    """Key values that occur in more than one row of ``table``, with their row counts."""
    return con.execute(UNIQUE_KEY_SQL.format(table=table, columns=", ".join(columns))).fetchall()


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
    )


def _references(table: str) -> WarehouseCheck:
    refs = ", ".join(f"{c} -> {p}.{pc}" for c, p, pc in FOREIGN_KEYS[table])
    return WarehouseCheck(
        table,
        "foreign_keys_resolve",
        f"Every reference resolves: {refs}.",
        True,
        lambda con: foreign_key_failures(con, table),
    )


def _sql(table: str, name: str, description: str, blocking: bool) -> WarehouseCheck:
    return WarehouseCheck(
        table, name, description, blocking, lambda con: sql_check_failures(con, name)
    )


WAREHOUSE_CHECKS: tuple[WarehouseCheck, ...] = (
    *(_unique(table, columns, blocking) for table, columns, blocking in UNIQUE_KEYS),
    *(_references(table) for table in FOREIGN_KEYS),
    WarehouseCheck(
        "meetings",
        "keys_unique",
        "meeting_id identifies one row of meetings.",
        True,
        check_meeting_id_unique,
    ),
    WarehouseCheck(
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
        "Every meeting has two parties: two distinct participants, or a group of states.",
        True,
    ),
    WarehouseCheck(
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
