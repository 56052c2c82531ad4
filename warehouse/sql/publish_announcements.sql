-- Copy the announcements, with the status and meeting the linking step gave them (as
-- published_announcements.sql words them), into the published tables.
INSERT INTO main.meeting_announcements BY NAME
SELECT * FROM work.published_meeting_announcements
ORDER BY article_id, start_char, announcement_id;

INSERT INTO main.announcement_participants
SELECT announcement_id, entity_id
FROM work.announcement_participants
ORDER BY announcement_id, entity_id;
