-- The clustering step's inputs, in the work schema: event mentions of published articles and
-- their participants, plus the published entity tables.
CREATE TABLE work.event_mentions AS
SELECT e.* EXCLUDE (drop_id)
FROM work.stg_event_mentions AS e
JOIN main.articles AS a ON a.article_id = e.article_id AND a.drop_id = e.drop_id;

CREATE TABLE work.event_mention_participants AS
SELECT DISTINCT p.mention_id, p.entity_id, p.role_in_event
FROM work.stg_event_participants AS p
JOIN work.event_mentions AS e USING (mention_id);

CREATE VIEW work.articles AS SELECT * FROM main.articles;
CREATE VIEW work.entities AS SELECT * FROM main.entities;
CREATE VIEW work.person_roles AS SELECT * FROM main.person_roles;
