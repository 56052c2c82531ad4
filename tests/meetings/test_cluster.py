"""Cross-source dedup: hand-written multi-source fixtures with known meetings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from parley.meetings.cluster import (
    baseline_one_a_day,
    build_meetings,
    check_meeting_date_span,
    check_meeting_id_unique,
    check_mention_in_one_meeting,
)
from parley.meetings.state import STATE_POINTER, read_state
from tests.meetings.builder import Corpus

BAKER = "person:james-baker"
MIYAZAWA = "person:kiichi-miyazawa"
SULLIVAN = "person:jake-sullivan"
DOVAL = "person:ajit-doval"
JAISHANKAR = "person:s-jaishankar"
RUBIO = "person:marco-rubio"
HEGSETH = "person:pete-hegseth"
WONG = "person:penny-wong"
KAMIKAWA = "person:yoko-kamikawa"
FUNARO = "person:dilson-funaro"
BALLADUR = "person:edouard-balladur"
LAROSIERE = "person:jacques-de-larosiere"
KURODA = "person:makoto-kuroda"
SMITH = "person:michael-smith"
G7 = "org:g7"
MODI = "person:narendra-modi"

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def clusters(con: duckdb.DuckDBPyConnection, table: str = "mention_meeting") -> set[frozenset]:
    """The partition of mention ids a mention -> meeting table describes."""
    rows = con.execute(
        f"SELECT list(mention_id ORDER BY mention_id) FROM {table} GROUP BY meeting_id"
    ).fetchall()
    return {frozenset(r[0]) for r in rows}


def meeting_of(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """mention_id -> meeting_id."""
    return dict(con.execute("SELECT mention_id, meeting_id FROM mention_meeting").fetchall())


def run(corpus: Corpus, state: Path, drops: set[str] | None = None, now: dt.datetime = NOW):
    """Cluster the corpus (or some of its drops) and return the connection."""
    con = corpus.connect(drops)
    build_meetings(con, state, now)
    return con


def baker_miyazawa(corpus: Corpus, drop_id: str = "drop-1") -> None:
    """One meeting reported by three outlets on three days, in different wordings."""
    corpus.article("rt-1", "1987-04-07", "Reuters", drop_id)
    corpus.article("ap-2", "1987-04-08", "AP", drop_id)
    corpus.article("afp-3", "1987-04-09", "AFP", drop_id)
    # Same day; lead and body of the first article both state it.
    corpus.mention(
        "rt-1#0",
        "rt-1",
        [MIYAZAWA, BAKER],
        "1987-04-07",
        location="Washington",
        location_iso3="USA",
        topics=("currency",),
    )
    corpus.mention("rt-1#1", "rt-1", [MIYAZAWA], None, topics=("trade",))
    # "yesterday", resolved against the next day's dateline.
    corpus.mention(
        "ap-2#0",
        "ap-2",
        [BAKER, MIYAZAWA],
        "1987-04-07",
        location="Washington",
        location_iso3="USA",
    )
    # Two days later, only the month is given, and the wording was "talks".
    corpus.mention(
        "afp-3#0",
        "afp-3",
        [BAKER, MIYAZAWA, "gpe:JPN"],
        "1987-04-01",
        kind="negotiation",
        precision="month",
    )


def test_one_meeting_three_outlets_three_days(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus)
    con = run(corpus, tmp_path)
    assert clusters(con) == {frozenset({"rt-1#0", "rt-1#1", "ap-2#0", "afp-3#0"})}
    row = con.execute(
        "SELECT kind, meeting_date, date_precision, location, n_mentions, n_articles, "
        "n_outlets, first_reported, last_reported FROM meetings"
    ).fetchone()
    assert row == (
        "meeting",
        dt.date(1987, 4, 7),
        "day",
        "Washington",
        4,
        3,
        3,
        dt.date(1987, 4, 7),
        dt.date(1987, 4, 9),
    )
    assert con.execute("SELECT count(*) FROM meeting_sources").fetchone()[0] == 4
    topics = {r[0] for r in con.execute("SELECT topic FROM meeting_topics").fetchall()}
    assert topics == {"currency", "trade"}
    parties = {r[0] for r in con.execute("SELECT entity_id FROM meeting_participants").fetchall()}
    assert parties == {BAKER, MIYAZAWA, "gpe:JPN"}


def test_same_pair_a_week_apart_is_two_meetings(tmp_path: Path) -> None:
    corpus = Corpus()
    corpus.article("a", "1987-04-07")
    corpus.article("b", "1987-04-14")
    corpus.article("c", "1987-04-15", "AP")
    corpus.mention("a#0", "a", [BAKER, MIYAZAWA], "1987-04-07")
    corpus.mention("b#0", "b", [BAKER, MIYAZAWA], "1987-04-14")
    corpus.mention("c#0", "c", [MIYAZAWA, BAKER], "1987-04-14")
    con = run(corpus, tmp_path)
    assert clusters(con) == {frozenset({"a#0"}), frozenset({"b#0", "c#0"})}


def test_phone_call_and_meeting_same_day_are_two(tmp_path: Path) -> None:
    corpus = Corpus()
    corpus.article("a", "2024-10-31")
    corpus.article("b", "2024-10-31", "ANI")
    corpus.mention("a#0", "a", [SULLIVAN, DOVAL], "2024-10-30", kind="phone_call")
    corpus.mention("a#1", "a", [SULLIVAN, DOVAL], "2024-10-30", kind="meeting")
    corpus.mention("b#0", "b", [DOVAL, SULLIVAN], "2024-10-30", kind="phone_call")
    corpus.mention(
        "b#1",
        "b",
        [DOVAL, SULLIVAN],
        "2024-10-30",
        kind="meeting",
        location="New Delhi",
        location_iso3="IND",
    )
    con = run(corpus, tmp_path)
    assert clusters(con) == {frozenset({"a#0", "b#0"}), frozenset({"a#1", "b#1"})}
    headlines = {r[0] for r in con.execute("SELECT headline FROM meetings").fetchall()}
    assert "Jake Sullivan spoke by phone with Ajit Doval" in headlines


def quad_summit(corpus: Corpus) -> None:
    """A ministers' summit with bilaterals on its sidelines, reported by three articles."""
    corpus.article("ani-1", "2025-07-02", None)
    corpus.article("ani-2", "2025-07-02", None)
    corpus.article("pti-3", "2025-07-03", "PTI")
    quad = [JAISHANKAR, RUBIO, WONG, KAMIKAWA]
    dc = {"location": "Washington", "location_iso3": "USA"}
    corpus.mention("ani-1#0", "ani-1", quad, "2025-07-01", kind="summit", **dc)
    corpus.mention(
        "ani-1#1",
        "ani-1",
        [JAISHANKAR, RUBIO],
        "2025-07-01",
        **dc,
        roles={JAISHANKAR: "visitor", RUBIO: "host"},
    )
    corpus.mention(
        "ani-1#2",
        "ani-1",
        [JAISHANKAR, HEGSETH],
        "2025-07-01",
        location="Pentagon",
        location_iso3="USA",
    )
    corpus.mention("ani-2#0", "ani-2", [JAISHANKAR, WONG], "2025-07-01", **dc)
    corpus.mention("ani-2#1", "ani-2", [JAISHANKAR, RUBIO], "2025-07-01")
    corpus.mention("pti-3#0", "pti-3", quad, "2025-07-01", kind="summit", **dc)
    corpus.mention("pti-3#1", "pti-3", [JAISHANKAR, WONG], None)
    corpus.mention("pti-3#2", "pti-3", [RUBIO, JAISHANKAR], "2025-07-01", **dc)
    corpus.mention("pti-3#3", "pti-3", [JAISHANKAR, KAMIKAWA], "2025-07-01", **dc)
    corpus.role(JAISHANKAR, "External Affairs Minister", "2025-06-01", "2025-07-03")
    corpus.role(RUBIO, "Secretary of State", "2025-07-02", "2025-07-03")
    corpus.role(RUBIO, "Senator", "2015-01-01", "2024-12-31")


