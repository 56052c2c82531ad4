-- Edges of one within-article level among the still-open mentions: the mergeable pairs, or
-- at the strict level ($strict) only the strict ones.
CREATE OR REPLACE TEMP TABLE _mc_wa_level_edge AS
SELECT e.a, e.b
FROM _mc_wa_pair_merge AS e
JOIN _mc_wa_open_node AS na ON na.node = e.a
JOIN _mc_wa_open_node AS nb ON nb.node = e.b
WHERE CASE WHEN $strict THEN e.strict ELSE e.mergeable END;
