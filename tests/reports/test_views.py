"""The report_* views answer their questions on a warehouse with known answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from warehouse.views import REPORT_VIEWS, create_report_views, report_sql_files

D = dt.date


def _rows(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_every_report_view_exists_with_a_comment(tiny_warehouse: Path) -> None:
    rows = _rows(
        tiny_warehouse,
        "SELECT view_name, comment FROM duckdb_views() WHERE view_name LIKE 'report\\_%' "
        "ESCAPE '\\' ORDER BY view_name",
    )
    assert sorted(name for name, _ in rows) == sorted(REPORT_VIEWS)
    assert all(comment and len(comment) > 40 for _, comment in rows)


def test_views_can_be_created_again_over_the_same_file(tiny_warehouse: Path) -> None:
    with duckdb.connect(str(tiny_warehouse)) as con:
        create_report_views(con)
    assert len(report_sql_files()) >= 5


def test_country_pair_month_counts_calls_apart_and_keeps_undated(tiny_warehouse: Path) -> None:
    rows = _rows(tiny_warehouse, "FROM report_country_pair_month")
    assert rows == [
        (D(2025, 3, 1), "IND", "USA", 1, 0, 1, 2),
        (D(2025, 4, 1), "IND", "USA", 1, 1, 0, 1),
        (D(2025, 4, 1), "JPN", "USA", 1, 1, 0, 1),
        (None, "IND", "JPN", 1, 0, 1, 1),
    ]


def test_person_network_gives_counts_and_the_latest_meeting(tiny_warehouse: Path) -> None:
    rows = _rows(
        tiny_warehouse,
        "SELECT person_a, person_b, n_meetings, n_calls, first_met, last_met, "
        "last_meeting_id, last_kind FROM report_person_network",
    )
    assert rows == [
        ("Alice", "Bob", 2, 1, D(2025, 3, 1), D(2025, 4, 20), "mtg-4", "video_call"),
        ("Alice", "Carol", 1, 1, D(2025, 4, 10), D(2025, 4, 10), "mtg-2", "phone_call"),
        # Only an undated meeting: counted, with no dates.
        ("Bob", "Carol", 1, 0, None, None, "mtg-3", "meeting"),
    ]


def test_active_officials_rank_and_latest_role(tiny_warehouse: Path) -> None:
    rows = _rows(
        tiny_warehouse,
        "SELECT activity_rank, canonical_name, latest_role, n_meetings, n_counterparts, "
        "n_foreign_countries FROM report_active_officials",
    )
    assert rows == [
        (1, "Alice", "Secretary of State", 3, 2, 2),
        (1, "Bob", "Foreign Minister", 3, 2, 2),
        (3, "Carol", "Foreign Minister", 2, 2, 2),
    ]


def test_official_roles_over_time(tiny_warehouse: Path) -> None:
    rows = _rows(
        tiny_warehouse,
        "SELECT role, first_seen, last_seen, n_meetings_in_role FROM report_official_roles "
        "WHERE entity_id = 'person:alice'",
    )
    assert rows == [
        ("Senator", D(2024, 1, 5), D(2024, 12, 20), 0),
        ("Secretary of State", D(2025, 3, 2), D(2025, 4, 21), 3),
    ]


def test_topics_by_month_and_country_pair(tiny_warehouse: Path) -> None:
    rows = _rows(tiny_warehouse, "FROM report_topics_country_pair_month")
    assert rows == [
        (D(2025, 3, 1), "IND", "USA", "security", 1),
        (D(2025, 3, 1), "IND", "USA", "trade", 1),
        (D(2025, 4, 1), "IND", "USA", "trade", 1),
        (D(2025, 4, 1), "JPN", "USA", "security", 1),
    ]


def test_meeting_coverage_names_the_first_reporter_and_the_lag(tiny_warehouse: Path) -> None:
    rows = _rows(
        tiny_warehouse,
        "SELECT meeting_id, n_articles, n_outlets, n_articles_without_outlet, first_outlet, "
        "first_source_ref, report_lag_days FROM report_meeting_coverage",
    )
    assert rows == [
        ("mtg-1", 2, 2, 0, "Reuters", "a1.txt", 1),
        ("mtg-2", 1, 0, 1, None, "a3.txt", 11),
        ("mtg-4", 1, 0, 1, None, "a3.txt", 1),
        ("mtg-3", 1, 0, 1, None, "a3.txt", None),
    ]


def test_outlet_coverage_counts_firsts_and_exclusives(tiny_warehouse: Path) -> None:
    rows = _rows(tiny_warehouse, "FROM report_outlet_coverage")
    assert rows == [(None, 3, 3, 3), ("ANI", 1, 0, 0), ("Reuters", 1, 1, 0)]


def test_a_summit_pairs_only_the_states_whose_officials_took_part(tiny_warehouse: Path) -> None:
    # A G20 summit in April where Alice (USA) and Bob (IND) are named: its other members
    # take part through the group only and make no pairs (else 20 states, 190 pairs).
    members = ("ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "ITA", "JPN")
    with duckdb.connect(str(tiny_warehouse)) as con:
        con.execute(
            "INSERT INTO meetings VALUES ('mtg-g20', 'summit', DATE '2025-04-15', 'day', "
            "'Rio', 'BRA', 'G20 summit', 1, 1, 0, DATE '2025-04-16', DATE '2025-04-16', NULL)"
        )
        con.execute(
            "INSERT INTO meeting_countries VALUES ('mtg-g20', 'IND', 'participant'), "
            "('mtg-g20', 'USA', 'participant')"
        )
        con.executemany(
            "INSERT INTO meeting_countries VALUES ('mtg-g20', ?, 'membership')",
            [[c] for c in members],
        )
    rows = _rows(
        tiny_warehouse,
        "SELECT country_a, country_b, n_meetings FROM report_country_pair_month "
        "WHERE month = DATE '2025-04-01'",
    )
    assert rows == [("IND", "USA", 2), ("JPN", "USA", 1)]


def test_announcements_tell_what_became_of_each(tiny_warehouse: Path) -> None:
    rows = _rows(
        tiny_warehouse,
        "SELECT announcement_id, announced_on, expected_date, expected_until, participants, "
        "status, held_on, meeting_headline FROM report_announcements",
    )
    assert rows == [
        (
            "ann-1",
            D(2025, 2, 25),
            D(2025, 3, 1),
            D(2025, 3, 1),
            "Alice, Bob",
            "held",
            D(2025, 3, 1),
            "Alice met Bob in Delhi",
        ),
        (
            "ann-3",
            D(2025, 4, 25),
            D(2025, 4, 28),
            D(2025, 5, 4),
            "Alice, India",
            "announced",
            None,
            None,
        ),
        ("ann-2", D(2025, 4, 25), None, None, "Bob, Carol", "cancelled", None, None),
    ]


def test_announcements_for_next_week_as_the_readme_asks(tiny_warehouse: Path) -> None:
    # The README's query with "today" fixed to Wednesday 2025-04-23: next week is 04-28..05-04.
    rows = _rows(
        tiny_warehouse,
        "SELECT announcement_id FROM report_announcements "
        "WHERE expected_date <= date_trunc('week', DATE '2025-04-23') + INTERVAL 13 DAY "
        "AND expected_until >= date_trunc('week', DATE '2025-04-23') + INTERVAL 7 DAY",
    )
    assert rows == [("ann-3",)]
