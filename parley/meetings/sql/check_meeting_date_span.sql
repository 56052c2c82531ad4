-- Failures: meetings whose reports give day-precise dates more than $max_days days apart.
SELECT
    mm.meeting_id,
    min(e.event_date) AS first_date,
    max(e.event_date) AS last_date,
    date_diff('day', min(e.event_date), max(e.event_date)) AS span_days
FROM mention_meeting AS mm
JOIN event_mentions AS e USING (mention_id)
WHERE e.event_date IS NOT NULL AND coalesce(e.date_precision, 'day') = 'day'
GROUP BY mm.meeting_id
HAVING date_diff('day', min(e.event_date), max(e.event_date)) > $max_days
ORDER BY mm.meeting_id;
