-- Clustering units = single mentions (for the within-article step).
CREATE OR REPLACE TEMP TABLE _mc_unit_entity AS
SELECT p.mention_id AS unit_id, p.entity_id, e.entity_type, e.country_iso3, e.weight
FROM _mc_participant AS p
JOIN _mc_entity AS e USING (entity_id);

CREATE OR REPLACE TEMP TABLE _mc_unit_base AS
SELECT
    mention_id AS unit_id,
    article_id,
    is_new AS has_new,
    kind,
    event_date AS best_date,
    date_precision,
    location,
    location_iso3,
    topics,
    published_date
FROM _mc_mention;
