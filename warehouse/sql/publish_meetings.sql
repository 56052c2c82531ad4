-- Copy the clustering step's results from the work schema into the published tables.
INSERT INTO main.event_mentions
SELECT e.mention_id, e.article_id, e.kind, e.event_date, e.date_precision, e.date_text,
       e.location, e.location_iso3, e.sentence, e.start_char, e.end_char, e.confidence,
       mm.meeting_id
FROM work.event_mentions AS e
LEFT JOIN work.mention_meeting AS mm USING (mention_id)
ORDER BY e.article_id, e.start_char;

INSERT INTO main.event_mention_participants
SELECT mention_id, entity_id, role_in_event
FROM work.event_mention_participants
ORDER BY mention_id, entity_id;

INSERT INTO main.meetings BY NAME
SELECT meeting_id, kind, meeting_date, date_precision, location, location_iso3, headline,
       n_mentions, n_articles, n_outlets, first_reported, last_reported, part_of
FROM work.meetings
ORDER BY meeting_date NULLS LAST, meeting_id;

INSERT INTO main.meeting_participants
SELECT meeting_id, entity_id, canonical_name, entity_type, country_iso3, role
FROM work.meeting_participants
ORDER BY meeting_id, entity_id;

INSERT INTO main.meeting_countries
SELECT meeting_id, country_iso3, via
FROM work.meeting_countries
ORDER BY meeting_id, country_iso3;

INSERT INTO main.meeting_sources
SELECT meeting_id, article_id, mention_id
FROM work.meeting_sources
ORDER BY meeting_id, article_id;

INSERT INTO main.meeting_topics
SELECT DISTINCT meeting_id, topic
FROM work.meeting_topics
ORDER BY meeting_id, topic;

INSERT INTO main.meeting_id_redirects
SELECT old_meeting_id, meeting_id, merged_at
FROM work.meeting_id_redirects
ORDER BY old_meeting_id;
