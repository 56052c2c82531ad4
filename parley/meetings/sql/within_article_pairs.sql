-- Within-article step, part 1: every pair of mentions of one article, scored, with the
-- within-article merge rules. The units are single mentions.

CREATE OR REPLACE TEMP TABLE _mc_wa_unit_party AS
WITH named AS (
    SELECT p.mention_id AS unit_id, p.entity_id, e.entity_type, e.country_iso3, e.weight
    FROM _mc_participant AS p
    JOIN _mc_entity AS e USING (entity_id)
)
FROM _mc_unit_parties('named');

CREATE OR REPLACE TEMP TABLE _mc_wa_unit AS
WITH base AS (
    SELECT
        mention_id AS unit_id,
        article_id,
        is_new AS has_new,
        kind,
        event_date AS best_date,
        date_precision,
        news_day,
        location,
        location_iso3,
        topics,
        setting,
        held_apart,
        published_date
    FROM _mc_mention
)
FROM _mc_unit_features('base', '_mc_wa_unit_party');

CREATE OR REPLACE TEMP TABLE _mc_wa_pair AS
SELECT a.unit_id AS a, b.unit_id AS b
FROM _mc_wa_unit AS a
JOIN _mc_wa_unit AS b ON b.article_id = a.article_id AND a.unit_id < b.unit_id;

CREATE OR REPLACE TEMP TABLE _mc_wa_pair_score AS
FROM _mc_score_pairs('_mc_wa_pair', '_mc_wa_unit', '_mc_wa_unit_party');

-- The merge rules of a mention pair:
--   apart:     one side was one of meetings held one by one ("also held bilateral meetings
--              with A, B and C") and the other names other parties (the meeting with A, B
--              and C together): never one meeting, and a group holding both fails;
--   mergeable: no hard conflict, not apart; one side's named people and bodies are a subset
--              of the other's (one man meeting the Senate and the White House in one article
--              is two meetings); they share a party (or one names none); day dates agree
--              exactly; neither or both are summits (a summit and a bilateral on its
--              sidelines are two);
--   strict:    mergeable with identical parties and kind (used when a group holds a conflict,
--              e.g. "separate meetings with A and B" joined by a mention naming A, B and C).
CREATE OR REPLACE TEMP TABLE _mc_wa_pair_merge AS
WITH pair AS (
    SELECT
        s.*,
        s.n_shared = s.na AND s.n_shared = s.nb AS same_parties,
        (ua.held_apart OR ub.held_apart) AND NOT (s.n_shared = s.na AND s.n_shared = s.nb)
            AS apart
    FROM _mc_wa_pair_score AS s
    JOIN _mc_wa_unit AS ua ON ua.unit_id = s.a
    JOIN _mc_wa_unit AS ub ON ub.unit_id = s.b
)
SELECT
    a,
    b,
    hard_conflict,
    apart,
    NOT hard_conflict
        AND NOT apart
        AND actor_subset
        AND (n_shared > 0 OR na = 0 OR nb = 0)
        AND (NOT both_day OR date_dist = 0)
        AND (ka = 'summit') = (kb = 'summit') AS mergeable,
    NOT hard_conflict
        AND same_parties
        AND (NOT both_day OR date_dist = 0)
        AND ka = kb AS strict
FROM pair;
