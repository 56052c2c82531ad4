"""Side meetings get ``part_of``; ``meeting_countries`` lists participants' states and the
member states of a participating group on the meeting date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from parley.meetings.cluster import build_meetings
from tests.meetings.builder import Corpus

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
QUAD, EU = "org:quad", "org:european-union"
JAISHANKAR, RUBIO, WONG = "person:s-jaishankar", "person:marco-rubio", "person:penny-wong"
BAKER, MIYAZAWA = "person:james-baker", "person:kiichi-miyazawa"


def _meeting_of(con: duckdb.DuckDBPyConnection, mention_id: str) -> str:
    return con.execute(
        "SELECT meeting_id FROM mention_meeting WHERE mention_id = ?", [mention_id]
    ).fetchall()[0][0]


def _part_of(con: duckdb.DuckDBPyConnection, mention_id: str) -> str | None:
    meeting_id = _meeting_of(con, mention_id)
    return con.execute(
        "SELECT part_of FROM meetings WHERE meeting_id = ?", [meeting_id]
    ).fetchall()[0][0]


def _countries(con: duckdb.DuckDBPyConnection, mention_id: str) -> dict[str, str]:
    rows = con.execute(
        "SELECT country_iso3, via FROM meeting_countries WHERE meeting_id = ?",
        [_meeting_of(con, mention_id)],
    ).fetchall()
    return dict(rows)


def _quad_week(corpus: Corpus) -> None:
    """The Quad foreign ministers meet; Jaishankar meets Rubio on its sidelines, Wong a day
    later (a report of another outlet); a Quad meeting of months later is another one."""
    corpus.article("mea-1", "2025-07-02", "MEA")
    corpus.article("ht-2", "2025-07-03", "Hindustan Times")
    corpus.article("abc-3", "2025-11-20", "ABC")
    corpus.mention("mea-1#0", "mea-1", [QUAD], "2025-07-01", location="Washington")
    corpus.mention("mea-1#1", "mea-1", [JAISHANKAR, RUBIO], "2025-07-01", setting=QUAD)
    corpus.mention("ht-2#0", "ht-2", [JAISHANKAR, WONG], "2025-07-02", setting=QUAD)
    corpus.mention("abc-3#0", "abc-3", [QUAD], "2025-11-19")


def test_side_meetings_are_part_of_the_group_meeting(tmp_path: Path) -> None:
    corpus = Corpus()
    _quad_week(corpus)
    con = corpus.connect()
    build_meetings(con, tmp_path, NOW)
    quad = _meeting_of(con, "mea-1#0")
    assert _part_of(con, "mea-1#1") == quad
    # Reported in another article, a day later: still within the group meeting's days.
    assert _part_of(con, "ht-2#0") == quad
    assert _part_of(con, "mea-1#0") is None
    assert _part_of(con, "abc-3#0") is None
    # The summit and its side meetings are separate rows.
    assert len({_meeting_of(con, m) for m in ("mea-1#0", "mea-1#1", "ht-2#0")}) == 3


def test_a_side_meeting_far_from_any_group_meeting_is_part_of_nothing(tmp_path: Path) -> None:
    corpus = Corpus()
    corpus.article("mea-1", "2025-09-02", "MEA")
    corpus.article("abc-3", "2025-11-20", "ABC")
    corpus.mention("mea-1#1", "mea-1", [JAISHANKAR, RUBIO], "2025-09-01", setting=QUAD)
    corpus.mention("abc-3#0", "abc-3", [QUAD], "2025-11-19")
    con = corpus.connect()
    build_meetings(con, tmp_path, NOW)
    assert _part_of(con, "mea-1#1") is None


def test_meeting_countries_by_participant_and_by_membership(tmp_path: Path) -> None:
    corpus = Corpus()
    _quad_week(corpus)
    con = corpus.connect()
    build_meetings(con, tmp_path, NOW)
    assert _countries(con, "mea-1#0") == dict.fromkeys(("AUS", "IND", "JPN", "USA"), "membership")
    assert _countries(con, "mea-1#1") == {"IND": "participant", "USA": "participant"}


def test_members_are_those_of_the_meeting_date_and_named_members_count_once(
    tmp_path: Path,
) -> None:
    # Britain left the European Union on 2020-01-31 (groups.csv). At the later summit the
    # Japanese and American visitors are participants; neither is a member.
    corpus = Corpus()
    corpus.article("rt-1", "2019-10-18", "Reuters")
    corpus.article("rt-2", "2020-06-20", "Reuters")
    corpus.mention("rt-1#0", "rt-1", [EU], "2019-10-17", kind="summit")
    corpus.mention("rt-2#0", "rt-2", [EU, BAKER, MIYAZAWA], "2020-06-19", kind="summit")
    con = corpus.connect()
    build_meetings(con, tmp_path, NOW)
    before, after = _countries(con, "rt-1#0"), _countries(con, "rt-2#0")
    assert before["GBR"] == "membership"
    assert "GBR" not in after
    assert after["USA"] == after["JPN"] == "participant"
    assert set(before) - set(after) == {"GBR"}
    assert all(via == "membership" for c, via in after.items() if c not in {"USA", "JPN"})


def test_a_meeting_dated_to_its_month_has_the_members_of_any_of_its_days(
    tmp_path: Path,
) -> None:
    # "last month's G-6 meeting", reported on 1987-03-30, was the Louvre meeting of February
    # 22, the day the G6 began (groups.csv): dated 1987-02 it still has its six members.
    corpus = Corpus()
    corpus.article("rt-1", "1987-03-30", "Reuters")
    corpus.mention("rt-1#0", "rt-1", ["org:g6"], "1987-02-01", precision="month")
    con = corpus.connect()
    build_meetings(con, tmp_path, NOW)
    assert _countries(con, "rt-1#0") == dict.fromkeys(
        ("CAN", "DEU", "FRA", "GBR", "JPN", "USA"), "membership"
    )


def test_a_side_meeting_never_merges_with_the_group_meeting_it_was_held_at(
    tmp_path: Path,
) -> None:
    # A report of the Quad ministers' meeting names its members; the Jaishankar-Rubio
    # bilateral on its sidelines shares two of them, a day and a city with it. Within one
    # article (lead and body) and across articles they stay two meetings, linked by part_of.
    corpus = Corpus()
    corpus.article("mea-1", "2025-07-02", "MEA")
    corpus.article("ht-2", "2025-07-02", "Hindustan Times")
    members = [QUAD, JAISHANKAR, RUBIO, WONG]
    corpus.mention("mea-1#0", "mea-1", members, "2025-07-01", location="Washington")
    corpus.mention(
        "mea-1#1", "mea-1", [JAISHANKAR, RUBIO], "2025-07-01", location="Washington", setting=QUAD
    )
    corpus.mention("ht-2#0", "ht-2", members, "2025-07-01", location="Washington")
    corpus.mention(
        "ht-2#1", "ht-2", [RUBIO, JAISHANKAR], "2025-07-01", location="Washington", setting=QUAD
    )
    con = corpus.connect()
    build_meetings(con, tmp_path, NOW)
    group, side = _meeting_of(con, "mea-1#0"), _meeting_of(con, "mea-1#1")
    assert group != side
    assert _meeting_of(con, "ht-2#0") == group
    assert _meeting_of(con, "ht-2#1") == side
    assert _part_of(con, "mea-1#1") == group
