-- The chaining guard, part 1: every pair of reports that ended up in one component holding a
-- new report (components of old meetings only were checked when they formed).
CREATE OR REPLACE TEMP TABLE _mc_comp_report AS
SELECT substr(l.node, 3) AS unit_id, l.label
FROM _mc_cc_label AS l
WHERE l.node LIKE 'R:%';

CREATE OR REPLACE TEMP TABLE _mc_pair_in AS
WITH checked AS (
    SELECT r.label
    FROM _mc_comp_report AS r
    JOIN _mc_unit AS u USING (unit_id)
    GROUP BY r.label
    HAVING count(*) > 1 AND bool_or(u.has_new)
)
SELECT ra.unit_id AS a, rb.unit_id AS b
FROM _mc_comp_report AS ra
JOIN _mc_comp_report AS rb ON rb.label = ra.label AND ra.unit_id < rb.unit_id
WHERE ra.label IN (SELECT label FROM checked);
