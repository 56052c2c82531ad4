"""An incremental publish: new drops added to a warehouse file without reading the history.

``add_drops`` writes, inside the caller's transaction on a replica (``warehouse.replicas``),
what the new drops change: their articles, rejections and entity mentions appended; the
rows of the entities, aliases and roles they name; their event mentions, and the meetings
those join or create (``parley.meetings.scope``: the clustering over the part of the
history they can touch). Every change is kept as a ``Change`` (rows deleted by key, rows
inserted), so that the other replica can be brought to the same version by replaying them,
and so that the checks can look at the rows a publish wrote.

The result is the file a full build from every staged drop would give, row for row
(``tests/pipelines/test_incremental_publish.py``). What a full build would do differently
is refused with ``NeedsFullBuild``: a drop published before and staged again (its rows
would have to be taken out), and a new drop holding an earlier copy of a published article
(the copy would take the article over). History-sized tables are only read through their
indexes (``warehouse.lookup``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from parley.meetings.cluster import CorpusCounts
from parley.meetings.scope import ScopeResult, Selection, cluster_scope, select_scope
from parley.sqlfile import run_file
from warehouse import schema, staging
from warehouse.internal import SCHEMA as INTERNAL
from warehouse.lookup import chunks, fetch_by_key

SQL_DIR = Path(__file__).parent / "sql" / "increment"
# The meetings of a person whose roles changed are redone when dated this close (days) to
# the changed roles' spans: at least the half year a role's span is widened by when a
# meeting picks its participants' titles (parley/meetings/sql/outputs.sql).
ROLE_MARGIN_DAYS = 366
# The staged tables an incremental publish reads, and the published tables it keeps. A
# table added to either without being handled here makes every publish a full build.
STAGED_TABLES = (
    staging.ARTICLES,
    staging.REJECTED_INPUTS,
    staging.ENTITY_MENTIONS,
    staging.ROLE_OBSERVATIONS,
    staging.EVENT_MENTIONS,
    staging.EVENT_PARTICIPANTS,
    staging.PARTY_MENTIONS,
)
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


@dataclass
class Increment:
    """What ``add_drops`` did: its changes in order, and the meeting-id state it leaves."""

    changes: list[Change] = field(default_factory=list)
    # The new state of the whole history, when the clustering ran; None: unchanged.
    state: dict[str, pa.Table] | None = None
    n_new_articles: int = 0
    n_new_mentions: int = 0
    n_scope_mentions: int = 0
    n_touched_meetings: int = 0

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


def covers_everything() -> bool:
    """True when this module handles every staged and published table there is."""
    staged = {table.name for table in staging.STAGED_TABLES}
    return staged == {t.name for t in STAGED_TABLES} and set(schema.PUBLISHED_TABLES) == set(
        PUBLISHED_TABLES
    )


def add_drops(
    con: duckdb.DuckDBPyConnection,
    staging_area: staging.StagingArea,
    drop_ids: Sequence[str],
    prev_state: dict[str, pa.Table],
    now: dt.datetime,
) -> Increment:
    """Add the staged drops ``drop_ids`` (none of them published yet) to ``con``'s file."""
    increment = Increment()
    for table in STAGED_TABLES:
        _load(con, staging_area.drop_files(drop_ids, table), table)
    _articles(con, increment)
    _entities(con, increment)
    _roles(con, increment)
    _mentions(con, increment)
    if _clustering_needed(con):
        _meetings(con, increment, prev_state, now)
    _drop_temporaries(con)
    return increment


def _load(con: duckdb.DuckDBPyConnection, files: list[str], table: staging.StagedTable) -> None:
    """The new drops' rows of one staged table as ``inc_stg_<table>``."""
    empty = table.schema.empty_table()  # noqa: F841 (read by DuckDB by name)
    name = f"inc_stg_{table.name}"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM empty")
    if files:
        # By name: a file staged before a column was added gets NULL in it.
        con.execute(
            f"INSERT INTO {name} BY NAME SELECT * FROM read_parquet($files, union_by_name = true)",
            {"files": files},
        )


