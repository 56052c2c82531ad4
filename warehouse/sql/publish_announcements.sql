-- Copy the announcements, with the status and meeting the linking step gave them, into the
-- published tables.
INSERT INTO main.meeting_announcements BY NAME
SELECT n.announcement_id, n.article_id, n.kind, n.expected_date, n.date_precision,
       n.date_text, n.location, n.location_iso3, n.event_name, n.sentence, n.start_char,
       n.end_char, n.status AS stated_status, l.status, l.meeting_id, l.cancelled_by
FROM work.announcements AS n
JOIN work.announcement_links AS l USING (announcement_id)
ORDER BY n.article_id, n.start_char, n.announcement_id;

INSERT INTO main.announcement_participants
SELECT announcement_id, entity_id
FROM work.announcement_participants
ORDER BY announcement_id, entity_id;
