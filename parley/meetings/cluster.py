"""Cross-source dedup of event mentions into meetings with stable ids.

Reports of one real meeting (different outlets, days, wordings) become one meeting; different
meetings never merge. The work is done in DuckDB by the SQL files in
``parley/meetings/sql/``; Python only sequences them and iterates label propagation.

Steps:

1. Within each article, mentions of the same meeting merge into a *report* (lead and body);
   mentions that conflict (different people on both sides, phone vs in person, different
   days) stay apart.
2. Reports are blocked (shared party pair / single named person / country dyad, each split
   into date segments), scored, and linked into connected components, level by level with
   rising score thresholds: a component that chains through a conflicting pair or spans more
   than a few days is re-clustered at the next, stricter level.
3. Ids: an existing meeting keeps its id; a component joining several existing meetings keeps
   the oldest id and redirects the others; a new meeting gets a hash of its first mention id.
   Only new mentions are scored (against everything in their date segments), so a run that
   adds a drop never renumbers what is there.

Each step writes its own temporary ``_mc_*`` tables and reads only tables of earlier steps;
the within-article step's tables start ``_mc_wa_``, the cross-article step's ``_mc_x_``. The
step graph (which file reads and writes which table) is in ``parley/meetings/README.md``.
Logic both steps use is defined once: table macros in ``units.sql`` (unit features) and
``score_pairs.sql`` (the points and the pair score), and the label propagation files
``components_*.sql``, whose table names start with the placeholder ``{graph}``, replaced by
the calling step's prefix (a constant here, never user text).

State (the mention -> meeting assignment, every id's birth and status, the redirects) lives
in Parquet files under ``state_dir``, written as a new generation folder and switched to by
an atomic rename of the ``CURRENT`` pointer. ``cluster_meetings`` is the same run without the
files: it takes the previous state as tables and returns the new one, so that a caller can
run it over part of the history (``parley.meetings.scope``) and write the state itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from parley.lexicon.groups import group_membership_rows
from parley.meetings.state import read_state, write_state
from parley.sqlfile import drop_temp_tables, run_statements, split_statements, used_params

# Score thresholds of the clustering levels. Level 0 links reports sharing their parties on
# a compatible date and kind; the stricter levels only apply to components that failed the
# chaining guard. The points are set in sql/score_pairs.sql (_mc_pair_points).
LEVEL_THRESHOLDS: tuple[float, ...] = (4.5, 5.5, 6.5, 7.5, 8.5)
# The chaining guard: a meeting's day-precise report dates may span at most this many days.
MAX_SPAN_DAYS = 3
# Label propagation with pointer jumping converges in O(log diameter) steps; this bound only
# turns a bug into an error instead of an endless loop.
MAX_PROPAGATION_STEPS = 200

# Relation names the previous state is registered under while the SQL runs.
_STATE_RELATIONS = {
    "assign": "_mc_prev_assign",
    "registry": "_mc_prev_registry",
    "redirects": "_mc_prev_redirects",
}
# The member states of every group over time (parley/data/groups.csv), registered under this
# name while the SQL runs: meeting_countries counts a group's members on the meeting date.
_GROUP_MEMBERS_RELATION = "_mc_group_member"
_GROUP_MEMBERS_SCHEMA = pa.schema(
    [
        ("group_name", pa.string()),
        ("country_iso3", pa.string()),
        ("start_date", pa.date32()),
        ("end_date", pa.date32()),
    ]
)

# The history facts, when given rather than found (HistoryFacts).
_CORPUS_RELATION = "_mc_corpus"
_ENTITY_DF_RELATION = "_mc_entity_df"
_PERSON_ALIAS_RELATION = "_mc_person_alias"

# Temporary tables holding the new state when the SQL is done.
_NEW_STATE_TABLES = {
    "assign": "_mc_state_assign",
    "registry": "_mc_state_registry",
    "redirects": "_mc_state_redirects",
}

# Table-name prefixes of the two steps that cluster a graph by label propagation; the shared
# components_*.sql files name their tables "{graph}_..." and get one of these.
WITHIN_ARTICLE = "_mc_wa"
CROSS_ARTICLE = "_mc_x"
_GRAPHS = (WITHIN_ARTICLE, CROSS_ARTICLE)
_GRAPH_PLACEHOLDER = "{graph}"
# SQL files that only define the macros the steps share.
_MACRO_FILES = ("units", "score_pairs", "ids", "names", "titles")

SQL_DIR = Path(__file__).parent / "sql"
_MACRO_NAME = re.compile(r"^CREATE OR REPLACE TEMP MACRO (_mc_\w+)\(.*?\) AS( TABLE)?", re.M)


@dataclass(frozen=True)
class HistoryFacts:
    """What ``corpus.sql`` finds over the whole history, given to a run over part of it so
    that its parties and rarity weights are those of a run over all of it."""

    n_articles: int
    # entity_id, alias_of: the name variant each person stands for (names.sql), for (at
    # least) every participant of the run's mentions that is a person with a full name.
    person_alias: pa.Table
    # entity_id, n_event_articles: for (at least) every party (a person's variant) of the
    # run's mentions, its variants' articles counted together.
    entity_event_articles: pa.Table


@dataclass(frozen=True)
class ClusterStats:
    """What one clustering run did."""

    n_mentions: int
    n_new_mentions: int
    n_vanished_mentions: int
    n_reports: int
    n_candidate_pairs: int
    n_linked_pairs: int
    n_guard_failures: int
    n_meetings: int
    n_new_meetings: int
    n_merged_meetings: int
    n_emptied_meetings: int


def build_meetings(
    con: duckdb.DuckDBPyConnection, state_dir: Path, now: dt.datetime
) -> ClusterStats:
    """Cluster ``event_mentions`` into meetings with stable ids and write the meeting tables.

    Reads the relations ``articles``, ``event_mentions``, ``event_mention_participants``,
    ``entities`` and ``person_roles`` from ``con``; creates the tables ``mention_meeting``,
    ``meetings``, ``meeting_participants``, ``meeting_countries``, ``meeting_sources``,
    ``meeting_topics`` and ``meeting_id_redirects``; reads and then atomically replaces the
    id state in ``state_dir``.
    """
    stats, new_state = cluster_meetings(con, read_state(state_dir), now)
    write_state(state_dir, new_state)
    return stats


def cluster_meetings(
    con: duckdb.DuckDBPyConnection,
    state: dict[str, pa.Table],
    now: dt.datetime,
    history: HistoryFacts | None = None,
) -> tuple[ClusterStats, dict[str, pa.Table]]:
    """``build_meetings`` with the state as tables: the previous state in, the new one out.

    Without ``history`` the name variants and rarity weights come from the relations given
    (the whole history); with it, from its facts, as a run over part of the history must.
    """
    now = _as_utc(now)
    relations: dict[str, pa.Table] = {_STATE_RELATIONS[key]: table for key, table in state.items()}
    relations[_GROUP_MEMBERS_RELATION] = _group_members_table()
    if history is not None:
        relations[_CORPUS_RELATION] = pa.table({"n_articles": [history.n_articles]})
        relations[_PERSON_ALIAS_RELATION] = history.person_alias
        relations[_ENTITY_DF_RELATION] = history.entity_event_articles
    for name, table in relations.items():
        con.register(name, table)
    try:
        counts = _run_steps(con, now, find_history_facts=history is None)
        stats = _stats(con, *counts)
        new_state = {
            key: con.sql(f"SELECT * FROM {table}").to_arrow_table()
            for key, table in _NEW_STATE_TABLES.items()
        }
    finally:
        for name in relations:
            con.unregister(name)
    drop_work_tables(con)
    return stats, new_state


def baseline_one_a_day(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``baseline_mention_meeting(mention_id, meeting_id)``: same parties, date, kind."""
    run_sql(con, "baseline_one_a_day")


