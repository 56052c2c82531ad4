"""The shared unit and scoring macros: which evidence a pair earns, in the points' own names.

The numbers live only in ``_mc_pair_points()`` (sql/score_pairs.sql); these tests pin which
of them apply to a pair, so a change of weights needs no change here but a change of the
rules does.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from parley.meetings.cluster import run_sql

BAKER = ("person:james-baker", "PERSON", "USA")
MIYAZAWA = ("person:kiichi-miyazawa", "PERSON", "JPN")
KURODA = ("person:makoto-kuroda", "PERSON", "JPN")
SMITH = ("person:michael-smith", "PERSON", "USA")
G7 = ("org:g7", "ORG", None)
JAPAN = ("gpe:JPN", "GPE", "JPN")
USA = ("gpe:USA", "GPE", "USA")
DAY = dt.date(1987, 4, 7)
PUBLISHED = dt.date(1987, 4, 9)


def unit(
    parties: list[tuple[str, str, str]],
    date: dt.date | None = DAY,
    kind: str = "meeting",
    place: tuple[str | None, str | None] = ("Washington", "USA"),
    topics: tuple[str, ...] = ("currency",),
    setting: str | None = None,
    precision: str = "day",
    published: dt.date = PUBLISHED,
    news_day: bool = False,
) -> dict[str, object]:
    """A clustering unit; every party weighs 1, so weighted overlaps are plain counts.

    ``news_day``: its day was taken from its publication day, no date words said it.
    """
    base = (kind, date, precision if date else None, news_day, *place, list(topics), setting)
    return {"parties": parties, "base": (*base, published)}


def scores(pairs: list[tuple[dict[str, object], dict[str, object]]]) -> list[tuple]:
    """(score, hard_conflict, points) of each pair, from the macros alone."""
    con = duckdb.connect()
    run_sql(con, "units")
    run_sql(con, "score_pairs")
    con.execute(
        "CREATE TABLE base (unit_id VARCHAR, article_id VARCHAR, has_new BOOLEAN, kind VARCHAR, "
        "best_date DATE, date_precision VARCHAR, news_day BOOLEAN, location VARCHAR, "
        "location_iso3 VARCHAR, "
        "topics VARCHAR[], setting VARCHAR, published_date DATE)"
    )
    con.execute(
        "CREATE TABLE named (unit_id VARCHAR, entity_id VARCHAR, entity_type VARCHAR, "
        "country_iso3 VARCHAR, weight DOUBLE)"
    )
    con.execute("CREATE TABLE pairs (a VARCHAR, b VARCHAR)")
    for n, pair in enumerate(pairs):
        for side, u in zip("ab", pair, strict=True):
            unit_id = f"{n}{side}"
            con.execute(
                "INSERT INTO base VALUES (?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [unit_id, unit_id, *u["base"]],
            )
            for entity in u["parties"]:
                con.execute("INSERT INTO named VALUES (?, ?, ?, ?, 1.0)", [unit_id, *entity])
        con.execute("INSERT INTO pairs VALUES (?, ?)", [f"{n}a", f"{n}b"])
    con.execute("CREATE TABLE parties AS FROM _mc_unit_parties('named')")
    con.execute("CREATE TABLE units AS FROM _mc_unit_features('base', 'parties')")
    points = con.sql("FROM _mc_pair_points()")
    named_points = dict(zip(points.columns, points.fetchall()[0], strict=True))
    rows = con.execute(
        "SELECT score, hard_conflict FROM _mc_score_pairs('pairs', 'units', 'parties') ORDER BY a"
    ).fetchall()
    return [(score, conflict, named_points) for score, conflict in rows]


def test_same_meeting_earns_every_agreement_and_a_state_beside_its_person_is_dropped() -> None:
    # "Japan" beside Miyazawa and Baker is not a party: the parties are the same two people.
    ((score, conflict, p),) = scores([(unit([BAKER, MIYAZAWA, JAPAN]), unit([MIYAZAWA, BAKER]))])
    expected = (
        p["party_containment"]
        + p["party_jaccard"]
        + p["two_shared_actors"]
        + p["day_same"]
        + p["kind_same"]
        + p["place_same_city"]
        + p["topic_jaccard"]
    )
    assert score == pytest.approx(expected)
    assert not conflict


def test_a_call_and_an_in_person_meeting_conflict() -> None:
    call = unit([BAKER, MIYAZAWA], DAY + dt.timedelta(days=1), "phone_call", (None, None), ())
    ((score, conflict, p),) = scores([(unit([BAKER, MIYAZAWA]), call)])
    expected = (
        p["party_containment"]
        + p["party_jaccard"]
        + p["two_shared_actors"]
        + p["day_1_apart"]
        + p["kind_remote_vs_in_person"]
        + p["place_unknown"]
    )
    assert score == pytest.approx(expected)
    assert conflict


def test_unresolved_officials_earn_the_country_dyad_only() -> None:
    officials = unit([JAPAN, USA], None, "negotiation", (None, None), ())
    negotiators = unit([KURODA, SMITH], DAY, "negotiation", (None, None), ())
    ((score, conflict, p),) = scores([(officials, negotiators)])
    expected = p["country_dyad_only"] + p["interval_overlap"] + p["kind_same"] + p["place_unknown"]
    assert score == pytest.approx(expected)
    assert not conflict


def test_one_state_shared_beside_a_named_person_is_no_country_dyad() -> None:
    # "Sarney met Brazilian business leaders" and "talks between Brazil and its foreign
    # creditors": Brazil on both sides says nothing of who met whom once a side names its
    # person, nor do two bodies of one state ("the White House Office of Gun Violence
    # Prevention", "the White House"); two sides naming the state and no person still earn
    # the dyad ("the Philippines and its bank committee" / "Philippine officials and
    # commercial bank creditors").
    sarney = ("person:jose-sarney", "PERSON", "BRA")
    brazil = ("gpe:BRA", "GPE", "BRA")
    creditors = ("org:creditors", "ORG", None)
    bankers = ("org:bankers", "ORG", None)
    office = ("org:white-house-office-of-gun-violence-prevention", "ORG", "USA")
    white_house = ("org:white-house", "ORG", "USA")
    plain = ((None, None), ())
    with_person = unit([sarney, brazil], DAY, "negotiation", *plain)
    unnamed = unit([brazil, creditors], DAY, "negotiation", *plain)
    also_unnamed = unit([brazil, bankers], DAY, "negotiation", *plain)
    bodies = (
        unit([office, bankers], DAY, "negotiation", *plain),
        unit([white_house], DAY, "negotiation", *plain),
    )
    rows = scores([(with_person, unnamed), (unnamed, also_unnamed), bodies])
    p = rows[0][2]
    agreed = p["day_same"] + p["kind_same"] + p["place_unknown"]
    assert [score for score, _, _ in rows] == pytest.approx(
        [
            p["no_shared_party"] + agreed,
            p["country_dyad_only"] + agreed,
            p["no_shared_party"] + agreed,
        ]
    )


def test_a_day_before_a_publication_day_date_counts_as_the_same_day() -> None:
    # "Sarney has held private talks with business leaders", undated, in copy of 00:18 GMT
    # on the 22nd, is the "weekend meeting" another wire dates to Saturday the 21st. A day
    # stated in words one day later is a different day.
    saturday = unit([BAKER, MIYAZAWA], DAY)
    next_day = DAY + dt.timedelta(days=1)
    undated_lead = unit([BAKER, MIYAZAWA], next_day, published=next_day, news_day=True)
    stated = unit([BAKER, MIYAZAWA], next_day, published=next_day)
    earlier_undated = unit([BAKER, MIYAZAWA], DAY, published=DAY, news_day=True)
    rows = scores([(saturday, undated_lead), (saturday, stated), (earlier_undated, stated)])
    p = rows[0][2]
    shared = (
        (p["party_containment"] + p["party_jaccard"] + p["two_shared_actors"] + p["kind_same"])
        + p["place_same_city"]
        + p["topic_jaccard"]
    )
    assert [score for score, _, _ in rows] == pytest.approx(
        [shared + p["day_before_news_day"], shared + p["day_1_apart"], shared + p["day_1_apart"]]
    )
    assert p["day_before_news_day"] > p["day_1_apart"]


def test_different_people_on_both_sides_is_a_veto() -> None:
    ((score, conflict, p),) = scores([(unit([BAKER, KURODA]), unit([MIYAZAWA, SMITH]))])
    expected = (
        p["different_people"]
        + p["day_same"]
        + p["kind_same"]
        + p["place_same_city"]
        + p["topic_jaccard"]
    )
    assert score == pytest.approx(expected)
    assert conflict


def test_a_side_meeting_and_the_group_meeting_it_was_held_at_is_a_veto() -> None:
    # "On the sidelines of the G-7 meeting, Baker met Miyazawa" vs the G-7 meeting itself,
    # reported with the two among its members: same people, day and city.
    ministers = unit([G7, BAKER, MIYAZAWA])
    bilateral = unit([BAKER, MIYAZAWA], setting=G7[0])
    ((score, conflict, p),) = scores([(ministers, bilateral)])
    expected = (
        p["party_containment"]
        + p["party_jaccard"] * 2 / 3
        + p["two_shared_actors"]
        + p["side_vs_its_setting"]
        + p["day_same"]
        + p["kind_same"]
        + p["place_same_city"]
        + p["topic_jaccard"]
    )
    assert score == pytest.approx(expected)
    assert conflict


def test_a_month_holds_a_day_only_when_reported_within_the_week_after_it() -> None:
    # "Kuroda held talks with U.S. officials this month" (month precision) two days after
    # the talks with Smith, and the same sentence three weeks later.
    talks = unit([KURODA, SMITH], DAY, "negotiation", (None, None), ())
    month = dt.date(1987, 4, 1)
    soon = unit([KURODA, USA], month, "negotiation", (None, None), (), precision="month")
    late = unit(
        [KURODA, USA],
        month,
        "negotiation",
        (None, None),
        (),
        precision="month",
        published=DAY + dt.timedelta(days=21),
    )
    (s_soon, conflict, p), (s_late, _, _) = scores([(talks, soon), (talks, late)])
    assert s_soon - s_late == pytest.approx(p["month_holds_recent_day"] - p["interval_overlap"])
    assert not conflict


def test_reports_dated_only_to_different_months_are_two_times() -> None:
    # reuters-5458 and reuters-15433: "Funaro's talks with creditors" in March, and again in
    # April; the months' ends are one day apart, the meetings are not one.
    march = unit([BAKER, MIYAZAWA], dt.date(1987, 3, 1), "negotiation", precision="month")
    april = unit([BAKER, MIYAZAWA], dt.date(1987, 4, 1), "negotiation", precision="month")
    again = unit([BAKER, MIYAZAWA], dt.date(1987, 4, 1), "negotiation", precision="month")
    (s_apart, conflict, p), (s_same, same_conflict, _) = scores([(march, april), (april, again)])
    assert conflict and not same_conflict
    assert s_same - s_apart == pytest.approx(p["interval_overlap"] - p["days_3_apart"])
