"""Synthetic corpora: the benchmark runs, beats one-a-day, and incremental = one run."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb
import pytest

from parley.meetings.bench import main, synthetic_inputs
from parley.meetings.cluster import build_meetings

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


def test_bench_beats_one_a_day(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--meetings", "200", "--seed", "3"])
    out = capsys.readouterr().out
    f1 = dict(re.findall(r"^(clustering|one-a-day): B-cubed .* F1 ([0-9.]+)$", out, re.M))
    assert float(f1["clustering"]) > 0.9
    assert float(f1["clustering"]) > float(f1["one-a-day"])


def test_split_by_date_into_two_runs_gives_the_partition_of_one(tmp_path: Path) -> None:
    con = duckdb.connect()
    synthetic_inputs(con, 1500, seed=7)
    build_meetings(con, tmp_path / "one", NOW)
    one_run = partition(con)
    for table in ("articles", "event_mentions", "event_mention_participants"):
        con.execute(f"ALTER TABLE {table} RENAME TO all_{table}")
    # The first run sees the first half year (views cannot take bound parameters).
    con.execute(
        "CREATE VIEW articles AS SELECT * FROM all_articles "
        "WHERE published_date < DATE '2024-07-01'"
    )
    con.execute(
        "CREATE VIEW event_mentions AS SELECT * FROM all_event_mentions "
        "WHERE article_id IN (SELECT article_id FROM articles)"
    )
    con.execute(
        "CREATE VIEW event_mention_participants AS SELECT * FROM all_event_mention_participants "
        "WHERE mention_id IN (SELECT mention_id FROM event_mentions)"
    )
    build_meetings(con, tmp_path / "two", NOW)
    for table in ("articles", "event_mentions", "event_mention_participants"):
        con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM all_{table}")
    stats = build_meetings(con, tmp_path / "two", NOW + dt.timedelta(days=1))
    assert 0 < stats.n_new_mentions < stats.n_mentions
    assert partition(con) == one_run


def partition(con: duckdb.DuckDBPyConnection) -> set[frozenset[str]]:
    """The clusters of mention ids."""
    rows = con.execute("SELECT list(mention_id) FROM mention_meeting GROUP BY meeting_id")
    return {frozenset(r[0]) for r in rows.fetchall()}
