"""A run over the part of the history new drops can touch gives what a run over everything
gives: the same state, and the same rows for every meeting (the others keep theirs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from parley.meetings.bench import synthetic_inputs
from parley.meetings.cluster import HistoryFacts, build_meetings, run_sql
from parley.meetings.scope import cluster_scope, select_scope
from parley.meetings.state import read_state, write_state
from tests.meetings.builder import Corpus
from tests.meetings.test_cluster import (
    BAKER,
    MIYAZAWA,
    baker_miyazawa,
    bridged,
    bridged_twice,
)
from tests.meetings.test_side_meetings import _quad_week

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
# The meeting tables of one run, keyed by meeting, and how a scoped run replaces their rows.
MEETING_TABLES = (
    "meetings",
    "meeting_participants",
    "meeting_countries",
    "meeting_sources",
    "meeting_topics",
)
INPUTS = ("articles", "event_mentions", "event_mention_participants", "entities", "person_roles")
Outputs = dict[str, pa.Table]
Inputs = Callable[[int], duckdb.DuckDBPyConnection]


def _outputs(con: duckdb.DuckDBPyConnection) -> Outputs:
    tables = (*MEETING_TABLES, "meeting_id_redirects", "mention_meeting")
    return {t: con.sql(f"FROM {t}").to_arrow_table() for t in tables}


def _rows(table: pa.Table) -> list[tuple[object, ...]]:
    return sorted(tuple(row.values()) for row in table.to_pylist())


def _scoped_run(
    con: duckdb.DuckDBPyConnection, before: Outputs, state: Path, now: dt.datetime
) -> Outputs:
    """Cluster ``con``'s inputs as an incremental publish does; the whole history's tables."""
    prev = read_state(state)
    con.register("prev_assign", prev["assign"])
    con.register("prev_meetings", before["meetings"])
    con.execute(
        "CREATE OR REPLACE TEMP VIEW scope_mentions AS "
        "SELECT m.mention_id, m.article_id, m.event_date, m.date_precision, a.published_date, "
        "m.setting, p.meeting_id FROM event_mentions AS m JOIN articles AS a USING (article_id) "
        "LEFT JOIN prev_assign AS p USING (mention_id)"
    )
    history = _history_facts(con)
    con.register("person_alias", history.person_alias)
    con.execute(
        "CREATE OR REPLACE TEMP VIEW scope_participants AS "
        "SELECT mention_id, entity_id FROM event_mention_participants UNION "
        "SELECT p.mention_id, a.alias_of FROM event_mention_participants AS p "
        "JOIN person_alias AS a USING (entity_id)"
    )
    con.execute(
        "CREATE OR REPLACE TEMP VIEW scope_entity_countries AS "
        "SELECT entity_id, country_iso3 FROM entities"
    )
    con.execute(
        "CREATE OR REPLACE TEMP VIEW scope_meetings AS "
        "SELECT meeting_id, meeting_date, first_reported, part_of FROM prev_meetings"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE scope_entity_changes (entity_id VARCHAR, lo DATE, hi DATE)"
    )
    selection = select_scope(con, prev)
    con.register("chosen", selection.mention_ids)
    scoped = {
        "event_mentions": "FROM event_mentions SEMI JOIN chosen USING (mention_id)",
        "event_mention_participants": (
            "FROM event_mention_participants SEMI JOIN chosen USING (mention_id)"
        ),
        "articles": (
            "FROM articles WHERE article_id IN "
            "(SELECT article_id FROM event_mentions SEMI JOIN chosen USING (mention_id))"
        ),
        "entities": "FROM entities",
        "person_roles": "FROM person_roles",
    }
    work = duckdb.connect()
    for name in INPUTS:
        work.register("_input", con.sql(scoped[name]).to_arrow_table())
        work.execute(f"CREATE TABLE {name} AS FROM _input")
        work.unregister("_input")
    result = cluster_scope(work, selection, prev, now, history)
    write_state(state, result.state)
    new = _outputs(work)
    touched = set(result.touched_meetings.column("meeting_id").to_pylist())
    chosen = set(selection.mention_ids.column("mention_id").to_pylist())
    retired = set(selection.restricted["redirects"].column("old_meeting_id").to_pylist())
    retired |= set(new["meeting_id_redirects"].column("old_meeting_id").to_pylist())
    keep: dict[str, Callable[[dict[str, object]], bool]] = {
        table: (lambda row: row["meeting_id"] not in touched) for table in MEETING_TABLES
    }
    keep["mention_meeting"] = lambda row: row["mention_id"] not in chosen
    keep["meeting_id_redirects"] = lambda row: row["old_meeting_id"] not in retired
    merged = {}
    for table, rows in new.items():
        kept = [row for row in before[table].to_pylist() if keep[table](row)]
        merged[table] = pa.concat_tables([pa.Table.from_pylist(kept, rows.schema), rows])
    return merged


def _history_facts(con: duckdb.DuckDBPyConnection) -> HistoryFacts:
    """What the clustering's history facts step finds over all of ``con``'s inputs."""
    run_sql(con, "names")
    run_sql(con, "corpus")
    facts = HistoryFacts(
        n_articles=con.execute("SELECT n_articles FROM _mc_corpus").fetchall()[0][0],
        person_alias=con.sql("FROM _mc_person_alias").to_arrow_table(),
        entity_event_articles=con.sql("FROM _mc_entity_df").to_arrow_table(),
    )
    for table in ("_mc_person_name", "_mc_person_alias", "_mc_corpus", "_mc_entity_df"):
        con.execute(f"DROP TABLE {table}")
    return facts


def _compare_in_turn(inputs: Inputs, n_steps: int, tmp_path: Path) -> None:
    """Each step's inputs clustered over everything, and over the scope after the first."""
    scoped: Outputs = {}
    for step in range(n_steps):
        now = NOW + dt.timedelta(hours=step)
        full_con = inputs(step)
        build_meetings(full_con, tmp_path / "full", now)
        full = _outputs(full_con)
        if step == 0:
            build_meetings(inputs(step), tmp_path / "scoped", now)
            scoped = full
        else:
            scoped = _scoped_run(inputs(step), scoped, tmp_path / "scoped", now)
        for table in full:
            assert _rows(scoped[table]) == _rows(full[table]), (step, table)
        for key, table in read_state(tmp_path / "full").items():
            assert _rows(read_state(tmp_path / "scoped")[key]) == _rows(table), (step, key)


