"""A clustering run over the part of the history that new mentions can touch.

The clustering is local, and this module follows its reach (the SQL is in ``sql/scope/``):

- a new report is scored only against reports that share a party with it (or, for country
  dyads, a country) and whose dates lie at most a few days from its own
  (``cross_candidates.sql``);
- a component that holds a report of an existing meeting holds all the meeting's reports,
  and a report is all the mentions of one meeting in one article;
- a meeting's rows read only its own mentions, except ``part_of``, which reads the meetings
  of a side meeting's setting a few days away (``side_meetings.sql``), and the names, types,
  countries and roles of the entities it names.

So a run over the new mentions' articles, the articles near them that name one of their
parties or countries, and the articles of meetings naming an entity whose published facts
changed, closed under "every article of every meeting a chosen mention belongs to" and
"the meetings that are or may become a chosen meeting's setting or side meeting", gives its
mentions the meetings and rows a run over the whole history gives them, and every other
mention keeps its meeting and its meeting's rows. The margins below are wider than the
clustering's own windows, so that a wider window there stays covered; choosing more than
needed costs time, never a different result.

The caller gives the history as relations in the current schema:

- ``scope_mentions(mention_id, article_id, event_date, date_precision, published_date,
  setting, meeting_id)``: every event mention, old and new; ``meeting_id`` is the previous
  state's meeting, NULL for a new mention;
- ``scope_participants(mention_id, entity_id)``: each mention's participants, and for a
  person the name variant the clustering takes them for (``names.sql``: "JD Vance" stands
  for "J.D. Vance"), so that reports of one person under two names share a party here as
  they do in the clustering;
- ``scope_entity_countries(entity_id, country_iso3)``: the country of each entity of
  ``scope_participants``;
- ``scope_meetings(meeting_id, meeting_date, first_reported, part_of)``: the meetings as the
  previous run published them;
- ``scope_entity_changes(entity_id, lo, hi)``: entities whose name, type or country changed,
  or whose name variant did; the meetings naming one dated in ``[lo, hi]`` (NULL: any date)
  are redone. (A change of roles changes only the titles of meetings' participants: the
  warehouse's incremental publish picks those again without clustering.)

``select_scope`` then chooses the mentions (a ``Selection``); the caller gives
``cluster_meetings``'s input relations for those mentions only (on a connection of its own,
if it likes), and ``cluster_scope`` runs it there with the whole history's facts (name
variants and counts, ``HistoryFacts``) and returns the whole history's new state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from parley.meetings.cluster import (
    ClusterStats,
    HistoryFacts,
    cluster_meetings,
    drop_work_tables,
    run_sql,
)
from parley.meetings.state import STATE_SCHEMAS
from parley.sqlfile import drop_temp_tables

# How far (days) from a new mention's date interval an old mention may lie and still be
# looked at as a candidate: at least the candidate window of cross_candidates.sql (2 days).
MARGIN_DAYS = 7
# How far apart (days) a side meeting and its setting's meeting may be looked for: at least
# side_meetings.sql's 4 days, and a month for month-precise dates.
SIDE_MARGIN_DAYS = 62
# The closure adds meetings and their articles until nothing is added; this bound only turns
# a bug into an error instead of an endless loop.
MAX_CLOSURE_STEPS = 1000

_STATE_KEYS = tuple(STATE_SCHEMAS)
_PREV = {key: f"_sc_prev_{key}" for key in _STATE_KEYS}
_NEW = {key: f"_sc_new_{key}" for key in _STATE_KEYS}
_MERGED = {key: f"_sc_merged_{key}" for key in _STATE_KEYS}
_RESTRICTED = {key: f"_sc_restricted_{key}" for key in _STATE_KEYS}
# The scope's mentions once chosen.
SCOPE_MENTIONS = "_sc_scope_mention"


@dataclass(frozen=True)
class Selection:
    """The mentions a run over part of the history needs, and the previous state it may
    read or change: its mentions' assignment, the registry rows of their meetings and of the
    ids a new meeting could be born with, and the redirects to or from those."""

    mention_ids: pa.Table
    old_meetings: pa.Table
    restricted: dict[str, pa.Table]
    n_closure_steps: int


@dataclass(frozen=True)
class ScopeResult:
    """What a run over part of the history did: its stats, the whole history's new state,
    and the meetings whose rows it rewrote (every meeting its mentions were or are in)."""

    stats: ClusterStats
    state: dict[str, pa.Table]
    touched_meetings: pa.Table


def select_scope(con: duckdb.DuckDBPyConnection, prev_state: dict[str, pa.Table]) -> Selection:
    """Choose the mentions of the run from the caller's ``scope_*`` relations on ``con``.

    ``prev_state`` is the previous state of the whole history (as ``read_state`` gives it).
    """
    with _registered(con, {_PREV[key]: table for key, table in prev_state.items()}):
        try:
            run_sql(con, "units")
            run_sql(con, "ids")
            run_sql(con, "scope/seed", margin_days=MARGIN_DAYS)
            steps = _close(con)
            run_sql(con, "scope/restrict_state")
            return Selection(
                mention_ids=con.sql(f"FROM {SCOPE_MENTIONS}").to_arrow_table(),
                old_meetings=con.sql("FROM _sc_old_meeting").to_arrow_table(),
                restricted={
                    key: con.sql(f"FROM {_RESTRICTED[key]}").to_arrow_table() for key in _STATE_KEYS
                },
                n_closure_steps=steps,
            )
        finally:
            drop_temp_tables(con, "_sc_")
            drop_work_tables(con)


def cluster_scope(
    con: duckdb.DuckDBPyConnection,
    selection: Selection,
    prev_state: dict[str, pa.Table],
    now: dt.datetime,
    history: HistoryFacts,
) -> ScopeResult:
    """Cluster the chosen mentions; merge the result into the whole history's state.

    ``con``'s input relations of ``cluster_meetings`` must hold the selection's mentions
    (and their articles, participants, entities and roles) only. The meeting tables it
    creates then hold every meeting whose rows may have changed (``touched_meetings``).
    """
    stats, new_state = cluster_meetings(con, selection.restricted, now, history)
    relations = {_PREV[key]: table for key, table in prev_state.items()}
    relations |= {_NEW[key]: table for key, table in new_state.items()}
    relations |= {_RESTRICTED[key]: table for key, table in selection.restricted.items()}
    relations[SCOPE_MENTIONS] = selection.mention_ids
    relations["_sc_old_meeting"] = selection.old_meetings
    with _registered(con, relations):
        try:
            run_sql(con, "scope/merge_state")
            merged = {
                key: con.sql(f"FROM {_MERGED[key]}").to_arrow_table().cast(STATE_SCHEMAS[key])
                for key in _STATE_KEYS
            }
            touched = con.sql("FROM _sc_touched_meeting").to_arrow_table()
        finally:
            drop_temp_tables(con, "_sc_")
    return ScopeResult(stats, merged, touched)


def _close(con: duckdb.DuckDBPyConnection) -> int:
    """Grow ``_sc_article`` until the closure adds nothing; returns the steps taken."""
    size = _count(con, "_sc_article")
    for step in range(1, MAX_CLOSURE_STEPS + 1):
        run_sql(con, "scope/closure", side_margin_days=SIDE_MARGIN_DAYS)
        con.execute("CREATE OR REPLACE TEMP TABLE _sc_article AS FROM _sc_next_article")
        grown = _count(con, "_sc_article")
        if grown == size:
            return step
        size = grown
    raise RuntimeError("the scope's closure did not converge")


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, relations: dict[str, pa.Table]) -> Iterator[None]:
    """``relations`` readable under their names while the block runs."""
    for name, table in relations.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in relations:
            con.unregister(name)


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows of a temporary table of this module (``table`` is one of its constants)."""
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
