-- The clustering step's results as rows of the published tables, as views in the work
-- schema: a full build copies them all (publish_meetings.sql), an incremental publish those
-- of the meetings it touched (warehouse/increment.py).
CREATE VIEW work.published_event_mentions AS
SELECT e.mention_id, e.article_id, e.kind, e.event_date, e.date_precision, e.date_text,
       e.location, e.location_iso3, e.sentence, e.start_char, e.end_char, e.confidence,
       mm.meeting_id
FROM work.event_mentions AS e
LEFT JOIN work.mention_meeting AS mm USING (mention_id);

CREATE VIEW work.published_meetings AS
SELECT meeting_id, kind, meeting_date, date_precision, location, location_iso3, headline,
       n_mentions, n_articles, n_outlets, first_reported, last_reported, part_of
FROM work.meetings;

CREATE VIEW work.published_meeting_participants AS
SELECT meeting_id, entity_id, canonical_name, entity_type, country_iso3, role
FROM work.meeting_participants;

CREATE VIEW work.published_meeting_countries AS
SELECT meeting_id, country_iso3, via
FROM work.meeting_countries;

CREATE VIEW work.published_meeting_sources AS
SELECT meeting_id, article_id, mention_id
FROM work.meeting_sources;

CREATE VIEW work.published_meeting_topics AS
SELECT DISTINCT meeting_id, topic
FROM work.meeting_topics;

CREATE VIEW work.published_meeting_id_redirects AS
SELECT old_meeting_id, meeting_id, merged_at
FROM work.meeting_id_redirects;
