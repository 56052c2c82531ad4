"""An incremental publish: new drops added to a warehouse file without reading the history.

``add_drops`` writes, inside the caller's transaction on a replica (``warehouse.replicas``),
what the new drops change: their articles, rejections and entity mentions appended; the
rows of the entities, aliases and roles they name, and the name variants of the people of
those entities' surnames; their event mentions, and the meetings those join or create
(``warehouse.increment_meetings``: the clustering over the part of the history they can
touch), and the titles of other meetings' participants whose roles changed; their
announcements, and the announcements those meetings or new cancellations may concern,
linked again (``warehouse.increment_announcements``). Every change is kept as a
``Change`` (``warehouse.changes``).

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

import duckdb
import pyarrow as pa

from parley.meetings.cluster import run_sql as run_meetings_sql
from warehouse import schema, staging
from warehouse.changes import (
    PUBLISHED_TABLES,
    Change,
    Increment,
    NeedsFullBuild,
    column,
    drop_temporaries,
    keep,
    replace,
    rows,
    run,
    scalar,
)
from warehouse.increment_announcements import link_again
from warehouse.increment_meetings import cluster_again, clustering_needed, retitle
from warehouse.internal import SCHEMA as INTERNAL
from warehouse.lookup import fetch_by_key

# The meetings whose title pick a role change may change are looked for with the roles'
# spans widened by this many days: at least the half year a meeting widens them by when it
# picks its participants' titles (parley/meetings/sql/outputs.sql; roles.sql).
ROLE_MARGIN_DAYS = 366
# The staged tables an incremental publish reads. A table added to the staging without
# being handled here makes every publish a full build.
STAGED_TABLES = (
    staging.ARTICLES,
    staging.REJECTED_INPUTS,
    staging.ENTITY_MENTIONS,
    staging.ROLE_OBSERVATIONS,
    staging.EVENT_MENTIONS,
    staging.EVENT_PARTICIPANTS,
    staging.PARTY_MENTIONS,
    staging.ENTITY_FAILURES,
    staging.MENTION_FAILURES,
    staging.ANNOUNCEMENTS,
    staging.ANNOUNCEMENT_PARTICIPANTS,
)


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
    _person_names(con, increment)
    _roles(con, increment)
    _mentions(con, increment)
    if clustering_needed(con):
        cluster_again(con, increment, prev_state, now)
    retitle(con, increment)
    link_again(con, increment)
    drop_temporaries(con)
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
    run(con, "articles")
    ids = column(con, "SELECT article_id FROM inc_article")
    copies = fetch_by_key(
        con, "main.articles", "article_id", ids, "article_id, drop_id, ingested_at"
    )
    keep(con, "inc_published_copy", copies)
    taken_over = scalar(
        con,
        "SELECT count(*) FROM inc_article AS a JOIN inc_published_copy AS p USING (article_id) "
        "WHERE (a.ingested_at, a.drop_id) < (p.ingested_at, p.drop_id)",
    )
    if taken_over:
        raise NeedsFullBuild(f"{taken_over} new articles are earlier copies of published ones")
    shas = column(
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
    keep(con, "inc_published_body", bodies)
    run(con, "bodies")
    columns = ", ".join(schema.ARTICLES.column_names)
    increment.make(con, Change("main.articles", inserted=rows(con, columns, "inc_articles_rows")))
    redated = rows(con, "article_id, duplicate_of", "inc_redated_article")
    if redated.num_rows:
        ids = redated.column("article_id").to_pylist()
        keep(
            con, "inc_redated_rows", fetch_by_key(con, "main.articles", "article_id", ids, columns)
        )
        changed = rows(
            con,
            "a.* REPLACE (r.duplicate_of AS duplicate_of)",
            "inc_redated_rows AS a JOIN inc_redated_article AS r USING (article_id)",
        )
        increment.make(con, replace("main.articles", "article_id", changed))
    rejected = ", ".join(schema.REJECTED_INPUTS.column_names)
    increment.make(
        con,
        Change("main.rejected_inputs", inserted=rows(con, rejected, "inc_stg_rejected_inputs")),
    )
    increment.n_new_articles = scalar(con, "SELECT count(*) FROM inc_new_article")


def _entities(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """Entity mentions appended; the entities, tallies and aliases they change."""
    run(con, "entities")
    increment.make(
        con, Change("main.entity_mentions", inserted=rows(con, "*", "inc_entity_mentions_rows"))
    )
    ids = column(con, "SELECT entity_id FROM inc_touched_entity")
    entity_columns = ", ".join(schema.ENTITIES.column_names)
    keep(con, "inc_old_entity", fetch_by_key(con, "main.entities", "entity_id", ids, "*"))
    run(con, "tallies")
    increment.make(
        con,
        replace("main.entities", "entity_id", rows(con, entity_columns, "inc_entities_rows")),
    )
    increment.make(
        con,
        replace(
            f"{INTERNAL}.entity_tallies", "entity_id", rows(con, "*", "inc_entity_tallies_rows")
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


def _person_names(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """The name variants of every person of a surname an entity this publish rewrote has or
    had; the people whose variant changed join the changed entities."""
    names = f"{INTERNAL}.person_names"
    ids = column(con, "SELECT entity_id FROM inc_touched_entity")
    keep(con, "inc_old_name", fetch_by_key(con, names, "entity_id", ids, "entity_id, surname"))
    # The macros of parley/meetings/sql/names.sql, as the clustering defines them.
    run_meetings_sql(con, "names")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE inc_touched_name AS "
        "FROM _mc_person_names('inc_entities_rows')"
    )
    surnames = column(
        con, "SELECT surname FROM inc_old_name UNION SELECT surname FROM inc_touched_name"
    )
    keep(con, "inc_name_group", fetch_by_key(con, names, "surname", surnames))
    run(con, "names")
    increment.make(
        con,
        Change(
            names,
            key=("entity_id",),
            deleted=rows(con, "entity_id", "inc_name_group"),
            inserted=rows(con, "*", "inc_person_names_rows"),
            by_index=True,
        ),
    )


def _roles(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """The person_roles rows the new role observations change."""
    run(con, "roles", margin_days=ROLE_MARGIN_DAYS)
    key = ("entity_id", "role", "country_iso3")
    increment.make(
        con,
        Change(
            "main.person_roles",
            key=key,
            deleted=rows(con, ", ".join(key), "inc_role_old"),
            inserted=rows(con, "*", "inc_person_roles_rows"),
        ),
    )


def _mentions(con: duckdb.DuckDBPyConnection, increment: Increment) -> None:
    """The new event mentions as staged, their participants, and the entities rows of the
    parties the clustering may now read (participants and the name variants they stand
    for)."""
    run(con, "mentions")
    participant_entities = f"{INTERNAL}.participant_entities"
    participants = column(con, "SELECT DISTINCT entity_id FROM inc_event_mention_participants_rows")
    names = fetch_by_key(
        con, f"{INTERNAL}.person_names", "entity_id", participants, "entity_id, alias_of"
    )
    keep(con, "inc_participant_name", names)
    # What the bookkeeping holds of every entity whose row it may now need or rewrite.
    ids = column(
        con,
        "SELECT entity_id FROM inc_event_mention_participants_rows "
        "UNION SELECT alias_of FROM inc_participant_name "
        "UNION SELECT entity_id FROM inc_touched_entity "
        "UNION SELECT entity_id FROM inc_person_names_rows "
        "UNION SELECT alias_of FROM inc_person_names_rows",
    )
    keep(
        con, "inc_old_participant_entity", fetch_by_key(con, participant_entities, "entity_id", ids)
    )
    run(con, "parties")
    # New parties whose entities row this publish did not rewrite, nor the bookkeeping hold:
    # their published row.
    extra = column(
        con,
        "SELECT entity_id FROM inc_new_party "
        "EXCEPT SELECT entity_id FROM inc_touched_entity "
        "EXCEPT SELECT entity_id FROM inc_old_participant_entity",
    )
    entity_columns = "entity_id, canonical_name, entity_type, country_iso3, n_articles"
    keep(
        con,
        "inc_extra_participant_entity",
        fetch_by_key(con, "main.entities", "entity_id", extra, entity_columns),
    )
    run(con, "participant_entities")
    increment.make(
        con, Change(f"{INTERNAL}.event_mentions", inserted=rows(con, "*", "inc_event_mention"))
    )
    increment.make(
        con,
        Change(
            "main.event_mention_participants",
            inserted=rows(con, "*", "inc_event_mention_participants_rows"),
        ),
    )
    increment.make(
        con,
        replace(participant_entities, "entity_id", rows(con, "*", "inc_participant_entities_rows")),
    )
    increment.n_new_mentions = scalar(con, "SELECT count(*) FROM inc_event_mention")
