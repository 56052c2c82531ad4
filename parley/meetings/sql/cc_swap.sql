CREATE OR REPLACE TEMP TABLE _mc_cc_label AS
SELECT node, label FROM _mc_cc_next;
