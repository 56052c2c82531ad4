"""Read-only Python access to a published warehouse: the first questions, as pandas DataFrames.

    from parley.api import Warehouse

    wh = Warehouse("warehouse/parley.duckdb")   # default: $PARLEY_WAREHOUSE, else the repo's
    wh.meetings(country="IND")                  # one row per meeting: who, when, where, sources
    wh.sources("mtg-...")                       # every report of a meeting, with its sentence
    wh.person_meetings("S Jaishankar")          # a person's meetings and counterparts
    wh.country_pair_by_month("USA", "IND")      # how often two countries met, month by month
    wh.announcements()                          # meetings announced before they happened
    wh.query("FROM report_active_officials LIMIT 5")   # any other read-only SQL

Every call opens the file read-only and closes it before it returns, so a reader holds no lock
between calls and never blocks ``parley run`` (which publishes a new file by renaming it over
the old one) or another reader. Lists (participants, countries, topics, sources) are columns of
arrays; dates are pandas timestamps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd

from parley import settings

MEETINGS_SQL = """
WITH participants AS (
    SELECT
        meeting_id,
        list(canonical_name ORDER BY canonical_name, entity_id) AS participants,
        list(entity_id ORDER BY canonical_name, entity_id) AS participant_ids,
        list_sort(list_distinct(list(country_iso3))) AS countries
    FROM meeting_participants
    GROUP BY meeting_id
),
topics AS (
    SELECT meeting_id, list(topic ORDER BY topic) AS topics
    FROM meeting_topics
    GROUP BY meeting_id
),
sources AS (
    SELECT
        s.meeting_id,
        list_sort(list_distinct(list(a.source_ref))) AS source_refs,
        list_sort(list_distinct(list(a.outlet))) AS outlets
    FROM meeting_sources AS s
    JOIN articles AS a ON a.article_id = s.article_id
    GROUP BY s.meeting_id
)
SELECT
    m.meeting_id, m.meeting_date, m.date_precision, m.kind, m.location, m.location_iso3,
    m.headline, p.participants, p.participant_ids, p.countries, coalesce(t.topics, []) AS topics,
    m.n_mentions, m.n_articles, m.n_outlets, m.first_reported, m.last_reported,
    s.source_refs, s.outlets
FROM meetings AS m
LEFT JOIN participants AS p ON p.meeting_id = m.meeting_id
LEFT JOIN topics AS t ON t.meeting_id = m.meeting_id
LEFT JOIN sources AS s ON s.meeting_id = m.meeting_id
WHERE ($since IS NULL OR m.meeting_date >= CAST($since AS DATE))
  AND ($until IS NULL OR m.meeting_date <= CAST($until AS DATE))
  AND ($kind IS NULL OR m.kind = $kind)
  AND ($country IS NULL OR list_contains(p.countries, upper($country)))
ORDER BY m.meeting_date NULLS LAST, m.meeting_id
"""

# A retired meeting id (merged into another meeting) leads to the meeting that survived.
SOURCES_SQL = """
WITH wanted AS (
    SELECT coalesce(
        (SELECT meeting_id FROM meeting_id_redirects WHERE old_meeting_id = $meeting_id),
        $meeting_id
    ) AS meeting_id
)
SELECT
    s.meeting_id, s.mention_id, s.article_id, a.source_ref, a.outlet, a.published_date,
    a.title, e.kind, e.event_date, e.date_text, e.location, e.sentence, e.confidence
FROM meeting_sources AS s
JOIN articles AS a ON a.article_id = s.article_id
JOIN event_mentions AS e ON e.mention_id = s.mention_id
WHERE $meeting_id IS NULL OR s.meeting_id = (SELECT meeting_id FROM wanted)
ORDER BY s.meeting_id, a.published_date, a.source_ref, s.mention_id
"""

# The person: an entity id, or a canonical name or alias of a PERSON (any letter case).
PERSON_MEETINGS_SQL = """
WITH person AS (
    SELECT entity_id
    FROM entities
    WHERE entity_type = 'PERSON'
      AND (entity_id = $person OR lower(canonical_name) = lower($person))
    UNION
    SELECT a.entity_id
    FROM entity_aliases AS a
    JOIN entities AS e ON e.entity_id = a.entity_id
    WHERE e.entity_type = 'PERSON' AND lower(a.alias) = lower($person)
)
SELECT
    m.meeting_id, m.meeting_date, m.date_precision, m.kind, m.location, m.headline,
    p.entity_id, p.canonical_name, p.country_iso3, p.role,
    list(o.canonical_name ORDER BY o.canonical_name) AS counterparts,
    list_sort(list_distinct(list(o.country_iso3))) AS counterpart_countries,
    m.n_articles
