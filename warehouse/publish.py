"""Publish the warehouse: the staged per-drop files -> the published DuckDB file, atomically.

A publish adds the drops staged since the last one to the published version (an
incremental publish, ``warehouse.increment``: its cost follows the new drops, not the
history), or, when the staged data changed in a way an increment cannot follow, builds every
table from every staged file (a full build). Either way it writes a replica that no reader
has open, runs the data checks on what it wrote, and links the replica over the published
file with one rename (``warehouse.replicas``): a user holding the published file open keeps
reading the complete old version and never blocks a publish; the next connection sees the
complete new one; a run killed half-way leaves the published file and the meeting-id state
as they were.

A full build is chosen when the published file is missing or is no replica (restored from a
backup, built by an older parley), when it was built by other code (``code_signature``),
when the meeting-id state is not the one it holds, when a published drop was staged again
or removed, and when the incremental publish does not handle every table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from parley.announcements.link import link_announcements
from parley.meetings.cluster import cluster_meetings, drop_work_tables, run_sql
from parley.meetings.state import current_generation, new_generation_name, read_state, write_state
from warehouse import internal, schema, staging
from warehouse.changes import Change, Increment, NeedsFullBuild
from warehouse.checks import CheckOutcome, Scope, examples_markdown, run_checks
from warehouse.increment import add_drops, covers_everything
from warehouse.internal import SCHEMA as INTERNAL
from warehouse.internal import BuildInfo
from warehouse.lookup import fetch_by_key
from warehouse.replicas import Replicas, connect_for_build, open_for_write
from warehouse.views import create_report_views

SQL_DIR = Path(__file__).parent / "sql"
PUBLISHED_TABLES = schema.PUBLISHED_TABLES
FULL = "full"
INCREMENTAL = "incremental"


@dataclass(frozen=True)
class PublishResult:
    """What a publish wrote: the file, how, and the row count and preview of each table."""

    path: Path
    row_counts: dict[str, int]
    previews: dict[str, str]
    # FULL or INCREMENTAL, and why a full build / what an increment added.
    mode: str
    detail: str


@dataclass(frozen=True)
class Plan:
    """How to publish: the drops to add to the published file, or why to build in full."""

    signature: str
    published: BuildInfo | None
    new_drops: dict[str, str]
    full_reason: str | None


class PublishBlocked(Exception):
    """A blocking check failed on the new build; the published file was left as it was."""

    def __init__(self, failed: dict[str, int]) -> None:
        listed = ", ".join(f"{name} ({n} rows)" for name, n in sorted(failed.items()))
        super().__init__(f"publish refused, blocking checks failed: {listed}")
        self.failed = failed


def publish_warehouse(
    staging_area: staging.StagingArea, target: Path, now: dt.datetime, rebuild: bool = False
) -> PublishResult:
    """Publish every staged drop into ``target``, atomically; ``rebuild``: build in full even
    when the published file could be extended."""
    replicas = Replicas.of(target)
    pending = staging_area.pending_changes()
    plan = plan_publish(replicas, staging_area, list(pending))
    if rebuild:
        plan = Plan(plan.signature, plan.published, {}, "a rebuild was asked for")
    result = None
    if plan.full_reason is None:
        try:
            result = _publish_increment(replicas, staging_area, plan, now)
        except NeedsFullBuild as reason:
            plan = Plan(plan.signature, plan.published, {}, str(reason))
    if result is None:
        result = _publish_full(replicas, staging_area, plan, now)
    staging_area.clear_changes(pending)
    return result


def plan_publish(replicas: Replicas, staging_area: staging.StagingArea, pending: list[str]) -> Plan:
    """Extend the published file with the pending drops, or build in full (and why)."""
    signature = internal.code_signature()

    def full(reason: str, published: BuildInfo | None = None) -> Plan:
        return Plan(signature, published, {}, reason)

    if not covers_everything():
        return full("the incremental publish does not handle every staged and published table")
    published_path = replicas.published()
    if published_path is None:
        return full("no published replica to extend")
    with duckdb.connect(str(published_path), read_only=True) as con:
        info = internal.read_build(con)
        if info is None:
            return full("the published file holds no build record")
        recorded = fetch_by_key(con, f"{INTERNAL}.drops", "drop_id", list(pending))
    if info.signature != signature:
        return full("the published file was built by other code", info)
    if info.state_generation != current_generation(staging_area.state_dir):
        return full("the meeting-id state is not the one the published file holds", info)
    published_drops = {row["drop_id"]: row["fingerprint"] for row in recorded.to_pylist()}
    new_drops = {}
    for drop_id in sorted(pending):
        fingerprint = staging_area.fingerprint(drop_id)
        before = published_drops.get(drop_id)
        if fingerprint == before:
            continue
        if before is not None or fingerprint is None:
            return full(f"the published drop {drop_id!r} was staged again or removed", info)
        new_drops[drop_id] = fingerprint
    return Plan(signature, info, new_drops, None)


def _publish_increment(
    replicas: Replicas, staging_area: staging.StagingArea, plan: Plan, now: dt.datetime
) -> PublishResult:
    """Add the plan's new drops to a replica at the published version, then link it."""
    assert plan.published is not None
    published = replicas.published()
    replica, con, copied = _writable_replica(replicas, plan.published.version)
    try:
        con.execute("BEGIN TRANSACTION")
        increment = add_drops(
            con, staging_area, list(plan.new_drops), read_state(staging_area.state_dir), now
        )
        generation = plan.published.state_generation
        if increment.state is not None:
            generation = new_generation_name()
        build = BuildInfo(plan.signature, generation, plan.published.version + 1, now)
        for change in _bookkeeping(con, build, plan.new_drops):
            increment.make(con, change)
        outcomes = run_checks(con, Scope(increment.inserted()))
        _refuse_if_blocked(outcomes)
        increment.make(con, _check_results(con, outcomes))
        row_counts, previews = _describe(con)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        if copied:
            replicas.remove(replica)
        raise
    con.close()
    if increment.state is not None and generation is not None:
        write_state(staging_area.state_dir, increment.state, generation)
    if copied:
        replica = replicas.adopt(replica)
    replicas.publish(replica)
    spare = _catch_up(replicas, published, increment)
    detail = (
        f"{len(plan.new_drops)} new drops: {increment.n_new_articles} articles, "
        f"{increment.n_new_mentions} event mentions; clustered {increment.n_scope_mentions} "
        f"mentions, {increment.n_touched_meetings} meetings rewritten; "
        f"{'copied the published file' if copied else 'wrote the spare replica'}, {spare}"
    )
    return PublishResult(replicas.target, row_counts, previews, INCREMENTAL, detail)


