-- The contract tables the scorer reads, built from the one-a-day baseline's grouping
-- (baseline_mention_meeting) of the published event mentions.
CREATE TABLE meeting_sources AS
SELECT b.meeting_id, e.article_id, e.mention_id
FROM baseline_mention_meeting AS b JOIN event_mentions AS e USING (mention_id);

CREATE TABLE meetings AS
SELECT s.meeting_id, mode(e.kind) AS kind, mode(e.event_date) AS meeting_date,
       mode(e.date_precision) AS date_precision
FROM meeting_sources AS s JOIN event_mentions AS e USING (mention_id)
GROUP BY s.meeting_id;

CREATE TABLE meeting_participants AS
SELECT DISTINCT s.meeting_id, n.canonical_name, n.country_iso3
FROM meeting_sources AS s
JOIN event_mention_participants AS p USING (mention_id)
JOIN entities AS n USING (entity_id);
