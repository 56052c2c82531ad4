"""The read-only Python API: on the tiny warehouse with known answers (conftest.py), and the
README's example on the demo drop."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from dagster import DagsterInstance, materialize

from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.partitions import drops_partitions
from assets.publish import warehouse_tables
from assets.resources import ParleyPaths
from parley import settings
from parley.api import Warehouse, WarehouseError

README = settings.REPO_ROOT / "README.md"

# shared/CONTRACT.md section 3; the contract allows mention_id or the sentence offsets.
ANNOUNCEMENTS_DDL = """
CREATE TABLE meeting_announcements (
    announcement_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, {reference},
    kind VARCHAR NOT NULL, expected_date DATE, date_precision VARCHAR, date_text VARCHAR,
    location VARCHAR, location_iso3 VARCHAR, meeting_id VARCHAR, status VARCHAR NOT NULL
);
CREATE TABLE announcement_participants (announcement_id VARCHAR, entity_id VARCHAR);
"""
REFERENCES = {
    "mention_id": {"mention_id": "VARCHAR"},
    "offsets": {"sentence": "VARCHAR", "start_char": "INTEGER", "end_char": "INTEGER"},
}
INSERT_ANNOUNCEMENT = """
INSERT INTO meeting_announcements (announcement_id, article_id, kind, expected_date,
    date_precision, date_text, location, location_iso3, meeting_id, status)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
# ann-3 names someone the entities table lacks: the name falls back to the entity id.
ANNOUNCEMENTS = [
    ("ann-1", "art-3", "visit", "2025-05-01", "month", "in May", "Delhi", "IND", None, "announced"),
    (
        "ann-2",
        "art-1",
        "meeting",
        "2025-03-01",
        "day",
        "on Saturday",
        "Delhi",
        "IND",
        "mtg-1",
        "held",
    ),
    ("ann-3", "art-3", "phone_call", None, None, None, None, None, None, "cancelled"),
]
ANNOUNCEMENT_PARTICIPANTS = [
    ("ann-1", "person:alice"),
    ("ann-2", "person:bob"),
    ("ann-2", "person:alice"),
    ("ann-3", "person:dave"),
]


def _column(frame: pd.DataFrame, name: str) -> list[object]:
    """A column as plain Python values (lists for list columns, None for NULL)."""
    values = []
    for value in frame[name]:
        if hasattr(value, "tolist"):
            value = value.tolist()
        values.append(None if not isinstance(value, list) and pd.isna(value) else value)
    return values


def test_meetings_with_participants_topics_and_sources(tiny_warehouse: Path) -> None:
    meetings = Warehouse(tiny_warehouse).meetings()
    # Dated meetings first, by date; the undated one last.
    assert _column(meetings, "meeting_id") == ["mtg-1", "mtg-2", "mtg-4", "mtg-3"]
    first = meetings.iloc[0]
    assert first.meeting_date == pd.Timestamp("2025-03-01")
    assert first.participants.tolist() == ["Alice", "Bob"]
    assert first.participant_ids.tolist() == ["person:alice", "person:bob"]
    assert first.countries.tolist() == ["IND", "USA"]
    assert first.topics.tolist() == ["security", "trade"]
    assert first.source_refs.tolist() == ["a1.txt", "a2.txt"]
    assert first.outlets.tolist() == ["ANI", "Reuters"]
    assert _column(meetings, "topics")[-1] == []  # a meeting without topics: an empty list


def test_meetings_filtered_by_dates_country_and_kind(tiny_warehouse: Path) -> None:
    wh = Warehouse(tiny_warehouse)
    assert _column(wh.meetings(since="2025-04-01"), "meeting_id") == ["mtg-2", "mtg-4"]
    assert _column(wh.meetings(until=dt.date(2025, 4, 10)), "meeting_id") == ["mtg-1", "mtg-2"]
    assert _column(wh.meetings(country="jpn"), "meeting_id") == ["mtg-2", "mtg-3"]
    assert _column(wh.meetings(kind="video_call", country="IND"), "meeting_id") == ["mtg-4"]
    assert wh.meetings(kind="summit").empty


def test_sources_of_a_meeting_also_by_a_merged_away_id(tiny_warehouse: Path) -> None:
    wh = Warehouse(tiny_warehouse)
    sources = wh.sources("mtg-1")
    assert _column(sources, "source_ref") == ["a1.txt", "a2.txt"]
    assert _column(sources, "outlet") == ["Reuters", "ANI"]
    assert sources.sentence.iloc[0].startswith("Alice met Bob in Delhi")
    assert wh.sources("mtg-0").equals(sources)  # mtg-0 was merged into mtg-1
    assert len(wh.sources()) == 5
    assert wh.sources("no-such-meeting").empty


def test_a_persons_meetings_by_name_alias_or_id(tiny_warehouse: Path) -> None:
    wh = Warehouse(tiny_warehouse)
    alice = wh.person_meetings("Alice")
    assert _column(alice, "meeting_id") == ["mtg-1", "mtg-2", "mtg-4"]
    assert _column(alice, "counterparts") == [["Bob"], ["Carol"], ["Bob"]]
    assert _column(alice, "counterpart_countries") == [["IND"], ["JPN"], ["IND"]]
    assert set(_column(alice, "role")) == {"Secretary of State"}
    assert wh.person_meetings("secretary ALICE").equals(alice)  # an alias, any letter case
    assert wh.person_meetings("person:alice").equals(alice)
    bob = wh.person_meetings("Bob")
    assert _column(bob, "meeting_id") == ["mtg-1", "mtg-4", "mtg-3"]
    assert _column(bob, "role") == ["Foreign Minister", "Foreign Minister", None]
    assert wh.person_meetings("India").empty  # not a person
    assert wh.person_meetings("Nobody").empty


