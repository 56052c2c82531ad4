-- What was announced for next week, and what became of last month's announcements?
-- One row per announcement: when and where it was announced for, who, and what became of it.
CREATE OR REPLACE VIEW report_announcements AS
WITH parties AS (
    SELECT p.announcement_id,
           string_agg(coalesce(e.canonical_name, p.entity_id), ', '
                      ORDER BY coalesce(e.canonical_name, p.entity_id)) AS participants
    FROM announcement_participants AS p
    LEFT JOIN entities AS e USING (entity_id)
    GROUP BY p.announcement_id
)
SELECT
    n.announcement_id,
    a.published_date AS announced_on,
    a.outlet,
    a.source_ref,
    n.kind,
    n.event_name,
    n.expected_date,
    CASE n.date_precision
        WHEN 'week' THEN n.expected_date + 6
        WHEN 'month' THEN last_day(n.expected_date)
        ELSE n.expected_date
    END AS expected_until,
    n.date_precision,
    n.date_text,
    n.location,
    p.participants,
    n.status,
    n.meeting_id,
    m.meeting_date AS held_on,
    m.headline AS meeting_headline,
    n.sentence
FROM meeting_announcements AS n
JOIN articles AS a USING (article_id)
LEFT JOIN parties AS p USING (announcement_id)
LEFT JOIN meetings AS m ON m.meeting_id = n.meeting_id
ORDER BY n.expected_date NULLS LAST, announced_on, n.announcement_id;
COMMENT ON VIEW report_announcements IS 'Announced meetings, calls and visits with their expected dates, participants and fate: announced (pending), held (with the meeting''s date and headline) or cancelled. One row per announcing article.';
COMMENT ON COLUMN report_announcements.expected_date IS 'First day of the announced period: the day, the Monday of the week or the 1st of the month (see date_precision); NULL when no date was given.';
COMMENT ON COLUMN report_announcements.expected_until IS 'Last day of the announced period; announcements for next week: expected_date <= next Sunday AND expected_until >= next Monday.';
COMMENT ON COLUMN report_announcements.held_on IS 'The date of the meeting that an article reported held, when status = held.';
