-- Cross-article step, part 1: the clustering units are reports (the mentions of one meeting
-- within one article, merged). A report's parties are its mentions' parties; its facts come
-- from its most informative mention.

CREATE OR REPLACE TEMP TABLE _mc_x_unit_party AS
WITH named AS (
    SELECT DISTINCT r.report_id AS unit_id, p.entity_id, e.entity_type, e.country_iso3, e.weight
    FROM _mc_mention_report AS r
    JOIN _mc_participant AS p USING (mention_id)
    JOIN _mc_entity AS e USING (entity_id)
)
FROM _mc_unit_parties('named');

CREATE OR REPLACE TEMP TABLE _mc_x_unit AS
WITH m AS (
    SELECT r.report_id, m.*
    FROM _mc_mention_report AS r
    JOIN _mc_mention AS m USING (mention_id)
),
best_date AS (
    SELECT report_id, event_date, date_precision, news_day
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
        list_sort(list_distinct(flatten(list(topics)))) AS topics,
        -- The group meeting it was held on the sidelines of, if a mention says so.
        min(setting) AS setting
    FROM m
    GROUP BY report_id
),
base AS (
    SELECT
        r.report_id AS unit_id,
        r.article_id,
        r.has_new,
        k.kind,
        d.event_date AS best_date,
        d.date_precision,
        coalesce(d.news_day, false) AS news_day,
        l.location,
        l.location_iso3,
        r.topics,
        r.setting,
        r.published_date
    FROM report AS r
    JOIN best_kind AS k USING (report_id)
    LEFT JOIN best_date AS d USING (report_id)
    LEFT JOIN best_location AS l USING (report_id)
)
FROM _mc_unit_features('base', '_mc_x_unit_party');

-- The countries of each report, for blocking by country dyad.
CREATE OR REPLACE TEMP TABLE _mc_x_unit_country AS
SELECT unit_id, unnest(countries) AS country_iso3
FROM _mc_x_unit;
