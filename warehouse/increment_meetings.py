"""An incremental publish, meetings: the clustering over the part of the history the new
mentions (and the entities whose facts changed) can touch (``parley.meetings.scope``), and
the rows of the meetings it touched replaced; then the titles of the other meetings whose
participants' roles changed.

The scope reads the history from the bookkeeping (``warehouse/sql/increment/scope.sql``):
every event mention with its previous meeting, the participants and the name variants they
stand for (so that "JD Vance" reaches the meetings of "J.D. Vance"), their countries, the
published meetings and the changed entities. The clustering then runs over the chosen
mentions only, in a database of its own, given the whole history's facts (name variants,
counts) so that it decides as a run over everything would.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa

from parley.announcements.link import PARAMS as LINK_PARAMS
from parley.meetings.cluster import HistoryFacts
from parley.meetings.cluster import run_sql as run_meetings_sql
from parley.meetings.scope import ScopeResult, Selection, cluster_scope, select_scope
from warehouse.changes import (
    Change,
    Increment,
    keep,
    published_views,
    rows,
    run,
    scalar,
    work_database,
)

# The clustering's input relations, as warehouse/sql/increment/cluster_inputs.sql gives them.
_CLUSTER_INPUTS = (
    "event_mentions",
    "articles",
    "event_mention_participants",
    "entities",
    "person_roles",
)
# The meeting tables whose rows are replaced per meeting (a run's rows are the work views of
# warehouse/sql/published_meetings.sql).
_MEETING_TABLES = (
    "meetings",
    "meeting_participants",
    "meeting_countries",
    "meeting_sources",
    "meeting_topics",
)


def clustering_needed(con: duckdb.DuckDBPyConnection) -> bool:
    """New mentions to cluster, or published mentions or meetings naming a changed entity."""
    if scalar(con, "SELECT count(*) FROM inc_event_mention"):
        return True
    return bool(
        scalar(
            con,
            "SELECT count(*) FROM inc_entity_change "
            "WHERE entity_id IN (SELECT entity_id FROM main.meeting_participants) "
            "OR entity_id IN (SELECT entity_id FROM main.event_mention_participants)",
        )
    )


def cluster_again(
    con: duckdb.DuckDBPyConnection,
    increment: Increment,
    prev_state: dict[str, pa.Table],
    now: dt.datetime,
) -> None:
    """Cluster the part of the history the new mentions can touch; replace the rows of the
    meetings that run touched (their party keys before and after are noted for the linking
    of announcements, ``meeting_keys.sql``)."""
    con.register("inc_prev_assign", prev_state["assign"])
    try:
        run(con, "scope")
        selection = select_scope(con, prev_state)
    finally:
        con.unregister("inc_prev_assign")
    con.register("inc_scope_mention", selection.mention_ids)
    try:
        run(con, "cluster_inputs")
        inputs = {name: rows(con, "*", f"inc_input_{name}") for name in _CLUSTER_INPUTS}
        history = HistoryFacts(
            n_articles=scalar(con, "SELECT count(*) FROM main.articles"),
            person_alias=rows(con, "*", "inc_input_person_alias"),
            entity_event_articles=rows(con, "*", "inc_entity_df"),
        )
    finally:
        con.unregister("inc_scope_mention")
    result, published = _cluster(inputs, selection, prev_state, now, history)
    keep(con, "inc_touched_meeting", result.touched_meetings)
    run(con, "meeting_keys", undated_meeting_days=LINK_PARAMS["undated_meeting_days"])
    for table in _MEETING_TABLES:
        increment.make(
            con,
            Change(
                f"main.{table}",
                key=("meeting_id",),
                deleted=result.touched_meetings,
                inserted=published[table],
            ),
        )
    run(con, "meeting_keys", undated_meeting_days=LINK_PARAMS["undated_meeting_days"])
    increment.make(
        con,
        Change(
            "main.event_mentions",
            key=("mention_id",),
            deleted=selection.mention_ids,
            inserted=published["event_mentions"],
        ),
    )
    redirects = published["meeting_id_redirects"]
    retired = pa.concat_tables(
        [
            selection.restricted["redirects"].select(["old_meeting_id"]),
            redirects.select(["old_meeting_id"]),
        ]
    )
    increment.make(
        con,
        Change(
            "main.meeting_id_redirects",
            key=("old_meeting_id",),
            deleted=retired,
            inserted=redirects,
        ),
    )
    increment.state = result.state
    increment.n_scope_mentions = selection.mention_ids.num_rows
    increment.n_touched_meetings = result.touched_meetings.num_rows


def retitle(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """The titles of the participants of the meetings the clustering did not rewrite, where
    a role change may have changed them (``retitle.sql``): a role changes nothing else in a
    meeting, so such meetings need no clustering."""
    if not scalar(con, "SELECT count(*) FROM inc_role_change"):
        return
    # The macro of parley/meetings/sql/titles.sql, as the clustering defines it.
    run_meetings_sql(con, "titles")
    run(con, "retitle")
    retitled = rows(con, "*", "inc_retitled_rows")
    increment.make(
        con,
        Change(
            "main.meeting_participants",
            key=("meeting_id", "entity_id"),
            deleted=retitled.select(["meeting_id", "entity_id"]),
            inserted=retitled,
        ),
    )


def _cluster(
    inputs: dict[str, pa.Table],
    selection: Selection,
    prev_state: dict[str, pa.Table],
    now: dt.datetime,
    history: HistoryFacts,
) -> tuple[ScopeResult, dict[str, pa.Table]]:
    """Run the clustering over the selection's inputs in an in-memory database of its own;
    the rows of the published tables it gives (warehouse/sql/published_meetings.sql)."""
    with work_database(inputs) as work:
        result = cluster_scope(work, selection, prev_state, now, history)
        published_views(work, "published_meetings")
        tables = (*_MEETING_TABLES, "event_mentions", "meeting_id_redirects")
        published = {table: rows(work, "*", f"work.published_{table}") for table in tables}
    return result, published
