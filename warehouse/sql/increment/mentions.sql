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

-- The participants' entities rows this publish changes: the entities it rewrote that are or
-- become participants, and the published rows (inc_extra_participant_entity, fetched) of
-- new participants it did not rewrite.
CREATE OR REPLACE TEMP TABLE inc_participant_entities_rows AS
SELECT e.entity_id, e.canonical_name, e.entity_type, e.country_iso3, e.n_articles
FROM inc_entities_rows AS e
WHERE e.entity_id IN (SELECT entity_id FROM inc_event_mention_participants_rows)
   OR e.entity_id IN (SELECT entity_id FROM inc_old_participant_entity)
UNION ALL
SELECT entity_id, canonical_name, entity_type, country_iso3, n_articles
FROM inc_extra_participant_entity;
