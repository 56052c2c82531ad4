-- The "one-a-day" baseline of event-data systems: mentions with the same participants, the
-- same date (the event date, else the publication date) and the same kind are one meeting.
-- A mention naming nobody stands alone.
CREATE OR REPLACE TABLE baseline_mention_meeting AS
WITH parties AS (
    SELECT mention_id, list_sort(list(DISTINCT entity_id)) AS entity_ids
    FROM event_mention_participants
    GROUP BY mention_id
),
keyed AS (
    SELECT
        m.mention_id,
        CASE
            WHEN p.entity_ids IS NULL THEN 'alone|' || m.mention_id
            ELSE coalesce(m.kind, '') || '|'
                || coalesce(CAST(coalesce(m.event_date, a.published_date) AS VARCHAR), '') || '|'
                || array_to_string(p.entity_ids, ',')
        END AS one_a_day_key
    FROM event_mentions AS m
    LEFT JOIN articles AS a USING (article_id)
    LEFT JOIN parties AS p USING (mention_id)
)
SELECT mention_id, 'oad-' || left(sha256(one_a_day_key), 16) AS meeting_id
FROM keyed
ORDER BY mention_id;
