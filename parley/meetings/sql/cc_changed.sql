SELECT count(*)
FROM _mc_cc_next AS n
JOIN _mc_cc_label AS l USING (node)
WHERE n.label <> l.label;