def test_summit_bilaterals_stay_apart(tmp_path: Path) -> None:
    corpus = Corpus()
    quad_summit(corpus)
    con = run(corpus, tmp_path)
    assert clusters(con) == {
        frozenset({"ani-1#0", "pti-3#0"}),
        frozenset({"ani-1#1", "ani-2#1", "pti-3#2"}),
        frozenset({"ani-1#2"}),
        frozenset({"ani-2#0", "pti-3#1"}),
        frozenset({"pti-3#3"}),
    }
    rubio = con.execute(
        "SELECT m.headline, p.role FROM meetings AS m "
        "JOIN meeting_participants AS p USING (meeting_id) "
        "WHERE m.kind = 'meeting' AND p.entity_id = ? AND m.n_articles = 3",
        [RUBIO],
    ).fetchall()
    assert rubio == [("S Jaishankar met Marco Rubio in Washington", "Secretary of State")]
    # Outlet-less articles count together as one unknown outlet.
    assert con.execute("SELECT n_outlets FROM meetings WHERE kind = 'summit'").fetchone() == (2,)


def test_separate_meetings_in_one_article_never_merge(tmp_path: Path) -> None:
    corpus = Corpus()
    corpus.article("a", "1987-03-04")
    corpus.article("b", "1987-03-05")
    # "Funaro held separate meetings with Balladur and de Larosiere"
    corpus.mention("a#0", "a", [FUNARO, BALLADUR], "1987-03-01", precision="month")
    corpus.mention("a#1", "a", [FUNARO, LAROSIERE], "1987-03-01", precision="month")
    # Another article names all three in one sentence: it may link to either, not both.
    corpus.mention("b#0", "b", [FUNARO, BALLADUR, LAROSIERE], "1987-03-01", precision="month")
    con = run(corpus, tmp_path)
    together = [c for c in clusters(con) if {"a#0", "a#1"} <= c]
    assert together == []
    assert check_mention_in_one_meeting(con) == []


