-- An incremental publish, roles: the new articles' role observations merged into the
-- published person_roles rows of the same (entity, role, country), as publish_entities.sql
-- aggregates them; the new articles being new, the article counts add up. A person whose
-- roles changed has the meetings dated within $margin_days of the changed roles' spans redone
-- (a meeting takes the title whose span, widened by half a year, holds its date).
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

INSERT INTO inc_entity_change
SELECT entity_id, min(first_seen) - $margin_days, max(last_seen) + $margin_days
FROM inc_person_roles_rows
GROUP BY entity_id;
