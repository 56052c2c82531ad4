-- How many labels the last step changed (none: converged, every label is its component's
-- smallest node).
SELECT count(*)
FROM {graph}_cc_next_label AS n
JOIN {graph}_cc_label AS l USING (node)
WHERE n.label <> l.label;
