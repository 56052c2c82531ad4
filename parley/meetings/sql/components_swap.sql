CREATE OR REPLACE TEMP TABLE {graph}_cc_label AS
SELECT node, label FROM {graph}_cc_next_label;
