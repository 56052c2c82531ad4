-- Copy the clustering step's results (as published_meetings.sql words them) into the
-- published tables.
INSERT INTO main.event_mentions
SELECT * FROM work.published_event_mentions
ORDER BY article_id, start_char;

INSERT INTO main.event_mention_participants
SELECT mention_id, entity_id, role_in_event
FROM work.event_mention_participants
ORDER BY mention_id, entity_id;

INSERT INTO main.meetings BY NAME
SELECT * FROM work.published_meetings
ORDER BY meeting_date NULLS LAST, meeting_id;

INSERT INTO main.meeting_participants
SELECT * FROM work.published_meeting_participants
ORDER BY meeting_id, entity_id;

INSERT INTO main.meeting_countries
SELECT * FROM work.published_meeting_countries
ORDER BY meeting_id, country_iso3;

INSERT INTO main.meeting_sources
SELECT * FROM work.published_meeting_sources
ORDER BY meeting_id, article_id;

INSERT INTO main.meeting_topics
SELECT * FROM work.published_meeting_topics
ORDER BY meeting_id, topic;

INSERT INTO main.meeting_id_redirects
SELECT * FROM work.published_meeting_id_redirects
ORDER BY old_meeting_id;