def _articles(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """New articles and rejections; published articles whose earliest twin is now new."""
    _run(con, "articles")
    ids = _column(con, "SELECT article_id FROM inc_article")
    copies = fetch_by_key(
        con, "main.articles", "article_id", ids, "article_id, drop_id, ingested_at"
    )
    _register_table(con, "inc_published_copy", copies)
    taken_over = _scalar(
        con,
        "SELECT count(*) FROM inc_article AS a JOIN inc_published_copy AS p USING (article_id) "
        "WHERE (a.ingested_at, a.drop_id) < (p.ingested_at, p.drop_id)",
    )
    if taken_over:
        raise NeedsFullBuild(f"{taken_over} new articles are earlier copies of published ones")
    shas = _column(
        con,
        "SELECT DISTINCT content_sha256 FROM inc_article ANTI JOIN inc_published_copy "
        "USING (article_id)",
    )
    bodies = fetch_by_key(
        con,
        "main.articles",
        "content_sha256",
        shas,
        "content_sha256, article_id, published_date, ingested_at, duplicate_of",
    )
    _register_table(con, "inc_published_body", bodies)
    _run(con, "bodies")
    columns = ", ".join(schema.ARTICLES.column_names)
    increment.make(con, Change("main.articles", inserted=_rows(con, columns, "inc_articles_rows")))
    redated = _rows(con, "article_id, duplicate_of", "inc_redated_article")
    if redated.num_rows:
        ids = redated.column("article_id").to_pylist()
        _register_table(
            con, "inc_redated_rows", fetch_by_key(con, "main.articles", "article_id", ids, columns)
        )
        rows = _rows(
            con,
            "a.* REPLACE (r.duplicate_of AS duplicate_of)",
            "inc_redated_rows AS a JOIN inc_redated_article AS r USING (article_id)",
        )
        increment.make(con, _replace("main.articles", "article_id", rows))
    rejected = ", ".join(schema.REJECTED_INPUTS.column_names)
    increment.make(
        con,
        Change("main.rejected_inputs", inserted=_rows(con, rejected, "inc_stg_rejected_inputs")),
    )
    increment.n_new_articles = _scalar(con, "SELECT count(*) FROM inc_new_article")


def _entities(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """Entity mentions appended; the entities, tallies and aliases they change."""
    _run(con, "entities")
    increment.make(
        con,
        Change(
            "main.entity_mentions",
            inserted=_rows(con, "*", "inc_entity_mentions_rows"),
        ),
    )
    ids = _column(con, "SELECT entity_id FROM inc_touched_entity")
    entity_columns = ", ".join(schema.ENTITIES.column_names)
    _register_table(
        con, "inc_old_entity", fetch_by_key(con, "main.entities", "entity_id", ids, "*")
    )
    _register_table(
        con,
        "inc_old_tally",
        fetch_by_key(con, f"{INTERNAL}.entity_tallies", "entity_id", ids, "*"),
    )
    _run(con, "tallies")
    increment.make(
        con,
        _replace("main.entities", "entity_id", _rows(con, entity_columns, "inc_entities_rows")),
    )
    increment.make(
        con,
        _replace(
            f"{INTERNAL}.entity_tallies", "entity_id", _rows(con, "*", "inc_entity_tallies_rows")
        ),
    )
    # Only the aliases not published yet, found through the table's unique index.
    added = con.execute(
        "INSERT INTO main.entity_aliases "
        "SELECT DISTINCT entity_id, mention_text AS alias FROM inc_entity_mention "
        "ON CONFLICT DO NOTHING RETURNING entity_id, alias"
    ).fetchall()
    aliases = pa.table(
        {"entity_id": [e for e, _ in added], "alias": [a for _, a in added]},
        schema=pa.schema([("entity_id", pa.string()), ("alias", pa.string())]),
    )
    increment.changes.append(Change("main.entity_aliases", inserted=aliases))


def _roles(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """The person_roles rows the new role observations change."""
    _run(con, "roles", margin_days=ROLE_MARGIN_DAYS)
    key = ("entity_id", "role", "country_iso3")
    increment.make(
        con,
        Change(
            "main.person_roles",
            key=key,
            deleted=_rows(con, ", ".join(key), "inc_role_old"),
            inserted=_rows(con, "*", "inc_person_roles_rows"),
        ),
    )


def _mentions(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """The new event mentions as staged, their participants, and the participants'
    entities rows."""
    participant_ids = _column(
        con,
        "SELECT DISTINCT entity_id FROM inc_stg_event_participants "
        "UNION SELECT entity_id FROM inc_touched_entity",
    )
    _register_table(
        con,
        "inc_old_participant_entity",
        fetch_by_key(con, f"{INTERNAL}.participant_entities", "entity_id", participant_ids, "*"),
    )
    # New participants whose entities row this publish did not rewrite, nor the bookkeeping
    # hold: their published row.
    extra = _column(
        con,
        "SELECT DISTINCT entity_id FROM inc_stg_event_participants "
        "EXCEPT SELECT entity_id FROM inc_touched_entity "
        "EXCEPT SELECT entity_id FROM inc_old_participant_entity",
    )
    columns = "entity_id, canonical_name, entity_type, country_iso3, n_articles"
    _register_table(
        con,
        "inc_extra_participant_entity",
        fetch_by_key(con, "main.entities", "entity_id", extra, columns),
    )
    _run(con, "mentions")
    increment.make(
        con,
        Change(f"{INTERNAL}.event_mentions", inserted=_rows(con, "*", "inc_event_mention")),
    )
    increment.make(
        con,
        Change(
            "main.event_mention_participants",
            inserted=_rows(con, "*", "inc_event_mention_participants_rows"),
        ),
    )
    increment.make(
        con,
        _replace(
            f"{INTERNAL}.participant_entities",
            "entity_id",
            _rows(con, "*", "inc_participant_entities_rows"),
        ),
    )
    increment.n_new_mentions = _scalar(con, "SELECT count(*) FROM inc_event_mention")


def _clustering_needed(con: duckdb.DuckDBPyConnection) -> bool:
    """New mentions to cluster, or published meetings naming a changed entity."""
    if _scalar(con, "SELECT count(*) FROM inc_event_mention"):
        return True
    return bool(
        _scalar(
            con,
            "SELECT count(*) FROM inc_entity_change "
            "WHERE entity_id IN (SELECT entity_id FROM main.meeting_participants)",
        )
    )


def _meetings(
    con: duckdb.DuckDBPyConnection,
    increment: Increment,
    prev_state: dict[str, pa.Table],
    now: dt.datetime,
) -> None:
    """Cluster the part of the history the new mentions can touch; replace the rows of the
    meetings that run touched."""
    con.register("inc_prev_assign", prev_state["assign"])
    try:
        _run(con, "scope")
        selection = select_scope(con, prev_state)
    finally:
        con.unregister("inc_prev_assign")
    con.register("inc_scope_mention", selection.mention_ids)
    try:
        _run(con, "cluster_inputs")
        inputs = {name: _rows(con, "*", f"inc_input_{name}") for name in _CLUSTER_INPUTS}
        corpus = CorpusCounts(
            n_articles=_scalar(con, "SELECT count(*) FROM main.articles"),
            entity_event_articles=_rows(con, "*", "inc_entity_df"),
        )
    finally:
        con.unregister("inc_scope_mention")
    result, rows = _cluster(inputs, selection, prev_state, now, corpus)
    for table in _MEETING_TABLES:
        increment.make(
            con,
            Change(
                f"main.{table}",
                key=("meeting_id",),
                deleted=result.touched_meetings,
                inserted=rows[table],
            ),
        )
    increment.make(
        con,
        Change(
            "main.event_mentions",
            key=("mention_id",),
            deleted=selection.mention_ids,
            inserted=rows["event_mentions"],
        ),
    )
    redirects = rows["meeting_id_redirects"]
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


def _cluster(
    inputs: dict[str, pa.Table],
    selection: Selection,
    prev_state: dict[str, pa.Table],
    now: dt.datetime,
    corpus: CorpusCounts,
) -> tuple[ScopeResult, dict[str, pa.Table]]:
    """Run the clustering over the selection's inputs in an in-memory database of its own;
    the rows of the published tables it gives (warehouse/sql/published_meetings.sql)."""
    with duckdb.connect() as work:
        work.execute("CREATE SCHEMA work")
        work.execute("USE work")
        for name, table in inputs.items():
            work.register("_input", table)
            work.execute(f"CREATE TABLE work.{name} AS SELECT * FROM _input")
            work.unregister("_input")
        result = cluster_scope(work, selection, prev_state, now, corpus)
        work.execute(_published_views())
        tables = (*_MEETING_TABLES, "event_mentions", "meeting_id_redirects")
        rows = {table: _rows(work, "*", f"work.published_{table}") for table in tables}
    return result, rows


def _replace(table: str, key: str, rows: pa.Table) -> Change:
    """A change replacing the rows of ``table`` whose primary key ``key`` is in ``rows``."""
    return Change(table, key=(key,), deleted=rows.select([key]), inserted=rows, by_index=True)


def _published_views() -> str:
    """The work views that word a clustering run's results as published rows."""
    return (Path(__file__).parent / "sql" / "published_meetings.sql").read_text()


def _run(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> None:
    """Run ``warehouse/sql/increment/<name>.sql``."""
    run_file(con, SQL_DIR / f"{name}.sql", **params)


def _rows(con: duckdb.DuckDBPyConnection, columns: str, relation: str) -> pa.Table:
    """``columns`` of a relation of this module (constants only) as an Arrow table."""
    return con.sql(f"SELECT {columns} FROM {relation}").to_arrow_table()


def _column(con: duckdb.DuckDBPyConnection, sql: str) -> list[object]:
    """The values of a one-column query of this module."""
    return [row[0] for row in con.execute(sql).fetchall()]


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    """The one integer a counting query of this module returns."""
    return int(con.execute(sql).fetchall()[0][0])


def _register_table(con: duckdb.DuckDBPyConnection, name: str, data: pa.Table) -> None:
    """Keep ``data`` as the temporary table ``name`` (a constant of this module)."""
    con.register("_fetched", data)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _fetched")
    finally:
        con.unregister("_fetched")


def _drop_temporaries(con: duckdb.DuckDBPyConnection) -> None:
    """Drop this module's temporary tables and views."""
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
