-- Pair scoring: the one definition of the points and of how a pair of units earns them. The
-- within-article step and the cross-article step (candidates and the chaining guard) call
-- _mc_score_pairs on their own tables; the docs point here rather than restating numbers.

-- _mc_pair_points(): the hand-set, log-odds-like points of each piece of evidence (one row).
-- The -10 points are vetoes: whatever else a pair shares, it stays below every level
-- threshold (LEVEL_THRESHOLDS in cluster.py).
CREATE OR REPLACE TEMP MACRO _mc_pair_points() AS TABLE
SELECT
    -- participants (rare people weigh more: entity weight ln(1 + N / df), see mentions.sql)
    2.0::DOUBLE AS party_containment,       -- times the weighted containment of the shared parties
    2.0::DOUBLE AS party_jaccard,           -- times the weighted Jaccard of the parties
    1.0::DOUBLE AS two_shared_actors,       -- two or more shared parties that are not states
    1.5::DOUBLE AS country_dyad_only,       -- no shared party, same countries, an unresolved side
    -10.0::DOUBLE AS no_shared_party,
    -10.0::DOUBLE AS different_people,      -- different named people on both sides
    -10.0::DOUBLE AS side_vs_its_setting,   -- a side meeting and the group meeting it was held at
    -- date: both day-precise
    2.0::DOUBLE AS day_same,
    0.5::DOUBLE AS day_1_apart,
    2.0::DOUBLE AS day_before_news_day,     -- a day 1 before the other's publication-day date
    -2.0::DOUBLE AS day_2_apart,
    -- date: month-precise or undated on one side (intervals)
    0.0::DOUBLE AS interval_overlap,
    2.0::DOUBLE AS month_holds_recent_day,  -- a month holding the other's day, reported <= 7 days after it
    -1.0::DOUBLE AS interval_1_2_apart,
    -1.0::DOUBLE AS no_date_interval,       -- a side without any date interval
    -10.0::DOUBLE AS days_3_apart,          -- 3 or more days apart, any precision, or two months
    -- kind
    1.0::DOUBLE AS kind_same,
    -10.0::DOUBLE AS kind_remote_vs_in_person,  -- phone or video call vs in person
    -1.0::DOUBLE AS kind_phone_vs_video,
    -3.0::DOUBLE AS kind_summit_vs_other,   -- a summit and a bilateral on its sidelines
    -1.0::DOUBLE AS kind_visit_vs_other,    -- a visit (days long) and one meeting during it
    0.0::DOUBLE AS kind_other,              -- other different in-person kinds
    -- place
    -3.0::DOUBLE AS place_other_country,
    1.0::DOUBLE AS place_same_city,
    0.5::DOUBLE AS place_same_country,
    0.0::DOUBLE AS place_unknown,           -- a side without a place
    -- topics: times the Jaccard of the topic lists
    1.0::DOUBLE AS topic_jaccard;

