-- End of one level of a clustering loop: components that passed the guard (labels not in
-- {graph}_failed_label) are final; the nodes of failed ones are the next level's open nodes.
INSERT INTO {graph}_final_label
SELECT node, label
FROM {graph}_cc_label
WHERE label NOT IN (SELECT label FROM {graph}_failed_label);

CREATE OR REPLACE TEMP TABLE {graph}_open_node AS
SELECT node
FROM {graph}_cc_label
WHERE label IN (SELECT label FROM {graph}_failed_label);
