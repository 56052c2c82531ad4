-- An incremental publish, announcements part 1: the new articles' announcements as staged
-- (stage_announcements.sql), their participants, their windows (the macros of
-- parley/announcements/sql/windows.sql), and the keys they could match a meeting or another
-- announcement by: their parties, or the state of the place they name (a superset of what
-- link_announcements.sql matches by). inc_meeting_key (meeting_keys.sql) is empty when the
-- clustering did not run.
CREATE TEMP TABLE IF NOT EXISTS inc_meeting_key (party_key VARCHAR, lo DATE, hi DATE);

CREATE OR REPLACE TEMP TABLE inc_announcement AS
SELECT n.* EXCLUDE (drop_id)
FROM inc_stg_announcements AS n
JOIN inc_new_article AS a ON a.article_id = n.article_id AND a.drop_id = n.drop_id;

CREATE OR REPLACE TEMP TABLE inc_announcement_participants_rows AS
SELECT DISTINCT p.announcement_id, p.entity_id
FROM inc_stg_announcement_participants AS p
SEMI JOIN inc_announcement USING (announcement_id)
ORDER BY p.announcement_id, p.entity_id;

CREATE OR REPLACE TEMP TABLE inc_announcement_windows_rows AS
SELECT
    n.announcement_id,
    a.published_date,
    _an_window_start(n.expected_date, n.date_precision, a.published_date, $day_slack)
        AS window_start,
    _an_window_end(
        n.expected_date, n.date_precision, a.published_date, $day_slack, $undated_window_days
    ) AS window_end
FROM inc_announcement AS n
JOIN inc_new_article AS a USING (article_id)
ORDER BY a.published_date, n.announcement_id;

-- Every announcement's day and window, published and new.
CREATE OR REPLACE TEMP VIEW inc_announcement_window AS
SELECT * FROM parley_internal.announcement_windows
UNION ALL
SELECT * FROM inc_announcement_windows_rows;

-- Every announcement's keys, published and new, with its stated status and window.
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
