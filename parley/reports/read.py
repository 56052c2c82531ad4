"""Read what the pictures need from a published warehouse connection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

# One point per dated meeting; the row label is the sorted set of participant countries.
TIMELINE_SQL = """
SELECT
    m.meeting_date,
    coalesce(
        nullif(array_to_string(list_sort(list_distinct(list(p.country_iso3))), '-'), ''),
        'no country'
    ) AS countries,
    m.kind,
    m.n_articles
FROM meetings AS m
LEFT JOIN meeting_participants AS p
    ON p.meeting_id = m.meeting_id AND p.country_iso3 IS NOT NULL
WHERE m.meeting_date IS NOT NULL
GROUP BY m.meeting_id, m.meeting_date, m.kind, m.n_articles
ORDER BY m.meeting_date, m.meeting_id
"""
UNDATED_SQL = "SELECT count(*) FROM meetings WHERE meeting_date IS NULL"
NETWORK_SQL = """
SELECT person_a, country_a, person_b, country_b, n_meetings
FROM report_person_network
ORDER BY person_a_id, person_b_id
"""
VIEW_ROWS_SQL = "SELECT count(*) FROM main.{view}"


@dataclass(frozen=True)
class TimelinePoint:
    """One dated meeting on the timeline."""

    meeting_date: dt.date
    countries: str
    kind: str
    n_articles: int


@dataclass(frozen=True)
class NetworkEdge:
    """Two people who met, and how often."""

    person_a: str
    country_a: str | None
    person_b: str
    country_b: str | None
    n_meetings: int


def timeline_points(con: duckdb.DuckDBPyConnection) -> tuple[list[TimelinePoint], int]:
    """The dated meetings to draw, and how many meetings have no date."""
    points = [TimelinePoint(*row) for row in con.execute(TIMELINE_SQL).fetchall()]
    n_undated = con.execute(UNDATED_SQL).fetchall()[0][0]
    return points, n_undated


def network_edges(con: duckdb.DuckDBPyConnection) -> list[NetworkEdge]:
    """Every pair of people who met, from ``report_person_network``."""
    return [NetworkEdge(*row) for row in con.execute(NETWORK_SQL).fetchall()]


def view_row_counts(con: duckdb.DuckDBPyConnection, views: tuple[str, ...]) -> dict[str, int]:
    """Rows in each named report view (names from REPORT_VIEWS, never user text)."""
    return {view: con.execute(VIEW_ROWS_SQL.format(view=view)).fetchall()[0][0] for view in views}