def test_a_country_pair_by_month_in_either_order(tiny_warehouse: Path) -> None:
    wh = Warehouse(tiny_warehouse)
    pair = wh.country_pair_by_month("usa", "IND")
    assert _column(pair, "month") == [pd.Timestamp("2025-03-01"), pd.Timestamp("2025-04-01")]
    assert _column(pair, "n_meetings") == [1, 1]
    assert _column(pair, "n_calls") == [0, 1]  # the video call of April 20
    assert wh.country_pair_by_month("IND", "USA").equals(pair)
    assert wh.country_pair_by_month("IND", "FRA").empty


@pytest.mark.parametrize("reference", sorted(REFERENCES))
def test_announcements_with_their_article_and_participants(
    tiny_warehouse: Path, reference: str
) -> None:
    columns = ", ".join(f"{name} {sql_type}" for name, sql_type in REFERENCES[reference].items())
    _drop_announcement_tables(tiny_warehouse)
    with duckdb.connect(str(tiny_warehouse)) as con:
        con.execute(ANNOUNCEMENTS_DDL.format(reference=columns))
        con.executemany(INSERT_ANNOUNCEMENT, ANNOUNCEMENTS)
        con.executemany(
            "INSERT INTO announcement_participants VALUES (?, ?)", ANNOUNCEMENT_PARTICIPANTS
        )
    wh = Warehouse(tiny_warehouse)

    announced = wh.announcements()
    # By expected date, undated last.
    assert _column(announced, "announcement_id") == ["ann-2", "ann-1", "ann-3"]
    assert _column(announced, "status") == ["held", "announced", "cancelled"]
    assert _column(announced, "meeting_id") == ["mtg-1", None, None]
    assert _column(announced, "source_ref") == ["a1.txt", "a3.txt", "a3.txt"]
    assert _column(announced, "participants") == [["Alice", "Bob"], ["Alice"], ["person:dave"]]
    assert _column(announced, "expected_date")[0] == pd.Timestamp("2025-03-01")
    assert set(REFERENCES[reference]) <= set(announced.columns)  # the table's own columns
    assert _column(wh.announcements(status="announced"), "announcement_id") == ["ann-1"]


def test_announcements_as_parley_publishes_them(tiny_warehouse: Path) -> None:
    announced = Warehouse(tiny_warehouse).announcements()
    assert _column(announced, "announcement_id") == ["ann-1", "ann-3", "ann-2"]
    assert _column(announced, "status") == ["held", "announced", "cancelled"]
    assert _column(announced, "participants")[0] == ["Alice", "Bob"]
    assert {"stated_status", "cancelled_by", "date_precision"} <= set(announced.columns)


def test_a_warehouse_without_the_announcement_tables_says_so(tiny_warehouse: Path) -> None:
    _drop_announcement_tables(tiny_warehouse)
    with pytest.raises(WarehouseError, match="meeting_announcements"):
        Warehouse(tiny_warehouse).announcements()


def _drop_announcement_tables(warehouse: Path) -> None:
    """The tiny warehouse as one published before announcements (it holds parley's own)."""
    with duckdb.connect(str(warehouse)) as con:
        con.execute("DROP VIEW IF EXISTS report_announcements")
        con.execute("DROP TABLE announcement_participants")
        con.execute("DROP TABLE meeting_announcements")


def test_no_warehouse_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="parley run"):
        Warehouse(tmp_path / "missing.duckdb").meetings()


def test_reads_beside_another_reader_and_leaves_no_lock(tiny_warehouse: Path) -> None:
    # Another process holds the file open read-only, as a publish run's checks do: a writer
    # could not open it now, the API can.
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_READ_ONLY, str(tiny_warehouse)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        wh = Warehouse(tiny_warehouse)
        assert len(wh.meetings()) == 4
        assert len(wh.person_meetings("Carol")) == 2
    finally:
        holder.communicate("", timeout=30)
    # Between calls the API holds nothing: a writer in another process gets the file.
    writer = subprocess.run(
        [sys.executable, "-c", _OPEN_FOR_WRITING, str(tiny_warehouse)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert writer.returncode == 0, writer.stderr


_HOLD_READ_ONLY = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
sys.stdin.read()
"""
_OPEN_FOR_WRITING = "import sys, duckdb; duckdb.connect(sys.argv[1]).close()"


def test_the_readme_example_on_the_demo_drop(
    paths: ParleyPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, ["seeds"])
        per_drop = [staged_articles, staged_entity_mentions, staged_event_mentions]
        resources = {"paths": paths}
        assert materialize(per_drop, instance=instance, partition_key="seeds", resources=resources)
        assert materialize([warehouse_tables], instance=instance, resources=resources)
    monkeypatch.setenv(settings.WAREHOUSE_ENV, str(paths.warehouse))

    exec(compile(_readme_example(), "README.md", "exec"), {})

    printed = capsys.readouterr().out
    for name in ("Marco Rubio", "Penny Wong", "Pete Hegseth", "Ajit Doval", "Jake Sullivan"):
        assert name in printed
    assert "phone_call" in printed and "2024-10" in printed and "2025-07" in printed


def _readme_example() -> str:
    """The Python code of the README's "Python API" section."""
    section = README.read_text(encoding="utf-8").split("### Python API", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]