-- _mc_score_pairs(pairs, units, parties): every pair (a, b) of `pairs`, scored from the
-- features in `units` (from _mc_unit_features) and the parties in `parties` (from
-- _mc_unit_parties): the sum of the points above, the facts the within-article merge rules
-- use, and hard_conflict, the pairs that may never share a meeting (the cannot-link of the
-- chaining guard: different people on both sides, phone vs in person, 3+ days apart, a side
-- meeting and the group meeting it was held on the sidelines of). `units` carry `setting`,
-- the group's entity id of a side meeting ("on the sidelines of the Quad Foreign Ministers'
-- Meeting"); a unit naming that group as a party reports the group meeting itself.
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
        -- One country alone is a dyad only between two reports naming that state and no
        -- person ("the Philippines and its bank committee" / "Philippine officials and
        -- commercial bank creditors"). Once a side names its person ("Sarney met Brazilian
        -- business leaders" is not "Brazil's talks with its creditors") the name finds its
        -- reports, and two bodies of one state ("the White House Office of Gun Violence
        -- Prevention", "the White House") are not one meeting.
        len(ua.countries) > 0 AND ua.countries = ub.countries
            AND (len(ua.countries) > 1 OR (ua.n_persons + ub.n_persons = 0
                AND ua.n_entities > ua.n_actors AND ub.n_entities > ub.n_actors))
            AS same_countries,
        ua.vague OR ub.vague AS vague,
        greatest(0, date_diff('day', least(ua.hi, ub.hi), greatest(ua.lo, ub.lo))) AS date_dist,
        ua.date_precision = 'day' AND ub.date_precision = 'day' AS both_day,
        -- Two reports dated only to different months ("talks with creditors" in March, and
        -- again in April) are two times, however close the months' ends are.
        ua.date_precision = 'month' AND ub.date_precision = 'month'
            AND date_trunc('month', ua.lo) <> date_trunc('month', ub.lo) AS other_months,
        -- The later of two days one apart only taken from its report's publication day.
        (ua.news_day AND ua.best_date = ub.best_date + 1)
        OR (ub.news_day AND ub.best_date = ua.best_date + 1) AS later_is_news_day,
        -- "Earlier this month" in a report published a few days after the other report's
        -- day: the month-precise report dates the same meeting less precisely.
        (ua.date_precision = 'month' AND ub.date_precision = 'day'
            AND ua.published_date BETWEEN ub.best_date AND ub.best_date + 7)
        OR (ub.date_precision = 'month' AND ua.date_precision = 'day'
            AND ub.published_date BETWEEN ua.best_date AND ua.best_date + 7) AS month_of_recent_day,
        ua.kind AS ka,
        ub.kind AS kb,
        ua.remote AS ra,
        ub.remote AS rb,
        ua.location_iso3 AS la,
        ub.location_iso3 AS lb,
        lower(ua.location) AS ca,
        lower(ub.location) AS cb,
        ua.topics AS ta,
        ub.topics AS tb,
        sa.unit_id IS NOT NULL OR sb.unit_id IS NOT NULL AS side_vs_setting
    FROM query_table(pairs) AS p
    JOIN query_table(units) AS ua ON ua.unit_id = p.a
    JOIN query_table(units) AS ub ON ub.unit_id = p.b
    LEFT JOIN shared AS s ON s.a = p.a AND s.b = p.b
    LEFT JOIN query_table(parties) AS sa ON sa.unit_id = p.b AND sa.entity_id = ua.setting
    LEFT JOIN query_table(parties) AS sb ON sb.unit_id = p.a AND sb.entity_id = ub.setting
),
g AS (
    SELECT
        f.*,
        n_shared_persons < pa AND n_shared_persons < pb AS divergent,
        CASE
            WHEN n_shared_actors > 0 THEN
                pt.party_containment * w_shared / least(wa, wb)
                + pt.party_jaccard * w_shared / (wa + wb - w_shared)
                + CASE WHEN n_shared_actors >= 2 THEN pt.two_shared_actors ELSE 0.0 END
            WHEN same_countries AND vague THEN pt.country_dyad_only
            ELSE pt.no_shared_party
        END AS s_participants,
        CASE
            WHEN date_dist IS NULL THEN pt.no_date_interval
            WHEN date_dist >= 3 OR other_months THEN pt.days_3_apart
            WHEN both_day AND date_dist = 0 THEN pt.day_same
            WHEN both_day AND date_dist = 1 AND later_is_news_day THEN pt.day_before_news_day
            WHEN both_day AND date_dist = 1 THEN pt.day_1_apart
            WHEN both_day THEN pt.day_2_apart
            WHEN date_dist = 0 AND month_of_recent_day THEN pt.month_holds_recent_day
            WHEN date_dist = 0 THEN pt.interval_overlap
            ELSE pt.interval_1_2_apart
        END AS s_date,
        CASE
            WHEN ra <> rb THEN pt.kind_remote_vs_in_person
            WHEN ka = kb THEN pt.kind_same
            WHEN ra THEN pt.kind_phone_vs_video
            WHEN (ka = 'summit') <> (kb = 'summit') THEN pt.kind_summit_vs_other
            WHEN (ka = 'visit') <> (kb = 'visit') THEN pt.kind_visit_vs_other
            ELSE pt.kind_other
        END AS s_kind,
        CASE
            WHEN la IS NOT NULL AND lb IS NOT NULL AND la <> lb THEN pt.place_other_country
            WHEN ca IS NOT NULL AND ca = cb THEN pt.place_same_city
            WHEN la IS NOT NULL AND la = lb THEN pt.place_same_country
            ELSE pt.place_unknown
        END AS s_location,
        CASE
            WHEN len(ta) > 0 AND len(tb) > 0 THEN
                pt.topic_jaccard * len(list_intersect(ta, tb))::DOUBLE
                / len(list_distinct(list_concat(ta, tb)))
            ELSE 0.0
        END AS s_topics,
        pt.different_people,
        pt.side_vs_its_setting
    FROM f
    CROSS JOIN _mc_pair_points() AS pt
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
    divergent OR ra <> rb OR coalesce(date_dist >= 3 OR other_months, false) OR side_vs_setting
        AS hard_conflict,
    CASE WHEN divergent THEN different_people ELSE s_participants END
        + CASE WHEN side_vs_setting THEN side_vs_its_setting ELSE 0.0 END
        + s_date + s_kind + s_location + s_topics AS score
FROM g;