FROM meeting_participants AS p
JOIN person ON person.entity_id = p.entity_id
JOIN meetings AS m ON m.meeting_id = p.meeting_id
JOIN meeting_participants AS o ON o.meeting_id = p.meeting_id AND o.entity_id <> p.entity_id
GROUP BY ALL
ORDER BY m.meeting_date NULLS LAST, m.meeting_id, p.entity_id
"""

# The pair in either order: the report view keeps it as country_a < country_b.
COUNTRY_PAIR_SQL = """
SELECT month, country_a, country_b, n_meetings, n_calls, n_in_person, n_articles
FROM report_country_pair_month
WHERE country_a = least(upper($a), upper($b)) AND country_b = greatest(upper($a), upper($b))
ORDER BY month NULLS LAST
"""

# shared/CONTRACT.md section 3: every column of meeting_announcements, whichever of mention_id
# or the sentence offsets it holds, with the announcing article and the named participants.
ANNOUNCEMENTS_SQL = """
WITH participants AS (
    SELECT
        ap.announcement_id,
        list(coalesce(e.canonical_name, ap.entity_id) ORDER BY e.canonical_name, ap.entity_id)
            AS participants,
        list(ap.entity_id ORDER BY e.canonical_name, ap.entity_id) AS participant_ids
    FROM announcement_participants AS ap
    LEFT JOIN entities AS e ON e.entity_id = ap.entity_id
    GROUP BY ap.announcement_id
)
SELECT an.*, a.source_ref, a.outlet, a.published_date, p.participants, p.participant_ids
FROM meeting_announcements AS an
LEFT JOIN articles AS a ON a.article_id = an.article_id
LEFT JOIN participants AS p ON p.announcement_id = an.announcement_id
WHERE $status IS NULL OR an.status = $status
ORDER BY an.expected_date NULLS LAST, an.announcement_id
"""

DateLike = dt.date | str | None


class WarehouseError(Exception):
    """The file is not a published parley warehouse with the tables a call reads."""


class Warehouse:
    """A published parley warehouse, read-only; each call opens the file and closes it."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else settings.warehouse_path()

    def meetings(
        self,
        *,
        since: DateLike = None,
        until: DateLike = None,
        country: str | None = None,
        kind: str | None = None,
    ) -> pd.DataFrame:
        """One row per meeting, with its participants, countries, topics and reporting
        sources; optionally only those dated within ``since``..``until`` (inclusive, dates or
        ``YYYY-MM-DD``), with a participant of ``country`` (ISO3), or of ``kind``."""
        params = {"since": since, "until": until, "country": country, "kind": kind}
        return self.query(MEETINGS_SQL, params)

    def sources(self, meeting_id: str | None = None) -> pd.DataFrame:
        """Every report of a meeting (of every meeting without ``meeting_id``): the article,
        its outlet and date, and the sentence that says so. A merged-away id still works."""
        return self.query(SOURCES_SQL, {"meeting_id": meeting_id})

    def person_meetings(self, person: str) -> pd.DataFrame:
        """The meetings of a person (entity id, canonical name or alias, any letter case):
        one row per meeting with their title at the time and their counterparts. Empty when
        no person matches."""
        return self.query(PERSON_MEETINGS_SQL, {"person": person})

    def country_pair_by_month(self, a: str, b: str) -> pd.DataFrame:
        """How often countries ``a`` and ``b`` (ISO3, either order) met, month by month, and
        how many of those meetings were calls."""
        return self.query(COUNTRY_PAIR_SQL, {"a": a, "b": b})

    def announcements(self, *, status: str | None = None) -> pd.DataFrame:
        """Meetings, calls and visits that articles announced before they happened, with the
        announcing article and the participants; optionally only one ``status``
        (``announced``, ``held``, ``cancelled``)."""
        return self.query(ANNOUNCEMENTS_SQL, {"status": status})

    def query(self, sql: str, params: Mapping[str, object] | None = None) -> pd.DataFrame:
        """Any read-only SQL over the warehouse, with ``$name`` parameters bound from
        ``params``."""
        if not self.path.is_file():
            raise FileNotFoundError(f"no published warehouse at {self.path}; run `parley run`")
        with duckdb.connect(str(self.path), read_only=True) as con:
            try:
                return con.execute(sql, dict(params or {})).df()
            except duckdb.CatalogException as error:
                message = f"{self.path} lacks what this call reads (an older parley?): {error}"
                raise WarehouseError(message) from error
