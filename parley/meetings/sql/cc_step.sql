-- One propagation step: take the smallest label among oneself and one's neighbours, then
-- the label of that label (pointer jumping, which halves long chains at every step).
CREATE OR REPLACE TEMP TABLE _mc_cc_next AS
WITH hop AS (
    SELECT l.node, least(l.label, coalesce(min(n.label), l.label)) AS label
    FROM _mc_cc_label AS l
    LEFT JOIN _mc_cc_sym AS e ON e.a = l.node
    LEFT JOIN _mc_cc_label AS n ON n.node = e.b
    GROUP BY l.node, l.label
)
SELECT h.node, least(h.label, coalesce(j.label, h.label)) AS label
FROM hop AS h
LEFT JOIN hop AS j ON j.node = h.label;