def _publish_full(
    replicas: Replicas, staging_area: staging.StagingArea, plan: Plan, now: dt.datetime
) -> PublishResult:
    """Build every table from every staged drop into a new replica, then link it."""
    # Fingerprints before reading: a drop staged again meanwhile differs next time.
    fingerprints = {
        drop_id: fingerprint
        for drop_id in staging_area.drop_ids()
        if (fingerprint := staging_area.fingerprint(drop_id)) is not None
    }
    version = 1 if plan.published is None else plan.published.version + 1
    building = replicas.building_path()
    try:
        with connect_for_build(building) as con:
            new_state = build_tables(con, staging_area, read_state(staging_area.state_dir), now)
            build = BuildInfo(plan.signature, new_generation_name(), version, now)
            for change in _bookkeeping(con, build, fingerprints):
                change.apply(con)
            outcomes = run_checks(con)
            _refuse_if_blocked(outcomes)
            _check_results(con, outcomes).apply(con)
            row_counts, previews = _describe(con)
            con.execute("CHECKPOINT")
        assert build.state_generation is not None
        write_state(staging_area.state_dir, new_state, build.state_generation)
        replica = replicas.adopt(building)
    finally:
        replicas.remove(building)
    replicas.publish(replica)
    for other in replicas.all():
        if other != replica:
            replicas.remove(other)
    # The spare the next (incremental) publish writes, so that it need not copy the file.
    replicas.copy_as_spare(replica)
    detail = plan.full_reason or "full build"
    return PublishResult(replicas.target, row_counts, previews, FULL, detail)


def _writable_replica(
    replicas: Replicas, version: int
) -> tuple[Path, duckdb.DuckDBPyConnection, bool]:
    """A replica at the published ``version`` that nobody else has open, read-write: the
    spare when it is free and caught up, else a copy of the published file (True)."""
    for spare in replicas.spares():
        con = open_for_write(spare)
        if con is not None:
            info = internal.read_build(con)
            if info is not None and info.version == version:
                return spare, con, False
            con.close()
        # Held by a reader (who keeps it) or behind: not worth keeping.
        replicas.remove(spare)
    building = replicas.copy_of_published()
    return building, connect_for_build(building), True


def _catch_up(replicas: Replicas, replica: Path | None, increment: Increment) -> str:
    """Replay a publish's changes on the replica published before it, so that the next
    publish can write it instead of copying the published file. Says how it went."""
    if replica is None:
        return "no spare to catch up"
    con = open_for_write(replica)
    if con is None:
        return "the spare is held by a reader: the next publish copies"
    try:
        con.execute("BEGIN TRANSACTION")
        for change in increment.changes:
            change.apply(con)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    except duckdb.Error as error:
        con.close()
        replicas.remove(replica)
        return f"the spare could not be caught up ({error}): the next publish copies"
    con.close()
    return "caught the spare up"


