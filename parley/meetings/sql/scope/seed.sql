-- A run over part of the history (parley/meetings/scope.py), part 1: every mention with the
-- interval of days its report may claim, and the articles the run starts from:
--   the articles of the new mentions;
--   the articles with an old mention whose interval lies within $margin_days of a new
--   mention's and that name one of the new mentions' parties or countries (a new report is
--   only scored against reports sharing a party or, for country dyads, a country, at most a
--   few days apart: cross_candidates.sql);
--   every article of a meeting that names an entity whose published facts changed, when the
--   meeting's date lies in the span given for it, if any.
CREATE OR REPLACE TEMP TABLE _sc_mention AS
SELECT
    mention_id,
    article_id,
    meeting_id,
    setting,
    meeting_id IS NULL AS is_new,
    _mc_date_lo(event_date, date_precision, published_date) AS lo,
    _mc_date_hi(event_date, date_precision, published_date) AS hi,
    coalesce(event_date, published_date) AS day,
    published_date
FROM scope_mentions;

CREATE OR REPLACE TEMP TABLE _sc_article AS
WITH new AS (
    SELECT * FROM _sc_mention WHERE is_new
),
new_party AS (
    SELECT DISTINCT p.entity_id FROM scope_participants AS p SEMI JOIN new USING (mention_id)
),
new_country AS (
    SELECT DISTINCT c.country_iso3
    FROM scope_entity_countries AS c
    SEMI JOIN new_party USING (entity_id)
    WHERE c.country_iso3 IS NOT NULL
),
near AS (
    SELECT DISTINCT o.article_id
    FROM _sc_mention AS o
    JOIN new AS n ON greatest(o.lo, n.lo) <= least(o.hi, n.hi) + $margin_days
    WHERE NOT o.is_new
),
sharing AS (
    SELECT DISTINCT m.article_id
    FROM _sc_mention AS m
    JOIN scope_participants AS p USING (mention_id)
    LEFT JOIN scope_entity_countries AS c USING (entity_id)
    WHERE m.article_id IN (SELECT article_id FROM near)
      AND (
          p.entity_id IN (SELECT entity_id FROM new_party)
          OR c.country_iso3 IN (SELECT country_iso3 FROM new_country)
      )
),
changed AS (
    SELECT DISTINCT m.meeting_id
    FROM scope_entity_changes AS c
    JOIN scope_participants AS p USING (entity_id)
    JOIN _sc_mention AS m USING (mention_id)
    JOIN scope_meetings AS g USING (meeting_id)
    WHERE c.lo IS NULL OR coalesce(g.meeting_date, g.first_reported) BETWEEN c.lo AND c.hi
)
SELECT article_id FROM new
UNION
SELECT article_id FROM sharing
UNION
SELECT m.article_id FROM _sc_mention AS m SEMI JOIN changed USING (meeting_id);
