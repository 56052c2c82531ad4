-- The chaining guard, part 2: a component fails when two of its reports may never share a
-- meeting (hard conflict: different people on both sides, phone vs in person, dates 3+ days
-- apart) or when its day-precise dates span more than $max_span_days days.
CREATE OR REPLACE TEMP TABLE _mc_cc_bad AS
SELECT DISTINCT r.label
FROM _mc_pair_score AS s
JOIN _mc_comp_report AS r ON r.unit_id = s.a
WHERE s.hard_conflict
UNION
SELECT r.label
FROM _mc_comp_report AS r
JOIN _mc_unit AS u USING (unit_id)
GROUP BY r.label
HAVING bool_or(u.has_new)
   AND date_diff(
       'day',
       min(u.best_date) FILTER (WHERE u.date_precision = 'day'),
       max(u.best_date) FILTER (WHERE u.date_precision = 'day')
   ) > $max_span_days;
