-- An incremental publish, announcements part 1: the new articles' announcements as staged
-- (stage_announcements.sql), their participants, and their windows (the macros of
-- parley/announcements/sql/windows.sql).
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
