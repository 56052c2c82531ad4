"""The queries the scorer reads the contract tables with (``score``)."""

from __future__ import annotations

import duckdb

PREDICTED_LINKS_SQL = """
SELECT m.meeting_id, m.kind, m.meeting_date, m.date_precision, a.source_ref
FROM meetings AS m
JOIN meeting_sources AS s ON s.meeting_id = m.meeting_id
JOIN articles AS a ON a.article_id = s.article_id
WHERE list_contains(?, a.source_ref)
GROUP BY ALL
ORDER BY m.meeting_id, a.source_ref
"""
PARTICIPANTS_SQL = """
SELECT meeting_id, canonical_name, country_iso3
FROM meeting_participants
WHERE list_contains(?, meeting_id)
ORDER BY meeting_id, canonical_name
"""
EVIDENCE_SQL = """
SELECT s.meeting_id, a.source_ref, min(e.sentence) AS sentence
FROM meeting_sources AS s
JOIN articles AS a ON a.article_id = s.article_id
JOIN event_mentions AS e ON e.mention_id = s.mention_id
WHERE list_contains(?, a.source_ref)
GROUP BY s.meeting_id, a.source_ref
"""
COUNTRIES_SQL = """
SELECT meeting_id, list(country_iso3 ORDER BY country_iso3)
FROM meeting_countries
WHERE list_contains(?, meeting_id)
GROUP BY meeting_id
"""
_TABLE_EXISTS_SQL = "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?"


def has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """True when ``table`` is reachable through ``con``."""
    row = con.execute(_TABLE_EXISTS_SQL, [table]).fetchone()
    return row is not None and row[0] > 0