def build_tables(
    con: duckdb.DuckDBPyConnection,
    staging_area: staging.StagingArea,
    prev_state: dict[str, pa.Table],
    now: dt.datetime,
) -> dict[str, pa.Table]:
    """Create and fill the contract tables in ``con`` from every staged file; returns the
    new meeting-id state (for the caller to write once the build is checked)."""
    con.execute(schema.ddl())
    internal.create_schema(con)
    con.execute("CREATE SCHEMA work")
    for table in staging.STAGED_TABLES:
        _load_staged(con, staging_area, table)
    con.execute(_sql("reject_failed_articles"))
    con.execute(_sql("publish_articles"))
    con.execute(_sql("publish_entities"))
    con.execute(_sql("stage_events"))
    con.execute(_sql("stage_announcements"))
    # The clustering and linking steps read and write unqualified names in the work schema.
    con.execute("USE work")
    _, new_state = cluster_meetings(con, prev_state, now)
    link_announcements(con)
    con.execute("USE main")
    con.execute(_sql("published_meetings"))
    con.execute(_sql("publish_meetings"))
    con.execute(_sql("published_announcements"))
    con.execute(_sql("publish_announcements"))
    # The bookkeeping keeps people's name variants as the clustering finds them.
    run_sql(con, "names")
    con.execute(_sql("internal/full"))
    drop_work_tables(con)
    con.execute("DROP SCHEMA work CASCADE")
    # The report_* views ship inside the published file, so every SQL client sees them.
    create_report_views(con)
    return new_state


def _bookkeeping(
    con: duckdb.DuckDBPyConnection, build: BuildInfo, drops: dict[str, str]
) -> list[Change]:
    """The changes recording what the file now holds: its build row and the drops added."""
    old = con.sql(f"SELECT version FROM {INTERNAL}.build").to_arrow_table()
    row = pa.table(
        {
            "signature": [build.signature],
            "state_generation": [build.state_generation],
            "version": [build.version],
            "published_at": pa.array([build.published_at], pa.timestamp("us", tz="UTC")),
        }
    )
    drop_rows = pa.table(
        {"drop_id": list(drops), "fingerprint": list(drops.values())},
        schema=pa.schema([("drop_id", pa.string()), ("fingerprint", pa.string())]),
    )
    return [
        Change(f"{INTERNAL}.build", key=("version",), deleted=old, inserted=row),
        Change(f"{INTERNAL}.drops", inserted=drop_rows),
    ]


def _check_results(con: duckdb.DuckDBPyConnection, outcomes: list[CheckOutcome]) -> Change:
    """The change recording the checks' results in the file (all rows replaced)."""
    old = con.sql(f"SELECT table_name, check_name FROM {INTERNAL}.check_results")
    rows = pa.table(
        {
            "table_name": [o.check.table for o in outcomes],
            "check_name": [o.check.name for o in outcomes],
            "blocking": [o.check.blocking for o in outcomes],
            "n_failures": pa.array([len(o.rows) for o in outcomes], pa.int64()),
            "examples": [examples_markdown(o.rows) for o in outcomes],
        }
    )
    return Change(
        f"{INTERNAL}.check_results",
        key=("table_name", "check_name"),
        deleted=old.to_arrow_table(),
        inserted=rows,
    )


def _refuse_if_blocked(outcomes: list[CheckOutcome]) -> None:
    """Blocking checks gate the link: wrong data never replaces the published file."""
    failed = {o.key: len(o.rows) for o in outcomes if o.check.blocking and o.rows}
    if failed:
        raise PublishBlocked(failed)


def _describe(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, int], dict[str, str]]:
    """Row counts and previews of every published table."""
    row_counts = {t: _row_count(con, t) for t in PUBLISHED_TABLES}
    previews = {t: preview_markdown(con, t) for t in PUBLISHED_TABLES}
    return row_counts, previews


def _load_staged(
    con: duckdb.DuckDBPyConnection, staging_area: staging.StagingArea, table: staging.StagedTable
) -> None:
    """Load every drop's file of one staged table into ``work.stg_<table>``."""
    name = f"work.stg_{table.name}"
    empty = table.schema.empty_table()  # noqa: F841 (read by DuckDB by name)
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM empty")
    files = staging_area.files(table)
    if files:
        # By name: a file staged before a column was added gets NULL in it, not a failed load.
        con.execute(
            f"INSERT INTO {name} BY NAME SELECT * FROM read_parquet($files, union_by_name = true)",
            {"files": [str(f) for f in files]},
        )


def _row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows in one published table (``table`` is one of PUBLISHED_TABLES, never user text)."""
    return con.execute(f"SELECT count(*) FROM main.{table}").fetchall()[0][0]


def preview_markdown(con: duckdb.DuckDBPyConnection, table: str, limit: int = 5) -> str:
    """The first rows of a published table as a Markdown table, long texts shortened."""
    relation = con.table(f"main.{table}").limit(limit)
    header = "| " + " | ".join(relation.columns) + " |"
    rule = "|" + "---|" * len(relation.columns)
    lines = [header, rule]
    for row in relation.fetchall():
        cells = (_preview_cell(value) for value in row)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _preview_cell(value: object, width: int = 60) -> str:
    """One cell of a Markdown preview: NULL shown, pipes and newlines escaped, cut to width."""
    if value is None:
        return "NULL"
    text = " ".join(str(value).split()).replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def _sql(name: str) -> str:
    """The text of a SQL file in ``warehouse/sql``."""
    return (SQL_DIR / f"{name}.sql").read_text()
