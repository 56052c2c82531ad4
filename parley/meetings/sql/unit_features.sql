-- A state named beside a person of that state and another party ("Japan" beside Kiichi
-- Miyazawa and James Baker) adds nothing to who met whom; leaving it out keeps it from
-- diluting the participant overlap. Beside that person alone it stands for an unnamed
-- counterpart and stays.
DELETE FROM _mc_unit_entity AS g
WHERE g.entity_type = 'GPE'
  AND EXISTS (
      SELECT 1
      FROM _mc_unit_entity AS p
      WHERE p.unit_id = g.unit_id AND p.entity_type = 'PERSON' AND p.country_iso3 = g.country_iso3
  )
  AND (
      SELECT count(*)
      FROM _mc_unit_entity AS o
      WHERE o.unit_id = g.unit_id AND o.entity_id <> g.entity_id
  ) >= 2;

-- Features of a clustering unit (a mention or a report) used for blocking and scoring.
-- lo/hi: the interval of days the unit's date allows (a day, a month, or the week before
-- publication when undated).
CREATE OR REPLACE TEMP TABLE _mc_unit AS
WITH ent AS (
    SELECT
        unit_id,
        sum(weight) AS w_total,
        count(*) AS n_entities,
        count(*) FILTER (WHERE entity_type = 'PERSON') AS n_persons,
        count(*) FILTER (WHERE entity_type <> 'GPE') AS n_actors,
        list_sort(list(DISTINCT country_iso3) FILTER (WHERE country_iso3 IS NOT NULL))
            AS countries,
        count(DISTINCT country_iso3) FILTER (WHERE entity_type = 'PERSON') AS n_person_countries
    FROM _mc_unit_entity
    GROUP BY unit_id
)
SELECT
    b.*,
    b.kind IN ('phone_call', 'video_call') AS remote,
    CASE
        WHEN b.date_precision = 'day' THEN b.best_date
        WHEN b.date_precision = 'month' THEN date_trunc('month', b.best_date)::DATE
        ELSE b.published_date - 7
    END AS lo,
    CASE
        WHEN b.date_precision = 'day' THEN b.best_date
        WHEN b.date_precision = 'month' THEN last_day(b.best_date)
        ELSE b.published_date
    END AS hi,
    coalesce(e.w_total, 0.0) AS w_total,
    coalesce(e.n_entities, 0) AS n_entities,
    coalesce(e.n_persons, 0) AS n_persons,
    coalesce(e.n_actors, 0) AS n_actors,
    coalesce(e.countries, []::VARCHAR[]) AS countries,
    -- A country present only through a state or body, not a named person: an unresolved
    -- official ("a senior Japanese trade official"), to be matched by country dyad.
    coalesce(len(e.countries) > e.n_person_countries, false) AS vague
FROM _mc_unit_base AS b
LEFT JOIN ent AS e USING (unit_id);

CREATE OR REPLACE TEMP TABLE _mc_unit_country AS
SELECT unit_id, unnest(countries) AS country_iso3
FROM _mc_unit;
