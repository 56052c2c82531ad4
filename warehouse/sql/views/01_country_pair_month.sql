-- How often do two countries meet, month by month, and how (in person or by phone)?
-- One row per unordered pair of participant countries and calendar month.
CREATE OR REPLACE VIEW report_country_pair_month AS
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
    count(*) AS n_meetings,
    count(*) FILTER (WHERE m.kind IN ('phone_call', 'video_call')) AS n_calls,
    count(*) FILTER (WHERE m.kind NOT IN ('phone_call', 'video_call')) AS n_in_person,
    sum(m.n_articles)::BIGINT AS n_articles
FROM meetings AS m
JOIN meeting_country AS a ON a.meeting_id = m.meeting_id
JOIN meeting_country AS b ON b.meeting_id = m.meeting_id AND a.country_iso3 < b.country_iso3
GROUP BY ALL
ORDER BY month NULLS LAST, n_meetings DESC, country_a, country_b;
COMMENT ON VIEW report_country_pair_month IS 'Meetings by unordered country pair (country_a < country_b) and month of the meeting date; month is NULL for undated meetings. A meeting with three countries counts once for each of its pairs. The countries are those of meeting_countries whose officials took part (via = participant): a G20 summit pairs the states of the leaders named, not its 20 members (190 pairs).';
COMMENT ON COLUMN report_country_pair_month.month IS 'First day of the month the meetings happened (not the month they were reported).';
COMMENT ON COLUMN report_country_pair_month.n_calls IS 'Meetings held by phone or video.';
