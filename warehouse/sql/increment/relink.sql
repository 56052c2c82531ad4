-- An incremental publish, announcements part 2: which announcements to link again, and the
-- rows link_announcements.sql needs to link them as it would over everything. An
-- announcement's link reads only its own rows, the announcements that may call it off (a
-- cancellation sharing a key, published between it and the end of its window) and the
-- meetings that may be it (sharing a key, held in its window). So it can change only when:
--   it is new;
--   a meeting the clustering touched shared a key and a day with its window, before or
--   after (inc_meeting_key);
--   a new cancellation shares a key with it, published in its window;
--   the type of an entity it names changed (a changed entity, inc_entity_change).
-- warehouse/increment_announcements.py skips this file when none of these can hold.

-- Every announcement's day and window, published and new.
CREATE OR REPLACE TEMP VIEW inc_announcement_window AS
SELECT * FROM parley_internal.announcement_windows
UNION ALL
SELECT * FROM inc_announcement_windows_rows;

-- Every announcement's keys, published and new, with its stated status and window: its
-- parties, or the state of the place it names (a superset of what link_announcements.sql
-- matches by).
CREATE OR REPLACE TEMP TABLE inc_announcement_key AS
WITH announcement AS (
    SELECT announcement_id, location_iso3, stated_status FROM main.meeting_announcements
    UNION ALL
    SELECT announcement_id, location_iso3, status FROM inc_announcement
),
participant AS (
    SELECT announcement_id, entity_id FROM main.announcement_participants
    UNION ALL
    SELECT announcement_id, entity_id FROM inc_announcement_participants_rows
),
k AS (
    SELECT announcement_id, entity_id AS party_key FROM participant
    UNION
    SELECT announcement_id, 'gpe:' || location_iso3
    FROM announcement
    WHERE location_iso3 IS NOT NULL
)
SELECT k.announcement_id, k.party_key, n.stated_status, w.published_date, w.window_start,
       w.window_end
FROM k
JOIN announcement AS n USING (announcement_id)
JOIN inc_announcement_window AS w USING (announcement_id);

-- The cancellations that may call an announcement off: sharing a key with it, published
-- between it and the end of its window.
CREATE OR REPLACE TEMP VIEW inc_may_cancel AS
SELECT a.announcement_id, c.announcement_id AS cancellation_id
FROM inc_announcement_key AS a
JOIN inc_announcement_key AS c USING (party_key)
WHERE c.stated_status = 'cancelled'
  AND c.published_date BETWEEN a.published_date AND a.window_end;

CREATE OR REPLACE TEMP TABLE inc_relink AS
SELECT announcement_id FROM inc_announcement
UNION
SELECT a.announcement_id
FROM inc_announcement_key AS a
JOIN inc_meeting_key AS m USING (party_key)
WHERE a.window_start <= m.hi AND a.window_end >= m.lo
UNION
SELECT announcement_id
FROM inc_may_cancel
WHERE cancellation_id IN (SELECT announcement_id FROM inc_announcement)
UNION
SELECT announcement_id
FROM main.announcement_participants
WHERE entity_id IN (SELECT entity_id FROM inc_entity_change WHERE lo IS NULL);

-- The announcements the linking reads: those linked again, and the cancellations that may
-- call one of them off.
CREATE OR REPLACE TEMP TABLE inc_link_announcement AS
SELECT announcement_id FROM inc_relink
UNION
SELECT cancellation_id
FROM inc_may_cancel
WHERE announcement_id IN (SELECT announcement_id FROM inc_relink);

-- The meetings that may be one of them: sharing a key, held in the window (a superset of
-- the days link_announcements.sql counts a meeting as held on).
CREATE OR REPLACE TEMP TABLE inc_link_meeting AS
WITH wanted AS (
    SELECT * FROM inc_announcement_key
    WHERE announcement_id IN (SELECT announcement_id FROM inc_relink)
),
k AS (
    SELECT meeting_id, entity_id AS party_key
    FROM main.meeting_participants
    WHERE entity_id IN (SELECT party_key FROM wanted)
    UNION
    SELECT meeting_id, 'gpe:' || country_iso3
    FROM main.meeting_countries
    WHERE 'gpe:' || country_iso3 IN (SELECT party_key FROM wanted)
    UNION
    SELECT meeting_id, 'gpe:' || location_iso3
    FROM main.meetings
    WHERE 'gpe:' || location_iso3 IN (SELECT party_key FROM wanted)
)
SELECT DISTINCT m.meeting_id
FROM k
JOIN wanted AS a USING (party_key)
JOIN main.meetings AS m USING (meeting_id)
WHERE coalesce(m.meeting_date, m.first_reported) - $undated_meeting_days::INTEGER
        <= a.window_end
  AND last_day(coalesce(m.meeting_date, m.first_reported)) >= a.window_start;

-- The linking's inputs (the relations link_announcements.sql reads).
CREATE OR REPLACE TEMP TABLE inc_link_announcements AS
SELECT announcement_id, article_id, kind, expected_date, date_precision, date_text, location,
       location_iso3, event_name, sentence, start_char, end_char, stated_status AS status
FROM main.meeting_announcements
WHERE announcement_id IN (SELECT announcement_id FROM inc_link_announcement)
UNION ALL BY NAME
SELECT *
FROM inc_announcement
WHERE announcement_id IN (SELECT announcement_id FROM inc_link_announcement);

CREATE OR REPLACE TEMP TABLE inc_link_announcement_participants AS
SELECT announcement_id, entity_id
FROM main.announcement_participants
WHERE announcement_id IN (SELECT announcement_id FROM inc_link_announcement)
UNION ALL
SELECT announcement_id, entity_id
FROM inc_announcement_participants_rows
WHERE announcement_id IN (SELECT announcement_id FROM inc_link_announcement);

CREATE OR REPLACE TEMP TABLE inc_link_articles AS
SELECT DISTINCT n.article_id, w.published_date
FROM inc_link_announcements AS n
JOIN inc_announcement_window AS w USING (announcement_id);

CREATE OR REPLACE TEMP TABLE inc_link_meetings AS
SELECT * FROM main.meetings WHERE meeting_id IN (SELECT meeting_id FROM inc_link_meeting);

CREATE OR REPLACE TEMP TABLE inc_link_meeting_participants AS
SELECT * FROM main.meeting_participants
WHERE meeting_id IN (SELECT meeting_id FROM inc_link_meeting);

CREATE OR REPLACE TEMP TABLE inc_link_meeting_countries AS
SELECT * FROM main.meeting_countries
WHERE meeting_id IN (SELECT meeting_id FROM inc_link_meeting);

CREATE OR REPLACE TEMP TABLE inc_link_meeting_sources AS
SELECT * FROM main.meeting_sources
WHERE meeting_id IN (SELECT meeting_id FROM inc_link_meeting);