def test_meetings_held_one_by_one_stay_apart_from_the_joint_meeting(tmp_path: Path) -> None:
    corpus = Corpus()
    corpus.article("a", "1987-03-04")
    # "Funaro met Balladur and de Larosiere on March 2. He also held bilateral meetings with
    # Balladur and de Larosiere": the joint meeting and two more, all on one day.
    corpus.mention("a#0", "a", [FUNARO, BALLADUR, LAROSIERE], "1987-03-02")
    corpus.mention("a#1", "a", [FUNARO, BALLADUR], "1987-03-02", held_apart=True)
    corpus.mention("a#2", "a", [FUNARO, LAROSIERE], "1987-03-02", held_apart=True)
    # A later sentence about one of them ("With Balladur, he reviewed ...") is that one.
    corpus.mention("a#3", "a", [FUNARO, BALLADUR], "1987-03-02")
    con = run(corpus, tmp_path)
    assert clusters(con) == {
        frozenset({"a#0"}),
        frozenset({"a#1", "a#3"}),
        frozenset({"a#2"}),
    }


def test_different_bodies_met_in_one_article_are_different_meetings(tmp_path: Path) -> None:
    corpus = Corpus()
    corpus.article("a", "1987-04-23")
    corpus.mention("a#0", "a", [KURODA, "org:us-senate"], "1987-04-01", precision="month")
    corpus.mention("a#1", "a", [KURODA, "org:white-house"], "1987-04-01", precision="month")
    corpus.mention("a#2", "a", [KURODA, "org:us-senate"], None)
    con = run(corpus, tmp_path)
    assert clusters(con) == {frozenset({"a#0", "a#2"}), frozenset({"a#1"})}


def test_unresolved_officials_match_by_country_dyad(tmp_path: Path) -> None:
    corpus = Corpus()
    corpus.article("a", "1987-04-10")
    corpus.article("b", "1987-04-10", "AP")
    corpus.article("c", "1987-04-10", "AFP")
    # "A senior Japanese trade official met U.S. negotiators"
    corpus.mention("a#0", "a", ["gpe:JPN", "gpe:USA"], "1987-04-09", kind="negotiation")
    corpus.mention("b#0", "b", [KURODA, SMITH], "1987-04-09", kind="negotiation")
    # A different kind of contact the same day between the same countries stays apart.
    corpus.mention("c#0", "c", ["gpe:JPN", "gpe:USA"], "1987-04-09", kind="phone_call")
    con = run(corpus, tmp_path)
    assert clusters(con) == {frozenset({"a#0", "b#0"}), frozenset({"c#0"})}


