-- A full build's bookkeeping (schema.sql), from the build's work tables: the entity tallies,
-- the event mentions as staged (the clustering reads fields the published table does not
-- carry), people's name variants, the participants' entities and the announcements'
-- windows. Rows are stored in the order an incremental publish appends them (first
-- appearance; a surname's people together), so that an increment rewrites few row groups.
INSERT INTO parley_internal.entity_tallies
WITH names AS (
    SELECT entity_id, list({'value': value, 'n': n} ORDER BY value) AS tally
    FROM (SELECT entity_id, canonical_name AS value, count(*) AS n
          FROM kept_entity_mentions GROUP BY ALL)
    GROUP BY entity_id
),
types AS (
    SELECT entity_id, list({'value': value, 'n': n} ORDER BY value) AS tally
    FROM (SELECT entity_id, entity_type AS value, count(*) AS n
          FROM kept_entity_mentions GROUP BY ALL)
    GROUP BY entity_id
),
countries AS (
    SELECT entity_id, list({'value': value, 'n': n} ORDER BY value) AS tally
    FROM (SELECT entity_id, country_iso3 AS value, count(*) AS n
          FROM kept_entity_mentions WHERE country_iso3 IS NOT NULL GROUP BY ALL)
    GROUP BY entity_id
)
SELECT f.entity_id, n.tally, t.tally,
       coalesce(c.tally, []::STRUCT(value VARCHAR, n BIGINT)[])
FROM entity_first_seen AS f
JOIN names AS n USING (entity_id)
JOIN types AS t USING (entity_id)
LEFT JOIN countries AS c USING (entity_id)
ORDER BY f.first_seen, f.entity_id;

CREATE TABLE parley_internal.event_mentions AS
SELECT e.*, a.published_date, a.outlet
FROM work.event_mentions AS e
JOIN main.articles AS a USING (article_id)
ORDER BY a.published_date, e.mention_id;

-- People's name variants (the macros of parley/meetings/sql/names.sql), sorted by surname: a
-- publish reads and rewrites the variants of one surname together.
CREATE TEMP TABLE full_person_name AS
FROM _mc_person_names('main.entities');

INSERT INTO parley_internal.person_names
SELECT n.*, a.alias_of
FROM full_person_name AS n
JOIN _mc_person_alias_of('full_person_name') AS a USING (entity_id)
ORDER BY n.surname, n.entity_id;

DROP TABLE full_person_name;

INSERT INTO parley_internal.participant_entities
WITH party AS (
    SELECT entity_id FROM main.event_mention_participants
    UNION
    SELECT n.alias_of
    FROM main.event_mention_participants AS p
    JOIN parley_internal.person_names AS n USING (entity_id)
)
SELECT e.entity_id, e.canonical_name, e.entity_type, e.country_iso3, e.n_articles
FROM main.entities AS e
SEMI JOIN party USING (entity_id)
ORDER BY e.entity_id;

INSERT INTO parley_internal.announcement_windows
SELECT * FROM work.published_announcement_windows
ORDER BY published_date, announcement_id;

-- Lookups an incremental publish makes without scanning the history.
CREATE INDEX articles_content_sha256 ON main.articles (content_sha256);
CREATE UNIQUE INDEX entity_aliases_key ON main.entity_aliases (entity_id, alias);
CREATE INDEX person_names_surname ON parley_internal.person_names (surname);
