-- An incremental publish, entities part 2, given inc_old_entity (the published rows of the
-- entities the new mentions name): the tallies with the new mentions added, and the entities
-- rows they give. Each field takes its most frequent value, ties to the smallest, as
-- publish_entities.sql picks it; the counts add up, the new articles being new.

-- The tallies of those entities by a join, not a key list (warehouse/lookup.py): with their
-- nested lists, DuckDB reads every row's lists before matching a list of 1,000 keys (600 ms
-- of 23,000 entities), where the join scans the entity-sized table in 7 ms.
CREATE OR REPLACE TEMP TABLE inc_old_tally AS
SELECT t.*
FROM parley_internal.entity_tallies AS t
SEMI JOIN inc_touched_entity USING (entity_id);

CREATE OR REPLACE TEMP TABLE inc_entity_tallies_rows AS
WITH counted AS (
    SELECT entity_id, 'names' AS field, canonical_name AS value, count(*) AS n
    FROM inc_entity_mention GROUP BY ALL
    UNION ALL
    SELECT entity_id, 'entity_types', entity_type, count(*)
    FROM inc_entity_mention GROUP BY ALL
    UNION ALL
    SELECT entity_id, 'countries', country_iso3, count(*)
    FROM inc_entity_mention WHERE country_iso3 IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT entity_id, 'names', unnest(names, recursive := true) FROM inc_old_tally
    UNION ALL
    SELECT entity_id, 'entity_types', unnest(entity_types, recursive := true) FROM inc_old_tally
    UNION ALL
    SELECT entity_id, 'countries', unnest(countries, recursive := true) FROM inc_old_tally
),
summed AS (
    SELECT entity_id, field, value, sum(n)::BIGINT AS n FROM counted GROUP BY ALL
)
SELECT
    entity_id,
    list({'value': value, 'n': n} ORDER BY value) FILTER (WHERE field = 'names') AS names,
    list({'value': value, 'n': n} ORDER BY value) FILTER (WHERE field = 'entity_types')
        AS entity_types,
    coalesce(
        list({'value': value, 'n': n} ORDER BY value) FILTER (WHERE field = 'countries'),
        []::STRUCT(value VARCHAR, n BIGINT)[]
    ) AS countries
FROM summed
GROUP BY entity_id
ORDER BY entity_id;

CREATE OR REPLACE TEMP MACRO inc_most_frequent(tally) AS
    list_sort(list_transform(tally, lambda x: {'less': -x.n, 'value': x.value}))[1].value;

CREATE OR REPLACE TEMP TABLE inc_entities_rows AS
WITH counts AS (
    SELECT entity_id, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles
    FROM inc_entity_mention
    GROUP BY entity_id
)
SELECT
    t.entity_id,
    inc_most_frequent(t.names) AS canonical_name,
    inc_most_frequent(t.entity_types) AS entity_type,
    inc_most_frequent(t.countries) AS country_iso3,
    c.n_mentions + coalesce(o.n_mentions, 0) AS n_mentions,
    c.n_articles + coalesce(o.n_articles, 0) AS n_articles
FROM inc_entity_tallies_rows AS t
JOIN counts AS c USING (entity_id)
LEFT JOIN inc_old_entity AS o USING (entity_id)
ORDER BY t.entity_id;

-- Entities whose name, type or country changed: every meeting naming one is redone.
CREATE OR REPLACE TEMP TABLE inc_entity_change AS
SELECT n.entity_id, NULL::DATE AS lo, NULL::DATE AS hi
FROM inc_entities_rows AS n
JOIN inc_old_entity AS o USING (entity_id)
WHERE (n.canonical_name, n.entity_type, n.country_iso3)
    IS DISTINCT FROM (o.canonical_name, o.entity_type, o.country_iso3);

DROP MACRO inc_most_frequent;