def test_stable_ids_when_a_drop_is_added(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus, "drop-1")
    quad_summit(corpus)
    corpus.article("late", "1987-04-10", "Kyodo", "drop-2")
    corpus.mention("late#0", "late", [MIYAZAWA, BAKER], "1987-04-07")
    corpus.article("other", "1987-05-02", "Kyodo", "drop-2")
    corpus.mention("other#0", "other", [MIYAZAWA, BAKER], "1987-05-01")
    first = meeting_of(run(corpus, tmp_path, {"drop-1"}))
    con = run(corpus, tmp_path, now=NOW + dt.timedelta(days=1))
    second = meeting_of(con)
    assert {m: second[m] for m in first} == first
    assert second["late#0"] == first["rt-1#0"]
    assert second["other#0"] not in first.values()
    # A re-run with nothing new changes nothing.
    con = run(corpus, tmp_path, now=NOW + dt.timedelta(days=2))
    assert meeting_of(con) == second
    assert con.execute("SELECT count(*) FROM meeting_id_redirects").fetchone()[0] == 0


def bridged(corpus: Corpus) -> None:
    """Reports two days apart (apart) until a report of the day between arrives (merge)."""
    corpus.article("x", "1987-06-03", "Reuters", "drop-1")
    corpus.mention("x#0", "x", [KURODA, SMITH], "1987-06-01")
    corpus.article("y", "1987-06-04", "AP", "drop-2")
    corpus.mention("y#0", "y", [SMITH, KURODA], "1987-06-03")
    corpus.article("z", "1987-06-05", "AFP", "drop-3")
    corpus.mention("z#0", "z", [KURODA, SMITH], "1987-06-02")


def test_merge_keeps_older_id_and_redirects(tmp_path: Path) -> None:
    corpus = Corpus()
    bridged(corpus)
    first = meeting_of(run(corpus, tmp_path, {"drop-1"}))
    second = meeting_of(run(corpus, tmp_path, {"drop-1", "drop-2"}, NOW + dt.timedelta(hours=1)))
    assert second["x#0"] == first["x#0"]
    assert second["y#0"] != second["x#0"]
    con = run(corpus, tmp_path, None, NOW + dt.timedelta(hours=2))
    third = meeting_of(con)
    assert set(third.values()) == {first["x#0"]}
    redirects = con.execute("SELECT * FROM meeting_id_redirects").fetchall()
    assert redirects == [(second["y#0"], first["x#0"], NOW + dt.timedelta(hours=2))]
    assert check_meeting_date_span(con) == []


def test_batch_and_incremental_give_the_same_clusters(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus, "drop-1")
    quad_summit(corpus)
    bridged(corpus)
    # Spread the summit reports over two drops.
    for article in corpus.articles:
        if article["article_id"] == "pti-3":
            article["drop_id"] = "drop-2"
    batch = clusters(run(corpus, tmp_path / "batch"))
    run(corpus, tmp_path / "incremental", {"drop-1"})
    run(corpus, tmp_path / "incremental", {"drop-1", "drop-2"})
    incremental = clusters(run(corpus, tmp_path / "incremental"))
    assert incremental == batch


def test_deleted_drop_empties_its_meetings_and_returns_with_the_same_id(tmp_path: Path) -> None:
    corpus = Corpus()
    bridged(corpus)
    baker_miyazawa(corpus, "drop-4")
    full = meeting_of(run(corpus, tmp_path))
    con = run(corpus, tmp_path, {"drop-1", "drop-2", "drop-3"})
    assert "rt-1#0" not in meeting_of(con)
    live = {r[0] for r in con.execute("SELECT meeting_id FROM meetings").fetchall()}
    assert full["rt-1#0"] not in live
    registry = read_state(tmp_path)["registry"].to_pylist()
    assert {r["meeting_id"]: r["status"] for r in registry}[full["rt-1#0"]] == "emptied"
    again = meeting_of(run(corpus, tmp_path))
    assert again == full


