-- Cross-article step, part 2: candidate pairs of reports, by blocking:
--   pair: an unordered pair of parties both reports name;
--   person: one named person both reports share (catches a counterpart named in one report
--         and unresolved or differently resolved in the other); not for month-precise
--         reports, which would pair with everything that person did that month;
--   group: one group of states both reports name (org:g7, from groups.csv): a report of a
--         group's meeting often names the group alone ("the G-7 finance ministers met"), so
--         it has no pair of parties and no person to share with the reports naming members;
--   dyad: an unordered pair of countries (or one country, for domestic meetings) when a
--         report has an unresolved official of a country.
-- Within each block key the reports are sorted by date and split where the gap to every
-- earlier report exceeds 2 days; only reports in the same segment whose date intervals are
-- at most 2 days apart are paired (further apart is a hard conflict, never a link; a chain
-- of month-precise reports can make a segment long). Incremental runs pair only where at
-- least one side holds a new mention.
CREATE OR REPLACE TEMP TABLE _mc_x_candidate AS
WITH keys AS (
    SELECT e1.unit_id, 'p|' || e1.entity_id || '|' || e2.entity_id AS block_key, 'pair' AS block_kind
    FROM _mc_x_unit_party AS e1
    JOIN _mc_x_unit_party AS e2 ON e2.unit_id = e1.unit_id AND e1.entity_id < e2.entity_id
    UNION ALL
    SELECT e.unit_id, 's|' || e.entity_id, 'person'
    FROM _mc_x_unit_party AS e
    JOIN _mc_x_unit AS u USING (unit_id)
    WHERE e.entity_type = 'PERSON' AND u.date_precision IS DISTINCT FROM 'month'
    UNION ALL
    SELECT e.unit_id, 'g|' || e.entity_id, 'group'
    FROM _mc_x_unit_party AS e
    JOIN _mc_entity AS n USING (entity_id)
    WHERE n.entity_type = 'ORG'
      AND n.canonical_name IN (SELECT group_name FROM _mc_group_member)
    UNION ALL
    SELECT c1.unit_id, 'c|' || c1.country_iso3 || '|' || c2.country_iso3, 'dyad'
    FROM _mc_x_unit_country AS c1
    JOIN _mc_x_unit_country AS c2
        ON c2.unit_id = c1.unit_id AND c1.country_iso3 <= c2.country_iso3
    JOIN _mc_x_unit AS u ON u.unit_id = c1.unit_id
    WHERE c1.country_iso3 < c2.country_iso3 OR len(u.countries) = 1
),
dated AS (
    SELECT k.unit_id, k.block_key, k.block_kind, u.lo, u.hi, u.has_new, u.vague
    FROM keys AS k
    JOIN _mc_x_unit AS u USING (unit_id)
    WHERE u.lo IS NOT NULL
),
prev AS (
    SELECT
        *,
        max(hi) OVER (
            PARTITION BY block_key ORDER BY lo, unit_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS prev_hi
    FROM dated
),
seg AS (
    SELECT
        *,
        sum(CASE WHEN prev_hi IS NULL OR lo > prev_hi + 2 THEN 1 ELSE 0 END) OVER (
            PARTITION BY block_key ORDER BY lo, unit_id ROWS UNBOUNDED PRECEDING
        ) AS segment
    FROM prev
),
-- Each pair is generated from a "driving" side so the join never enumerates pairs it would
-- throw away: a new report (every report, in a first run), and for country dyads a vague
-- report (a dyad segment can hold every domestic meeting of a month).
driven AS (
    SELECT d.unit_id AS x, o.unit_id AS y
    FROM seg AS d
    JOIN seg AS o
        ON o.block_key = d.block_key AND o.segment = d.segment AND o.unit_id <> d.unit_id
    WHERE d.block_kind <> 'dyad' AND d.has_new
      AND greatest(d.lo, o.lo) <= least(d.hi, o.hi) + 2
    UNION ALL
    SELECT d.unit_id, o.unit_id
    FROM seg AS d
    JOIN seg AS o
        ON o.block_key = d.block_key AND o.segment = d.segment AND o.unit_id <> d.unit_id
    WHERE d.block_kind = 'dyad' AND d.vague AND (d.has_new OR o.has_new)
      AND greatest(d.lo, o.lo) <= least(d.hi, o.hi) + 2
)
SELECT DISTINCT least(x, y) AS a, greatest(x, y) AS b
FROM driven
JOIN _mc_x_unit AS ux ON ux.unit_id = driven.x
JOIN _mc_x_unit AS uy ON uy.unit_id = driven.y
WHERE ux.article_id <> uy.article_id;
