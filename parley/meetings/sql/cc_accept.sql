-- Components that passed the guard are final; the nodes of failed ones go to the next level.
INSERT INTO _mc_cc_final
SELECT node, label
FROM _mc_cc_label
WHERE label NOT IN (SELECT label FROM _mc_cc_bad);

CREATE OR REPLACE TEMP TABLE _mc_cc_node AS
SELECT node
FROM _mc_cc_label
WHERE label IN (SELECT label FROM _mc_cc_bad);
