-- Connected components by label propagation: every node starts with its own id as label.
CREATE OR REPLACE TEMP TABLE _mc_cc_sym AS
SELECT a, b FROM _mc_cc_edge
UNION
SELECT b, a FROM _mc_cc_edge;

CREATE OR REPLACE TEMP TABLE _mc_cc_label AS
SELECT node, node AS label FROM _mc_cc_node;
