-- Entities, aliases, mentions and roles, counted over the published articles only (a staged
-- copy of an article from a later drop is not counted twice). The mention stage's entity
-- mentions of sides it found only described ("Latino leaders") count like the others.
CREATE TEMP VIEW kept_entity_mentions AS
SELECT m.*
FROM (
    SELECT * FROM work.stg_entity_mentions
    UNION ALL BY NAME
    SELECT * FROM work.stg_party_mentions
) AS m
JOIN main.articles AS a ON a.article_id = m.article_id AND a.drop_id = m.drop_id;

INSERT INTO main.entity_mentions
SELECT article_id, entity_id, mention_text, label, start_char, end_char
FROM kept_entity_mentions
ORDER BY article_id, start_char;

-- The day each entity first appears: entities are stored in that order, as an incremental
-- publish appends them, so that a drop's entities share few row groups.
CREATE TEMP TABLE entity_first_seen AS
SELECT m.entity_id, min(a.published_date) AS first_seen
FROM kept_entity_mentions AS m
JOIN main.articles AS a USING (article_id)
GROUP BY m.entity_id;

-- Each field takes its most frequent value over the mentions, ties to the smallest value:
-- mode() breaks ties arbitrarily, and the same staged files must publish the same names.
INSERT INTO main.entities
WITH names AS (
    SELECT entity_id, canonical_name AS value, count(*) AS n
    FROM kept_entity_mentions
    GROUP BY ALL
), types AS (
    SELECT entity_id, entity_type AS value, count(*) AS n
    FROM kept_entity_mentions
    GROUP BY ALL
), countries AS (
    SELECT entity_id, country_iso3 AS value, count(*) AS n
    FROM kept_entity_mentions
    WHERE country_iso3 IS NOT NULL
    GROUP BY ALL
), totals AS (
    SELECT entity_id, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles
    FROM kept_entity_mentions
    GROUP BY entity_id
)
SELECT t.entity_id,
       (SELECT first(value ORDER BY n DESC, value) FROM names AS x
        WHERE x.entity_id = t.entity_id) AS canonical_name,
       (SELECT first(value ORDER BY n DESC, value) FROM types AS x
        WHERE x.entity_id = t.entity_id) AS entity_type,
       (SELECT first(value ORDER BY n DESC, value) FROM countries AS x
        WHERE x.entity_id = t.entity_id) AS country_iso3,
       t.n_mentions,
       t.n_articles
FROM totals AS t
JOIN entity_first_seen AS f USING (entity_id)
ORDER BY f.first_seen, t.entity_id;

INSERT INTO main.entity_aliases
SELECT DISTINCT entity_id, mention_text AS alias
FROM kept_entity_mentions
ORDER BY entity_id, alias;

INSERT INTO main.person_roles
SELECT r.entity_id, r.role, r.country_iso3,
       min(r.seen_date) AS first_seen,
       max(r.seen_date) AS last_seen,
       count(DISTINCT r.article_id) AS n_articles
FROM work.stg_role_observations AS r
JOIN main.articles AS a ON a.article_id = r.article_id AND a.drop_id = r.drop_id
GROUP BY r.entity_id, r.role, r.country_iso3
ORDER BY r.entity_id, first_seen;
