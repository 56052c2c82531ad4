"""An incremental publish, announcements: the new articles' announcements added, and every
announcement whose link may have changed linked again (``parley.announcements.link``).

An announcement's status and meeting follow from its own rows, the cancellations that may
call it off and the meetings that may be it (``warehouse/sql/increment/relink.sql`` says
which announcements that leaves to link again after a publish's changes). The linking then
runs over those announcements, their cancellations and their candidate meetings only, in a
database of its own, and gives them the rows a full build would.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from parley.announcements.link import PARAMS, define_windows, link_announcements
from warehouse.changes import (
    Change,
    Increment,
    column,
    keep,
    published_views,
    rows,
    run,
    scalar,
    work_database,
)
from warehouse.internal import SCHEMA as INTERNAL
from warehouse.lookup import fetch_by_key

# The linking's input relations and the tables relink.sql gives them in.
_LINK_INPUTS = {
    "announcements": "inc_link_announcements",
    "announcement_participants": "inc_link_announcement_participants",
    "articles": "inc_link_articles",
    "entities": "inc_link_entities",
    "meetings": "inc_link_meetings",
    "meeting_participants": "inc_link_meeting_participants",
    "meeting_countries": "inc_link_meeting_countries",
    "meeting_sources": "inc_link_meeting_sources",
}


def link_again(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """Add the new announcements; link again every announcement whose link may change."""
    define_windows(con)
    run(con, "announcements", **PARAMS)
    increment.make(
        con,
        Change(
            "main.announcement_participants",
            inserted=rows(con, "*", "inc_announcement_participants_rows"),
        ),
    )
    increment.make(
        con,
        Change(
            f"{INTERNAL}.announcement_windows",
            inserted=rows(con, "*", "inc_announcement_windows_rows"),
        ),
    )
    if not _relinking_needed(con):
        return
    run(con, "relink", **PARAMS)
    relinked = rows(con, "announcement_id", "inc_relink")
    increment.n_linked_announcements = relinked.num_rows
    if not relinked.num_rows:
        return
    # The entity types the parties' keys depend on, looked up by their index.
    entity_ids = column(con, "SELECT DISTINCT entity_id FROM inc_link_announcement_participants")
    keep(
        con,
        "inc_link_entities",
        fetch_by_key(con, "main.entities", "entity_id", entity_ids, "entity_id, entity_type"),
    )
    linked = _link({name: rows(con, "*", table) for name, table in _LINK_INPUTS.items()})
    kept = linked.filter(pc.is_in(linked["announcement_id"], relinked["announcement_id"]))
    increment.make(
        con,
        Change(
            "main.meeting_announcements",
            key=("announcement_id",),
            deleted=relinked,
            inserted=kept,
            by_index=True,
        ),
    )


def _relinking_needed(con: duckdb.DuckDBPyConnection) -> bool:
    """A new announcement, a touched meeting or an entity of changed type (the reasons of
    relink.sql): without one, no link can change."""
    # The clustering, when it ran, noted its meetings' keys (meeting_keys.sql).
    con.execute(
        "CREATE TEMP TABLE IF NOT EXISTS inc_meeting_key (party_key VARCHAR, lo DATE, hi DATE)"
    )
    return bool(
        scalar(
            con,
            "SELECT (SELECT count(*) FROM inc_announcement) "
            "+ (SELECT count(*) FROM inc_meeting_key) "
            "+ (SELECT count(*) FROM inc_entity_change WHERE lo IS NULL)",
        )
    )


def _link(inputs: dict[str, pa.Table]) -> pa.Table:
    """The linking over ``inputs`` in an in-memory database of its own; its announcements
    as rows of ``meeting_announcements`` (warehouse/sql/published_announcements.sql)."""
    with work_database(inputs) as work:
        link_announcements(work)
        published_views(work, "published_announcements")
        return rows(work, "*", "work.published_meeting_announcements")
