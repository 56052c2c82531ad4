-- Announcements -> the meetings they announced, and their status (parley/announcements/link.py).
-- Temporary tables start _an_; the one output is announcement_links, which also keeps each
-- announcement's publication day and window (an incremental publish stores them).

-- Each announcement with the days its meeting may fall on (windows.sql): the announced day,
-- week or month widened by $day_slack days, or, undated, the $undated_window_days after its
-- publication.
CREATE OR REPLACE TEMP TABLE _an_announcement AS
SELECT
    n.announcement_id,
    n.article_id,
    n.kind,
    n.status AS stated_status,
    n.location_iso3,
    a.published_date,
    n.expected_date IS NOT NULL AS dated,
    _an_window_start(n.expected_date, n.date_precision, a.published_date, $day_slack)
        AS window_start,
    _an_window_end(
        n.expected_date, n.date_precision, a.published_date, $day_slack, $undated_window_days
    ) AS window_end
FROM announcements AS n
JOIN articles AS a USING (article_id);

-- The parties an announcement must find in a meeting: its entities, a place visited standing
-- for its state ("to visit Moscow" is a visit of gpe:SUN).
CREATE OR REPLACE TEMP TABLE _an_party AS
SELECT DISTINCT
    p.announcement_id,
    CASE
        WHEN regexp_matches(p.entity_id, '^gpe:[A-Z]{3}$') THEN p.entity_id
        WHEN e.entity_type IN ('GPE', 'LOC', 'FAC') AND n.location_iso3 IS NOT NULL
            THEN 'gpe:' || n.location_iso3
        ELSE p.entity_id
    END AS party_key,
    regexp_matches(p.entity_id, '^gpe:[A-Z]{3}$')
        OR e.entity_type IN ('GPE', 'LOC', 'FAC') AS is_place
FROM announcement_participants AS p
JOIN _an_announcement AS n USING (announcement_id)
LEFT JOIN entities AS e USING (entity_id);

CREATE OR REPLACE TEMP TABLE _an_size AS
SELECT announcement_id, count(DISTINCT party_key) AS n_parties, bool_and(is_place) AS only_places
FROM _an_party
GROUP BY announcement_id;

-- What a meeting offers to match: its participants, and the states taking part in it or
-- hosting it (gpe:<ISO3>).
CREATE OR REPLACE TEMP TABLE _an_meeting_key AS
SELECT meeting_id, entity_id AS party_key FROM meeting_participants
UNION
SELECT meeting_id, 'gpe:' || country_iso3 FROM meeting_countries
UNION
SELECT meeting_id, 'gpe:' || location_iso3 FROM meetings WHERE location_iso3 IS NOT NULL;

-- The days each meeting covers: its day, its month, or (undated) the week before its first
-- report.
CREATE OR REPLACE TEMP TABLE _an_meeting AS
SELECT
    meeting_id,
    kind,
    CASE
        WHEN meeting_date IS NULL THEN first_reported - $undated_meeting_days::INTEGER
        ELSE meeting_date
    END AS held_from,
    CASE
        WHEN meeting_date IS NULL THEN first_reported
        WHEN date_precision = 'month' THEN last_day(meeting_date)
        ELSE meeting_date
    END AS held_to
FROM meetings;

-- Two kinds are compatible unless one is a call and the other not, or a summit meets a kind
-- other than a summit, a meeting or a visit.
CREATE OR REPLACE TEMP MACRO _an_kinds_match(a, b) AS
    (a IN ('phone_call', 'video_call')) = (b IN ('phone_call', 'video_call'))
    AND NOT (a = 'summit' AND b NOT IN ('summit', 'meeting', 'visit'))
    AND NOT (b = 'summit' AND a NOT IN ('summit', 'meeting', 'visit'));

-- The day the announcement was called off, if it was: the article's own word, else the
-- earliest later article that calls off a matching announcement before its period ended.
-- The pairs are counted for cancellations published in the announcement's window only (the
-- conditions below): every pair of announcements sharing a state is, on a large history, more
-- than the memory holds.
CREATE OR REPLACE TEMP TABLE _an_cancel_pair AS
WITH shared AS (
    SELECT a.announcement_id, c.announcement_id AS cancelled_by, count(*) AS n_shared
    FROM _an_party AS a
    JOIN _an_announcement AS an ON an.announcement_id = a.announcement_id
    JOIN _an_party AS c ON c.party_key = a.party_key AND c.announcement_id <> a.announcement_id
    JOIN _an_announcement AS cn
        ON cn.announcement_id = c.announcement_id
       AND cn.stated_status = 'cancelled'
       AND cn.published_date BETWEEN an.published_date AND an.window_end
    GROUP BY ALL
)
SELECT s.announcement_id, s.cancelled_by, c.published_date AS cancelled_on
FROM shared AS s
JOIN _an_announcement AS a ON a.announcement_id = s.announcement_id
JOIN _an_announcement AS c ON c.announcement_id = s.cancelled_by
JOIN _an_size AS sa ON sa.announcement_id = a.announcement_id
JOIN _an_size AS sc ON sc.announcement_id = c.announcement_id
WHERE c.stated_status = 'cancelled'
  AND c.article_id <> a.article_id
  AND (s.n_shared >= 2 OR s.n_shared = least(sa.n_parties, sc.n_parties))
  AND _an_kinds_match(a.kind, c.kind)
  AND c.published_date BETWEEN a.published_date AND a.window_end
  AND (NOT (a.dated AND c.dated) OR (c.window_start <= a.window_end AND a.window_start <= c.window_end));

