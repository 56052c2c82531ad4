-- Failures: meetings dated after today, or more than a day after the last article that reports
-- them (a report written before the event is an announcement, not a meeting; the one-day grace
-- covers datelines a day ahead of the publication date across time zones).
SELECT
    m.meeting_id,
    m.meeting_date,
    max(a.published_date) AS last_reported,
    CASE WHEN m.meeting_date > current_date THEN 'after today' ELSE 'after its reports' END
        AS problem
FROM meetings AS m
LEFT JOIN meeting_sources AS s USING (meeting_id)
LEFT JOIN articles AS a USING (article_id)
WHERE m.meeting_date IS NOT NULL
GROUP BY m.meeting_id, m.meeting_date
HAVING m.meeting_date > current_date
    OR m.meeting_date > max(a.published_date) + INTERVAL 1 DAY
ORDER BY m.meeting_id;
