-- Shared definitions (table macros) of a clustering unit: a mention in the within-article
-- step, a report in the cross-article step. Each macro reads only the tables named in its
-- arguments, so one definition serves both steps and each step writes its own tables.

-- _mc_unit_parties(named): the rows of `named` (unit_id, entity_id, entity_type,
-- country_iso3, weight; one row per unit and entity) that count as parties of the unit.
-- A state named beside a person of that state and another party ("Japan" beside Kiichi
-- Miyazawa and James Baker) adds nothing to who met whom; leaving it out keeps it from
-- diluting the participant overlap. Beside that person alone it stands for an unnamed
-- counterpart and stays.
-- (The states to drop are found first and anti-joined: most rows are no state, and a filter
-- over every row with the subqueries below costs several times more.)
CREATE OR REPLACE TEMP MACRO _mc_unit_parties(named) AS TABLE
WITH redundant_state AS (
    SELECT g.unit_id, g.entity_id
    FROM query_table(named) AS g
    WHERE g.entity_type = 'GPE'
      AND EXISTS (
          SELECT 1
          FROM query_table(named) AS p
          WHERE p.unit_id = g.unit_id AND p.entity_type = 'PERSON'
            AND p.country_iso3 = g.country_iso3
      )
      AND (
          SELECT count(*)
          FROM query_table(named) AS o
          WHERE o.unit_id = g.unit_id AND o.entity_id <> g.entity_id
      ) >= 2
)
SELECT n.*
FROM query_table(named) AS n
ANTI JOIN redundant_state AS r ON r.unit_id = n.unit_id AND r.entity_id = n.entity_id;

-- _mc_date_lo(day, date_precision, published_date), _mc_date_hi(...): the interval of days a
-- date allows: the day, its month (date_precision 'month'), or the week before publication
-- when there is no date. A mention's own date gives the interval its report may claim
-- (parley/meetings/scope.py looks for the reports a new one can pair with by it).
CREATE OR REPLACE TEMP MACRO _mc_date_lo(day, date_precision, published_date) AS
    CASE
        WHEN day IS NULL THEN published_date - 7
        WHEN date_precision = 'month' THEN date_trunc('month', day)::DATE
        ELSE day
    END;

CREATE OR REPLACE TEMP MACRO _mc_date_hi(day, date_precision, published_date) AS
    CASE
        WHEN day IS NULL THEN published_date
        WHEN date_precision = 'month' THEN last_day(day)
        ELSE day
    END;

-- _mc_unit_features(base, parties): one row per unit of `base` (unit_id, article_id, has_new,
-- kind, best_date, date_precision, location, location_iso3, topics, published_date) with the
-- features blocking and scoring use, from its `parties` (the output of _mc_unit_parties).
-- lo/hi: the interval of days the unit's date allows (_mc_date_lo, _mc_date_hi).
CREATE OR REPLACE TEMP MACRO _mc_unit_features(base, parties) AS TABLE
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
    FROM query_table(parties)
    GROUP BY unit_id
)
SELECT
    b.*,
    b.kind IN ('phone_call', 'video_call') AS remote,
    _mc_date_lo(b.best_date, b.date_precision, b.published_date) AS lo,
    _mc_date_hi(b.best_date, b.date_precision, b.published_date) AS hi,
    coalesce(e.w_total, 0.0) AS w_total,
    coalesce(e.n_entities, 0) AS n_entities,
    coalesce(e.n_persons, 0) AS n_persons,
    coalesce(e.n_actors, 0) AS n_actors,
    coalesce(e.countries, []::VARCHAR[]) AS countries,
    -- A country present only through a state or body, not a named person: an unresolved
    -- official ("a senior Japanese trade official"), to be matched by country dyad.
    coalesce(len(e.countries) > e.n_person_countries, false) AS vague
FROM query_table(base) AS b
LEFT JOIN ent AS e USING (unit_id);
