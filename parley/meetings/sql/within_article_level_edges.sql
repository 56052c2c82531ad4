-- Edges of one within-article level among the still-active mentions.
CREATE OR REPLACE TEMP TABLE _mc_cc_edge AS
SELECT e.a, e.b
FROM _mc_wa_edge AS e
JOIN _mc_cc_node AS na ON na.node = e.a
JOIN _mc_cc_node AS nb ON nb.node = e.b
WHERE CASE WHEN $strict THEN e.strict ELSE e.mergeable END;
