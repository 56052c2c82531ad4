-- What do two countries talk about, and when? One row per month, unordered country pair and
-- topic.
CREATE OR REPLACE VIEW report_topics_country_pair_month AS
-- The states whose officials took part; the other members of a participating group
-- (via = 'membership') are left out, so a summit of twenty states is not 190 pairs.
WITH meeting_country AS (
    SELECT meeting_id, country_iso3
    FROM meeting_countries
    WHERE via = 'participant'
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
COMMENT ON VIEW report_topics_country_pair_month IS 'Topics by month and unordered country pair (country_a < country_b): how many of the pair''s meetings that month touched each topic. month is NULL for undated meetings. Countries are those whose officials took part (meeting_countries, via = participant), not every member of a participating group.';
