-- An incremental publish, people's name variants (parley/meetings/sql/names.sql), given
-- inc_touched_name (the names of the entities this publish rewrote, as they are now) and
-- inc_name_group (the bookkeeping's people of every surname those have or had): the people of
-- those surnames now, each with the variant they stand for, recomputed as the clustering
-- would over every person (a variant is always of the same surname).
CREATE OR REPLACE TEMP TABLE inc_name_now AS
SELECT entity_id, country_iso3, n_articles, given, surname
FROM inc_name_group
WHERE entity_id NOT IN (SELECT entity_id FROM inc_touched_entity)
UNION ALL
SELECT entity_id, country_iso3, n_articles, given, surname
FROM inc_touched_name;

CREATE OR REPLACE TEMP TABLE inc_person_names_rows AS
SELECT n.*, a.alias_of
FROM inc_name_now AS n
JOIN _mc_person_alias_of('inc_name_now') AS a USING (entity_id)
ORDER BY n.surname, n.entity_id;

-- People whose variant changed (or who gained or lost one) are changed entities: every
-- meeting naming one is redone, under the variant it now stands for.
INSERT INTO inc_entity_change
SELECT coalesce(o.entity_id, n.entity_id), NULL::DATE, NULL::DATE
FROM inc_name_group AS o
FULL JOIN inc_person_names_rows AS n ON n.entity_id = o.entity_id
WHERE o.alias_of IS DISTINCT FROM n.alias_of;
