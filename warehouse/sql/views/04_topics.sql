-- What do two countries talk about, and when? One row per month, unordered country pair and
-- topic.
CREATE OR REPLACE VIEW report_topics_country_pair_month AS
WITH meeting_country AS (
    SELECT DISTINCT meeting_id, country_iso3
    FROM meeting_participants
    WHERE country_iso3 IS NOT NULL
)
SELECT
    date_trunc('month', m.meeting_date)::DATE AS month,
    a.country_iso3 AS country_a,
    b.country_iso3 AS country_b,
    t.topic,
    count(DISTINCT m.meeting_id) AS n_meetings
FROM meetings AS m
JOIN meeting_topics AS t ON t.meeting_id = m.meeting_id
JOIN meeting_country AS a ON a.meeting_id = m.meeting_id
JOIN meeting_country AS b ON b.meeting_id = m.meeting_id AND a.country_iso3 < b.country_iso3
GROUP BY ALL
ORDER BY month NULLS LAST, country_a, country_b, n_meetings DESC, t.topic;
COMMENT ON VIEW report_topics_country_pair_month IS 'Topics by month and unordered country pair (country_a < country_b): how many of the pair''s meetings that month touched each topic. month is NULL for undated meetings.';