def _corpus_in_drops(corpus: Corpus) -> Inputs:
    drops = sorted({a["drop_id"] for a in corpus.articles})
    return lambda step: corpus.connect(set(drops[: step + 1]))


def test_merges_and_redirects(tmp_path: Path) -> None:
    corpus = Corpus()
    bridged(corpus)
    _compare_in_turn(_corpus_in_drops(corpus), 3, tmp_path)


def test_a_second_merge_follows_the_redirects(tmp_path: Path) -> None:
    corpus = Corpus()
    bridged_twice(corpus)
    _compare_in_turn(_corpus_in_drops(corpus), 5, tmp_path)


@pytest.mark.parametrize("summit_first", [True, False], ids=["summit first", "summit later"])
def test_side_meetings_and_their_setting_in_either_order(
    tmp_path: Path, summit_first: bool
) -> None:
    corpus = Corpus()
    _quad_week(corpus)
    for article in corpus.articles:
        holds_summit = article["article_id"] in {"mea-1", "abc-3"}
        article["drop_id"] = "drop-1" if holds_summit == summit_first else "drop-2"
    _compare_in_turn(_corpus_in_drops(corpus), 2, tmp_path)


def test_name_variants_of_both_parties_in_a_later_drop(tmp_path: Path) -> None:
    # The second drop's report names both people otherwise ("Jen Klein", "Melanie
    # Campbell"), and no state: only the variants they stand for reach the first report.
    corpus = Corpus()
    corpus.article("first", "2025-04-22", "PTI", "drop-1")
    corpus.mention(
        "first#0", "first", ["person:jennifer-klein", "person:melanie-l-campbell"], "2025-04-21"
    )
    corpus.article("second", "2025-04-23", "AP", "drop-2")
    corpus.mention(
        "second#0", "second", ["person:jen-klein", "person:melanie-campbell"], "2025-04-21"
    )
    _compare_in_turn(_corpus_in_drops(corpus), 2, tmp_path)
    full = corpus.connect()
    build_meetings(full, tmp_path / "once", NOW)
    assert full.execute("SELECT count(*) FROM meetings").fetchall() == [(1,)]


def test_late_reports_of_a_known_meeting(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus, "drop-1")
    corpus.article("late", "1987-04-10", "Kyodo", "drop-2")
    corpus.mention("late#0", "late", [MIYAZAWA, BAKER], "1987-04-07")
    corpus.article("other", "1987-05-02", "Kyodo", "drop-3")
    corpus.mention("other#0", "other", [MIYAZAWA, BAKER], "1987-05-01")
    _compare_in_turn(_corpus_in_drops(corpus), 3, tmp_path)


def test_a_synthetic_year_in_three_parts(tmp_path: Path) -> None:
    def inputs(step: int) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        synthetic_inputs(con, 1200, seed=11)
        until = ("2024-05-01", "2024-09-01", "2025-06-01")[step]
        con.execute(
            "CREATE OR REPLACE TABLE articles AS FROM articles WHERE published_date < ?", [until]
        )
        con.execute(
            "CREATE OR REPLACE TABLE event_mentions AS FROM event_mentions "
            "SEMI JOIN articles USING (article_id)"
        )
        con.execute(
            "CREATE OR REPLACE TABLE event_mention_participants AS "
            "FROM event_mention_participants SEMI JOIN event_mentions USING (mention_id)"
        )
        return con

    _compare_in_turn(inputs, 3, tmp_path)
