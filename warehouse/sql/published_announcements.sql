-- The linking step's results as rows of the published tables, as views in the work schema:
-- a full build copies them all (publish_announcements.sql), an incremental publish those of
-- the announcements it linked again (warehouse/increment_announcements.py).
CREATE VIEW work.published_meeting_announcements AS
SELECT n.announcement_id, n.article_id, n.kind, n.expected_date, n.date_precision,
       n.date_text, n.location, n.location_iso3, n.event_name, n.sentence, n.start_char,
       n.end_char, n.status AS stated_status, l.status, l.meeting_id, l.cancelled_by
FROM work.announcements AS n
JOIN work.announcement_links AS l USING (announcement_id);

CREATE VIEW work.published_announcement_windows AS
SELECT announcement_id, published_date, window_start, window_end
FROM work.announcement_links;
