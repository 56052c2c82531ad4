-- Clustering units = reports (the mentions of one meeting within one article, merged), for
-- the cross-article step. A report's facts come from its most informative mention.
CREATE OR REPLACE TEMP TABLE _mc_unit_entity AS
SELECT DISTINCT r.report_id AS unit_id, p.entity_id, e.entity_type, e.country_iso3, e.weight
FROM _mc_mention_report AS r
JOIN _mc_participant AS p USING (mention_id)
JOIN _mc_entity AS e USING (entity_id);

CREATE OR REPLACE TEMP TABLE _mc_unit_base AS
WITH m AS (
    SELECT r.report_id, m.*
    FROM _mc_mention_report AS r
    JOIN _mc_mention AS m USING (mention_id)
),
best_date AS (
    SELECT report_id, event_date, date_precision
    FROM m
    WHERE event_date IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY report_id
        ORDER BY date_precision = 'day' DESC, confidence DESC, event_date, mention_id
    ) = 1
),
best_kind AS (
    SELECT report_id, kind
    FROM m
    GROUP BY report_id, kind
    QUALIFY row_number() OVER (
        PARTITION BY report_id ORDER BY count(*) DESC, max(confidence) DESC, kind
    ) = 1
),
best_location AS (
    SELECT report_id, location, location_iso3
    FROM m
    WHERE location IS NOT NULL OR location_iso3 IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY report_id
        ORDER BY (location IS NOT NULL AND location_iso3 IS NOT NULL) DESC, confidence DESC,
                 location, location_iso3
    ) = 1
),
report AS (
    SELECT
        report_id,
        any_value(article_id) AS article_id,
        bool_or(is_new) AS has_new,
        any_value(published_date) AS published_date,
        list_sort(list_distinct(flatten(list(topics)))) AS topics
    FROM m
    GROUP BY report_id
)
SELECT
    r.report_id AS unit_id,
    r.article_id,
    r.has_new,
    k.kind,
    d.event_date AS best_date,
    d.date_precision,
    l.location,
    l.location_iso3,
    r.topics,
    r.published_date
FROM report AS r
JOIN best_kind AS k USING (report_id)
LEFT JOIN best_date AS d USING (report_id)
LEFT JOIN best_location AS l USING (report_id);
