-- A within-article group fails when two of its mentions conflict.
CREATE OR REPLACE TEMP TABLE _mc_cc_bad AS
SELECT DISTINCT la.label
FROM _mc_wa_edge AS e
JOIN _mc_cc_label AS la ON la.node = e.a
JOIN _mc_cc_label AS lb ON lb.node = e.b
WHERE la.label = lb.label AND e.hard_conflict;