def test_checks_report_failures(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus)
    con = run(corpus, tmp_path)
    assert check_meeting_id_unique(con) == []
    assert check_mention_in_one_meeting(con) == []
    assert check_meeting_date_span(con) == []
    meeting_id = con.execute("SELECT meeting_id FROM meetings").fetchone()[0]
    con.execute("INSERT INTO meetings SELECT * FROM meetings")
    con.execute("DELETE FROM mention_meeting WHERE mention_id = 'afp-3#0'")
    con.execute(
        "UPDATE event_mentions SET event_date = DATE '1987-04-20' WHERE mention_id = 'rt-1#0'"
    )
    assert check_meeting_id_unique(con) == [(meeting_id, 2)]
    assert [r[0] for r in check_mention_in_one_meeting(con)] == ["afp-3#0"]
    assert [r[0] for r in check_meeting_date_span(con)] == [meeting_id]


def test_beats_one_a_day(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus)
    con = run(corpus, tmp_path)
    baseline_one_a_day(con)
    assert len(clusters(con, "baseline_mention_meeting")) == 3
    assert len(clusters(con)) == 1


def test_state_switches_atomically_to_one_generation(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus)
    run(corpus, tmp_path)
    run(corpus, tmp_path)
    generations = sorted(p.name for p in tmp_path.glob("gen-*"))
    assert [(tmp_path / STATE_POINTER).read_text().strip()] == generations
    assert read_state(tmp_path)["assign"].num_rows == 4


def test_runs_in_the_current_schema(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus)
    con = corpus.connect()
    con.execute("CREATE SCHEMA work")
    for table in (
        "articles",
        "event_mentions",
        "event_mention_participants",
        "entities",
        "person_roles",
    ):
        con.execute(f"CREATE VIEW work.{table} AS SELECT * FROM main.{table}")
    con.execute("USE work")
    stats = build_meetings(con, tmp_path, NOW)
    assert stats.n_meetings == 1
    assert con.execute("SELECT count(*) FROM work.meetings").fetchone()[0] == 1
    leftovers = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '\\_mc%' ESCAPE '\\'"
    ).fetchone()[0]
    assert leftovers == 0


def test_leaves_no_work_macros(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus)
    con = run(corpus, tmp_path)
    leftovers = con.execute(
        "SELECT DISTINCT function_name FROM duckdb_functions() "
        "WHERE function_name LIKE '\\_mc\\_%' ESCAPE '\\'"
    ).fetchall()
    assert leftovers == []


def test_empty_input(tmp_path: Path) -> None:
    con = Corpus().connect()
    stats = build_meetings(con, tmp_path, NOW)
    assert stats.n_meetings == 0
    for table in (
        "meetings",
        "meeting_participants",
        "meeting_sources",
        "meeting_topics",
        "meeting_id_redirects",
        "mention_meeting",
    ):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def bridged_twice(corpus: Corpus) -> None:
    """Five reports of one Kuroda-Smith meeting, one per drop, whose places and kinds
    disagree: no two of the first three link; the fourth bridges the second and third, the
    fifth the first and the second."""
    reports = [
        ("x", "summit", None, None),
        ("y", "meeting", "Washington", "USA"),
        ("w", "negotiation", "Paris", "FRA"),
        ("v", "meeting", None, None),
        ("u", "summit", "Washington", "USA"),
    ]
    for n, (name, kind, place, iso3) in enumerate(reports, start=1):
        corpus.article(name, "1987-06-02", "Reuters", f"drop-{n}")
        corpus.mention(f"{name}#0", name, [KURODA, SMITH], "1987-06-01", kind, "day", place, iso3)


def test_redirects_follow_a_second_merge(tmp_path: Path) -> None:
    corpus = Corpus()
    bridged_twice(corpus)
    ids: dict[str, str] = {}
    for n in range(1, 6):
        drops = {f"drop-{i}" for i in range(1, n + 1)}
        con = run(corpus, tmp_path, drops, NOW + dt.timedelta(hours=n))
        ids.update({k: v for k, v in meeting_of(con).items() if k not in ids})
        n_meetings = con.execute("SELECT count(*) FROM meetings").fetchone()[0]
        assert n_meetings == {1: 1, 2: 2, 3: 3, 4: 2, 5: 1}[n]
        if n == 4:
            redirects = con.execute("SELECT old_meeting_id, meeting_id FROM meeting_id_redirects")
            assert redirects.fetchall() == [(ids["w#0"], ids["y#0"])]
    assert set(meeting_of(con).values()) == {ids["x#0"]}
    redirects = {r[0]: r[1] for r in con.execute("SELECT * FROM meeting_id_redirects").fetchall()}
    assert redirects == {ids["y#0"]: ids["x#0"], ids["w#0"]: ids["x#0"]}


