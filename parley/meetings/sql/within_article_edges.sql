CREATE OR REPLACE TEMP TABLE _mc_wa_edge AS
SELECT
    a,
    b,
    hard_conflict,
    NOT hard_conflict
        AND actor_subset
        AND (n_shared > 0 OR na = 0 OR nb = 0)
        AND (NOT both_day OR date_dist = 0)
        AND (ka = 'summit') = (kb = 'summit') AS mergeable,
    NOT hard_conflict
        AND n_shared = na AND n_shared = nb
        AND (NOT both_day OR date_dist = 0)
        AND ka = kb AS strict
FROM _mc_pair_score;

CREATE OR REPLACE TEMP TABLE _mc_cc_node AS
SELECT mention_id AS node FROM _mc_mention;
