-- An incremental publish, event mentions: the new articles' mentions as staged (with their
-- article's publication date and outlet, as the bookkeeping keeps them) and their
-- participants, as stage_events.sql keeps them.
CREATE OR REPLACE TEMP TABLE inc_event_mention AS
SELECT e.* EXCLUDE (drop_id), a.published_date, a.outlet
FROM inc_stg_event_mentions AS e
JOIN inc_new_article AS a ON a.article_id = e.article_id AND a.drop_id = e.drop_id
ORDER BY a.published_date, e.mention_id;

CREATE OR REPLACE TEMP TABLE inc_event_mention_participants_rows AS
SELECT DISTINCT p.mention_id, p.entity_id, p.role_in_event
FROM inc_stg_event_participants AS p
SEMI JOIN inc_event_mention USING (mention_id)
ORDER BY p.mention_id, p.entity_id;
