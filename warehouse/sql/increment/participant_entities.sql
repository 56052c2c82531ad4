-- An incremental publish, the parties' entities rows this publish changes: the entities it
-- rewrote that are or become parties (inc_new_party, inc_old_participant_entity), and the
-- published rows (inc_extra_participant_entity, fetched) of new parties it did not rewrite.
CREATE OR REPLACE TEMP TABLE inc_participant_entities_rows AS
SELECT e.entity_id, e.canonical_name, e.entity_type, e.country_iso3, e.n_articles
FROM inc_entities_rows AS e
WHERE e.entity_id IN (SELECT entity_id FROM inc_new_party)
   OR e.entity_id IN (SELECT entity_id FROM inc_old_participant_entity)
UNION ALL
SELECT entity_id, canonical_name, entity_type, country_iso3, n_articles
FROM inc_extra_participant_entity;