CREATE OR REPLACE TEMP TABLE _an_cancel AS
SELECT announcement_id, announcement_id AS cancelled_by, published_date AS cancelled_on
FROM _an_announcement
WHERE stated_status = 'cancelled'
UNION ALL
SELECT announcement_id, arg_min(cancelled_by, (cancelled_on, cancelled_by)), min(cancelled_on)
FROM _an_cancel_pair
WHERE announcement_id NOT IN (
    SELECT announcement_id FROM _an_announcement WHERE stated_status = 'cancelled'
)
GROUP BY announcement_id;

-- Meetings that report an announcement held: shared parties (all of them, or two or more),
-- a compatible kind, held in the announcement's window and not before it was published,
-- reported by another article, and, when it was called off, held on or after that day.
-- An announcement of states alone ("the US-India iCET Intersessional") needs a date.
-- The shared parties are counted for meetings held in the announcement's window only (as
-- below), for the same reason.
CREATE OR REPLACE TEMP TABLE _an_held_pair AS
WITH shared AS (
    SELECT p.announcement_id, k.meeting_id, count(DISTINCT p.party_key) AS n_shared
    FROM _an_party AS p
    JOIN _an_announcement AS an ON an.announcement_id = p.announcement_id
    JOIN _an_meeting_key AS k USING (party_key)
    JOIN _an_meeting AS mt
        ON mt.meeting_id = k.meeting_id
       AND mt.held_from <= an.window_end
       AND mt.held_to >= an.window_start
    GROUP BY ALL
)
SELECT
    s.announcement_id,
    s.meeting_id,
    s.n_shared,
    abs(datediff('day', m.held_from, n.window_start)) AS day_gap
FROM shared AS s
JOIN _an_announcement AS n ON n.announcement_id = s.announcement_id
JOIN _an_size AS z ON z.announcement_id = s.announcement_id
JOIN _an_meeting AS m ON m.meeting_id = s.meeting_id
LEFT JOIN _an_cancel AS c ON c.announcement_id = s.announcement_id
WHERE (s.n_shared >= 2 OR s.n_shared = z.n_parties)
  AND (n.dated OR NOT z.only_places)
  AND _an_kinds_match(n.kind, m.kind)
  AND m.held_from <= n.window_end
  AND m.held_to >= n.window_start
  AND m.held_to >= n.published_date - 1
  AND (c.cancelled_on IS NULL OR m.held_to >= c.cancelled_on)
  AND NOT EXISTS (
      SELECT 1 FROM meeting_sources AS ms
      WHERE ms.meeting_id = s.meeting_id AND ms.article_id = n.article_id
  );

CREATE OR REPLACE TABLE announcement_links AS
WITH best AS (
    SELECT announcement_id, arg_min(meeting_id, (-n_shared, day_gap, meeting_id)) AS meeting_id
    FROM _an_held_pair
    GROUP BY announcement_id
)
SELECT
    n.announcement_id,
    CASE
        WHEN b.meeting_id IS NOT NULL THEN 'held'
        WHEN c.cancelled_by IS NOT NULL THEN 'cancelled'
        ELSE 'announced'
    END AS status,
    b.meeting_id,
    c.cancelled_by,
    n.published_date,
    n.window_start,
    n.window_end
FROM _an_announcement AS n
LEFT JOIN best AS b USING (announcement_id)
LEFT JOIN _an_cancel AS c USING (announcement_id)
ORDER BY n.announcement_id;

DROP TABLE _an_held_pair;
DROP TABLE _an_cancel;
DROP TABLE _an_cancel_pair;
DROP MACRO _an_kinds_match;
DROP TABLE _an_meeting;
DROP TABLE _an_meeting_key;
DROP TABLE _an_size;
DROP TABLE _an_party;
DROP TABLE _an_announcement;
DROP MACRO _an_window_end;
DROP MACRO _an_window_start;
