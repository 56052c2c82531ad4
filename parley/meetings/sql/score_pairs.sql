-- _mc_score_pairs(pairs, units, parties): every pair (a, b) of `pairs`, scored from the
-- features in `units` (from _mc_unit_features) and the parties in `parties` (from
-- _mc_unit_parties), a sum of hand-set log-odds-like points. One definition for the
-- within-article step and the cross-article step (candidates and the chaining guard).
--   participants: weighted containment + weighted Jaccard (rare people weigh more), +1 when
--                 two or more non-state parties are shared; a country-dyad match is worth
--                 little; two different named people on both sides is a hard conflict.
--   date:         interval distance aware of precision (day / month / undated).
--   kind:         phone or video vs in person is a hard conflict; summit vs bilateral -3;
--                 a visit (days long) vs one meeting during it -1.
--   location:     different countries -3, same city +1.
--   topics:       + Jaccard of topic lists.
-- hard_conflict marks pairs that may never share a meeting (the cannot-link of the guard).
CREATE OR REPLACE TEMP MACRO _mc_score_pairs(pairs, units, parties) AS TABLE
WITH shared AS (
    SELECT
        p.a,
        p.b,
        sum(ea.weight) AS w_shared,
        count(*) AS n_shared,
        count(*) FILTER (WHERE ea.entity_type = 'PERSON') AS n_shared_persons,
        count(*) FILTER (WHERE ea.entity_type <> 'GPE') AS n_shared_actors
    FROM query_table(pairs) AS p
    JOIN query_table(parties) AS ea ON ea.unit_id = p.a
    JOIN query_table(parties) AS eb ON eb.unit_id = p.b AND eb.entity_id = ea.entity_id
    GROUP BY p.a, p.b
),
f AS (
    SELECT
        p.a,
        p.b,
        ua.article_id = ub.article_id AS same_article,
        coalesce(s.w_shared, 0.0) AS w_shared,
        coalesce(s.n_shared, 0) AS n_shared,
        coalesce(s.n_shared_persons, 0) AS n_shared_persons,
        coalesce(s.n_shared_actors, 0) AS n_shared_actors,
        ua.w_total AS wa,
        ub.w_total AS wb,
        ua.n_entities AS na,
        ub.n_entities AS nb,
        ua.n_persons AS pa,
        ub.n_persons AS pb,
        ua.n_actors AS aa,
        ub.n_actors AS ab,
        len(ua.countries) > 0 AND ua.countries = ub.countries AS same_countries,
        ua.vague OR ub.vague AS vague,
        greatest(0, date_diff('day', least(ua.hi, ub.hi), greatest(ua.lo, ub.lo))) AS date_dist,
        ua.date_precision = 'day' AND ub.date_precision = 'day' AS both_day,
        ua.kind AS ka,
        ub.kind AS kb,
        ua.remote AS ra,
        ub.remote AS rb,
        ua.location_iso3 AS la,
        ub.location_iso3 AS lb,
        lower(ua.location) AS ca,
        lower(ub.location) AS cb,
        ua.topics AS ta,
        ub.topics AS tb
    FROM query_table(pairs) AS p
    JOIN query_table(units) AS ua ON ua.unit_id = p.a
    JOIN query_table(units) AS ub ON ub.unit_id = p.b
    LEFT JOIN shared AS s ON s.a = p.a AND s.b = p.b
),
g AS (
    SELECT
        *,
        n_shared_persons < pa AND n_shared_persons < pb AS divergent,
        CASE
            WHEN n_shared_actors > 0 THEN
                2.0 * w_shared / least(wa, wb)
                + 2.0 * w_shared / (wa + wb - w_shared)
                + CASE WHEN n_shared_actors >= 2 THEN 1.0 ELSE 0.0 END
            WHEN same_countries AND vague THEN 1.5
            ELSE -10.0
        END AS s_participants,
        CASE
            WHEN date_dist IS NULL THEN -1.0
            WHEN date_dist >= 3 THEN -10.0
            WHEN both_day AND date_dist = 0 THEN 2.0
            WHEN both_day AND date_dist = 1 THEN 0.5
            WHEN both_day THEN -2.0
            WHEN date_dist = 0 THEN 0.0
            ELSE -1.0
        END AS s_date,
        CASE
            WHEN ra <> rb THEN -10.0
            WHEN ka = kb THEN 1.0
            WHEN ra THEN -1.0
            WHEN (ka = 'summit') <> (kb = 'summit') THEN -3.0
            WHEN (ka = 'visit') <> (kb = 'visit') THEN -1.0
            ELSE 0.0
        END AS s_kind,
        CASE
            WHEN la IS NOT NULL AND lb IS NOT NULL AND la <> lb THEN -3.0
            WHEN ca IS NOT NULL AND ca = cb THEN 1.0
            WHEN la IS NOT NULL AND la = lb THEN 0.5
            ELSE 0.0
        END AS s_location,
        CASE
            WHEN len(ta) > 0 AND len(tb) > 0 THEN
                len(list_intersect(ta, tb))::DOUBLE / len(list_distinct(list_concat(ta, tb)))
            ELSE 0.0
        END AS s_topics
    FROM f
)
SELECT
    a,
    b,
    same_article,
    n_shared,
    n_shared_persons,
    na,
    nb,
    pa,
    pb,
    both_day,
    date_dist,
    ka,
    kb,
    divergent,
    n_shared_actors = aa OR n_shared_actors = ab AS actor_subset,
    divergent OR ra <> rb OR coalesce(date_dist >= 3, false) AS hard_conflict,
    CASE WHEN divergent THEN -10.0 ELSE s_participants END
        + s_date + s_kind + s_location + s_topics AS score
FROM g;
