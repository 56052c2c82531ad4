-- Connected components by label propagation, shared by both clustering loops. {graph} is the
-- prefix of the calling loop's tables (_mc_wa or _mc_x, constants in cluster.py), so each loop
-- rewrites only its own tables. Reads {graph}_open_node(node) and {graph}_level_edge(a, b).
-- Every node starts with its own id as label; edges are followed both ways.
CREATE OR REPLACE TEMP TABLE {graph}_cc_neighbour AS
SELECT a, b FROM {graph}_level_edge
UNION
SELECT b, a FROM {graph}_level_edge;

CREATE OR REPLACE TEMP TABLE {graph}_cc_label AS
SELECT node, node AS label FROM {graph}_open_node;
