-- The chaining guard of one clustering level. Every pair of reports that ended up in one
-- component holding a new report is scored (components of old meetings only were checked
-- when they formed); a component fails when two of its reports may never share a meeting
-- (hard conflict: different people on both sides, phone vs in person, dates 3+ days apart,
-- a side meeting and the group meeting it was held at)
-- or when its day-precise dates span more than $max_span_days days.
CREATE OR REPLACE TEMP TABLE _mc_x_component_report AS
SELECT substr(l.node, 3) AS unit_id, l.label
FROM _mc_x_cc_label AS l
WHERE l.node LIKE 'R:%';

CREATE OR REPLACE TEMP TABLE _mc_x_guard_pair AS
WITH checked AS (
    SELECT r.label
    FROM _mc_x_component_report AS r
    JOIN _mc_x_unit AS u USING (unit_id)
    GROUP BY r.label
    HAVING count(*) > 1 AND bool_or(u.has_new)
)
SELECT ra.unit_id AS a, rb.unit_id AS b
FROM _mc_x_component_report AS ra
JOIN _mc_x_component_report AS rb ON rb.label = ra.label AND ra.unit_id < rb.unit_id
WHERE ra.label IN (SELECT label FROM checked);

CREATE OR REPLACE TEMP TABLE _mc_x_guard_score AS
FROM _mc_score_pairs('_mc_x_guard_pair', '_mc_x_unit', '_mc_x_unit_party');

CREATE OR REPLACE TEMP TABLE _mc_x_failed_label AS
SELECT DISTINCT r.label
FROM _mc_x_guard_score AS s
JOIN _mc_x_component_report AS r ON r.unit_id = s.a
WHERE s.hard_conflict
UNION
SELECT r.label
FROM _mc_x_component_report AS r
JOIN _mc_mention_report AS mr ON mr.report_id = r.unit_id
JOIN _mc_mention AS m USING (mention_id)
GROUP BY r.label
HAVING bool_or(m.is_new)
   AND date_diff(
       'day',
       min(m.event_date) FILTER (WHERE m.date_precision = 'day'),
       max(m.event_date) FILTER (WHERE m.date_precision = 'day')
   ) > $max_span_days;