def check_meeting_id_unique(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    """Failures of "meeting_id is unique in meetings": (meeting_id, n_rows)."""
    return _fetch_sql(con, "check_meeting_id_unique")


def check_mention_in_one_meeting(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    """Failures of "every event mention is in exactly one existing meeting"."""
    return _fetch_sql(con, "check_mention_in_one_meeting")


def check_meeting_date_span(
    con: duckdb.DuckDBPyConnection, max_days: int = MAX_SPAN_DAYS
) -> list[tuple[object, ...]]:
    """Failures of "a meeting's day-precise dates span at most ``max_days`` days"."""
    return _fetch_sql(con, "check_meeting_date_span", max_days=max_days)


def run_sql(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> None:
    """Run every statement of ``parley/meetings/sql/<name>.sql`` with its bound params."""
    run_statements(con, _statements(name), params)


def _fetch_sql(
    con: duckdb.DuckDBPyConnection, name: str, **params: object
) -> list[tuple[object, ...]]:
    """Rows of the single query in ``<name>.sql``."""
    (statement,) = _statements(name)
    return con.execute(statement, used_params(statement, params)).fetchall()


def _run_steps(
    con: duckdb.DuckDBPyConnection, now: dt.datetime, find_history_facts: bool
) -> tuple[int, int, int]:
    """Run every step in order; returns (candidate pairs, linked pairs, guard failures).

    The order is the step graph of ``parley/meetings/README.md``: each step reads only what
    the inputs and the steps before it wrote. ``find_history_facts`` False: the history facts
    were given (registered as ``_mc_person_alias``, ``_mc_corpus`` and ``_mc_entity_df``).
    """
    for name in _MACRO_FILES:
        run_sql(con, name)
    if find_history_facts:
        run_sql(con, "corpus")
    run_sql(con, "mentions")
    run_sql(con, "within_article_pairs")
    _group_within_articles(con)
    run_sql(con, "within_article_reports")
    run_sql(con, "cross_units")
    run_sql(con, "cross_candidates")
    run_sql(con, "cross_edges")
    n_candidates = _scalar(con, "SELECT count(*) FROM _mc_x_candidate")
    n_linked = _scalar(
        con, "SELECT count(*) FROM _mc_x_edge WHERE score >= ?", [LEVEL_THRESHOLDS[0]]
    )
    n_failures = _cluster_reports(con)
    run_sql(con, "assign_ids", now=now)
    run_sql(con, "outputs")
    run_sql(con, "side_meetings")
    run_sql(con, "meeting_rows")
    run_sql(con, "meeting_countries")
    return n_candidates, n_linked, n_failures


def _group_members_table() -> pa.Table:
    """Every group's member states with the days they joined and left."""
    names = _GROUP_MEMBERS_SCHEMA.names
    rows = [dict(zip(names, row, strict=True)) for row in group_membership_rows()]
    return pa.Table.from_pylist(rows, schema=_GROUP_MEMBERS_SCHEMA)


def _group_within_articles(con: duckdb.DuckDBPyConnection) -> None:
    """Group the mentions of one meeting within an article: mergeable pairs, then strict ones.

    A group that holds a conflict is regrouped at the strict level; whatever still fails
    stays apart (``within_article_reports.sql`` makes those mentions reports of their own).
    """
    run_sql(con, "within_article_groups")
    for strict in (False, True):
        run_sql(con, "within_article_level", strict=strict)
        _label_propagation(con, WITHIN_ARTICLE)
        run_sql(con, "within_article_guard")
        _run_graph_sql(con, "components_accept", WITHIN_ARTICLE)


def _cluster_reports(con: duckdb.DuckDBPyConnection) -> int:
    """Link reports across articles, level by level; returns the guard failures of level 0."""
    run_sql(con, "cross_clusters")
    n_failures = 0
    for level, threshold in enumerate(LEVEL_THRESHOLDS):
        run_sql(con, "cross_level", threshold=threshold)
        _label_propagation(con, CROSS_ARTICLE)
        run_sql(con, "cross_guard", max_span_days=MAX_SPAN_DAYS)
        if level == 0:
            n_failures = _scalar(con, "SELECT count(*) FROM _mc_x_failed_label")
        _run_graph_sql(con, "components_accept", CROSS_ARTICLE)
        # Every component passed: the stricter levels have nothing left to split.
        if _scalar(con, "SELECT count(*) FROM _mc_x_open_node") == 0:
            break
    return n_failures


def _label_propagation(con: duckdb.DuckDBPyConnection, graph: str) -> None:
    """Label ``<graph>_open_node`` by connected component of ``<graph>_level_edge``.

    The label is the component's smallest node, left in ``<graph>_cc_label``.
    """
    _run_graph_sql(con, "components_init", graph)
    for _ in range(MAX_PROPAGATION_STEPS):
        _run_graph_sql(con, "components_step", graph)
        (statement,) = _statements("components_changed", graph)
        changed = con.execute(statement).fetchall()[0][0]
        _run_graph_sql(con, "components_swap", graph)
        if changed == 0:
            return
    raise RuntimeError("label propagation did not converge")


def _run_graph_sql(con: duckdb.DuckDBPyConnection, name: str, graph: str) -> None:
    """Run a shared ``components_*.sql`` file on the tables of ``graph`` (one of _GRAPHS)."""
    for statement in _statements(name, graph):
        con.execute(statement)


def _stats(
    con: duckdb.DuckDBPyConnection, n_candidates: int, n_linked: int, n_failures: int
) -> ClusterStats:
    """Counts describing the run."""
    return ClusterStats(
        n_mentions=_scalar(con, "SELECT count(*) FROM _mc_mention"),
        n_new_mentions=_scalar(con, "SELECT count(*) FROM _mc_mention WHERE is_new"),
        n_vanished_mentions=_scalar(
            con,
            "SELECT count(*) FROM _mc_prev_assign ANTI JOIN _mc_mention USING (mention_id)",
        ),
        n_reports=_scalar(con, "SELECT count(DISTINCT report_id) FROM _mc_mention_report"),
        n_candidate_pairs=n_candidates,
        n_linked_pairs=n_linked,
        n_guard_failures=n_failures,
        n_meetings=_scalar(con, "SELECT count(*) FROM meetings"),
        n_new_meetings=_scalar(con, "SELECT count(*) FROM _mc_comp_id WHERE is_new"),
        n_merged_meetings=_scalar(con, "SELECT count(*) FROM _mc_new_redirect"),
        n_emptied_meetings=_scalar(
            con,
            "SELECT count(*) FROM _mc_state_registry AS s "
            "JOIN _mc_prev_registry AS p USING (meeting_id) "
            "WHERE s.status = 'emptied' AND p.status = 'live'",
        ),
    )


def drop_work_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the temporary ``_mc_*`` tables and macros so only the output tables remain."""
    drop_temp_tables(con, "_mc_")
    # The macro names come from the macro files (listing duckdb_functions() costs more than
    # a small run's clustering).
    for file in _MACRO_FILES:
        for name, table in _MACRO_NAME.findall((SQL_DIR / f"{file}.sql").read_text()):
            kind = "MACRO TABLE" if table else "MACRO"
            con.execute(f'DROP {kind} IF EXISTS temp."{name}"')


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None) -> int:
    """The single integer a counting query returns."""
    return int(con.execute(sql, params or []).fetchall()[0][0])


def _statements(name: str, graph: str | None = None) -> list[str]:
    """The statements of one SQL file, comment lines removed, ``{graph}`` set to ``graph``."""
    text = (SQL_DIR / f"{name}.sql").read_text()
    if _GRAPH_PLACEHOLDER in text:
        # Only a prefix from the constants may become part of a table name.
        if graph not in _GRAPHS:
            raise ValueError(f"{name}.sql needs a graph from {_GRAPHS}, got {graph!r}")
        text = text.replace(_GRAPH_PLACEHOLDER, graph)
    return split_statements(text)


def _as_utc(now: dt.datetime) -> dt.datetime:
    """``now`` as an aware UTC datetime (naive datetimes are taken to be UTC)."""
    if now.tzinfo is None:
        return now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC)
