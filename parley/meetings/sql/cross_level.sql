-- Edges of one clustering level among the still-open nodes: the meeting links, and the
-- report pairs scoring at least $threshold.
CREATE OR REPLACE TEMP TABLE _mc_x_level_edge AS
SELECT e.a, e.b
FROM (
    SELECT a, b FROM _mc_x_edge WHERE score >= $threshold
    UNION ALL
    SELECT a, b FROM _mc_x_meeting_link
) AS e
JOIN _mc_x_open_node AS na ON na.node = e.a
JOIN _mc_x_open_node AS nb ON nb.node = e.b;