def test_state_of_a_crashed_write_is_ignored_and_cleaned(tmp_path: Path) -> None:
    corpus = Corpus()
    baker_miyazawa(corpus)
    before = meeting_of(run(corpus, tmp_path))
    # A run that died after writing part of its generation, before switching the pointer.
    stray = tmp_path / "gen-crashed"
    stray.mkdir()
    (stray / "mention_meeting.parquet").write_bytes(b"not parquet")
    assert read_state(tmp_path)["assign"].num_rows == 4
    assert meeting_of(run(corpus, tmp_path)) == before
    assert not stray.exists()


def test_reports_naming_only_the_group_join_its_meeting(tmp_path: Path) -> None:
    # Reports of a group's ministerial often name the group alone ("Finance ministers of
    # the Group of Seven met here today"); others name the members who spoke afterwards.
    # Neither shares a pair of parties or a person with the other.
    corpus = Corpus()
    for article, published in (
        ("rt-1", "1987-04-08"),
        ("rt-2", "1987-04-09"),
        ("rt-3", "1987-04-09"),
    ):
        corpus.article(article, published)
    corpus.mention("rt-1#0", "rt-1", [G7], "1987-04-08", location="Washington")
    corpus.mention("rt-2#0", "rt-2", [G7, BAKER, MIYAZAWA], "1987-04-08", location="Washington")
    corpus.mention("rt-3#0", "rt-3", [G7], "1987-04-08")
    # The same group a month later is another meeting.
    corpus.article("rt-4", "1987-05-12")
    corpus.mention("rt-4#0", "rt-4", [G7], "1987-05-11")
    con = run(corpus, tmp_path)
    assert clusters(con) == {frozenset({"rt-1#0", "rt-2#0", "rt-3#0"}), frozenset({"rt-4#0"})}


def test_a_month_precise_report_joins_the_day_it_holds(tmp_path: Path) -> None:
    # One report dates the talks to the day and names Rubio; a report of three days later
    # says only that Jaishankar held talks with U.S. officials this month (month precision,
    # an unresolved American side). With both dated to the day they would merge.
    corpus = Corpus()
    corpus.article("mea-1", "2025-07-01", "MEA")
    corpus.article("ht-2", "2025-07-04", "Hindustan Times")
    corpus.mention("mea-1#0", "mea-1", [JAISHANKAR, RUBIO], "2025-07-01", location="Washington")
    corpus.mention("ht-2#0", "ht-2", [JAISHANKAR, "gpe:USA"], "2025-07-01", precision="month")
    con = run(corpus, tmp_path)
    assert clusters(con) == {frozenset({"mea-1#0", "ht-2#0"})}
    assert con.execute("SELECT meeting_date, date_precision FROM meetings").fetchall() == [
        (dt.date(2025, 7, 1), "day")
    ]


def test_name_variants_of_one_person_are_one_party(tmp_path: Path) -> None:
    # Two outlets spell the Vice President differently; resolved to two ids, the reports
    # named "different people on both sides". Usha Vance, who shares only the surname, is
    # another person.
    corpus = Corpus()
    for article, outlet in (("pti-1", "PTI"), ("ap-2", "AP"), ("ani-3", "ANI")):
        corpus.article(article, "2025-04-22", outlet)
    corpus.mention("pti-1#0", "pti-1", ["person:j-d-vance", MODI], "2025-04-21")
    corpus.mention("ap-2#0", "ap-2", ["person:jd-vance", MODI], "2025-04-21")
    corpus.mention("ani-3#0", "ani-3", ["person:usha-vance", MODI], "2025-04-21")
    con = run(corpus, tmp_path)
    assert clusters(con) == {frozenset({"pti-1#0", "ap-2#0"}), frozenset({"ani-3#0"})}
    vance = con.execute(
        "SELECT DISTINCT p.entity_id FROM meeting_participants AS p "
        "JOIN mention_meeting AS m USING (meeting_id) WHERE m.mention_id = 'ap-2#0' "
        "AND p.entity_id LIKE '%vance'"
    ).fetchall()
    assert len(vance) == 1
