-- One propagation step: take the smallest label among oneself and one's neighbours, then
-- the label of that label (pointer jumping, which halves long chains at every step).
CREATE OR REPLACE TEMP TABLE {graph}_cc_next_label AS
WITH hop AS (
    SELECT l.node, least(l.label, coalesce(min(n.label), l.label)) AS label
    FROM {graph}_cc_label AS l
    LEFT JOIN {graph}_cc_neighbour AS e ON e.a = l.node
    LEFT JOIN {graph}_cc_label AS n ON n.node = e.b
    GROUP BY l.node, l.label
)
SELECT h.node, least(h.label, coalesce(j.label, h.label)) AS label
FROM hop AS h
LEFT JOIN hop AS j ON j.node = h.label;
