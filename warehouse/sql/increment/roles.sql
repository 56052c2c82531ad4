-- An incremental publish, roles: the new articles' role observations merged into the
-- published person_roles rows of the same (entity, role, country), as publish_entities.sql
-- aggregates them; the new articles being new, the article counts add up.
CREATE OR REPLACE TEMP TABLE inc_role_new AS
SELECT r.entity_id, r.role, r.country_iso3,
       min(r.seen_date) AS first_seen,
       max(r.seen_date) AS last_seen,
       count(DISTINCT r.article_id) AS n_articles
FROM inc_stg_role_observations AS r
JOIN inc_new_article AS a ON a.article_id = r.article_id AND a.drop_id = r.drop_id
GROUP BY r.entity_id, r.role, r.country_iso3;

CREATE OR REPLACE TEMP TABLE inc_role_old AS
SELECT p.*
FROM main.person_roles AS p
SEMI JOIN inc_role_new AS n
    ON n.entity_id = p.entity_id AND n.role = p.role
   AND n.country_iso3 IS NOT DISTINCT FROM p.country_iso3;

CREATE OR REPLACE TEMP TABLE inc_person_roles_rows AS
SELECT n.entity_id, n.role, n.country_iso3,
       least(n.first_seen, o.first_seen) AS first_seen,
       greatest(n.last_seen, o.last_seen) AS last_seen,
       n.n_articles + coalesce(o.n_articles, 0) AS n_articles
FROM inc_role_new AS n
LEFT JOIN inc_role_old AS o
    ON o.entity_id = n.entity_id AND o.role = n.role
   AND o.country_iso3 IS NOT DISTINCT FROM n.country_iso3
ORDER BY n.entity_id, first_seen;

-- The days on which a meeting's title pick may change (titles.sql: among the person's roles
-- whose span, widened by $margin_days here, holds the meeting's day, the one that holds it
-- unwidened, then the nearest, then the most attested), per person: a new role may win
-- wherever its span reaches; a role's span grown earlier or later reaches new days; and where
-- the widened spans of a changed role and another role of the person overlap, the order
-- between them may change. Elsewhere a changed role is the only one a meeting can take, and
-- it stays the pick. Titles are all a role changes in a meeting (retitle.sql).
CREATE OR REPLACE TEMP TABLE inc_role_change AS
WITH changed AS (
    SELECT n.entity_id, n.role, n.country_iso3,
           n.first_seen AS new_first, n.last_seen AS new_last,
           o.first_seen AS old_first, o.last_seen AS old_last
    FROM inc_person_roles_rows AS n
    LEFT JOIN inc_role_old AS o
        ON o.entity_id = n.entity_id AND o.role = n.role
       AND o.country_iso3 IS NOT DISTINCT FROM n.country_iso3
),
other AS (
    SELECT r.entity_id, r.role, r.country_iso3, r.first_seen, r.last_seen
    FROM main.person_roles AS r
    WHERE r.entity_id IN (SELECT entity_id FROM changed)
    UNION
    SELECT entity_id, role, country_iso3, first_seen, last_seen FROM inc_person_roles_rows
)
SELECT entity_id, new_first - $margin_days AS lo, new_last + $margin_days AS hi
FROM changed
WHERE old_first IS NULL
UNION ALL
SELECT entity_id, new_first - $margin_days, old_first - $margin_days
FROM changed
WHERE new_first < old_first
UNION ALL
SELECT entity_id, old_last + $margin_days, new_last + $margin_days
FROM changed
WHERE new_last > old_last
UNION ALL
SELECT c.entity_id,
       greatest(c.new_first, r.first_seen) - $margin_days,
       least(c.new_last, r.last_seen) + $margin_days
FROM changed AS c
JOIN other AS r
    ON r.entity_id = c.entity_id
   AND (r.role, r.country_iso3) IS DISTINCT FROM (c.role, c.country_iso3)
WHERE greatest(c.new_first, r.first_seen) - $margin_days
   <= least(c.new_last, r.last_seen) + $margin_days;
