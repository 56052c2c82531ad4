-- Edges of one clustering level among the still-active nodes: the meeting links, and the
-- cross-article pairs scoring at least $threshold.
CREATE OR REPLACE TEMP TABLE _mc_cc_edge AS
SELECT e.a, e.b
FROM (
    SELECT a, b FROM _mc_cross_edge WHERE score >= $threshold
    UNION ALL
    SELECT a, b FROM _mc_link
) AS e
JOIN _mc_cc_node AS na ON na.node = e.a
JOIN _mc_cc_node AS nb ON nb.node = e.b;
